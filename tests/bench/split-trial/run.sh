#!/usr/bin/env bash
# The wasm-split trial of the performance issue, kept so that it can be run again: one Wasm holding the
# citizen's APA view and the report form, split by `wasm-split-cli` into a main module and a chunk per
# split point, against the per-family modules the package ships (see docs/performance.md, "How the
# page is cut"). Prints each file's gzip size and what the public page and the report page download.
#
# Needs: `cargo install wasm_split_cli_support --version 0.2.4 --features build-binary` (not part of setup:
# the package does not use it), wasm-bindgen, and wasm-opt from tests/node_modules.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=${SPLIT_TRIAL_DIR:-$(mktemp -d)}
trial=$(dirname "$(realpath "$0")")
mkdir -p "$work/ws" "$work/out" "$work/pkg"
git -C "$root" archive HEAD | tar -x -C "$work/ws"
# Both crates export `mountElement`; in one Wasm only the trial's may.
sed -i 's/^#\[wasm_bindgen(js_name = mountElement)\]$//' "$work/ws/crates/batayan-view/src/lib.rs" "$work/ws/crates/batayan-elements/src/lib.rs"
mkdir -p "$work/ws/crates/split-trial/src"
cp "$trial/Cargo.toml.in" "$work/ws/crates/split-trial/Cargo.toml"
cp "$trial/lib.rs" "$work/ws/crates/split-trial/src/lib.rs"
(cd "$work/ws" && CARGO_TARGET_DIR="$work/target" RUSTFLAGS="-C link-args=--emit-relocs" \
  cargo build --quiet --release --target wasm32-unknown-unknown -p split-trial)
wasm-split-cli --target web --out-name split_trial "$work/target/wasm32-unknown-unknown/release/split_trial.wasm" "$work/out"
wasm-bindgen --target web --keep-lld-exports --out-dir "$work/pkg" --out-name split_trial "$work/out/split_trial.wasm"
# Every chunk beside the main module (which wasm-bindgen has just written as split_trial_bg.wasm).
find "$work/out" -name "*.wasm" ! -name split_trial.wasm -exec cp {} "$work/pkg/" \;
cp "$work/out/__wasm_split.js" "$work/pkg/"
opt="$root/tests/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue"
for f in "$work"/pkg/*.wasm; do $opt "$f" -o "$f.opt" 2>/dev/null && mv "$f.opt" "$f"; done
gz() { gzip -9c "$1" | wc -c; }
loader=$(gz "$root/crates/batayan-web/js/batayan.js")
echo "file                      gzip -9 bytes"
for f in "$work"/pkg/*.wasm "$work"/pkg/*.js; do printf '%-26s %8d\n' "$(basename "$f")" "$(gz "$f")"; done
common=$(( loader + $(gz "$work/pkg/split_trial_bg.wasm") + $(gz "$work/pkg/split_trial.js") + $(gz "$work/pkg/__wasm_split.js") ))
shared=0
for f in "$work"/pkg/chunk_*.wasm; do shared=$(( shared + $(gz "$f") )); done
kib() { awk -v bytes="$1" 'BEGIN { printf "%.1f", bytes / 1024 }'; }
echo "public page (loader + main + glue + shared chunks + view chunk): $(kib $((common + shared + $(gz "$work/pkg/split_view.wasm")))) KiB"
echo "report page (loader + main + glue + shared chunks + form chunk):  $(kib $((common + shared + $(gz "$work/pkg/split_forms.wasm")))) KiB"
echo "built in $work"
