//! Rich text: the allow-list kept as elements, everything else shown as the characters it is.

use super::*;

fn t(text: &str) -> Node {
    Node::Text(text.to_owned())
}

#[test]
fn allowed_markup_becomes_elements_and_attributes_are_dropped() {
    assert_eq!(parse("<u>ই-নথি</u> বাস্তবায়ন"), [Node::Underline(vec![t("ই-নথি")]), t(" বাস্তবায়ন")]);
    assert_eq!(
        parse(r#"<p style="x" onclick="alert(1)">এক</p> <p>দুই<br/>তিন</p>"#),
        [Node::Paragraph(vec![t("এক")]), t(" "), Node::Paragraph(vec![t("দুই"), Node::Break, t("তিন")])]
    );
    assert_eq!(parse("<B>bold</b><STRONG>x</STRONG>"), [Node::Bold(vec![t("bold")]), Node::Bold(vec![t("x")])]);
}

#[test]
fn lists_keep_their_items() {
    assert_eq!(
        parse("<ol><li>প্রথম</li><li>দ্বিতীয় <b>গুরুত্বপূর্ণ</b></li></ol>"),
        [Node::List {
            ordered: true, items: vec![vec![t("প্রথম")], vec![t("দ্বিতীয় "), Node::Bold(vec![t("গুরুত্বপূর্ণ")])]]
        }]
    );
    assert_eq!(parse("<ul><li>এক<li>দুই</ul>"), [Node::List { ordered: false, items: vec![vec![t("এক")], vec![t("দুই")]] }], "an item closed by the next");
}

#[test]
fn everything_else_is_text_as_written() {
    let hostile = r#"<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">লিংক</a>"#;
    assert_eq!(parse(hostile), [t(r#"<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">লিংক</a>"#)]);
    assert_eq!(parse("৫ < ১০ এবং <p"), [t("৫ < ১০ এবং <p")], "a stray < and an unfinished tag");
    assert_eq!(parse("<p <b>x</b>"), [t("<p "), Node::Bold(vec![t("x")])], "a tag with a tag inside is text");
    assert_eq!(parse("<svg/onload=alert(1)>"), [t("<svg/onload=alert(1)>")]);
}

#[test]
fn unbalanced_markup_is_mended_not_trusted() {
    assert_eq!(parse("</p>এক</u>"), [t("এক")], "closers without openers are dropped");
    assert_eq!(parse("<p><b>খোলা"), [Node::Paragraph(vec![Node::Bold(vec![t("খোলা")])])], "left open: closed at the end");
    assert_eq!(parse("<p>এক<b>দুই</p>তিন"), [Node::Paragraph(vec![t("এক"), Node::Bold(vec![t("দুই")])]), t("তিন")]);
}

#[test]
fn character_references_are_read_and_others_left_alone() {
    assert_eq!(parse("A &amp; B &lt;p&gt; &#2535;&#x9E7; &copy; &"), [t("A & B <p> ১১ &copy; &")]);
    assert_eq!(parse("&lt;script&gt;"), [t("<script>")], "an escaped tag stays text, never markup");
}

#[test]
fn plain_text_puts_paragraphs_and_items_on_lines() {
    let nodes = parse("<p>১.১.১ সিদ্ধান্ত</p> <p>বাস্তবায়ন: <u>প্রশাসন</u></p><ol><li>এক</li><li>দুই</li></ol>শেষ");
    assert_eq!(plain(&nodes), "১.১.১ সিদ্ধান্ত\nবাস্তবায়ন: প্রশাসন\nএক\nদুই\nশেষ");
}
