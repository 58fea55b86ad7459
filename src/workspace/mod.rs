//! Article files on disk: finding them and reading them safely.

mod discover;

pub use discover::{Discovery, discover};

use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum LoadError {
    TooLarge { size: u64, limit: u64 },
    InvalidUtf8 { offset: usize },
    Io(std::io::Error),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::TooLarge { size, limit } => {
                write!(
                    f,
                    "skipped: {size} bytes is over the {limit}-byte limit (max-file-size)"
                )
            }
            LoadError::InvalidUtf8 { offset } => write!(
                f,
                "skipped: not valid UTF-8 (first bad byte at offset {offset})"
            ),
            LoadError::Io(e) => write!(f, "could not be read: {e}"),
        }
    }
}

/// A file's text. A leading byte order mark is removed; `bom` says how many
/// bytes it had so positions can be reported against the file.
pub struct Loaded {
    pub text: String,
    pub bom: usize,
}

pub fn load_text(path: &Path, max_size: u64) -> Result<Loaded, LoadError> {
    let meta = std::fs::metadata(path).map_err(LoadError::Io)?;
    if meta.len() > max_size {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            limit: max_size,
        });
    }
    let bytes = std::fs::read(path).map_err(LoadError::Io)?;
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            s.drain(..bom);
            Ok(Loaded { text: s, bom })
        }
        Err(e) => Err(LoadError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}
