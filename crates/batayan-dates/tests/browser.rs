//! `<batayan-fiscal-year>` mounted in a real Chromium, through the entry point the JS loader calls.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown` under headless Chromium).

#![cfg(target_arch = "wasm32")]

use batayan_dates::{MountedDates, mount_element};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn host(tag: &str, attributes: &[(&str, &str)]) -> HtmlElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let el: HtmlElement = document.create_element(tag).expect("creates").unchecked_into();
    for (name, value) in attributes {
        el.set_attribute(name, value).expect("sets attribute");
    }
    document.body().expect("a body").append_child(&el).expect("appends");
    el
}

/// A host element in the page with the card mounted and drawn.
async fn mounted(tag: &str, attributes: &[(&str, &str)]) -> (HtmlElement, MountedDates) {
    let el = host(tag, attributes);
    let card = mount_element(el.clone()).expect("mounts");
    (el, card)
}

/// What a person sees inside the element.
fn shown_text(el: &HtmlElement) -> String {
    let shadow = el.shadow_root().expect("the card attached a shadow root");
    shadow.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn fiscal_year_renders_both_calendars_in_bangla() {
    let (el, mut mounted) = mounted("batayan-fiscal-year", &[("date", "২৭ ডিসেম্বর ২০২৩")]).await;
    let text = shown_text(&el);
    assert!(text.contains("অর্থবছর ২০২৩-২৪"), "{text}");
    assert!(text.contains("বুধবার, ২৭ ডিসেম্বর ২০২৩"), "{text}");
    assert!(text.contains("১২ পৌষ ১৪৩০"), "{text}");
    assert!(text.contains("দ্বিতীয় প্রান্তিক (অক্টোবর–ডিসেম্বর)"), "{text}");
    let bar = el.shadow_root().expect("shadow").query_selector("[role=progressbar]").expect("query").expect("a progress bar");
    assert_eq!(bar.get_attribute("aria-valuetext").as_deref(), Some("অর্থবছরের ৪৯% পার হয়েছে")); // day 180 of 366
    mounted.destroy();
    el.remove();
}

/// Bangla unless the element says otherwise, or the page does with its own meta tag: a portal's
/// `<html lang="en">` (which they declare on Bangla pages) is not the widget's language.
#[wasm_bindgen_test]
async fn the_language_is_the_elements_own_else_the_pages_meta_else_bangla() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let english_page = document.create_element("div").expect("a div");
    english_page.set_attribute("lang", "en").expect("sets");
    document.body().expect("a body").append_child(&english_page).expect("appends");
    let el: HtmlElement = document.create_element("batayan-fiscal-year").expect("creates").unchecked_into();
    el.set_attribute("date", "2024-07-01").expect("sets");
    english_page.append_child(&el).expect("appends");
    let mut card = mount_element(el.clone()).expect("mounts");
    assert!(shown_text(&el).contains("অর্থবছর ২০২৪-২৫"), "an ancestor's lang=en is not ours: {}", shown_text(&el));
    let meta = document.create_element("meta").expect("a meta");
    meta.set_attribute("name", "batayan-lang").expect("sets");
    meta.set_attribute("content", "en").expect("sets");
    document.body().expect("a body").append_child(&meta).expect("appends");
    card.attribute_changed();
    assert!(shown_text(&el).contains("Fiscal year 2024-25"), "the page's meta: {}", shown_text(&el));
    el.set_attribute("lang", "bn").expect("sets");
    card.attribute_changed();
    assert!(shown_text(&el).contains("অর্থবছর ২০২৪-২৫"), "the element's own lang wins: {}", shown_text(&el));
    meta.remove();
    card.destroy();
    english_page.remove();
}

#[wasm_bindgen_test]
async fn attribute_changes_update_language_and_date() {
    let (el, mut mounted) = mounted("batayan-fiscal-year", &[("date", "12 Poush 1430")]).await;
    el.set_attribute("lang", "en").expect("sets");
    el.set_attribute("date", "2024-07-01").expect("sets");
    mounted.attribute_changed();
    let text = shown_text(&el);
    assert!(text.contains("Fiscal year 2024-25"), "{text}");
    assert!(text.contains("Monday, 1 July 2024"), "{text}");
    assert!(text.contains("17 Asharh 1431"), "{text}");
    mounted.destroy();
    assert_eq!(shown_text(&el), "", "destroy empties the shadow root");
    mounted.destroy(); // a second destroy is harmless
    el.remove();
}

#[wasm_bindgen_test]
async fn a_language_tag_with_a_region_is_its_language() {
    let (el, mut mounted) = mounted("batayan-fiscal-year", &[("date", "১৯/০৯/২০২২"), ("lang", "en-GB")]).await;
    assert!(shown_text(&el).contains("19 September 2022"), "{}", shown_text(&el));
    mounted.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_bad_date_is_an_announced_error_not_a_crash() {
    let (el, mut mounted) = mounted("batayan-fiscal-year", &[("date", "৩১/০২/২০২৩")]).await;
    let shadow = el.shadow_root().expect("shadow");
    let alert = shadow.query_selector("[role=alert]").expect("query").expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.starts_with("ত্রুটি: "), "{text}");
    assert!(text.contains("২০২৩ সালের ফেব্রুয়ারি মাসে ৩১ তারিখ নেই"), "{text}");
    mounted.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn styles_are_adopted_not_inlined() {
    let (el, mut mounted) = mounted("batayan-fiscal-year", &[("date", "2023-12-27")]).await;
    let shadow = el.shadow_root().expect("shadow");
    assert_eq!(shadow.adopted_style_sheets().length(), 1);
    assert!(shadow.query_selector("style").expect("query").is_none(), "no <style> element (CSP would block it)");
    assert!(shadow.query_selector("[style]").expect("query").is_none(), "no style attributes (CSP would block them)");
    mounted.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn without_a_date_the_card_shows_today() {
    let (el, mut mounted) = mounted("batayan-fiscal-year", &[("lang", "en")]).await;
    let now = js_sys::Date::new_0();
    let year = now.get_full_year();
    assert!(shown_text(&el).contains(&year.to_string()), "{}", shown_text(&el));
    mounted.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn other_tags_are_refused_with_a_message() {
    let el = host("batayan-apa-table", &[]);
    assert!(mount_element(el.clone()).is_err());
    el.remove();
}
