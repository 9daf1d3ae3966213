//! The browser build's own parts: sessions, notes, trash and settings kept in the
//! browser's IndexedDB as the same RON texts as the desktop's files ([`files`]), the
//! backup as one file ([`backup`]), and, in the browser only, the bridge to the page's
//! JavaScript (`page`: IndexedDB, downloads, the share sheet, the file picker) and,
//! for the browser test only, where a text is shown (`hooks`).

pub mod backup;
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod voice;

#[cfg(target_arch = "wasm32")]
pub use page::call;
