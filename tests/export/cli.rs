//! The command line against a temp data folder populated with the fixtures.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::build::*;
use tension_check::cli::{self, Command, EXIT_FAILURE, EXIT_OK, EXIT_USAGE};
use tension_check::core::Tier;
use tension_check::export::answers;
use tension_check::store::{SessionId, SessionStore, Store};

const FULL: &str = "20261126T133512Z-9f3a1c2b";
const FLAG: &str = "20261127T130240Z-04be71d9";
const STOPPED: &str = "20261201T154000Z-c0ffee01";

struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

fn run_env(args: &[&str], env: Option<&Path>) -> Run {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(args, env.map(|p| p.as_os_str().to_owned()), &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).expect("utf-8 stdout"),
        err: String::from_utf8(err).expect("utf-8 stderr"),
    }
}

fn run(args: &[&str]) -> Run {
    run_env(args, None)
}

/// A data folder holding every fixture session, and a note on the stopped one.
fn populated() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).expect("store opens");
    for session in fixtures() {
        store.save(&session).expect("saved");
    }
    let id = SessionId::parse(STOPPED).expect("id");
    store.set_note(&id, "Calf, \"sharp\",\n<script>x</script>").expect("note saved");
    (tmp, dir)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[test]
fn no_command_means_the_window() {
    assert!(run(&[]).code.is_none());
    assert!(run(&["--data-dir", "/somewhere"]).code.is_none());
    let parsed = cli::parse(&[OsString::from("--data-dir=/x")]).expect("parses");
    assert_eq!(parsed.command, Command::Gui);
    assert_eq!(parsed.data_dir, Some(PathBuf::from("/x")));
}

// The help text is clap's now: the hand-written usage listed every export option on
// the first page; clap gives each command its own page (`help export`).
#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["help"], &["-h"]] {
        let r = run(args);
        assert_eq!(r.code, Some(EXIT_OK), "{args:?}");
        assert!(r.out.contains("Usage: tension-check [OPTIONS] [COMMAND]"), "{}", r.out);
        for word in ["list", "show", "export", "import", "--data-dir", "Exit status: 0 done"] {
            assert!(r.out.contains(word), "{args:?}: no {word:?} in\n{}", r.out);
        }
        assert!(r.err.is_empty());
    }
    let r = run(&["list", "--help"]);
    assert_eq!(r.code, Some(EXIT_OK));
    assert!(r.out.contains("Usage: tension-check list"), "{}", r.out);
    assert!(!r.out.contains("--format"), "list takes no format: {}", r.out);
    for args in [&["export", "--help"][..], &["help", "export"]] {
        let r = run(args);
        assert_eq!(r.code, Some(EXIT_OK), "{args:?}");
        assert!(r.out.contains("--format <FORMAT> --out <PATH>"), "{}", r.out);
        for format in ["pdf", "html", "csv", "ron"] {
            assert!(r.out.contains(&format!("- {format}:")), "{args:?}: no {format} in\n{}", r.out);
        }
        assert!(r.err.is_empty());
    }
    for args in [&["--version"][..], &["-V"], &["list", "--version"]] {
        let r = run(args);
        assert_eq!((r.code, r.out.as_str()), (Some(EXIT_OK), "tension-check 0.1.0\n"), "{args:?}");
    }
}

#[test]
fn list_prints_one_line_per_session_newest_first() {
    let (_tmp, dir) = populated();
    // The flag after the command, and before it.
    for args in [vec!["list", "--data-dir", s(&dir)], vec!["--data-dir", s(&dir), "list"]] {
        let r = run(&args);
        assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
        let lines: Vec<&str> = r.out.lines().collect();
        assert_eq!(lines.len(), 4, "{}", r.out);
        assert!(lines[0].starts_with(STOPPED));
        assert!(lines[0].contains("2026-12-01 21:10") && lines[0].contains("Left leg"));
        assert!(lines[0].ends_with("Stop and consult"));
        assert!(lines[1].contains("No leg tested") && lines[1].ends_with("Emergency"));
        assert!(lines[3].starts_with(FULL) && lines[3].contains("Left leg, Right leg"));
        assert!(lines[3].ends_with("Nerve tension likely"));
    }
    // The environment variable is used when there is no flag.
    let r = run_env(&["list"], Some(&dir));
    assert_eq!(r.code, Some(EXIT_OK));
    assert_eq!(r.out.lines().count(), 4);
}

#[test]
fn list_reports_damaged_files_on_stderr_and_moves_nothing() {
    let (_tmp, dir) = populated();
    let damaged = dir.join("sessions/20260101T000000Z-00000000.ron");
    fs::write(&damaged, "Session(broken").expect("write");
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK));
    assert_eq!(r.out.lines().count(), 4);
    assert!(r.err.contains("Left out:") && r.err.contains(s(&damaged)), "{}", r.err);
    assert!(r.err.contains("it was left where it is"), "{}", r.err);
    // `list` reads only: the damaged file stays where it is, byte for byte.
    assert_eq!(fs::read(&damaged).expect("still there"), b"Session(broken");
    assert_eq!(fs::read_dir(dir.join("quarantine")).expect("folder").count(), 0);
}

#[test]
fn show_prints_answers_and_both_stored_and_regraded_results() {
    let (_tmp, dir) = populated();
    let r = run(&["show", FULL, "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    for text in [
        "Session   20261126T133512Z-9f3a1c2b",
        "Stored (rules version 1):          Nerve tension likely (Strong evidence)",
        "By the current rules (version 3):  Nerve tension likely (Strong evidence)",
        // Rules version 3 compares the legs at A2 and B2 separately.
        "Same result by the current rules, with different reasons.",
        // Steps by what the person did, without the brief's step codes.
        "    Straighten knee, toes up: intensity 6; where: Back of thigh, Upper calf; feels like: Tingling; familiar: Yes",
        "    Chin down: change: Stronger",
        "Right leg (the leg that bothers)",
        "Left leg (reference leg)",
        "Dropping your chin made it stronger (right leg)",
        "Safety questions (0 of 11 answered yes)",
        "Every result",
    ] {
        assert!(r.out.contains(text), "missing {text:?} in\n{}", r.out);
    }

    let r = run(&["show", STOPPED, "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK));
    assert!(r.out.contains("spread below the knee: Yes"));
    assert!(r.out.contains(
        "The check was stopped when you pulled your toes up in the standing stretch, on your left leg."
    ));
    assert!(r.out.contains("Note\n  Calf, \"sharp\",\n  <script>x</script>\n"), "{}", r.out);

    let r = run(&["show", FLAG, "--data-dir", s(&dir)]);
    assert!(r.out.contains("  YES  New bladder or bowel problems"));
}

/// `show` prints every answer the one answers renderer gives, step by step, in its
/// column order.
#[test]
fn show_lists_every_answer_the_renderer_gives() {
    let (_tmp, dir) = populated();
    for name in ["full_two_leg", "stopped_one_leg"] {
        let session = fixture(name);
        let r = run(&["show", session.id.as_str(), "--data-dir", s(&dir)]);
        assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
        let mut lines = r.out.lines();
        for record in &session.check.legs {
            for (step, answer) in &record.steps {
                let prefix = format!("    {}", tension_check::export::words::step_short(*step));
                let line = lines
                    .by_ref()
                    .find(|l| l.starts_with(&prefix))
                    .unwrap_or_else(|| panic!("no line for {step:?} in\n{}", r.out));
                let mut rest = line;
                for answered in answers::answered(answer) {
                    let at = rest.find(&answered.cell()).unwrap_or_else(|| {
                        panic!("{:?} missing or out of order in {line:?}", answered.cell())
                    });
                    rest = &rest[at..];
                }
            }
        }
    }
}

#[test]
fn show_a_file_that_the_current_rules_grade_differently() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut session = fixture("full_two_leg");
    session.outcome.tier = Tier::HamstringTightnessLikely;
    session.outcome.strength = None;
    let file = tmp.path().join("edited.ron");
    fs::write(&file, session.to_ron().expect("ron")).expect("write");
    // A file needs no data folder.
    let r = run(&["show", s(&file), "--data-dir", s(&tmp.path().join("nowhere"))]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(r.out.contains("Stored (rules version 1):          Hamstring tightness likely\n"));
    assert!(
        r.out.contains("By the current rules (version 3):  Nerve tension likely (Strong evidence)")
    );
    assert!(r.out.contains(
        "DIFFERENT: the current rules give \"Nerve tension likely (Strong evidence)\", not \"Hamstring tightness likely\""
    ));
    assert!(r.out.contains("Why (current rules)"));
}

#[test]
fn show_says_a_version_1_session_grades_differently_now() {
    // Graded Hamstring by rules version 1; version 2 needs the back of the thigh in
    // the seated test, and this feeling was only in the calf.
    let path = fixtures_dir().join("calf_ache_rules_v1.ron");
    let session = fixture("calf_ache_rules_v1");
    assert_eq!(session.outcome.rules_version, 1);
    assert_eq!(session.outcome.tier, Tier::HamstringTightnessLikely);
    let tmp = tempfile::tempdir().expect("temp dir");
    let r = run(&["show", s(&path), "--data-dir", s(&tmp.path().join("nowhere"))]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    for text in [
        "Stored (rules version 1):          Hamstring tightness likely\n",
        "By the current rules (version 3):  Unclear\n",
        "DIFFERENT: the current rules give \"Unclear\", not \"Hamstring tightness likely\"",
        "Why (current rules)",
    ] {
        assert!(r.out.contains(text), "missing {text:?} in\n{}", r.out);
    }
    assert!(!r.out.contains("Same result by the current rules"), "{}", r.out);
}

#[test]
fn export_html_and_csv_with_selection() {
    let (tmp, dir) = populated();
    let html = tmp.path().join("report.html");
    let r = run(&["export", "--format", "html", "--out", s(&html), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(r.out.contains("Wrote the report of 4 sessions to"));
    let text = fs::read_to_string(&html).expect("report");
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(text.contains("&lt;script&gt;x&lt;/script&gt;"), "the note is in, escaped");
    assert!(!text.contains("<script>"));

    // Not overwritten without --force; replaced with it.
    let r = run(&[
        "export",
        "--format",
        "html",
        "--out",
        s(&html),
        "--data-dir",
        s(&dir),
        "--id",
        FLAG,
    ]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(r.err.contains("already exists") && r.err.contains("--force"), "{}", r.err);
    let r = run(&[
        "export",
        "--format=html",
        "--out",
        s(&html),
        "--data-dir",
        s(&dir),
        "--id",
        FLAG,
        "--force",
    ]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(r.out.contains("report of 1 session to"));

    let csv = tmp.path().join("answers.csv");
    let r = run(&[
        "--data-dir",
        s(&dir),
        "export",
        "--format",
        "csv",
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-27",
        "--out",
        s(&csv),
    ]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    let text = fs::read_to_string(&csv).expect("csv");
    assert!(text.starts_with("session_id,started_at,tier,"));
    // Two two-leg sessions (18 rows each) and the red-flag one; not 1 December.
    assert_eq!(text.matches("\r\n").count(), 1 + 18 + 18 + 1);
    assert!(!text.contains(STOPPED));
}

#[test]
fn export_ron_makes_a_backup_and_import_brings_it_back() {
    let (tmp, dir) = populated();
    let backup = tmp.path().join("backup");
    let r = run(&["export", "--format", "ron", "--out", s(&backup), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(r.out.contains("Copied 5 files to"), "{}", r.out);
    assert!(backup.join(format!("{STOPPED}.note.ron")).is_file());

    let fresh = tmp.path().join("fresh");
    let r = run(&["import", s(&backup), "--data-dir", s(&fresh)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert_eq!(r.out, "Imported 4 sessions; 1 note.\n");
    let r = run(&["import", s(&backup), "--data-dir", s(&fresh)]);
    assert_eq!(r.out, "Imported 0 sessions; 4 already here; 1 note already here.\n");
    let r = run(&["list", "--data-dir", s(&fresh)]);
    assert_eq!(r.out.lines().count(), 4);

    // A second backup into the same folder copies nothing and overwrites nothing.
    let r = run(&["export", "--format", "ron", "--out", s(&backup), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK));
    assert!(r.out.contains("Copied 0 files") && r.out.contains("5 files already there"));
}

#[test]
fn import_reports_unreadable_files() {
    let (tmp, dir) = populated();
    let src = tmp.path().join("src");
    fs::create_dir(&src).expect("mkdir");
    fs::write(src.join("junk.ron"), "not a session").expect("write");
    let r = run(&["import", s(&src), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(r.out.starts_with("Imported 0 sessions"), "{}", r.out);
    assert!(r.err.contains("1 file could not be imported."), "{}", r.err);
    assert!(r.err.contains("Not imported:") && r.err.contains("junk.ron"), "{}", r.err);
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let cases: &[(&[&str], &str)] = &[
        (&["frobnicate"], "Unknown command \"frobnicate\""),
        (&["list", "--verbose"], "Unknown option --verbose"),
        (&["list", "--data-dir"], "--data-dir needs a value"),
        (&["list", "extra"], "Unexpected argument \"extra\""),
        (&["show"], "show needs a session id or file"),
        (&["import"], "import needs a folder or file"),
        (&["export", "--out", "x.html"], "export needs --format"),
        (&["export", "--format", "html"], "export needs --out"),
        (&["export", "--format", "docx", "--out", "x"], "Unknown format \"docx\""),
        (&["export", "--format", "html", "--out", "x", "--from", "2026-13-01"], "is not a date"),
        (&["export", "--format", "html", "--out", "x", "--to", "yesterday"], "is not a date"),
        (
            &[
                "export",
                "--format",
                "html",
                "--out",
                "x",
                "--from",
                "2026-12-02",
                "--to",
                "2026-12-01",
            ],
            "is after",
        ),
        (
            &["export", "--format", "html", "--out", "x", "--id", "../etc/passwd"],
            "is not a valid session id",
        ),
        (
            &["export", "--format", "html", "--out", "x", "--out", "y"],
            "--out was given more than once",
        ),
        (&["list", "--format", "csv"], "--format does not go with list"),
        (&["--force"], "--force needs a command"),
        (&["--out", "x"], "--out needs a command"),
        (&["list", "--help=yes"], "--help does not take a value"),
    ];
    for (args, message) in cases {
        let r = run(args);
        assert_eq!(r.code, Some(EXIT_USAGE), "{args:?}: {}", r.err);
        assert!(r.err.contains(message), "{args:?}: {:?}", r.err);
        assert!(r.err.contains("--help"), "{args:?} points to the help");
        assert!(r.out.is_empty());
    }
}

/// Whatever clap finds wrong comes out as one plain sentence and a pointer to the
/// help: no "error:" prefix, no usage block, no styling.
#[test]
fn usage_errors_are_one_readable_sentence() {
    let cases: &[&[&str]] = &[
        &["frobnicate"],
        &["list", "--verbose"],
        &["list", "extra"],
        &["show", "a", "b"],
        &["export", "--format"],
        &["export", "--format", "html", "--out", "x", "--force", "--force"],
        &["export", "--format", "html", "--out", "x", "--to", "1/12/2026"],
        &["--version=3"],
        &["help", "frobnicate"],
        &["--data-dir", "a", "--data-dir", "b"],
    ];
    for args in cases {
        let r = run(args);
        assert_eq!(r.code, Some(EXIT_USAGE), "{args:?}: {}", r.err);
        assert!(r.out.is_empty(), "{args:?}: {}", r.out);
        let lines: Vec<&str> = r.err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {:?}", r.err);
        assert_eq!(lines[1], "Run `tension-check --help` for usage.");
        let sentence = lines[0];
        assert!(sentence.ends_with('.'), "{args:?}: {sentence:?}");
        assert!(!sentence.starts_with(char::is_whitespace), "{args:?}: {sentence:?}");
        for noise in ["error:", "Usage:", "\u{1b}[", "tip:"] {
            assert!(!r.err.contains(noise), "{args:?}: {:?}", r.err);
        }
    }
}

/// An unknown format is a usage error that writes nothing: never a CSV by default.
#[test]
fn an_unknown_format_is_an_error_not_a_csv() {
    let (tmp, dir) = populated();
    for format in ["docx", "xlsx", "CSVX", "backup", ""] {
        let out = tmp.path().join("out.file");
        let r = run(&["export", "--format", format, "--out", s(&out), "--data-dir", s(&dir)]);
        assert_eq!(r.code, Some(EXIT_USAGE), "{format:?}: {}", r.err);
        assert!(r.err.contains("format"), "{format:?}: {}", r.err);
        assert!(!out.exists(), "{format:?}: nothing is written");
        assert!(r.out.is_empty());
    }
    let r = run(&["export", "--format", "docx", "--out", "x", "--data-dir", s(&dir)]);
    assert!(r.err.starts_with("Unknown format \"docx\"; use pdf, html, csv or ron."), "{}", r.err);
    // Names are read in any case.
    let out = tmp.path().join("upper.csv");
    let r = run(&["export", "--format", "CSV", "--out", s(&out), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(fs::read_to_string(&out).expect("csv").starts_with("session_id,"));
}

#[test]
fn pdf_export_writes_a_pdf_report() {
    let (tmp, dir) = populated();
    let out = tmp.path().join("report.pdf");
    let r = run(&["export", "--format", "pdf", "--out", s(&out), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(r.out.contains("Wrote the PDF report of"), "{}", r.out);
    let bytes = fs::read(&out).expect("the report was written");
    assert!(bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF"));
    // Not replaced without --force.
    let again = run(&["export", "--format", "pdf", "--out", s(&out), "--data-dir", s(&dir)]);
    assert_eq!(again.code, Some(EXIT_FAILURE));
    assert!(again.err.contains("--force"), "{}", again.err);
}

#[test]
fn runtime_errors_exit_1_with_a_message() {
    let (tmp, dir) = populated();
    let missing = tmp.path().join("no-such-folder");
    let out = tmp.path().join("r.html");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["list", "--data-dir", s(&missing)], "does not exist"),
        (vec!["show", FULL, "--data-dir", s(&missing)], "does not exist"),
        (
            vec!["show", "20990101T000000Z-deadbeef", "--data-dir", s(&dir)],
            "There is no saved session with id 20990101T000000Z-deadbeef",
        ),
        (
            vec!["show", "./missing.ron", "--data-dir", s(&dir)],
            "The file ./missing.ron does not exist",
        ),
        (vec!["show", s(&dir), "--data-dir", s(&dir)], "is a folder"),
        (
            vec![
                "export",
                "--format",
                "html",
                "--out",
                s(&out),
                "--data-dir",
                s(&dir),
                "--id",
                "20990101T000000Z-deadbeef",
            ],
            "There is no saved session with id",
        ),
        (
            vec![
                "export",
                "--format",
                "csv",
                "--out",
                s(&out),
                "--data-dir",
                s(&dir),
                "--from",
                "2030-01-01",
            ],
            "No saved sessions match",
        ),
        (
            vec![
                "export",
                "--format",
                "html",
                "--out",
                "/no/such/dir/r.html",
                "--data-dir",
                s(&dir),
            ],
            "The folder /no/such/dir does not exist",
        ),
        (
            vec!["export", "--format", "html", "--out", s(&out), "--data-dir", s(&missing)],
            "does not exist",
        ),
        (vec!["import", s(&missing), "--data-dir", s(&dir)], "does not exist"),
    ];
    for (args, message) in cases {
        let r = run(&args);
        assert_eq!(r.code, Some(EXIT_FAILURE), "{args:?}: {}", r.err);
        assert!(r.err.contains(message), "{args:?}: {:?}", r.err);
    }
    assert!(!missing.exists(), "a mistyped data folder is not created");
    assert!(!out.exists());

    // An unreadable session file.
    let bad = tmp.path().join("bad.ron");
    fs::write(&bad, [0xff, 0xfe, 0x00]).expect("write");
    let r = run(&["show", s(&bad)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(
        r.err.contains("Could not read") || r.err.contains("not a readable session"),
        "{}",
        r.err
    );
    let text = tmp.path().join("text.ron");
    fs::write(&text, "Session(").expect("write");
    let r = run(&["show", s(&text)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(r.err.contains("is not a readable session file"), "{}", r.err);
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_do_not_panic() {
    use std::os::unix::ffi::OsStringExt;
    let odd = OsString::from_vec(vec![0x66, 0xff, 0x6f]);
    for args in [
        vec![odd.clone()],
        vec![OsString::from("show"), odd.clone()],
        vec![OsString::from("--id"), odd],
    ] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = cli::run(args, None, &mut out, &mut err);
        assert!(matches!(code, Some(EXIT_USAGE) | Some(EXIT_FAILURE)), "{code:?}");
        assert!(!err.is_empty());
    }
}

#[test]
fn an_empty_data_dir_flag_is_a_usage_error() {
    let r = run(&["list", "--data-dir", ""]);
    assert_eq!(r.code, Some(EXIT_USAGE));
    assert!(r.err.contains("--data-dir is empty"), "{}", r.err);
}

#[test]
fn show_finds_a_session_copied_in_under_another_file_name() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    Store::open(&dir).expect("store opens");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions/v1/stopped_one_leg.ron");
    fs::copy(&sample, dir.join("sessions").join("copied-by-hand.ron")).expect("copy");
    let shown = run(&["show", STOPPED, "--data-dir", s(&dir)]);
    assert_eq!(shown.code, Some(EXIT_OK), "{}", shown.err);
    assert!(shown.out.contains(STOPPED));
}

/// Opening the window where there is no display ends with a plain sentence and
/// exit status 1, never a raw panic.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn no_display_is_a_plain_error_not_a_panic() {
    let (_tmp, dir) = populated();
    let exe = env!("CARGO_BIN_EXE_tension-check");
    let run_with = |display: Option<&str>| {
        let mut command = std::process::Command::new(exe);
        command
            .args(["--data-dir", s(&dir)])
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("RUST_BACKTRACE");
        if let Some(display) = display {
            command.env("DISPLAY", display);
        }
        command.output().expect("the app runs")
    };

    let none = run_with(None);
    let err = String::from_utf8_lossy(&none.stderr);
    assert_eq!(none.status.code(), Some(1), "{err}");
    assert!(err.contains("there is no display"), "{err}");
    assert!(err.contains("tension-check --help"), "{err}");

    // A display that is named but not there: iced panics inside; the app says so plainly.
    let unreachable = run_with(Some(":987"));
    let err = String::from_utf8_lossy(&unreachable.stderr);
    assert_eq!(unreachable.status.code(), Some(1), "{err}");
    assert!(err.contains("the window could not be opened"), "{err}");
    assert!(!err.contains("panicked at"), "{err}");
}

/// The defects at the command line: panics on wide columns, content in
/// errors, named pipes, a brand-new user, files left out in silence.
#[cfg(unix)]
#[test]
fn cli_list_survives_a_session_with_thousands_of_legs() {
    let (_tmp, dir) = populated();
    let template = fs::read_to_string(dir.join(format!("sessions/{FLAG}.ron"))).expect("read");
    let legs = "LegRecord(leg: Left, reference: false, steps: {}),".repeat(7000);
    let many =
        template.replacen("legs: [", &format!("legs: [{legs}"), 1).replace(FLAG, "many-legs");
    fs::write(dir.join("sessions/many-legs.ron"), &many).expect("write");
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert_eq!(r.out.lines().count(), 4, "{}", r.out);
    assert!(r.err.contains("many-legs.ron") && r.err.contains("7000 leg records"), "{}", r.err);
    let r = run(&["show", "many-legs", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(r.err.contains("7000 leg records"), "{}", r.err);
}

#[cfg(unix)]
#[test]
fn cli_show_never_prints_a_files_content_or_blocks_on_a_pipe() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let shadow = tmp.path().join("shadow");
    fs::write(&shadow, "root:$6$secret$hash:19000:0:99999:7:::\n").expect("write");
    let big = tmp.path().join("big.ron");
    fs::write(&big, "a".repeat(5 * 1024 * 1024)).expect("write");
    let medium = tmp.path().join("medium.ron");
    fs::write(&medium, "a".repeat(500 * 1024)).expect("write");
    let pipe = tmp.path().join("pipe.ron");
    assert!(std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo").success());
    for (path, words) in [
        (&shadow, "does not look like a session file"),
        (&big, "larger than 1024 KB"),
        (&medium, "does not look like a session file"),
        (&pipe, "named pipe"),
    ] {
        let r = run(&["show", s(path)]);
        assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.err);
        assert!(r.err.contains(words), "{}", r.err);
        assert!(r.err.len() < 300, "{} bytes: {}", r.err.len(), r.err);
        assert!(!r.err.contains("root") && !r.err.contains("aaaa"), "{}", r.err);
        // Import returns too, and reports the file.
        let data = tmp.path().join("data");
        let r = run(&["import", s(path), "--data-dir", s(&data)]);
        assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.err);
        assert!(r.err.len() < 400 && !r.err.contains("root"), "{}", r.err);
    }
}

#[test]
fn cli_list_show_and_export_change_nothing_in_the_data_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("bare");
    fs::create_dir(&dir).expect("mkdir");
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK), "{}", r.err);
    assert!(r.out.starts_with("No saved sessions"), "{}", r.out);
    let out = tmp.path().join("x.csv");
    let r = run(&["export", "--format", "csv", "--out", s(&out), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert_eq!(fs::read_dir(&dir).expect("read").count(), 0, "no folder or .lock created");
}

/// A person who never saved a session runs `list`: no data folder yet is no error.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn cli_a_brand_new_user_has_no_sessions_yet() {
    let home = tempfile::tempdir().expect("temp dir");
    let exe = env!("CARGO_BIN_EXE_tension-check");
    let output = std::process::Command::new(exe)
        .arg("list")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env_remove("TENSION_CHECK_DATA_DIR")
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&output.stdout);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(out, "No saved sessions yet.\n");
    assert!(!err.contains("does not exist"), "{err}");
    assert_eq!(fs::read_dir(home.path()).expect("read").count(), 0, "nothing created");
}

#[cfg(unix)]
#[test]
fn cli_exports_name_every_file_they_leave_out() {
    let (tmp, dir) = populated();
    fs::write(dir.join("sessions/broken.ron"), "Session(").expect("write");
    let out = tmp.path().join("r.csv");
    let r = run(&["export", "--format", "csv", "--out", s(&out), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.err);
    assert!(out.is_file(), "the CSV of the readable sessions is written");
    assert!(r.err.contains("broken.ron"), "{}", r.err);
    assert!(r.err.contains("1 file in the data folder was left out"), "{}", r.err);

    // A backup is all or nothing.
    let pipe = dir.join("sessions/pipe.ron");
    assert!(std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo").success());
    let backup = tmp.path().join("backup");
    let r = run(&["export", "--format", "ron", "--out", s(&backup), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE));
    assert!(r.err.contains("Nothing was written") && r.err.contains("named pipe"), "{}", r.err);
    assert!(!backup.exists());
    assert!(
        !fs::read_dir(tmp.path())
            .expect("read")
            .any(|e| { e.expect("entry").file_name().to_string_lossy().starts_with(".tmp-") })
    );
}

#[test]
fn cli_import_reports_a_note_it_could_not_bring_in() {
    let (tmp, dir) = populated();
    let src = tmp.path().join("src");
    fs::create_dir(&src).expect("mkdir");
    let session = fs::read(dir.join(format!("sessions/{FULL}.ron"))).expect("read");
    fs::write(src.join(format!("{FULL}.ron")), session).expect("write");
    fs::write(src.join(format!("{FULL}.note.ron")), "Note(text: \"cut").expect("write");
    let r = run(&["import", s(&src), "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.out);
    assert!(r.err.contains(&format!("{FULL}.note.ron")), "{}", r.err);
}

#[cfg(unix)]
#[test]
fn cli_show_by_id_never_follows_a_link_in_the_data_folder() {
    let (tmp, dir) = populated();
    let outside = tmp.path().join("outside.ron");
    fs::copy(dir.join(format!("sessions/{FULL}.ron")), &outside).expect("copied");
    let linked = dir.join("sessions/20270101T000000Z-11111111.ron");
    std::os::unix::fs::symlink(&outside, &linked).expect("link");
    let r = run(&["show", "20270101T000000Z-11111111", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_FAILURE), "{}", r.out);
    assert!(r.err.contains("symbolic link"), "{}", r.err);
    let r = run(&["list", "--data-dir", s(&dir)]);
    assert_eq!(r.code, Some(EXIT_OK));
    assert!(r.err.contains("20270101T000000Z-11111111.ron") && r.err.contains("symbolic link"));
    assert_eq!(r.out.lines().count(), 4, "the link is not listed: {}", r.out);
}
