//! A horizontal bar in inline SVG: a value against segments (quarters of a year, levels of a target).
//! No chart library: a few rectangles are all a reader needs, and they print.

use yew::prelude::*;

/// A labelled stretch of the bar, as a fraction of its width. Labels are laid out in equal columns
/// (no inline `style`: a strict `style-src` blocks style attributes), so segments should be of about
/// equal size, like the quarters of a year.
#[derive(Clone, PartialEq, Debug)]
pub struct Segment {
    pub from: f64,
    pub to: f64,
    pub label: String,
}

#[derive(Properties, PartialEq, Debug)]
pub struct ProgressBarProps {
    /// 0.0 ..= 1.0; values outside are clamped.
    pub fraction: f64,
    /// What the bar shows, read by screen readers instead of the picture.
    pub value_text: AttrValue,
    /// The accessible name of the bar.
    pub label: AttrValue,
    #[prop_or_default]
    pub segments: Vec<Segment>,
}

/// Exposed as `role="progressbar"` with its value in words; the SVG itself is hidden from assistive
/// technology, which reads `aria-valuetext` instead.
#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let fraction = if props.fraction.is_finite() { props.fraction.clamp(0.0, 1.0) } else { 0.0 };
    let percent = (fraction * 100.0).round();
    let width = format!("{:.2}", fraction * 100.0);
    html! {
        <div class="by-progress" role="progressbar" aria-label={props.label.clone()}
             aria-valuemin="0" aria-valuemax="100" aria-valuenow={percent.to_string()}
             aria-valuetext={props.value_text.clone()}>
            <svg class="by-progress__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="by-progress__track" x="0" y="0" width="100" height="10" />
                <rect class="by-progress__fill" x="0" y="0" width={width} height="10" />
                { for props.segments.iter().skip(1).map(|s| {
                    let x = format!("{:.2}", s.from.clamp(0.0, 1.0) * 100.0);
                    html! { <line class="by-progress__tick" x1={x.clone()} x2={x} y1="0" y2="10" /> }
                }) }
            </svg>
            if !props.segments.is_empty() {
                <ol class="by-progress__labels" aria-hidden="true">
                    { for props.segments.iter().map(|s| html! {
                        <li key={s.label.clone()}>{ s.label.clone() }</li>
                    }) }
                </ol>
            }
        </div>
    }
}
