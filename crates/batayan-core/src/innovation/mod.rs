//! Innovation showcase (উদ্ভাবন শোকেসিং, domain.md §2): the entry an innovation team submits
//! (`"schema": "batayan.innovation-entry/1"`), what is wrong with it, its TCV analysis (time, cost and
//! visits of the citizen, before and after), and the judging: a rubric, judges' sheets, the published
//! rule that turns them into ranks per level and category.
//!
//! Built on what the APA widget uses: findings are [`crate::finding::Finding`]s at JSON Pointers,
//! numbers and mobiles are read by [`crate::locale`], money is a [`crate::locale::Decimal`].

mod entry;
mod exchange;
pub mod form;
mod judging;
mod sheet_form;
mod sheets_csv;
mod tcv;
mod validate;

pub use entry::{Case, Category, Entry, Figures, Level, Person, TimeUnit, Timed};
pub use exchange::{EntryId, EntryList, ListedEntry, Queue, QueuedEntry, Results};
pub use form::{DraftRead, EntryDraft};
pub use judging::{Aggregate, Criterion, Group, Placed, Ranking, Rubric, Sheet, rank, sheet_score};
pub use sheet_form::{SheetDraft, SheetRead};
pub use sheets_csv::{EntryRow, read_entries, read_marks, read_rubric};
pub use tcv::{Savings, Tcv, tcv};
pub use validate::validate;
