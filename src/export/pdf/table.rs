//! Tables of the PDF report: a heading row repeated on each page, rows that move
//! whole to the next page when they fit there, and rows taller than a page split
//! line by line.

use super::font::wrap;
use super::layout::Doc;
use super::ops::Kind;
use super::page::{INK, LINE, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PAGE_H, Style};

/// A table column: its heading and its width in points.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    /// The heading.
    pub heading: &'static str,
    /// The width in points.
    pub width: f32,
}

/// A table cell: text and style, or a dash for nothing.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    /// The text; `None` shows a muted dash.
    pub text: Option<String>,
    /// How it is written.
    pub style: Style,
}

/// A row of [`Doc::table`].
#[derive(Debug, Clone)]
pub(super) enum Row {
    /// A heading row across the table.
    Group(String),
    /// One cell per column.
    Cells(Vec<Cell>),
}

/// The cell padding of tables.
const PAD: f32 = 3.0;

/// The height of a row of wrapped cells.
fn row_height(cells: &[(Vec<String>, Style)]) -> f32 {
    cells
        .iter()
        .map(|(lines, style)| lines.len().max(1) as f32 * style.leading())
        .fold(0.0, f32::max)
        + 5.0
}

impl Doc {
    /// A table across the column: a header row in capitals (repeated on each new
    /// page), then the rows, each cell wrapped to its column; a group heading row
    /// may be given before a set of rows with [`Row::Group`]. A row that does not
    /// fit in what is left of the page moves to the next; a row taller than a whole
    /// page is split between pages, line by line.
    pub(super) fn table(&mut self, columns: &[Column], rows: &[Row]) {
        let header = Style::bold(7.5).in_color(MUTED);
        let headings: Vec<Vec<String>> = columns
            .iter()
            .map(|c| wrap(&c.heading.to_uppercase(), header.font, header.size, c.width - 2.0 * PAD))
            .collect();
        let header_lines = headings.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let draw_header = |doc: &mut Doc| {
            let top = doc.y;
            let mut x = MARGIN_X;
            doc.open(Kind::Row);
            for (column, lines) in columns.iter().zip(&headings) {
                // Headings sit on the rule, so a one-line heading lines up with the last
                // line of a two-line one.
                let mut y = top + 2.0 + (header_lines - lines.len()) as f32 * header.leading();
                doc.open(Kind::Head);
                for line in lines {
                    doc.text_at(x + PAD, y, header, line);
                    y += header.leading();
                }
                doc.close();
                x += column.width;
            }
            doc.close();
            doc.y = top + header_lines as f32 * header.leading() + 4.0;
            doc.rule(INK, 1.0);
            doc.y += 3.0;
        };
        // Repeated headings on later pages are decoration: the structure has them once.
        let next_page = |doc: &mut Doc| {
            doc.new_page();
            doc.decoration = true;
            draw_header(doc);
            doc.decoration = false;
        };
        self.ensure(header_lines as f32 * header.leading() + 30.0);
        self.open(Kind::Table);
        draw_header(self);
        let room =
            PAGE_H - MARGIN_BOTTOM - MARGIN_TOP - header_lines as f32 * header.leading() - 8.0;
        for row in rows {
            match row {
                Row::Group(title) => {
                    let style = Style::bold(8.5);
                    if self.y + style.leading() + 24.0 > PAGE_H - MARGIN_BOTTOM {
                        next_page(self);
                    }
                    self.y += 3.0;
                    self.open(Kind::Row);
                    self.open(Kind::Head);
                    self.text_at(MARGIN_X + PAD, self.y, style, title);
                    self.close();
                    self.close();
                    self.y += style.leading();
                }
                Row::Cells(cells) => {
                    let wrapped: Vec<(Vec<String>, Style)> = cells
                        .iter()
                        .zip(columns)
                        .map(|(cell, column)| match &cell.text {
                            Some(text) => {
                                let width = column.width - 2.0 * PAD;
                                (wrap(text, cell.style.font, cell.style.size, width), cell.style)
                            }
                            None => (vec!["–".to_string()], cell.style.in_color(MUTED)),
                        })
                        .collect();
                    let height = row_height(&wrapped);
                    if self.y + height > PAGE_H - MARGIN_BOTTOM && height <= room {
                        next_page(self);
                    }
                    self.row(columns, &wrapped, &next_page);
                }
            }
        }
        self.close();
        self.y += 6.0;
    }

    /// Draws a row of wrapped cells from the current y, going on over as many
    /// pages as it needs, then a rule under it.
    fn row(
        &mut self,
        columns: &[Column],
        cells: &[(Vec<String>, Style)],
        next_page: &dyn Fn(&mut Doc),
    ) {
        let row = self.open(Kind::Row);
        let ids: Vec<usize> = cells
            .iter()
            .map(|_| {
                let id = self.open(Kind::Cell);
                self.close();
                id
            })
            .collect();
        let mut done = vec![0; cells.len()];
        loop {
            let bottom = PAGE_H - MARGIN_BOTTOM;
            let top = self.y + 2.0;
            let mut x = MARGIN_X;
            let mut used: f32 = 0.0;
            for (i, ((lines, style), column)) in cells.iter().zip(columns).enumerate() {
                let fit = (((bottom - top - 3.0) / style.leading()).floor().max(0.0)) as usize;
                let end = lines.len().min(done[i] + fit);
                self.current = Some(ids[i]);
                let mut y = top;
                for line in &lines[done[i]..end] {
                    self.text_at(x + PAD, y, *style, line);
                    y += style.leading();
                }
                used = used.max(y - top);
                done[i] = end;
                x += column.width;
            }
            self.current = Some(row);
            let finished = cells.iter().zip(&done).all(|((lines, _), d)| *d >= lines.len());
            if finished {
                self.y = top + used + 3.0;
                break;
            }
            if used == 0.0 && self.y <= MARGIN_TOP + 40.0 {
                // Not even one line fits on a fresh page: give up rather than loop.
                break;
            }
            next_page(self);
        }
        self.close();
        self.rule(LINE, 0.6);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::ops::Op;
    use crate::export::pdf::page::COLUMN_W;

    #[test]
    fn a_row_taller_than_a_page_is_split_and_stays_on_the_pages() {
        let columns = [
            Column { heading: "Step", width: 60.0 },
            Column { heading: "Text", width: COLUMN_W - 60.0 },
        ];
        let long: Vec<String> = (0..400).map(|i| format!("line{i}")).collect();
        let style = Style::regular(8.0);
        let rows = [
            Row::Cells(vec![
                Cell { text: Some("A2".into()), style },
                Cell { text: Some(long.join("\n")), style },
            ]),
            Row::Cells(vec![Cell { text: Some("B2".into()), style }, Cell { text: None, style }]),
        ];
        let mut doc = Doc::new();
        doc.table(&columns, &rows);
        assert!(doc.pages.len() >= 4, "{} pages", doc.pages.len());
        let mut seen = Vec::new();
        for page in &doc.pages {
            for op in page {
                if let Op::Text { y, text, .. } = op {
                    assert!(*y > 0.0 && *y < PAGE_H - MARGIN_BOTTOM + 1.0, "{text} at {y}");
                    seen.push(text.clone());
                }
            }
        }
        // Every line once, in order; the heading again on every page; the next row too.
        let lines: Vec<&String> = seen.iter().filter(|t| t.starts_with("line")).collect();
        assert_eq!(lines, long.iter().collect::<Vec<_>>());
        assert_eq!(seen.iter().filter(|t| *t == "STEP").count(), doc.pages.len());
        assert!(seen.contains(&"B2".to_string()));
    }
}
