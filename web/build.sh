#!/usr/bin/env bash
# Builds the browser version into web/pkg (serve web/ with any static file server).
# Needs: rustup target add wasm32-unknown-unknown, and wasm-bindgen-cli at the same
# version as the wasm-bindgen crate in Cargo.lock (installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p')
if ! wasm-bindgen --version 2>/dev/null | grep -q "$version"; then
  cargo install wasm-bindgen-cli --version "$version"
fi
rustup target add wasm32-unknown-unknown >/dev/null
cargo build --release --target wasm32-unknown-unknown --bin tension-check
wasm-bindgen --target web --no-typescript --out-dir web/pkg \
  target/wasm32-unknown-unknown/release/tension-check.wasm

# The service worker's cache is named after a hash of everything it keeps (sw.js lists
# them), so a new build is picked up on the next start and the old cache deleted.
stamp=$(cd web && cat index.html manifest.webmanifest sw.js icons/*.png \
  pkg/tension-check.js pkg/tension-check_bg.wasm | sha256sum | cut -c1-16)
printf 'self.VERSION = "%s";\n' "$stamp" > web/pkg/version.js
echo "built web/pkg (version $stamp); serve web/ (for example: python3 -m http.server -d web 8080 --bind 127.0.0.1)"
