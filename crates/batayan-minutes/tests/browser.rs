//! The minutes viewer mounted in a real Chromium, through the entry point the JS loader calls: the
//! document drawn, the search filtering and marking, markup in a cell kept as text.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown` under headless Chromium).

#![cfg(target_arch = "wasm32")]

use batayan_minutes::mount_element;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn host(src: &str, lang: &str) -> HtmlElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let el: HtmlElement = document.create_element("batayan-minutes").expect("creates").unchecked_into();
    el.set_attribute("src", src).expect("sets");
    el.set_attribute("lang", lang).expect("sets");
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

const MINUTES: &str = r#"{"schema":"batayan.minutes/1","body":"কয়রা উপজেলা","title":"আইসিটি সভার কার্যবিবরণী","chair":{"name":"অনিমেষ বিশ্বাস"},
"date":"2022-09-19","items":[
 {"serial":"১.০","topic":"ওয়েব পোর্টাল","discussion":"<p>হালনাগাদ <u>জরুরি</u></p><script>x</script>","decisions":[{"text":"৮৫% হালনাগাদ করতে হবে","implementers":["দপ্তর প্রধান (সকল)"]}]},
 {"serial":"২.০","topic":"ই-নথি","decisions":[{"text":"নথি নিষ্পন্ন","implementers":["সহকারী প্রোগ্রামার"],"status":"done"}]}],
"signatory":{"name":"অনিমেষ বিশ্বাস"},"memo_number":"০৫.৪৪.৪৭৫৩.০০০.০৬.০২৩.২২-৮৪৮"}"#;

#[wasm_bindgen_test]
async fn the_minutes_are_drawn_with_both_calendars_the_rate_and_markup_as_text() {
    let el = host(&data_url(MINUTES), "bn");
    let mut mounted = mount_element(el.clone()).expect("mounts");
    let head = appears(&el, ".by-minutes__head").await;
    assert!(head.text_content().unwrap_or_default().contains("১৯ সেপ্টেম্বর ২০২২ (৪ আশ্বিন ১৪২৯)"));
    let rate = appears(&el, ".by-minutes__rate").await;
    assert!(rate.text_content().unwrap_or_default().starts_with("সিদ্ধান্ত ২টি · বাস্তবায়িত ১টি (৫০%)"), "{:?}", rate.text_content());
    let discussion = appears(&el, ".by-minutes__discussion").await;
    assert!(discussion.text_content().unwrap_or_default().contains("<script>x</script>"), "markup outside the allow-list is text");
    assert!(discussion.query_selector("script").expect("query").is_none());
    assert_eq!(discussion.query_selector("u").expect("query").and_then(|u| u.text_content()).as_deref(), Some("জরুরি"));
    mounted.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_search_in_the_other_digit_set_filters_and_marks() {
    let el = host(&data_url(MINUTES), "en");
    let mut mounted = mount_element(el.clone()).expect("mounts");
    let input: HtmlInputElement = appears(&el, "#by-minutes-search").await.unchecked_into();
    input.set_value("85%");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).expect("event")).expect("dispatches");
    let shadow = el.shadow_root().expect("shadow");
    assert_eq!(shadow.query_selector_all(".by-minutes__item:not([hidden])").expect("query").length(), 1);
    assert_eq!(shadow.query_selector("mark").expect("query").and_then(|m| m.text_content()).as_deref(), Some("৮৫%"));
    assert_eq!(appears(&el, ".by-minutes__found").await.text_content().as_deref(), Some("Found in 1 of 2 items."));
    mounted.destroy();
    el.remove();
}
