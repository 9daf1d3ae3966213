//! A button that lets the page scroll, and looks pressed only while pressed.
//!
//! iced's `button` captures the press, so a swipe that starts on one ("Stop the test",
//! "Start hold") does not scroll the card; and a touch screen leaves the cursor where
//! the finger lifted, so the button goes on looking hovered (grey) afterwards. `Press`
//! draws with the same [`button::Style`]s but does not capture the press: it sends its
//! message on release only if the finger stayed within a few pixels (a drag scrolls
//! instead), looks pressed only while the finger is down on it, and shows a hover only
//! to a mouse.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget};
use iced::widget::button::{self, Status};
use iced::{Background, Color, Element, Event, Length, Padding, Rectangle, Size, Theme, mouse};

use crate::ui::widgets::tap::Gesture;

/// A button showing `content`; disabled while `on_press` is `None`.
pub fn press<'a, Message>(
    content: impl Into<Element<'a, Message>>,
    on_press: Option<Message>,
    style: fn(&Theme, Status) -> button::Style,
) -> Press<'a, Message> {
    Press {
        content: content.into(),
        on_press,
        style,
        width: Length::Shrink,
        height: Length::Shrink,
        padding: Padding::ZERO,
    }
}

/// A button; see the module documentation.
pub struct Press<'a, Message> {
    content: Element<'a, Message>,
    on_press: Option<Message>,
    style: fn(&Theme, Status) -> button::Style,
    width: Length,
    height: Length,
    padding: Padding,
}

impl<Message> Press<'_, Message> {
    /// Sets the width.
    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.width = width.into();
        self
    }

    /// Sets the height.
    pub fn height(mut self, height: impl Into<Length>) -> Self {
        self.height = height.into();
        self
    }

    /// Sets the space around the content.
    pub fn padding(mut self, padding: impl Into<Padding>) -> Self {
        self.padding = padding.into();
        self
    }
}

#[derive(Debug, Default)]
struct State {
    /// The press under way, while it may still be a tap.
    gesture: Gesture,
    /// Whether a finger has been used here: no hover look then.
    touch: bool,
    /// The status as of the last event, to redraw when it changes.
    last: Option<Status>,
}

impl State {
    fn status(&self, enabled: bool, over: bool) -> Status {
        match (enabled, over, self.gesture.pressed()) {
            (false, _, _) => Status::Disabled,
            (true, true, true) => Status::Pressed,
            (true, true, false) if !self.touch => Status::Hovered,
            _ => Status::Active,
        }
    }
}

impl<Message: Clone> Widget<Message, Theme, iced::Renderer> for Press<'_, Message> {
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

    fn size(&self) -> Size<Length> {
        Size::new(self.width, self.height)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        layout::padded(limits, self.width, self.height, self.padding, |limits| {
            self.content.as_widget_mut().layout(&mut tree.children[0], renderer, limits)
        })
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        operation.container(None, layout.bounds());
        operation.traverse(&mut |operation| {
            if let Some(content) = layout.children().next() {
                self.content.as_widget_mut().operate(
                    &mut tree.children[0],
                    content,
                    renderer,
                    operation,
                );
            }
        });
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _renderer: &iced::Renderer,
        _clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        _viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        let bounds = layout.bounds();
        if let Event::Touch(_) = event {
            state.touch = true;
        }
        // A press is not captured: a scrollable around us may start a drag.
        let tapped = match &self.on_press {
            Some(_) => state.gesture.follow(event, cursor.position(), bounds),
            None => false,
        };
        if let (true, Some(message)) = (tapped, &self.on_press) {
            shell.publish(message.clone());
            shell.capture_event();
        }
        let status = state.status(self.on_press.is_some(), cursor.is_over(bounds));
        if state.last != Some(status) {
            state.last = Some(status);
            shell.request_redraw();
        }
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        _style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        use iced::advanced::Renderer as _;
        let state = tree.state.downcast_ref::<State>();
        let bounds = layout.bounds();
        let status = state.status(self.on_press.is_some(), cursor.is_over(bounds));
        let style = (self.style)(theme, status);
        if style.background.is_some() || style.border.width > 0.0 || style.shadow.color.a > 0.0 {
            renderer.fill_quad(
                renderer::Quad {
                    bounds,
                    border: style.border,
                    shadow: style.shadow,
                    snap: style.snap,
                },
                style.background.unwrap_or(Background::Color(Color::TRANSPARENT)),
            );
        }
        if let Some(content) = layout.children().next() {
            self.content.as_widget().draw(
                &tree.children[0],
                renderer,
                theme,
                &renderer::Style { text_color: style.text_color },
                content,
                cursor,
                &bounds.intersection(viewport).unwrap_or(*viewport),
            );
        }
    }

    fn mouse_interaction(
        &self,
        _tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _viewport: &Rectangle,
        _renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        if self.on_press.is_some() && cursor.is_over(layout.bounds()) {
            mouse::Interaction::Pointer
        } else {
            mouse::Interaction::default()
        }
    }
}

impl<'a, Message: Clone + 'a> From<Press<'a, Message>> for Element<'a, Message> {
    fn from(press: Press<'a, Message>) -> Self {
        Element::new(press)
    }
}
