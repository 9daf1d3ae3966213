//! The summaries a list needs, from the index where files are unchanged, and
//! keeping the index current.

use super::*;

impl Store {
    /// The summaries of every session, newest first, for a list or a history:
    /// files unchanged since the index was written are only checked (size, time,
    /// inode), not read; the others are read and checked in full, as by
    /// [`Store::load_all`] (and set aside, in a writable store). Notes are not
    /// read. The report lists what was left out; its `sessions` stay empty.
    pub(crate) fn summaries(&self) -> Summaries {
        self.summaries_with(!self.read_only)
    }

    pub(super) fn summaries_with(&self, set_aside: bool) -> Summaries {
        self.tidy();
        let (mut report, session_names, _) = match self.scan() {
            Ok(scan) => scan,
            Err(report) => return Summaries { sessions: Vec::new(), report: *report },
        };
        let mut index = self.read_index();
        let mut all: Vec<(PathBuf, (Option<index::Stamp>, SessionSummary))> =
            Vec::with_capacity(session_names.len());
        let mut to_parse = Vec::new();
        for name in session_names {
            let path = self.sessions.join(&name);
            match index.remove(&name) {
                Some((stamp, summary)) if index::Stamp::of(&path) == Some(stamp) => {
                    all.push((path, (Some(stamp), summary)))
                }
                _ => to_parse.push(name),
            }
        }
        // Lines left in the index are for files that are gone.
        let stale = !to_parse.is_empty() || !index.is_empty();
        let found = self.parse_names(&to_parse, set_aside, &mut report);
        all.extend(
            found.into_iter().map(|(path, session)| (path, (None, SessionSummary::of(&session)))),
        );
        let kept = keep_one_per_id(all, |(_, s)| &s.id, &mut report);
        let may_write = if self.read_only { self.index_writes } else { set_aside };
        if stale && may_write {
            self.write_index(kept.iter().map(|(path, (stamp, s))| (path.as_path(), *stamp, s)));
        }
        let mut sessions: Vec<SessionSummary> = kept.into_iter().map(|(_, (_, s))| s).collect();
        sessions.sort_by(|a, b| b.started_at.cmp(&a.started_at).then_with(|| b.id.cmp(&a.id)));
        Summaries { sessions, report }
    }

    pub(super) fn read_index(&self) -> index::Index {
        read::read_text(&self.root.join(INDEX_FILE), false, index::MAX_INDEX_BYTES)
            .ok()
            .and_then(|text| index::from_text(&text))
            .unwrap_or_default()
    }

    /// Drops the line of the file `name` from the index, where the index may be
    /// written: its reading failed, so the next list reads it again rather than
    /// trusting the line. Best effort.
    pub(super) fn forget_in_index(&self, name: &str) {
        if self.read_only && !self.index_writes {
            return;
        }
        let mut index = self.read_index();
        if index.remove(name).is_some() {
            let text = index::to_text(&index);
            let _ = fs::write_replace(self.fs.as_ref(), &self.root, INDEX_FILE, text.as_bytes());
        }
    }

    /// Rewrites the index from these sessions (file, stamp when known, summary)
    /// when it differs. Best effort: the index is a cache, rebuilt whenever it does
    /// not match.
    pub(super) fn write_index<'a>(
        &self,
        sessions: impl Iterator<Item = (&'a Path, Option<index::Stamp>, &'a SessionSummary)>,
    ) {
        let index: index::Index = sessions
            .filter_map(|(path, stamp, summary)| {
                let name = path.file_name()?.to_str()?.to_string();
                let stamp = stamp.or_else(|| index::Stamp::of(path))?;
                Some((name, (stamp, summary.clone())))
            })
            .collect();
        if self.read_index() != index {
            let text = index::to_text(&index);
            let _ = fs::write_replace(self.fs.as_ref(), &self.root, INDEX_FILE, text.as_bytes());
        }
    }
}
