//! Analysis of arbitrary text, as plain text and as Markdown, alone and as a
//! two-document workspace (clustering and workspace rules): never a panic,
//! and every finding's span and fix lies on character boundaries.
#![no_main]

use copydesk::analysis::{Context, DocInput, analyze_workspace};
use copydesk::config::Settings;
use copydesk::markup::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let settings = Settings::default();
    let context = Context::default();
    let (half_a, half_b) = text.split_at(text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0));
    for format in [Format::Text, Format::Markdown] {
        let inputs = [
            DocInput { text, path: None, format },
            DocInput { text: half_a, path: None, format },
            DocInput { text: half_b, path: None, format },
        ];
        let (analyses, _) = analyze_workspace(&inputs, &settings, &context);
        for (a, input) in analyses.iter().zip(&inputs) {
            for f in &a.findings {
                assert!(f.span.start <= f.span.end && f.span.end <= input.text.len(), "{f:?}");
                assert!(input.text.is_char_boundary(f.span.start) && input.text.is_char_boundary(f.span.end), "{f:?}");
                for fix in &f.fixes {
                    for e in &fix.edits {
                        assert!(e.span.end <= input.text.len(), "{fix:?}");
                        assert!(input.text.is_char_boundary(e.span.start) && input.text.is_char_boundary(e.span.end), "{fix:?}");
                    }
                }
            }
        }
    }
});
