#!/usr/bin/env bash
# Makes the web app's icons from assets/icon.svg (run from anywhere; the PNGs are
# committed, so only a change to the icon needs this). Uses rsvg-convert (Debian's
# librsvg2-bin) or, failing that, ImageMagick's convert.
#   icon-192.png, icon-512.png   the icon as drawn, rounded corners on transparent
#   maskable-192.png, -512.png   full-bleed blue with the mark inside the 80% safe circle
#                                (launchers cut their own shape out of it)
#   apple-touch-icon.png         180 px, full bleed (iOS rounds the corners itself)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
svg="$here/../../assets/icon.svg"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The full-bleed version: the background square fills the whole canvas and the marks
# are scaled by 0.72 about the centre, so their farthest point stays inside the circle
# of radius 0.4 that every mask shape keeps.
marks="$(grep -v -e '<svg' -e '</svg>' -e '<rect' "$svg")"
cat > "$tmp/full.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" fill="#1F5FAD"/>
  <g transform="translate(128 128) scale(0.72) translate(-128 -128)">
$marks
  </g>
</svg>
SVG
render() { # svg size out
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert -w "$2" -h "$2" "$1" -o "$3"
  else
    convert -background none -density 384 "$1" -resize "$2x$2" "$3"
  fi
}
render "$svg" 192 "$here/icon-192.png"
render "$svg" 512 "$here/icon-512.png"
render "$tmp/full.svg" 192 "$here/maskable-192.png"
render "$tmp/full.svg" 512 "$here/maskable-512.png"
render "$tmp/full.svg" 180 "$here/apple-touch-icon.png"
