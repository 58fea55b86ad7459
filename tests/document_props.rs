//! Random incremental edits, in every position encoding, leave the server's
//! document store identical to a plain `String` edited the same way.

use copydesk::text::{Document, Encoding, LineCol, LineIndex, TextChange};
use proptest::prelude::*;

/// Text pieces that stress encodings and line endings.
fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a",
        "ä",
        "ß",
        "«",
        "»",
        "„",
        "“",
        "😀",
        "👨\u{200D}👩",
        "\n",
        "\r\n",
        "\r",
        " ",
        "Putin",
        "€",
        "\u{AD}",
        "",
    ])
    .prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// A reference edit: two char-boundary offsets and a replacement.
fn apply_ref(s: &mut String, a: usize, b: usize, t: &str) {
    s.replace_range(a..b, t);
}

fn boundary(s: &str, frac: f64) -> usize {
    let bounds: Vec<usize> = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect();
    bounds[((bounds.len() - 1) as f64 * frac) as usize]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn edits_round_trip_in_all_encodings(
        initial in text(),
        edits in prop::collection::vec((0.0f64..=1.0, 0.0f64..=1.0, text()), 1..12),
        enc in prop::sample::select(vec![Encoding::Utf8, Encoding::Utf16, Encoding::Utf32]),
    ) {
        let mut reference = initial.clone();
        let mut doc = Document::new(&initial, 1);
        for (fa, fb, insert) in edits {
            let (mut a, mut b) = (boundary(&reference, fa), boundary(&reference, fb));
            if a > b { std::mem::swap(&mut a, &mut b); }
            // A `\r\n` pair is one line break: never cut between its halves.
            let bytes = reference.as_bytes();
            if a > 0 && a < bytes.len() && bytes[a - 1] == b'\r' && bytes[a] == b'\n' { a -= 1; }
            if b > 0 && b < bytes.len() && bytes[b - 1] == b'\r' && bytes[b] == b'\n' { b += 1; }
            let index = LineIndex::new(&reference);
            let start = index.line_col(&reference, a, enc);
            let end = index.line_col(&reference, b, enc);
            // Every position converts back to where it came from.
            prop_assert_eq!(index.offset(&reference, start, enc), (a, false));
            prop_assert_eq!(index.offset(&reference, end, enc), (b, false));
            let report = doc.apply(&TextChange { range: Some((start, end)), text: insert.clone() }, enc);
            prop_assert!(!report.clamped);
            apply_ref(&mut reference, a, b, &insert);
            prop_assert_eq!(doc.text(), reference.clone());
        }
    }

    #[test]
    fn out_of_range_positions_never_panic(
        initial in text(),
        l1 in 0u32..50, c1 in 0u32..200, l2 in 0u32..50, c2 in 0u32..200,
        insert in text(),
    ) {
        let mut doc = Document::new(&initial, 1);
        let change = TextChange {
            range: Some((LineCol { line: l1, col: c1 }, LineCol { line: l2, col: c2 })),
            text: insert.clone(),
        };
        doc.apply(&change, Encoding::Utf16);
        // The inserted text is there and nothing was invented.
        prop_assert!(doc.text().contains(&insert));
        prop_assert!(doc.text().len() <= initial.len() + insert.len());
    }
}
