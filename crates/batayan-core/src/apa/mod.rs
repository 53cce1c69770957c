//! The Annual Performance Agreement (বার্ষিক কর্মসম্পাদন চুক্তি, APA) and its progress reports: the model,
//! the import of a whole document or a pasted section 3 table, validation, scoring (domain.md §1), and
//! the drafts the widget's report and edit modes keep (texts as typed, read by these same rules).

mod block;
mod cell;
mod document;
mod edit;
mod entry;
mod import;
mod live;
mod merge;
mod model;
mod pages;
mod paste;
mod report;
mod report_check;
mod score;
mod validate;

pub use block::{Block, RowKey, has_mandatory_objectives};
pub use cell::{CellKind, is_blank, read_cell, read_weight};
pub use document::{ImportedAgreement, import_agreement, is_whole_agreement};
pub use edit::{AgreementDraft, PendingCell, cell_text, indicator_cell_text, set_cell};
pub use entry::{DraftReading, EntryField, EntryText, ReportDraft};
pub use import::{Imported, Section3Reader, import_section3};
pub use live::{LiveReport, LiveRow};
pub use merge::{ChangedRow, Section3Changes, changes};
pub use model::{
    Acronym, Activity, Agreement, Area, Direction, Indicator, Method, Mode, Outcome, SharedIndicator, Value, level_label, levels_direction,
    lower_is_better_note,
};
pub use pages::RowPages;
pub use paste::{ImportSlice, Piece, problem_line};
pub use report::{AreaScore, IndicatorScore, Report, ReportedValues, Scorecard, quarters_covered, score_indicator, scorecard};
pub use report_check::{check_report, check_values};
pub use score::{LEVEL_PERCENTS, RawScore, Why, achievement, governance_marks, raw_score, weighted};
pub use validate::{Column, Finding, RowPointers, Severity, Suggestion, cell_at_pointer, cell_pointer, has_errors, validate};
