//! `cargo xtask build`: the package a portal loads, into `target/dist/batayan`:
//! `batayan.js` (the loader a page includes) and one module per kind of page, each wasm-pack's output
//! (`--target web`, wasm-opt -Oz) with its TypeScript declarations: `batayan_dates`
//! (`<batayan-fiscal-year>`) and `batayan_view` (the read-only APA table: what a citizen's page loads),
//! `batayan_report` and `batayan_edit`, the two APA forms, each a build of `batayan-elements` with
//! only that form's feature (a page with one form downloads one), and `batayan_import`, the importer
//! the editor loads when a table is pasted; and one module per innovation
//! element (`batayan_innovation_entry`, `_judging`, `_showcase`), builds of `batayan-innovation` with
//! one feature each; every module hand-written DOM over `batayan-web`; `batayan_minutes` and
//! `batayan_decisions`, the minutes viewer and the decision register (`batayan-minutes`, one feature each).

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

const MODULES: [Module; 11] = [
    Module { crate_dir: "batayan-dates", name: "batayan_dates", feature: None },
    Module { crate_dir: "batayan-view", name: "batayan_view", feature: None },
    Module { crate_dir: "batayan-elements", name: "batayan_report", feature: Some("report") },
    Module { crate_dir: "batayan-elements", name: "batayan_edit", feature: Some("edit") },
    Module { crate_dir: "batayan-elements", name: "batayan_import", feature: Some("import") },
    Module { crate_dir: "batayan-innovation", name: "batayan_innovation_entry", feature: Some("entry") },
    Module { crate_dir: "batayan-innovation", name: "batayan_innovation_judging", feature: Some("judging") },
    Module { crate_dir: "batayan-innovation", name: "batayan_innovation_showcase", feature: Some("showcase") },
    Module { crate_dir: "batayan-minutes", name: "batayan_minutes", feature: Some("viewer") },
    Module { crate_dir: "batayan-minutes", name: "batayan_minutes_edit", feature: Some("edit") },
    Module { crate_dir: "batayan-minutes", name: "batayan_decisions", feature: Some("decisions") },
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
        minify(&root, &out.join(format!("{}.js", module.name)), &["--module"])?;
    }
    let loader = root.join("crates/batayan-web/js/batayan.js");
    std::fs::copy(&loader, out.join("batayan.js")).map_err(|e| format!("cannot copy {}: {e}", loader.display()))?;
    // Every page downloads the loader; its comments are for us (the source is in the repository).
    // Its top-level names stay: `dist.mjs` fills `INTEGRITY` by name.
    minify(&root, &out.join("batayan.js"), &[])?;
    for module in &MODULES {
        let wasm = std::fs::metadata(out.join(format!("{}_bg.wasm", module.name))).map(|m| m.len()).unwrap_or(0);
        eprintln!("build: {}/{} ({} KiB of wasm before compression)", out.display(), module.name, wasm / 1024);
    }
    Ok(())
}

/// Minifies a JS file in place with terser (from `tests/node_modules`, which setup installs), with
/// `extra` options (`--module`: its top-level names may go too). wasm-bindgen writes a module's glue
/// for people to read, with a comment per export, and every page that uses the module downloads it:
/// a third less, gzipped.
fn minify(root: &std::path::Path, file: &std::path::Path, extra: &[&str]) -> Result<(), String> {
    let terser = root.join("tests/node_modules/terser/bin/terser");
    if !terser.exists() {
        return Err(format!("{} is missing: run `cargo xtask setup`", terser.display()));
    }
    let (terser, file) = (terser.to_string_lossy().into_owned(), file.to_string_lossy().into_owned());
    let mut args = vec![terser.as_str(), file.as_str(), "--compress", "--mangle", "--output", file.as_str()];
    args.extend(extra);
    status(command("node", &args, root))
}

/// Where `cargo xtask dist` puts the npm package's folder and its tarball.
pub(crate) fn npm_dir() -> PathBuf {
    project_root().join("target/npm")
}

/// `cargo xtask dist`: the npm package `batayan` from the built modules (`pkg-config/dist.mjs` names
/// them by content hash, fills the loader's integrity map, writes the TypeScript and `integrity.json`),
/// packed offline with `npm pack`. Returns the tarball.
pub(crate) fn dist() -> Result<PathBuf, String> {
    let root = project_root();
    let version = workspace_version()?;
    let (npm, package) = (npm_dir(), npm_dir().join("batayan"));
    let (built, package_text) = (dist_dir().to_string_lossy().into_owned(), package.to_string_lossy().into_owned());
    status(command("node", &["pkg-config/dist.mjs", &built, &package_text, &version], &root))?;
    let npm_text = npm.to_string_lossy().into_owned();
    status(command("npm", &["pack", "--offline", "--pack-destination", &npm_text], &package))?;
    let tarball = npm.join(format!("batayan-{version}.tgz"));
    if !tarball.exists() {
        return Err(format!("npm pack did not make {}", tarball.display()));
    }
    eprintln!("dist: {}", tarball.display());
    Ok(tarball)
}

/// The workspace's version (`[workspace.package] version`), which the npm package carries too.
fn workspace_version() -> Result<String, String> {
    let manifest = std::fs::read_to_string(project_root().join("Cargo.toml")).map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let package = manifest.split("[workspace.package]").nth(1).ok_or("Cargo.toml has no [workspace.package]")?;
    package
        .lines()
        .find_map(|l| l.trim().strip_prefix("version").map(|v| v.trim().trim_start_matches('=').trim().trim_matches('"').to_owned()))
        .ok_or_else(|| "[workspace.package] has no version".to_owned())
}
