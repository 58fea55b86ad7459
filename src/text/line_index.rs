//! Byte offsets ↔ (line, column) in the client's position encoding.
//!
//! Everything inside copydesk is a byte offset into UTF-8 text. Editors speak
//! in lines and columns counted in UTF-16 code units (the LSP default), UTF-8
//! bytes or code points. This index is the one place where the two meet.
//! Lines end at `\n`, `\r\n` or `\r`, exactly as the LSP specification says;
//! U+2028 and friends are *not* line breaks here.

use std::ops::Range;

/// How a client counts columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// Units a character occupies in this encoding.
    #[inline]
    pub fn len_of(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A zero-based line and column (column counted in some [`Encoding`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; always begins with 0.
    starts: Vec<usize>,
    len: usize,
    /// True when the text is pure ASCII, so every encoding counts bytes.
    ascii: bool,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
            ascii: text.is_ascii(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of a line including its terminator.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(line)?;
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        Some(start..end)
    }

    /// The line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Converts a byte offset to a line and column. Offsets past the end or
    /// inside a multi-byte character are clamped to the nearest boundary
    /// before it.
    pub fn line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = if self.ascii || enc == Encoding::Utf8 {
            offset - start
        } else {
            text[start..offset].chars().map(|c| enc.len_of(c)).sum()
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Converts a line and column to a byte offset. A line past the end maps
    /// to the end of the text; a column past the end of its line maps to the
    /// end of the line (before its terminator), and a column that falls inside
    /// a character (half a surrogate pair) maps to that character's start.
    /// Returns the offset and whether clamping was needed.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> (usize, bool) {
        let line = pos.line as usize;
        let Some(range) = self.line_range(line) else {
            return (self.len, true);
        };
        let content_end = line_content_end(text, range.clone());
        let want = pos.col as usize;
        if self.ascii || enc == Encoding::Utf8 {
            let mut off = (range.start + want).min(content_end);
            let clamped = range.start + want > content_end;
            while !text.is_char_boundary(off) {
                off -= 1;
            }
            return (off, clamped);
        }
        let mut units = 0;
        for (i, c) in text[range.start..content_end].char_indices() {
            if units >= want {
                return (range.start + i, units > want);
            }
            let next = units + enc.len_of(c);
            if next > want {
                // The column points into the middle of this character.
                return (range.start + i, true);
            }
            units = next;
        }
        (content_end, units < want)
    }
}

/// End of a line's content, before `\n`, `\r\n` or `\r`.
fn line_content_end(text: &str, range: Range<usize>) -> usize {
    let b = text.as_bytes();
    let mut end = range.end;
    if end > range.start && b[end - 1] == b'\n' {
        end -= 1;
    }
    if end > range.start && b[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_for_umlauts_guillemets_and_emoji() {
        let text = "Grüße «Putin» 😀 x\nzweite";
        let idx = LineIndex::new(text);
        let x = text.find(" x").unwrap() + 1;
        // "Grüße «Putin» " is 14 chars; emoji is 2 UTF-16 units, then a space.
        assert_eq!(
            idx.line_col(text, x, Encoding::Utf16),
            LineCol { line: 0, col: 17 }
        );
        assert_eq!(
            idx.line_col(text, x, Encoding::Utf32),
            LineCol { line: 0, col: 16 }
        );
        assert_eq!(
            idx.line_col(text, x, Encoding::Utf8),
            LineCol {
                line: 0,
                col: x as u32
            }
        );
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let lc = idx.line_col(text, x, enc);
            assert_eq!(idx.offset(text, lc, enc), (x, false));
        }
    }

    #[test]
    fn crlf_and_lone_cr_both_end_lines() {
        let text = "a\r\nb\rc\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(
            idx.line_col(text, 3, Encoding::Utf16),
            LineCol { line: 1, col: 0 }
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 0, col: 9 }, Encoding::Utf16),
            (1, true)
        );
    }

    #[test]
    fn positions_past_the_end_are_clamped_not_panicking() {
        let text = "äb\n";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.offset(text, LineCol { line: 7, col: 0 }, Encoding::Utf16),
            (text.len(), true)
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16),
            (3, true)
        );
        assert_eq!(
            idx.line_col(text, 1, Encoding::Utf16),
            LineCol { line: 0, col: 0 }
        );
        // Half of a surrogate pair maps to the character's start.
        let t = "😀a";
        let i = LineIndex::new(t);
        assert_eq!(
            i.offset(t, LineCol { line: 0, col: 1 }, Encoding::Utf16),
            (0, true)
        );
    }
}
