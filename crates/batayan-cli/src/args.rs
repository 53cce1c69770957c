//! The command line, read by hand: two words of command, positional values and a handful of options
//! do not need a parser crate.

use batayan_core::locale::Lang;

#[derive(Debug, Default)]
pub(crate) struct Args {
    /// The command words, e.g. `["locale", "date"]`.
    pub command: Vec<String>,
    /// Everything after the command words, joined with spaces, so that `batayan locale date ২৭
    /// ডিসেম্বর ২০২৩` works without quotes.
    pub value: String,
    /// The same words as `value`, one by one (file names for `apa` commands).
    pub values: Vec<String>,
    /// `--fiscal-year 2024-25`.
    pub fiscal_year: Option<String>,
    /// `--office ict-sylhet`.
    pub office: Option<String>,
    /// `--report report-q1.json`: where `apa import` writes the achievements a table reports in a
    /// quarter's column.
    pub report: Option<String>,
    /// `innovation rank`: `--rubric rubric.csv`, `--entries entries.csv`, `--aggregate mean|median`,
    /// `--tie-break CRITERION`.
    pub rubric: Option<String>,
    pub entries: Option<String>,
    pub aggregate: Option<String>,
    pub tie_break: Option<String>,
    /// `--stepped`: score by the highest level reached instead of interpolating.
    pub stepped: bool,
    /// `--digits-only`: a number's digits in both scripts, as typed (no value, no grouping).
    pub digits_only: bool,
    pub json: bool,
    pub lang: Lang,
    pub help: bool,
}

/// How many leading words name the command (`locale date`).
const COMMAND_WORDS: usize = 2;

impl Args {
    pub fn parse(raw: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let mut args = Args::default();
        let mut positional = Vec::new();
        let mut raw = raw.into_iter();
        while let Some(arg) = raw.next() {
            match arg.as_str() {
                "--json" => args.json = true,
                "--stepped" => args.stepped = true,
                "--digits-only" => args.digits_only = true,
                "--fiscal-year" => args.fiscal_year = Some(raw.next().ok_or("--fiscal-year needs a value, e.g. 2024-25")?),
                "--rubric" => args.rubric = Some(raw.next().ok_or("--rubric needs a file, e.g. rubric.csv")?),
                "--entries" => args.entries = Some(raw.next().ok_or("--entries needs a file, e.g. entries.csv")?),
                "--aggregate" => args.aggregate = Some(raw.next().ok_or("--aggregate needs mean or median")?),
                "--tie-break" => args.tie_break = Some(raw.next().ok_or("--tie-break needs a criterion")?),
                "--report" => args.report = Some(raw.next().ok_or("--report needs a file to write, e.g. report-q1.json")?),
                "--office" => args.office = Some(raw.next().ok_or("--office needs a value, e.g. ict-sylhet")?),
                "-h" | "--help" => args.help = true,
                "--lang" => {
                    let tag = raw.next().ok_or("--lang needs a value: bn or en")?;
                    args.lang = Lang::from_tag(&tag).ok_or(format!("--lang {tag}: use bn or en"))?;
                }
                _ if arg.starts_with("--lang=") => {
                    let tag = &arg["--lang=".len()..];
                    args.lang = Lang::from_tag(tag).ok_or(format!("--lang {tag}: use bn or en"))?;
                }
                // A lone `-` or a negative number is a value, not a flag.
                _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
                _ => positional.push(arg),
            }
        }
        if args.help {
            return Ok(args);
        }
        if positional.len() < COMMAND_WORDS {
            return Err("missing command".to_owned());
        }
        let value = positional.split_off(COMMAND_WORDS);
        args.command = positional;
        args.value = value.join(" ");
        args.values = value;
        Ok(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &[&str]) -> Result<Args, String> {
        Args::parse(line.iter().map(|s| s.to_string()))
    }

    #[test]
    fn joins_the_value_words() {
        let a = parse(&["locale", "date", "২৭", "ডিসেম্বর", "২০২৩", "--json"]).expect("valid");
        assert_eq!(a.command, ["locale", "date"]);
        assert_eq!(a.value, "২৭ ডিসেম্বর ২০২৩");
        assert!(a.json);
        assert_eq!(a.lang, Lang::Bn);
    }

    #[test]
    fn reads_lang_both_ways_and_keeps_negative_numbers() {
        assert_eq!(parse(&["--lang", "en", "locale", "number", "5"]).expect("valid").lang, Lang::En);
        assert_eq!(parse(&["locale", "number", "--lang=en", "5"]).expect("valid").lang, Lang::En);
        assert_eq!(parse(&["locale", "number", "-5"]).expect("valid").value, "-5");
        assert!(parse(&["locale", "number", "--lang", "fr", "5"]).is_err());
        assert!(parse(&["locale", "number", "--frobnicate"]).is_err());
        assert!(parse(&["locale"]).is_err());
    }
}
