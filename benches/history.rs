//! `cargo bench --bench history`: loading 10,000 saved sessions, next to just reading
//! the same files' bytes, and building the history view over them; and the
//! summaries a list needs, from the index (files only checked) and without it
//! (every file read and parsed).

use std::hint::black_box;
use std::path::Path;

use chrono::{Duration, Local};
use criterion::{Criterion, criterion_group, criterion_main};
use tension_check::core::answers::{Change, Familiar, Quality, Region};
use tension_check::core::{Check, Leg, LegRecord, RedFlag, StepAnswer, StepId, grade};
use tension_check::store::{Session, SessionStore, Store};
use tension_check::ui::screens::history;

const SESSIONS: usize = 10_000;

/// A realistic two-leg session, varied by `n`.
fn session(n: usize) -> Session {
    let mut check = Check::new();
    for flag in RedFlag::ALL {
        check.red_flags.insert(flag, false);
    }
    check.injury = Some(false);
    check.bothered = Some(Leg::Right);
    for (leg, reference) in [(Leg::Left, true), (Leg::Right, false)] {
        let mut record = LegRecord { leg, reference, steps: Default::default() };
        for id in StepId::ALL {
            let mut answer = StepAnswer::default();
            match id {
                StepId::A2 | StepId::B2 => {
                    answer.intensity = Some(((n + id as usize) % 11) as u8);
                    answer.regions = [Region::BackOfThigh, Region::UpperCalf].into();
                    answer.qualities = [Quality::StretchOrPull, Quality::Tingling].into();
                    if id == StepId::A2 {
                        answer.familiar = Some(Familiar::Yes);
                    } else {
                        answer.sharp_pain = Some(false);
                    }
                }
                StepId::A1 | StepId::B1 => {}
                _ => {
                    answer.change =
                        Some([Change::Eased, Change::NoChange, Change::Stronger][n % 3]);
                    if id == StepId::B3 {
                        answer.spread = Some(false);
                    }
                }
            }
            record.steps.insert(id, answer);
        }
        check.legs.push(record);
    }
    let outcome = grade(&check);
    let started = Local::now().fixed_offset() - Duration::hours(n as i64);
    Session::new(check, outcome, started)
}

fn fixture(dir: &Path) {
    let store = Store::open(dir).expect("store");
    for n in 0..SESSIONS {
        store.save(&session(n)).expect("save");
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    fixture(dir.path());
    let sessions_dir = dir.path().join("sessions");

    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.bench_function("read bytes of 10k files", |b| {
        b.iter(|| {
            let mut total = 0usize;
            for entry in std::fs::read_dir(&sessions_dir).expect("dir").flatten() {
                total += std::fs::read(entry.path()).map(|b| b.len()).unwrap_or(0);
            }
            black_box(total)
        })
    });
    let store = Store::open(dir.path()).expect("store");
    group.bench_function("load_all 10k sessions", |b| b.iter(|| black_box(store.load_all())));

    // A writable load writes the index: every file is unchanged since.
    black_box(store.load_all());
    let read_only = Store::open_read_only(dir.path()).expect("store");
    group.bench_function("summaries of 10k, index up to date", |b| {
        b.iter(|| black_box(read_only.summaries()))
    });
    group.bench_function("summaries of 10k, no index (parse all)", |b| {
        let index = dir.path().join(tension_check::store::INDEX_FILE);
        let saved = std::fs::read(&index).expect("index");
        std::fs::remove_file(&index).expect("rm");
        b.iter(|| black_box(read_only.summaries()));
        std::fs::write(&index, saved).expect("restore");
    });
    group.bench_function("list command over 10k (summaries)", |b| {
        let args: Vec<std::ffi::OsString> =
            vec!["list".into(), "--data-dir".into(), dir.path().into()];
        b.iter(|| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            black_box(tension_check::cli::run(args.clone(), None, &mut out, &mut err))
        })
    });

    let loaded = store.summaries().sessions;
    let state = history::State::default();
    group.bench_function("trend of 10k summaries", |b| {
        b.iter(|| black_box(tension_check::ui::screens::trends::trend_of(&loaded)))
    });
    group.bench_function("open one session of 10k", |b| {
        let id = loaded[loaded.len() / 2].id.clone();
        b.iter(|| black_box(tension_check::store::SessionStore::load(&store, &id)))
    });
    group.bench_function("build history view over 10k", |b| {
        b.iter(|| {
            let element = state.view(
                tension_check::ui::viewport::Viewport::new(1280.0),
                history::Context { sessions: Some(&loaded), notices: &[], undo: None },
            );
            black_box(element)
        })
    });
    group.bench_function("save one session", |b| {
        let mut n = SESSIONS;
        b.iter(|| {
            n += 1;
            store.save(&session(n)).expect("save")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
