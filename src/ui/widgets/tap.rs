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

#[derive(Debug, Default)]
struct State {
    /// Where the press went down, in content coordinates, while it may still be a tap.
    pressed_at: Option<Point>,
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
        let bounds = layout.bounds();
        // The cursor, not the touch event's own position: winit moves the cursor to
        // the finger, and a scrollable around us translates the cursor into our
        // coordinates (it does not translate the positions inside touch events).
        let position = cursor.position();
        match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerPressed { .. }) => {
                // Not captured: a scrollable around us may start a drag.
                state.pressed_at = position.filter(|p| bounds.contains(*p));
            }
            Event::Mouse(mouse::Event::CursorMoved { .. })
            | Event::Touch(touch::Event::FingerMoved { .. }) => {
                if let (Some(start), Some(now)) = (state.pressed_at, position)
                    && start.distance(now) > SLOP
                {
                    state.pressed_at = None;
                }
            }
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerLifted { .. }) => {
                if let (Some(start), Some(now)) = (state.pressed_at.take(), position)
                    && start.distance(now) <= SLOP
                    && bounds.contains(now)
                {
                    shell.publish(self.on_tap.clone());
                    shell.capture_event();
                }
            }
            Event::Touch(touch::Event::FingerLost { .. }) => state.pressed_at = None,
            _ => {}
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
