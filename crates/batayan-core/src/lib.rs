//! The rules of Batayan, in pure Rust.
//!
//! **Invariant:** this crate does no IO and knows nothing of web-sys, Yew or HTTP. Every rule a widget
//! shows (digits, dates, fiscal years, mobile numbers, and later APA scoring, innovation judging and
//! minutes follow-up) lives here and is tested natively with `cargo test`. The widgets, the reference
//! host and the `batayan` CLI all call these same functions, so a figure is computed one way everywhere.
//!
//! **Invariant:** nothing here panics on input from outside. Bad input is a value: an error that carries
//! a [`locale::Message`] in Bangla and English that a person can act on.

#![cfg_attr(test, allow(clippy::unwrap_used))] // a failed unwrap is how a test says it failed

pub mod apa;
pub mod contract;
pub mod finding;
pub mod innovation;
pub mod locale;
pub mod minutes;
#[cfg(any(test, feature = "schema"))]
pub mod schemas;
pub mod table_text;
pub mod text;
