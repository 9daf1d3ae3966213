//! What a page of the report is made of: drawing operations and the blocks of
//! the document's structure they belong to (for tagged PDF).

use super::page::Style;
use crate::export::style::Rgb;

/// One piece of a path.
#[derive(Debug, Clone, Copy)]
pub(super) enum Seg {
    /// Starts a subpath.
    Move(f32, f32),
    /// A straight line.
    Line(f32, f32),
    /// A cubic Bézier curve: two control points and the end.
    Cubic(f32, f32, f32, f32, f32, f32),
    /// Closes the subpath.
    Close,
}

/// How a path's outline is drawn.
#[derive(Debug, Clone)]
pub(super) struct Pen {
    /// The colour.
    pub color: Rgb,
    /// The width in points.
    pub width: f32,
    /// The dash pattern in points, empty for solid.
    pub dash: Vec<f32>,
    /// Round caps and joins (the chart's lines) rather than butt and miter.
    pub round: bool,
}

/// What a block of the page is, for the tagged structure readers use.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A paragraph.
    P,
    /// A heading of level 1 to 3.
    H(u16),
    /// A table, its rows, header cells and data cells.
    Table,
    /// A table row.
    Row,
    /// A column heading.
    Head,
    /// A table cell.
    Cell,
    /// A figure (the chart) with its text alternative.
    Figure(String),
}

/// A block of the structure and the block it sits in.
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// What it is.
    pub kind: Kind,
    /// The enclosing block, `None` at the top.
    pub parent: Option<usize>,
}

/// One drawing operation; `block` is the structure it belongs to, `None` for
/// decoration (rules, frames, repeated table headings), written as an artifact.
#[derive(Debug, Clone)]
pub(super) enum Op {
    /// A line of text: its left end on the baseline, or its start when `upright`
    /// (turned a quarter left, reading upwards).
    Text { x: f32, y: f32, style: Style, text: String, upright: bool, block: Option<usize> },
    /// A path, filled and/or stroked.
    Path { segs: Vec<Seg>, fill: Option<Rgb>, pen: Option<Pen>, block: Option<usize> },
}

/// The segments of a polyline through `points`.
pub(super) fn trace(points: &[(f32, f32)]) -> Vec<Seg> {
    points
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| if i == 0 { Seg::Move(x, y) } else { Seg::Line(x, y) })
        .collect()
}
