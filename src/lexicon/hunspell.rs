//! Optional Hunspell dictionaries, read with spellbook (pure Rust), as a
//! second opinion for the glued-words rule: a system dictionary knows every
//! inflected form its affix rules generate ("tobt", "gewechselt"), where the
//! embedded lexicon knows 73,000 words. Off unless the setting `hunspell`
//! asks for it; the rule works without.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::config::Language;

pub struct Hunspell {
    dict: spellbook::Dictionary,
    /// The `.dic` file it was read from.
    pub path: PathBuf,
}

impl std::fmt::Debug for Hunspell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hunspell")
            .field("path", &self.path)
            .finish()
    }
}

impl Hunspell {
    /// Whether the dictionary accepts the word (its own case rules apply).
    pub fn check(&self, w: &str) -> bool {
        w.len() <= spellbook::MAX_WORD_LEN && self.dict.check(w)
    }
}

/// Dictionary names tried for a language, most common first.
fn names(language: Language) -> &'static [&'static str] {
    match language {
        Language::De => &["de_DE", "de_DE_frami", "de_AT", "de_CH", "de"],
        Language::En => &["en_US", "en_GB", "en"],
    }
}

/// Where Hunspell, LibreOffice and macOS keep dictionaries.
fn system_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("DICPATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".local/share/hunspell"));
        dirs.push(home.join("Library/Spelling"));
    }
    for d in [
        "/usr/share/hunspell",
        "/usr/local/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
        "/opt/homebrew/share/hunspell",
        "/Library/Spelling",
    ] {
        dirs.push(PathBuf::from(d));
    }
    dirs
}

/// The `.dic` file for `language` in `dir`, if any.
fn in_dir(dir: &Path, language: Language) -> Option<PathBuf> {
    names(language)
        .iter()
        .map(|n| dir.join(format!("{n}.dic")))
        .find(|p| p.is_file() && p.with_extension("aff").is_file())
}

/// Reads the dictionary the setting `hunspell` names: `"off"` (or empty)
/// for none; `"auto"` for the first one for `language` in the usual system
/// folders (none found is not an error); otherwise a `.dic` or `.aff` file
/// (the other beside it) or a folder holding one, relative paths from
/// `root`. Each file is compiled once per process.
pub fn load(
    setting: &str,
    language: Language,
    root: Option<&Path>,
) -> Result<Option<Arc<Hunspell>>, String> {
    let dic = match setting.trim() {
        "" | "off" => return Ok(None),
        "auto" => match system_dirs().iter().find_map(|d| in_dir(d, language)) {
            Some(p) => p,
            None => return Ok(None),
        },
        given => {
            let p = match root {
                Some(r) if Path::new(given).is_relative() => r.join(given),
                _ => PathBuf::from(given),
            };
            let found = if p.is_dir() {
                in_dir(&p, language)
            } else {
                Some(p.with_extension("dic"))
            };
            match found {
                Some(d) if d.is_file() && d.with_extension("aff").is_file() => d,
                _ => {
                    return Err(format!(
                        "hunspell: no dictionary (.dic and .aff) at {}",
                        p.display()
                    ));
                }
            }
        }
    };
    open(&dic).map(Some)
}

fn open(dic: &Path) -> Result<Arc<Hunspell>, String> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Hunspell>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = dic.canonicalize().unwrap_or_else(|_| dic.to_path_buf());
    if let Some(h) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(h.clone());
    }
    let read = |p: &Path| {
        let bytes = std::fs::read(p).map_err(|e| format!("hunspell: {}: {e}", p.display()))?;
        String::from_utf8(bytes).map_err(|_| {
            format!(
                "hunspell: {} is not UTF-8 (only UTF-8 dictionaries are read)",
                p.display()
            )
        })
    };
    let aff = read(&key.with_extension("aff"))?;
    let text = read(&key)?;
    let dict = spellbook::Dictionary::new(&aff, &text)
        .map_err(|e| format!("hunspell: {}: {e}", key.display()))?;
    let h = Arc::new(Hunspell {
        dict,
        path: key.clone(),
    });
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, h.clone());
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-word dictionary written for the test, with one suffix rule.
    fn fixture() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("copydesk-hunspell-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("de_DE.aff"), "SET UTF-8\nSFX A Y 1\nSFX A 0 t .\n").unwrap();
        std::fs::write(dir.join("de_DE.dic"), "2\ntob/A\nSyrien\n").unwrap();
        dir
    }

    #[test]
    fn a_configured_dictionary_is_read_with_its_affixes() {
        let dir = fixture();
        let h = load(dir.to_str().unwrap(), Language::De, None)
            .unwrap()
            .unwrap();
        assert!(h.check("tobt") && h.check("Syrien"));
        assert!(!h.check("Syrientobt"));
        let same = load("de_DE.dic", Language::De, Some(&dir))
            .unwrap()
            .unwrap();
        assert!(Arc::ptr_eq(&h, &same), "compiled once");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn off_is_none_and_a_missing_path_is_an_error() {
        assert!(load("off", Language::De, None).unwrap().is_none());
        let e = load("/nonexistent/de_DE.dic", Language::De, None).unwrap_err();
        assert!(e.contains("no dictionary"), "{e}");
    }
}
