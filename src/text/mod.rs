//! Text storage and position conversions.
//!
//! Spans everywhere in copydesk are byte ranges into UTF-8 text; this module
//! converts them to what editors count (see [`LineIndex`]) and stores open
//! documents as ropes (see [`Document`]).

mod document;
mod line_index;

pub use document::{ApplyReport, Document, TextChange};
pub use line_index::{Encoding, LineCol, LineIndex};

/// Decodes file bytes; a UTF-8 byte order mark at the start is dropped the
/// way editors drop it. Invalid UTF-8 is an error naming the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
}
