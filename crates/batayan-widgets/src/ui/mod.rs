//! Pieces every widget shares.

mod error_box;
mod progress_bar;

pub use error_box::ErrorBox;
pub use progress_bar::{ProgressBar, Segment};

use batayan_core::locale::Lang;

/// Picks the text for the page's language: `tr(lang, "অর্থবছর", "Fiscal year")`.
pub fn tr(lang: Lang, bn: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Bn => bn,
        Lang::En => en,
    }
}
