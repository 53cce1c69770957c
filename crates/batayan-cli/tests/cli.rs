//! The `batayan` binary as a pipeline sees it: stdout, stderr and exit codes.

#![allow(clippy::unwrap_used)] // a failed unwrap is how a test says it failed

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
    // Exact: nineteen digits come back as written, grouped both ways; a zero after the point stays.
    let out = batayan(&["locale", "number", "৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["exact"], "9876543210987654321");
    assert_eq!(json["bn"], "৯৮,৭৬,৫৪,৩২,১০,৯৮,৭৬,৫৪,৩২১");
    assert_eq!(json["en"], "9,876,543,210,987,654,321");
    let out = batayan(&["locale", "number", "৳ ১,২৫০.৫০", "--lang", "en"]);
    assert_eq!(stdout(&out), "Value: 1250.50\nBangla: ১,২৫০.৫০\nEnglish: 1,250.50\n");
    let out = batayan(&["locale", "number", "১২a"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("“a” কোনো অঙ্ক নয়"), "{}", stderr(&out));
}

#[test]
fn number_digits_only_keeps_every_digit_as_written() {
    let out = batayan(&["locale", "number", "--digits-only", "০৫.৪১.০০০০.০০৫.১১", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["en"], "05.41.0000.005.11");
    assert_eq!(json["bn"], "০৫.৪১.০০০০.০০৫.১১");
    // Nineteen digits, the issue's example: no digit changes, none is grouped.
    let out = batayan(&["locale", "number", "--digits-only", "৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১", "--lang", "en"]);
    assert_eq!(stdout(&out), "Bangla: ৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১\nEnglish: 9876543210987654321\n");
    let out = batayan(&["locale", "number", "--digits-only", "০০১২a"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("“a” অঙ্ক বা নম্বরের বিভাজক"), "{}", stderr(&out));
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

/// The repository's top folder, for fixtures.
fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn apa_import_writes_json_and_reports_stray_cells_with_line_and_column() {
    let table = fixture("apa-ict-sylhet-2024-25-section3.tsv");
    let out = batayan(&["apa", "import", &table, "--fiscal-year", "২০২৪-২৫", "--office", "ict-sylhet", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["schema"], "batayan.apa/1");
    assert_eq!(json["fiscal_year"], "2024-25");
    assert_eq!(json["areas"].as_array().map(Vec::len), Some(5));
    assert_eq!(json["areas"][0]["activities"][0]["indicators"][0]["levels"], serde_json::json!([80.0, 35.0, 30.0, 25.0, 20.0]));
    assert!(stderr(&out).contains("section3.tsv:18:17: warning: “১২.১২.২৫” stands in a column without a header"), "{}", stderr(&out));
    let missing_year = batayan(&["apa", "import", &table]);
    assert_eq!(missing_year.status.code(), Some(1));
    assert!(stderr(&missing_year).contains("--fiscal-year"));
}

#[test]
fn apa_check_lists_findings_and_exits_1_on_errors() {
    let out = batayan(&["apa", "check", &fixture("apa-ict-sylhet-2024-25.json"), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error: The indicator weights of area [1] add up to 26, but the area's weight is 22. If [1.6.1]'s weight were 4 instead of 8"),
        "{text}"
    );
    assert!(text.contains("error: The indicator weights of the governance area [1] add up to 34"), "{text}");
    assert!(text.trim_end().ends_with("7 errors, 5 warnings"), "{text}");
    let json = batayan(&["apa", "check", &fixture("apa-ict-sylhet-2024-25.json"), "--json"]);
    let findings: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("valid JSON");
    assert_eq!(findings[0]["path"], "/areas/0/weight", "a JSON Pointer into the agreement, as a host's 422 names a field");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["suggestion"], serde_json::json!({"path": "/areas/0/activities/5/indicators/0/weight", "from": "৮", "to": "৪"}));
}

#[test]
fn apa_score_prints_the_scorecard() {
    let dir = std::env::temp_dir().join(format!("batayan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let report = dir.join("report.json");
    std::fs::write(
        &report,
        r#"{"schema":"batayan.apa-report/1","office":"ict-sylhet","fiscal_year":"2024-25","period":"Q2",
            "values":{"1.1.1":{"quarters":[30,30,null,null]},"g1.1.1":{"quarters":[4,7.5,null,null]}}}"#,
    )
    .expect("writes");
    let out = batayan(&["apa", "score", &fixture("apa-ict-sylhet-2024-25.json"), &report.to_string_lossy(), "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("[1.1.1] 95.56 → 4.78\n"), "{text}");
    assert!(text.contains("governance [1.1.1] 75.00 → 7.50"), "{text}");
    assert!(text.trim_end().ends_with("Total: 12.28 / 100"), "{text}");
    let stepped = batayan(&["apa", "score", &fixture("apa-ict-sylhet-2024-25.json"), &report.to_string_lossy(), "--stepped", "--json"]);
    let card: serde_json::Value = serde_json::from_str(&stdout(&stepped)).expect("valid JSON");
    assert_eq!(card["indicators"][0]["raw"]["value"], 90.0);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn apa_import_reads_a_whole_agreement_too() {
    let out = batayan(&["apa", "import", &fixture("apa-ict-sylhet-2024-25.txt"), "--fiscal-year", "2024-25", "--office", "ict-sylhet"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["vision"], "জ্ঞানভিত্তিক অর্থনীতি ও সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার");
    assert_eq!(json["outcomes"].as_array().map(Vec::len), Some(17));
    assert_eq!(json["areas"][0]["activities"][0]["indicators"][0]["evidence"], "স্থিরচিত্র/প্রতিবেদন");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("apa-ict-sylhet-2024-25.txt:১৪৭:১৭:"), "stray cells at their lines in the whole document: {stderr}");
}

/// A scratch file with these bytes, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Scratch {
        let path = std::env::temp_dir().join(format!("batayan-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        Scratch(path)
    }

    fn path(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn apa_import_reads_the_2019_20_layout_and_writes_its_first_quarter_as_a_report() {
    let report = Scratch::new("report-q1.json", b"");
    let table = fixture("apa-layout-2019-20.tsv");
    let out = batayan(&["apa", "import", &table, "--fiscal-year", "2019-20", "--office", "ict-x", "--report", &report.path(), "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["areas"][0]["activities"][0]["indicators"][0]["implementer"], "প্রোগ্রামার");
    assert_eq!(json["governance"].as_array().map(Vec::len), Some(3), "the mandatory objectives [এম.১]…[এম.৩]");
    let errors = stderr(&out);
    assert!(errors.contains("apa-layout-2019-20.tsv:2:0: note: This layout has no calculation method column"), "{errors}");
    assert!(errors.contains("apa-layout-2019-20.tsv:9:10: error: “৪৪ক” is not a number"), "{errors}");
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(report.0.clone()).unwrap()).unwrap();
    assert_eq!(written["schema"], "batayan.apa-report/1");
    assert_eq!(written["period"], "Q1");
    assert_eq!(written["values"]["1.1.1"]["quarters"][0], 85.0);
    assert_eq!(written["values"]["g1.1.1"]["quarters"][0], 15.0);
    // A table without such a column has no report to write, and says so.
    let out = batayan(&["apa", "import", &fixture("apa-ict-sylhet-2024-25-section3.tsv"), "--fiscal-year", "2024-25", "--report", &report.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("প্রান্তিকের অর্জনের কলাম নেই"), "{}", stderr(&out));
}

#[test]
fn innovation_rank_reads_a_spreadsheets_marks_and_says_each_problem_at_its_line() {
    let rubric = fixture("innovation-rubric.csv");
    let marks = fixture("innovation-marks.csv");
    let out = batayan(&["innovation", "rank", "--rubric", &rubric, &marks, "--entries", &fixture("innovation-entries.csv"), "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("District · Digitised service\n  1 *\tE03 অনলাইন এসিআর দাখিল ও অনুসরণ\t86.50\t(2 judges)"), "{text}");
    assert!(text.contains("  3 *\tE02 শেখ রাসেল ডিজিটাল ল্যাবের অনলাইন বুকিং ও ব্যবহার নিবন্ধন\t69.00\t(1 judge)"), "an abstention does not lower it: {text}");
    let errors = stderr(&out);
    assert!(errors.contains("innovation-marks.csv:42:0: error: Judge J2: 12.00 for “benefit”; it must be 0 to 10."), "{errors}");
    let json = batayan(&["innovation", "rank", "--rubric", &rubric, &marks, "--aggregate", "median", "--tie-break", "benefit", "--json"]);
    let ranking: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(ranking["groups"][0]["placed"][0]["entry"], "E03");
    let wrong = batayan(&["innovation", "rank", "--rubric", &rubric, &marks, "--tie-break", "beauty"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("“beauty” রুব্রিকে নেই"), "{}", stderr(&wrong));
}

#[test]
fn innovation_check_lists_an_entrys_findings_and_exits_1_on_errors() {
    let sound = batayan(&["innovation", "check", &fixture("innovation-entry-enothi.json"), "--lang", "en"]);
    assert!(sound.status.success(), "{}", stderr(&sound));
    assert_eq!(stdout(&sound).trim(), "0 errors, 0 warnings");
    let text = std::fs::read_to_string(fixture("innovation-entry-enothi.json")).unwrap().replace("০১৭১১-২২৩৩৪৪", "০১২৩");
    let file = Scratch::new("entry.json", text.as_bytes());
    let out = batayan(&["innovation", "check", &file.path(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error: /innovator/mobile:"), "{}", stdout(&out));
}

fn import(path: &str, lang: &str) -> Output {
    batayan(&["apa", "import", path, "--fiscal-year", "2024-25", "--lang", lang])
}

#[test]
fn apa_import_of_an_empty_or_blank_file_says_so_and_exits_1() {
    for (name, bytes) in [("empty.tsv", &b""[..]), ("tabs.tsv", &b"\t\t\t\n\t\t\t\t\n\t"[..])] {
        let file = Scratch::new(name, bytes);
        let out = import(&file.path(), "bn");
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{name}: no agreement is printed");
        assert!(stderr(&out).contains("সেকশন ৩-এর কোনো সারি পড়া যায়নি"), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains("কোনো সূচক পড়া যায়নি, তাই কিছুই লেখা হয়নি"), "{name}: {}", stderr(&out));
    }
}

#[test]
fn apa_import_of_non_utf8_text_says_where_and_what_to_do_in_both_languages() {
    let file = Scratch::new("latin1.tsv", b"\xc0\xe9\xf1\n");
    let out = import(&file.path(), "bn");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("UTF-8 লেখা নয় (লাইন ১-এ প্রথম অচেনা বাইট)"), "{}", stderr(&out));
    let file = Scratch::new("latin1-line3.tsv", b"a\nb\n\xff\n");
    let out = import(&file.path(), "en");
    assert!(stderr(&out).contains("not UTF-8 text (the first unreadable byte is on line 3)"), "{}", stderr(&out));
}

#[test]
fn apa_import_refuses_a_number_too_long_to_hold_at_its_cell() {
    let table = std::fs::read_to_string(fixture("apa-ict-sylhet-2024-25-section3.tsv")).unwrap();
    let huge = "৯".repeat(300);
    // [১.১.১]'s weight (৫) becomes a 300-digit number.
    let line = table.lines().position(|l| l.contains("[১.১.১]")).unwrap();
    let edited: Vec<String> =
        table.lines().enumerate().map(|(i, l)| if i == line { l.replacen("\t৫\t", &format!("\t{huge}\t"), 1) } else { l.to_owned() }).collect();
    let file = Scratch::new("huge.tsv", edited.join("\n").as_bytes());
    let out = import(&file.path(), "en");
    assert!(out.status.success(), "the rest of the table still imports: {}", stderr(&out));
    let at = format!("{}:{}:", file.path(), line + 1);
    assert!(stderr(&out).lines().any(|l| l.starts_with(&at) && l.contains("too large")), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["areas"][0]["activities"][0]["indicators"][0]["weight"], serde_json::Value::Null, "left empty, and said");
}

#[test]
fn apa_import_of_an_endless_file_stops_at_the_size_cap() {
    let out = import("/dev/zero", "en");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is larger than 16 MiB; it is not an agreement or a table"), "{}", stderr(&out));
    let out = import("/nonexistent/apa.tsv", "bn");
    assert!(stderr(&out).contains("ফাইলটি নেই"), "{}", stderr(&out));
}

#[test]
fn minutes_import_writes_json_and_says_the_serials_at_their_lines() {
    let out = batayan(&["minutes", "import", &fixture("minutes-koyra-upazila-ict-2022-09.txt"), "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["schema"], "batayan.minutes/1");
    assert_eq!(json["items"].as_array().unwrap().len(), 8);
    assert_eq!(json["memo_number"], "০৫.৪৪.৪৭৫৩.০০০.০৬.০২৩.২২-৮৪৮");
    assert!(stderr(&out).contains("minutes-koyra-upazila-ict-2022-09.txt:24:1: warning: Serial “৫.০” comes after “৮.০”"), "{}", stderr(&out));
    let out = batayan(&["minutes", "import", &fixture("apa-layout-2021-22.tsv")]);
    assert_eq!(out.status.code(), Some(1), "a text that is not minutes writes nothing");
    assert!(stdout(&out).is_empty());
}

#[test]
fn minutes_check_counts_the_rate_and_says_what_is_overdue() {
    let imported = batayan(&["minutes", "import", &fixture("minutes-dpe-egov-innovation-2023-12.txt")]);
    let file = Scratch::new("dpe.json", &imported.stdout);
    let out = batayan(&["minutes", "check", &file.path(), "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("/items/0/decisions/2/status: Decision ১.৩.১: past its deadline and not done."), "{text}");
    // Every deadline these minutes set (January to April 2024) has passed, and no decision is marked done.
    assert!(text.trim_end().ends_with("implemented: 0 of 11 (0.0%); 5 warnings"), "{text}");
    let json = batayan(&["minutes", "check", &file.path(), "--json"]);
    let findings: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(findings.as_array().unwrap().iter().all(|f| f["severity"] == "warning"));
}
