//! Minifies the stylesheets (`src/styles/*.css`) into `OUT_DIR`: every module carries its CSS inside its
//! Wasm, so the comments that explain a rule to us are bytes every citizen downloads. Comments go,
//! whitespace runs become one space, the space around `{ } ; ,` and after `:` goes, and so does the
//! last `;` of a block. A space before `:` stays: in a selector (`.a :focus`) it means something, and a
//! declaration is written `color: red`. Quoted strings are copied as written.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for name in ["base", "apa", "innovation", "minutes"] {
        let source = format!("src/styles/{name}.css");
        println!("cargo:rerun-if-changed={source}");
        let css = fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        fs::write(Path::new(&out).join(format!("{name}.css")), minify(&css)).unwrap_or_else(|e| panic!("writing {name}.css: {e}"));
    }
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            '"' | '\'' => {
                if space && needs_space(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            c => {
                if space && needs_space(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// A space before the next character matters unless the text so far ends where no space is needed.
fn needs_space(out: &str) -> bool {
    !(out.is_empty() || out.ends_with(['{', '}', ';', ',', ':', '(']))
}
