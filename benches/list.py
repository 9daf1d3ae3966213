#!/usr/bin/env python3
"""`tension-check list` of 10,000 sessions from the command line alone (the window
never opened, so no index.tsv to start with), first run and the runs after it,
beside reading the same files' bytes with `cat`.

    cargo build --release --bin tension-check
    python3 benches/list.py [runs] [sessions]

The sessions are the copies of a real two-leg session that benches/startup.py
makes. Each round starts from a fresh copy of the folder without an index: the
first `list` reads every file and writes index.tsv; the second and later ones
read the index and check each file's size, times and inode. `cat` reads every
session file's bytes (as a separate process, as `list` is). The files are in the
page cache for both (one `cat` before the round). Medians over the rounds, and
the ratios against `cat`; the goal is at most 0.5 from the second run.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import make_sessions  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
SESSIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
TARGET = os.environ.get("CARGO_TARGET_DIR", "target")
APP = os.path.join(TARGET, "release/tension-check")


def wall_ms(args):
    t0 = time.monotonic()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.monotonic() - t0) * 1000


def main():
    if not os.path.exists(APP):
        sys.exit(f"{APP} is missing: cargo build --release --bin tension-check")
    with tempfile.TemporaryDirectory() as tmp:
        master = os.path.join(tmp, "master")
        sessions = make_sessions(master, SESSIONS)
        files = sorted(os.path.join(sessions, n) for n in os.listdir(sessions))
        cat = ["cat", *files]
        first, second, third, cats = [], [], [], []
        for _ in range(RUNS):
            data = os.path.join(tmp, "data")
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(master, data)
            assert not os.path.exists(os.path.join(data, "index.tsv"))
            wall_ms(cat)
            cats.append(wall_ms(cat))
            first.append(wall_ms([APP, "list", "--data-dir", data]))
            if not os.path.exists(os.path.join(data, "index.tsv")):
                sys.exit("list wrote no index.tsv")
            second.append(wall_ms([APP, "list", "--data-dir", data]))
            third.append(wall_ms([APP, "list", "--data-dir", data]))
        out = subprocess.run([APP, "list", "--data-dir", data], capture_output=True, text=True)
        lines = len(out.stdout.splitlines())
        if lines != SESSIONS:
            sys.exit(f"list printed {lines} lines for {SESSIONS} sessions")
    c = statistics.median(cats)
    print(f"{SESSIONS} sessions, medians of {RUNS} rounds (load average {os.getloadavg()[0]:.1f}):")
    print(f"  cat of the files           {c:7.0f} ms")
    for name, runs in [("list, first run", first), ("list, second run", second),
                       ("list, third run", third)]:
        m = statistics.median(runs)
        print(f"  {name:<26} {m:7.0f} ms   {m / c:.2f}x cat")


if __name__ == "__main__":
    main()
