//! Checks of the tree itself, run as plain tests by `cargo test` (and so by `cargo xtask test`).

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::project_root;

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every Rust file opens with a `//!` comment saying what it is for: the map starts in the files.
    #[test]
    fn every_module_says_what_it_is_for() {
        let mut files = Vec::new();
        rust_files(&project_root().join("crates"), &mut files);
        assert!(files.len() > 20, "found only {} files", files.len());
        let undocumented: Vec<String> = files
            .iter()
            .filter(|f| !std::fs::read_to_string(f).unwrap_or_default().starts_with("//!"))
            .map(|f| f.strip_prefix(project_root()).unwrap_or(f).display().to_string())
            .collect();
        assert_eq!(undocumented, Vec::<String>::new(), "these files need a `//!` doc comment");
    }

    /// The tree is as rustfmt writes it (with the project's `rustfmt.toml`), so that a diff shows
    /// changes, not layout.
    #[test]
    fn the_tree_is_formatted_by_rustfmt() {
        let check = std::process::Command::new("cargo").args(["fmt", "--all", "--check"]).current_dir(project_root()).output();
        let output = check.expect("cargo fmt runs (`cargo xtask setup` adds rustfmt)");
        assert!(output.status.success(), "run `cargo fmt --all`:\n{}", String::from_utf8_lossy(&output.stdout));
    }

    /// The modules of the core's `apa/` depend on each other without a cycle (`model` at the bottom):
    /// a module can be read knowing only the ones below it. Read from `super::name` paths and
    /// `use super::name` lines outside tests.
    #[test]
    fn apa_modules_have_no_cycles() {
        let dir = project_root().join("crates/batayan-core/src/apa");
        let mut uses: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
        for entry in std::fs::read_dir(&dir).expect("apa/ exists").flatten() {
            let path = entry.path();
            let Some(name) = path.file_stem().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
            if path.extension().is_none_or(|e| e != "rs") || name == "mod" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let targets = code.split("super::").skip(1).filter_map(|rest| {
                let word: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                (!word.is_empty() && word != "super").then_some(word)
            });
            uses.entry(name).or_default().extend(targets);
        }
        // Depth-first search for a path that comes back to where it started.
        fn cycle(from: &str, path: &mut Vec<String>, uses: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>) -> Option<Vec<String>> {
            if let Some(start) = path.iter().position(|p| p == from) {
                return Some(path[start..].iter().cloned().chain([from.to_owned()]).collect());
            }
            path.push(from.to_owned());
            for next in uses.get(from).into_iter().flatten().filter(|n| uses.contains_key(*n)) {
                if let Some(found) = cycle(next, path, uses) {
                    return Some(found);
                }
            }
            path.pop();
            None
        }
        assert!(uses.len() > 10, "found only {} modules", uses.len());
        for module in uses.keys() {
            assert_eq!(cycle(module, &mut Vec::new(), &uses), None, "a cycle of modules in apa/");
        }
    }

    /// No code outside tests calls `.unwrap()`: data from outside must never panic a widget or the host.
    #[test]
    fn no_unwrap_outside_tests() {
        let mut files = Vec::new();
        rust_files(&project_root().join("crates"), &mut files);
        let mut offenders = Vec::new();
        for file in files.iter().filter(|f| !f.to_string_lossy().contains("/tests")) {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            // Unit tests sit at the end of a file, after `#[cfg(test)]`.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                if line.contains(".unwrap()") && !line.trim_start().starts_with("//") {
                    offenders.push(format!("{}:{}", file.strip_prefix(project_root()).unwrap_or(file).display(), n + 1));
                }
            }
        }
        assert_eq!(offenders, Vec::<String>::new());
    }
}
