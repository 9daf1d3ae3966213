//! Killing a process in the middle of a note save, a move to the trash, an undo or
//! an import never loses an acknowledged change and never leaves a damaged file.
//!
//! Like `crash.rs`, the test re-runs its own binary as a child that loops over
//! save, note, delete, undo and import, printing `BEGIN <op>` before each and
//! `ACK <op> <id>` after it returned Ok. The parent kills it with SIGKILL at a
//! random moment, checks the folder, and counts the kills that landed between a
//! BEGIN and its ACK (mid-operation).

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use crate::common::*;
use crate::support::child;
use crate::support::rng::Rng;
use tension_check::store::{Note, SessionStore, Store};

const DIR_ENV: &str = "TENSION_CHECK_TEST_CRASH_OPS_DIR";
const ROUNDS: usize = 120;

/// Not a test on its own: does nothing unless started by
/// `killed_notes_trash_moves_and_imports_lose_nothing_acknowledged`.
#[test]
fn crash_ops_child() {
    let Some(dir) = std::env::var_os(DIR_ENV) else { return };
    let root = Path::new(&dir).join("data");
    let src = Path::new(&dir).join("src");
    let store = Store::open(&root).expect("child opens the store");
    let mut out = std::io::stdout().lock();
    child::say_ready(&mut out);
    let mut say = |line: String| {
        writeln!(out, "{line}").expect("stdout");
        out.flush().expect("stdout");
    };
    for k in 0.. {
        let session = fresh_session();
        let id = session.id.clone();
        say("BEGIN save".into());
        store.save(&session).expect("save");
        say(format!("ACK save {id}"));
        say("BEGIN note".into());
        store.set_note(&id, &format!("note {k}")).expect("note");
        say(format!("ACK note {id} {k}"));
        say("BEGIN delete".into());
        store.delete(&id).expect("delete");
        say(format!("ACK delete {id}"));
        say("BEGIN undo".into());
        store.undo_delete(&id).expect("undo");
        say(format!("ACK undo {id}"));

        let other = fresh_session();
        let folder = src.join(format!("{k}"));
        fs::create_dir_all(&folder).expect("mkdir");
        fs::write(folder.join("s.ron"), other.to_ron().expect("ron")).expect("written");
        let note = Note::new(format!("imported {k}"), other.started_at);
        fs::write(folder.join("s.note.ron"), note.to_ron().expect("ron")).expect("written");
        say("BEGIN import".into());
        let report = store.import_from(&folder);
        assert!(report.failed.is_empty() && report.notes_imported == 1, "{report:?}");
        say(format!("ACK import {}", other.id));
    }
}

/// Whether a file named `name` is in `sessions/`, or in the trash under any stamp.
fn somewhere(root: &Path, name: &str) -> Option<Vec<u8>> {
    if let Ok(bytes) = fs::read(root.join("sessions").join(name)) {
        return Some(bytes);
    }
    let suffix = format!("--{name}");
    fs::read_dir(root.join("trash"))
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(&suffix))
        .and_then(|e| fs::read(e.path()).ok())
}

#[cfg(unix)]
#[test]
fn killed_notes_trash_moves_and_imports_lose_nothing_acknowledged() {
    let (mut rng, seed) = Rng::from_system();
    eprintln!("crash ops test seed: {seed:#x}");
    let mut mid: BTreeSet<String> = BTreeSet::new();
    let mut mid_count = 0;
    let mut acks = 0;
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("data");
        let (mut child, mut reader) = child::start_ready(
            child::command("crash_ops::crash_ops_child").env(DIR_ENV, dir.path()),
            &format!("round {round}"),
        );
        let mut line = String::new();
        std::thread::sleep(Duration::from_micros(rng.next() % 40_001));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        let mut lines = Vec::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).expect("child output") == 0 {
                break;
            }
            if let Some(whole) = line.strip_suffix('\n') {
                lines.push(whole.to_string());
            }
        }
        if let Some(last) = lines.last()
            && let Some(op) = last.strip_prefix("BEGIN ")
        {
            mid.insert(op.to_string());
            mid_count += 1;
        }

        // The folder opens, temp files are cleaned, nothing is damaged.
        let store = Store::open(&root).expect("reopens");
        assert!(temp_files(store.sessions_dir()).is_empty(), "round {round}");
        let report = store.load_all();
        assert!(report.quarantined.is_empty(), "round {round}: {:?}", report.quarantined);
        assert!(report.unreadable.is_empty(), "round {round}: {:?}", report.unreadable);
        drop(store);

        for ack in lines.iter().filter_map(|l| l.strip_prefix("ACK ")) {
            acks += 1;
            let mut words = ack.split(' ');
            let (op, id) = (words.next().expect("op"), words.next().expect("id"));
            let session = format!("{id}.ron");
            let note = format!("{id}.note.ron");
            match op {
                "save" => assert!(somewhere(&root, &session).is_some(), "round {round}: {ack}"),
                "note" => {
                    let k = words.next().expect("k");
                    let bytes = somewhere(&root, &note).expect("the note is kept");
                    let text = Note::from_ron(&String::from_utf8(bytes).expect("utf-8"))
                        .expect("whole note")
                        .text;
                    assert_eq!(text, format!("note {k}"), "round {round}: {ack}");
                }
                "delete" => {
                    let undone = lines.iter().any(|l| l == &format!("ACK undo {id}"));
                    let undoing = lines.last().is_some_and(|l| l == "BEGIN undo");
                    if !undone && !undoing {
                        assert!(!root.join("sessions").join(&session).exists(), "round {round}");
                    }
                    assert!(somewhere(&root, &session).is_some(), "round {round}: {ack}");
                }
                "undo" => {
                    assert!(root.join("sessions").join(&session).exists(), "round {round}");
                    assert!(root.join("sessions").join(&note).exists(), "round {round}");
                }
                "import" => {
                    assert!(root.join("sessions").join(&session).exists(), "round {round}");
                    assert!(root.join("sessions").join(&note).exists(), "round {round}");
                }
                other => panic!("unknown op {other}"),
            }
        }
    }
    eprintln!(
        "crash ops test: {ROUNDS} kills, {acks} acknowledged steps, {mid_count} mid-operation ({mid:?})"
    );
    assert!(acks > 0, "nothing was ever acknowledged; the test proved nothing");
    assert!(mid_count >= ROUNDS / 4, "only {mid_count} kills landed mid-operation");
    assert!(mid.len() >= 3, "kills landed mid-operation only in {mid:?}");
}
