#!/usr/bin/env bash
# Builds the browser version into web/pkg; then serve web/ with any static file server
# (see docs/browser.md).
# Needs: rustup's wasm32-unknown-unknown target (added here), and wasm-bindgen-cli at the
# same version as the wasm-bindgen crate in Cargo.lock (installed here if missing).
# Runs `wasm-opt -Oz` when it is in web/node_modules/.bin (npm's binaryen package:
# `cd web && npm install --no-save binaryen`) or a recent one is on PATH; without it the
# wasm is 8% larger (about the same compressed) and works the same.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p')
if ! wasm-bindgen --version 2>/dev/null | grep -q "$version"; then
  cargo install wasm-bindgen-cli --version "$version"
fi
rustup target add wasm32-unknown-unknown >/dev/null
# [profile.wasm-release] in Cargo.toml: size settings, no symbol names.
cargo build --profile wasm-release --target wasm32-unknown-unknown --bin tension-check
target_dir=${CARGO_TARGET_DIR:-target}
wasm-bindgen --target web --no-typescript --out-dir web/pkg \
  "$target_dir/wasm32-unknown-unknown/wasm-release/tension-check.wasm"

# npm's binaryen first (current); a wasm-opt on PATH only from version 116 on: older ones
# (Debian 12's is 108) break wasm-bindgen's externref table, and the page does not start.
wasm_opt=
if [ -x web/node_modules/.bin/wasm-opt ]; then
  wasm_opt=web/node_modules/.bin/wasm-opt
elif command -v wasm-opt >/dev/null; then
  found=$(wasm-opt --version | grep -o '[0-9]\+' | head -1)
  if [ "${found:-0}" -ge 116 ]; then
    wasm_opt=$(command -v wasm-opt)
  else
    echo "wasm-opt $found on PATH is too old (116 or later is needed); not used"
  fi
fi
if [ -n "$wasm_opt" ]; then
  # The features are the ones Rust's wasm32 target emits by default.
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types \
    --strip-debug --strip-producers \
    -o web/pkg/tension-check_bg.opt.wasm web/pkg/tension-check_bg.wasm
  mv web/pkg/tension-check_bg.opt.wasm web/pkg/tension-check_bg.wasm
else
  echo "wasm-opt not found: the wasm is left as the compiler made it"
fi

# The service worker's cache is named after a hash of everything it keeps (sw.js lists
# them), so a new build is picked up on the next start and the old cache deleted.
stamp=$(cd web && cat index.html manifest.webmanifest sw.js storage.js keyboard.js voice.js icons/*.png \
  pkg/tension-check.js pkg/tension-check_bg.wasm | sha256sum | cut -c1-16)
printf 'self.VERSION = "%s";\n' "$stamp" > web/pkg/version.js

echo "built web/pkg ($(wc -c < web/pkg/tension-check_bg.wasm) bytes of wasm, version $stamp)"
echo "serve web/, for example: python3 -m http.server -d web 8080 --bind 127.0.0.1"
