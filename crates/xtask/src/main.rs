//! `cargo xtask <command>`: the project's own commands, written in Rust so that they run the same on
//! every machine with nothing but cargo (aliased in `.cargo/config.toml`).
//!
//! - `setup`: installs what is missing, and only that: the wasm32 target, wasm-bindgen-cli (the version
//!   the workspace pins), wasm-pack, the npm tools (binaryen, playwright-core, axe-core) into `tests/node_modules`,
//!   and Debian's chromium + chromium-driver. A second run takes seconds.
//! - `build`: the release package (wasm-pack, `--target web`, wasm-opt -Oz) into `target/dist/batayan`.
//! - `dist`: setup, build, and the npm package `batayan` (`target/npm/batayan-<version>.tgz`): content-hashed
//!   modules, the loader checking their Wasm, TypeScript, schemas, `integrity.json` (`pkg-config/dist.mjs`).
//! - `demo [--port N]`: setup, build, and serve the demo portal until Ctrl-C.
//! - `test`: setup, build, dist, then every test — native, in-browser, end-to-end (the demo pages served
//!   from the npm tarball installed into a scratch folder) — and one closing line `N passed, M failed`.
//! - `bench [--quick] [--json FILE]`: speed and size against a vanilla-JS reference measured in the same
//!   run (see `bench.rs`); never part of `test`, where one test only checks that `bench --quick` runs.
//!
//! No dependencies: std's `process::Command` is all it needs (node runs what is easier in JavaScript).

mod bench;
mod build;
mod portal;
mod run;
mod setup;
mod test;
mod tidy;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <setup | build | dist | demo [--port N] | test | bench [--quick] [--json FILE]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(),
        Some("build") => setup::run().and_then(|()| build::run()),
        Some("dist") => setup::run().and_then(|()| build::run()).and_then(|()| build::dist().map(drop)),
        Some("demo") => demo(&args[1..]),
        Some("test") => match test::run() {
            // The summary line was the last thing printed; say nothing after it.
            Ok(true) => return ExitCode::SUCCESS,
            Ok(false) => return ExitCode::FAILURE,
            Err(problem) => Err(problem),
        },
        Some("bench") => bench::run(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask demo [--port N]`: everything a newcomer needs to see the widgets on a portal page.
fn demo(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => value.parse().map_err(|_| format!("--port {value}: not a port number"))?,
        _ => return Err(USAGE.to_owned()),
    };
    setup::run()?;
    build::run()?;
    let db = project_root().join("var/batayan.sqlite");
    let portal = portal::start(port, &db)?;
    println!("\nBatayan demo portal: {}  (Ctrl-C stops it)\n", portal.url);
    portal.wait()
}

/// The repository's top folder.
pub(crate) fn project_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.ancestors().nth(2).map(PathBuf::from).unwrap_or(manifest_dir)
}
