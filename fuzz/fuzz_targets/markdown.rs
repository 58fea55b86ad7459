//! The Markdown prose extractor on arbitrary text: prose segments are in
//! order, inside their blocks, on character boundaries and never overlap
//! verbatim regions.
#![no_main]

use copydesk::markup::{Format, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Markdown, Format::Text] {
        let p = extract(text, format);
        let mut last = 0;
        for s in &p.segments {
            assert!(s.start >= last && s.start < s.end && s.end <= text.len(), "{s:?} after {last}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
            assert!(!p.verbatim.iter().any(|v| v.start < s.end && s.start < v.end), "{s:?} in verbatim");
            last = s.end;
        }
        for b in &p.blocks {
            for s in p.block_segments(b) {
                assert!(b.span.start <= s.start && s.end <= b.span.end, "{s:?} outside {b:?}");
            }
        }
    }
});
