//! A small flowing layout on A4 pages: text runs top to bottom, wraps to the
//! column, and moves to a new page when the next block would not fit. Positions
//! are kept with y growing downwards from the top of the page and turned into
//! PDF's upward y only when drawn.

use pdf_writer::types::{LineCapStyle, LineJoinStyle};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::font::{Font, encode, wrap};
use crate::core::Tier;
use crate::export::style::{MarkerShape, Rgb, marker_shape, tier_color};

/// A4 in points.
pub const PAGE_W: f32 = 595.28;
/// A4 in points.
pub const PAGE_H: f32 = 841.89;
/// The left and right margin.
pub const MARGIN_X: f32 = 48.0;
const MARGIN_TOP: f32 = 52.0;
/// Room kept at the bottom for the footer.
const MARGIN_BOTTOM: f32 = 64.0;
/// The width of the text column.
pub const COLUMN_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// Body text.
pub const INK: Rgb = Rgb(0x1d, 0x23, 0x27);
/// Secondary text.
pub const MUTED: Rgb = Rgb(0x5b, 0x64, 0x6b);
/// Rules between table rows.
pub const LINE: Rgb = Rgb(0xcf, 0xd6, 0xdb);
/// Answers that call for attention.
pub const ALERT: Rgb = Rgb(0xb3, 0x26, 0x1e);

/// A text style: font, size and colour.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// The font.
    pub font: Font,
    /// The size in points.
    pub size: f32,
    /// The colour.
    pub color: Rgb,
}

impl Style {
    /// Regular text of `size` in ink.
    pub const fn regular(size: f32) -> Self {
        Style { font: Font::Regular, size, color: INK }
    }

    /// Bold text of `size` in ink.
    pub const fn bold(size: f32) -> Self {
        Style { font: Font::Bold, size, color: INK }
    }

    /// The same style in `color`.
    pub const fn in_color(self, color: Rgb) -> Self {
        Style { color, ..self }
    }

    /// The distance between baselines.
    pub fn leading(self) -> f32 {
        self.size * 1.35
    }
}

/// A table column: its heading and its width in points.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The heading.
    pub heading: &'static str,
    /// The width in points.
    pub width: f32,
}

/// A table cell: text and style, or a dash for nothing.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The text; `None` shows a muted dash.
    pub text: Option<String>,
    /// How it is written.
    pub style: Style,
}

/// Adds a path through `points` (given from the top of the page) to `page`.
fn trace(page: &mut Content, points: &[(f32, f32)]) {
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            page.move_to(*x, PAGE_H - y);
        } else {
            page.line_to(*x, PAGE_H - y);
        }
    }
}

fn rgb(c: Rgb) -> (f32, f32, f32) {
    (f32::from(c.0) / 255.0, f32::from(c.1) / 255.0, f32::from(c.2) / 255.0)
}

/// The pages being written and where the next block goes.
pub struct Doc {
    pages: Vec<Content>,
    /// The y of the next block, from the top of the current page.
    pub y: f32,
}

impl Doc {
    /// A document with one empty page.
    pub fn new() -> Self {
        Doc { pages: vec![Content::new()], y: MARGIN_TOP }
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = MARGIN_TOP;
    }

    /// Moves to a new page unless `height` more points fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN_BOTTOM && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    /// Leaves `points` of space.
    pub fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// Writes one line of text with its top at `top` and its left at `x`.
    pub fn text_at(&mut self, x: f32, top: f32, style: Style, text: &str) {
        let baseline = PAGE_H - (top + style.size * 0.93);
        self.show(style, [1.0, 0.0, 0.0, 1.0, x, baseline], text);
    }

    /// Shows `text` in `style` placed by the text `matrix` (in PDF's upward space).
    fn show(&mut self, style: Style, matrix: [f32; 6], text: &str) {
        let (r, g, b) = rgb(style.color);
        let bytes = encode(text);
        let page = self.page();
        page.begin_text();
        page.set_fill_rgb(r, g, b);
        page.set_font(Name(style.font.resource()), style.size);
        page.set_text_matrix(matrix);
        page.show(Str(&bytes));
        page.end_text();
    }

    /// Wrapped text at `x`, `width` wide, flowing over pages line by line.
    pub fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        for line in wrap(text, style.font, style.size, width) {
            self.ensure(style.leading());
            self.text_at(x, self.y, style, &line);
            self.y += style.leading();
        }
    }

    /// A heading kept with at least `keep` points of what follows it.
    pub fn heading(&mut self, style: Style, text: &str, keep: f32) {
        let lines = wrap(text, style.font, style.size, COLUMN_W);
        self.ensure(lines.len() as f32 * style.leading() + keep);
        self.paragraph(MARGIN_X, COLUMN_W, style, text);
    }

    /// A bulleted list across the column.
    pub fn bullets(&mut self, style: Style, items: &[String]) {
        for item in items {
            self.ensure(style.leading());
            let top = self.y;
            self.text_at(MARGIN_X + 4.0, top, style, "•");
            self.paragraph(MARGIN_X + 16.0, COLUMN_W - 16.0, style, item);
            self.y += 2.0;
        }
    }

    /// A horizontal rule across the column at the current y.
    pub fn rule(&mut self, color: Rgb, width: f32) {
        let y = PAGE_H - self.y;
        self.line(MARGIN_X, y, MARGIN_X + COLUMN_W, y, color, width);
    }

    fn line(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, color: Rgb, width: f32) {
        let (r, g, b) = rgb(color);
        let page = self.page();
        page.set_stroke_rgb(r, g, b);
        page.set_line_width(width);
        page.set_dash_pattern([], 0.0);
        page.move_to(x0, y0);
        page.line_to(x1, y1);
        page.stroke();
    }

    /// A framed box with a thick left edge around wrapped text: a heading line in
    /// bold, then the body.
    pub fn callout(&mut self, color: Rgb, title: &str, body: &str) {
        let title_style = Style::bold(11.5);
        let body_style = Style::regular(10.0);
        let inner = COLUMN_W - 28.0;
        let lines = wrap(body, body_style.font, body_style.size, inner);
        let height = 10.0 + title_style.leading() + lines.len() as f32 * body_style.leading() + 8.0;
        self.ensure(height);
        let top = self.y;
        let (r, g, b) = rgb(color);
        let page = self.page();
        page.set_stroke_rgb(r, g, b);
        page.set_line_width(1.5);
        page.rect(MARGIN_X, PAGE_H - top - height, COLUMN_W, height);
        page.stroke();
        page.set_fill_rgb(r, g, b);
        page.rect(MARGIN_X, PAGE_H - top - height, 6.0, height);
        page.fill_nonzero();
        self.text_at(MARGIN_X + 18.0, top + 10.0, title_style, title);
        let mut y = top + 10.0 + title_style.leading();
        for line in lines {
            self.text_at(MARGIN_X + 18.0, y, body_style, &line);
            y += body_style.leading();
        }
        self.y = top + height;
    }

    /// A tier's marker: its shape filled in its colour, centred on (`cx`, `cy`)
    /// given from the top of the page.
    pub fn marker(&mut self, tier: Tier, cx: f32, cy: f32, r: f32) {
        self.polygon(marker_shape(tier), tier_color(tier), cx, cy, r);
    }

    fn polygon(&mut self, shape: MarkerShape, color: Rgb, cx: f32, cy: f32, r: f32) {
        let points = shape.polygon(cx, cy, r);
        let (red, green, blue) = rgb(color);
        let page = self.page();
        page.set_fill_rgb(red, green, blue);
        page.set_stroke_rgb(1.0, 1.0, 1.0);
        page.set_line_width(1.0);
        trace(page, &points);
        page.close_path();
        page.fill_nonzero_and_stroke();
    }

    /// A tier's badge at `x` with its top at `top`: an outlined pill in the tier's
    /// colour holding its marker and its name, so it never relies on colour alone.
    /// Returns the badge's width.
    pub fn badge(&mut self, x: f32, top: f32, tier: Tier, label: &str, size: f32) -> f32 {
        let style = Style::bold(size).in_color(tier_color(tier));
        let height = size * 1.9;
        let width = height + style.font.width(label, size) + size * 0.9;
        let (r, g, b) = rgb(tier_color(tier));
        let radius = height / 2.0;
        let (x0, y0, x1, y1) = (x, PAGE_H - top - height, x + width, PAGE_H - top);
        let k = radius * 0.5523;
        let page = self.page();
        page.set_stroke_rgb(r, g, b);
        page.set_line_width(1.4);
        page.move_to(x0 + radius, y0);
        page.line_to(x1 - radius, y0);
        page.cubic_to(x1 - radius + k, y0, x1, y0 + radius - k, x1, y0 + radius);
        page.cubic_to(x1, y1 - radius + k, x1 - radius + k, y1, x1 - radius, y1);
        page.line_to(x0 + radius, y1);
        page.cubic_to(x0 + radius - k, y1, x0, y1 - radius + k, x0, y1 - radius);
        page.cubic_to(x0, y0 + radius - k, x0 + radius - k, y0, x0 + radius, y0);
        page.close_path();
        page.stroke();
        self.marker(tier, x + radius, top + height / 2.0, size * 0.55);
        self.text_at(x + height, top + (height - size) / 2.0, style, label);
        width
    }

    /// A table across the column: a header row in capitals (repeated on each new page), then
    /// the rows, each cell wrapped to its column; a group heading row may be
    /// given before a set of rows with [`Row::Group`].
    pub fn table(&mut self, columns: &[Column], rows: &[Row]) {
        let header = Style::bold(7.5).in_color(MUTED);
        let pad = 3.0;
        let headings: Vec<Vec<String>> = columns
            .iter()
            .map(|c| wrap(&c.heading.to_uppercase(), header.font, header.size, c.width - 2.0 * pad))
            .collect();
        let header_lines = headings.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let draw_header = |doc: &mut Doc| {
            let top = doc.y;
            let mut x = MARGIN_X;
            for (column, lines) in columns.iter().zip(&headings) {
                // Headings sit on the rule, so a one-line heading lines up with the last
                // line of a two-line one.
                let mut y = top + 2.0 + (header_lines - lines.len()) as f32 * header.leading();
                for line in lines {
                    doc.text_at(x + pad, y, header, line);
                    y += header.leading();
                }
                x += column.width;
            }
            doc.y = top + header_lines as f32 * header.leading() + 4.0;
            doc.rule(INK, 1.0);
            doc.y += 3.0;
        };
        self.ensure(header_lines as f32 * header.leading() + 30.0);
        draw_header(self);
        for row in rows {
            match row {
                Row::Group(title) => {
                    let style = Style::bold(8.5);
                    if self.y + style.leading() + 24.0 > PAGE_H - MARGIN_BOTTOM {
                        self.new_page();
                        draw_header(self);
                    }
                    self.y += 3.0;
                    self.text_at(MARGIN_X + pad, self.y, style, title);
                    self.y += style.leading();
                }
                Row::Cells(cells) => {
                    let wrapped: Vec<(Vec<String>, Style)> = cells
                        .iter()
                        .zip(columns)
                        .map(|(cell, column)| match &cell.text {
                            Some(text) => (
                                wrap(
                                    text,
                                    cell.style.font,
                                    cell.style.size,
                                    column.width - 2.0 * pad,
                                ),
                                cell.style,
                            ),
                            None => (vec!["–".to_string()], cell.style.in_color(MUTED)),
                        })
                        .collect();
                    let height = wrapped
                        .iter()
                        .map(|(lines, style)| lines.len().max(1) as f32 * style.leading())
                        .fold(0.0, f32::max)
                        + 5.0;
                    if self.y + height > PAGE_H - MARGIN_BOTTOM {
                        self.new_page();
                        draw_header(self);
                    }
                    let top = self.y + 2.0;
                    let mut x = MARGIN_X;
                    for ((lines, style), column) in wrapped.iter().zip(columns) {
                        let mut y = top;
                        for line in lines {
                            self.text_at(x + pad, y, *style, line);
                            y += style.leading();
                        }
                        x += column.width;
                    }
                    self.y += height;
                    self.rule(LINE, 0.6);
                }
            }
        }
        self.y += 6.0;
    }

    /// Strokes a polyline given from the top of the page, with a dash pattern in
    /// points (empty for solid).
    pub fn polyline(&mut self, points: &[(f32, f32)], color: Rgb, width: f32, dash: &[f32]) {
        if points.is_empty() {
            return;
        }
        let (r, g, b) = rgb(color);
        let page = self.page();
        page.save_state();
        page.set_stroke_rgb(r, g, b);
        page.set_line_width(width);
        page.set_line_cap(LineCapStyle::RoundCap);
        page.set_line_join(LineJoinStyle::RoundJoin);
        page.set_dash_pattern(dash.iter().copied(), 0.0);
        trace(page, points);
        page.stroke();
        page.restore_state();
    }

    /// A straight line given from the top of the page.
    pub fn segment(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
        self.line(from.0, PAGE_H - from.1, to.0, PAGE_H - to.1, color, width);
    }

    /// Text whose right edge is at `right`.
    pub fn text_right(&mut self, right: f32, top: f32, style: Style, text: &str) {
        let x = right - style.font.width(text, style.size);
        self.text_at(x, top, style, text);
    }

    /// Text centred on `cx`.
    pub fn text_centered(&mut self, cx: f32, top: f32, style: Style, text: &str) {
        let x = cx - style.font.width(text, style.size) / 2.0;
        self.text_at(x, top, style, text);
    }

    /// Text turned a quarter left (reading upwards), centred on (`cx`, `cy`).
    pub fn text_vertical(&mut self, cx: f32, cy: f32, style: Style, text: &str) {
        let width = style.font.width(text, style.size);
        let x = cx + style.size * 0.35;
        let y = PAGE_H - cy - width / 2.0;
        self.show(style, [0.0, 1.0, -1.0, 0.0, x, y], text);
    }

    /// The finished file: every page with `footer` and "Page k of n" at its foot,
    /// the two standard fonts, and the document's title.
    pub fn finish(self, title: &str, footer: &str) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        let first = 6;
        let count = self.pages.len();
        let page_ids: Vec<Ref> = (0..count).map(|i| Ref::new(first + 2 * i as i32)).collect();

        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids(page_ids.iter().copied()).count(count as i32);
        for (id, font) in [(regular, Font::Regular), (bold, Font::Bold)] {
            pdf.type1_font(id)
                .base_font(Name(font.base_font()))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        pdf.document_info(info)
            .title(TextStr(title))
            .creator(TextStr("Tension Check"))
            .producer(TextStr(concat!("Tension Check ", env!("CARGO_PKG_VERSION"))));

        let footer_style = Style::regular(7.5).in_color(MUTED);
        let mut doc = Doc { pages: Vec::new(), y: 0.0 };
        for (i, content) in self.pages.into_iter().enumerate() {
            doc.pages = vec![content];
            let top = PAGE_H - MARGIN_BOTTOM + 22.0;
            doc.segment((MARGIN_X, top - 6.0), (MARGIN_X + COLUMN_W, top - 6.0), LINE, 0.6);
            let number = format!("Page {} of {count}", i + 1);
            let room = COLUMN_W - footer_style.font.width(&number, footer_style.size) - 16.0;
            let mut y = top;
            for line in wrap(footer, footer_style.font, footer_style.size, room) {
                doc.text_at(MARGIN_X, y, footer_style, &line);
                y += footer_style.leading();
            }
            doc.text_right(MARGIN_X + COLUMN_W, top, footer_style, &number);
            let content = doc.pages.pop().unwrap_or_else(Content::new);
            let page_id = page_ids[i];
            let content_id = Ref::new(page_id.get() + 1);
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
            page.parent(tree);
            page.contents(content_id);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(Font::Regular.resource()), regular);
            fonts.pair(Name(Font::Bold.resource()), bold);
            fonts.finish();
            resources.finish();
            page.finish();
            pdf.stream(content_id, &content.finish());
        }
        pdf.finish()
    }
}

impl Default for Doc {
    fn default() -> Self {
        Doc::new()
    }
}

/// A row of [`Doc::table`].
#[derive(Debug, Clone)]
pub enum Row {
    /// A heading row across the table.
    Group(String),
    /// One cell per column.
    Cells(Vec<Cell>),
}
