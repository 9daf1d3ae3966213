//! The browser's storage, beside the data folder ([`super::Store`]) and
//! [`super::Unavailable`]: sessions, notes, trash and settings kept in the browser's
//! IndexedDB as the same RON texts as the desktop's files ([`files`]), the backup as
//! one file ([`backup`]), and both behind [`super::SessionStore`] (`backend`).
//!
//! Nothing here touches the browser, so it builds and is tested natively; the bridge
//! to the page's JavaScript that reads and writes IndexedDB is `crate::web::page`.

mod backend;
pub mod backup;
pub mod files;

pub use files::Files;
