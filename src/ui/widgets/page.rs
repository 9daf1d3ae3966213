//! A page: its content's widget state (scroll offsets above all) lives only as long as
//! the page's key stays the same. When the key changes the state is made anew, so a
//! new screen, card or question always opens at its top, Back included.
//!
//! iced keeps a widget's state while the tree keeps its shape, and every screen has
//! the same shape (a scrolling body in a frame): without this, the next card opened
//! part-way down, where the last one was left.
//!
//! A page also guards its first moments ([`TAP_GUARD`]): a tap that begins then does
//! nothing, so the second tap of a double tap cannot answer a question that was not
//! yet seen. A mouse press then is not passed on; a finger's is (a swipe still
//! scrolls the page), but its lift reaches the page as a lost finger, which cancels
//! the tap. A press that began on the page before is dropped with its widget state
//! when the key changes, so its release does nothing either.

use crate::clock::Clock;
use crate::ui::widgets::forward::forward_to_content;
use iced::advanced::layout::Layout;
use iced::advanced::renderer;
use iced::advanced::widget::{Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget};
use iced::time::Instant;
use iced::{Element, Event, Rectangle, mouse, touch};
use std::time::Duration;

/// How long after a page opens a press on it is ignored.
///
/// 400 ms: the second tap of a double tap follows the first within about 100-300 ms
/// (Android's double-tap timeout is 300 ms; desktops count clicks as double within
/// 400-500 ms), while reading even a one-line question and moving a finger to an
/// answer takes a person longer than that. So a double tap's second tap never
/// reaches the new page, and a deliberate tap is never lost.
pub const TAP_GUARD: Duration = Duration::from_millis(400);

/// Shows `content` as the page `key`.
pub fn page<'a, Key, Message, Theme, Renderer>(
    key: Key,
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
) -> Page<'a, Key, Message, Theme, Renderer> {
    Page { key, content: content.into(), guard: None }
}

/// A page, known by its `Key` (any value that tells one page from another); see the
/// module documentation.
pub struct Page<'a, Key, Message, Theme, Renderer> {
    key: Key,
    content: Element<'a, Message, Theme, Renderer>,
    guard: Option<(Instant, Clock)>,
}

impl<Key, Message, Theme, Renderer> Page<'_, Key, Message, Theme, Renderer> {
    /// Ignores presses until `until`, by the time of `clock`: the page opened at
    /// `until - TAP_GUARD`.
    pub fn guard(mut self, until: Option<Instant>, clock: &Clock) -> Self {
        self.guard = until.map(|until| (until, clock.clone()));
        self
    }

    /// Whether the page is still guarded.
    fn guarded(&self) -> bool {
        self.guard.as_ref().is_some_and(|(until, clock)| clock.now() < *until)
    }
}

/// The key the kept state belongs to, and the fingers that went down while the page
/// was guarded (their lift cancels instead of tapping).
struct State<Key>(Key, Vec<touch::Finger>);

impl<Key, Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Page<'_, Key, Message, Theme, Renderer>
where
    Key: Copy + PartialEq + 'static,
    Renderer: renderer::Renderer,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State<Key>>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State(self.key, Vec::new()))
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        let state = tree.state.downcast_mut::<State<Key>>();
        if state.0 == self.key {
            tree.diff_children(std::slice::from_ref(&self.content));
        } else {
            state.0 = self.key;
            state.1.clear();
            tree.children = vec![Tree::new(&self.content)];
        }
    }

    forward_to_content!(size, layout, operate, mouse_interaction, draw, overlay);

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let fingers = &mut tree.state.downcast_mut::<State<Key>>().1;
        let lost;
        let event = match event {
            Event::Mouse(mouse::Event::ButtonPressed(_)) if self.guarded() => {
                shell.capture_event();
                return;
            }
            Event::Touch(touch::Event::FingerPressed { id, .. }) if self.guarded() => {
                fingers.push(*id);
                event
            }
            Event::Touch(touch::Event::FingerLifted { id, position }) if fingers.contains(id) => {
                fingers.retain(|finger| finger != id);
                lost = Event::Touch(touch::Event::FingerLost { id: *id, position: *position });
                &lost
            }
            _ => event,
        };
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }
}

impl<'a, Key, Message, Theme, Renderer> From<Page<'a, Key, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Key: Copy + PartialEq + 'static,
    Message: 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(page: Page<'a, Key, Message, Theme, Renderer>) -> Self {
        Element::new(page)
    }
}
