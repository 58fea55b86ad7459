//! Which files are articles: the `include` globs, minus `exclude` and
//! whatever `.gitignore` ignores (also outside a Git repository).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::config::Settings;

/// Compiled include/exclude patterns.
pub struct Discovery {
    include: GlobSet,
    exclude: GlobSet,
    /// Bad globs, for the log.
    pub errors: Vec<String>,
}

impl Discovery {
    pub fn new(settings: &Settings) -> Discovery {
        let mut errors = Vec::new();
        let mut build = |pats: &[String]| {
            let mut b = GlobSetBuilder::new();
            for p in pats {
                match Glob::new(p) {
                    Ok(g) => {
                        b.add(g);
                    }
                    Err(e) => errors.push(format!("invalid glob {p:?}: {e}")),
                }
            }
            b.build().unwrap_or_else(|_| GlobSet::empty())
        };
        let include = build(&settings.include);
        let exclude = build(&settings.exclude);
        Discovery {
            include,
            exclude,
            errors,
        }
    }

    /// Whether `path` (under `root`) is an article by the globs.
    pub fn matches(&self, root: &Path, path: &Path) -> bool {
        let rel = path.strip_prefix(root).unwrap_or(path);
        // "**/*.md" should also match "a.md" at the root.
        (self.include.is_match(rel) || self.include.is_match(Path::new("x").join(rel)))
            && !self.exclude.is_match(rel)
    }
}

/// Article files under `roots`, sorted. A root that is a file is taken as
/// it is (the user named it); directories are walked.
pub fn discover(roots: &[PathBuf], settings: &Settings) -> (Vec<PathBuf>, Vec<String>) {
    let d = Discovery::new(settings);
    let mut errors = d.errors.clone();
    let mut out = Vec::new();
    for root in roots {
        if root.is_file() {
            out.push(root.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .git_ignore(true)
            .require_git(false)
            .follow_links(false)
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if d.matches(root, e.path()) {
                        out.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(e.to_string()),
            }
        }
    }
    out.sort();
    out.dedup();
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_gitignore_and_hidden_folders_decide_what_is_an_article() {
        let dir = std::env::temp_dir().join(format!("copydesk-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::create_dir_all(dir.join(".hidden")).unwrap();
        for f in [
            "a.md",
            "b.txt",
            "c.rs",
            "sub/d.markdown",
            "sub/skip.txt",
            ".hidden/e.md",
            "ignored.txt",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        std::fs::write(dir.join(".gitignore"), "ignored.txt\n").unwrap();
        let settings = Settings {
            exclude: vec!["sub/skip.txt".into()],
            ..Settings::default()
        };
        let (files, errors) = discover(std::slice::from_ref(&dir), &settings);
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names, ["a.md", "b.txt", "sub/d.markdown"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
