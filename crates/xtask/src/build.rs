//! `cargo xtask build`: the package a portal loads, into `target/dist/batayan`:
//! `batayan.js` (the loader a page includes) and one module per kind of page, each wasm-pack's output
//! (`--target web`, wasm-opt -Oz) with its TypeScript declarations: `batayan_dates`
//! (`<batayan-fiscal-year>`) and `batayan_view` (the read-only APA table: what a citizen's page loads),
//! both without Yew; `batayan_report` and `batayan_edit`, the two forms, each a build of
//! `batayan-elements` with only that form's feature (a page with one form downloads one).

use std::path::PathBuf;

use crate::project_root;
use crate::run::{command, status};

/// Where the built package goes; git-ignored with the rest of `target/`.
pub(crate) fn dist_dir() -> PathBuf {
    project_root().join("target/dist/batayan")
}

/// A module of the package: the crate it is built from, its name, and the crate's features it holds
/// (`None`: the crate's defaults).
struct Module {
    crate_dir: &'static str,
    name: &'static str,
    feature: Option<&'static str>,
}

const MODULES: [Module; 4] = [
    Module { crate_dir: "batayan-dates", name: "batayan_dates", feature: None },
    Module { crate_dir: "batayan-view", name: "batayan_view", feature: None },
    Module { crate_dir: "batayan-elements", name: "batayan_report", feature: Some("report") },
    Module { crate_dir: "batayan-elements", name: "batayan_edit", feature: Some("edit") },
];

pub(crate) fn run() -> Result<(), String> {
    let root = project_root();
    let out = dist_dir();
    let out_text = out.to_string_lossy().into_owned();
    // A module dropped or renamed must not linger in the package (the bench weighs every file in it).
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("cannot empty {}: {e}", out.display()))?;
    }
    for module in &MODULES {
        // `--mode no-install`: use the wasm-bindgen that setup installed, never a download.
        let mut args = vec!["build", "--release", "--target", "web", "--mode", "no-install", "--no-pack", "--out-dir", &out_text, "--out-name", module.name];
        if let Some(feature) = module.feature {
            args.extend(["--", "--no-default-features", "--features", feature]);
        }
        status(command("wasm-pack", &args, &root.join("crates").join(module.crate_dir)))?;
    }
    let loader = root.join("crates/batayan-web/js/batayan.js");
    std::fs::copy(&loader, out.join("batayan.js")).map_err(|e| format!("cannot copy {}: {e}", loader.display()))?;
    for module in &MODULES {
        let wasm = std::fs::metadata(out.join(format!("{}_bg.wasm", module.name))).map(|m| m.len()).unwrap_or(0);
        eprintln!("build: {}/{} ({} KiB of wasm before compression)", out.display(), module.name, wasm / 1024);
    }
    Ok(())
}
