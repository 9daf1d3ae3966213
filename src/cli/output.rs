//! What the command line prints: one escaping rule for all of it, the last line of
//! a command whose work is done, and the files left out of a load.

use std::io::{self, Write};

use super::Failure;
use crate::store::error::{is_hidden, plain};
use crate::store::{LoadReport, SessionStore};

/// A stream that writes everything through the one escaping rule of
/// [`crate::store::error::escaped`], keeping only line breaks: a file name, a
/// note or a version holding an escape sequence, a bidirectional control or a
/// byte that is not UTF-8 is shown escaped, never acted on by the terminal.
/// (Names that could hold a line break are escaped where they are put into a
/// message, with [`crate::store::error::shown`].)
pub(super) struct Escaping<'a> {
    inner: &'a mut dyn Write,
}

impl<'a> Escaping<'a> {
    /// Escapes what is written to `inner`.
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Escaping { inner }
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = String::with_capacity(buf.len());
        for chunk in buf.utf8_chunks() {
            for c in chunk.valid().chars() {
                if c != '\n' && is_hidden(c) {
                    out.extend(c.escape_default());
                } else {
                    out.push(c);
                }
            }
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `line`, the sentence saying what a command did, as its last output. If
/// only that write fails, the failure says the work was done all the same.
pub(super) fn done(stdout: &mut dyn Write, line: &str) -> Result<(), Failure> {
    writeln!(stdout, "{line}").and_then(|()| stdout.flush()).map_err(|e| {
        Failure::runtime(format!(
            "{line} This was done; only this line could not be written to the output ({}).",
            plain(&e)
        ))
    })
}

/// Loads every session and writes one line per file left out to `stderr`.
pub(super) fn load(
    store: &dyn SessionStore,
    stderr: &mut dyn Write,
) -> Result<LoadReport, Failure> {
    let report = store.load_all();
    for message in report.details() {
        writeln!(stderr, "{message}")?;
    }
    Ok(report)
}
