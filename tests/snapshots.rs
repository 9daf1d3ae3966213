//! Pixel snapshots of every screen at phone and desktop size, light and dark.
//!
//! Baselines are SHA-256 hashes of the rendered pixels in `tests/snapshots/`. A missing
//! baseline fails under CI (iced_test would otherwise write it and pass); run with
//! `UPDATE_SNAPSHOTS=1` to write new baselines after a deliberate change, and with
//! `SNAPSHOT_PNG_DIR=DIR` to also save every screen as a PNG for review.

mod common;

use std::path::{Path, PathBuf};

use common::{DESKTOP, Driver, PHONE};
use iced::{Settings, Size, Theme};
use iced_test::Simulator;

/// A named screen state, reached by tapping through the app.
struct Scene {
    name: &'static str,
    reach: fn(&mut Driver),
}

fn scenes() -> Vec<Scene> {
    vec![
        Scene { name: "home", reach: |_| {} },
        Scene { name: "safety", reach: |d| d.tap("New check") },
        Scene {
            name: "setup",
            reach: |d| {
                d.pass_safety(false);
                d.tap("Right");
            },
        },
        Scene {
            name: "card-a2",
            reach: |d| {
                d.pass_safety(false);
                d.set_up("Right", true);
                d.card(&[]);
                d.tap_all(&["6", "Back of knee", "Burning"]);
            },
        },
        Scene {
            name: "card-a5",
            reach: |d| {
                d.pass_safety(false);
                d.set_up("Right", false);
                d.card(&[]);
                d.card(&["0"]);
                d.card(&["Eased"]);
                d.card(&["Stronger"]);
            },
        },
        Scene {
            name: "card-b3",
            reach: |d| {
                d.pass_safety(false);
                d.set_up("Left", false);
                d.card(&[]);
                d.card(&["0"]);
                for _ in 0..4 {
                    d.card(&["No change"]);
                }
                d.card(&[]);
                d.card(&["3", "Back of thigh", "Stretch or pull", "No"]);
                d.tap("Stronger");
            },
        },
        Scene {
            name: "result-nerve",
            reach: |d| {
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
            },
        },
        Scene {
            name: "result-emergency",
            reach: |d| {
                d.tap("New check");
                d.tap("Yes");
            },
        },
    ]
}

fn baseline_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

#[test]
fn every_screen_matches_its_baseline() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let in_ci = std::env::var_os("CI").is_some();
    let png_dir = std::env::var_os("SNAPSHOT_PNG_DIR").map(PathBuf::from);
    let mut problems = Vec::new();

    for scene in scenes() {
        for (size_name, size) in [("phone", PHONE), ("desktop", DESKTOP)] {
            let mut driver = Driver::new(size);
            (scene.reach)(&mut driver);
            for (theme_name, theme) in [("light", Theme::Light), ("dark", Theme::Dark)] {
                let name = format!("{}-{size_name}-{theme_name}", scene.name);
                let mut ui = Simulator::with_size(
                    Settings::default(),
                    Size::new(size.0, size.1),
                    driver.app.view(),
                );
                let snapshot = ui.snapshot(&theme).expect("the screen renders");
                if let Some(dir) = &png_dir {
                    let _ = std::fs::remove_file(dir.join(format!("{name}-tiny-skia.png")));
                    snapshot.matches_image(dir.join(&name)).expect("PNG written");
                }
                let path = baseline_dir().join(&name);
                let hash_file = baseline_dir().join(format!("{name}-tiny-skia.sha256"));
                if update {
                    let _ = std::fs::remove_file(&hash_file);
                } else if !hash_file.exists() {
                    if in_ci {
                        problems.push(format!("{name}: no committed baseline"));
                        continue;
                    }
                    eprintln!("writing a new baseline for {name}");
                }
                if !snapshot.matches_hash(&path).expect("baseline readable") {
                    problems.push(format!("{name}: differs from its baseline"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "snapshot problems:\n{}", problems.join("\n"));
}
