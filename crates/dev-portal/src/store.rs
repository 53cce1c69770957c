//! SQLite: schema migrations, the seed fixtures, and the reads and writes the API needs.
//!
//! **Invariant:** a write and its idempotency record are committed in one transaction, so a record is
//! either stored whole with its key or not at all.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Each entry migrates from `user_version` = its index to index + 1. Append only.
const MIGRATIONS: &[&str] = &[
    "
    CREATE TABLE documents (
        kind        TEXT NOT NULL,
        office      TEXT NOT NULL,
        fiscal_year TEXT NOT NULL,
        body        TEXT NOT NULL,
        updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        PRIMARY KEY (kind, office, fiscal_year)
    );
    CREATE TABLE reports (
        id          INTEGER PRIMARY KEY,
        office      TEXT NOT NULL,
        fiscal_year TEXT NOT NULL,
        period      TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX reports_by_agreement ON reports (office, fiscal_year, id);
    CREATE TABLE idempotency (
        key           TEXT PRIMARY KEY,
        method        TEXT NOT NULL,
        path          TEXT NOT NULL,
        request_body  TEXT NOT NULL,
        status        INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
",
    "
    -- The offices this portal serves: a write for any other is refused, never a new office made.
    -- A database made before this table keeps every office it already holds documents for.
    CREATE TABLE offices (key TEXT PRIMARY KEY);
    INSERT INTO offices (key) SELECT DISTINCT office FROM documents;
",
    "
    -- The innovation showcase: demo sessions, entries, which judge scores which entry, their sheets,
    -- and settings (whether the results are published).
    CREATE TABLE sessions (token TEXT PRIMARY KEY, user TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE TABLE innovation_entries (id INTEGER PRIMARY KEY, body TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
    CREATE TABLE innovation_assignments (judge TEXT NOT NULL, entry_id INTEGER NOT NULL REFERENCES innovation_entries (id),
        PRIMARY KEY (judge, entry_id));
    CREATE TABLE innovation_sheets (entry_id INTEGER NOT NULL REFERENCES innovation_entries (id), judge TEXT NOT NULL, body TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), PRIMARY KEY (entry_id, judge));
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
",
    "
    -- Meeting minutes (`batayan.minutes/1`), one row per meeting; decisions' statuses live in the body.
    CREATE TABLE minutes (id INTEGER PRIMARY KEY, body TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
",
];

/// The offices the reference host knows on first start: the two district ICT offices whose
/// agreements are in the seed documents. More come with `dev-portal --office KEY`.
pub(crate) const SEED_OFFICES: &[&str] = &["ict-sylhet", "ict-joypurhat"];

/// Progress reports stored on first start: a sample Q2 report for the demo's scored view.
const SEED_REPORTS: &[(&str, &str, &str, &str)] =
    &[("ict-sylhet", "2024-25", "Q2", include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json"))];

/// Documents stored on first start, made from the seed documents (see `tests/fixtures/README.md`).
const SEED_AGREEMENTS: &[(&str, &str, &str)] = &[("ict-sylhet", "2024-25", include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json"))];

pub(crate) fn open(path: &Path) -> rusqlite::Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    }
    prepare(Connection::open(path)?)
}

pub(crate) fn open_in_memory() -> rusqlite::Result<Connection> {
    prepare(Connection::open_in_memory()?)
}

fn prepare(mut db: Connection) -> rusqlite::Result<Connection> {
    db.pragma_update(None, "journal_mode", "WAL")?;
    db.pragma_update(None, "foreign_keys", "ON")?;
    migrate(&mut db)?;
    seed(&mut db)?;
    Ok(db)
}

fn migrate(db: &mut Connection) -> rusqlite::Result<()> {
    let version: i64 = db.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
        let tx = db.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn seed(db: &mut Connection) -> rusqlite::Result<()> {
    let tx = db.transaction()?;
    for office in SEED_OFFICES {
        add_office(&tx, office)?;
    }
    let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM documents)", [], |r| r.get(0))?;
    if empty {
        for (office, fiscal_year, body) in SEED_AGREEMENTS {
            put_document(&tx, "apa", office, fiscal_year, body)?;
        }
        for (office, fiscal_year, period, body) in SEED_REPORTS {
            insert_report(&tx, office, fiscal_year, period, body)?;
        }
    }
    let no_entries: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM innovation_entries)", [], |r| r.get(0))?;
    if no_entries {
        let entries: Vec<serde_json::Value> = serde_json::from_str(crate::innovation::SEED_ENTRIES).unwrap_or_default();
        for entry in entries {
            insert_innovation_entry(&tx, &entry.to_string())?;
        }
        for (judge, ids) in crate::innovation::ASSIGNMENTS {
            for id in *ids {
                tx.execute("INSERT OR IGNORE INTO innovation_assignments (judge, entry_id) VALUES (?1, ?2)", params![judge, id])?;
            }
        }
    }
    let no_minutes: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM minutes)", [], |r| r.get(0))?;
    if no_minutes {
        for text in crate::minutes::SEED_MINUTES {
            let minutes = batayan_core::minutes::import(text).minutes;
            let body = serde_json::to_string(&minutes).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            insert_minutes(&tx, &body)?;
        }
    }
    tx.commit()
}

pub(crate) fn insert_minutes(tx: &Transaction<'_>, body: &str) -> rusqlite::Result<i64> {
    tx.execute("INSERT INTO minutes (body) VALUES (?1)", params![body])?;
    Ok(tx.last_insert_rowid())
}

/// Replaces meeting `id`'s minutes; `false` if there is no such meeting.
pub(crate) fn replace_minutes(tx: &Transaction<'_>, id: i64, body: &str) -> rusqlite::Result<bool> {
    let changed = tx.execute("UPDATE minutes SET body = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1", params![id, body])?;
    Ok(changed == 1)
}

/// Every meeting's minutes: `(id, body)`, oldest first.
pub(crate) fn all_minutes(db: &Connection) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut statement = db.prepare("SELECT id, body FROM minutes ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

pub(crate) fn minutes(db: &Connection, id: i64) -> rusqlite::Result<Option<String>> {
    db.query_row("SELECT body FROM minutes WHERE id = ?1", params![id], |r| r.get(0)).optional()
}

/// Registers an office (nothing happens if it is known).
pub(crate) fn add_office(db: &Connection, key: &str) -> rusqlite::Result<()> {
    db.execute("INSERT OR IGNORE INTO offices (key) VALUES (?1)", params![key])?;
    Ok(())
}

pub(crate) fn office_known(db: &Connection, key: &str) -> rusqlite::Result<bool> {
    db.query_row("SELECT EXISTS (SELECT 1 FROM offices WHERE key = ?1)", params![key], |r| r.get(0))
}

pub(crate) fn get_document(db: &Connection, kind: &str, office: &str, fiscal_year: &str) -> rusqlite::Result<Option<String>> {
    db.query_row("SELECT body FROM documents WHERE kind = ?1 AND office = ?2 AND fiscal_year = ?3", params![kind, office, fiscal_year], |r| r.get(0)).optional()
}

pub(crate) fn put_document(tx: &Transaction<'_>, kind: &str, office: &str, fiscal_year: &str, body: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO documents (kind, office, fiscal_year, body) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, office, fiscal_year)
         DO UPDATE SET body = excluded.body, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        params![kind, office, fiscal_year, body],
    )?;
    Ok(())
}

pub(crate) fn insert_report(tx: &Transaction<'_>, office: &str, fiscal_year: &str, period: &str, body: &str) -> rusqlite::Result<i64> {
    tx.execute("INSERT INTO reports (office, fiscal_year, period, body) VALUES (?1, ?2, ?3, ?4)", params![office, fiscal_year, period, body])?;
    Ok(tx.last_insert_rowid())
}

/// Every stored report of an agreement, oldest first: `(id, period, body, created_at)`.
pub(crate) fn list_reports(db: &Connection, office: &str, fiscal_year: &str) -> rusqlite::Result<Vec<(i64, String, String, String)>> {
    let mut statement = db.prepare("SELECT id, period, body, created_at FROM reports WHERE office = ?1 AND fiscal_year = ?2 ORDER BY id")?;
    let rows = statement.query_map(params![office, fiscal_year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// The body of the latest stored report of an agreement.
pub(crate) fn latest_report(db: &Connection, office: &str, fiscal_year: &str) -> rusqlite::Result<Option<String>> {
    db.query_row("SELECT body FROM reports WHERE office = ?1 AND fiscal_year = ?2 ORDER BY id DESC LIMIT 1", params![office, fiscal_year], |r| r.get(0))
        .optional()
}

pub(crate) fn add_session(db: &Connection, token: &str, user: &str) -> rusqlite::Result<()> {
    db.execute("INSERT INTO sessions (token, user) VALUES (?1, ?2)", params![token, user])?;
    Ok(())
}

pub(crate) fn session_user(db: &Connection, token: &str) -> rusqlite::Result<Option<String>> {
    db.query_row("SELECT user FROM sessions WHERE token = ?1", params![token], |r| r.get(0)).optional()
}

pub(crate) fn insert_innovation_entry(tx: &Transaction<'_>, body: &str) -> rusqlite::Result<i64> {
    tx.execute("INSERT INTO innovation_entries (body) VALUES (?1)", params![body])?;
    Ok(tx.last_insert_rowid())
}

/// Every entry: `(id, body)`, oldest first.
pub(crate) fn innovation_entries(db: &Connection) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut statement = db.prepare("SELECT id, body FROM innovation_entries ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// A judge's assigned entries with their own sheet, if any: `(id, entry, sheet)`.
pub(crate) fn judge_queue(db: &Connection, judge: &str) -> rusqlite::Result<Vec<(i64, String, Option<String>)>> {
    let mut statement = db.prepare(
        "SELECT e.id, e.body, s.body FROM innovation_assignments a JOIN innovation_entries e ON e.id = a.entry_id
         LEFT JOIN innovation_sheets s ON s.entry_id = e.id AND s.judge = a.judge WHERE a.judge = ?1 ORDER BY e.id",
    )?;
    let rows = statement.query_map(params![judge], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

pub(crate) fn is_assigned(db: &Connection, judge: &str, entry: i64) -> rusqlite::Result<bool> {
    db.query_row("SELECT EXISTS (SELECT 1 FROM innovation_assignments WHERE judge = ?1 AND entry_id = ?2)", params![judge, entry], |r| r.get(0))
}

pub(crate) fn put_sheet(db: &Connection, entry: i64, judge: &str, body: &str) -> rusqlite::Result<()> {
    db.execute(
        "INSERT INTO innovation_sheets (entry_id, judge, body) VALUES (?1, ?2, ?3)
         ON CONFLICT (entry_id, judge) DO UPDATE SET body = excluded.body, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        params![entry, judge, body],
    )?;
    Ok(())
}

/// Every sheet's body, by entry and judge.
pub(crate) fn all_sheets(db: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = db.prepare("SELECT body FROM innovation_sheets ORDER BY entry_id, judge")?;
    let rows = statement.query_map([], |r| r.get(0))?;
    rows.collect()
}

pub(crate) fn set_setting(db: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    db.execute("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", params![key, value])?;
    Ok(())
}

pub(crate) fn setting(db: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    db.query_row("SELECT value FROM settings WHERE key = ?1", params![key], |r| r.get(0)).optional()
}

/// A response stored under an idempotency key.
pub(crate) struct StoredResponse {
    pub method: String,
    pub path: String,
    pub request_body: String,
    pub status: u16,
    pub response_body: String,
}

pub(crate) fn find_idempotent(tx: &Transaction<'_>, key: &str) -> rusqlite::Result<Option<StoredResponse>> {
    tx.query_row("SELECT method, path, request_body, status, response_body FROM idempotency WHERE key = ?1", params![key], |r| {
        Ok(StoredResponse { method: r.get(0)?, path: r.get(1)?, request_body: r.get(2)?, status: r.get(3)?, response_body: r.get(4)? })
    })
    .optional()
}

pub(crate) fn remember_idempotent(tx: &Transaction<'_>, key: &str, stored: &StoredResponse) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO idempotency (key, method, path, request_body, status, response_body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![key, stored.method, stored.path, stored.request_body, stored.status, stored.response_body],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_and_seeds_once() {
        let dir = std::env::temp_dir().join(format!("batayan-store-{}", std::process::id()));
        let path = dir.join("nested/db.sqlite");
        let db = open(&path).expect("opens");
        let version: i64 = db.pragma_query_value(None, "user_version", |r| r.get(0)).expect("reads");
        assert_eq!(version, MIGRATIONS.len() as i64);
        assert!(get_document(&db, "apa", "ict-sylhet", "2024-25").expect("reads").is_some());
        drop(db);
        // A second open neither re-runs migrations nor seeds twice.
        let db = open(&path).expect("opens again");
        let count: i64 = db.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).expect("counts");
        assert_eq!(count, SEED_AGREEMENTS.len() as i64);
        let _ = std::fs::remove_dir_all(dir);
    }
}
