//! The browser build's glue, in the browser only: the bridge to the page's JavaScript
//! (`page`: IndexedDB, downloads, the share sheet, the file picker), the voice
//! (`voice`) and, for the browser test only, where a text is shown (`hooks`). The
//! browser's storage itself is beside the other back ends, in
//! [`crate::store::browser`].

#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod voice;

#[cfg(target_arch = "wasm32")]
pub use page::call;
