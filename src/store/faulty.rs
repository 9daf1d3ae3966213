//! A file system for tests that fails chosen operations (see [`FaultyFs`]).

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::fs::{Fs, RealFs};
use super::read::ReadError;

/// Which operations a [`FaultyFs`] fails.
type FailWhen = Box<dyn Fn(usize) -> bool + Send + Sync>;
/// Which reads a [`FaultyFs`] fails: by their number (from 1) and file.
type FailRead = Box<dyn Fn(usize, &Path) -> bool + Send + Sync>;

/// A file system that fails chosen operations (counted from 1) with an error of
/// `kind`, and passes every other call to [`RealFs`]. It also counts the calls.
///
/// A failing `write_all` first writes part of the data, as a real one can. With
/// [`FaultyFs::after`], a failing call is made for real first and then reports the
/// error: the nastiest case, where the work is done but reported as failed.
#[doc(hidden)]
pub struct FaultyFs {
    fail: FailWhen,
    kind: io::ErrorKind,
    after: bool,
    calls: AtomicUsize,
    failed: AtomicUsize,
    fail_reads: Option<FailRead>,
    reads: AtomicUsize,
}

impl fmt::Debug for FaultyFs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FaultyFs")
            .field("kind", &self.kind)
            .field("after", &self.after)
            .field("calls", &self.calls)
            .finish_non_exhaustive()
    }
}

impl FaultyFs {
    /// Fails the operations for which `fail(n)` is true (n counts from 1).
    pub fn failing(fail: impl Fn(usize) -> bool + Send + Sync + 'static) -> Self {
        FaultyFs {
            fail: Box::new(fail),
            kind: io::ErrorKind::StorageFull,
            after: false,
            calls: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            fail_reads: None,
            reads: AtomicUsize::new(0),
        }
    }

    /// Fails the `n`-th operation (from 1) with "the disk is full".
    pub fn fail_at(n: usize) -> Self {
        FaultyFs::failing(move |i| i == n)
    }

    /// Fails the `n`-th operation (from 1) with an error of `kind`.
    pub fn fail_at_with(n: usize, kind: io::ErrorKind) -> Self {
        FaultyFs::fail_at(n).with_kind(kind)
    }

    /// Fails the `n`-th operation and every one after it, so the cleanup after the
    /// first fault fails too.
    pub fn fail_from(n: usize) -> Self {
        FaultyFs::failing(move |i| i >= n)
    }

    /// Fails every `n`-th operation (n, 2n, 3n…).
    pub fn fail_every(n: usize) -> Self {
        FaultyFs::failing(move |i| n > 0 && i % n == 0)
    }

    /// Fails nothing; only counts.
    pub fn counting() -> Self {
        FaultyFs::failing(|_| false)
    }

    /// Fails with errors of `kind`.
    pub fn with_kind(mut self, kind: io::ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Also fails the reads for which `fail(n, path)` is true (n counts the reads
    /// from 1, apart from the other operations), with an input/output error.
    pub fn failing_reads(
        mut self,
        fail: impl Fn(usize, &Path) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.fail_reads = Some(Box::new(fail));
        self
    }

    /// How many reads were made so far (not counted in [`FaultyFs::calls`]).
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::SeqCst)
    }

    /// Makes each failing call for real before reporting its failure.
    pub fn after(mut self) -> Self {
        self.after = true;
        self
    }

    /// How many operations were made so far.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// How many operations were made to fail so far.
    pub fn failures(&self) -> usize {
        self.failed.load(Ordering::SeqCst)
    }

    fn fails(&self) -> Option<usize> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if (self.fail)(n) {
            self.failed.fetch_add(1, Ordering::SeqCst);
            Some(n)
        } else {
            None
        }
    }

    fn run<T>(&self, op: &str, real: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let Some(n) = self.fails() else { return real() };
        let err = io::Error::new(self.kind, format!("injected failure of operation {n} ({op})"));
        if self.after {
            let _ = real();
        }
        Err(err)
    }
}

impl Fs for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        // A file created but reported as failed could never be cleaned up by its
        // caller, who has no handle: the "after" mode does not apply here.
        match self.fails() {
            Some(n) => Err(io::Error::new(
                self.kind,
                format!("injected failure of operation {n} (create_new)"),
            )),
            None => RealFs.create_new(path),
        }
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        match self.fails() {
            Some(n) => {
                // A failed write may still have written part of the data.
                let _ = file.write_all(&bytes[..bytes.len() / 2]);
                Err(io::Error::new(
                    self.kind,
                    format!("injected failure of operation {n} (write_all)"),
                ))
            }
            None => RealFs.write_all(file, bytes),
        }
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.run("sync_file", || RealFs.sync_file(file))
    }

    fn rename_no_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run("rename_no_replace", || RealFs.rename_no_replace(from, to))
    }

    fn rename_replace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run("rename_replace", || RealFs.rename_replace(from, to))
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.run("remove", || RealFs.remove(path))
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.run("sync_dir", || RealFs.sync_dir(dir))
    }

    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        self.run("create_dir", || RealFs.create_dir(dir))
    }

    fn remove_dir(&self, dir: &Path) -> io::Result<()> {
        self.run("remove_dir", || RealFs.remove_dir(dir))
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run("hard_link", || RealFs.hard_link(from, to))
    }

    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let n = self.reads.fetch_add(1, Ordering::SeqCst) + 1;
        if self.fail_reads.as_ref().is_some_and(|fail| fail(n, path)) {
            self.failed.fetch_add(1, Ordering::SeqCst);
            return Err(ReadError::Io(io::Error::other(format!(
                "injected failure of read {n} (input/output error)"
            ))));
        }
        RealFs.read(path, limit)
    }
}
