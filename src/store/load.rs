//! Reading every session in full: each file checked, damaged ones set aside,
//! newer ones left, duplicates listed once; spread over the cores.

use super::*;

impl Store {
    /// Reads every session in `sessions/`, newest first, with their notes.
    ///
    /// Each file is read only if it is a regular file (not through a link), up to
    /// a size cap, and checked against [`Session::validate`]. A file that does not
    /// read as a session is moved, untouched, into `quarantine/` (under a new name
    /// if that one is taken) and listed; in a read-only store it is listed and left
    /// where it is. A file from a newer format version is left in place and listed
    /// as newer. A second file holding an id already listed is listed as a
    /// duplicate and left in place. Everything else still loads.
    pub(crate) fn load_all(&self) -> LoadReport {
        self.load(!self.read_only)
    }

    pub(super) fn load(&self, set_aside: bool) -> LoadReport {
        let (mut report, session_names, mut notes) = match self.scan() {
            Ok(scan) => scan,
            Err(report) => return *report,
        };
        let found = self.parse_names(&session_names, set_aside, &mut report);
        let kept = keep_one_per_id(found, |s| &s.id, &mut report);
        for (path, session) in kept {
            let note = notes
                .remove(&session.id.note_file_name())
                .and_then(|note_path| self.load_note_file(&note_path, set_aside, &mut report));
            report.sessions.push(LoadedSession { session, path, note });
        }
        report.sessions.sort_by(|a, b| {
            b.session
                .started_at
                .cmp(&a.session.started_at)
                .then_with(|| b.session.id.cmp(&a.session.id))
        });
        if set_aside && !self.read_only {
            let summaries: Vec<SessionSummary> =
                report.sessions.iter().map(|l| SessionSummary::of(&l.session)).collect();
            let paths = report.sessions.iter().map(|l| l.path.as_path());
            self.write_index(paths.zip(&summaries).map(|(path, s)| (path, None, s)));
        }
        report
    }

    /// The report to fill, the session file names and the note files in
    /// `sessions/`, or the report of why the folder cannot be read.
    #[allow(clippy::type_complexity)]
    pub(super) fn scan(
        &self,
    ) -> Result<(LoadReport, Vec<String>, BTreeMap<String, PathBuf>), Box<LoadReport>> {
        let mut report = LoadReport::empty(self.quarantine.clone());
        report.warnings = self.warnings.clone();
        let names = match list_ron_files(&self.sessions) {
            Ok(listing) => {
                report.unreadable.extend(listing.odd_problems().map(|p| Problem {
                    reason: format!("{}; it was left where it is", p.reason),
                    ..p
                }));
                listing.names
            }
            // A read-only store of a folder with no sessions yet.
            Err(e) if e.kind() == io::ErrorKind::NotFound && self.read_only => {
                return Err(Box::new(report));
            }
            Err(e) => {
                report
                    .unreadable
                    .push(Problem { path: self.sessions.clone(), reason: error::plain(&e) });
                report.unknown.push(self.sessions.clone());
                report.unlisted = true;
                return Err(Box::new(report));
            }
        };
        let (note_names, session_names): (Vec<String>, Vec<String>) =
            names.into_iter().partition(|name| is_note_file(name));
        let notes = note_names
            .into_iter()
            .map(|name| {
                let path = self.sessions.join(&name);
                (name, path)
            })
            .collect();
        Ok((report, session_names, notes))
    }

    /// Reads and checks the session files `names`; returns those that load and
    /// reports (and, with `set_aside`, moves into quarantine) the others.
    pub(super) fn parse_names(
        &self,
        names: &[String],
        set_aside: bool,
        report: &mut LoadReport,
    ) -> Vec<(PathBuf, Session)> {
        // Reading and parsing is most of the work: spread it over the cores. Moving
        // files into quarantine stays sequential, below.
        let paths: Vec<PathBuf> = names.iter().map(|n| self.sessions.join(n)).collect();
        let parsed = parse_in_parallel(self.fs.as_ref(), &paths);
        let mut found: Vec<(PathBuf, Session)> = Vec::new();
        for (path, parsed) in paths.into_iter().zip(parsed) {
            let (text, parsed) = match parsed {
                Parsed::Failed(e) if e.is_damaged() => {
                    self.quarantine_file(&path, e.reason(), set_aside, report);
                    continue;
                }
                Parsed::Failed(e) => {
                    if matches!(e, ReadError::Io(_)) {
                        report.unknown.push(path.clone());
                    }
                    report.unreadable.push(Problem {
                        path,
                        reason: format!("{}; it was left where it is", e.reason()),
                    });
                    continue;
                }
                Parsed::Panicked => {
                    report.unreadable.push(Problem {
                        path,
                        reason: "reading it failed unexpectedly; it was left where it is".into(),
                    });
                    continue;
                }
                Parsed::Text(text, parsed) => (text, parsed),
            };
            match *parsed {
                Ok(session) if session.format_version > FORMAT_VERSION => {
                    report.newer.push(NewerFile {
                        path,
                        format_version: session.format_version,
                        session: Some(session),
                    });
                }
                Ok(session) => found.push((path, session)),
                Err(err) => match session::probe_format_version(&text) {
                    Some(version) if version > FORMAT_VERSION => {
                        report.newer.push(NewerFile {
                            path,
                            format_version: version,
                            session: None,
                        });
                    }
                    _ => self.quarantine_file(&path, err.to_string(), set_aside, report),
                },
            }
        }
        found
    }

    /// Reads a note file; sets it aside if it does not parse (unless it is from a
    /// newer version, then it is left and listed as newer).
    pub(super) fn load_note_file(
        &self,
        path: &Path,
        set_aside: bool,
        report: &mut LoadReport,
    ) -> Option<Note> {
        let text = match self.read_here(path, MAX_NOTE_FILE_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_damaged() => {
                self.quarantine_file(path, e.reason(), set_aside, report);
                return None;
            }
            Err(e) => {
                report.unreadable.push(Problem {
                    path: path.to_path_buf(),
                    reason: format!("{}; it was left where it is", e.reason()),
                });
                return None;
            }
        };
        match Note::from_ron(&text) {
            Ok(note) => Some(note),
            Err(err) => {
                match session::probe_format_version(&text) {
                    Some(version) if version > NOTE_FORMAT_VERSION => {
                        report.newer.push(NewerFile {
                            path: path.to_path_buf(),
                            format_version: version,
                            session: None,
                        })
                    }
                    _ => self.quarantine_file(path, err.to_string(), set_aside, report),
                }
                None
            }
        }
    }

    /// Moves a damaged note file into quarantine (best effort: it is left where it
    /// is if it cannot be moved).
    pub(super) fn set_aside_note(&self, path: &Path, reason: String) {
        let mut report = LoadReport::empty(self.quarantine.clone());
        self.quarantine_file(path, reason, true, &mut report);
    }

    /// Moves a damaged file into quarantine, or (when `move_it` is false, as in a
    /// read-only store) only reports it.
    pub(super) fn quarantine_file(
        &self,
        path: &Path,
        reason: String,
        move_it: bool,
        report: &mut LoadReport,
    ) {
        if !move_it {
            report.unreadable.push(Problem {
                path: path.to_path_buf(),
                reason: format!("{reason}; it was left where it is"),
            });
            return;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match moves::move_no_clobber(self.fs.as_ref(), path, &self.quarantine, &name) {
            Ok(to) => report.quarantined.push(Quarantined { from: path.to_path_buf(), to, reason }),
            Err(e) => report.unreadable.push(Problem {
                path: path.to_path_buf(),
                reason: format!(
                    "{reason}; it could not be moved to {}: {}; it was left where it is",
                    shown(&self.quarantine),
                    error::plain(&e)
                ),
            }),
        }
    }
}

/// One entry per id: the file named after its id wins, then the first name; the
/// others are reported as duplicates and left in place.
pub(super) fn keep_one_per_id<T>(
    mut found: Vec<(PathBuf, T)>,
    id_of: impl Fn(&T) -> &SessionId,
    report: &mut LoadReport,
) -> Vec<(PathBuf, T)> {
    found.sort_by(|(a_path, a), (b_path, b)| {
        id_of(a)
            .cmp(id_of(b))
            .then_with(|| named_after_id(b_path, id_of(b)).cmp(&named_after_id(a_path, id_of(a))))
            .then_with(|| a_path.cmp(b_path))
    });
    let mut kept: Vec<(PathBuf, T)> = Vec::with_capacity(found.len());
    for (path, item) in found {
        if let Some((kept_path, last)) = kept.last()
            && id_of(last) == id_of(&item)
        {
            report.duplicates.push(Problem {
                reason: format!(
                    "it holds session {}, which is already listed from {}; it was left as it is",
                    id_of(&item),
                    shown(&kept_path)
                ),
                path,
            });
            continue;
        }
        kept.push((path, item));
    }
    kept
}

/// Whether the file at `path` is named `<id>.ron`.
pub(super) fn named_after_id(path: &Path, id: &SessionId) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy() == id.file_name())
}

/// The `.ron` entries of a folder.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// The names of the `.ron` entries (not temp or hidden files), sorted.
    pub(crate) names: Vec<String>,
    /// Entries whose names end in `.ron` but are not UTF-8 text: no session can be
    /// named so, and the store cannot name them as one, so they are reported.
    pub(crate) odd: Vec<PathBuf>,
}

/// The reason given for an entry whose name is not UTF-8 text.
pub(crate) const NOT_UTF8_NAME: &str =
    "its name is not valid UTF-8 text, so it cannot be read as a session file";

impl Listing {
    /// The odd names as problems, for a report.
    pub(crate) fn odd_problems(&self) -> impl Iterator<Item = Problem> + '_ {
        self.odd.iter().map(|path| Problem { path: path.clone(), reason: NOT_UTF8_NAME.into() })
    }
}

/// The `.ron` entries in `dir` (not temp or hidden files), sorted, and those whose
/// names are not UTF-8. Entries of every type are listed, so links, folders and
/// named pipes with such names are reported by whoever reads them rather than
/// skipped in silence.
pub(crate) fn list_ron_files(dir: &Path) -> io::Result<Listing> {
    let mut listing = Listing::default();
    for entry in stdfs::read_dir(dir)? {
        let entry = entry?;
        let name = match entry.file_name().into_string() {
            Ok(name) => name,
            Err(raw) => {
                let bytes = raw.as_encoded_bytes();
                if !bytes.starts_with(b".") && bytes.ends_with(b".ron") {
                    listing.odd.push(entry.path());
                }
                continue;
            }
        };
        if name.starts_with('.') || !name.ends_with(".ron") {
            continue;
        }
        listing.names.push(name);
    }
    listing.names.sort();
    listing.odd.sort();
    Ok(listing)
}

/// A session file, read and parsed.
pub(super) enum Parsed {
    Failed(ReadError),
    Panicked,
    Text(String, Box<Result<Session, FileError>>),
}

pub(super) fn parse_one(fs: &dyn Fs, path: &Path) -> Parsed {
    // Parsing cannot panic on bad input, but if it ever did, that one file is
    // reported and left in place rather than taking the whole list down.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        match read_text_with(fs, path, MAX_SESSION_FILE_BYTES) {
            Ok(text) => {
                let parsed = Session::from_ron(&text);
                Parsed::Text(text, Box::new(parsed))
            }
            Err(e) => Parsed::Failed(e),
        }
    }))
    .unwrap_or(Parsed::Panicked)
}

/// Reads and parses `paths` on every core, keeping their order.
pub(super) fn parse_in_parallel(fs: &dyn Fs, paths: &[PathBuf]) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || paths.len() < 64 {
        return paths.iter().map(|p| parse_one(fs, p)).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|p| parse_one(fs, p)).collect::<Vec<_>>())
            })
            .collect();
        let mut out = Vec::with_capacity(paths.len());
        for (handle, part) in handles.into_iter().zip(paths.chunks(chunk)) {
            match handle.join() {
                Ok(parsed) => out.extend(parsed),
                // Not retried here, where it would fail the same way: reported.
                Err(_) => out.extend(part.iter().map(|_| Parsed::Panicked)),
            }
        }
        out
    })
}
