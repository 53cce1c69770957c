//! `cargo xtask build`: the package a portal loads, into `target/dist/batayan`:
//! `batayan.js` (the loader a page includes) and three modules, each wasm-pack's output (`--target web`,
//! wasm-opt -Oz) with its TypeScript declarations: `batayan_dates` (`<batayan-fiscal-year>`),
//! `batayan_view` (the read-only APA table: what a citizen's page loads) and `batayan_elements` (the
//! forms, with Yew). Neither of the first two has Yew in it.

use std::path::PathBuf;

use crate::project_root;
use crate::run::{command, status};

/// Where the built package goes; git-ignored with the rest of `target/`.
pub(crate) fn dist_dir() -> PathBuf {
    project_root().join("target/dist/batayan")
}

/// The crates built as modules of the package, and the name of each module.
const MODULES: [(&str, &str); 3] = [("batayan-dates", "batayan_dates"), ("batayan-view", "batayan_view"), ("batayan-elements", "batayan_elements")];

pub(crate) fn run() -> Result<(), String> {
    let root = project_root();
    let out = dist_dir();
    let out_text = out.to_string_lossy().into_owned();
    for (crate_dir, out_name) in MODULES {
        // `--mode no-install`: use the wasm-bindgen that setup installed, never a download.
        let args = [
            "build", "--release", "--target", "web", "--mode", "no-install", "--no-pack",
            "--out-dir", &out_text, "--out-name", out_name,
        ];
        status(command("wasm-pack", &args, &root.join("crates").join(crate_dir)))?;
    }
    let loader = root.join("crates/batayan-web/js/batayan.js");
    std::fs::copy(&loader, out.join("batayan.js")).map_err(|e| format!("cannot copy {}: {e}", loader.display()))?;
    for (_, out_name) in MODULES {
        let wasm = std::fs::metadata(out.join(format!("{out_name}_bg.wasm"))).map(|m| m.len()).unwrap_or(0);
        eprintln!("build: {}/{out_name} ({} KiB of wasm before compression)", out.display(), wasm / 1024);
    }
    Ok(())
}
