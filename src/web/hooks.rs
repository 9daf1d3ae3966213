//! Hooks for the browser test (web/test.mjs), on only when the page's address has the
//! flag [`FLAG`] (`index.html?test-hooks`); a normal visit has none of this.
//!
//! The app draws into one canvas, with no DOM to find a button in, and a button's place
//! changes with the length of what the card says. So the page gets two functions that
//! ask the running app where a text is shown, read-only (they report places, they
//! tap nothing):
//!
//! - `window.tcFindAll(text)`: a promise of every text widget showing exactly `text`,
//!   in the order the app lays them out, each `{x, y, width, height, visible}`: its
//!   layout bounds, and `visible`, the part of it on screen (inside its scrollable and
//!   the page), or `null`. All in CSS pixels of the page.
//! - `window.tcFind(text)`: a promise of the `visible` part of the first of them that
//!   is on screen, or `null`.
//!
//! A question travels as a [`Request`] through a subscription into the app's update,
//! which answers it with iced's `selector::find_all` ([`answer`]).

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use iced::futures::channel::{mpsc, oneshot};
use iced::widget::selector;
use iced::{Rectangle, Subscription, Task};
use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// The flag in the page's query string that turns the hooks on.
pub const FLAG: &str = "test-hooks";

/// One widget showing the text asked for, in CSS pixels.
#[derive(Debug, Clone, Copy)]
struct Found {
    bounds: Rectangle,
    visible: Option<Rectangle>,
}

type Reply = oneshot::Sender<Vec<Found>>;

/// A question from the page: where is `text` shown? Answered once, by [`answer`].
#[derive(Clone)]
pub struct Request {
    text: String,
    reply: Arc<Mutex<Option<Reply>>>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request").field("text", &self.text).finish_non_exhaustive()
    }
}

/// Whether the page was opened with [`FLAG`] in its query string.
fn enabled() -> bool {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').split('&').any(|pair| pair.split('=').next() == Some(FLAG))
}

/// The page's questions, when the hooks are on; nothing otherwise.
pub fn requests() -> Subscription<Request> {
    if enabled() { Subscription::run(listen) } else { Subscription::none() }
}

/// Puts the two functions on `window` and returns the stream of their questions.
fn listen() -> mpsc::UnboundedReceiver<Request> {
    let (sender, receiver) = mpsc::unbounded();
    if let Some(window) = web_sys::window() {
        for (name, first_visible) in [("tcFindAll", false), ("tcFind", true)] {
            let sender = sender.clone();
            let ask = Closure::<dyn Fn(JsValue) -> Promise>::new(move |text: JsValue| {
                ask(&sender, text.as_string().unwrap_or_default(), first_visible)
            });
            let _ = Reflect::set(&window, &JsValue::from_str(name), ask.as_ref());
            // The functions live as long as the page.
            ask.forget();
        }
    }
    receiver
}

/// Sends the question into the app; the promise of its answer, as JavaScript values.
fn ask(sender: &mpsc::UnboundedSender<Request>, text: String, first_visible: bool) -> Promise {
    let (reply, answer) = oneshot::channel();
    let request = Request { text, reply: Arc::new(Mutex::new(Some(reply))) };
    if sender.unbounded_send(request).is_err() {
        return Promise::reject(&JsValue::from_str("the app is no longer running"));
    }
    future_to_promise(async move {
        let found = answer.await.map_err(|_| JsValue::from_str("the app gave no answer"))?;
        if first_visible {
            return Ok(found.iter().find_map(|f| f.visible).map_or(JsValue::NULL, rect));
        }
        let all = Array::new();
        for one in &found {
            let object = rect(one.bounds);
            let visible = one.visible.map_or(JsValue::NULL, rect);
            Reflect::set(&object, &JsValue::from_str("visible"), &visible)?;
            all.push(&object);
        }
        Ok(all.into())
    })
}

/// `{x, y, width, height}`.
fn rect(r: Rectangle) -> JsValue {
    let object = Object::new();
    for (key, value) in [("x", r.x), ("y", r.y), ("width", r.width), ("height", r.height)] {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_f64(value.into()));
    }
    object.into()
}

/// The page's viewport in CSS pixels (the app's canvas fills it).
fn viewport() -> Option<Rectangle> {
    let window = web_sys::window()?;
    let width = window.inner_width().ok()?.as_f64()?;
    let height = window.inner_height().ok()?.as_f64()?;
    Some(Rectangle::new(iced::Point::ORIGIN, iced::Size::new(width as f32, height as f32)))
}

/// The task that answers `request`: every text widget showing its text, in the app's
/// layout order. The app lays out in its own units, `scale` (its scale factor) CSS
/// pixels each; the page's device pixel ratio is already out of them.
pub fn answer<M: 'static>(request: Request, scale: f32) -> Task<M> {
    let Request { text, reply } = request;
    selector::find_all(text).then(move |targets| {
        let screen = viewport();
        let found = targets
            .iter()
            .map(|target| Found {
                bounds: target.bounds() * scale,
                visible: target
                    .visible_bounds()
                    .map(|r| r * scale)
                    .and_then(|r| screen.map_or(Some(r), |s| s.intersection(&r))),
            })
            .collect();
        let reply = reply.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(reply) = reply {
            // A page that stopped waiting loses nothing.
            let _ = reply.send(found);
        }
        Task::none()
    })
}
