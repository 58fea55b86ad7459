//! Prose blocks of a Markdown file, from tree-sitter-md's block and inline
//! trees.

use std::cell::RefCell;
use std::ops::Range;

use tree_sitter::Node;
use tree_sitter_md::{MarkdownParser, MarkdownTree};

use super::BlockKind;

thread_local! {
    // A parser owns C state that is costly to set up; one per thread.
    static PARSER: RefCell<MarkdownParser> = RefCell::new(MarkdownParser::default());
}

pub fn blocks(
    text: &str,
    body_start: usize,
    add: &mut impl FnMut(BlockKind, Range<usize>, &mut Vec<Range<usize>>),
    verbatim: &mut Vec<Range<usize>>,
    hard_breaks: &mut Vec<Range<usize>>,
) {
    let Some(tree) = PARSER.with(|p| p.borrow_mut().parse(text.as_bytes(), None)) else {
        // Parsing only fails on timeout or cancellation, neither of which
        // is set; with no tree there is simply no prose to check.
        return;
    };
    let mut w = Walker {
        tree: &tree,
        body_start,
        add,
        verbatim,
        hard_breaks,
    };
    w.block(tree.block_tree().root_node());
}

struct Walker<'a, F> {
    tree: &'a MarkdownTree,
    body_start: usize,
    add: &'a mut F,
    verbatim: &'a mut Vec<Range<usize>>,
    hard_breaks: &'a mut Vec<Range<usize>>,
}

impl<F: FnMut(BlockKind, Range<usize>, &mut Vec<Range<usize>>)> Walker<'_, F> {
    fn block(&mut self, node: Node) {
        if node.end_byte() <= self.body_start {
            return;
        }
        match node.kind() {
            "minus_metadata"
            | "plus_metadata"
            | "fenced_code_block"
            | "indented_code_block"
            | "html_block"
            | "link_reference_definition" => {
                self.verbatim.push(node.byte_range());
            }
            "atx_heading" => {
                let level = (0..node.child_count())
                    .filter_map(|i| node.child(i))
                    .find_map(|c| {
                        c.kind()
                            .strip_prefix("atx_h")?
                            .strip_suffix("_marker")?
                            .parse()
                            .ok()
                    })
                    .unwrap_or(1);
                if let Some(inline) = node.child_by_field_name("heading_content") {
                    self.inline(BlockKind::Heading(level), inline);
                }
            }
            "setext_heading" => {
                let level = if has_child(node, "setext_h2_underline") {
                    2
                } else {
                    1
                };
                if let Some(para) = find_child(node, "paragraph")
                    && let Some(inline) = find_child(para, "inline")
                {
                    self.inline(BlockKind::Heading(level), inline);
                }
            }
            "paragraph" => {
                if let Some(inline) = find_child(node, "inline") {
                    self.inline(BlockKind::Paragraph, inline);
                }
            }
            "pipe_table_cell" => self.inline(BlockKind::TableCell, node),
            _ => {
                let mut c = node.walk();
                for child in node.children(&mut c) {
                    self.block(child);
                }
            }
        }
    }

    fn inline(&mut self, kind: BlockKind, node: Node) {
        let mut masks = Vec::new();
        // Named children of an inline node in the block tree are block
        // continuation markers ("> " of a quote's later lines).
        let mut c = node.walk();
        for child in node.named_children(&mut c) {
            masks.push(child.byte_range());
        }
        if let Some(t) = self.tree.inline_tree(&node) {
            self.mask_inline(t.root_node(), &mut masks);
        }
        let mut span = node.byte_range();
        span.start = span.start.max(self.body_start);
        if span.start < span.end {
            (self.add)(kind, span, &mut masks);
        }
    }

    fn mask_inline(&mut self, node: Node, masks: &mut Vec<Range<usize>>) {
        match node.kind() {
            "code_span"
            | "html_tag"
            | "uri_autolink"
            | "email_autolink"
            | "latex_block"
            | "emphasis_delimiter"
            | "entity_reference"
            | "numeric_character_reference" => {
                masks.push(node.byte_range());
            }
            "backslash_escape" => masks.push(node.start_byte()..node.start_byte() + 1),
            "hard_line_break" => self.hard_breaks.push(node.byte_range()),
            "inline_link"
            | "image"
            | "full_reference_link"
            | "collapsed_reference_link"
            | "shortcut_link" => {
                // Keep the visible text; everything else (brackets,
                // destination, title, label) is markup.
                let mut pos = node.start_byte();
                let mut c = node.walk();
                for child in node.named_children(&mut c) {
                    if matches!(child.kind(), "link_text" | "image_description") {
                        masks.push(pos..child.start_byte());
                        self.mask_inline(child, masks);
                        pos = child.end_byte();
                    }
                }
                masks.push(pos..node.end_byte());
            }
            _ => {
                let mut c = node.walk();
                for child in node.children(&mut c) {
                    self.mask_inline(child, masks);
                }
            }
        }
    }
}

fn find_child<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    let mut c = node.walk();
    node.children(&mut c).find(|n| n.kind() == kind)
}

fn has_child(node: Node, kind: &str) -> bool {
    find_child(node, kind).is_some()
}
