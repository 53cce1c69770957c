//! `batayan innovation …`: rank judges' marks from a spreadsheet, and check an entry, with
//! `batayan_core::innovation` — the rule the widgets and the host run.

use std::fmt::Write as _;

use batayan_core::finding::{Finding, Severity, has_errors};
use batayan_core::innovation::{Aggregate, Entry, Ranking, rank, read_entries, read_marks, read_rubric, validate};
use batayan_core::locale::{Lang, Message, digits_for, format_fixed};

use crate::Outcome;
use crate::apa_cmd::{read, read_json};
use crate::args::Args;
use crate::findings::say;

pub(crate) fn rank_marks(args: &Args) -> Outcome {
    let run = || -> Result<String, Message> {
        let rubric_path = args.rubric.as_deref().ok_or_else(|| Message::new("--rubric rubric.csv দিন।", "Give --rubric rubric.csv."))?;
        let [marks_path] = args.values.as_slice() else {
            return Err(Message::new("বিচারকদের নম্বরের একটি ফাইল (marks.csv) দিন।", "Give one file of the judges' marks (marks.csv)."));
        };
        let (mut rubric, problems) = read_rubric(&read(rubric_path)?);
        say(rubric_path, &problems, args.lang);
        rubric.aggregate = match args.aggregate.as_deref() {
            None | Some("mean") => Aggregate::Mean,
            Some("median") => Aggregate::Median,
            Some(other) => return Err(Message::new(format!("--aggregate {other}: mean বা median দিন।"), format!("--aggregate {other}: use mean or median."))),
        };
        if let Some(key) = &args.tie_break {
            if !rubric.criteria.iter().any(|c| &c.key == key) {
                return Err(Message::new(format!("--tie-break: “{key}” রুব্রিকে নেই।"), format!("--tie-break: “{key}” is not in the rubric.")));
            }
            rubric.tie_break = Some(key.clone());
        }
        let (sheets, first_lines, problems) = read_marks(&read(marks_path)?);
        say(marks_path, &problems, args.lang);
        let entries = match &args.entries {
            Some(path) => {
                let (entries, problems) = read_entries(&read(path)?);
                say(path, &problems, args.lang);
                entries
            }
            None => Vec::new(),
        };
        let ranking = rank(&rubric, &entries, &sheets);
        // A sheet's problem, at the line where the sheet starts in marks.csv.
        let at_lines: Vec<Finding> = ranking
            .findings
            .iter()
            .map(|f| {
                let sheet: Option<usize> = f.path.split('/').nth(1).and_then(|i| i.parse().ok());
                let line = sheet.and_then(|i| first_lines.get(i)).copied().unwrap_or(0);
                Finding { path: batayan_core::finding::text_path(line, 0), ..f.clone() }
            })
            .collect();
        say(marks_path, &at_lines, args.lang);
        if args.json {
            return serde_json::to_string_pretty(&ranking).map_err(|e| Message::new(e.to_string(), e.to_string()));
        }
        Ok(table(&ranking, &entries, args.lang))
    };
    run().map_or_else(Outcome::Failed, Outcome::Printed)
}

/// Per level and category: rank, entry, score and the judges counted.
fn table(ranking: &Ranking, entries: &[batayan_core::innovation::EntryRow], lang: Lang) -> String {
    let mut text = String::new();
    for group in &ranking.groups {
        let heading = [group.level.map(|l| l.name(lang)), group.category.map(|c| c.name(lang))].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        let _ = writeln!(text, "{}", if heading.is_empty() { lang.pick("সব এন্ট্রি", "All entries").to_owned() } else { heading });
        for p in &group.placed {
            let rank = p.rank.map_or_else(|| "—".to_owned(), |r| digits_for(lang, &r.to_string()));
            let medal = if p.medal.is_some() { " *" } else { "" };
            let title = entries.iter().find(|e| e.id == p.entry).map(|e| format!(" {}", e.title)).unwrap_or_default();
            let score = p.score.map_or_else(|| lang.pick("নম্বর নেই", "not scored").to_owned(), |s| format_fixed(s, 2, lang));
            let judges = digits_for(lang, &p.judges.to_string());
            let judged = match (lang, p.judges) {
                (Lang::Bn, _) => "জন বিচারক",
                (Lang::En, 1) => "judge",
                (Lang::En, _) => "judges",
            };
            let _ = writeln!(text, "  {rank}{medal}\t{}{title}\t{score}\t({judges} {judged})", p.entry);
        }
    }
    text.trim_end().to_owned()
}

pub(crate) fn check(args: &Args) -> Outcome {
    let run = || -> Result<(String, bool), Message> {
        let [path] = args.values.as_slice() else {
            return Err(Message::new("একটি এন্ট্রি (JSON) ফাইল দিন।", "Give one entry (JSON) file."));
        };
        let entry: Entry = read_json(path)?;
        let findings = validate(&entry);
        if args.json {
            let text = serde_json::to_string_pretty(&findings).map_err(|e| Message::new(e.to_string(), e.to_string()))?;
            return Ok((text, has_errors(&findings)));
        }
        let mut text = String::new();
        for f in &findings {
            let _ = writeln!(text, "{}: {}: {}", f.severity.label(args.lang).to_ascii_lowercase(), f.path, f.message.get(args.lang));
        }
        let count = |s: Severity| digits_for(args.lang, &findings.iter().filter(|f| f.severity == s).count().to_string());
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let _ = match args.lang {
            Lang::Bn => write!(text, "{errors}টি ত্রুটি, {warnings}টি সতর্কতা"),
            Lang::En => write!(text, "{errors} errors, {warnings} warnings"),
        };
        Ok((text, has_errors(&findings)))
    };
    match run() {
        Ok((text, false)) => Outcome::Printed(text),
        Ok((text, true)) => {
            println!("{text}");
            Outcome::Failed(Message::new("এন্ট্রিতে ত্রুটি আছে।", "The entry has errors."))
        }
        Err(m) => Outcome::Failed(m),
    }
}
