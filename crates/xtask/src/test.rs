//! `cargo xtask test`: every test the project has, on one line at the end: `N passed, M failed`.
//!
//! 1. native: `cargo test --workspace` (the core's rules, the CLI, the dev-portal's contract, xtask);
//! 2. browser: the widgets mounted in headless Chromium (`cargo test --target wasm32-unknown-unknown`
//!    through wasm-bindgen-test-runner and chromedriver);
//! 3. end-to-end: Playwright scripts in `tests/e2e/` against a dev-portal started here on a free port
//!    with a fresh database, stopped afterwards;
//! 4. `bench --quick`, counted as one test: the bench runs to its table (its figures are not asserted).

use std::path::PathBuf;

use crate::project_root;
use crate::run::{command, tee};
use crate::{build, portal, setup};

/// Passed and failed tests over all suites, and the suites that went wrong.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Tally {
    pub passed: u64,
    pub failed: u64,
    pub broken: Vec<String>,
}

impl Tally {
    /// Adds one suite's counts; a suite whose command failed with no failing test counted (it did not
    /// compile, or crashed) counts as one failure, so that it can never pass unnoticed.
    fn add(&mut self, suite: &str, counts: (u64, u64), command_succeeded: bool) {
        let (passed, failed) = counts;
        self.passed += passed;
        self.failed += failed;
        if !command_succeeded && failed == 0 {
            self.failed += 1;
            self.broken.push(format!("{suite}: did not run to the end (see above)"));
        } else if failed > 0 {
            self.broken.push(format!("{suite}: {failed} failed"));
        }
    }
}

/// Runs everything; `Ok(true)` when all passed. The summary is always the last line printed.
pub(crate) fn run() -> Result<bool, String> {
    setup::run()?;
    build::run()?;
    let tarball = build::dist()?;
    let root = project_root();
    let mut tally = Tally::default();

    let (out, ok) = tee(command("cargo", &["test", "--workspace", "--no-fail-fast"], &root))?;
    tally.add("native", cargo_counts(&out), ok);

    // Each module's in-browser tests, from its own directory (where its webdriver.json is).
    for module in ["batayan-dates", "batayan-view", "batayan-elements", "batayan-innovation", "batayan-minutes"] {
        let mut browser = command("cargo", &["test", "--target", "wasm32-unknown-unknown", "--no-fail-fast"], &root.join("crates").join(module));
        browser.env("CHROMEDRIVER", "/usr/bin/chromedriver");
        let (out, ok) = tee(browser)?;
        tally.add(&format!("browser ({module})"), cargo_counts(&out), ok);
    }

    match end_to_end(&tarball) {
        Ok((out, ok)) => tally.add("end-to-end", tap_counts(&out), ok),
        Err(problem) => {
            eprintln!("end-to-end: {problem}");
            tally.add("end-to-end", (0, 0), false);
        }
    }

    // One test of the bench: that `bench --quick` runs to its table (figures are never asserted).
    let bench = crate::bench::measure(true, None);
    if let Err(problem) = &bench {
        eprintln!("bench --quick: {problem}");
    }
    tally.add("bench --quick", (u64::from(bench.is_ok()), 0), bench.is_ok());

    for line in &tally.broken {
        eprintln!("FAILED {line}");
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    Ok(tally.failed == 0)
}

/// The demo pages, with the package under `/batayan/` served from the npm tarball installed into a
/// scratch folder as a portal installs it (`npm install batayan-<version>.tgz`, offline).
fn end_to_end(tarball: &std::path::Path) -> Result<(String, bool), String> {
    let root = project_root();
    let scratch = std::env::temp_dir().join(format!("batayan-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("cannot make {}: {e}", scratch.display()))?;
    std::fs::write(scratch.join("package.json"), "{\"name\": \"a-portal\", \"private\": true}\n")
        .map_err(|e| format!("cannot write in {}: {e}", scratch.display()))?;
    let tarball = tarball.to_string_lossy().into_owned();
    crate::run::status(command("npm", &["install", "--offline", "--no-audit", "--no-fund", &tarball], &scratch))?;
    let package = scratch.join("node_modules/batayan");
    let running = portal::start_with_package(0, &scratch.join("batayan.sqlite"), &root.join("www"), &package)?;

    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root.join("tests/e2e"))
        .map_err(|e| format!("cannot read tests/e2e: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    scripts.sort();
    let mut args = vec!["--test".to_owned(), "--test-reporter=tap".to_owned(), "--test-concurrency=1".to_owned()];
    args.extend(scripts.iter().map(|p| p.to_string_lossy().into_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut node = command("node", &args, &root.join("tests"));
    node.env("BATAYAN_URL", &running.url).env("BATAYAN_CHROMIUM", "/usr/bin/chromium");
    let result = tee(node);
    drop(running);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Sums `test result: … N passed; M failed` over cargo's (and wasm-bindgen-test-runner's) output.
fn cargo_counts(output: &str) -> (u64, u64) {
    let number_before = |line: &str, word: &str| -> u64 {
        line.split([';', '.', ',']).find_map(|part| part.trim().strip_suffix(word).and_then(|n| n.trim().parse().ok())).unwrap_or(0)
    };
    output
        .lines()
        .filter(|l| l.trim_start().starts_with("test result:"))
        .fold((0, 0), |(p, f), l| (p + number_before(l, "passed"), f + number_before(l, "failed")))
}

/// The `# pass N` and `# fail M` lines of node's TAP reporter.
fn tap_counts(output: &str) -> (u64, u64) {
    let value = |prefix: &str| -> u64 { output.lines().filter_map(|l| l.trim().strip_prefix(prefix)).filter_map(|n| n.trim().parse::<u64>().ok()).sum() };
    (value("# pass "), value("# fail "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_results_over_several_binaries() {
        let out = "\
running 3 tests
test result: ok. 36 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
test result: FAILED. 8 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.09s
test result: ok. 7 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.05s
";
        assert_eq!(cargo_counts(out), (51, 1));
        assert_eq!(cargo_counts("error[E0308]: mismatched types"), (0, 0));
    }

    #[test]
    fn counts_tap_summary() {
        let out = "TAP version 13\nok 1 - renders\nnot ok 2 - prints\n1..2\n# tests 2\n# pass 1\n# fail 1\n# cancelled 0\n";
        assert_eq!(tap_counts(out), (1, 1));
    }

    #[test]
    fn a_suite_that_breaks_without_counting_a_failure_still_fails() {
        let mut tally = Tally::default();
        tally.add("native", (10, 0), true);
        tally.add("browser", (0, 0), false);
        tally.add("end-to-end", (3, 2), false);
        assert_eq!((tally.passed, tally.failed), (13, 3));
        assert_eq!(tally.broken, ["browser: did not run to the end (see above)", "end-to-end: 2 failed"]);
    }
}
