//! What a view needs to know about the window it is drawn in: its width in logical
//! pixels (after the text size setting) and which palette the illustrations use.

/// The palette of the illustrations, matching the theme on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Art {
    /// Dark figure on a light card.
    #[default]
    Light,
    /// Light figure on a dark card.
    Dark,
    /// White figure on black, yellow for the leg being tested.
    HighContrast,
}

/// The window a view is laid out for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Width in logical pixels: the window's width divided by the text size setting.
    pub width: f32,
    /// The illustrations' palette.
    pub art: Art,
}

/// Below this logical width, rows of actions stack and paddings tighten (a 360 px
/// phone at 150% or 200%).
pub const STACK_BELOW: f32 = 300.0;
/// From this logical width on, step cards put the illustration beside the controls.
pub const SIDE_BY_SIDE: f32 = 700.0;
/// From this logical width on, the layout spreads out: big illustrations, two columns.
pub const DESKTOP: f32 = 1000.0;

impl Viewport {
    /// A viewport `width` logical pixels wide with the light palette.
    pub fn new(width: f32) -> Self {
        Viewport { width, art: Art::Light }
    }

    /// Whether rows of buttons must stack to fit.
    pub fn stack(&self) -> bool {
        self.width < STACK_BELOW
    }

    /// The space at each side of a page: tighter when buttons stack, so the narrow
    /// window keeps more room for the content.
    pub fn gutter(&self) -> f32 {
        use crate::ui::style::space;
        if self.stack() { space::M } else { space::L }
    }

    /// Whether pictures go beside the controls.
    pub fn side_by_side(&self) -> bool {
        self.width >= SIDE_BY_SIDE
    }

    /// Whether this is a desktop-wide window.
    pub fn desktop(&self) -> bool {
        self.width >= DESKTOP
    }
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport::new(1024.0)
    }
}
