//! Arbitrary incremental edit sequences against the document store: the
//! result equals a plain `String` edited the same way, and every position
//! conversion round-trips in UTF-8, UTF-16 and UTF-32. Out-of-range edits
//! are clamped, never a panic.
#![no_main]

use arbitrary::Arbitrary;
use copydesk::text::{Document, Encoding, LineCol, LineIndex, TextChange};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Edit {
    a: u16,
    b: u16,
    text: String,
    /// A raw (possibly out-of-range) position edit instead of a valid one.
    raw: Option<(u8, u16, u8, u16)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    initial: String,
    encoding: u8,
    edits: Vec<Edit>,
}

fn boundaries(s: &str) -> Vec<usize> {
    // Offsets an editor can address: char boundaries, never between \r and \n.
    let b = s.as_bytes();
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).filter(|&i| !(i > 0 && i < b.len() && b[i - 1] == b'\r' && b[i] == b'\n')).collect()
}

fuzz_target!(|input: Input| {
    let enc = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32][input.encoding as usize % 3];
    let mut reference = input.initial.clone();
    let mut doc = Document::new(&reference, 0);
    for e in input.edits.iter().take(64) {
        let index = LineIndex::new(&reference);
        if let Some((l1, c1, l2, c2)) = e.raw {
            let change = TextChange {
                range: Some((LineCol { line: l1 as u32, col: c1 as u32 }, LineCol { line: l2 as u32, col: c2 as u32 })),
                text: e.text.clone(),
            };
            doc.apply(&change, enc);
            // Compute the same clamped edit on the reference.
            let (mut a, _) = index.offset(&reference, LineCol { line: l1 as u32, col: c1 as u32 }, enc);
            let (mut b, _) = index.offset(&reference, LineCol { line: l2 as u32, col: c2 as u32 }, enc);
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            reference.replace_range(a..b, &e.text);
            assert_eq!(doc.text(), reference);
            continue;
        }
        let bounds = boundaries(&reference);
        let mut a = bounds[e.a as usize % bounds.len()];
        let mut b = bounds[e.b as usize % bounds.len()];
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        for off in [a, b] {
            for enc2 in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let lc = index.line_col(&reference, off, enc2);
                assert_eq!(index.offset(&reference, lc, enc2), (off, false), "{off} {enc2:?}");
            }
        }
        let start = index.line_col(&reference, a, enc);
        let end = index.line_col(&reference, b, enc);
        let r = doc.apply(&TextChange { range: Some((start, end)), text: e.text.clone() }, enc);
        assert!(!r.clamped);
        reference.replace_range(a..b, &e.text);
        assert_eq!(doc.text(), reference);
    }
});
