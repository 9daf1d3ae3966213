//! Summaries of saved sessions, and the rebuildable index that keeps them.
//!
//! `index.tsv` in the data folder holds one line per session file: its name, size,
//! modification time, change time and inode, and the few fields a list needs. It
//! is a cache: the session files stay the only truth. A file whose size, times or
//! inode differ from its line (or that has no line) is read and checked in full; a
//! line whose file is gone is dropped. A damaged or unknown index is ignored and
//! rebuilt. A writable store rewrites it after loading; a read-only one only reads
//! it, unless it was opened to keep the index ([`super::Store::keeping_index`]).
//!
//! The change time (ctime) is the cheap check of the content: the system sets it
//! to the current time whenever the file's bytes or times are changed, and no
//! ordinary call can set it back, so a byte changed in place with the size and the
//! modification time put back still makes the file read again. What it cannot see:
//! a change written to the disk below the file system, or made while the system
//! clock was set back to the very nanosecond of the old change time. A file whose
//! reading fails is dropped from the index, so the next list reads it again.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::core::{Leg, StepId, Strength, Tier};

use super::session::{MAX_LEGS, Session, SessionId};

/// The name of the index file in the data folder.
pub const INDEX_FILE: &str = "index.tsv";
/// The largest index read, in bytes (10,000 sessions take about 1 MB).
pub const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;
const HEADER: &str = "tension-check session index 4";

/// What a list of sessions needs to know about one, without its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    /// The session's id.
    pub id: SessionId,
    /// When the check started, with the local offset at the time.
    pub started_at: DateTime<FixedOffset>,
    /// The stored result's tier.
    pub tier: Tier,
    /// The stored result's strength, where the rules grade one.
    pub strength: Option<Strength>,
    /// The highest intensity rated in the session, on any leg and step.
    pub peak: Option<u8>,
    /// The legs tested, in order, each with the ratings a trend follows. Held in
    /// place, not on the heap: a summary is one small block, so 10,000 of them are a
    /// few hundred KiB in one piece.
    legs: [Option<LegRatings>; MAX_LEGS],
}

/// The ratings of one leg that a trend follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegRatings {
    /// The leg.
    pub leg: Leg,
    /// Whether it was the reference leg (the one that does not bother the person).
    pub reference: bool,
    /// The slump test's intensity (A2), 0 to 10.
    pub slump: Option<u8>,
    /// The hamstring stretch's intensity (B2), 0 to 10.
    pub stretch: Option<u8>,
}

impl SessionSummary {
    /// The summary of a session.
    pub fn of(session: &Session) -> SessionSummary {
        let ratings = session.check.legs.iter().map(|r| LegRatings {
            leg: r.leg,
            reference: r.reference,
            slump: r.intensity(StepId::A2),
            stretch: r.intensity(StepId::B2),
        });
        SessionSummary {
            id: session.id.clone(),
            started_at: session.started_at,
            tier: session.outcome.tier,
            strength: session.outcome.strength,
            peak: session.check.legs.iter().filter_map(|r| r.peak()).max(),
            // A stored session has at most two legs (checked on load); a third,
            // which only a session made in memory could have, is left out.
            legs: pack(ratings).0,
        }
    }

    /// The legs tested, in order (at most two).
    pub fn legs(&self) -> impl Iterator<Item = Leg> + '_ {
        self.ratings().map(|r| r.leg)
    }

    /// The ratings a trend follows, one entry per leg, in the order of [`Self::legs`].
    pub fn ratings(&self) -> impl Iterator<Item = &LegRatings> + '_ {
        self.legs.iter().flatten()
    }
}

/// Up to [`MAX_LEGS`] ratings in place, and whether any were left out.
fn pack(ratings: impl IntoIterator<Item = LegRatings>) -> ([Option<LegRatings>; MAX_LEGS], bool) {
    let mut legs = [None; MAX_LEGS];
    let mut over = false;
    for (n, rating) in ratings.into_iter().enumerate() {
        match legs.get_mut(n) {
            Some(slot) => *slot = Some(rating),
            None => over = true,
        }
    }
    (legs, over)
}

/// What identifies one version of a file: if any of it changes, the file is read
/// again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
    /// The stamp of a regular file (a link is not followed), `None` otherwise.
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.file_type().is_file() {
            return None;
        }
        let modified = meta.modified().ok()?;
        let modified_ns = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        };
        #[cfg(unix)]
        let (inode, changed_ns) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (inode, changed_ns) = (0, 0);
        Some(Stamp { len: meta.len(), modified_ns, changed_ns, inode })
    }
}

/// The index: file name to stamp and summary.
pub(crate) type Index = BTreeMap<String, (Stamp, SessionSummary)>;

fn tier_code(tier: Tier) -> usize {
    Tier::ALL.iter().position(|t| *t == tier).unwrap_or(Tier::ALL.len() - 1)
}

fn strength_code(strength: Option<Strength>) -> &'static str {
    match strength {
        None => "-",
        Some(Strength::Strong) => "S",
        Some(Strength::Moderate) => "M",
        Some(Strength::Limited) => "L",
    }
}

/// The index as text.
pub(crate) fn to_text(index: &Index) -> String {
    let mut out = String::with_capacity(index.len() * 120 + 64);
    out.push_str(HEADER);
    out.push('\n');
    for (name, (stamp, s)) in index {
        if name.contains(['\t', '\n', '\r']) {
            continue;
        }
        let legs: String = s.legs().map(|leg| if leg == Leg::Left { 'L' } else { 'R' }).collect();
        // The start time as whole numbers (seconds, nanoseconds, offset in
        // seconds): much quicker to read back than RFC 3339 text.
        let ratings: Vec<String> = s
            .ratings()
            .map(|r| {
                format!(
                    "{}.{}.{}",
                    if r.reference { 'r' } else { 'b' },
                    number(r.slump),
                    number(r.stretch)
                )
            })
            .collect();
        out.push_str(&format!(
            "{name}\t{}\t{}\t{}\t{}\t{}\t{} {} {}\t{legs}\t{}\t{}\t{}\t{}\n",
            stamp.len,
            stamp.modified_ns,
            stamp.changed_ns,
            stamp.inode,
            s.id,
            s.started_at.timestamp(),
            s.started_at.timestamp_subsec_nanos(),
            s.started_at.offset().local_minus_utc(),
            tier_code(s.tier),
            strength_code(s.strength),
            number(s.peak),
            ratings.join(","),
        ));
    }
    out
}

/// Reads index text; `None` if it is not an index this build writes. Lines that do
/// not read are left out (their files are then read in full).
pub(crate) fn from_text(text: &str) -> Option<Index> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut index = Index::new();
    for line in lines {
        if let Some((name, entry)) = parse_line(line) {
            index.insert(name, entry);
        }
    }
    Some(index)
}

fn parse_line(line: &str) -> Option<(String, (Stamp, SessionSummary))> {
    let mut f = line.split('\t');
    let name = f.next()?.to_string();
    let len = f.next()?.parse().ok()?;
    let modified_ns = f.next()?.parse().ok()?;
    let changed_ns = f.next()?.parse().ok()?;
    let inode = f.next()?.parse().ok()?;
    let id = SessionId::parse(f.next()?).ok()?;
    let mut time = f.next()?.split(' ');
    let secs: i64 = time.next()?.parse().ok()?;
    let nanos: u32 = time.next()?.parse().ok()?;
    let offset = FixedOffset::east_opt(time.next()?.parse().ok()?)?;
    let started_at = DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset);
    let legs: Vec<Leg> = f
        .next()?
        .chars()
        .map(|c| match c {
            'L' => Some(Leg::Left),
            'R' => Some(Leg::Right),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if legs.len() > MAX_LEGS || (legs.len() == 2 && legs[0] == legs[1]) {
        return None;
    }
    let tier = *Tier::ALL.get(f.next()?.parse::<usize>().ok()?)?;
    let strength = match f.next()? {
        "-" => None,
        "S" => Some(Strength::Strong),
        "M" => Some(Strength::Moderate),
        "L" => Some(Strength::Limited),
        _ => return None,
    };
    let peak = read_number(f.next()?)?;
    let ratings_text = f.next()?;
    let ratings: Vec<LegRatings> = if ratings_text.is_empty() {
        Vec::new()
    } else {
        ratings_text
            .split(',')
            .zip(&legs)
            .map(|(item, leg)| {
                let mut parts = item.split('.');
                let reference = match parts.next()? {
                    "r" => true,
                    "b" => false,
                    _ => return None,
                };
                let slump = read_number(parts.next()?)?;
                let stretch = read_number(parts.next()?)?;
                parts.next().is_none().then_some(LegRatings {
                    leg: *leg,
                    reference,
                    slump,
                    stretch,
                })
            })
            .collect::<Option<_>>()?
    };
    if ratings.len() != legs.len() || f.next().is_some() {
        return None;
    }
    let (legs, over) = pack(ratings);
    if over {
        return None;
    }
    let summary = SessionSummary { id, started_at, tier, strength, peak, legs };
    Some((name, (Stamp { len, modified_ns, changed_ns, inode }, summary)))
}

/// An intensity 0-10 as text, `-` for none.
fn number(value: Option<u8>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// Reads [`number`]'s text: `Some(None)` for `-`, `None` if it is not a rating.
fn read_number(text: &str) -> Option<Option<u8>> {
    match text {
        "-" => Some(None),
        text => text.parse::<u8>().ok().filter(|v| *v <= crate::core::MAX_INTENSITY).map(Some),
    }
}
