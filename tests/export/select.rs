//! Choosing sessions by date and id, the export formats, and writing export files.

use crate::support::build::*;
use chrono::NaiveDate;
use tension_check::export::select::{Selection, select_entries, select_sessions};
use tension_check::export::{Entry, ExportError, Format, UnknownFormat, write};
use tension_check::store::SessionId;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
}

fn ids<'a>(sessions: impl IntoIterator<Item = &'a tension_check::store::Session>) -> Vec<String> {
    sessions.into_iter().map(|s| s.id.to_string()).collect()
}

#[test]
fn dates_are_inclusive_and_by_the_local_date_of_the_start() {
    let sessions = vec![
        rated("a", "2026-03-01T09:00:00+01:00", 4, 2),
        // 23:30 local on 2 March is already 3 March in UTC: it counts for 2 March.
        rated("b", "2026-03-02T23:30:00-05:00", 4, 2),
        rated("c", "2026-03-03T00:10:00+01:00", 4, 2),
        rated("d", "2026-03-10T12:00:00+00:00", 4, 2),
    ];
    let between = |from: Option<&str>, to: Option<&str>| {
        let selection = Selection { from: from.map(date), to: to.map(date), ids: vec![] };
        ids(select_sessions(&sessions, &selection))
    };
    assert_eq!(between(None, None), ["a", "b", "c", "d"]);
    assert_eq!(between(Some("2026-03-02"), Some("2026-03-02")), ["b"]);
    assert_eq!(between(Some("2026-03-01"), Some("2026-03-03")), ["a", "b", "c"]);
    assert_eq!(between(Some("2026-03-03"), None), ["c", "d"]);
    assert_eq!(between(None, Some("2026-03-01")), ["a"]);
    assert!(between(Some("2026-04-01"), None).is_empty());
}

#[test]
fn ids_narrow_the_selection_and_missing_ids_are_reported() {
    let sessions = fixtures();
    let wanted = SessionId::parse("20261127T130240Z-04be71d9").expect("id");
    let unknown = SessionId::parse("20990101T000000Z-deadbeef").expect("id");
    let selection = Selection { ids: vec![wanted.clone(), unknown.clone()], ..Selection::all() };
    assert_eq!(ids(select_sessions(&sessions, &selection)), [wanted.to_string()]);
    assert_eq!(selection.missing_ids(&sessions), [unknown]);
    let entries: Vec<Entry> = sessions.iter().map(Entry::from).collect();
    let with_dates = Selection { from: Some(date("2026-11-28")), ..selection };
    assert!(select_entries(&entries, &with_dates).is_empty());
}

#[test]
fn write_never_overwrites_unless_told_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.html");
    assert_eq!(write(&path, b"first", false).expect("written"), path);
    let again = write(&path, b"second", false);
    assert!(matches!(again, Err(ExportError::Exists { .. })), "{again:?}");
    assert_eq!(std::fs::read(&path).expect("read"), b"first");
    write(&path, b"second", true).expect("replaced");
    assert_eq!(std::fs::read(&path).expect("read"), b"second");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["report.html"]);

    let missing = write(&dir.path().join("no/such/report.csv"), b"x", false);
    assert!(matches!(missing, Err(ExportError::NoFolder { .. })), "{missing:?}");
    let folder = write(dir.path(), b"x", true);
    assert!(matches!(folder, Err(ExportError::IsFolder { .. })), "{folder:?}");
}

#[test]
fn every_format_reads_back_from_its_name_and_no_other_name_is_one() {
    for format in Format::ALL {
        assert_eq!(Format::parse(format.name()), Ok(format));
        assert_eq!(format.name().to_uppercase().parse::<Format>(), Ok(format));
        assert_eq!(format.to_string(), format.name());
    }
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["pdf", "html", "csv", "ron"]);
    for unknown in ["", "docx", "xlsx", "csvx", "backup", "pdf html"] {
        assert_eq!(Format::parse(unknown), Err(UnknownFormat(unknown.to_string())), "{unknown:?}");
    }
    assert_eq!(
        Format::parse("docx").map_err(|e| e.to_string()),
        Err("Unknown format \"docx\"; use pdf, html, csv or ron".to_string())
    );
}

#[test]
fn a_file_format_has_its_own_extension_and_a_backup_none() {
    let extensions: Vec<Option<&str>> = Format::ALL.iter().map(|f| f.extension()).collect();
    assert_eq!(extensions, [Some("pdf"), Some("html"), Some("csv"), None]);
    let mut labels: Vec<&str> = Format::ALL.iter().map(|f| f.label()).collect();
    labels.dedup();
    assert_eq!(labels.len(), Format::ALL.len(), "each format has its own label");
}
