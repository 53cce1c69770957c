//! `cargo xtask setup`: installs what is missing, and only that, so that a second run takes seconds.
//! Every step first looks for what it would install.

use std::path::Path;
use std::time::Instant;

use crate::project_root;
use crate::run::{command, first_line, status};

/// wasm-pack's version: the one toolchain.md verified offline.
const WASM_PACK_VERSION: &str = "0.15.1";

pub(crate) fn run() -> Result<(), String> {
    let started = Instant::now();
    wasm_target()?;
    rustfmt()?;
    wasm_bindgen_cli()?;
    wasm_pack()?;
    npm_tools()?;
    chromium()?;
    eprintln!("setup: everything is in place ({:.1} s)", started.elapsed().as_secs_f64());
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let installed = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the wasm32 target ({e}); install Rust with rustup"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    status(command("rustup", &["target", "add", "wasm32-unknown-unknown"], &project_root()))
}

/// rustfmt, which the tidy test runs (`cargo fmt --check`): part of rustup's default profile, not of
/// the minimal one.
fn rustfmt() -> Result<(), String> {
    let installed = std::process::Command::new("rustup")
        .args(["component", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add rustfmt ({e}); install Rust with rustup"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim().starts_with("rustfmt")) {
        return Ok(());
    }
    status(command("rustup", &["component", "add", "rustfmt"], &project_root()))
}

/// The version in the root Cargo.toml's `wasm-bindgen = "=X.Y.Z"`: the CLI must be exactly that.
pub(crate) fn pinned_wasm_bindgen() -> Result<String, String> {
    let manifest = std::fs::read_to_string(project_root().join("Cargo.toml")).map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm-bindgen = \"=")?.split('"').next().map(str::to_owned))
        .ok_or_else(|| "Cargo.toml must pin wasm-bindgen as `wasm-bindgen = \"=X.Y.Z\"`".to_owned())
}

fn wasm_bindgen_cli() -> Result<(), String> {
    let version = pinned_wasm_bindgen()?;
    let wanted = format!("wasm-bindgen {version}");
    let runner_present = first_line("wasm-bindgen-test-runner", &["--version"]).is_some();
    if first_line("wasm-bindgen", &["--version"]).as_deref() == Some(wanted.as_str()) && runner_present {
        return Ok(());
    }
    eprintln!("setup: installing wasm-bindgen-cli {version} (about 6 minutes on 2 cores)");
    // No `--locked`: the registry snapshot here lacks some versions its lock file names.
    status(command("cargo", &["install", "wasm-bindgen-cli", "--version", &version, "--force"], &project_root()))
}

fn wasm_pack() -> Result<(), String> {
    if first_line("wasm-pack", &["--version"]).is_some_and(|v| v.contains(WASM_PACK_VERSION)) {
        return Ok(());
    }
    eprintln!("setup: installing wasm-pack {WASM_PACK_VERSION} (about 3 minutes on 2 cores)");
    status(command("cargo", &["install", "wasm-pack", "--version", WASM_PACK_VERSION, "--force"], &project_root()))
}

/// The npm packages `tests/package.json` lists (binaryen's wasm-opt, terser, playwright-core, axe-core), into
/// `tests/node_modules` from the committed lock file; skipped when each is there at the listed version.
fn npm_tools() -> Result<(), String> {
    let tests = project_root().join("tests");
    let manifest = std::fs::read_to_string(tests.join("package.json")).map_err(|e| format!("cannot read tests/package.json: {e}"))?;
    let installed = |package: &str, version: &str| {
        std::fs::read_to_string(tests.join("node_modules").join(package).join("package.json"))
            .is_ok_and(|text| text.contains(&format!("\"version\": \"{version}\"")))
    };
    let wanted = dev_dependencies(&manifest);
    if !wanted.is_empty() && wanted.iter().all(|(package, version)| installed(package, version)) {
        return Ok(());
    }
    if first_line("npm", &["--version"]).is_none() {
        return Err("npm is needed for wasm-opt and Playwright: install Node.js 20 and npm".to_owned());
    }
    status(command("npm", &["ci", "--no-audit", "--no-fund"], &tests))
}

/// `"name": "version"` pairs of the `devDependencies` object of a package.json (exact versions, as ours
/// pins them). Read by hand: one flat object does not need a JSON crate in xtask.
fn dev_dependencies(manifest: &str) -> Vec<(String, String)> {
    let Some(start) = manifest.find("\"devDependencies\"") else { return Vec::new() };
    let body = manifest[start..].split_once('{').and_then(|(_, rest)| rest.split_once('}')).map_or("", |(body, _)| body);
    body.split(',')
        .filter_map(|pair| {
            let (name, version) = pair.split_once(':')?;
            let unquote = |s: &str| s.trim().trim_matches('"').to_owned();
            Some((unquote(name), unquote(version)))
        })
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

/// Debian's Chromium and ChromeDriver for the browser tests, and a Bangla font so that screenshots
/// show Bangla rather than boxes.
const DEBIAN_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-beng-extra"];

fn debian_package_installed(name: &str) -> bool {
    first_line("dpkg-query", &["-W", "-f=${Status}", name]).is_some_and(|s| s.ends_with("installed"))
}

fn chromium() -> Result<(), String> {
    let browser = Path::new("/usr/bin/chromium").is_file() && Path::new("/usr/bin/chromedriver").is_file();
    if browser && debian_package_installed("fonts-beng-extra") {
        return Ok(());
    }
    let root = first_line("id", &["-u"]).as_deref() == Some("0");
    if !root {
        return Err(format!(
            "the browser tests need Debian's Chromium, its driver and a Bangla font; run as root, or install them yourself:\n    sudo apt-get update && sudo apt-get install -y {}",
            DEBIAN_PACKAGES.join(" ")
        ));
    }
    eprintln!("setup: installing Debian's {}", DEBIAN_PACKAGES.join(", "));
    status(command("apt-get", &["update"], &project_root()))?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(DEBIAN_PACKAGES);
    let mut install = command("apt-get", &args, &project_root());
    install.env("DEBIAN_FRONTEND", "noninteractive");
    status(install)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_pinned_dev_dependencies() {
        let manifest = r#"{ "name": "t", "devDependencies": { "axe-core": "4.14.1",
            "binaryen": "132.0.0" }, "type": "module" }"#;
        assert_eq!(super::dev_dependencies(manifest), [("axe-core".to_owned(), "4.14.1".to_owned()), ("binaryen".to_owned(), "132.0.0".to_owned())]);
        let ours = std::fs::read_to_string(crate::project_root().join("tests/package.json")).unwrap_or_default();
        let names: Vec<String> = super::dev_dependencies(&ours).into_iter().map(|(n, _)| n).collect();
        assert!(names.contains(&"playwright-core".to_owned()) && names.contains(&"axe-core".to_owned()), "{names:?}");
    }
}
