//! A page: its content's widget state (scroll offsets above all) lives only as long as
//! the page's key stays the same. When the key changes the state is made anew, so a
//! new screen, card or question always opens at its top, Back included.
//!
//! iced keeps a widget's state while the tree keeps its shape, and every screen has
//! the same shape (a scrolling body in a frame): without this, the next card opened
//! part-way down, where the last one was left.

use crate::ui::widgets::forward::forward_to_content;
use iced::Element;
use iced::advanced::Widget;
use iced::advanced::renderer;
use iced::advanced::widget::{Tree, tree};

/// Which page is on show; see [`page`].
pub type Key = (u8, usize);

/// Shows `content` as the page `key`.
pub fn page<'a, Message, Theme, Renderer>(
    key: Key,
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
) -> Page<'a, Message, Theme, Renderer> {
    Page { key, content: content.into() }
}

/// A page; see the module documentation.
pub struct Page<'a, Message, Theme, Renderer> {
    key: Key,
    content: Element<'a, Message, Theme, Renderer>,
}

/// The key the kept state belongs to.
struct State(Key);

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for Page<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State(self.key))
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        let state = tree.state.downcast_mut::<State>();
        if state.0 == self.key {
            tree.diff_children(std::slice::from_ref(&self.content));
        } else {
            state.0 = self.key;
            tree.children = vec![Tree::new(&self.content)];
        }
    }

    forward_to_content!(size, layout, operate, update, mouse_interaction, draw, overlay);
}

impl<'a, Message, Theme, Renderer> From<Page<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: renderer::Renderer + 'a,
{
    fn from(page: Page<'a, Message, Theme, Renderer>) -> Self {
        Element::new(page)
    }
}
