//! Rich text from documents, made safe: minutes copied from Word or from a portal carry a little markup in
//! their cells (`<p>`, `<u>`, `<b>`, `<br>`, lists). [`parse`] keeps an allow-list of it as a small node
//! tree and turns everything else — `<script>`, `<img onerror=…>`, an unclosed `<a`, a stray `<` — into
//! plain text, shown as the characters it is. A widget draws the tree with `createElement` and
//! `textContent`; no string from data ever reaches `innerHTML`.
//!
//! Attributes are never kept (an allowed `<p style=… onclick=…>` is a plain paragraph). A closing tag
//! without its opening one is dropped; an element left open is closed at the end.

/// One piece of rich text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Text(String),
    Paragraph(Vec<Node>),
    Bold(Vec<Node>),
    Italic(Vec<Node>),
    Underline(Vec<Node>),
    Break,
    List { ordered: bool, items: Vec<Vec<Node>> },
}

/// The allowed elements, by the tag names that mean them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Bold,
    Italic,
    Underline,
    Break,
    List { ordered: bool },
    Item,
}

fn tag_of(name: &str) -> Option<Tag> {
    Some(match name.to_ascii_lowercase().as_str() {
        "p" | "div" => Tag::Paragraph,
        "b" | "strong" => Tag::Bold,
        "i" | "em" => Tag::Italic,
        "u" => Tag::Underline,
        "br" => Tag::Break,
        "ul" => Tag::List { ordered: false },
        "ol" => Tag::List { ordered: true },
        "li" => Tag::Item,
        _ => return None,
    })
}

/// A tag at the start of `rest` (which begins with `<`): whether it closes, which tag, and its length.
/// Only a well-formed allowed tag counts; anything else is text.
fn read_tag(rest: &str) -> Option<(bool, Tag, usize)> {
    let end = rest.find('>')?;
    let inside = &rest[1..end];
    // A `<` inside would be a second tag starting: this one is not well-formed.
    if inside.contains('<') {
        return None;
    }
    let inside = inside.trim();
    let (closing, inside) = match inside.strip_prefix('/') {
        Some(after) => (true, after.trim_start()),
        None => (false, inside),
    };
    let name_end = inside.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(inside.len());
    let name = &inside[..name_end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((closing, tag_of(name)?, end + 1))
}

/// The text with the common character references read (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&nbsp;`
/// and numeric ones); any other `&` stays as it is.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest.find(';').filter(|&semi| semi <= 10).map(|semi| (&rest[1..semi], semi));
        let decoded = reference.and_then(|(name, semi)| {
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")).map(|hex| u32::from_str_radix(hex, 16));
                    let number = number.or_else(|| name.strip_prefix('#').map(str::parse::<u32>))?.ok()?;
                    char::from_u32(number).filter(|c| !c.is_control() || *c == '\n')?
                }
            };
            Some((c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An element being built: its tag, its children, and for a list its items so far.
struct Open {
    tag: Tag,
    children: Vec<Node>,
    items: Vec<Vec<Node>>,
}

impl Open {
    fn new(tag: Tag) -> Open {
        Open { tag, children: Vec::new(), items: Vec::new() }
    }
}

fn close(mut open: Open) -> Node {
    match open.tag {
        Tag::Paragraph => Node::Paragraph(open.children),
        Tag::Bold => Node::Bold(open.children),
        Tag::Italic => Node::Italic(open.children),
        Tag::Underline => Node::Underline(open.children),
        Tag::List { ordered } => {
            // Text inside a list but outside its items is an item of its own.
            if open.children.iter().any(|c| !matches!(c, Node::Text(t) if t.trim().is_empty())) {
                open.items.push(open.children);
            }
            Node::List { ordered, items: open.items }
        }
        // Not reached: items go to their list in `finish_top`, breaks are never opened.
        Tag::Item | Tag::Break => Node::Paragraph(open.children),
    }
}

/// Reads `input` into nodes: allowed markup as elements, everything else as text.
pub fn parse(input: &str) -> Vec<Node> {
    let mut stack: Vec<Open> = vec![Open::new(Tag::Paragraph)];
    let mut text = String::new();
    let mut rest = input;
    let flush = |text: &mut String, stack: &mut Vec<Open>| {
        if !text.is_empty() {
            let decoded = decode(text);
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Text(decoded));
            }
            text.clear();
        }
    };
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some((closing, tag, length)) = read_tag(rest) else {
            text.push('<');
            rest = &rest[1..];
            continue;
        };
        rest = &rest[length..];
        flush(&mut text, &mut stack);
        match (closing, tag) {
            (_, Tag::Break) => {
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Break);
                }
            }
            (false, tag) => {
                // An item opens after the one before, which it closes (`<li>এক<li>দুই`).
                if tag == Tag::Item && stack.last().is_some_and(|o| o.tag == Tag::Item) {
                    finish_top(&mut stack);
                }
                stack.push(Open::new(tag));
            }
            (true, tag) => {
                // Close up to the matching open element; a closer with none open is dropped.
                let Some(depth) = stack.iter().skip(1).rposition(|o| o.tag == tag || matches!((o.tag, tag), (Tag::List { .. }, Tag::List { .. }))) else {
                    continue;
                };
                while stack.len() > depth + 1 {
                    finish_top(&mut stack);
                }
            }
        }
    }
    text.push_str(rest);
    flush(&mut text, &mut stack);
    while stack.len() > 1 {
        finish_top(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

/// Closes the innermost open element into its parent: an item into its list's items (or, outside a
/// list, its words into the parent), anything else as a node.
fn finish_top(stack: &mut Vec<Open>) {
    let Some(open) = stack.pop() else { return };
    let Some(parent) = stack.last_mut() else { return };
    match (open.tag, parent.tag) {
        (Tag::Item, Tag::List { .. }) => parent.items.push(open.children),
        (Tag::Item, _) => parent.children.extend(open.children),
        _ => parent.children.push(close(open)),
    }
}

/// The words of `nodes` without markup: paragraphs, breaks and list items on lines of their own.
pub fn plain(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_plain(nodes, &mut out);
    out.trim().to_owned()
}

fn write_plain(nodes: &[Node], out: &mut String) {
    let newline = |out: &mut String| {
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Break => newline(out),
            Node::Paragraph(children) => {
                newline(out);
                write_plain(children, out);
                newline(out);
            }
            Node::Bold(children) | Node::Italic(children) | Node::Underline(children) => write_plain(children, out),
            Node::List { items, .. } => {
                for item in items {
                    newline(out);
                    write_plain(item, out);
                }
                newline(out);
            }
        }
    }
}

#[cfg(test)]
mod tests;
