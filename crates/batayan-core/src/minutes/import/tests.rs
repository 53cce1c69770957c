//! Both seed minutes, item by item: what a reader of the document would write down.

use super::*;
use crate::minutes::Status;

fn koyra() -> Imported {
    import(include_str!("../../../../../tests/fixtures/minutes-koyra-upazila-ict-2022-09.txt"))
}

fn dpe() -> Imported {
    import(include_str!("../../../../../tests/fixtures/minutes-dpe-egov-innovation-2023-12.txt"))
}

fn date(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_koyra_header_and_footer() {
    let m = koyra().minutes;
    assert_eq!(m.schema, "batayan.minutes/1");
    assert_eq!(m.body, "কয়রা উপজেলা");
    assert!(m.title.starts_with("কয়রা উপজেলার আইসিটি সংক্রান্ত") && m.title.ends_with("সভার কার্যবিবরণী"), "{}", m.title);
    assert_eq!(
        m.chair,
        Person {
            name: "অনিমেস বিশ্বাস".into(), designation: "উপজেলা নির্বাহী অফিসার, কয়রা, খুলনা".into()
        }
    );
    assert_eq!(m.venue, "উপজেলা পরিষদ সম্মেলন কক্ষ");
    assert_eq!((m.date, m.date_text.as_str()), (date(2022, 9, 19), "১৯/০৯/২০২২ খ্রি।"));
    assert_eq!(m.time, "সকাল-১১.৩০ ঘটিকা");
    assert_eq!(m.attendance.annex.as_deref(), Some("পরিশিষ্ট-ক"));
    assert!(m.opening.starts_with("সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে"));
    assert!(m.closing.starts_with("সভায় আর কোন আলোচ্য বিষয় না থাকায়"));
    assert_eq!(
        m.signatory,
        Person {
            name: "অনিমেষ বিশ্বাস".into(), designation: "উপজেলা নির্বাহী অফিসার, কয়রা, খুলনা".into()
        }
    );
    assert_eq!(m.memo_number.as_deref(), Some("০৫.৪৪.৪৭৫৩.০০০.০৬.০২৩.২২-৮৪৮"));
    assert_eq!(m.issued, date(2022, 9, 27));
    assert_eq!(m.distribution.len(), 8);
    assert_eq!(m.distribution[0], "মাননীয় জাতীয় সংসদ সদস্য ১০৪, খুলনা-০৬");
    assert_eq!(m.distribution[7], "অফিস নথি");
}

#[test]
fn the_koyra_items_as_written_with_the_serials_warned_not_renumbered() {
    let imported = koyra();
    let serials: Vec<&str> = imported.minutes.items.iter().map(|i| i.serial.as_str()).collect();
    assert_eq!(serials, ["১.০", "২.০", "৩.০", "৮.০", "৫.০", "৬.০", "৭.০", "৮.০"]);
    let topics: Vec<&str> = imported.minutes.items.iter().map(|i| i.topic.as_str()).collect();
    assert_eq!(topics[0], "উপজেলা ও ইউনিয়ন এর ওয়েব পোর্টাল");
    assert_eq!(topics[2], "ই-নথি বাস্তবায়ন সংক্রান্ত");
    assert_eq!(topics[4], "শেখ রাসেল ডিজিটাল ল্যাব সংক্রান্ত");
    assert_eq!(topics[5], "মাল্টিমিডিয়া ক্লাসরুম কার্যক্রম সংক্রান্ত");
    // `১। … ২। … ৩। …` in one cell: one decision each.
    let portal = &imported.minutes.items[0].decisions;
    assert_eq!(portal.iter().map(|d| d.serial.as_deref()).collect::<Vec<_>>(), [Some("১"), Some("২"), Some("৩")]);
    assert!(portal[1].text.starts_with("ইউনিয়ন পর্যায়ে ১০০% ওয়েব পোর্টাল হালনাগাদ"), "{}", portal[1].text);
    let third = &imported.minutes.items[2];
    assert_eq!(third.discussion, "");
    assert_eq!(third.decisions.len(), 1);
    assert!(third.decisions[0].text.starts_with("উপজেলা নির্বাহী অফিসারের কার্যালয়ে ই-নথি কার্যক্রম চলমান আছে।"));
    assert_eq!(third.decisions[0].implementers[0], "দপ্তর প্রধান (সকল), কয়রা");
    assert!(third.decisions[0].implementers.len() >= 2, "{:?}", third.decisions[0].implementers);
    // (ক) … (খ) … in one cell: two decisions, the item's implementers on each.
    let udc = &imported.minutes.items[3];
    let lettered: Vec<(Option<&str>, &str)> = udc.decisions.iter().map(|d| (d.serial.as_deref(), d.implementers[0].as_str())).collect();
    assert_eq!(lettered, [(Some("ক"), "ইউডিসি উদ্যোক্তা (সকল)"), (Some("খ"), "ইউডিসি উদ্যোক্তা (সকল)")]);
    assert!(udc.decisions.iter().all(|d| d.status == Status::Pending));
    let warned: Vec<(String, &str)> =
        imported.findings.iter().filter(|f| f.message.en.contains("Serial")).map(|f| (f.path.clone(), f.message.en.as_str())).collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert!(warned[0].1.contains("“৫.০” comes after “৮.০”"), "{warned:?}");
    assert!(warned[1].1.contains("“৮.০” was used before (line 20)"), "{warned:?}");
    assert!(imported.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", imported.findings);
}

#[test]
fn the_dpe_header_and_footer_with_the_date_in_both_calendars() {
    let m = dpe().minutes;
    assert_eq!(m.body, "প্রাথমিক শিক্ষা অধিদপ্তর");
    assert_eq!(m.meeting_number.as_deref(), Some("২"));
    assert_eq!(m.chair.name, "এস.এম.আনছারুজ্জামান");
    assert_eq!(m.chair.designation, "পরিচালক (প্রশাসন) ও ইনোভেশন অফিসার, প্রাথমিক শিক্ষা অধিদপ্তর");
    assert_eq!(m.date, date(2023, 12, 27));
    assert_eq!(m.time, "সকাল ১০:০০ ঘটিকা");
    assert_eq!(m.venue, "হোপ কনফারেন্স কক্ষ (৩য় তলা), প্রাথমিক শিক্ষা অধিদপ্তর");
    assert_eq!(m.agenda, ["ক) কর্মপরিকল্পনা ২০২৩-২০২৪ এর বাস্তবায়ন অগ্রগতি পর্যালোচনা", "খ) বাজেট বিভাজন সংক্রান্ত আলোচনা", "গ) বিবিধ"]);
    assert_eq!(m.attendance.annex.as_deref(), Some("পরিশিষ্ট-ক"));
    assert_eq!(m.signatory.name, "এস. এম. আনছারুজ্জামান");
    assert_eq!(m.signatory.designation, "পরিচালক (প্রশাসন) ও ইনোভেশন অফিসার");
    assert_eq!(m.memo_number.as_deref(), Some("৩৮.০১.০০০০.১০৭.৩৭.০০৮.২২-৯২"));
    assert_eq!((m.issued, m.issued_text.as_str()), (date(2023, 12, 27), "১২ পৌষ ১৪৩০ / ২৭ ডিসেম্বর ২০২৩"));
    assert_eq!(m.distribution.len(), 7);
    assert_eq!(m.distribution[6], "অফিস কপি");
    assert!(m.closing.starts_with("অতপর আর কোন আলোচনা না থাকায়"), "{}", m.closing);
}

#[test]
fn the_dpe_items_joined_across_page_breaks_with_each_decision_and_its_implementers() {
    let imported = dpe();
    let items = &imported.minutes.items;
    assert_eq!(items.iter().map(|i| i.serial.as_str()).collect::<Vec<_>>(), ["ক.", "খ."]);
    assert_eq!(items[0].topic, "কর্মপরিকল্পনা ২০২৩-২০২৪ এর বাস্তবায়ন অগ্রগতি পর্যালোচনা");
    let serials: Vec<&str> = items[0].decisions.iter().filter_map(|d| d.serial.as_deref()).collect();
    assert_eq!(serials, ["১.১.১", "১.২.১", "১.৩.১", "১.৪.১", "১.৫.১", "১.৫.২", "২.১.১", "২.১.২", "২.২.১", "২.২.৫"]);
    let decision = |serial: &str| items[0].decisions.iter().find(|d| d.serial.as_deref() == Some(serial)).unwrap();
    // 1.3.1 is cut by a page break: its sentence goes on in the next row.
    assert!(decision("১.৩.১").text.contains("সংগ্রহ করে পরিচালক (প্রশাসন) বরাবর দাখিল করতে হবে।"), "{}", decision("১.৩.১").text);
    assert_eq!(decision("১.৩.১").implementers, ["দায়িত্বপ্রাপ্ত মেন্টরগণ"]);
    assert_eq!(decision("১.৩.১").deadline.as_deref(), Some("১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে"));
    assert_eq!(decision("২.২.১").deadline.as_deref(), Some("ফেব্রুয়ারি/২০২৪ এর মধ্যে"));
    assert_eq!(decision("১.৪.১").deadline, None, "“৮৫%” is not a deadline");
    assert!(decision("১.১.১").text.contains("\nক) অনলাইনে এসিআর সংরক্ষণ ও ব্যবস্থাপনা;"), "{}", decision("১.১.১").text);
    assert_eq!(decision("১.১.১").implementers, ["প্রশাসন বিভাগ ও আইএমডি"]);
    assert_eq!(decision("১.২.১").implementers, ["মোঃ শাহীন মিয়া, শিক্ষা অফিসার"], "named inside the decision's paragraph");
    assert_eq!(decision("১.৫.২").implementers, ["সিনিয়র সিস্টেম এনালিস্ট", "উপপরিচালক (সংস্থাপন)"]);
    assert_eq!(decision("২.২.৫").implementers, ["উপপরিচালক (সংস্থাপন)"]);
    assert!(items[0].discussion.contains("ক্রমিক নং ২.২.৫ দেশ/বিদেশে বাস্তবায়িত"), "the continued rows' discussion is kept");
    let budget = &items[1].decisions;
    assert_eq!(budget.len(), 1);
    assert_eq!(budget[0].implementers, ["উপপরিচালক (সংস্থাপন)", "মোছাম্মদ রোখসানা হায়দার, সহকারী পরিচালক", "মোঃ শরীফ উল ইসলাম, শিক্ষা অফিসার"]);
    assert!(imported.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", imported.findings);
}

#[test]
fn a_text_without_a_table_says_so() {
    let imported = import("সভার কার্যবিবরণী\nসভাপতি : জনাব ক\n");
    assert_eq!(imported.findings.iter().filter(|f| f.severity == Severity::Error).count(), 1);
    assert!(imported.minutes.items.is_empty());
}

#[test]
fn a_stated_follow_up_is_read_and_the_seeds_state_none() {
    assert_eq!(koyra().minutes.follow_up, None);
    assert_eq!(dpe().minutes.follow_up, None);
    let text = include_str!("../../../../../tests/fixtures/minutes-koyra-upazila-ict-2022-09.txt")
        .replace("সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে", "বিগত সভায় গৃহীত ১২টি সিদ্ধান্তের মধ্যে ৯টি বাস্তবায়িত হয়েছে (বাস্তবায়নের হার ৮৫%)। সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে");
    let follow_up = import(&text).minutes.follow_up.unwrap();
    assert_eq!((follow_up.taken, follow_up.implemented, follow_up.rate), (Some(12), Some(9), Some(85.0)));
    let checked = crate::minutes::check(&import(&text).minutes, chrono::NaiveDate::from_ymd_opt(2022, 10, 1).unwrap());
    assert!(checked.iter().any(|f| f.path == "/follow_up/rate" && f.message.en.contains("85.0%") && f.message.en.contains("75.0%")), "{checked:?}");
}

#[test]
fn minutes_written_as_numbered_paragraphs_import_too() {
    let imported = import(include_str!("../../../../../tests/fixtures/minutes-numbered-paragraphs.txt"));
    let m = &imported.minutes;
    assert_eq!(m.body, "উপজেলা নির্বাহী অফিসারের কার্যালয়");
    assert_eq!(m.date, date(2023, 12, 27), "১২ পৌষ ১৪৩০ is 27 December 2023");
    assert_eq!(m.venue, "অনলাইন (জুম প্ল্যাটফর্ম)");
    assert_eq!(
        m.items.iter().map(|i| (i.serial.as_str(), i.topic.as_str())).collect::<Vec<_>>(),
        [("১", "সেবা সহজিকরণ আইডিয়া বাছাই"), ("২", "ই-নথি ব্যবহার"), ("২", "বিবিধ")]
    );
    assert!(m.items[0].discussion.contains("<b>পাইলটিং</b>"), "the markup kept as written, made safe when shown");
    let first: Vec<(Option<&str>, &str)> = m.items[0].decisions.iter().map(|d| (d.serial.as_deref(), d.deadline.as_deref().unwrap_or(""))).collect();
    assert_eq!(first, [(Some("ক"), "১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে"), (Some("খ"), "আগামী সভার পূর্বে")]);
    assert_eq!(m.items[0].decisions[1].implementers, ["সহকারী কমিশনার (ভূমি)", "উপজেলা আইসিটি কর্মকর্তা"]);
    assert_eq!(m.items[1].decisions.len(), 1);
    assert_eq!(m.items[1].decisions[0].implementers, ["দপ্তর প্রধান (সকল)"]);
    assert!(m.items[2].decisions.is_empty());
    assert_eq!(m.memo_number.as_deref(), Some("০৫.৪৬.৯১০৩.০০০.০৬.০০৪.২৩-১১২"));
    assert_eq!(m.issued, date(2023, 12, 28));
    assert_eq!(m.distribution, ["জেলা প্রশাসক, সিলেট", "অফিস কপি"]);
    assert_eq!(m.signatory.name, "মোছাঃ রাশিদা আক্তার");
    let follow_up = m.follow_up.clone().unwrap();
    assert_eq!((follow_up.taken, follow_up.implemented, follow_up.rate), (Some(6), Some(5), Some(83.0)));
    let warned: Vec<&str> = imported.findings.iter().map(|f| f.message.en.as_str()).collect();
    assert!(warned.iter().any(|w| w.contains("Serial “২” was used before")), "{warned:?}");
    assert!(imported.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", imported.findings);
}
