//! `batayan minutes …`: minutes copied out of Word → `batayan.minutes/1` JSON, and a minutes document's
//! checks (serials, implementers, overdue decisions, a stated rate against the counted one), with
//! `batayan_core::minutes` — the rules the widgets and the host run.

use std::fmt::Write as _;

use batayan_core::finding::Severity;
use batayan_core::locale::{Lang, Message, digits_for, format_fixed};
use batayan_core::minutes::{Minutes, check as check_minutes, decisions, import as import_minutes, rate};

use crate::Outcome;
use crate::apa_cmd::{one_file, read, read_json};
use crate::args::Args;
use crate::findings::say;

pub(crate) fn import(args: &Args) -> Outcome {
    let run = || -> Result<String, Message> {
        let path = one_file(args, "কার্যবিবরণীর টেক্সট", "minutes text")?;
        let imported = import_minutes(&read(&path)?);
        say(&path, &imported.findings, args.lang);
        if imported.minutes.items.is_empty() {
            return Err(Message::new(
                format!("“{path}” থেকে কোনো আলোচ্য বিষয় পড়া যায়নি, তাই কিছুই লেখা হয়নি।"),
                format!("No item could be read from “{path}”, so nothing was written."),
            ));
        }
        serde_json::to_string_pretty(&imported.minutes).map_err(|e| Message::new(e.to_string(), e.to_string()))
    };
    run().map_or_else(Outcome::Failed, Outcome::Printed)
}

/// Today by the machine's clock, in UTC (the core never reads a clock; the edges hand it the day).
fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days))).unwrap_or_default()
}

pub(crate) fn check(args: &Args) -> Outcome {
    let run = || -> Result<String, Message> {
        let path = one_file(args, "কার্যবিবরণী (JSON)", "minutes (JSON)")?;
        let minutes: Minutes = read_json(&path)?;
        let findings = check_minutes(&minutes, today());
        if args.json {
            return serde_json::to_string_pretty(&findings).map_err(|e| Message::new(e.to_string(), e.to_string()));
        }
        let lang = args.lang;
        let mut text = String::new();
        for f in &findings {
            let _ = writeln!(text, "{}: {}: {}", f.severity.label(lang).to_ascii_lowercase(), f.path, f.message.get(lang));
        }
        let counted = rate(decisions(&minutes));
        let percent = counted.percent().map_or_else(|| "—".to_owned(), |p| format!("{}%", format_fixed(p, 1, lang)));
        let (done, all) = (digits_for(lang, &counted.done.to_string()), digits_for(lang, &counted.counted.to_string()));
        let warnings = digits_for(lang, &findings.iter().filter(|f| f.severity == Severity::Warning).count().to_string());
        let _ = match lang {
            Lang::Bn => write!(text, "বাস্তবায়ন: {all}টির মধ্যে {done}টি ({percent}); {warnings}টি সতর্কতা"),
            Lang::En => write!(text, "implemented: {done} of {all} ({percent}); {warnings} warnings"),
        };
        Ok(text)
    };
    run().map_or_else(Outcome::Failed, Outcome::Printed)
}
