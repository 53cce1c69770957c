//! Batayan's Yew components.
//!
//! **Invariant:** a component only shows what `batayan-core` computes and passes user input back to it;
//! no rule (parsing, validation, scoring) is written here. Components know nothing of custom elements,
//! attributes or the network: `batayan-elements` reads those and hands in props.
//!
//! - [`ui`]: pieces every widget shares (error box, progress bar, submit bar, error summary).
//! - [`fiscal_year`]: `<batayan-fiscal-year>`, a date in both calendars with its fiscal year.
//! - [`apa`]: `<batayan-apa-table>`: the public table with scores, the report form and the editor.
//!
//! Styles for all components are one stylesheet, [`STYLESHEET`], that the element adopts into its shadow
//! root; class names are prefixed `by-` so that they read as ours in a host page's inspector.

pub mod apa;
pub mod fiscal_year;
pub mod ui;

/// The CSS of every component, adopted as a constructed stylesheet (it survives `style-src 'self'`).
pub const STYLESHEET: &str = include_str!("styles.css");
