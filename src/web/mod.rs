//! The browser build's own parts: sessions, notes, trash and settings kept in the
//! browser's IndexedDB as the same RON texts as the desktop's files ([`files`]), the
//! backup as one file ([`backup`]), and, in the browser only, the bridge to the page's
//! JavaScript (`page`: IndexedDB, downloads, the share sheet, the file picker).

pub mod backup;
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod page;

#[cfg(target_arch = "wasm32")]
pub use page::call;

/// Saves a session in the browser's storage; IndexedDB receives it in the background.
#[cfg(target_arch = "wasm32")]
pub fn save(session: &crate::store::Session) -> Result<std::path::PathBuf, String> {
    let saved = page::files().save(session).map_err(|e| e.to_string());
    wasm_bindgen_futures::spawn_local(async {
        if let Err(why) = page::flush().await {
            web_sys::console::error_1(&why.into());
        }
    });
    saved
}

/// Every session in the browser's storage, newest first (see [`files::Files::load_all`]).
#[cfg(target_arch = "wasm32")]
pub fn load_all() -> crate::store::LoadReport {
    let report = page::files().load_all();
    wasm_bindgen_futures::spawn_local(async {
        let _ = page::flush().await;
    });
    report
}
