//! A small flowing layout on A4 pages: text runs top to bottom, wraps to the
//! column, and moves to a new page when the next block would not fit. Positions
//! have y growing downwards from the top of the page, as krilla's do. The pages
//! are kept as lists of drawing operations ([`Op`]) with the structure they belong
//! to ([`Kind`]), which [`super::write`] writes out.

use super::font::wrap;
use super::ops::{Block, Kind, Op, Pen, Seg, trace};
use super::page::{COLUMN_W, LINE, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PAGE_H, Style};
use crate::core::Tier;
use crate::export::style::{MarkerShape, Rgb, marker_shape, tier_color};

/// The pages being written and where the next block goes.
pub(super) struct Doc {
    /// Each page's operations.
    pub pages: Vec<Vec<Op>>,
    /// The structure's blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The block being written, if any.
    pub(super) current: Option<usize>,
    /// Whether what is drawn now is decoration (a repeated table heading).
    pub(super) decoration: bool,
    /// The y of the next block, from the top of the current page.
    pub y: f32,
}

impl Doc {
    /// A document with one empty page.
    pub(super) fn new() -> Self {
        Doc {
            pages: vec![Vec::new()],
            blocks: Vec::new(),
            current: None,
            decoration: false,
            y: MARGIN_TOP,
        }
    }

    fn push(&mut self, op: Op) {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        self.pages[last].push(op);
    }

    /// Opens a block of the structure inside the current one; what is drawn until
    /// [`Doc::close`] belongs to it.
    pub(super) fn open(&mut self, kind: Kind) -> usize {
        self.blocks.push(Block { kind, parent: self.current });
        let id = self.blocks.len() - 1;
        self.current = Some(id);
        id
    }

    /// Closes the current block.
    pub(super) fn close(&mut self) {
        self.current = self.current.and_then(|id| self.blocks[id].parent);
    }

    /// The block that text drawn now belongs to: the current one, unless it only
    /// holds other blocks (a table or row), or none.
    fn text_block(&mut self) -> Option<usize> {
        if self.decoration {
            return None;
        }
        match self.current.map(|id| &self.blocks[id].kind) {
            Some(Kind::Table | Kind::Row) | None => {
                let id = self.open(Kind::P);
                self.close();
                Some(id)
            }
            Some(_) => self.current,
        }
    }

    /// The block a path drawn now belongs to: the figure being drawn, if any.
    fn path_block(&self) -> Option<usize> {
        self.current.filter(|id| matches!(self.blocks[*id].kind, Kind::Figure(_)))
    }

    /// Starts a new page.
    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    /// Moves to a new page unless `height` more points fit on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN_BOTTOM && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    /// Leaves `points` of space.
    pub(super) fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// Writes one line of text with its top at `top` and its left at `x`.
    pub(super) fn text_at(&mut self, x: f32, top: f32, style: Style, text: &str) {
        let block = self.text_block();
        let y = top + style.size * 0.93;
        self.push(Op::Text { x, y, style, text: text.to_string(), upright: false, block });
    }

    /// Wrapped text at `x`, `width` wide, flowing over pages line by line.
    pub(super) fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        let inside = self.current.is_some_and(|id| self.blocks[id].kind != Kind::Table);
        if !inside {
            self.open(Kind::P);
        }
        for line in wrap(text, style.font, style.size, width) {
            self.ensure(style.leading());
            self.text_at(x, self.y, style, &line);
            self.y += style.leading();
        }
        if !inside {
            self.close();
        }
    }

    /// A heading kept with at least `keep` points of what follows it.
    pub(super) fn heading(&mut self, level: u16, style: Style, text: &str, keep: f32) {
        let lines = wrap(text, style.font, style.size, COLUMN_W);
        self.ensure(lines.len() as f32 * style.leading() + keep);
        self.open(Kind::H(level));
        self.paragraph(MARGIN_X, COLUMN_W, style, text);
        self.close();
    }

    /// A bulleted list across the column.
    pub(super) fn bullets(&mut self, style: Style, items: &[String]) {
        for item in items {
            self.ensure(style.leading());
            let top = self.y;
            self.open(Kind::P);
            self.text_at(MARGIN_X + 4.0, top, style, "•");
            self.paragraph(MARGIN_X + 16.0, COLUMN_W - 16.0, style, item);
            self.close();
            self.y += 2.0;
        }
    }

    /// A horizontal rule across the column at the current y.
    pub(super) fn rule(&mut self, color: Rgb, width: f32) {
        let y = self.y;
        self.segment((MARGIN_X, y), (MARGIN_X + COLUMN_W, y), color, width);
    }

    /// Adds a path of `segs`, filled and/or stroked.
    pub(super) fn path(&mut self, segs: Vec<Seg>, fill: Option<Rgb>, pen: Option<Pen>) {
        let block = self.path_block();
        self.push(Op::Path { segs, fill, pen, block });
    }

    /// A framed box with a thick left edge around wrapped text: a heading line in
    /// bold, then the body.
    pub(super) fn callout(&mut self, color: Rgb, title: &str, body: &str) {
        let title_style = Style::bold(11.5);
        let body_style = Style::regular(10.0);
        let inner = COLUMN_W - 28.0;
        let lines = wrap(body, body_style.font, body_style.size, inner);
        let height = 10.0 + title_style.leading() + lines.len() as f32 * body_style.leading() + 8.0;
        self.ensure(height);
        let top = self.y;
        let rect = |w: f32| {
            let (x0, x1, y1) = (MARGIN_X, MARGIN_X + w, top + height);
            let mut segs = trace(&[(x0, top), (x1, top), (x1, y1), (x0, y1)]);
            segs.push(Seg::Close);
            segs
        };
        self.path(
            rect(COLUMN_W),
            None,
            Some(Pen { color, width: 1.5, dash: Vec::new(), round: false }),
        );
        self.path(rect(6.0), Some(color), None);
        self.open(Kind::P);
        self.text_at(MARGIN_X + 18.0, top + 10.0, title_style, title);
        let mut y = top + 10.0 + title_style.leading();
        for line in lines {
            self.text_at(MARGIN_X + 18.0, y, body_style, &line);
            y += body_style.leading();
        }
        self.close();
        self.y = top + height;
    }

    /// A tier's marker: its shape filled in its colour, centred on (`cx`, `cy`)
    /// given from the top of the page.
    pub(super) fn marker(&mut self, tier: Tier, cx: f32, cy: f32, r: f32) {
        self.polygon(marker_shape(tier), tier_color(tier), cx, cy, r);
    }

    fn polygon(&mut self, shape: MarkerShape, color: Rgb, cx: f32, cy: f32, r: f32) {
        let mut segs = trace(&shape.polygon(cx, cy, r));
        segs.push(Seg::Close);
        let white = Rgb(0xff, 0xff, 0xff);
        self.path(
            segs,
            Some(color),
            Some(Pen { color: white, width: 1.0, dash: Vec::new(), round: false }),
        );
    }

    /// A tier's badge at `x` with its top at `top`: an outlined pill in the tier's
    /// colour holding its marker and its name, so it never relies on colour alone.
    /// Returns the badge's width.
    pub(super) fn badge(&mut self, x: f32, top: f32, tier: Tier, label: &str, size: f32) -> f32 {
        let style = Style::bold(size).in_color(tier_color(tier));
        let height = size * 1.9;
        let width = height + style.font.width(label, size) + size * 0.9;
        let radius = height / 2.0;
        let (x0, y0, x1, y1) = (x, top, x + width, top + height);
        let k = radius * 0.5523;
        let segs = vec![
            Seg::Move(x0 + radius, y0),
            Seg::Line(x1 - radius, y0),
            Seg::Cubic(x1 - radius + k, y0, x1, y0 + radius - k, x1, y0 + radius),
            Seg::Cubic(x1, y1 - radius + k, x1 - radius + k, y1, x1 - radius, y1),
            Seg::Line(x0 + radius, y1),
            Seg::Cubic(x0 + radius - k, y1, x0, y1 - radius + k, x0, y1 - radius),
            Seg::Cubic(x0, y0 + radius - k, x0 + radius - k, y0, x0 + radius, y0),
            Seg::Close,
        ];
        let color = tier_color(tier);
        self.path(segs, None, Some(Pen { color, width: 1.4, dash: Vec::new(), round: false }));
        self.marker(tier, x + radius, top + height / 2.0, size * 0.55);
        self.text_at(x + height, top + (height - size) / 2.0, style, label);
        width
    }

    /// Strokes a polyline, with a dash pattern in points (empty for solid).
    pub(super) fn polyline(&mut self, points: &[(f32, f32)], color: Rgb, width: f32, dash: &[f32]) {
        if points.is_empty() {
            return;
        }
        let pen = Pen { color, width, dash: dash.to_vec(), round: true };
        self.path(trace(points), None, Some(pen));
    }

    /// A straight line.
    pub(super) fn segment(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
        let pen = Pen { color, width, dash: Vec::new(), round: false };
        self.path(trace(&[from, to]), None, Some(pen));
    }

    /// Text whose right edge is at `right`.
    pub(super) fn text_right(&mut self, right: f32, top: f32, style: Style, text: &str) {
        let x = right - style.font.width(text, style.size);
        self.text_at(x, top, style, text);
    }

    /// Text centred on `cx`.
    pub(super) fn text_centered(&mut self, cx: f32, top: f32, style: Style, text: &str) {
        let x = cx - style.font.width(text, style.size) / 2.0;
        self.text_at(x, top, style, text);
    }

    /// Text turned a quarter left (reading upwards), centred on (`cx`, `cy`).
    pub(super) fn text_vertical(&mut self, cx: f32, cy: f32, style: Style, text: &str) {
        let width = style.font.width(text, style.size);
        let (x, y) = (cx + style.size * 0.35, cy + width / 2.0);
        let block = self.text_block();
        self.push(Op::Text { x, y, style, text: text.to_string(), upright: true, block });
    }

    /// Puts `footer` and "Page k of n" at the foot of every page (as decoration),
    /// once every page is laid out.
    pub(super) fn add_footers(&mut self, footer: &str) {
        let footer_style = Style::regular(7.5).in_color(MUTED);
        let count = self.pages.len();
        self.decoration = true;
        let pages = std::mem::take(&mut self.pages);
        for (i, ops) in pages.into_iter().enumerate() {
            self.pages.push(ops);
            let top = PAGE_H - MARGIN_BOTTOM + 22.0;
            self.segment((MARGIN_X, top - 6.0), (MARGIN_X + COLUMN_W, top - 6.0), LINE, 0.6);
            let number = format!("Page {} of {count}", i + 1);
            let room = COLUMN_W - footer_style.font.width(&number, footer_style.size) - 16.0;
            let mut y = top;
            for line in wrap(footer, footer_style.font, footer_style.size, room) {
                self.text_at(MARGIN_X, y, footer_style, &line);
                y += footer_style.leading();
            }
            self.text_right(MARGIN_X + COLUMN_W, top, footer_style, &number);
        }
    }
}

impl Default for Doc {
    fn default() -> Self {
        Doc::new()
    }
}
