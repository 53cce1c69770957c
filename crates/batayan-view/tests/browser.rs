//! The read-only views mounted in a real Chromium, through the entry point the JS loader calls: what a
//! citizen sees, in both languages, and every way a load can fail.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown` under headless Chromium).

#![cfg(target_arch = "wasm32")]

use batayan_view::{MountedView, mount_element};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A `<batayan-apa-table>` in the page (not a defined custom element: the test mounts it itself).
fn host(attributes: &[(&str, &str)]) -> HtmlElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let el: HtmlElement = document.create_element("batayan-apa-table").expect("creates").unchecked_into();
    for (name, value) in attributes {
        el.set_attribute(name, value).expect("sets attribute");
    }
    document.body().expect("a body").append_child(&el).expect("appends");
    el
}

/// A fixture as a `data:` URL: the element fetches it like any other address, no server needed.
fn data_url(json: &str) -> String {
    format!("data:application/json,{}", String::from(js_sys::encode_uri_component(json)))
}

fn agreement_url() -> String {
    data_url(include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json"))
}

fn report_url() -> String {
    data_url(include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json"))
}

async fn pause(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// The first element matching `selector` in the element's shadow root, waiting up to two seconds.
async fn appears(el: &HtmlElement, selector: &str) -> Element {
    let shadow = el.shadow_root().expect("the view attached a shadow root");
    for _ in 0..100 {
        if let Some(found) = shadow.query_selector(selector).expect("query") {
            return found;
        }
        pause(20).await;
    }
    panic!("{selector} never appeared; the view shows: {}", shadow.text_content().unwrap_or_default());
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn finish(mut mounted: MountedView, el: HtmlElement) {
    mounted.destroy();
    assert_eq!(el.shadow_root().expect("shadow").child_element_count(), 0, "destroy empties the shadow root");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_public_table_shows_the_total_the_rows_and_how_a_score_was_computed() {
    let (agreement, report) = (agreement_url(), report_url());
    let el = host(&[("src", &agreement), ("report-src", &report)]);
    let mounted = mount_element(el.clone()).expect("mounts");
    assert_eq!(text(&appears(&el, ".by-apa__total-figure").await), "৪৭.২৫");
    let shadow = el.shadow_root().expect("shadow");
    assert_eq!(shadow.query_selector_all(".by-apa__row").expect("query").length(), 23);
    let bars = shadow.query_selector_all("[role=progressbar]").expect("query");
    assert!(bars.length() >= 4, "a bar per area, {} found", bars.length());
    let first = appears(&el, "[data-key='1.1.1']").await;
    assert!(text(&first).contains("প্রশিক্ষণার্থী"), "{}", text(&first));
    let raw = first.query_selector(".by-apa__raw .by-explain").expect("query").expect("a score");
    assert_eq!(text(&raw), "৯০.৬৭"); // 20 + 18 = 38 against 80, 35, …
    // "How was this computed" is written when the reader opens it, and hidden again when closed.
    assert_eq!(raw.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(first.query_selector(".by-explain__text").expect("query").is_none(), "nothing written before it is opened");
    let button: HtmlElement = raw.clone().dyn_into().expect("a button");
    button.click();
    assert_eq!(raw.get_attribute("aria-expanded").as_deref(), Some("true"));
    let why = first.query_selector(".by-explain__text").expect("query").expect("an explanation");
    assert_eq!(text(&why), "অর্জন ৩৮ আছে ৯০% (৩৫) ও ১০০% (৮০) লক্ষ্যমাত্রার মাঝে: ৯০ + ১০ × (৩৮ − ৩৫) / (৮০ − ৩৫) = ৯০.৬৭।");
    button.click();
    assert_eq!(raw.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(why.has_attribute("hidden"), "closed again");
    let labels: Vec<String> = (0..16).filter_map(|k| first.children().item(k)).filter_map(|c| c.get_attribute("data-label")).collect();
    assert_eq!(labels.len(), 16, "every cell is labelled for phones: {labels:?}");
    finish(mounted, el);
}

/// The rows cross to the page as one string per table body, records and fields split by two control
/// characters: a name carrying them loses them, and every cell after it is still in its place.
#[wasm_bindgen_test]
async fn separators_in_data_cannot_shift_a_rows_cells() {
    let fixture = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
    let name = "\"name\": \"প্রশিক্ষণার্থী\"";
    assert!(fixture.contains(name), "the fixture's [১.১.১] name as written");
    let agreement = data_url(&fixture.replacen(name, "\"name\": \"প্রশিক্ষণ\\u001fার্থী\\u001e২\"", 1));
    let el = host(&[("src", &agreement)]);
    let mounted = mount_element(el.clone()).expect("mounts");
    let first = appears(&el, "[data-key='1.1.1']").await;
    let cell = |k: u32| first.children().item(k).map(|c| text(&c)).unwrap_or_default();
    assert_eq!(cell(0), "[১.১.১]");
    assert!(cell(1).starts_with("প্রশিক্ষণার্থী২"), "{}", cell(1));
    assert_eq!(cell(2), "সংখ্যা");
    assert_eq!(cell(3), "৫");
    let shadow = el.shadow_root().expect("shadow");
    assert_eq!(shadow.query_selector_all(".by-apa__row").expect("query").length(), 23, "no row more, none less");
    finish(mounted, el);
}

/// An agreement its host scores stepped (the highest level reached) is scored so: [১.১.১]'s 38 against
/// 80 and 35 is 90, not the interpolated 90.67.
#[wasm_bindgen_test]
async fn the_agreement_says_how_it_is_scored() {
    let fixture = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
    let stepped = fixture.replacen('{', "{\"scoring\": \"stepped\",", 1);
    let (agreement, report) = (data_url(&stepped), report_url());
    let el = host(&[("src", &agreement), ("report-src", &report)]);
    let mounted = mount_element(el.clone()).expect("mounts");
    let first = appears(&el, "[data-key='1.1.1']").await;
    let raw = first.query_selector(".by-apa__raw .by-explain").expect("query").expect("a score");
    assert_eq!(text(&raw), "৯০.০০");
    finish(mounted, el);
}

/// A 2019-20 agreement's second block is its mandatory objectives, and is headed so.
#[wasm_bindgen_test]
async fn the_second_block_is_named_as_the_years_documents_name_it() {
    let fixture = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
    assert!(fixture.contains("\"fiscal_year\": \"2024-25\""));
    let old = data_url(&fixture.replacen("\"fiscal_year\": \"2024-25\"", "\"fiscal_year\": \"2019-20\"", 1));
    let el = host(&[("src", &old)]);
    let mounted = mount_element(el.clone()).expect("mounts");
    let heading = appears(&el, ".by-apa__block th").await;
    assert_eq!(text(&heading), "আবশ্যিক কৌশলগত উদ্দেশ্যসমূহ");
    finish(mounted, el);
}

/// An indicator whose targets rise from 100% to 60% (days to deliver) says under its unit that lower
/// is better; the others say nothing.
#[wasm_bindgen_test]
async fn a_row_whose_targets_rise_says_lower_is_better() {
    let fixture = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
    let falling =
        "\"levels\": [\n                80.0,\n                35.0,\n                30.0,\n                25.0,\n                20.0\n              ]";
    let rising = "\"levels\": [7.0, 10.0, 15.0, 20.0, 30.0]";
    assert!(fixture.contains(falling), "the fixture's [১.১.১] levels as written");
    let agreement = data_url(&fixture.replacen(falling, rising, 1));
    let el = host(&[("src", &agreement)]);
    let mounted = mount_element(el.clone()).expect("mounts");
    let first = appears(&el, "[data-key='1.1.1']").await;
    let note = first.query_selector(".by-apa__direction").expect("query").expect("a note on [১.১.১]");
    assert_eq!(text(&note), "কম হলেই ভালো");
    let shadow = el.shadow_root().expect("shadow");
    assert_eq!(shadow.query_selector_all(".by-apa__direction").expect("query").length(), 1, "no other row has it");
    finish(mounted, el);
}

#[wasm_bindgen_test]
async fn without_a_report_only_targets_are_shown_and_english_follows_the_lang_attribute() {
    let agreement = agreement_url();
    let el = host(&[("src", &agreement), ("lang", "en")]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    let table = appears(&el, ".by-apa__table").await;
    let shadow = el.shadow_root().expect("shadow");
    assert!(shadow.query_selector(".by-apa__total-figure").expect("query").is_none(), "no report, no total");
    let shown = text(&shadow.query_selector(".by-apa").expect("query").expect("section"));
    for expected in ["Annual Performance Agreement 2024-25", "Actual 2022-23", "Projection 2026-27"] {
        assert!(shown.contains(expected), "{expected} in {shown}");
    }
    assert!(text(&table).contains("[1.1.1]"), "English digits in English");
    // A new language redraws without fetching again.
    el.set_attribute("lang", "bn").expect("sets");
    mounted.attribute_changed();
    assert!(text(&appears(&el, ".by-apa__table").await).contains("[১.১.১]"));
    finish(mounted, el);
}

#[wasm_bindgen_test]
async fn a_wrong_mode_or_timeout_is_explained_and_a_right_one_shows_the_table() {
    let agreement = agreement_url();
    let el = host(&[("src", &agreement), ("mode", "admin")]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    assert!(text(&appears(&el, "[role=alert]").await).contains("public, report বা edit"));
    el.set_attribute("mode", "public").expect("sets");
    el.set_attribute("timeout", "soon").expect("sets");
    mounted.attribute_changed();
    assert!(text(&appears(&el, "[role=alert]").await).contains("১ থেকে ৬০০-এর মধ্যে পূর্ণ সেকেন্ড"));
    el.set_attribute("timeout", "৬০").expect("sets");
    mounted.attribute_changed();
    appears(&el, ".by-apa__table").await;
    finish(mounted, el);
}

#[wasm_bindgen_test]
async fn a_missing_agreement_is_an_explained_error_with_a_way_to_try_again() {
    let el = host(&[("src", "/no-such-agreement.json")]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    let alert = appears(&el, "[role=alert]").await;
    assert!(text(&alert).contains("/no-such-agreement.json"), "{}", text(&alert));
    let retry = appears(&el, ".by-load-failed .by-button").await;
    assert_eq!(text(&retry), "আবার চেষ্টা করুন");
    // The host fixed it: the address now answers, and "try again" shows the table.
    el.set_attribute("src", &agreement_url()).expect("sets");
    mounted.attribute_changed();
    appears(&el, ".by-apa__table").await;
    finish(mounted, el);
}

#[wasm_bindgen_test]
async fn a_report_that_is_not_json_is_an_explained_error_not_a_blank_table() {
    let el = host(&[("src", &agreement_url()), ("report-src", "data:application/json,{")]);
    let mounted = mount_element(el.clone()).expect("mounts");
    let alert = appears(&el, "[role=alert]").await;
    assert!(text(&alert).contains("JSON নয়"), "{}", text(&alert));
    finish(mounted, el);
}

#[wasm_bindgen_test]
fn other_tags_are_refused_with_a_message() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let el: HtmlElement = document.create_element("batayan-fiscal-year").expect("creates").unchecked_into();
    assert!(mount_element(el).is_err());
}
