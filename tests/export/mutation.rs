//! The command line against 20,000 mutated session files: bit flips, truncations,
//! random bytes, huge files, deep nesting, thousands of legs, odd names, named
//! pipes and links. `list` and `show` must never panic or hang, must list every
//! good session, and no byte of any file may be lost.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::build::fixture_bytes as fixture;
use crate::support::rng::Rng;
use tension_check::cli::{self, EXIT_FAILURE, EXIT_OK};
use tension_check::store::{SessionStore, Store};

/// How many mutated files go through `list` and `show`.
const FILES: usize = 20_000;
/// How many go into the data folder at once.
const BATCH: usize = 2_500;

/// One mutated file's bytes, and what was done to it.
fn mutate(rng: &mut Rng, small: &[u8], full: &[u8]) -> (Vec<u8>, &'static str) {
    let base = if rng.below(10) == 0 { full } else { small };
    // Thousands of legs are slow to parse in a debug build: one file in 250.
    if rng.below(250) == 0 {
        let text = String::from_utf8_lossy(small).into_owned();
        let legs =
            "LegRecord(leg: Left, reference: false, steps: {}),".repeat(6600 + rng.below(400));
        return (text.replacen("legs: [", &format!("legs: [{legs}"), 1).into_bytes(), "many legs");
    }
    match rng.below(100) {
        0..=34 => {
            let mut bytes = base.to_vec();
            for _ in 0..=rng.below(3) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            (bytes, "bit flips")
        }
        35..=54 => (base[..rng.below(base.len())].to_vec(), "truncated"),
        55..=69 => {
            let len = rng.below(3000);
            ((0..len).map(|_| rng.next() as u8).collect(), "random bytes")
        }
        70..=79 => {
            // Random printable text that starts like a session.
            let len = rng.below(2000);
            let mut bytes = b"Session(".to_vec();
            bytes.extend((0..len).map(|_| b" (),:[]{}\"abcfilmnorstuv0123456789"[rng.below(34)]));
            (bytes, "random text")
        }
        80..=86 => {
            // A valid prefix, then a splice of another part of the file.
            let cut = rng.below(base.len());
            let from = rng.below(base.len());
            let mut bytes = base[..cut].to_vec();
            bytes.extend_from_slice(&base[from..]);
            (bytes, "spliced")
        }
        87..=89 => {
            let depth = 100 + rng.below(50_000);
            let mut bytes = b"Session(format_version: 1, check: Check(legs: ".to_vec();
            bytes.extend(std::iter::repeat_n(b'[', depth));
            (bytes, "deeply nested")
        }
        90..=91 => {
            // Three to twenty legs: parses, but no session has them.
            let text = String::from_utf8_lossy(small).into_owned();
            let legs =
                "LegRecord(leg: Right, reference: true, steps: {}),".repeat(3 + rng.below(18));
            (text.replacen("legs: [", &format!("legs: [{legs}"), 1).into_bytes(), "extra legs")
        }
        92 => {
            let mut bytes = small.to_vec();
            bytes.resize(1024 * 1024 + 1 + rng.below(1000), b' ');
            (bytes, "huge")
        }
        93..=95 => {
            let text = String::from_utf8_lossy(small).into_owned();
            let n = [11, 99, 255, 256, 1 << 20][rng.below(5)];
            (text.replacen("Check(", &format!("Check(legs: [LegRecord(leg: Right, reference: false, steps: {{A1: StepAnswer(intensity: Some({n}))}})], "), 1).into_bytes(), "out of range")
        }
        _ => {
            let text = String::from_utf8_lossy(small).into_owned();
            let current = tension_check::store::FORMAT_VERSION;
            let next = (current + 1).to_string();
            let v = [next.as_str(), "0", "4294967295", "-1", "99999999999"][rng.below(5)];
            (
                text.replacen(
                    &format!("format_version: {current}"),
                    &format!("format_version: {v}"),
                    1,
                )
                .into_bytes(),
                "version",
            )
        }
    }
}

fn odd_name(rng: &mut Rng, n: usize) -> OsString {
    match rng.below(40) {
        0 => format!("with space {n}.ron").into(),
        1 => format!("séance ☃ {n}.ron").into(),
        2 => format!("new\nline{n}.ron").into(),
        3 => format!("-rf{n}.ron").into(),
        4 => format!("{}{n}.ron", "long".repeat(50)).into(),
        5 => format!("{n}.note.ron").into(),
        6 => format!("{n}.txt").into(),
        #[cfg(unix)]
        7 => {
            use std::os::unix::ffi::OsStringExt;
            let mut bytes = format!("bad{n}-").into_bytes();
            bytes.push(0xff);
            bytes.extend_from_slice(b".ron");
            OsString::from_vec(bytes)
        }
        _ => format!("m{n:05}.ron").into(),
    }
}

fn run(args: Vec<OsString>) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(args, None, &mut out, &mut err).expect("a command");
    (code, String::from_utf8(out).expect("utf-8"), String::from_utf8(err).expect("utf-8"))
}

fn check_all(seed: u64) -> (usize, BTreeMap<&'static str, usize>) {
    let mut rng = Rng::new(seed);
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    let store = Store::open(&data).expect("opens");
    let small = fixture("red_flag_only.ron");
    let full = fixture("full_two_leg.ron");
    // The good sessions, which must be listed every time.
    let good_dir = tmp.path().join("good");
    fs::create_dir(&good_dir).expect("mkdir");
    for name in ["full_two_leg.ron", "red_flag_only.ron", "stopped_one_leg.ron"] {
        fs::write(good_dir.join(name), fixture(name)).expect("written");
    }
    assert!(store.import_from(&good_dir).failed.is_empty());
    let good_ids: Vec<String> =
        store.load_all().sessions.iter().map(|l| l.session.id.to_string()).collect();
    assert_eq!(good_ids.len(), 3);
    drop(store);
    let sessions = data.join("sessions");
    let outside = tmp.path().join("outside.ron");
    fs::write(&outside, &full).expect("written");

    let data_arg: OsString = data.clone().into();
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut written = 0;
    let mut batch_no = 0;
    while written < FILES {
        batch_no += 1;
        let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        for i in 0..BATCH.min(FILES - written) {
            let n = written + i;
            // The file id inside would clash with the good ones: mutate a copy
            // whose id is its own, so that a mutation that still parses is new.
            let (bytes, kind) = mutate(&mut rng, &small, &full);
            *kinds.entry(kind).or_default() += 1;
            let path = sessions.join(odd_name(&mut rng, n));
            fs::write(&path, &bytes).expect("written");
            files.push((path, bytes));
        }
        written += files.len();
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            let fifo = sessions.join(format!("fifo{batch_no}.ron"));
            let ok = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
            assert!(ok.success());
            symlink(&outside, sessions.join(format!("link{batch_no}.ron"))).expect("link");
            symlink("/etc/passwd", sessions.join(format!("passwd{batch_no}.ron"))).expect("link");
            symlink(
                sessions.join(format!("loop{batch_no}.ron")),
                sessions.join(format!("loop{batch_no}.ron")),
            )
            .expect("link");
            *kinds.entry("fifo and links").or_default() += 4;
        }

        let t0 = Instant::now();
        // list: exit 0, every good session, nothing moved or changed.
        let (code, out, err) = run(vec!["list".into(), "--data-dir".into(), data_arg.clone()]);
        assert_eq!(code, EXIT_OK, "batch {batch_no}: {err}");
        for id in &good_ids {
            assert!(
                out.lines().any(|l| l.starts_with(id.as_str())),
                "batch {batch_no}: {id} not listed"
            );
        }
        assert!(err.len() < 1000 * (BATCH + 10), "stderr is {} bytes", err.len());
        for (path, bytes) in &files {
            assert_eq!(&fs::read(path).expect("still there"), bytes, "{} changed", path.display());
        }

        let t1 = Instant::now();
        // show each file: exit 0 or 1, short messages, never the content.
        for (path, _) in &files {
            let (code, _, err) = run(vec!["show".into(), path.clone().into_os_string()]);
            assert!(code == EXIT_OK || code == EXIT_FAILURE, "{}: {code}", path.display());
            let limit = 400 + 2 * path.as_os_str().len();
            assert!(err.len() < limit, "{}: {} bytes on stderr: {err}", path.display(), err.len());
        }
        #[cfg(unix)]
        for name in ["fifo", "link", "passwd", "loop"] {
            let path = sessions.join(format!("{name}{batch_no}.ron"));
            let (code, _, err) = run(vec!["show".into(), path.into_os_string()]);
            assert!(code == EXIT_OK || code == EXIT_FAILURE, "{name}: {code}");
            assert!(!err.contains("root:"), "{err}");
        }

        let t2 = Instant::now();
        // The app's load (first batch only, for time): damaged files set aside
        // byte for byte, the rest kept.
        if batch_no == 1 {
            let store = Store::open(&data).expect("opens");
            let report = store.load_all();
            for id in &good_ids {
                assert!(report.sessions.iter().any(|l| l.session.id.as_str() == id), "{id} lost");
            }
            let moved: BTreeMap<&Path, &Path> =
                report.quarantined.iter().map(|q| (q.from.as_path(), q.to.as_path())).collect();
            for (path, bytes) in &files {
                let now = moved.get(path.as_path()).copied().unwrap_or(path.as_path());
                assert_eq!(&fs::read(now).expect("kept"), bytes, "{} lost bytes", path.display());
            }
            drop(store);
        }
        eprintln!(
            "batch {batch_no}: list {:?}, show {:?}, load {:?}",
            t1 - t0,
            t2 - t1,
            t2.elapsed()
        );
        // Clear the batch (and what was set aside) for the next one.
        for entry in fs::read_dir(&sessions)
            .expect("folder")
            .chain(fs::read_dir(data.join("quarantine")).expect("folder"))
        {
            let entry = entry.expect("entry");
            let name = entry.file_name();
            let keep = good_ids.iter().any(|id| name.to_string_lossy().starts_with(id.as_str()));
            if !keep {
                if entry.file_type().expect("type").is_dir() {
                    fs::remove_dir_all(entry.path()).expect("rm");
                } else {
                    fs::remove_file(entry.path()).expect("rm");
                }
            }
        }
    }
    (written, kinds)
}

#[test]
fn cli_list_and_show_survive_20000_mutated_files() {
    let seed = std::env::var("MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_abcd_0001u64);
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let result = std::panic::catch_unwind(|| check_all(seed));
        let _ = tx.send(());
        result
    });
    // A hang anywhere fails the test instead of stalling it.
    if rx.recv_timeout(Duration::from_secs(300)).is_err() {
        panic!("seed {seed:#x}: list or show hung");
    }
    match worker.join().expect("joined") {
        Ok((written, kinds)) => {
            assert!(written >= FILES);
            eprintln!("seed {seed:#x}: {written} files in {:?}: {kinds:?}", started.elapsed());
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}
