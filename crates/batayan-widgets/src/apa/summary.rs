//! The total out of 100 as a large figure, and a bar per area: what a citizen looks at first.

use batayan_core::apa::AreaScore;
use batayan_core::locale::{FiscalYear, Lang, format_fixed};
use yew::prelude::*;

use crate::ui::{ProgressBar, bdi};

#[derive(Properties, PartialEq, Debug)]
pub struct SummaryProps {
    pub areas: Vec<AreaScore>,
    pub total: f64,
    /// The agreement's year: how its areas' serials are written.
    pub year: FiscalYear,
    pub lang: Lang,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="by-apa__summary">
            <p class="by-apa__total">
                <span class="by-apa__total-label">{ lang.pick("মোট প্রাপ্ত নম্বর", "Total score") }</span>
                <span class="by-apa__total-figure">{ format_fixed(props.total, 2, lang) }</span>
                <span class="by-apa__total-of">{ lang.pick("/ ১০০", "/ 100") }</span>
            </p>
            <ul class="by-apa__bars">
                { for props.areas.iter().map(|area| {
                    let serial = area.key.title(props.year, lang);
                    let fraction = if area.weight > 0.0 { area.score / area.weight } else { 0.0 };
                    let text = format!("{} / {}", format_fixed(area.score, 2, lang), format_fixed(area.weight, 0, lang));
                    html! {
                        <li key={area.key.as_str()}>
                            <span class="by-apa__bar-label">{ format!("{serial} ") }{ bdi(&area.name) }</span>
                            <ProgressBar fraction={fraction} value_text={text.clone()} label={area.name.clone()} />
                            <span class="by-apa__bar-value">{ text }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
