//! The bridge to the page's JavaScript (web/storage.js, loaded by index.html before
//! the app starts): the entries read from IndexedDB, writes handed back to it, and
//! files handed to the person (download, share sheet) or picked by them.

use std::sync::{Arc, OnceLock};

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::store::browser::files::{Files, Write};

#[wasm_bindgen]
extern "C" {
    /// Every entry read from IndexedDB before the app started, as `[key, text]` pairs.
    #[wasm_bindgen(catch, js_namespace = tcStorage, js_name = entries)]
    fn js_entries() -> Result<Array, JsValue>;
    /// Why the browser's storage cannot be used, or undefined.
    #[wasm_bindgen(catch, js_namespace = tcStorage, js_name = problem)]
    fn js_problem() -> Result<JsValue, JsValue>;
    /// Writes `[key, text or null]` pairs in one transaction; resolves once stored.
    #[wasm_bindgen(catch, js_namespace = tcStorage, js_name = write)]
    fn js_write(writes: Array) -> Result<Promise, JsValue>;
    /// Hands a file to the person: the share sheet if `share` and the browser has
    /// one for files, else a download. Resolves to how it went, in words.
    #[wasm_bindgen(catch, js_namespace = tcFiles, js_name = give)]
    fn js_give(name: &str, mime: &str, bytes: Uint8Array, share: bool) -> Result<Promise, JsValue>;
    /// Opens the file picker; resolves to `[name, text]`, or null when none is chosen.
    #[wasm_bindgen(catch, js_namespace = tcFiles, js_name = pick)]
    fn js_pick(accept: &str) -> Result<Promise, JsValue>;
}

fn plain(error: JsValue) -> String {
    if let Some(text) = error.as_string() {
        return text;
    }
    if error.is_instance_of::<js_sys::Error>() {
        return String::from(js_sys::Error::from(error).message());
    }
    "the browser gave no reason".to_string()
}

/// The browser's entries, read from the page once.
pub fn files() -> Arc<Files> {
    static FILES: OnceLock<Arc<Files>> = OnceLock::new();
    FILES
        .get_or_init(|| {
            let entries = js_entries().unwrap_or_default();
            Arc::new(Files::new(entries.iter().filter_map(|pair| {
                let pair = Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })))
        })
        .clone()
}

/// The entry that holds the check in progress (see `App::keep_draft`).
const DRAFT: &str = crate::store::DRAFT_FILE;

/// The check in progress kept by the last visit, as RON, if any.
pub fn draft() -> Option<String> {
    files().get(DRAFT)
}

/// Keeps the check in progress (RON), or drops it with `None` (written to IndexedDB
/// with the next [`flush`]).
pub fn keep_draft(text: Option<&str>) {
    match text {
        Some(text) => files().put(DRAFT, text.to_string()),
        None => files().remove(DRAFT),
    }
}

/// Why the browser's storage cannot keep anything, if it cannot.
pub fn problem() -> Option<String> {
    match js_problem() {
        Ok(value) => value.as_string(),
        Err(_) => Some("the page's storage script did not load".to_string()),
    }
}

/// Hands the queued writes to IndexedDB and waits until they are stored.
pub async fn flush() -> Result<(), String> {
    let writes: Vec<Write> = files().take_writes();
    if writes.is_empty() {
        return Ok(());
    }
    if let Some(why) = problem() {
        return Err(why);
    }
    let array = Array::new();
    for (key, text) in writes {
        let text = text.map_or(JsValue::NULL, |t| JsValue::from_str(&t));
        array.push(&Array::of2(&JsValue::from_str(&key), &text));
    }
    let promise = js_write(array).map_err(plain)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(plain)
}

/// What became of a file handed to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handed {
    /// Given to the share sheet, and shared.
    Shared,
    /// The person closed the share sheet without sharing.
    Cancelled,
    /// Downloaded (where the page cannot share files, or was not asked to).
    Downloaded,
}

/// Hands `bytes` to the person as the file `name` (the share sheet if `share` and
/// the browser has one, else a download); what became of it, or the page's reason.
pub async fn give(name: &str, mime: &str, bytes: &[u8], share: bool) -> Result<Handed, String> {
    let promise = js_give(name, mime, Uint8Array::from(bytes), share).map_err(plain)?;
    let said = JsFuture::from(promise).await.map_err(plain)?;
    // web/storage.js (tcFiles.give) answers "shared", "cancelled", or "downloaded".
    Ok(match said.as_string().as_deref() {
        Some("shared") => Handed::Shared,
        Some("cancelled") => Handed::Cancelled,
        _ => Handed::Downloaded,
    })
}

/// Asks the person for a file; its name and text, or `None` if they chose none.
pub async fn pick(accept: &str) -> Result<Option<(String, String)>, String> {
    let promise = js_pick(accept).map_err(plain)?;
    let picked = JsFuture::from(promise).await.map_err(plain)?;
    if picked.is_null() || picked.is_undefined() {
        return Ok(None);
    }
    let pair = Array::from(&picked);
    Ok(pair.get(0).as_string().zip(pair.get(1).as_string()))
}

/// Opens the phone's dialler on `number` (a `tel:` link), where the device can call.
pub fn call(number: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(&format!("tel:{number}"));
    }
}
