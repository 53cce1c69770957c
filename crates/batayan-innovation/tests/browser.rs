//! The innovation elements mounted in a real Chromium, through the entry point the JS loader calls:
//! the entry form keeps what is typed and compares the TCV live, a judge's running total follows the
//! marks, the gallery filters in place and shows ranks only when published.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown` under headless Chromium).

#![cfg(target_arch = "wasm32")]

use batayan_innovation::mount_element;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

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

fn data_url(json: &str) -> String {
    format!("data:application/json,{}", String::from(js_sys::encode_uri_component(json)))
}

async fn pause(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

async fn appears(el: &HtmlElement, selector: &str) -> Element {
    let shadow = el.shadow_root().expect("a shadow root");
    for _ in 0..100 {
        if let Some(found) = shadow.query_selector(selector).expect("query") {
            return found;
        }
        pause(20).await;
    }
    panic!("{selector} never appeared; the element shows: {}", shadow.text_content().unwrap_or_default());
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Types `value` into the input as a person would: the value, then an `input` event that bubbles.
fn type_into(input: &Element, value: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).expect("event")).expect("dispatches");
}

fn storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage")
}

#[wasm_bindgen_test]
async fn the_entry_form_keeps_what_is_typed_and_compares_the_tcv_live() {
    let url = "/test-entry-a";
    let el = host("batayan-innovation-entry", &[("submit-url", url)]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    let before = appears(&el, "[id='by-field/before/visits']").await;
    type_into(&before, "৩");
    type_into(&appears(&el, "[id='by-field/after/visits']").await, "০");
    let tcv = appears(&el, "[data-slot=tcv] .by-tcv__line").await;
    assert!(text(&tcv).contains("আগে ৩ বার"), "{}", text(&tcv));
    assert!(text(&tcv).contains("১০০.০০% কম"), "{}", text(&tcv));
    type_into(&appears(&el, "[id='by-field/innovator/mobile']").await, "০১৭১১-২২৩৩৪৪");
    pause(400).await;
    let key = (0..storage().length().unwrap_or(0)).filter_map(|i| storage().key(i).ok().flatten()).find(|k| k.contains(url)).expect("a draft key");
    let kept = storage().get_item(&key).ok().flatten().expect("a draft");
    assert!(kept.contains("\"/innovator/mobile\":\"০১৭১১-২২৩৩৪৪\""), "{kept}");
    // Gone and back (a reload): the same fields hold the same text.
    mounted.destroy();
    let mut again = mount_element(el.clone()).expect("mounts again");
    let mobile: HtmlInputElement = appears(&el, "[id='by-field/innovator/mobile']").await.unchecked_into();
    assert_eq!(mobile.value(), "০১৭১১-২২৩৩৪৪");
    assert!(text(&appears(&el, ".by-submit__draft").await).contains("ফিরিয়ে আনা"));
    again.destroy();
    storage().remove_item(&key).expect("cleans up");
    el.remove();
}

#[wasm_bindgen_test]
async fn review_is_refused_with_every_error_at_its_field_and_in_the_summary() {
    let el = host("batayan-innovation-entry", &[("submit-url", "/test-entry-b"), ("lang", "en")]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    type_into(&appears(&el, "[id='by-field/before/visits']").await, "১২ক");
    let form = appears(&el, "form").await;
    form.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("submit", &{
            let init = web_sys::EventInit::new();
            init.set_cancelable(true);
            init.set_bubbles(true);
            init
        })
        .expect("event"),
    )
    .expect("dispatches");
    let summary = appears(&el, ".by-summary").await;
    assert!(text(&summary).starts_with("Correct 12 fields"), "{}", text(&summary));
    assert!(text(&summary).contains("Before the innovation (one case) — Visits"), "{}", text(&summary));
    let visits = appears(&el, "[id='by-field/before/visits']").await;
    assert_eq!(visits.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(text(&appears(&el, "[id='by-field/before/visits-message']").await).contains("Error"));
    // Still on the form (no review), and what was typed is still there.
    assert_eq!(visits.unchecked_ref::<HtmlInputElement>().value(), "১২ক");
    assert!(el.shadow_root().and_then(|s| s.query_selector(".by-form__review").ok().flatten()).is_none());
    mounted.destroy();
    el.remove();
}

const RUBRIC: &str = r#"{"criteria":[{"key":"benefit","name":"Benefit","weight":60,"max":10},{"key":"novelty","name":"Novelty","weight":40,"max":5}]}"#;

#[wasm_bindgen_test]
async fn a_judge_sees_the_running_weighted_total_as_marks_are_typed() {
    let entry = include_str!("../../../tests/fixtures/innovation-entry-enothi.json");
    let queue = format!(r#"{{"judge":"judge-9","name":"Test Judge","rubric":{RUBRIC},"entries":[{{"id":7,"entry":{entry},"sheet":null}}]}}"#);
    let el = host("batayan-innovation-judging", &[("src", &data_url(&queue)), ("submit-url", "/test-sheets/{id}")]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    let benefit = appears(&el, "[id='by-field/marks/benefit']").await;
    type_into(&benefit, "৮");
    let total = appears(&el, ".by-judging__total-text").await;
    // 60 × 8/10 = 48 of 100.
    assert!(text(&total).contains("৪৮.০০ / ১০০"), "{}", text(&total));
    type_into(&appears(&el, "[id='by-field/marks/novelty']").await, "৫");
    assert!(text(&appears(&el, ".by-judging__total-text").await).contains("৮৮.০০ / ১০০"));
    let bar = appears(&el, ".by-judging__total [role=progressbar]").await;
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("88"));
    pause(400).await;
    mounted.destroy();
    let key =
        (0..storage().length().unwrap_or(0)).filter_map(|i| storage().key(i).ok().flatten()).find(|k| k.contains("test-sheets/7")).expect("the sheet's draft");
    assert!(storage().get_item(&key).ok().flatten().unwrap_or_default().contains("\"benefit\":\"৮\""));
    storage().remove_item(&key).expect("cleans up");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_gallery_filters_in_place_and_shows_no_rank_until_published() {
    let entries: String = {
        // The fixture is a list of entries; the host lists them with ids.
        let list = js_sys::JSON::parse(include_str!("../../../tests/fixtures/innovation-entries.json")).expect("JSON");
        let array: js_sys::Array = list.unchecked_into();
        let wrapped = js_sys::Array::new();
        for (i, entry) in array.iter().enumerate() {
            let item = js_sys::Object::new();
            js_sys::Reflect::set(&item, &"id".into(), &((i + 1) as u32).into()).expect("sets");
            js_sys::Reflect::set(&item, &"entry".into(), &entry).expect("sets");
            wrapped.push(&item);
        }
        let body = js_sys::Object::new();
        js_sys::Reflect::set(&body, &"entries".into(), &wrapped).expect("sets");
        js_sys::JSON::stringify(&body).expect("stringifies").into()
    };
    let unpublished = r#"{"published":false,"ranking":{"groups":[{"placed":[{"entry":"1","score":90,"rank":1,"judges":3,"medal":1}]}]}}"#;
    let el = host("batayan-innovation-showcase", &[("src", &data_url(&entries)), ("results-src", &data_url(unpublished))]);
    let mut mounted = mount_element(el.clone()).expect("mounts");
    appears(&el, ".by-showcase__entry").await;
    let shadow = el.shadow_root().expect("shadow");
    assert_eq!(shadow.query_selector_all(".by-showcase__entry").expect("query").length(), 4);
    assert!(shadow.query_selector(".by-showcase__place").expect("query").is_none(), "no rank before publication");
    assert!(text(&appears(&el, ".by-showcase__note").await).contains("প্রকাশিত হয়নি"));
    let level: web_sys::HtmlSelectElement = appears(&el, "[data-filter=level]").await.unchecked_into();
    level.set_value("upazila");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    level.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).expect("event")).expect("dispatches");
    assert_eq!(shadow.query_selector_all(".by-showcase__entry:not([hidden])").expect("query").length(), 1);
    assert_eq!(text(&appears(&el, ".by-showcase__count").await), "৪টির মধ্যে ১টি উদ্ভাবন দেখানো হচ্ছে।");
    // Published: the medalled entry comes first, marked.
    let published = unpublished.replace("\"published\":false", "\"published\":true");
    el.set_attribute("results-src", &data_url(&published)).expect("sets");
    mounted.attribute_changed();
    let place = appears(&el, ".by-showcase__place").await;
    assert!(text(&place).starts_with("১ম স্থান"), "{}", text(&place));
    mounted.destroy();
    el.remove();
}
