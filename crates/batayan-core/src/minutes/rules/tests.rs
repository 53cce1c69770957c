//! Deadlines from the phrases the seeds use, overdue, the rate, and the checks of a document.

use super::*;
use crate::minutes::{FollowUp, Item};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn deadlines_are_read_from_the_phrases_minutes_use() {
    let cases = [
        ("আগামী ১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে কর্মপরিকল্পনা চূড়ান্ত করে", Some(Deadline::By(day(2024, 1, 15)))),
        ("প্রশিক্ষণ কার্যক্রমগুলো ফেব্রুয়ারি/২০২৪ এর মধ্যে সমাপ্ত করতে হবে।", Some(Deadline::By(day(2024, 2, 29)))),
        ("মার্চ ২০২৪ এর মধ্যে উদ্ভাবনী উদ্যোগ পরিদর্শন", Some(Deadline::By(day(2024, 3, 31)))),
        ("একটি উদ্ভাবনী ধারণা ১৬/০৫/২৪ তারিখের মধ্যে বাস্তবায়ন", Some(Deadline::By(day(2024, 5, 16)))),
        ("আগামী সভার পূর্বে প্রতিবেদন দাখিল করবেন", Some(Deadline::NextMeeting)),
        ("ইউডিসি উদ্যোক্তাগণ নিয়মিত আয় ও সেবার তথ্য আপলোড করবেন।", Some(Deadline::Regular)),
        ("অবশিষ্ট ০২টি কর্মশালা নির্ধারিত সময়ের মধ্যে সমাপ্ত করতে হবে।", None),
        ("ই-নথিতে ন্যূনতম ৮৫% নিষ্পন্ন করতে হবে।", None),
    ];
    for (text, expected) in cases {
        assert_eq!(deadline_in(text).map(|(_, d)| d), expected, "{text}");
    }
    assert_eq!(deadline_in(cases[0].0).map(|(p, _)| p).as_deref(), Some("১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে"));
}

fn decision(status: Status, text: &str, implementers: &[&str]) -> Decision {
    Decision { text: text.into(), status, implementers: implementers.iter().map(|s| (*s).to_owned()).collect(), ..Decision::default() }
}

#[test]
fn overdue_is_past_the_deadline_and_not_done_or_dropped() {
    let text = "১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে পেশ করতে হবে।";
    assert!(is_overdue(&decision(Status::Pending, text, &[]), day(2024, 1, 16)));
    assert!(is_overdue(&decision(Status::InProgress, text, &[]), day(2024, 2, 1)));
    assert!(!is_overdue(&decision(Status::Pending, text, &[]), day(2024, 1, 15)), "due that day, not yet overdue");
    assert!(!is_overdue(&decision(Status::Done, text, &[]), day(2024, 3, 1)));
    assert!(!is_overdue(&decision(Status::Dropped, text, &[]), day(2024, 3, 1)));
    assert!(!is_overdue(&decision(Status::Pending, "নিয়মিত হালনাগাদ করবেন।", &[]), day(2030, 1, 1)));
}

#[test]
fn the_rate_is_done_over_all_but_the_dropped_per_meeting_and_per_implementer() {
    let minutes = Minutes {
        items: vec![Item {
            serial: "১".into(),
            decisions: vec![
                decision(Status::Done, "ক", &["আইএমডি", "প্রশাসন"]),
                decision(Status::Pending, "খ", &["আইএমডি"]),
                decision(Status::Dropped, "গ", &["প্রশাসন"]),
                decision(Status::Done, "ঘ", &["প্রশাসন"]),
            ],
            ..Item::default()
        }],
        ..Minutes::default()
    };
    let total = rate(decisions(&minutes));
    assert_eq!((total.done, total.counted), (2, 3));
    assert!((total.percent().unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(rate_by_implementer(&minutes), [("আইএমডি".to_owned(), Rate { done: 1, counted: 2 }), ("প্রশাসন".to_owned(), Rate { done: 2, counted: 2 })]);
    assert_eq!(rate(&[]).percent(), None);
}

#[test]
fn a_stated_rate_that_disagrees_is_flagged_with_both_figures() {
    let mut minutes = Minutes { follow_up: Some(FollowUp { taken: Some(12), implemented: Some(9), rate: Some(85.0) }), ..Minutes::default() };
    let found = check(&minutes, day(2024, 1, 1));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "/follow_up/rate");
    assert_eq!(found[0].message.en, "The minutes state an implementation rate of 85.0%, but 9 of 12 decisions make 75.0%.");
    assert_eq!(found[0].message.bn, "কার্যবিবরণীতে বাস্তবায়নের হার ৮৫.০% লেখা, কিন্তু ১২টি সিদ্ধান্তের ৯টি বাস্তবায়নে হয় ৭৫.০%।");
    minutes.follow_up = Some(FollowUp { taken: Some(12), implemented: Some(9), rate: Some(75.0) });
    assert_eq!(check(&minutes, day(2024, 1, 1)), []);
}

#[test]
fn the_koyra_minutes_checked_say_its_serials_and_nothing_overdue_is_invented() {
    let minutes = crate::minutes::import(include_str!("../../../../../tests/fixtures/minutes-koyra-upazila-ict-2022-09.txt")).minutes;
    let found = check(&minutes, day(2022, 10, 1));
    let at: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(at, ["/items/4/serial", "/items/7/serial"]);
}
