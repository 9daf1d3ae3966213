//! The errors of the store, worded so they can be shown to a person as they are.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use super::Problem;
use super::session::SessionId;

/// Something the store could not do. Every message is a plain sentence that names
/// the file or folder involved and says what went wrong.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The data folder or one of its subfolders could not be created or opened.
    #[error("Could not prepare the data folder {}: {}", shown(&path), plain(source))]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// A session could not be written to disk. Nothing was left under its name.
    #[error("Could not save the session to {}: {}", shown(&path), plain(source))]
    Save {
        /// The file the session was meant to go to.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// A session with this id is already saved; saved sessions are never overwritten.
    #[error("A session with id {id} is already saved at {}; it was left as it is", shown(&path))]
    AlreadySaved {
        /// The id.
        id: SessionId,
        /// The file that already holds it.
        path: PathBuf,
    },
    /// A session or note could not be turned into text.
    #[error("Could not write {what} as text: {message}")]
    Serialize {
        /// What was being written, such as "the session 2026…".
        what: String,
        /// What the serializer reported.
        message: String,
    },
    /// There is no saved session with this id.
    #[error("There is no saved session with id {id}")]
    NotFound {
        /// The id.
        id: SessionId,
    },
    /// There is no deleted session with this id in the trash.
    #[error("There is no deleted session with id {id} in the trash to bring back")]
    NotInTrash {
        /// The id.
        id: SessionId,
    },
    /// A note could not be saved. The previous note, if any, is unchanged.
    #[error("Could not save the note to {}: {}", shown(&path), plain(source))]
    Note {
        /// The note file.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// A note file exists but could not be read.
    #[error("Could not read the note {}: {message}", shown(&path))]
    NoteUnreadable {
        /// The note file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A file could not be moved (to the trash, back from it, or to quarantine).
    #[error("Could not move {} to {}: {}", shown(&from), shown(&to), plain(source))]
    Move {
        /// Where the file was.
        from: PathBuf,
        /// Where it was meant to go.
        to: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// A backup could not be written.
    #[error("Could not copy {} into the backup folder {}: {}", shown(&from), shown(&to), plain(source))]
    Export {
        /// The file being copied.
        from: PathBuf,
        /// The backup folder.
        to: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// A folder or file could not be read.
    #[error("Could not read {}: {}", shown(&path), plain(source))]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// No data folder was given and none could be found for this user.
    #[error(
        "Could not find a folder for the app's data because this user has no home folder. \
         Start the app with --data-dir <folder>, or set TENSION_CHECK_DATA_DIR to a folder."
    )]
    NoDataDir,
    /// The store was opened read-only and was asked to change something.
    #[error("The data folder {} was opened to read only; nothing was changed", shown(&path))]
    ReadOnly {
        /// The data folder.
        path: PathBuf,
    },
    /// A symbolic link where the store keeps its own files or folders; links inside
    /// the data folder are never followed or written through.
    #[error(
        "{} is a symbolic link; links inside the data folder are not followed, so it was left as it is",
        shown(&path)
    )]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// A file could be opened but not read as a session.
    #[error("Could not read {}: {reason}", shown(&path))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, in plain words that quote no content.
        reason: String,
    },
    /// A backup was not written because some files could not be read.
    #[error("{}", backup_message(dest, problems))]
    Backup {
        /// The backup folder that was not written.
        dest: PathBuf,
        /// The files that could not be read, and why.
        problems: Vec<Problem>,
    },
    /// There is no place to keep sessions; the reason is a plain sentence.
    #[error("{reason}")]
    Unavailable {
        /// Why, such as "Could not prepare the data folder /x: permission denied".
        reason: String,
    },
    /// There is no set-aside entry with this name.
    #[error("There is no set-aside file named \"{name}\"")]
    NotSetAside {
        /// The name asked for (escaped and shortened).
        name: String,
    },
    /// A file could not be removed.
    #[error("Could not remove {}: {}", shown(&path), plain(source))]
    Remove {
        /// The file.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// The check in progress could not be kept (or dropped). Nothing saved is
    /// touched by this.
    #[error("Could not keep the check in progress in {}: {}", shown(path), plain(source))]
    Draft {
        /// The draft file.
        path: PathBuf,
        /// What the system reported.
        #[source]
        source: io::Error,
    },
    /// An empty folder name was given with --data-dir.
    #[error("The folder given with --data-dir is empty; give the path of a folder")]
    EmptyDataDir,
}

fn backup_message(dest: &std::path::Path, problems: &[Problem]) -> String {
    let list: Vec<String> =
        problems.iter().map(|p| format!("{} ({})", shown(&p.path), p.reason)).collect();
    let files = if problems.len() == 1 { "1 file" } else { "files" };
    format!(
        "Nothing was written to {}: {} could not be read: {}",
        shown(&dest),
        if problems.len() == 1 { files.to_string() } else { format!("{} {files}", problems.len()) },
        list.join("; ")
    )
}

/// The plain-words reason for an I/O error, such as "the disk is full".
pub fn plain(err: &io::Error) -> String {
    use io::ErrorKind as K;
    let words = match err.kind() {
        K::NotFound => "the file or folder does not exist",
        K::PermissionDenied => "permission was denied",
        K::AlreadyExists => "a file with that name already exists",
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is used up",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::FileTooLarge => "the file is too large",
        K::NotADirectory => "part of the path is a file, not a folder",
        K::IsADirectory => "it is a folder, not a file",
        K::Interrupted => "the operation was interrupted",
        K::TimedOut => "the operation timed out",
        K::WriteZero => "the disk accepted no more data",
        K::UnexpectedEof => "the file ended too early",
        K::InvalidData => "the data is not valid",
        K::Unsupported => "this disk does not support the operation",
        K::CrossesDevices => "the two places are on different disks",
        _ => return format!("the system reported: {err}"),
    };
    words.to_string()
}

/// Whether `c` is shown escaped by [`escaped`]: control characters (C0, DEL, C1),
/// the bidirectional controls, the line and paragraph separators and the byte
/// order mark, none of which a person can see and all of which can move the
/// cursor, change the terminal or reorder what is shown.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
        )
}

/// The one escaping rule for everything printed (names, notes, versions, reasons):
/// the text as it is, with each character of [`is_hidden`] written as Rust writes
/// it escaped (`\n`, `\t`, `\u{1b}`, `\u{202e}`), so that no file name or note can
/// forge a line, set the terminal's title or turn text around.
pub fn escaped(text: &str) -> String {
    if !text.chars().any(is_hidden) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`escaped`], keeping line breaks (`\n`) as they are: for text of several
/// lines the app itself lays out, such as a note shown in full.
pub fn escaped_lines(text: &str) -> String {
    text.split('\n').map(escaped).collect::<Vec<_>>().join("\n")
}

/// A path for a message, escaped by the rule of [`escaped`]; bytes that are not
/// UTF-8 text are shown as `\xNN`.
pub fn shown(path: &(impl AsRef<std::path::Path> + ?Sized)) -> String {
    let bytes = path.as_ref().as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&escaped(chunk.valid()));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}
