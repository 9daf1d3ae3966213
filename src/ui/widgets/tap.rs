//! A tap target that lets a scrollable around it scroll by dragging.
//!
//! iced's `button` captures the finger press, so a list made of buttons cannot be
//! scrolled with a finger. `Tap` does not capture the press: it remembers where it
//! went down and sends its message on release only if the finger (or mouse) stayed
//! within a few pixels. A drag scrolls the list instead, and moving content under a
//! resting finger cancels the tap.

use crate::ui::widgets::forward::forward_to_content;
use iced::advanced::layout::Layout;
use iced::advanced::renderer;
use iced::advanced::widget::{Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget};
use iced::{Element, Event, Point, Rectangle, mouse, touch};

/// How far a press may wander and still count as a tap, in logical pixels.
const SLOP: f32 = 10.0;

/// Wraps `content` so tapping it sends `on_tap`.
pub fn tap<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    on_tap: Message,
) -> Tap<'a, Message, Theme, Renderer> {
    Tap { content: content.into(), on_tap }
}

/// A tap target; see the module documentation.
pub struct Tap<'a, Message, Theme, Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    on_tap: Message,
}

/// A press that may still become a tap: where it went down, by the cursor (in the
/// content's coordinates, which a scrollable translates) and, for a finger, on the
/// screen (touch positions are never translated). A finger is followed on the screen,
/// so a swipe cancels the tap even while the content scrolls along under it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Gesture {
    start: Option<(Point, Option<Point>)>,
}

impl Gesture {
    /// Whether a press is under way that may still be a tap.
    pub(crate) fn pressed(&self) -> bool {
        self.start.is_some()
    }

    /// Follows `event`; `true` when it completes a tap within `bounds`. `cursor` is
    /// the cursor's position in the content's coordinates.
    pub(crate) fn follow(
        &mut self,
        event: &Event,
        cursor: Option<Point>,
        bounds: Rectangle,
    ) -> bool {
        match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                self.start = cursor.filter(|p| bounds.contains(*p)).map(|p| (p, None));
            }
            Event::Touch(touch::Event::FingerPressed { position, .. }) => {
                self.start = cursor.filter(|p| bounds.contains(*p)).map(|p| (p, Some(*position)));
            }
            Event::Mouse(mouse::Event::CursorMoved { .. }) => {
                if let (Some((start, None)), Some(now)) = (self.start, cursor)
                    && start.distance(now) > SLOP
                {
                    self.start = None;
                }
            }
            Event::Touch(touch::Event::FingerMoved { position, .. }) => {
                if let Some((_, Some(start))) = self.start
                    && start.distance(*position) > SLOP
                {
                    self.start = None;
                }
            }
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerLifted { .. }) => {
                let lifted_at = match event {
                    Event::Touch(touch::Event::FingerLifted { position, .. }) => Some(*position),
                    _ => None,
                };
                let Some((start, screen)) = self.start.take() else { return false };
                let Some(now) = cursor else { return false };
                let still = match (screen, lifted_at) {
                    (Some(screen), Some(lifted)) => screen.distance(lifted) <= SLOP,
                    _ => start.distance(now) <= SLOP,
                };
                return still && bounds.contains(now);
            }
            Event::Touch(touch::Event::FingerLost { .. }) => self.start = None,
            _ => {}
        }
        false
    }
}

#[derive(Debug, Default)]
struct State {
    gesture: Gesture,
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Tap<'_, Message, Theme, Renderer>
where
    Message: Clone,
    Renderer: renderer::Renderer,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    forward_to_content!(size, layout, operate, draw, overlay);

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
        if shell.is_event_captured() {
            return;
        }
        let state = tree.state.downcast_mut::<State>();
        // The cursor, not the touch event's own position, for where: winit moves the
        // cursor to the finger, and a scrollable around us translates the cursor into
        // our coordinates (it does not translate the positions inside touch events).
        // A press is not captured: a scrollable around us may start a drag.
        if state.gesture.follow(event, cursor.position(), layout.bounds()) {
            shell.publish(self.on_tap.clone());
            shell.capture_event();
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        let inner = self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        );
        if inner == mouse::Interaction::None && cursor.is_over(layout.bounds()) {
            mouse::Interaction::Pointer
        } else {
            inner
        }
    }
}

impl<'a, Message, Theme, Renderer> From<Tap<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: Clone + 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(tap: Tap<'a, Message, Theme, Renderer>) -> Self {
        Element::new(tap)
    }
}
