#!/usr/bin/env bash
# Real-window smoke test: the release build starts under Xvfb, shows its window, answers
# key presses (a red-flag check saved to a temp data folder, the help overlay) and quits
# cleanly on Ctrl+Q. Needs xvfb, xdotool and imagemagick (.ci/run installs them).
set -euo pipefail
bin=${1:-target/release/tension-check}
[[ -x $bin ]] || { echo "smoke: no binary at $bin" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  # SMOKE_SHOTS=DIR keeps the pictures taken along the way.
  [[ -n ${SMOKE_SHOTS:-} ]] && mkdir -p "$SMOKE_SHOTS" && cp "$work"/*.png "$SMOKE_SHOTS"/ 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

exec {fd}<> <(:)
Xvfb -displayfd "$fd" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 10 -u "$fd" display || { echo "smoke: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$display

start=$(date +%s%N)
ICED_BACKEND=${ICED_BACKEND:-tiny-skia} "$bin" --data-dir "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!

wid=""
for _ in $(seq 300); do
  wid=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1 || true)
  [[ -n $wid ]] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "smoke: the app exited early:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 0.05
done
[[ -n $wid ]] || { echo "smoke: no window after 15 s" >&2; exit 1; }
echo "smoke: window $wid after $(( ($(date +%s%N) - start) / 1000000 )) ms"

sleep 1
title=$(xdotool getwindowname "$wid")
[[ $title == "Tension Check" ]] || { echo "smoke: window title is '$title'" >&2; exit 1; }
press() { xdotool windowfocus "$wid" 2>/dev/null || true; xdotool key "$@"; sleep 0.3; }

# What the window shows, and whether two pictures differ (in how many pixels).
shot() { sleep 0.3; import -window "$wid" "$work/$1.png"; }
differing() { compare -metric AE "$work/$1.png" "$work/$2.png" null: 2>&1 | cut -d' ' -f1 || true; }
changed() {   # changed BEFORE AFTER WHAT: the key press must have changed the window
  local n; n=$(differing "$1" "$2")
  [[ $n != 0 ]] || { echo "smoke: $3: the window did not change" >&2; exit 1; }
  echo "smoke: $3 ($n pixels changed)"
}
same() {      # same A B WHAT: the window is back to an earlier picture
  # The software renderer redraws only what changed, so a closed overlay can leave a few
  # hundred pixels of anti-aliasing different (704 of 786,432 measured); opening the help
  # changes about 480,000. Up to 0.25% of the window counts as the same picture.
  local n; n=$(differing "$1" "$2")
  if (( n > 2000 )); then
    echo "smoke: $3: $n pixels differ from before" >&2
    # The check in progress, as kept at each answer: which questions were answered.
    [[ -f $work/data/draft.ron ]] && { echo "smoke: draft.ron:" >&2; cat "$work/data/draft.ron" >&2; }
    exit 1
  fi
  echo "smoke: $3 ($n pixels differ)"
}

# The window shows something other than one flat colour.
shot home
colours=$(convert "$work/home.png" -format '%k' info:)
(( colours > 2 )) || { echo "smoke: the window is blank ($colours colours)" >&2; exit 1; }

press Return; shot intro          # New check: on a first start, "Before your first check"
changed home intro "Return on Home opens 'Before your first check'"
press Return; shot safety         # I'm ready: remembered in the settings, then safety
changed intro safety "Return on the intro opens the safety questions"
sleep 0.5
grep -q "intro_seen: true" "$work/data/settings.ron" \
  || { echo "smoke: 'Before your first check' was not remembered in settings.ron" >&2; exit 1; }
press y; shot result              # a red flag: the check ends on Emergency and is saved
changed safety result "Y on a safety question ends the check"
sleep 0.5
saved=$(find "$work/data/sessions" -name '*.ron' | wc -l)
[[ $saved -eq 1 ]] || { echo "smoke: expected 1 saved session, found $saved" >&2; cat "$work/app.log" >&2; exit 1; }
grep -q 'Emergency' "$work/data/sessions/"*.ron \
  || { echo "smoke: the saved session is not graded Emergency" >&2; exit 1; }
press Return; sleep 1; shot home2  # Done: back to Home (which then counts the saved check)
changed result home2 "Return on the result goes back"
# A double click on the first safety question's No answers only that question: the
# tap guard ignores the second click, so the second question is still on screen.
press Return; shot q1             # New check: the first safety question
press n; shot q2                  # No by key: the second question (the reference picture)
press BackSpace; sleep 0.6        # back to the first, its No now chosen (and past the guard)
eval "$(xdotool getwindowgeometry --shell "$wid")"   # WIDTH and HEIGHT of the window
w=$WIDTH h=$HEIGHT
bar=$(( w < 752 ? w : 752 ))
no_x=$(( (w - bar) / 2 + bar - 16 - 60 )); no_y=$(( h - 32 ))   # inside No, the bar's last answer
xdotool mousemove --window "$wid" "$no_x" "$no_y" click --repeat 2 --delay 120 1
shot double
same q2 double "a double click on No answers one question: the second is on screen"
press BackSpace; press BackSpace; sleep 0.6; shot home3   # back to Home
press F1; shot help               # the help overlay opens...
changed home3 help "F1 opens the help"
press Escape; shot closed         # ...and Escape closes it, leaving Home as it was
same home3 closed "Escape closes the help"
press ctrl+q                      # quit

for _ in $(seq 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$app_pid" 2>/dev/null; then
  echo "smoke: the app did not quit on Ctrl+Q" >&2
  exit 1
fi
code=0; wait "$app_pid" || code=$?
app_pid=""
[[ $code -eq 0 ]] || { echo "smoke: the app exited with $code" >&2; cat "$work/app.log" >&2; exit 1; }
echo "smoke: ok (window shown, each key did what it should, session saved, clean exit)"
