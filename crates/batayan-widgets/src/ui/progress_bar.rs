//! A horizontal bar in inline SVG: a value out of its whole (an area's score out of its weight).
//! No chart library: two rectangles are all a reader needs, and they print. The hand-written views draw
//! the same markup with `batayan_web::dom::progress_bar` (which also draws segments, for the fiscal year).

use batayan_core::locale::{Lang, format_fixed};
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct ProgressBarProps {
    /// 0.0 ..= 1.0; values outside are clamped.
    pub fraction: f64,
    /// What the bar shows, read by screen readers instead of the picture.
    pub value_text: AttrValue,
    /// The accessible name of the bar.
    pub label: AttrValue,
}

/// Exposed as `role="progressbar"` with its value in words; the SVG itself is hidden from assistive
/// technology, which reads `aria-valuetext` instead.
#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let fraction = if props.fraction.is_finite() { props.fraction.clamp(0.0, 1.0) } else { 0.0 };
    let percent = format_fixed(fraction * 100.0, 0, Lang::En);
    let width = format_fixed(fraction * 100.0, 2, Lang::En);
    html! {
        <div class="by-progress" role="progressbar" aria-label={props.label.clone()}
             aria-valuemin="0" aria-valuemax="100" aria-valuenow={percent}
             aria-valuetext={props.value_text.clone()}>
            <svg class="by-progress__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="by-progress__track" x="0" y="0" width="100" height="10" />
                <rect class="by-progress__fill" x="0" y="0" width={width} height="10" />
            </svg>
        </div>
    }
}
