//! Batayan's Yew components.
//!
//! **Invariant:** a component only shows what `batayan-core` computes and passes user input back to it;
//! no rule (parsing, validation, scoring) is written here. Components know nothing of custom elements,
//! attributes or the network: `batayan-elements` reads those and hands in props.
//!
//! - [`ui`]: pieces every widget shares (error box, progress bar, submit bar, error summary).
//! - [`apa`]: the forms of `<batayan-apa-table>`: the report form and the editor.
//!
//! Their styles are one stylesheet, `batayan_web::APA_STYLES`, that the element adopts into its shadow
//! root (the hand-written views of `batayan-view` use the same classes).

pub mod apa;
pub mod ui;
