//! `batayan locale …`: dates, numbers and mobile numbers through `batayan_core::locale`.

use batayan_core::locale::{
    BanglaDate, Calendar, Decimal, FiscalYear, Lang, MobileNumber, digits_as_written, format_gregorian, parse_date, to_bangla_digits, weekday_name,
};
use chrono::{Datelike, NaiveDate};
use serde_json::json;

use crate::Outcome;
use crate::args::Args;

/// `2023-12-27`.
fn iso(day: NaiveDate) -> String {
    day.to_string()
}

/// Labels of the text output, Bangla and English.
fn label(lang: Lang, bn: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Bn { bn } else { en }
}

pub(crate) fn date(args: &Args) -> Outcome {
    let parsed = match parse_date(&args.value) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(e.message()),
    };
    let day = parsed.date;
    let bangla = BanglaDate::from_gregorian(day);
    let year = FiscalYear::containing(day);
    // A date inside its fiscal year always has a quarter.
    let quarter = year.quarter_of(day);
    if args.json {
        let both = |bn: String, en: String| json!({ "bn": bn, "en": en });
        return Outcome::Printed(
            json!({
                "iso": iso(day),
                "written_in": match parsed.written_in { Calendar::Gregorian => "gregorian", Calendar::Bangla => "bangla" },
                "weekday": both(weekday_name(day.weekday(), Lang::Bn).into(), weekday_name(day.weekday(), Lang::En).into()),
                "gregorian": both(format_gregorian(day, Lang::Bn), format_gregorian(day, Lang::En)),
                "bangla": {
                    "bn": bangla.format(Lang::Bn),
                    "en": bangla.format(Lang::En),
                    "year": bangla.year,
                    "month": bangla.month.number(),
                    "day": bangla.day,
                },
                "fiscal_year": {
                    "code": year.code(),
                    "bn": year.label(Lang::Bn),
                    "quarter": quarter.map(|q| format!("{q:?}")),
                },
            })
            .to_string(),
        );
    }
    let lang = args.lang;
    let quarter_name = quarter.map(|q| q.name(lang)).unwrap_or_default();
    Outcome::Printed(format!(
        "ISO: {}\n{}: {}, {}\n{}: {}\n{}: {} — {}",
        iso(day),
        label(lang, "খ্রিস্টাব্দ", "Gregorian"),
        weekday_name(day.weekday(), lang),
        format_gregorian(day, lang),
        label(lang, "বঙ্গাব্দ", "Bangla calendar"),
        bangla.format(lang),
        label(lang, "অর্থবছর", "Fiscal year"),
        year.label(lang),
        quarter_name,
    ))
}

pub(crate) fn number(args: &Args) -> Outcome {
    if args.digits_only {
        return digits(args);
    }
    // Exact: every digit comes back as written, however many (a figure of money must).
    let value = match Decimal::parse(&args.value) {
        Ok(v) => v,
        Err(e) => return Outcome::Failed(e.message()),
    };
    let (bn, en) = (value.format(Lang::Bn), value.format(Lang::En));
    if args.json {
        return Outcome::Printed(json!({ "value": value.to_f64(), "exact": value.plain(), "bn": bn, "en": en }).to_string());
    }
    Outcome::Printed(format!(
        "{}: {}\n{}: {bn}\n{}: {en}",
        label(args.lang, "মান", "Value"),
        value.plain(),
        label(args.lang, "বাংলা", "Bangla"),
        label(args.lang, "ইংরেজি", "English"),
    ))
}

/// Digits converted, nothing else changed: what a memo or ID number needs, where `০০৫` must stay three
/// digits and no comma may appear. Separators such numbers use stay as written; anything else is refused.
fn digits(args: &Args) -> Outcome {
    let en = match digits_as_written(&args.value) {
        Ok(en) => en,
        Err(message) => return Outcome::Failed(message),
    };
    let bn = to_bangla_digits(&en);
    if args.json {
        return Outcome::Printed(json!({ "bn": bn, "en": en }).to_string());
    }
    Outcome::Printed(format!("{}: {bn}\n{}: {en}", label(args.lang, "বাংলা", "Bangla"), label(args.lang, "ইংরেজি", "English")))
}

pub(crate) fn mobile(args: &Args) -> Outcome {
    let number = match MobileNumber::parse(&args.value) {
        Ok(n) => n,
        Err(e) => return Outcome::Failed(e.message()),
    };
    if args.json {
        return Outcome::Printed(
            json!({
                "e164": number.e164(),
                "local": number.local(),
                "bn": number.display(Lang::Bn),
                "operator": number.operator().name(Lang::En),
            })
            .to_string(),
        );
    }
    Outcome::Printed(format!(
        "{}\n{} ({}: {})",
        number.e164(),
        number.display(args.lang),
        label(args.lang, "অপারেটর", "operator"),
        number.operator().name(args.lang),
    ))
}
