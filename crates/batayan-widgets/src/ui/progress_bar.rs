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

/// How far a long piece of work is, shared between the work and the bar that shows it: setting it
/// re-renders the bar alone, not the form around it (a form of 1,000 rows costs ~150 ms to render; a
/// progress update must not). Compared by address.
#[derive(Clone, Debug, Default)]
pub struct Progress(std::rc::Rc<ProgressState>);

#[derive(Debug, Default)]
struct ProgressState {
    fraction: std::cell::Cell<f64>,
    watcher: std::cell::RefCell<Option<Callback<()>>>,
}

impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Progress {
    /// 0.0 ..= 1.0; the bar shown for it, if any, redraws.
    pub fn set(&self, fraction: f64) {
        self.0.fraction.set(fraction);
        let watcher = self.0.watcher.borrow().clone();
        if let Some(watcher) = watcher {
            watcher.emit(());
        }
    }

    pub fn get(&self) -> f64 {
        self.0.fraction.get()
    }
}

#[derive(Properties, PartialEq, Debug)]
pub struct LiveProgressBarProps {
    pub progress: Progress,
    /// The accessible name of the bar.
    pub label: AttrValue,
    pub lang: Lang,
}

/// A [`ProgressBar`] that follows a [`Progress`], as a percentage.
#[component]
pub fn LiveProgressBar(props: &LiveProgressBarProps) -> Html {
    let redraw = use_force_update();
    {
        let progress = props.progress.clone();
        use_effect_with(progress, move |progress| {
            *progress.0.watcher.borrow_mut() = Some(Callback::from(move |()| redraw.force_update()));
            let progress = progress.clone();
            move || {
                progress.0.watcher.borrow_mut().take();
            }
        });
    }
    let fraction = props.progress.get();
    let value_text: AttrValue = format!("{}%", format_fixed(fraction * 100.0, 0, props.lang)).into();
    html! { <ProgressBar {fraction} label={props.label.clone()} {value_text} /> }
}
