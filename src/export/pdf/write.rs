//! The laid-out pages written as a PDF with krilla: Fira Sans embedded and subset,
//! text shaped from Unicode, and the structure tagged (headings, paragraphs,
//! tables, the chart as a figure) so screen readers and text extraction follow it.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::text::{Font as KrillaFont, TextDirection};
use krilla::{Data, Document};

use super::font::{Font, drawable};
use super::ops::{Block, Kind, Op, Pen, Seg};
use super::page::{PAGE_H, PAGE_W};
use crate::export::style::Rgb;

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

/// The PDF's bytes. krilla reports errors only for validation profiles (none is
/// asked for) and unreadable fonts (the embedded ones are read by the tests), so a
/// failure here is a bug: it gives an empty file rather than a broken one.
pub(super) fn render(pages: &[Vec<Op>], blocks: &[Block], title: &str) -> Vec<u8> {
    let mut document = Document::new();
    let fonts: Vec<Option<KrillaFont>> =
        Font::ALL.iter().map(|f| KrillaFont::new(Data::from(f.data()), 0)).collect();
    let mut leaves: Vec<Vec<Identifier>> = vec![Vec::new(); blocks.len()];
    for ops in pages {
        let Some(settings) = PageSettings::from_wh(PAGE_W, PAGE_H) else { continue };
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            let block = match op {
                Op::Text { block, .. } | Op::Path { block, .. } => *block,
            };
            let tag = match (op, block) {
                (_, None) => ContentTag::Artifact(ArtifactType::Other),
                (Op::Text { .. }, Some(_)) => ContentTag::Span(SpanTag::empty()),
                (Op::Path { .. }, Some(_)) => ContentTag::Other,
            };
            let id = surface.start_tagged(tag);
            draw(&mut surface, op, &fonts);
            surface.end_tagged();
            if let Some(b) = block {
                leaves[b].push(id);
            }
        }
        surface.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some("en".to_string()));
    for node in nodes(blocks, None, &mut leaves) {
        tree.push(node);
    }
    document.set_tag_tree(tree);
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("en".to_string())
            .creator("Tension Check".to_string())
            .producer(concat!("Tension Check ", env!("CARGO_PKG_VERSION")).to_string()),
    );
    document.finish().unwrap_or_default()
}

/// The structure under `parent`: each block with its own marked content, then
/// the blocks inside it.
fn nodes(blocks: &[Block], parent: Option<usize>, leaves: &mut [Vec<Identifier>]) -> Vec<Node> {
    let mut out = Vec::new();
    for (id, block) in blocks.iter().enumerate().filter(|(_, b)| b.parent == parent) {
        let mut children: Vec<Node> =
            std::mem::take(&mut leaves[id]).into_iter().map(Node::from).collect();
        children.extend(nodes(blocks, Some(id), leaves));
        if children.is_empty() {
            continue;
        }
        let kind: TagKind = match &block.kind {
            Kind::P => Tag::P.into(),
            Kind::H(level) => {
                Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), None).into()
            }
            Kind::Table => Tag::Table.into(),
            Kind::Row => Tag::TR.into(),
            Kind::Head => Tag::TH(TableHeaderScope::Column).into(),
            Kind::Cell => Tag::TD.into(),
            Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        };
        out.push(TagGroup::with_children(kind, children).into());
    }
    out
}

fn draw(surface: &mut Surface<'_>, op: &Op, fonts: &[Option<KrillaFont>]) {
    match op {
        Op::Text { x, y, style, text, upright, .. } => {
            let Some(font) = fonts.get(style.font as usize).cloned().flatten() else { return };
            surface.set_fill(Some(Fill { paint: color(style.color).into(), ..Fill::default() }));
            surface.set_stroke(None);
            let text = drawable(text);
            if *upright {
                surface.push_transform(&Transform::from_row(0.0, -1.0, 1.0, 0.0, *x, *y));
                surface.draw_text(
                    Point::from_xy(0.0, 0.0),
                    font,
                    style.size,
                    &text,
                    false,
                    TextDirection::Auto,
                );
                surface.pop();
            } else {
                surface.draw_text(
                    Point::from_xy(*x, *y),
                    font,
                    style.size,
                    &text,
                    false,
                    TextDirection::Auto,
                );
            }
        }
        Op::Path { segs, fill, pen, .. } => {
            let mut builder = PathBuilder::new();
            for seg in segs {
                match *seg {
                    Seg::Move(x, y) => builder.move_to(x, y),
                    Seg::Line(x, y) => builder.line_to(x, y),
                    Seg::Cubic(x1, y1, x2, y2, x, y) => builder.cubic_to(x1, y1, x2, y2, x, y),
                    Seg::Close => builder.close(),
                }
            }
            let Some(path) = builder.finish() else { return };
            surface.set_fill(fill.map(|c| Fill { paint: color(c).into(), ..Fill::default() }));
            surface.set_stroke(pen.as_ref().map(stroke));
            surface.draw_path(&path);
        }
    }
}

fn stroke(pen: &Pen) -> Stroke {
    Stroke {
        paint: color(pen.color).into(),
        width: pen.width,
        line_cap: if pen.round { LineCap::Round } else { LineCap::Butt },
        line_join: if pen.round { LineJoin::Round } else { LineJoin::Miter },
        dash: (!pen.dash.is_empty()).then(|| StrokeDash { array: pen.dash.clone(), offset: 0.0 }),
        ..Stroke::default()
    }
}
