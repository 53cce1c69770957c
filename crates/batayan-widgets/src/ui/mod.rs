//! Pieces every widget shares: an error box, a bar, and the form pieces of the one draft-and-submit
//! path (submission state, submit bar, error summary linking to fields).

mod error_box;
mod error_summary;
mod pager;
mod progress_bar;
mod submission;

pub use error_box::ErrorBox;
pub use error_summary::{ErrorSummary, SUMMARY_LIMIT, SummaryItem, SummaryList, field_id};
pub use pager::{EDITOR_ROWS_PER_PAGE, Pager, Paging, ROWS_PER_PAGE, use_paging};
pub use progress_bar::{LiveProgressBar, LiveProgressBarProps, Progress, ProgressBar};
pub use submission::{DraftStatus, Submission, SubmitBar};

/// A string from data (a name, a unit, an office, a link), isolated from the text around it: a
/// right-to-left override (U+202E) or any other bidi control inside it cannot reorder what follows.
/// Every data string a widget shows inline with its own text goes through this.
pub fn bdi(text: &str) -> yew::Html {
    yew::html! { <bdi>{ text.to_owned() }</bdi> }
}

/// Whether two shared values are the same allocation. Props holding a whole agreement or draft compare
/// with this, not `==`: `Rc<T>`'s `==` compares contents, which for 10,000 indicators is a walk of the
/// whole document on every render, and a new document always comes in a new `Rc`.
pub fn same<T: ?Sized>(a: &std::rc::Rc<T>, b: &std::rc::Rc<T>) -> bool {
    std::rc::Rc::ptr_eq(a, b)
}

/// Whether two optional shared values are both absent or the same allocation (see [`same`]).
pub fn same_option<T: ?Sized>(a: &Option<std::rc::Rc<T>>, b: &Option<std::rc::Rc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}
