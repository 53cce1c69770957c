//! Minutes from their text as copied out of Word: header lines (`সভাপতি :`, `তারিখ :`, `সময় :`,
//! `স্থান :`, `আলোচ্য বিষয়:` with its list), the items as a table of tab-separated cells (the header row
//! names the columns; a row without a serial continues the item above, as Word's page breaks leave it),
//! and the footer (signatory, স্মারক নং / নম্বর, the issue date in one or both calendars, অনুলিপি).
//!
//! Rules for the class of documents, not one file: columns are found by their header words (a combined
//! "আলোচ্য বিষয় ও আলোচনা" column is split at its underlined topic or at "… সংক্রান্ত"); decisions inside a
//! cell are its paragraphs, a new one at each serial (`১.২.১`) or `(ক)` marker; `বাস্তবায়ন:` names the
//! implementers of the decision before it, else the item's implementers column does. Serials are kept
//! as written; a repeated or out-of-order serial is a warning at its line, never renumbered.

use crate::finding::{Finding, Severity, text_path};
use crate::locale::{Message, ParsedDate, parse_date, to_ascii_digits, to_bangla_digits};
use crate::text;

use super::MINUTES_SCHEMA;
use super::model::{Decision, Item, Minutes, Person};

/// What an import read, and what it could not or would flag.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub minutes: Minutes,
    pub findings: Vec<Finding>,
}

/// The columns of the items table, by what their header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Serial,
    Topic,
    Discussion,
    TopicAndDiscussion,
    Decision,
    Implementers,
    Other,
}

fn column_of(header: &str) -> Column {
    let h = header.trim();
    if h.contains("ক্রম") || h.contains("ক্রঃ") || h.contains("নং") {
        Column::Serial
    } else if h.contains("বাস্তবায়ন") || h.contains("দায়িত্ব") {
        Column::Implementers
    } else if h.contains("সিদ্ধান্ত") {
        Column::Decision
    } else if h.contains("আলোচনা") && h.contains("বিষয়") {
        Column::TopicAndDiscussion
    } else if h.contains("আলোচনা") {
        Column::Discussion
    } else if h.contains("বিষয়") {
        Column::Topic
    } else {
        Column::Other
    }
}

/// A line without the spaces around it and Markdown's two-space line break.
fn clean(line: &str) -> &str {
    line.trim()
}

/// `key : value` when `key` is one the header uses (`সভার স্থান`, `তারিখ`); `ঃ` (visarga) counts as a colon.
fn key_value(line: &str) -> Option<(&'static str, &str)> {
    const KEYS: [(&str, &str); 6] = [("সভাপতি", "chair"), ("তারিখ", "date"), ("সময়", "time"), ("স্থান", "venue"), ("আলোচ্য বিষয়", "agenda"), ("আলোচ্যসূচি", "agenda")];
    let at = line.find([':', 'ঃ'])?;
    let key = line[..at].trim().trim_start_matches("সভার").trim();
    let value = line[at..].trim_start_matches([':', 'ঃ']).trim();
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, name)| (*name, value))
}

/// Trailing sentence marks a header value or a list entry ends with.
fn trim_end_marks(text: &str) -> &str {
    text.trim().trim_end_matches(['।', ';', ',']).trim()
}

/// The office or committee from a title (`কয়রা উপজেলার আইসিটি …` → `কয়রা উপজেলা`): the words up to the
/// first one in the possessive, without its ending.
fn body_from_title(title: &str) -> String {
    let mut words = Vec::new();
    for word in title.split_whitespace() {
        if let Some(stem) = word.strip_suffix("ের").or_else(|| word.strip_suffix('র')).filter(|s| s.chars().count() > 1) {
            words.push(stem);
            return words.join(" ");
        }
        words.push(word);
        if words.len() > 6 {
            break;
        }
    }
    String::new()
}

/// A Bangla or ASCII number at the start of a serial (`৮.০` → 8, `১.২.১` → [1, 2, 1]), to see order.
pub(super) fn serial_numbers(serial: &str) -> Option<Vec<u32>> {
    let ascii = to_ascii_digits(serial.trim().trim_end_matches(['.', ':', '।', ')']));
    let parts: Option<Vec<u32>> = ascii.split('.').map(|p| p.trim().parse().ok()).collect();
    parts.filter(|p| !p.is_empty())
}

/// Whether a paragraph opens with a decision serial (`১.২.১ …`): numbers joined by dots, then a space.
fn leading_serial(paragraph: &str) -> Option<(&str, &str)> {
    let end = paragraph.find(char::is_whitespace)?;
    let head = &paragraph[..end];
    let numbers = serial_numbers(head)?;
    (numbers.len() >= 2 && head.contains('.')).then(|| (head.trim_end_matches(['.', ':']), paragraph[end..].trim()))
}

/// `(ক) … (খ) …` or `১। … ২। …` in one paragraph: the pieces by their markers, if there are two or more
/// in order from the first.
fn lettered(paragraph: &str) -> Option<Vec<(String, String)>> {
    const LETTERS: [&str; 10] = ["ক", "খ", "গ", "ঘ", "ঙ", "চ", "ছ", "জ", "ঝ", "ঞ"];
    const NUMBERS: [&str; 10] = ["১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯", "১০"];
    split_at_markers(paragraph, &LETTERS, |l| format!("({l})")).or_else(|| split_at_markers(paragraph, &NUMBERS, |n| format!("{n}।")))
}

fn split_at_markers(paragraph: &str, labels: &[&str], marker_of: impl Fn(&str) -> String) -> Option<Vec<(String, String)>> {
    let mut pieces: Vec<(String, String)> = Vec::new();
    let mut rest = paragraph.trim();
    for (i, letter) in labels.iter().enumerate() {
        let marker = marker_of(letter);
        // A marker starts the text or follows a space: the `২।` that ends `২০২২।` is not one.
        let Some(at) = rest.match_indices(&marker).map(|(at, _)| at).find(|&at| at == 0 || rest[..at].ends_with(char::is_whitespace)) else { break };
        if i == 0 && at != 0 {
            return None;
        }
        if let Some((_, text)) = pieces.last_mut() {
            *text = rest[..at].trim().to_owned();
        }
        pieces.push(((*letter).to_owned(), String::new()));
        rest = &rest[at + marker.len()..];
    }
    if let Some((_, text)) = pieces.last_mut() {
        *text = rest.trim().to_owned();
    }
    (pieces.len() >= 2).then_some(pieces)
}

/// Implementers as written in a cell or after `বাস্তবায়ন:`: numbered (`১। … ২। …`), or joined by `এবং`,
/// `;`, or by commas where the next piece starts a new person (`জনাব …`).
fn implementers(text: &str) -> Vec<String> {
    let plain = text::plain(&text::parse(text));
    let mut pieces: Vec<String> = Vec::new();
    // Numbered: split before each `N।`.
    let mut numbered = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let is_number_start = c.is_numeric() && (k == 0 || chars[k - 1].1.is_whitespace());
        if is_number_start {
            let digits_end = chars[k..].iter().find(|(_, d)| !d.is_numeric()).map(|(i, _)| *i).unwrap_or(plain.len());
            if plain[digits_end..].starts_with('।') || plain[digits_end..].starts_with(')') {
                if at > start {
                    numbered.push(plain[start..at].to_owned());
                }
                start = digits_end + plain[digits_end..].chars().next().map_or(0, char::len_utf8);
            }
        }
    }
    numbered.push(plain[start..].to_owned());
    for part in numbered {
        for joined in part.split(" এবং ").flat_map(|p| p.split(';')) {
            let mut person = String::new();
            for piece in joined.split(',') {
                let piece = piece.trim();
                let new_person = ["জনাব", "মোঃ", "মো:", "ড."].iter().any(|p| piece.starts_with(p));
                if new_person && !person.is_empty() {
                    pieces.push(std::mem::take(&mut person));
                }
                if !person.is_empty() {
                    person.push_str(", ");
                }
                person.push_str(piece);
            }
            pieces.push(person);
        }
    }
    pieces.iter().map(|p| trim_end_marks(p).trim_start_matches("জনাব").trim().to_owned()).filter(|p| !p.is_empty() && p != "-" && p != "--").collect()
}

/// A cell's paragraphs as plain text: its `<p>` elements, or its text as one paragraph.
fn paragraphs(cell: &str) -> Vec<String> {
    let nodes = text::parse(cell);
    let mut out = Vec::new();
    for node in &nodes {
        let para = text::plain(std::slice::from_ref(node));
        if !para.trim().is_empty() {
            out.push(para.trim().to_owned());
        }
    }
    // Text runs between paragraphs come out one per node; a cell without paragraphs is one paragraph.
    if !nodes.iter().any(|n| matches!(n, text::Node::Paragraph(_))) {
        let whole = text::plain(&nodes);
        return if whole.is_empty() { Vec::new() } else { vec![whole] };
    }
    out
}

/// The decisions written in a decision cell.
fn decisions(cell: &str) -> Vec<Decision> {
    const NAMED: [&str; 4] = ["বাস্তবায়ন:", "বাস্তবায়নে:", "বাস্তবায়নকারী:", "বাস্তবায়ন :"];
    let mut out: Vec<Decision> = Vec::new();
    for paragraph in paragraphs(cell) {
        // `বাস্তবায়ন: …` names the implementers of the decision it follows, in a paragraph of its own or
        // after the decision's last sentence in the same one.
        let (paragraph, names) = match NAMED.iter().find_map(|k| paragraph.find(k).map(|at| (at, k.len()))) {
            Some((at, length)) => (paragraph[..at].trim().to_owned(), Some(paragraph[at + length..].to_owned())),
            None => (paragraph, None),
        };
        if paragraph.is_empty() {
            if let (Some(last), Some(names)) = (out.last_mut(), names) {
                last.implementers.extend(implementers(&names));
            }
            continue;
        }
        push_decision_text(&mut out, paragraph);
        if let (Some(last), Some(names)) = (out.last_mut(), names) {
            last.implementers.extend(implementers(&names));
        }
    }
    out
}

/// Adds a paragraph of a decision cell: a new decision at a serial or `(ক)` marker, else the rest of the
/// decision before.
fn push_decision_text(out: &mut Vec<Decision>, paragraph: String) {
    if let Some((serial, rest)) = leading_serial(&paragraph) {
        out.push(Decision { serial: Some(serial.to_owned()), text: rest.to_owned(), ..Decision::default() });
        return;
    }
    if out.is_empty()
        && let Some(pieces) = lettered(&paragraph)
    {
        out.extend(pieces.into_iter().map(|(serial, text)| Decision { serial: Some(serial), text, ..Decision::default() }));
        return;
    }
    match out.last_mut() {
        // The rest of a decision whose sentence a page break cut, or its sub-list (`ক) …`).
        Some(last) => {
            let ends = last.text.ends_with(['।', '.', ':', ';']);
            last.text.push_str(if ends { "\n" } else { " " });
            last.text.push_str(&paragraph);
        }
        None => out.push(Decision { text: paragraph, ..Decision::default() }),
    }
}

/// Topic and discussion from one cell that holds both: the underlined topic at its start, else the words
/// up to `সংক্রান্ত` (with a colon after it, if any), else the first sentence.
fn split_topic(cell: &str) -> (String, String) {
    let cell = cell.trim();
    if let Some(after) = cell.strip_prefix("<u>")
        && let Some(end) = after.find("</u>")
    {
        return (after[..end].trim().to_owned(), after[end + 4..].trim().to_owned());
    }
    if let Some(at) = cell.find("সংক্রান্ত").filter(|&at| cell[..at].chars().count() <= 80) {
        let end = at + "সংক্রান্ত".len();
        let rest = cell[end..].trim_start_matches([':', 'ঃ', ' ']).trim();
        return (cell[..end].trim().to_owned(), rest.to_owned());
    }
    match cell.find('।') {
        Some(at) => (cell[..at].trim().to_owned(), cell[at + '।'.len_utf8()..].trim().to_owned()),
        None => (cell.to_owned(), String::new()),
    }
}

/// One table row with the line it starts on.
struct Row {
    line: usize,
    cells: Vec<String>,
}

/// Reads the minutes in `text`.
pub fn import(text: &str) -> Imported {
    let lines: Vec<&str> = text.lines().collect();
    let mut findings = Vec::new();
    let mut minutes = Minutes { schema: MINUTES_SCHEMA.to_owned(), ..Minutes::default() };
    let table = lines.iter().position(|l| l.matches('\t').count() >= 2 && l.contains("সিদ্ধান্ত"));
    let paragraphs = if table.is_none() { first_numbered_item(&lines) } else { None };
    let header_end = table.or(paragraphs).unwrap_or(lines.len());
    read_header(&lines[..header_end], &mut minutes, &mut findings);
    let (rows, after) = match (table, paragraphs) {
        (Some(table), _) => {
            let columns: Vec<Column> = lines[table].split('\t').map(column_of).collect();
            let (rows, after) = read_rows(&lines, table + 1, &columns);
            minutes.items = rows.iter().map(|row| item(row, &columns)).collect();
            (rows, after)
        }
        (None, Some(start)) => {
            let (rows, items, after) = numbered_items(&lines, start);
            minutes.items = items;
            (rows, after)
        }
        (None, None) => {
            findings.push(Finding::new(
                text_path(0, 0),
                Severity::Error,
                Message::new(
                    "আলোচ্য বিষয় পাওয়া যায়নি: “সিদ্ধান্ত” কলামসহ ছক (ঘরগুলো ট্যাবে আলাদা), বা “১। আলোচ্য বিষয়: …” ধরনের অনুচ্ছেদ থাকা চাই।",
                    "No items were found: the minutes need a table with a “সিদ্ধান্ত” column (cells separated by tabs), or paragraphs like “১। আলোচ্য বিষয়: …”.",
                ),
            ));
            return Imported { minutes, findings };
        }
    };
    for item in &mut minutes.items {
        for decision in &mut item.decisions {
            decision.deadline = super::rules::deadline_in(&decision.text).map(|(phrase, _)| phrase);
        }
    }
    check_serials(&rows, &minutes.items, &mut findings);
    for (row, item) in rows.iter().zip(&minutes.items) {
        if item.decisions.iter().any(|d| d.implementers.is_empty()) {
            findings.push(Finding::new(
                text_path(row.line + 1, 0),
                Severity::Warning,
                Message::new(
                    format!("আলোচ্য বিষয় {}: কোনো সিদ্ধান্তের বাস্তবায়নকারী লেখা নেই।", item.serial),
                    format!("Item {}: a decision names no implementer.", item.serial),
                ),
            ));
        }
    }
    read_footer(&lines, after, &mut minutes, &mut findings);
    minutes.follow_up = stated_follow_up(&minutes);
    Imported { minutes, findings }
}

/// A line that opens a numbered item (`১। …`, `২. …`): its serial and the rest. (`ক)`, `১)` open a
/// decision inside an item.)
fn numbered_line(line: &str) -> Option<(String, &str)> {
    let line = line.trim();
    let digits_end = line.find(|c: char| !c.is_numeric()).unwrap_or(line.len());
    if digits_end == 0 {
        return None;
    }
    let mark = line[digits_end..].chars().next()?;
    if !matches!(mark, '।' | '.') {
        return None;
    }
    let rest = line[digits_end + mark.len_utf8()..].trim();
    // `১.১.১` is a decision's serial, not an item's.
    (!rest.starts_with(|c: char| c.is_numeric())).then(|| (line[..digits_end].to_owned(), rest))
}

/// The labels an item's paragraphs use.
fn label(line: &str) -> Option<(&'static str, &str)> {
    const LABELS: [(&str, &str); 6] = [
        ("আলোচনা", "discussion"),
        ("সিদ্ধান্তসমূহ", "decisions"),
        ("সিদ্ধান্ত", "decisions"),
        ("বাস্তবায়নকারী", "implementers"),
        ("বাস্তবায়নে", "implementers"),
        ("বাস্তবায়ন", "implementers"),
    ];
    let line = line.trim();
    LABELS.iter().find_map(|(word, name)| {
        let rest = line.strip_prefix(word)?.trim_start();
        let rest = rest.strip_prefix([':', 'ঃ'])?;
        Some((*name, rest.trim()))
    })
}

/// The first numbered line whose item has a discussion or a decision label before the next one.
fn first_numbered_item(lines: &[&str]) -> Option<usize> {
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| numbered_line(lines[i]).is_some()).collect();
    starts.iter().enumerate().find_map(|(k, &start)| {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        lines[start + 1..end].iter().any(|l| matches!(label(l), Some(("discussion" | "decisions", _)))).then_some(start)
    })
}

/// Items written as numbered paragraphs with labels (`আলোচনা:`, `সিদ্ধান্ত:`, `বাস্তবায়নে:`), up to the
/// closing sentence (the line that says the meeting closed, `… সমাপ্তি …`).
fn numbered_items(lines: &[&str], start: usize) -> (Vec<Row>, Vec<Item>, usize) {
    let end = (start..lines.len()).find(|&i| lines[i].contains("সমাপ্তি")).unwrap_or(lines.len());
    let (mut rows, mut items): (Vec<Row>, Vec<Item>) = (Vec::new(), Vec::new());
    let mut field = "topic";
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        let line = clean(line);
        if line.is_empty() {
            continue;
        }
        if let Some((serial, rest)) = numbered_line(line) {
            let topic = ["আলোচ্য বিষয়", "বিষয়"].iter().find_map(|w| rest.strip_prefix(w).map(|r| r.trim_start_matches([':', 'ঃ', ' ']))).unwrap_or(rest);
            rows.push(Row { line: i, cells: Vec::new() });
            items.push(Item { serial: serial.clone(), topic: trim_end_marks(topic).to_owned(), ..Item::default() });
            field = "topic";
            continue;
        }
        let Some(item) = items.last_mut() else { continue };
        let (kind, text) = match label(line) {
            Some((kind, text)) => {
                field = kind;
                (kind, text)
            }
            None => (field, line),
        };
        match kind {
            "discussion" => {
                if !item.discussion.is_empty() && !text.is_empty() {
                    item.discussion.push('\n');
                }
                item.discussion.push_str(text);
            }
            "decisions" if !text.is_empty() => match list_marked(text) {
                // `ক) …` on a line of its own: a decision with that mark.
                Some((mark, rest)) => item.decisions.push(Decision { serial: Some(mark.to_owned()), text: rest.to_owned(), ..Decision::default() }),
                None => push_decision_text(&mut item.decisions, text.to_owned()),
            },
            "implementers" if !text.is_empty() => {
                let named = implementers(text);
                for decision in item.decisions.iter_mut().filter(|d| d.implementers.is_empty()) {
                    decision.implementers = named.clone();
                }
            }
            _ => {
                if field == "topic" && item.discussion.is_empty() {
                    item.discussion.push_str(text);
                }
            }
        }
    }
    (rows, items, end)
}

/// A line opening with a list mark (`ক)`, `(ক)`, `১)`): the mark and the rest.
fn list_marked(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    let inner = text.strip_prefix('(').unwrap_or(text);
    let close = inner.find(')')?;
    let mark = &inner[..close];
    (mark.chars().count() <= 2 && !mark.is_empty() && mark.chars().all(|c| c.is_alphabetic() || c.is_numeric())).then(|| (mark, inner[close + 1..].trim()))
}

/// The previous meeting's follow-up as the minutes state it, in the opening or an item's discussion:
/// `বিগত সভায় গৃহীত ১২টি সিদ্ধান্তের মধ্যে ৯টি বাস্তবায়িত হয়েছে` and a rate `… হার ৮৫%`.
fn stated_follow_up(minutes: &Minutes) -> Option<super::model::FollowUp> {
    let texts = std::iter::once(minutes.opening.clone()).chain(minutes.items.iter().map(|i| text::plain(&text::parse(&i.discussion))));
    for text in texts {
        let ascii = to_ascii_digits(&text);
        let Some(at) = ascii.find("সিদ্ধান্তের মধ্যে") else { continue };
        let before = &ascii[..at];
        let taken = before.trim_end().trim_end_matches("টি").rsplit(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse().ok());
        let after = &ascii[at + "সিদ্ধান্তের মধ্যে".len()..];
        let implemented = after.trim_start().split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse().ok());
        let rate = after.find('%').and_then(|p| {
            let digits: String = after[..p].chars().rev().take_while(|c| c.is_ascii_digit() || *c == '.').collect::<Vec<_>>().into_iter().rev().collect();
            digits.parse().ok()
        });
        if taken.is_some() || implemented.is_some() {
            return Some(super::model::FollowUp { taken, implemented, rate });
        }
    }
    None
}

fn read_header(lines: &[&str], minutes: &mut Minutes, findings: &mut Vec<Finding>) {
    let title = lines.iter().position(|l| l.contains("কার্যবিবরণী"));
    if let Some(at) = title {
        let line = clean(lines[at]);
        minutes.title = line.to_owned();
        if let Some(after) = line.split("কার্যবিবরণী").nth(1) {
            let number = after.trim_start_matches(['-', ' ', '–']).trim();
            minutes.meeting_number = (!number.is_empty()).then(|| number.to_owned());
        }
        let above = lines[..at].iter().map(|l| clean(l)).filter(|l| !l.is_empty() && !l.contains("গণপ্রজাতন্ত্রী") && !l.contains("www.") && !l.contains("http"));
        minutes.body = above.take(1).collect::<Vec<_>>().join(" ");
        if minutes.body.is_empty() {
            minutes.body = body_from_title(line);
        }
    } else {
        findings.push(Finding::new(
            text_path(0, 0),
            Severity::Warning,
            Message::new("“… কার্যবিবরণী” শিরোনাম পাওয়া যায়নি।", "No “… কার্যবিবরণী” title line was found."),
        ));
    }
    let mut i = title.map_or(0, |t| t + 1);
    let mut opening = Vec::new();
    while i < lines.len() {
        let line = clean(lines[i]);
        if let Some((key, value)) = key_value(line) {
            // A value may go on over the next lines (the chair's designation and office).
            let mut more = Vec::new();
            while i + 1 < lines.len() && !clean(lines[i + 1]).is_empty() && key_value(clean(lines[i + 1])).is_none() && key != "agenda" {
                i += 1;
                more.push(trim_end_marks(clean(lines[i])).to_owned());
            }
            match key {
                "chair" => {
                    let value = trim_end_marks(value).trim_start_matches("জনাব").trim();
                    let (name, designation) = value.split_once(',').map_or((value, ""), |(n, d)| (n.trim(), d.trim()));
                    let mut designation: Vec<String> = if designation.is_empty() { Vec::new() } else { vec![designation.to_owned()] };
                    designation.extend(more);
                    minutes.chair = Person { name: name.to_owned(), designation: designation.join(", ") };
                }
                "date" => {
                    minutes.date_text = value.to_owned();
                    match parse_date(value) {
                        Ok(ParsedDate { date, .. }) => minutes.date = Some(date),
                        Err(e) => findings.push(Finding::new(text_path(i + 1, 0), Severity::Warning, e.message())),
                    }
                }
                "time" => minutes.time = trim_end_marks(value).to_owned(),
                "venue" => minutes.venue = trim_end_marks(value).to_owned(),
                _ => {
                    // The agenda: the entries on the lines that follow (`- ক) …`, `খ) …`), blank lines between.
                    while let Some(j) = (i + 1..lines.len()).find(|&j| !clean(lines[j]).is_empty()) {
                        let next = clean(lines[j]);
                        let entry = next.trim_start_matches('-').trim();
                        let listed = next.starts_with('-') || entry.chars().nth(1).is_some_and(|c| c == ')' || c == '।' || c == '.');
                        if !listed {
                            break;
                        }
                        minutes.agenda.push(trim_end_marks(entry).to_owned());
                        i = j;
                    }
                }
            }
        } else if line.contains("পরিশিষ্ট") {
            let at = line.find("পরিশিষ্ট").unwrap_or(0);
            let annex: String =
                line[at..].chars().take_while(|c| !c.is_whitespace() && *c != ')' && *c != '।').filter(|c| !matches!(c, '\'' | '"' | '‘' | '’')).collect();
            minutes.attendance.annex = Some(annex);
        } else if !line.is_empty() {
            opening.push(line.to_owned());
        }
        i += 1;
    }
    minutes.opening = opening.join("\n\n");
    if minutes.chair.name.is_empty() {
        findings.push(Finding::new(
            text_path(0, 0),
            Severity::Warning,
            Message::new("সভাপতির নাম পাওয়া যায়নি (“সভাপতি :”)।", "The chair was not found (“সভাপতি :”)."),
        ));
    }
    if minutes.date.is_none() && minutes.date_text.is_empty() {
        findings.push(Finding::new(
            text_path(0, 0),
            Severity::Warning,
            Message::new("সভার তারিখ পাওয়া যায়নি (“তারিখ :”)।", "The meeting's date was not found (“তারিখ :”)."),
        ));
    }
}

/// The table's rows from `start`, a row without a serial joined to the one above; and the line after the
/// table.
fn read_rows(lines: &[&str], start: usize, columns: &[Column]) -> (Vec<Row>, usize) {
    let serial = columns.iter().position(|c| *c == Column::Serial).unwrap_or(0);
    let mut rows: Vec<Row> = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        if !line.contains('\t') {
            break;
        }
        let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
        let blank = |c: &String| c.is_empty() || c.chars().all(|ch| matches!(ch, '-' | '–' | '—'));
        if cells.iter().all(blank) {
            i += 1;
            continue;
        }
        let has_serial = cells.get(serial).is_some_and(|c| !blank(c));
        match rows.last_mut() {
            Some(previous) if !has_serial => {
                // Word leaves a vertically merged cell (the topic) out of the rows it continues into: the
                // cells that remain are the last ones, so they align from the right.
                let mut cells = cells;
                while cells.len() > 1 && cells.last().is_some_and(|c| c.is_empty()) {
                    cells.pop();
                }
                let shift = columns.len().saturating_sub(cells.len());
                let cells = std::iter::repeat_n(String::new(), shift).chain(cells);
                for (k, cell) in cells.enumerate() {
                    if blank(&cell) {
                        continue;
                    }
                    match previous.cells.get_mut(k) {
                        Some(existing) if !existing.is_empty() => {
                            existing.push(' ');
                            existing.push_str(&cell);
                        }
                        Some(existing) => *existing = cell,
                        None => previous.cells.push(cell),
                    }
                }
            }
            _ => rows.push(Row { line: i, cells }),
        }
        i += 1;
    }
    (rows, i)
}

fn item(row: &Row, columns: &[Column]) -> Item {
    let cell = |which: Column| -> String {
        columns.iter().zip(&row.cells).filter(|(c, _)| **c == which).map(|(_, v)| v.as_str()).collect::<Vec<_>>().join(" ").trim().to_owned()
    };
    let (topic, discussion) = if columns.contains(&Column::TopicAndDiscussion) {
        split_topic(&cell(Column::TopicAndDiscussion))
    } else {
        (cell(Column::Topic), cell(Column::Discussion))
    };
    let mut decisions = decisions(&cell(Column::Decision));
    let named = implementers(&cell(Column::Implementers));
    for decision in decisions.iter_mut().filter(|d| d.implementers.is_empty()) {
        decision.implementers = named.clone();
    }
    Item { serial: cell(Column::Serial), topic: trim_end_marks(&text::plain(&text::parse(&topic))).to_owned(), discussion, decisions }
}

/// A serial written twice, or one that goes back: a warning at its line (kept as written).
fn check_serials(rows: &[Row], items: &[Item], findings: &mut Vec<Finding>) {
    for (k, (row, item)) in rows.iter().zip(items).enumerate() {
        let line = row.line + 1;
        if let Some(first) = items[..k].iter().position(|earlier| earlier.serial == item.serial) {
            let before = to_bangla_digits(&(rows[first].line + 1).to_string());
            findings.push(Finding::new(
                text_path(line, 1),
                Severity::Warning,
                Message::new(
                    format!("ক্রমিক “{}” আগেও আছে ({before} নম্বর লাইনে); যেমন লেখা তেমনই রাখা হয়েছে।", item.serial),
                    format!("Serial “{}” was used before (line {}); kept as written.", item.serial, rows[first].line + 1),
                ),
            ));
        } else if let Some(previous) = k.checked_sub(1).map(|p| &items[p])
            && let (Some(now), Some(then)) = (serial_numbers(&item.serial), serial_numbers(&previous.serial))
            && now < then
        {
            findings.push(Finding::new(
                text_path(line, 1),
                Severity::Warning,
                Message::new(
                    format!("ক্রমিক “{}” এসেছে “{}”-এর পরে: ক্রম ভাঙা; যেমন লেখা তেমনই রাখা হয়েছে।", item.serial, previous.serial),
                    format!("Serial “{}” comes after “{}”: out of order; kept as written.", item.serial, previous.serial),
                ),
            ));
        }
    }
}

fn read_footer(lines: &[&str], from: usize, minutes: &mut Minutes, findings: &mut Vec<Finding>) {
    let contact = |l: &str| l.starts_with('☎') || l.starts_with("ফোন") || l.contains("ই-মেইল") || l.contains("ইমেইল") || l.to_lowercase().contains("email");
    let mut i = from;
    let next_text = |i: &mut usize| -> Option<(usize, &str)> {
        while *i < lines.len() {
            let line = clean(lines[*i]);
            *i += 1;
            if !line.is_empty() {
                return Some((*i - 1, line));
            }
        }
        None
    };
    if let Some((_, line)) = next_text(&mut i) {
        // The closing sentence, without the paragraph number some minutes give it (`৩। অতপর …`).
        let numbered = line.split_once('।').filter(|(n, _)| !n.is_empty() && n.chars().all(char::is_numeric));
        minutes.closing = numbered.map_or(line, |(_, rest)| rest.trim()).to_owned();
    }
    let mut in_distribution = false;
    let mut signatory_lines: Vec<String> = Vec::new();
    while let Some((at, line)) = next_text(&mut i) {
        if in_distribution {
            let entry = line.trim_start_matches('-').trim();
            let numbered = entry.split_once('।').filter(|(n, _)| !n.is_empty() && n.chars().all(char::is_numeric));
            if line.starts_with('-') || numbered.is_some() {
                let entry = numbered.map_or(entry, |(_, rest)| rest.trim());
                minutes.distribution.push(trim_end_marks(entry).to_owned());
                continue;
            }
            break; // the list is over (a repeated signature block follows in some minutes)
        }
        if line.starts_with("অনুলিপি") {
            in_distribution = true;
            continue;
        }
        if line.starts_with("স্মারক") || line.starts_with("নম্বর") || line.starts_with("নং") {
            let start = line.find(|c: char| c.is_numeric()).unwrap_or(line.len());
            let memo: String = line[start..].chars().filter(|c| !c.is_whitespace()).collect();
            minutes.memo_number = (!memo.is_empty()).then_some(memo);
            continue;
        }
        if let Some(value) = line.strip_prefix("তারিখ").map(|v| v.trim_start_matches([':', 'ঃ', ' ']).trim()) {
            let mut written = vec![value.to_owned()];
            // A second date on the next line: the same day in the other calendar.
            let mut j = i;
            if let Some((_, next)) = next_text(&mut j)
                && parse_date(next).is_ok()
            {
                written.push(next.to_owned());
                i = j;
            }
            let dates: Vec<ParsedDate> = written.iter().filter_map(|w| parse_date(w).ok()).collect();
            match dates.first() {
                Some(first) => {
                    if dates.iter().any(|d| d.date != first.date) {
                        findings.push(Finding::new(
                            text_path(at + 1, 0),
                            Severity::Warning,
                            Message::new("জারির তারিখ দুই পঞ্জিকায় দুই দিন বলছে।", "The issue date names two different days in its two calendars."),
                        ));
                    }
                    minutes.issued = Some(first.date);
                }
                None => findings.push(Finding::new(
                    text_path(at + 1, 0),
                    Severity::Warning,
                    Message::new("জারির তারিখ পড়া যায়নি।", "The issue date could not be read."),
                )),
            }
            minutes.issued_text = written.join(" / ");
            continue;
        }
        if minutes.signatory.name.is_empty() && !contact(line) {
            signatory_lines.push(line.trim_start_matches('(').trim_end_matches(')').trim().to_owned());
            // The name, then its designation lines up to the contacts.
            while let Some((_, next)) = next_text(&mut i) {
                if contact(next) || next.starts_with("তারিখ") || next.starts_with("স্মারক") || next.starts_with("নম্বর") {
                    i -= 1;
                    break;
                }
                signatory_lines.push(trim_end_marks(next).to_owned());
            }
            let name = signatory_lines.first().cloned().unwrap_or_default();
            minutes.signatory = Person { name, designation: signatory_lines[1..].join(", ") };
        }
    }
    if minutes.memo_number.is_none() {
        findings.push(Finding::new(text_path(0, 0), Severity::Warning, Message::new("স্মারক নম্বর পাওয়া যায়নি।", "No memo number (স্মারক নং) was found.")));
    }
}

#[cfg(test)]
mod tests;
