//! The forms of `<batayan-apa-table>`: the report form (achievements per period, scored as they are
//! typed) and the editor (the agreement's section 3, pasted or typed, checked cell by cell). The table
//! citizens read is not here: it is `batayan-view`'s, written without Yew so that a citizen's page
//! never downloads a form.
//!
//! Rows are keyed components whose props compare equal when nothing of theirs changed, so a change to
//! one indicator re-renders one row, not the table (the 1,000-indicator budget of the performance issue).

mod editor;
mod editor_row;
mod report_form;
mod report_row;
mod report_rows;
mod summary;

pub use editor::{AgreementEditor, AgreementEditorProps};
pub use editor_row::CellEdit;
pub use report_form::{ReportForm, ReportFormProps};
pub use report_row::FieldEdit;
