#!/usr/bin/env python3
"""Start-up, idle and memory of Tension Check beside a bare iced app, in one run,
with no saved sessions and with 10,000; and `tension-check list` of the 10,000
beside reading the same files' bytes.

    cargo build --release --bin tension-check --example bare
    python3 benches/startup.py [runs] [sessions]

For each binary, under one Xvfb display (needs xvfb, xdotool and python-xlib):
- time from process start to the first drawn frame: the window exists and its
  pixels are no longer one flat colour (read with XGetImage every 2 ms);
- idle CPU over 10 s with the window open (user+system time, and context switches
  of all threads, a count of wake-ups); for the app also on a step card (A2) whose
  hold countdown is not running, reached by key presses: no timer may run there;
- resident memory 2 s after start;
- the release binary's size.
The 10,000 sessions (default) are copies of a real two-leg session file
(tests/fixtures/sessions/v1/full_two_leg.ron) with their own ids and times. The
app is started on them once before measuring: it reads the history's summaries
in the background at start and writes the index then, as on any first start.
Medians over the runs, and the ratios.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
SESSIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
TARGET = os.environ.get("CARGO_TARGET_DIR", "target")
APP = os.path.join(TARGET, "release/tension-check")
BARE = os.path.join(TARGET, "release/examples/bare")
FIXTURE = "tests/fixtures/sessions/v1/full_two_leg.ron"


def make_sessions(data, count):
    """`count` session files in `data`/sessions, one hour apart, newest now."""
    sessions = os.path.join(data, "sessions")
    os.makedirs(sessions, mode=0o700)
    with open(FIXTURE) as f:
        template = f.read()
    now = int(time.time())
    for n in range(count):
        t = time.gmtime(now - 3600 * n)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", t)
        start = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", t)
        end = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(now - 3600 * n + 600))
        sid = f"{stamp}-{n:08x}"
        text = re.sub(r'id: "[^"]*"', f'id: "{sid}"', template, count=1)
        text = re.sub(r'started_at: "[^"]*"', f'started_at: "{start}"', text, count=1)
        text = re.sub(r'finished_at: "[^"]*"', f'finished_at: "{end}"', text, count=1)
        with open(os.path.join(sessions, sid + ".ron"), "w") as f:
            f.write(text)
    return sessions


def start_xvfb():
    r, w = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(w,), stderr=subprocess.DEVNULL)
    os.close(w)
    # Read up to the newline: closing the pipe before Xvfb has written it all makes
    # the server exit ("Cannot write display number").
    display = b""
    while not display.endswith(b"\n"):
        chunk = os.read(r, 16)
        if not chunk:
            break
        display += chunk
    display = display.decode().strip()
    os.close(r)
    return proc, ":" + display


def window_of(pid, env):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env,
                         capture_output=True, text=True)
    ids = out.stdout.split()
    return ids[0] if ids else None


def drawn(wid, display):
    """Whether the window shows more than one colour (XGetImage, a few ms)."""
    from Xlib import X, error
    try:
        window = display.create_resource_object("window", int(wid))
        geometry = window.get_geometry()
        image = window.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
    except error.XError:
        return False
    data = image.data
    step = 4 * 37  # every 37th pixel is plenty to see text
    return len(set(data[i:i + 3] for i in range(0, len(data) - 3, step))) > 1


def cpu_and_switches(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    switches = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/status") as f:
            for line in f:
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    switches += int(line.split()[1])
    return ticks / os.sysconf("SC_CLK_TCK"), switches


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


def keys(wid, env, *names):
    for name in names:
        subprocess.run(["xdotool", "key", "--window", wid, name], env=env, check=False)
        time.sleep(0.15)


def to_step_card(wid, env):
    """Home -> New check -> (first run) I'm ready -> 12 safety answers -> set-up ->
    A1 -> A2, by keys; A2's countdown waits for a tap."""
    keys(wid, env, "Return", "Return", *(["n"] * 12), "r", "n", "Return", "Return")
    time.sleep(1.0)


def measure(path, data, env, idle, display):
    """One start of `path` (with `--data-dir data` when `data` is given)."""
    args = [path] + (["--data-dir", data] if data else [])
    t0 = time.monotonic()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wid = None
    while time.monotonic() - t0 < 20:
        wid = wid or window_of(proc.pid, env)
        if wid and drawn(wid, display):
            break
        time.sleep(0.002)
    first_frame = (time.monotonic() - t0) * 1000
    time.sleep(max(0.0, 2.0 - (time.monotonic() - t0)))
    rss = rss_kib(proc.pid)
    cpu = switches = card_cpu = card_switches = None
    if idle:
        c0, s0 = cpu_and_switches(proc.pid)
        time.sleep(10)
        c1, s1 = cpu_and_switches(proc.pid)
        cpu, switches = (c1 - c0) * 1000, s1 - s0
        if data and wid:
            to_step_card(wid, env)
            c0, s0 = cpu_and_switches(proc.pid)
            time.sleep(10)
            c1, s1 = cpu_and_switches(proc.pid)
            card_cpu, card_switches = (c1 - c0) * 1000, s1 - s0
    proc.terminate()
    proc.wait(timeout=10)
    return first_frame, rss, cpu, switches, card_cpu, card_switches


def first_start(data, env):
    """Starts the app on `data` and waits (up to a minute) until it has written the
    index, as a first start does; reading 10,000 files in full takes longer than
    the two seconds a measured start is given."""
    index = os.path.join(data, "index.tsv")
    proc = subprocess.Popen([APP, "--data-dir", data], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while not os.path.exists(index) and time.monotonic() - t0 < 60:
        time.sleep(0.1)
    time.sleep(0.5)
    proc.terminate()
    proc.wait(timeout=10)
    if not os.path.exists(index):
        sys.exit("the app wrote no index in a minute")


def wall_ms(args):
    t0 = time.monotonic()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.monotonic() - t0) * 1000


def main():
    from Xlib import display as xdisplay
    # The display number comes before the socket is ready: try for a few seconds, and
    # start another server if this one never answers (it can lose a race for its
    # display number with a server started at the same moment).
    for attempt in range(3):
        xvfb, display = start_xvfb()
        connection = None
        for _ in range(100):
            try:
                connection = xdisplay.Display(display)
                break
            except Exception:
                time.sleep(0.05)
        if connection:
            break
        xvfb.terminate()
    else:
        sys.exit("Xvfb did not start")
    env = dict(os.environ, DISPLAY=display, ICED_BACKEND=os.environ.get("ICED_BACKEND", "tiny-skia"))
    full = tempfile.mkdtemp()
    sessions = make_sessions(full, SESSIONS)
    files = sorted(os.path.join(sessions, name) for name in os.listdir(sessions))
    kinds = {
        "bare": (BARE, lambda: None),
        "app, none": (APP, tempfile.mkdtemp),
        f"app, {SESSIONS}": (APP, lambda: full),
    }
    results = {key: [] for key in kinds}
    lists, reads = [], []
    try:
        # The first start on the sessions: no index yet, every file is read once
        # and the index written, as on any first start.
        first_start(full, env)
        for run in range(RUNS):
            for key, (path, data) in kinds.items():
                results[key].append(
                    measure(path, data(), env, idle=(run == 0 and key == "app, none"),
                            display=connection))
            lists.append(wall_ms([APP, "list", "--data-dir", full]))
            reads.append(wall_ms(["cat", *files]))
    finally:
        xvfb.terminate()
        shutil.rmtree(full, ignore_errors=True)
    summary = {}
    for key, (path, _) in kinds.items():
        rows = results[key]
        summary[key] = {
            "first frame ms (median)": statistics.median(r[0] for r in rows),
            "RSS MiB (median)": statistics.median(r[1] for r in rows) / 1024,
            "idle CPU ms over 10 s": rows[0][2] or 0.0,
            "idle context switches over 10 s": rows[0][3] or 0.0,
            "idle CPU ms on a step card, 10 s": rows[0][4] or 0.0,
            "idle switches on a step card, 10 s": rows[0][5] or 0.0,
            "binary MiB": os.path.getsize(path) / 2**20,
        }
    many = f"app, {SESSIONS}"
    width = max(len(k) for k in summary["bare"])
    print(f"{'':{width}}  {'bare':>10}  {'app, none':>10}  {many:>11}  "
          f"{'none/bare':>9}  {'full/none':>9}  {'full/bare':>9}   ({RUNS} runs)")
    for metric in summary["bare"]:
        b, a, m = (summary[k][metric] for k in ("bare", "app, none", many))
        ratio = lambda x, y: f"{x / y:9.2f}" if y else "        -"
        print(f"{metric:{width}}  {b:10.1f}  {a:10.1f}  {m:11.1f}  "
              f"{ratio(a, b)}  {ratio(m, a)}  {ratio(m, b)}")
    # Every run's resident memory, to show the spread behind the medians.
    for key in kinds:
        print(f"RSS MiB of each run, {key}: "
              + " ".join(f"{r[1] / 1024:.1f}" for r in results[key]))
    l, r = statistics.median(lists), statistics.median(reads)
    print(f"`tension-check list` of {SESSIONS} sessions: {l:.1f} ms (median); "
          f"`cat` of the same {len(files)} files: {r:.1f} ms; list/read {l / r:.2f}")


if __name__ == "__main__":
    main()
