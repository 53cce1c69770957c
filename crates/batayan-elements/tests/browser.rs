//! The widgets mounted in a real Chromium, through the same entry point the JS loader calls.
//! Run by `cargo xtask test` (`cargo test --target wasm32-unknown-unknown` under headless Chromium).

#![cfg(all(target_arch = "wasm32", feature = "report", feature = "edit"))]

use batayan_elements::mount_element;
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

#[wasm_bindgen_test]
fn tags_of_other_modules_are_refused_with_a_message() {
    for tag in ["batayan-nothing", "batayan-fiscal-year"] {
        let el = host(tag, &[]);
        assert!(mount_element(el.clone()).is_err(), "<{tag}>");
        el.remove();
    }
}

mod apa {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::HtmlElement;

    /// Lets pending work run (a fetch's answer, a paste read a slice at a time): one timer turn.
    async fn settle() {
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
    }

    /// The first element matching `selector` in the element's shadow root, waiting up to two seconds
    /// for fetches and renders.
    async fn appears(el: &HtmlElement, selector: &str) -> web_sys::Element {
        let shadow = el.shadow_root().expect("shadow");
        for _ in 0..100 {
            if let Some(found) = shadow.query_selector(selector).expect("query") {
                return found;
            }
            settle().await;
        }
        panic!("{selector} never appeared; the widget shows: {}", shadow.text_content().unwrap_or_default());
    }

    /// Types `text` into an input the way a keyboard does: value, then a bubbling `input` event.
    fn type_into(input: &web_sys::Element, text: &str) {
        let input: web_sys::HtmlInputElement = input.clone().unchecked_into();
        input.set_value(text);
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("an event");
        input.dispatch_event(&event).expect("dispatches");
    }

    /// The agreement as a `data:` URL: the element fetches it like any other address, no server needed.
    fn agreement_url() -> String {
        let json = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
        format!("data:application/json,{}", String::from(js_sys::encode_uri_component(json)))
    }

    #[wasm_bindgen_test]
    async fn report_mode_scores_as_you_type_and_marks_the_wrong_cell() {
        let url = agreement_url();
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "report"), ("period", "Q2"), ("submit-url", "/test-reports")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let q2 = appears(&el, "[id='by-field/values/1.1.1/quarters/1']").await;
        let q1 = appears(&el, "[id='by-field/values/1.1.1/quarters/0']").await;
        type_into(&q1, "২০");
        type_into(&q2, "30");
        settle().await;
        let row = appears(&el, "[data-key='1.1.1']").await;
        let weighted = row.query_selector(".by-apa__weighted").expect("query").expect("a cell");
        assert_eq!(weighted.text_content().as_deref(), Some("৪.৬৭"), "Bangla and ASCII digits both count");
        // "How was this computed" opens from the score, as in the citizen's table.
        let explain = row.query_selector(".by-explain").expect("query").expect("a score to explain");
        assert_eq!(explain.get_attribute("aria-expanded").as_deref(), Some("false"));
        explain.unchecked_ref::<web_sys::HtmlElement>().click();
        settle().await;
        assert_eq!(explain.get_attribute("aria-expanded").as_deref(), Some("true"));
        let why = row.query_selector(".by-explain__text").expect("query").expect("an explanation");
        assert!(why.text_content().unwrap_or_default().contains("= ৯৩.৩৩"), "{:?}", why.text_content());
        type_into(&q2, "৩o");
        settle().await;
        assert_eq!(q2.get_attribute("aria-invalid").as_deref(), Some("true"));
        let message = appears(&el, "[id='by-field/values/1.1.1/quarters/1-message']").await;
        assert!(message.text_content().unwrap_or_default().contains("“o” কোনো অঙ্ক নয়"), "{:?}", message.text_content());
        let summary = appears(&el, ".by-summary").await;
        assert!(summary.text_content().unwrap_or_default().contains("[১.১.১] ২য় প্রান্তিক"), "{:?}", summary.text_content());

        // The widget goes at once after typing (before the pause that writes the draft): what was typed
        // is written as it goes, and a new mount of the same widget puts it back.
        mounted.destroy();
        settle().await;
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage");
        let key = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).find(|k| k.contains("apa-report")).expect("a draft");
        assert!(key.ends_with("/test-reports:ict-sylhet/2024-25/Q2"), "{key}");
        let mut again = batayan_elements::mount_element(el.clone()).expect("mounts again");
        let q2 = appears(&el, "[id='by-field/values/1.1.1/quarters/1']").await;
        assert_eq!(q2.unchecked_ref::<web_sys::HtmlInputElement>().value(), "৩o", "the typed text, mistake and all");
        let note = appears(&el, ".by-submit__draft").await;
        assert!(note.text_content().unwrap_or_default().contains("খসড়া ফিরিয়ে আনা হয়েছে"), "{:?}", note.text_content());
        storage.remove_item(&key).expect("cleans up");
        again.destroy();
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn edit_mode_shows_findings_at_their_cells_and_fixes_a_look_alike_in_one_click() {
        let url = agreement_url();
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "edit"), ("submit-url", "/test-agreement"), ("lang", "en")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let counts = appears(&el, ".by-apa__counts").await;
        assert_eq!(counts.text_content().as_deref(), Some("7 errors · 5 warnings"));
        let area = appears(&el, "[id='by-field/areas/0/weight-message']").await;
        assert!(area.text_content().unwrap_or_default().contains("26"), "{:?}", area.text_content());
        let fix: HtmlElement = area.query_selector(".by-fix").expect("query").expect("a fix button").unchecked_into();
        assert_eq!(fix.text_content().as_deref(), Some("Write 4 in [1.6.1] Weight"));
        fix.click();
        settle().await;
        let weight = appears(&el, "[id='by-field/areas/0/activities/5/indicators/0/weight']").await;
        assert_eq!(weight.unchecked_ref::<web_sys::HtmlInputElement>().value(), "4");
        assert_eq!(counts.text_content().as_deref(), Some("6 errors · 5 warnings"));
        mounted.destroy();
        settle().await;
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage");
        let key = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .find(|k| k.contains("apa-agreement") && !k.ends_with(":idempotency-key"))
            .expect("a draft");
        storage.remove_item(&key).expect("cleans up");
        el.remove();
    }

    /// Sylhet's agreement with an activity of `extra` more indicators (`1.9.1` …) in its first area;
    /// `1.9.k` has no weight where `blank(k)`.
    fn long_agreement_url(extra: usize, blank: impl Fn(usize) -> bool) -> String {
        let mut agreement: serde_json::Value = serde_json::from_str(include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).expect("the fixture");
        let template = agreement["areas"][0]["activities"][0]["indicators"][0].clone();
        let indicators: Vec<serde_json::Value> = (1..=extra)
            .map(|k| {
                let mut i = template.clone();
                i["serial"] = format!("1.9.{k}").into();
                if blank(k) {
                    i["weight"] = serde_json::Value::Null;
                }
                i
            })
            .collect();
        let activities = agreement["areas"][0]["activities"].as_array_mut().expect("activities");
        activities.push(serde_json::json!({ "serial": "1.9", "name": "আরও", "indicators": indicators }));
        format!("data:application/json,{}", String::from(js_sys::encode_uri_component(&agreement.to_string())))
    }

    /// Removes what a test's widget kept in localStorage (its draft and idempotency key), by its address.
    fn forget_drafts(address: &str) {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage");
        let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.contains(address)).collect();
        for key in keys {
            storage.remove_item(&key).expect("cleans up");
        }
    }

    fn rows_shown(el: &HtmlElement) -> u32 {
        el.shadow_root().expect("shadow").query_selector_all("tr.by-apa__row").expect("query").length()
    }

    /// A long agreement opens a page of rows at a time; the summary's link to a field on another page
    /// opens that page and focuses the field; the bars move between pages.
    #[wasm_bindgen_test]
    async fn a_long_agreement_is_edited_a_page_at_a_time() {
        // Sylhet's 23 rows and 150 more: 173 in pages of 50, the weightless one at table position 145 (page 3).
        let url = long_agreement_url(150, |k| k == 140);
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "edit"), ("submit-url", "/test-long-agreement"), ("lang", "en")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let status = appears(&el, ".by-pager__rows").await;
        assert_eq!(status.text_content().as_deref(), Some("Rows 1–50 of 173"));
        assert_eq!(rows_shown(&el), 50);
        let shadow = el.shadow_root().expect("shadow");
        let links = shadow.query_selector_all(".by-summary__list a").expect("query");
        let link: HtmlElement = (0..links.length())
            .filter_map(|i| links.item(i))
            .find(|a| a.text_content().unwrap_or_default().starts_with("[1.9.140]"))
            .expect("the weightless row in the summary")
            .unchecked_into();
        link.click();
        let weight = appears(&el, "[id='by-field/areas/0/activities/6/indicators/139/weight']").await;
        assert_eq!(status.text_content().as_deref(), Some("Rows 101–150 of 173"));
        assert_eq!(rows_shown(&el), 50);
        assert_eq!(shadow.active_element().map(|a| a.id()), Some(weight.id()), "the field has focus");
        // The bar below the table brings focus back to the one above.
        let below: web_sys::Element = shadow.query_selector_all(".by-pager").expect("query").item(1).expect("a bar below the table").unchecked_into();
        let previous: HtmlElement = below.query_selector("button").expect("query").expect("a button").unchecked_into();
        previous.click();
        settle().await;
        assert_eq!(status.text_content().as_deref(), Some("Rows 51–100 of 173"));
        assert_eq!(shadow.active_element().map(|a| a.id()).as_deref(), Some("by-pager-top"));
        mounted.destroy();
        settle().await;
        forget_drafts("/test-long-agreement");
        el.remove();
    }

    /// A 2019-20 table pasted into the editor of an empty 2019-20 agreement: its mandatory objectives,
    /// the date rows known by their dates, the planted defects said at their lines and cells, and the
    /// first quarter's achievements kept out of the targets.
    #[wasm_bindgen_test]
    async fn edit_mode_imports_a_2019_20_paste_with_its_mandatory_objectives() {
        let json = r#"{"schema":"batayan.apa/1","office":"ict-x","fiscal_year":"2019-20"}"#;
        let url = format!("data:application/json,{}", String::from(js_sys::encode_uri_component(json)));
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "edit"), ("submit-url", "/test-agreement-2019"), ("lang", "en")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let paste: web_sys::HtmlTextAreaElement = appears(&el, "#by-editor-paste").await.unchecked_into();
        paste.set_value(include_str!("../../../tests/fixtures/apa-layout-2019-20.tsv"));
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        paste.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("an event")).expect("dispatches");
        settle().await;
        let read: HtmlElement = appears(&el, ".by-paste .by-button").await.unchecked_into();
        read.click();
        // Read, merged, drawn and checked: the status line goes last.
        let shadow = el.shadow_root().expect("shadow");
        for _ in 0..100 {
            if shadow.query_selector(".by-paste__reading").expect("query").is_none() && shadow.query_selector("[data-key='g3.2.1']").expect("query").is_some() {
                break;
            }
            settle().await;
        }
        let mandatory = appears(&el, "[data-key='g3.2.1']").await;
        assert!(mandatory.text_content().unwrap_or_default().starts_with("[M.3.2.1]"), "the serial as the document writes it: {:?}", mandatory.text_content());
        let counts = appears(&el, ".by-apa__counts").await;
        assert_eq!(counts.text_content().as_deref(), Some("3 errors · 0 warnings"), "a missing 100% target, area [3]'s weights, levels both ways");
        let method: web_sys::HtmlInputElement = appears(&el, "[id='by-field/areas/1/activities/0/indicators/0/method']").await.unchecked_into();
        assert_eq!(method.value(), "date", "[2.1.1] is a date row by its dates");
        let weight: web_sys::HtmlInputElement = appears(&el, "[id='by-field/areas/0/activities/0/indicators/1/weight']").await.unchecked_into();
        assert_eq!(weight.value(), "7.5");
        let problems: Vec<String> = {
            let list = appears(&el, ".by-paste__problems ul").await;
            let items = list.query_selector_all("li").expect("query");
            (0..items.length()).filter_map(|i| items.item(i)).map(|li| li.text_content().unwrap_or_default()).collect()
        };
        let errors: Vec<&String> = problems.iter().filter(|p| p.contains("— Error:")).collect();
        assert_eq!(errors.len(), 4, "{problems:#?}");
        assert!(errors[0].starts_with("line 9, column 10 — Error: “৪৪ক” is not a number"), "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("— Note: “অর্জন ২০১৯-২০ (১ম প্রান্তিক)” holds achievements, not targets")), "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("has no calculation method column")), "{problems:#?}");
        let first_row = appears(&el, "[data-key='1.1.1']").await;
        let first_level: web_sys::HtmlInputElement = first_row.query_selector("[id$='/levels/0']").expect("query").expect("a level cell").unchecked_into();
        assert_eq!(first_level.value(), "300", "a target, not the first quarter's 85");
        mounted.destroy();
        settle().await;
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage");
        let keys: Vec<String> =
            (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.contains("test-agreement-2019")).collect();
        for key in keys {
            storage.remove_item(&key).expect("cleans up");
        }
        el.remove();
    }

    /// A summary lists a hundred problems at most and counts the rest.
    #[wasm_bindgen_test]
    async fn a_summary_of_many_problems_lists_a_hundred_and_counts_the_rest() {
        let url = long_agreement_url(150, |_| true);
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "edit"), ("submit-url", "/test-many-problems"), ("lang", "en")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let counts = appears(&el, ".by-apa__counts").await.text_content().unwrap_or_default();
        let more = appears(&el, ".by-summary__more").await.text_content().unwrap_or_default();
        let listed = el.shadow_root().expect("shadow").query_selector_all(".by-summary__list li").expect("query").length();
        assert_eq!(listed, 100);
        // 150 weightless rows beside Sylhet's own findings: 162 in all, 100 listed.
        assert_eq!(counts, "156 errors · 6 warnings");
        assert!(more.starts_with("62 more problems are not in this list"), "{more}");
        mounted.destroy();
        settle().await;
        forget_drafts("/test-many-problems");
        el.remove();
    }

    /// The report form of the same long agreement: a page of rows, and the next page by its button.
    #[wasm_bindgen_test]
    async fn a_long_report_is_filled_a_page_at_a_time() {
        let url = long_agreement_url(150, |_| false);
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "report"), ("period", "Q2"), ("submit-url", "/test-long-report")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let status = appears(&el, ".by-pager__rows").await;
        assert_eq!(status.text_content().as_deref(), Some("সারি ১–১০০, মোট ১৭৩"));
        assert_eq!(rows_shown(&el), 100);
        let shadow = el.shadow_root().expect("shadow");
        let top = shadow.query_selector(".by-pager").expect("query").expect("a bar");
        let next: HtmlElement = top.query_selector_all("button").expect("query").item(1).expect("next").unchecked_into();
        next.click();
        let last = appears(&el, "[data-key='1.9.150']").await;
        assert_eq!(status.text_content().as_deref(), Some("সারি ১০১–১৭৩, মোট ১৭৩"));
        // The area that began on page 1 says so on page 2.
        let heading = shadow.query_selector(".by-apa__area-row").expect("query").expect("a heading");
        assert!(heading.text_content().unwrap_or_default().contains("(আগের পাতা থেকে)"), "{:?}", heading.text_content());
        assert!(last.query_selector("input").expect("query").is_some());
        mounted.destroy();
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn an_unknown_mode_or_period_is_explained() {
        let url = agreement_url();
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "admin")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let alert = appears(&el, "[role=alert]").await;
        assert!(alert.text_content().unwrap_or_default().contains("public, report বা edit"), "{:?}", alert.text_content());
        el.set_attribute("mode", "report").expect("sets");
        el.set_attribute("period", "Q5").expect("sets");
        mounted.attribute_changed();
        let alert = appears(&el, "[role=alert]").await;
        assert!(alert.text_content().unwrap_or_default().contains("Q1, Q2, Q3, Q4 বা annual"), "{:?}", alert.text_content());
        mounted.destroy();
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn a_wrong_timeout_is_explained_and_a_right_one_shows_the_form() {
        let url = agreement_url();
        let el = super::host("batayan-apa-table", &[("src", &url), ("mode", "report"), ("period", "Q2"), ("timeout", "soon")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let alert = appears(&el, "[role=alert]").await;
        assert!(alert.text_content().unwrap_or_default().contains("১ থেকে ৬০০-এর মধ্যে পূর্ণ সেকেন্ড"), "{:?}", alert.text_content());
        el.set_attribute("timeout", "৬০").expect("sets");
        mounted.attribute_changed();
        appears(&el, "[id='by-field/values/1.1.1/quarters/1']").await;
        mounted.destroy();
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn a_missing_agreement_is_an_explained_error_with_a_way_to_try_again() {
        let el = super::host("batayan-apa-table", &[("src", "/no-such-agreement.json"), ("mode", "edit")]);
        let mut mounted = batayan_elements::mount_element(el.clone()).expect("mounts");
        let text = appears(&el, "[role=alert]").await.text_content().unwrap_or_default();
        assert!(text.contains("/no-such-agreement.json"), "{text}");
        let retry = appears(&el, ".by-load-failed .by-button").await;
        assert_eq!(retry.text_content().unwrap_or_default(), "আবার চেষ্টা করুন");
        mounted.destroy();
        el.remove();
    }
}
