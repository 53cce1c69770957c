//! Running commands: with our tool folders on PATH, echoing their output, and saying clearly what
//! failed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::project_root;

/// `tests/node_modules/.bin` (wasm-opt) and cargo's bin folder (wasm-bindgen, wasm-pack), before PATH.
pub(crate) fn tool_path() -> String {
    let mut dirs: Vec<PathBuf> = vec![project_root().join("tests/node_modules/.bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Where `cargo install` puts binaries.
pub(crate) fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// A command with our PATH, run in `dir`.
pub(crate) fn command(program: &str, args: &[&str], dir: &Path) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(dir).env("PATH", tool_path());
    c
}

fn describe(c: &Command) -> String {
    let args: Vec<String> = c.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
    format!("{} {}", c.get_program().to_string_lossy(), args.join(" "))
}

/// Runs to the end with output shown; an error names the command.
pub(crate) fn status(mut c: Command) -> Result<(), String> {
    let what = describe(&c);
    eprintln!("$ {what}");
    let status = c.status().map_err(|e| format!("could not start `{what}`: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{what}` failed ({status})")) }
}

/// Runs to the end, echoing stdout as it comes and returning it; stderr is shown as it is.
/// Returns the text and whether the command succeeded.
pub(crate) fn tee(mut c: Command) -> Result<(String, bool), String> {
    let what = describe(&c);
    eprintln!("$ {what}");
    let mut child = c.stdout(Stdio::piped()).spawn().map_err(|e| format!("could not start `{what}`: {e}"))?;
    let mut captured = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.unwrap_or_default();
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let status = child.wait().map_err(|e| format!("`{what}` did not finish: {e}"))?;
    Ok((captured, status.success()))
}

/// The first line of a command's stdout, or `None` if it cannot run (for version checks).
pub(crate) fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).env("PATH", tool_path()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().trim().to_owned())
}
