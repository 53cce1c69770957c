//! The `batayan` binary as a pipeline sees it: stdout, stderr and exit codes.

use std::process::{Command, Output};

fn batayan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_batayan")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn date_in_text_shows_both_calendars_and_the_fiscal_year() {
    let out = batayan(&["locale", "date", "২৭", "ডিসেম্বর", "২০২৩"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("ISO: 2023-12-27"), "{text}");
    assert!(text.contains("বুধবার, ২৭ ডিসেম্বর ২০২৩"), "{text}");
    assert!(text.contains("বঙ্গাব্দ: ১২ পৌষ ১৪৩০"), "{text}");
    assert!(text.contains("অর্থবছর: ২০২৩-২৪ — দ্বিতীয় প্রান্তিক"), "{text}");
}

#[test]
fn date_as_json() {
    let out = batayan(&["locale", "date", "১২ পৌষ ১৪৩০", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["iso"], "2023-12-27");
    assert_eq!(json["written_in"], "bangla");
    assert_eq!(json["gregorian"]["en"], "27 December 2023");
    assert_eq!(json["bangla"]["bn"], "১২ পৌষ ১৪৩০");
    assert_eq!(json["bangla"]["month"], 9);
    assert_eq!(json["fiscal_year"]["code"], "2023-24");
    assert_eq!(json["fiscal_year"]["quarter"], "Q2");
}

#[test]
fn bad_date_exits_1_with_a_readable_message() {
    let out = batayan(&["locale", "date", "৩১/০২/২০২৩"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("ত্রুটি: “৩১/০২/২০২৩” কোনো বৈধ তারিখ নয়"), "{}", stderr(&out));
    let out = batayan(&["--lang", "en", "locale", "date", "৩১/০২/২০২৩"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error: “৩১/০২/২০২৩” is not a real date: February 2023 has no day 31"), "{}", stderr(&out));
}

#[test]
fn number_both_groupings() {
    let out = batayan(&["locale", "number", "৯০,০০,০০০/-", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["value"], 9_000_000.0);
    assert_eq!(json["bn"], "৯০,০০,০০০");
    assert_eq!(json["en"], "9,000,000");
    let out = batayan(&["locale", "number", "1508747", "--lang", "en"]);
    assert_eq!(stdout(&out), "Value: 1508747\nBangla: ১৫,০৮,৭৪৭\nEnglish: 1,508,747\n");
    let out = batayan(&["locale", "number", "১২a"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("“a” কোনো অঙ্ক নয়"), "{}", stderr(&out));
}

#[test]
fn mobile_normalises_and_rejects() {
    let out = batayan(&["locale", "mobile", "০১৭০৯-৮৪২৯২১"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "+8801709842921\n০১৭০৯-৮৪২৯২১ (অপারেটর: গ্রামীণফোন)\n");
    let out = batayan(&["locale", "mobile", "+880 1709 842921", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["e164"], "+8801709842921");
    let out = batayan(&["--lang", "en", "locale", "mobile", "01209842921"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no mobile operator uses the prefix 012"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(batayan(&["locale", "frobnicate", "x"]).status.code(), Some(2));
    assert_eq!(batayan(&[]).status.code(), Some(2));
    let help = batayan(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("batayan locale date"));
}
