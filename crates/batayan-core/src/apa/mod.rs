//! The Annual Performance Agreement (বার্ষিক কর্মসম্পাদন চুক্তি, APA): its model and the import of a
//! section 3 table pasted from a spreadsheet or Word.
//!
//! Validation and scoring (domain.md §1) build on this model; see the APA issue for what is left.

mod document;
mod edit;
mod entry;
mod import;
mod model;
mod report;
mod report_check;
mod score;
mod validate;

pub use document::{Acronym, ImportedAgreement, Outcome, SharedIndicator, import_agreement, is_whole_agreement};
pub use edit::{AgreementDraft, PendingCell, cell_text, indicator_cell_text, set_cell};
pub use entry::{DraftReading, EntryField, EntryText, ReportDraft, quarters_covered, read_value};
pub use import::{ImportProblem, Imported, import_section3};
pub use model::{Activity, Agreement, Area, Direction, Indicator, Method, Value, level_label};
pub use report::{AreaScore, IndicatorScore, Report, ReportedValues, Scorecard, scorecard};
pub use report_check::{ReportFinding, check_report};
pub use score::{LEVEL_PERCENTS, Mode, RawScore, achievement, governance_marks, raw_score, weighted};
pub use validate::{Column, Finding, Severity, Suggestion, cell_pointer, pointer, validate};
