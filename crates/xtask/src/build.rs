//! `cargo xtask build`: the package a portal loads, into `target/dist/batayan`:
//! `batayan.js` (the loader a page includes), `batayan_elements.js` + `batayan_elements_bg.wasm`
//! (wasm-pack's output, `--target web`, wasm-opt -Oz), and TypeScript declarations.

use std::path::PathBuf;

use crate::project_root;
use crate::run::{command, status};

/// Where the built package goes; git-ignored with the rest of `target/`.
pub(crate) fn dist_dir() -> PathBuf {
    project_root().join("target/dist/batayan")
}

pub(crate) fn run() -> Result<(), String> {
    let root = project_root();
    let out = dist_dir();
    let out_text = out.to_string_lossy().into_owned();
    // `--mode no-install`: use the wasm-bindgen that setup installed, never a download.
    let args = [
        "build", "--release", "--target", "web", "--mode", "no-install", "--no-pack",
        "--out-dir", &out_text, "--out-name", "batayan_elements",
    ];
    status(command("wasm-pack", &args, &root.join("crates/batayan-elements")))?;
    let loader = root.join("crates/batayan-elements/js/batayan.js");
    std::fs::copy(&loader, out.join("batayan.js")).map_err(|e| format!("cannot copy {}: {e}", loader.display()))?;
    let wasm = std::fs::metadata(out.join("batayan_elements_bg.wasm")).map(|m| m.len()).unwrap_or(0);
    eprintln!("build: {} ({} KiB of wasm before compression)", out.display(), wasm / 1024);
    Ok(())
}
