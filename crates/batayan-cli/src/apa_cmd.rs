//! `batayan apa …`: import, check and score agreements with `batayan_core::apa`.

use std::fmt::Write as _;

use batayan_core::apa::{Agreement, Mode, Report, Severity, has_errors, import_agreement, import_section3, is_whole_agreement, scorecard, validate};
use batayan_core::contract::{check_office_key, invalid_json};
use batayan_core::locale::{FiscalYear, Lang, Message, format_fixed, to_bangla_digits};

use crate::Outcome;
use crate::args::Args;

/// The largest file read. A whole agreement is about 100 KB; anything past this is not one (a wrong
/// file, or a device like `/dev/zero`), and reading it whole would only exhaust the memory.
const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

fn cannot_read(path: &str, error: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let (bn, en) = match error.kind() {
        ErrorKind::NotFound => ("ফাইলটি নেই".to_owned(), "there is no such file".to_owned()),
        ErrorKind::PermissionDenied => ("ফাইলটি পড়ার অনুমতি নেই".to_owned(), "permission to read it is denied".to_owned()),
        ErrorKind::IsADirectory => ("এটি একটি ফোল্ডার, ফাইল নয়".to_owned(), "it is a folder, not a file".to_owned()),
        _ => (format!("পড়তে গিয়ে সমস্যা ({error})"), error.to_string()),
    };
    Message::new(format!("ফাইল “{path}” পড়া যায়নি: {bn}।"), format!("Cannot read the file “{path}”: {en}."))
}

/// A text file, whole: at most [`MAX_INPUT_BYTES`], and UTF-8 (what Word and spreadsheets save as
/// "Unicode text"); either failure is said with what to do.
pub(crate) fn read(path: &str) -> Result<String, Message> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| cannot_read(path, &e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let mib = (MAX_INPUT_BYTES / (1024 * 1024)).to_string();
        return Err(Message::new(
            format!("ফাইল “{path}” {} মেগাবাইটের বেশি বড়; এটি কোনো চুক্তি বা সারণি নয়। ঠিক ফাইলটি দিন।", to_bangla_digits(&mib)),
            format!("The file “{path}” is larger than {mib} MiB; it is not an agreement or a table. Give the right file."),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = (e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1).to_string();
        Message::new(
            format!("ফাইল “{path}” UTF-8 লেখা নয় (লাইন {}-এ প্রথম অচেনা বাইট)। ফাইলটি “Unicode (UTF-8)” হিসেবে সংরক্ষণ করে আবার দিন।", to_bangla_digits(&line)),
            format!("The file “{path}” is not UTF-8 text (the first unreadable byte is on line {line}). Save it as “Unicode (UTF-8)” and try again."),
        )
    })
}

pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, Message> {
    let text = read(path)?;
    serde_json::from_str(&text).map_err(|e| {
        let subject = Message::new(format!("“{path}”"), format!("“{path}”"));
        if e.is_data() {
            // Valid JSON of the wrong shape: say what the rules expected.
            Message::new(format!("“{path}”-এর গঠন ঠিক নেই: {e}"), format!("“{path}” is not shaped as expected: {e}"))
        } else {
            invalid_json(&subject, e.line(), e.column(), &e.to_string())
        }
    })
}

pub(crate) fn one_file(args: &Args, what_bn: &str, what_en: &str) -> Result<String, Message> {
    match args.values.as_slice() {
        [path] => Ok(path.clone()),
        _ => Err(Message::new(format!("একটি {what_bn} ফাইল দিন।"), format!("Give one {what_en} file."))),
    }
}

pub(crate) fn import(args: &Args) -> Outcome {
    let run = || -> Result<String, Message> {
        let path = one_file(args, "চুক্তি বা সারণি (TSV)", "agreement or table (TSV)")?;
        let year_text = args
            .fiscal_year
            .as_deref()
            .ok_or_else(|| Message::new("--fiscal-year দিন, যেমন --fiscal-year ২০২৪-২৫।", "Give --fiscal-year, e.g. --fiscal-year 2024-25."))?;
        let year = FiscalYear::parse(year_text).map_err(|e| e.message())?;
        let office = args.office.clone().unwrap_or_else(|| "office".to_owned());
        check_office_key(&office)?;
        let text = read(&path)?;
        // A whole agreement copied out of the document, or section 3 pasted from a spreadsheet.
        let (agreement, problems, report) = if is_whole_agreement(&text) {
            let imported = import_agreement(&text, &office, year);
            (imported.agreement, imported.problems, None)
        } else {
            let imported = import_section3(&text);
            let report = imported.report(&office, year);
            (imported.merge_into(&Agreement::new(&office, year)), imported.problems, report)
        };
        crate::findings::say(&path, &problems, args.lang);
        if agreement.indicators().next().is_none() {
            return Err(Message::new(
                format!("“{path}” থেকে কোনো সূচক পড়া যায়নি, তাই কিছুই লেখা হয়নি।"),
                format!("No indicator could be read from “{path}”, so nothing was written."),
            ));
        }
        write_report(args, report.as_ref())?;
        serde_json::to_string_pretty(&agreement).map_err(|e| Message::new(e.to_string(), e.to_string()))
    };
    run().map_or_else(Outcome::Failed, Outcome::Printed)
}

/// The achievements a table reports in a quarter's column, written to `--report FILE`: they are not
/// targets, so the agreement leaves them out.
fn write_report(args: &Args, report: Option<&Report>) -> Result<(), Message> {
    let Some(report) = report else {
        return match &args.report {
            Some(path) => Err(Message::new(
                format!("টেবিলে কোনো প্রান্তিকের অর্জনের কলাম নেই, তাই “{path}” লেখা হয়নি।"),
                format!("The table has no column of a quarter's achievements, so “{path}” was not written."),
            )),
            None => Ok(()),
        };
    };
    // Without --report they stay out: the import's note at the column has said where they are.
    let Some(path) = &args.report else { return Ok(()) };
    let json = serde_json::to_string_pretty(report).map_err(|e| Message::new(e.to_string(), e.to_string()))?;
    std::fs::write(path, json + "\n").map_err(|e| Message::new(format!("“{path}” লেখা যায়নি: {e}"), format!("Cannot write “{path}”: {e}")))
}

pub(crate) fn check(args: &Args) -> Outcome {
    let run = || -> Result<(String, bool), Message> {
        let path = one_file(args, "চুক্তি (JSON)", "agreement (JSON)")?;
        let agreement: Agreement = read_json(&path)?;
        let findings = validate(&agreement);
        let has_errors = has_errors(&findings);
        if args.json {
            let text = serde_json::to_string_pretty(&findings).map_err(|e| Message::new(e.to_string(), e.to_string()))?;
            return Ok((text, has_errors));
        }
        let mut text = String::new();
        for f in &findings {
            let severity = f.severity.label(args.lang).to_ascii_lowercase();
            let _ = writeln!(text, "{severity}: {}", f.message.get(args.lang));
        }
        let errors = findings.iter().filter(|f| f.severity == Severity::Error).count().to_string();
        let warnings = findings.iter().filter(|f| f.severity == Severity::Warning).count().to_string();
        let _ = write!(
            text,
            "{}",
            match args.lang {
                Lang::Bn => format!("{}টি ত্রুটি, {}টি সতর্কতা", to_bangla_digits(&errors), to_bangla_digits(&warnings)),
                Lang::En => format!("{errors} errors, {warnings} warnings"),
            }
        );
        Ok((text, has_errors))
    };
    match run() {
        Ok((text, false)) => Outcome::Printed(text),
        Ok((text, true)) => {
            println!("{text}");
            Outcome::Failed(Message::new("চুক্তিতে ত্রুটি আছে।", "The agreement has errors."))
        }
        Err(m) => Outcome::Failed(m),
    }
}

pub(crate) fn score(args: &Args) -> Outcome {
    let run = || -> Result<String, Message> {
        let [apa_path, report_path] = args.values.as_slice() else {
            return Err(Message::new("চুক্তি ও প্রতিবেদন — দুটি JSON ফাইল দিন।", "Give two JSON files: the agreement and the report."));
        };
        let agreement: Agreement = read_json(apa_path)?;
        let report: Report = read_json(report_path)?;
        if report.office != agreement.office || report.fiscal_year != agreement.fiscal_year {
            return Err(Message::new("প্রতিবেদনটি অন্য অফিস বা অর্থবছরের।", "The report is for another office or fiscal year than the agreement."));
        }
        // The agreement's own scoring, unless the command line asks for stepped scores.
        let mode = if args.stepped { Mode::Stepped } else { agreement.scoring };
        let card = scorecard(&agreement, &report, mode);
        if args.json {
            return serde_json::to_string_pretty(&card).map_err(|e| Message::new(e.to_string(), e.to_string()));
        }
        let lang = args.lang;
        let mut text = String::new();
        for i in &card.indicators {
            let shown = i.key.label(agreement.fiscal_year, lang);
            let raw = i.raw.as_ref().map_or("—".to_owned(), |r| format_fixed(r.value, 2, lang));
            let _ = writeln!(text, "{shown} {raw} → {}", format_fixed(i.weighted, 2, lang));
        }
        let total_label = if lang == Lang::Bn { "মোট" } else { "Total" };
        let _ = write!(text, "{total_label}: {} / {}", format_fixed(card.total, 2, lang), if lang == Lang::Bn { "১০০" } else { "100" });
        Ok(text)
    };
    run().map_or_else(Outcome::Failed, Outcome::Printed)
}
