//! An open document: a rope that takes incremental edits in O(edit).

use ropey::Rope;

use super::{Encoding, LineCol};

#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    pub version: i32,
}

/// One `didChange` content change, already decoded from the protocol.
#[derive(Clone, Debug)]
pub struct TextChange {
    /// `None` replaces the whole text.
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// What applying a change had to correct.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ApplyReport {
    pub clamped: bool,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
        }
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    pub fn len_bytes(&self) -> usize {
        self.rope.len_bytes()
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    /// Applies one change. Positions outside the document are clamped (and
    /// reported) instead of failing: a confused client must never crash the
    /// server or lose the text it already has.
    pub fn apply(&mut self, change: &TextChange, enc: Encoding) -> ApplyReport {
        let Some((start, end)) = change.range else {
            self.rope = Rope::from_str(&change.text);
            return ApplyReport::default();
        };
        let (mut a, ca) = self.char_index(start, enc);
        let (mut b, cb) = self.char_index(end, enc);
        let mut clamped = ca || cb;
        if a > b {
            std::mem::swap(&mut a, &mut b);
            clamped = true;
        }
        self.rope.remove(a..b);
        self.rope.insert(a, &change.text);
        ApplyReport { clamped }
    }

    /// Char index of a protocol position, clamped into the document.
    fn char_index(&self, pos: LineCol, enc: Encoding) -> (usize, bool) {
        let line = pos.line as usize;
        if line >= self.rope.len_lines() {
            return (self.rope.len_chars(), true);
        }
        let line_start = self.rope.line_to_char(line);
        let want = pos.col as usize;
        let mut units = 0;
        for (i, c) in self.rope.line(line).chars().enumerate() {
            if c == '\n' || c == '\r' || units >= want {
                return (line_start + i, units != want);
            }
            let next = units + enc.len_of(c);
            if next > want {
                return (line_start + i, true);
            }
            units = next;
        }
        let len = self.rope.line(line).len_chars();
        (line_start + len, units != want)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextChange {
        TextChange {
            range: Some((LineCol { line: l1, col: c1 }, LineCol { line: l2, col: c2 })),
            text: text.into(),
        }
    }

    #[test]
    fn utf16_edit_after_emoji_lands_after_emoji() {
        let mut d = Document::new("a😀b\n„Zitat“", 1);
        d.apply(&change(0, 3, 0, 4, "X"), Encoding::Utf16);
        assert_eq!(d.text(), "a😀X\n„Zitat“");
        d.apply(&change(1, 1, 1, 6, "Wort"), Encoding::Utf16);
        assert_eq!(d.text(), "a😀X\n„Wort“");
    }

    #[test]
    fn out_of_range_edit_is_clamped_and_reported() {
        let mut d = Document::new("eins\r\nzwei", 1);
        let r = d.apply(&change(0, 40, 9, 0, "!"), Encoding::Utf16);
        assert!(r.clamped);
        assert_eq!(d.text(), "eins!");
    }
}
