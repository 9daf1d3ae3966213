//! Reading files safely: regular files only, never blocking on a named pipe, with a
//! size cap, and (inside the data folder) never through a symbolic link.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::error::plain;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The system refused or failed.
    Io(io::Error),
    /// It is a symbolic link, which the store does not follow.
    Symlink,
    /// It is not a regular file: a folder, a named pipe, a device or a socket.
    NotAFile(&'static str),
    /// It is larger than the cap, in bytes.
    TooLarge {
        /// The cap.
        limit: u64,
    },
    /// Its bytes are not UTF-8 text.
    NotText,
}

impl ReadError {
    /// Whether the file itself is damaged (too large or not text): such files are
    /// set aside like any file that does not parse.
    pub fn is_damaged(&self) -> bool {
        matches!(self, ReadError::TooLarge { .. } | ReadError::NotText)
    }

    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// The reason in plain words, such as "it is a named pipe (FIFO), not a file".
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io(e) => plain(e),
            ReadError::Symlink => {
                "it is a symbolic link, which is not followed inside the data folder".to_string()
            }
            ReadError::NotAFile(what) => format!("it is {what}, not a regular file"),
            ReadError::TooLarge { limit } => {
                format!("it is larger than {} KB, far more than any session", limit / 1024)
            }
            ReadError::NotText => NOT_TEXT.to_string(),
        }
    }
}

/// The reason given for a file of binary data.
pub const NOT_TEXT: &str = "it holds binary data, not text";

fn kind_of(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    Some("something other than a file")
}

/// Opens `path` for reading without blocking (a named pipe opens at once) and,
/// unless `follow` is set, without following a symbolic link as the last part.
fn open(path: &Path, follow: bool) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
        if !follow {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    if !follow && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(ReadError::Symlink);
    }
    match options.open(path) {
        Ok(file) => Ok(file),
        Err(e) => {
            #[cfg(unix)]
            if !follow && e.raw_os_error() == Some(libc::ELOOP) {
                return Err(ReadError::Symlink);
            }
            // Some systems refuse to open a socket or a device; name it rather than
            // report a puzzling system error.
            if let Ok(meta) = std::fs::symlink_metadata(path)
                && !meta.file_type().is_file()
                && !(follow && meta.file_type().is_symlink())
            {
                if meta.file_type().is_symlink() {
                    return Err(ReadError::Symlink);
                }
                if let Some(what) = kind_of(&meta) {
                    return Err(ReadError::NotAFile(what));
                }
            }
            Err(ReadError::Io(e))
        }
    }
}

/// Reads the bytes of the regular file `path`, at most `limit` of them.
///
/// Never blocks on a named pipe or device (they are refused by type before any
/// read), never follows a symbolic link unless `follow` is set, and never reads
/// more than `limit + 1` bytes.
pub fn read_bytes(path: &Path, follow: bool, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path, follow)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(what) = kind_of(&meta) {
        return Err(ReadError::NotAFile(what));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read: stop one byte past the cap.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Like [`read_bytes`], as UTF-8 text.
pub fn read_text(path: &Path, follow: bool, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bytes(path, follow, limit)?;
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}
