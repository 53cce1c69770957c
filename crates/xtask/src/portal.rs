//! Starting the reference host (dev-portal) for the demo and the end-to-end tests.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

use crate::build::dist_dir;
use crate::project_root;
use crate::run::{command, status};

/// A running dev-portal; stopped when dropped.
pub(crate) struct Portal {
    child: Child,
    pub url: String,
}

/// Builds and starts dev-portal on `port` (0: any free port) with the database at `db`, and waits for
/// it to say where it listens.
pub(crate) fn start(port: u16, db: &Path) -> Result<Portal, String> {
    start_serving(port, db, &project_root().join("www"))
}

/// Like [`start`], with the pages from `www` instead of the demo's (the bench serves its own beside them).
pub(crate) fn start_serving(port: u16, db: &Path, www: &Path) -> Result<Portal, String> {
    start_with_package(port, db, www, &dist_dir())
}

/// Like [`start_serving`], with the package under `/batayan/` from `pkg` (the end-to-end tests serve
/// the npm package as a portal installs it).
pub(crate) fn start_with_package(port: u16, db: &Path, www: &Path, pkg: &Path) -> Result<Portal, String> {
    let root = project_root();
    status(command("cargo", &["build", "--quiet", "-p", "dev-portal"], &root))?;
    let binary = root.join("target/debug/dev-portal");
    let (port, db) = (port.to_string(), db.to_string_lossy().into_owned());
    let (www, pkg) = (www.to_string_lossy().into_owned(), pkg.to_string_lossy().into_owned());
    let args = ["--port", &port, "--db", &db, "--www", &www, "--pkg", &pkg];
    let mut child = command(&binary.to_string_lossy(), &args, &root).stdout(Stdio::piped()).spawn().map_err(|e| format!("could not start dev-portal: {e}"))?;
    let mut first = String::new();
    if let Some(out) = child.stdout.take() {
        let mut reader = BufReader::new(out);
        let _ = reader.read_line(&mut first);
        // Keep draining its stdout so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in reader.lines() {});
    }
    let Some(url) = first.trim().strip_prefix("listening on ").map(str::to_owned) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!("dev-portal did not start (it said {:?}); see its message above", first.trim()));
    };
    Ok(Portal { child, url })
}

impl Portal {
    /// Serves until the process ends (Ctrl-C reaches it with us).
    pub(crate) fn wait(mut self) -> Result<(), String> {
        let status = self.child.wait().map_err(|e| e.to_string())?;
        if status.success() { Ok(()) } else { Err(format!("dev-portal stopped: {status}")) }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
