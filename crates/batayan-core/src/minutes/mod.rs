//! Meeting minutes (সভার কার্যবিবরণী, domain.md §3): the model (`batayan.minutes/1`), its import from the
//! text of a minutes document as copied from Word, and the follow-up rules: deadlines, overdue
//! decisions, the implementation rate counted against the one the minutes state.
//!
//! Texts are kept as written: a cell's markup stays in the model and is made safe when shown
//! ([`crate::text`]); serials stay as the minutes write them, out of order or repeated (a warning, never
//! renumbered).

mod import;
mod model;
mod register;
mod rules;
mod search;

pub use import::{Imported, import};
pub use model::{Attendance, Decision, FollowUp, Item, Minutes, Person, Status};
pub use register::{Entry as RegisterEntry, Filter, ListedMinutes, MinutesList, StatusChange, implementers, rates, register, status_name, to_csv};
pub use rules::{Deadline, Rate, check, deadline_in, decisions, is_overdue, rate, rate_by_implementer};
pub use search::{Field, Hit, fold, hits_in, search};

/// The `schema` tag of a minutes document.
pub const MINUTES_SCHEMA: &str = "batayan.minutes/1";
