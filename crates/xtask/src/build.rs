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

use std::path::{Path, PathBuf};

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
        let glue = out.join(format!("{}.js", module.name));
        inline_snippets(&glue, &out)?;
        minify(&root, &glue, &["--module"])?;
    }
    // Every snippet is now inside the glue that imports it.
    let snippets = out.join("snippets");
    if snippets.exists() {
        std::fs::remove_dir_all(&snippets).map_err(|e| format!("cannot remove {}: {e}", snippets.display()))?;
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

/// Puts the JS snippets a module's glue imports (`#[wasm_bindgen(inline_js)]`, written by wasm-bindgen
/// as `snippets/<crate>-<hash>/inline<n>.js`) into the glue itself: otherwise the browser fetches each
/// one only after the glue has arrived, a round trip more before a widget starts.
fn inline_snippets(glue: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    let mut inlined = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match snippet_import(line) {
            Some((names, path)) => {
                let file = out.join(path);
                let snippet = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
                inlined.push_str(&snippet_as_statement(&names, &snippet));
            }
            None => inlined.push_str(line),
        }
    }
    // The snippets folder goes after the build: an import left in the glue would be a module that 404s.
    if let Some(left) = inlined.lines().find(|l| l.contains("./snippets/")) {
        return Err(format!("{} still imports a snippet after inlining (an import this build cannot read): {left}", glue.display()));
    }
    std::fs::write(glue, inlined).map_err(|e| format!("cannot write {}: {e}", glue.display()))
}

/// `import { a, b as c } from './snippets/x/inline0.js';` → (`a, b as c`, `snippets/x/inline0.js`).
fn snippet_import(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("import {")?;
    let (names, from) = rest.split_once('}')?;
    let path = from.trim().strip_prefix("from")?.trim().trim_end_matches(';').trim().trim_matches(['\'', '"']);
    let path = path.strip_prefix("./")?;
    path.starts_with("snippets/").then(|| (names.trim().to_owned(), path.to_owned()))
}

/// The snippet in a function scope of its own (its names cannot meet the glue's), its exports made
/// plain declarations and handed out under the names the import gave them.
fn snippet_as_statement(names: &str, snippet: &str) -> String {
    let body: String = snippet
        .lines()
        .map(|line| match line.strip_prefix("export ") {
            Some(declaration) => declaration,
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (exported, bound): (Vec<String>, Vec<String>) = names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| match n.split_once(" as ") {
            Some((from, to)) => (from.trim().to_owned(), format!("{}: {}", from.trim(), to.trim())),
            None => (n.to_owned(), n.to_owned()),
        })
        .unzip();
    format!("const {{ {} }} = (() => {{\n{body}\nreturn {{ {} }};\n}})();\n", bound.join(", "), exported.join(", "))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_import_becomes_the_snippet_in_a_scope_of_its_own() {
        let line = "import { fill_rows, other as renamed } from './snippets/batayan-view-277d/inline0.js';\n";
        let (names, path) = snippet_import(line).expect("a snippet import");
        assert_eq!(path, "snippets/batayan-view-277d/inline0.js");
        let snippet = "const helper = 1;\nexport function fill_rows() { return helper; }\nexport const other = 2;\n";
        let statement = snippet_as_statement(&names, snippet);
        assert_eq!(
            statement,
            "const { fill_rows, other: renamed } = (() => {\nconst helper = 1;\nfunction fill_rows() { return helper; }\nconst other = 2;\nreturn { fill_rows, other };\n})();\n"
        );
        assert_eq!(snippet_import("import * as wasm from './batayan_view_bg.js';"), None);
        assert_eq!(snippet_import("import { x } from 'https://example.com/x.js';"), None);
    }
}
