//! Pixel snapshots of every screen at phone and desktop size, light and dark.
//!
//! Baselines are the committed pictures in `tests/snapshots/`, lossless WebP (a third
//! of the PNG's size), compared pixel for pixel. A missing baseline fails whatever the
//! renderer (iced_test would write it and pass); `UPDATE_SNAPSHOTS=1` records new
//! baselines after a deliberate change, and `SNAPSHOT_PNG_DIR=DIR` also saves every
//! screen as a PNG for review. A mismatch writes the expected picture, what was drawn and
//! the differing pixels as PNGs into `target/tmp/snapshot-diffs/`. Nothing passes without
//! comparing: `UPDATE_SNAPSHOTS` is refused when `CI` is set, and a `SNAPSHOT_SCENES` that
//! names no scene fails.

use std::path::{Path, PathBuf};

use crate::common::{DESKTOP, Driver, PHONE};
use crate::support::build::sample_data;
use iced::Size;
use iced_test::Simulator;
use tension_check::settings::{Settings, ThemeChoice};
use tension_check::store::settings;

/// A named screen state, reached by tapping through the app.
struct Scene {
    name: &'static str,
    reach: fn(&mut Driver),
    /// Whether the app opens on a data folder holding the format samples (for history).
    with_samples: bool,
}

impl Scene {
    fn new(name: &'static str, reach: fn(&mut Driver)) -> Self {
        Scene { name, reach, with_samples: false }
    }

    fn with_samples(name: &'static str, reach: fn(&mut Driver)) -> Self {
        Scene { name, reach, with_samples: true }
    }
}

fn scenes() -> Vec<Scene> {
    vec![
        Scene::new("home", |_| {}),
        Scene::new("safety", |d| d.tap("New check")),
        Scene::new("setup", |d| {
            d.pass_safety(false);
            d.tap("Right");
        }),
        Scene::new("card-a2", |d| {
            d.pass_safety(false);
            d.set_up("Right", true);
            d.card(&[]);
            d.tap_all(&["6", "Back of knee", "Burning"]);
        }),
        Scene::new("card-a5", |d| {
            d.pass_safety(false);
            d.set_up("Right", false);
            d.card(&[]);
            d.card(&["0"]);
            d.card(&["Eased"]);
            d.card(&["Stronger"]);
        }),
        Scene::new("card-b3", |d| {
            d.pass_safety(false);
            d.set_up("Left", false);
            d.quiet_slump();
            d.card(&[]);
            d.card(&["3", "Back of thigh", "Stretch or pull", "No"]);
            d.tap("Stronger");
        }),
        Scene::new("result-nerve", |d| {
            d.pass_safety(false);
            d.set_up("Right", true);
            d.card(&[]);
            d.card(&["2", "Back of thigh", "Stretch or pull", "No"]);
            for _ in 0..4 {
                d.card(&["No change"]);
            }
            d.card(&[]);
            d.card(&["6", "Back of knee", "Upper calf", "Tingling", "Yes"]);
            for change in ["Eased", "Stronger", "Stronger", "No change"] {
                d.card(&[change]);
            }
            d.card(&[]);
            d.card(&["2", "Back of thigh", "Stretch or pull", "No"]);
            d.card(&["No change", "No"]);
            d.card(&[]);
            d.card(&["4", "Buttock", "Tingling", "No"]);
            d.card(&["Stronger", "No"]);
        }),
        Scene::new("intro", |d| d.tap("What you need")),
        Scene::new("transition", |d| {
            d.pass_safety(false);
            d.set_up("Right", true);
            d.quiet_slump();
        }),
        Scene::new("result-stop", |d| {
            d.pass_safety(false);
            d.set_up("Right", false);
            d.card(&[]);
            d.card(&["5", "Back of knee", "Dull ache", "Yes"]);
            d.card(&["Eased"]);
            d.tap("Stop the test");
        }),
        Scene::new("exercises", |d| {
            d.nerve_check("Left");
            d.tap("Show the exercises");
        }),
        Scene::new("result-emergency", |d| {
            d.tap("New check");
            d.tap("Yes");
        }),
        Scene::with_samples("history", |d| d.tap("History")),
        Scene::with_samples("detail", |d| {
            d.tap("History");
            d.tap("Stop and consult");
        }),
        Scene::with_samples("trends", |d| {
            d.tap("History");
            d.tap("Trends");
        }),
        Scene::new("settings", |d| d.tap("Settings")),
    ]
}

fn baseline_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

/// Whether this run records the baselines (`UPDATE_SNAPSHOTS` set) instead of comparing
/// them. Never in CI (`CI` set): a run that records compares nothing, and would pass
/// whatever the screens look like.
fn recording(update: bool, ci: bool) -> Result<bool, String> {
    if update && ci {
        return Err("UPDATE_SNAPSHOTS is set while CI is set: CI compares the snapshots, it \
                    never records them; unset UPDATE_SNAPSHOTS"
            .to_string());
    }
    Ok(update)
}

/// The scenes a run draws: every one, or those `filter` names (`SNAPSHOT_SCENES`,
/// comma-separated, to rewrite a few). A name that is no scene fails: a filter that
/// matches nothing would compare nothing and pass.
fn chosen_scenes(all: Vec<Scene>, filter: Option<&str>) -> Result<Vec<Scene>, String> {
    let Some(filter) = filter else { return Ok(all) };
    let wanted: Vec<&str> = filter.split(',').collect();
    let unknown: Vec<&str> =
        wanted.iter().copied().filter(|w| !all.iter().any(|s| s.name == *w)).collect();
    if !unknown.is_empty() {
        let known: Vec<&str> = all.iter().map(|s| s.name).collect();
        return Err(format!(
            "SNAPSHOT_SCENES={filter:?} names no scene {unknown:?}; the scenes are {}",
            known.join(",")
        ));
    }
    Ok(all.into_iter().filter(|s| wanted.contains(&s.name)).collect())
}

#[test]
fn every_screen_matches_its_baseline() {
    let ci = std::env::var_os("CI").is_some();
    let update = recording(std::env::var_os("UPDATE_SNAPSHOTS").is_some(), ci)
        .unwrap_or_else(|refused| panic!("{refused}"));
    let png_dir = std::env::var_os("SNAPSHOT_PNG_DIR").map(PathBuf::from);
    let mut problems = Vec::new();

    // Phone and desktop in each theme, and the phone at 200% text. Each walk reaches
    // its scene once and is drawn in each of its themes.
    type Walk = (&'static str, (f32, f32), u16, &'static [(&'static str, ThemeChoice)]);
    let walks: [Walk; 3] = [
        (
            "phone",
            PHONE,
            100,
            &[
                ("light", ThemeChoice::Light),
                ("dark", ThemeChoice::Dark),
                ("hc", ThemeChoice::HighContrast),
            ],
        ),
        ("phone200", PHONE, 200, &[("light", ThemeChoice::Light)]),
        ("desktop", DESKTOP, 100, &[("light", ThemeChoice::Light), ("dark", ThemeChoice::Dark)]),
    ];
    // The baselines are tiny-skia's pixels: any other renderer would need baselines of
    // its own, so it is refused rather than compared against the wrong pictures.
    let backend = std::env::var("ICED_TEST_BACKEND").unwrap_or_default();
    assert_eq!(backend, "tiny-skia", "run the snapshots with ICED_TEST_BACKEND=tiny-skia");
    // SNAPSHOT_SCENES=home,intro limits a run to those scenes (to rewrite a few).
    let filter = std::env::var("SNAPSHOT_SCENES").ok();
    let chosen = chosen_scenes(scenes(), filter.as_deref()).unwrap_or_else(|e| panic!("{e}"));
    let diffs = Path::new(env!("CARGO_TARGET_TMPDIR")).join("snapshot-diffs");
    for scene in chosen {
        for (size_name, size, percent, themes) in walks {
            // Every scene saves into a data folder, so results say "Saved"; history
            // scenes start from the format samples, whose dates never change.
            let data =
                if scene.with_samples { sample_data() } else { tempfile::tempdir().expect("dir") };
            let prefs =
                Settings { theme: themes[0].1, scale_percent: percent, ..Settings::default() };
            settings::save(data.path(), &prefs).expect("settings saved");
            let mut driver = Driver::with_data_dir(size, data.path());
            (scene.reach)(&mut driver);
            for &(theme_name, choice) in themes {
                let current = driver.app.settings().clone();
                let app = std::mem::take(&mut driver.app);
                driver.app = app.with_settings(Settings { theme: choice, ..current });
                let name = format!("{}-{size_name}-{theme_name}", scene.name);
                let theme = driver.app.theme().expect("the app names its theme");
                let scale = driver.app.scale_factor();
                let mut ui = Simulator::with_size(
                    iced::Settings::default(),
                    Size::new(size.0 / scale, size.1 / scale),
                    driver.app.view(),
                );
                let snapshot = ui.snapshot(&theme).expect("the screen renders");
                if let Some(dir) = &png_dir {
                    let _ = std::fs::remove_file(dir.join(format!("{name}-tiny-skia.png")));
                    snapshot.matches_image(dir.join(&name)).expect("PNG written");
                }
                let drawn = pixels(&snapshot, &name);
                let baseline = baseline_dir().join(format!("{name}.webp"));
                if update {
                    drawn.save(&baseline).expect("baseline written");
                    continue;
                }
                match image::open(&baseline) {
                    Err(e) => problems.push(format!(
                        "{name}: no committed baseline {} ({e}); UPDATE_SNAPSHOTS=1 records one",
                        baseline.display()
                    )),
                    Ok(expected) => {
                        let expected = expected.to_rgba8();
                        if expected != drawn {
                            problems.push(write_diff(&diffs, &name, &expected, &drawn));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "snapshot problems:\n{}", problems.join("\n"));
}

#[test]
fn a_scene_filter_that_names_no_scene_fails() {
    let names = |filter| {
        chosen_scenes(scenes(), filter).map(|s| s.iter().map(|s| s.name).collect::<Vec<_>>())
    };
    assert_eq!(names(None).expect("every scene").len(), scenes().len());
    assert_eq!(names(Some("intro,home")).expect("two scenes"), ["home", "intro"]);
    for filter in ["nothing", "home,intr", "", "home,"] {
        let refused = names(Some(filter)).expect_err(filter);
        assert!(refused.contains("names no scene"), "{refused}");
    }
}

#[test]
fn ci_never_records_the_baselines() {
    assert_eq!(recording(false, false), Ok(false));
    assert_eq!(recording(true, false), Ok(true));
    assert_eq!(recording(false, true), Ok(false));
    let refused = recording(true, true).expect_err("CI refuses to record");
    assert!(refused.contains("UPDATE_SNAPSHOTS"), "{refused}");
}

/// The snapshot's pixels, by way of the PNG iced_test writes (it offers no other way).
fn pixels(snapshot: &iced_test::simulator::Snapshot, name: &str) -> image::RgbaImage {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = snapshot.matches_image(dir.path().join(name)).expect("PNG written");
    assert!(written, "a fresh path always takes the picture");
    let png = dir.path().join(format!("{name}-tiny-skia.png"));
    image::open(&png).expect("the PNG just written reads back").to_rgba8()
}

/// Writes the expected picture, what was drawn and the differing pixels (magenta on a
/// faded copy of the expected) as PNGs, and says where they are.
fn write_diff(
    dir: &Path,
    name: &str,
    expected: &image::RgbaImage,
    drawn: &image::RgbaImage,
) -> String {
    let _ = std::fs::create_dir_all(dir);
    let path = |kind: &str| dir.join(format!("{name}-{kind}.png"));
    let _ = expected.save(path("expected"));
    let _ = drawn.save(path("actual"));
    if expected.dimensions() != drawn.dimensions() {
        return format!(
            "{name}: drawn at {:?}, the baseline is {:?}; see {} and {}",
            drawn.dimensions(),
            expected.dimensions(),
            path("expected").display(),
            path("actual").display()
        );
    }
    let mut changed = 0usize;
    let diff = image::RgbaImage::from_fn(expected.width(), expected.height(), |x, y| {
        let (a, b) = (expected.get_pixel(x, y), drawn.get_pixel(x, y));
        if a == b {
            let faded = |c: u8| 192 + c / 4;
            image::Rgba([faded(a[0]), faded(a[1]), faded(a[2]), 255])
        } else {
            changed += 1;
            image::Rgba([255, 0, 255, 255])
        }
    });
    let _ = diff.save(path("diff"));
    format!(
        "{name}: {changed} pixels differ from the baseline; see {}-{{expected,actual,diff}}.png",
        dir.join(name).display()
    )
}
