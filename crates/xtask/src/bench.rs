//! `cargo xtask bench [--quick] [--json FILE]`: speed and size, measured, never asserted.
//!
//! 1. builds the release package (as `build` does);
//! 2. runs the core's native bench (`batayan-core/examples/bench.rs`, release), which also writes the
//!    generated 1,000- and 10,000-indicator agreements the browser groups load;
//! 3. serves the demo pages with `tests/bench/` beside them (the vanilla-JS reference and the bench's
//!    Batayan pages) from a scratch folder, on a free port, with a fresh database;
//! 4. runs `tests/bench/bench.mjs` in headless Chromium, which prints the table: Batayan, the
//!    reference measured in the same run, and the ratio.
//!
//! `--quick` takes two runs of each and the 1,000-indicator size only: a check that the bench runs.

use std::path::Path;

use crate::run::{command, first_line, status};
use crate::{build, portal, project_root, setup};

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    let json = match args.iter().position(|a| a == "--json") {
        Some(i) => Some(args.get(i + 1).ok_or("--json needs a file name")?.clone()),
        None => None,
    };
    if let Some(unknown) = args.iter().enumerate().find(|(i, a)| *a != "--quick" && *a != "--json" && !(*i > 0 && args[i - 1] == "--json")) {
        return Err(format!("unknown bench option {}; usage: cargo xtask bench [--quick] [--json FILE]", unknown.1));
    }
    if first_line("node", &["--version"]).is_none() {
        return Err("node is needed for the browser groups: install Node.js 20".to_owned());
    }
    setup::run()?;
    build::run()?;
    measure(quick, json.as_deref())
}

/// The bench on the package already built: what `cargo xtask test` runs with `quick` to check that the
/// bench still works (it asserts nothing about the figures).
pub(crate) fn measure(quick: bool, json: Option<&str>) -> Result<(), String> {
    let root = project_root();
    let scratch = std::env::temp_dir().join(format!("batayan-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let www = scratch.join("www");
    copy_dir(&root.join("www"), &www)?;
    copy_dir(&root.join("tests/bench/reference"), &www.join("bench/reference"))?;
    copy_dir(&root.join("tests/bench/pages"), &www.join("bench/pages"))?;

    // Group 4, and the generated documents for the others.
    let data = www.join("bench/data");
    let data_text = data.to_string_lossy().into_owned();
    let mut core_args = vec!["run", "--quiet", "--release", "-p", "batayan-core", "--example", "bench", "--", "--json", "--write", &data_text];
    if quick {
        core_args.push("--quick");
    }
    let core = command("cargo", &core_args, &root).output().map_err(|e| format!("cannot run the core bench: {e}"))?;
    if !core.status.success() {
        return Err(format!("the core bench failed:\n{}", String::from_utf8_lossy(&core.stderr)));
    }
    let core_json = String::from_utf8_lossy(&core.stdout).trim().to_owned();

    let running = portal::start_serving(0, &scratch.join("bench.sqlite"), &www)?;
    let mut node = command("node", &["bench/bench.mjs"], &root.join("tests"));
    node.env("BATAYAN_URL", &running.url)
        .env("BATAYAN_CHROMIUM", "/usr/bin/chromium")
        .env("BENCH_PACKAGE", build::dist_dir())
        .env("BENCH_CORE", &core_json)
        .env("BENCH_QUICK", if quick { "1" } else { "0" });
    if let Some(file) = json {
        let absolute = std::env::current_dir().map(|d| d.join(file)).unwrap_or_else(|_| file.into());
        node.env("BENCH_JSON", absolute);
    }
    let result = status(node);
    drop(running);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Copies a folder's files, recursively (the bench's pages are a handful of small files).
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot make {}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &target)?;
        } else {
            std::fs::copy(&source, &target).map_err(|e| format!("cannot copy {}: {e}", source.display()))?;
        }
    }
    Ok(())
}
