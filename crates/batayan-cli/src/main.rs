//! `batayan`: the native face of `batayan-core`, so that a portal team's own scripts and pipelines
//! check and convert data by exactly the rules the widgets use.
//!
//! Output goes to stdout (plain text, or JSON with `--json`); errors go to stderr as one readable
//! sentence in the language of `--lang` (Bangla by default) and the exit code is 1. A command line we
//! do not understand exits 2 with the usage.

mod apa_cmd;
mod args;
mod findings;
mod innovation_cmd;
mod locale_cmd;
mod minutes_cmd;

use std::process::ExitCode;

use args::Args;
use batayan_core::locale::{Lang, Message};

const USAGE: &str = "\
batayan — Batayan's rules on the command line

USAGE:
    batayan locale date <date>       a date in any supported form → ISO, Gregorian and Bangla
                                     calendar in Bangla, fiscal year and quarter
    batayan locale number <number>   a number with Bangla or ASCII digits (৳ and /- allowed) →
                                     value, lakh/crore and western grouping, every digit kept
    batayan locale number --digits-only <digits>
                                     the digits in both scripts as written: leading zeros kept,
                                     no grouping (memo and ID numbers: ০৫.৪১.০০০০.০০৫.১১)
    batayan locale mobile <number>   a Bangladeshi mobile number → +8801XXXXXXXXX
    batayan apa import <table.tsv> --fiscal-year 2024-25 [--office ict-sylhet] [--report FILE]
                                     a pasted section 3 table of any year's layout → the agreement
                                     as JSON; errors, warnings and notes go to stderr with their line
                                     and column; a column of a quarter's achievements (অর্জন …
                                     (১ম প্রান্তিক)) is a report, written to FILE with --report
    batayan apa check <apa.json>     the agreement's findings (errors and warnings); exit 1 on errors
    batayan apa score <apa.json> <report.json> [--stepped]
                                     the scorecard: per indicator, per area, total out of 100

    batayan innovation rank --rubric rubric.csv <marks.csv> [--entries entries.csv]
                 [--aggregate mean|median] [--tie-break CRITERION]
                                     judges' marks from a spreadsheet (rubric.csv: criterion,weight,max;
                                     marks.csv: entry,judge,criterion,mark — `abstain`/`বিরত` to abstain;
                                     entries.csv: entry,title,level,category) → rank, entry, score and
                                     judges counted per level and category (* = 1st–3rd); problems on stderr
    batayan innovation check <entry.json>
                                     a showcase entry's findings; exit 1 on errors

    batayan minutes import <minutes.txt>
                                     minutes as copied out of Word (header, the items as a table of
                                     tab-separated cells, footer) → batayan.minutes/1 JSON; what
                                     could not be read, and serials repeated or out of order, on
                                     stderr with their lines
    batayan minutes check <minutes.json>
                                     serials, decisions without implementers, overdue decisions (by
                                     today's date), a stated rate against the counted one; the rate

OPTIONS:
    --json          print JSON instead of text
    --lang bn|en    language of labels and error messages (default: bn)
    -h, --help      print this help
";

/// What a command produces: text for people or JSON for programs, or a message saying why not.
pub(crate) enum Outcome {
    Printed(String),
    Failed(Message),
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.help {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let outcome = match args.command.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["locale", "date"] => locale_cmd::date(&args),
        ["locale", "number"] => locale_cmd::number(&args),
        ["locale", "mobile"] => locale_cmd::mobile(&args),
        ["apa", "import"] => apa_cmd::import(&args),
        ["apa", "check"] => apa_cmd::check(&args),
        ["apa", "score"] => apa_cmd::score(&args),
        ["innovation", "rank"] => innovation_cmd::rank_marks(&args),
        ["innovation", "check"] => innovation_cmd::check(&args),
        ["minutes", "import"] => minutes_cmd::import(&args),
        ["minutes", "check"] => minutes_cmd::check(&args),
        _ => {
            eprintln!("unknown command: {}\n\n{USAGE}", args.command.join(" "));
            return ExitCode::from(2);
        }
    };
    match outcome {
        Outcome::Printed(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Outcome::Failed(message) => {
            let label = if args.lang == Lang::Bn { "ত্রুটি" } else { "error" };
            eprintln!("{label}: {}", message.get(args.lang));
            ExitCode::from(1)
        }
    }
}
