//! Keeps the workspace vocabulary (for `spacing/glued-words`) in step with
//! the archive on disk and the open documents' unsaved text, so the editor
//! agrees with `copydesk check` of the same texts.
//!
//! Recounting a 50,000-article archive after every pause in typing costs
//! seconds. Instead a ledger remembers which text of each source (an
//! indexed file, or an open document in place of its file) the vocabulary
//! counts; a sync counts only the sources whose text changed, as a signed
//! difference, and re-analyses only the open documents whose last analysis
//! looked up an entry that difference touched.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::backend::Backend;
use crate::lexicon::{Counts, VocabularyChange};
use crate::markup::Format;

type Counted = (Arc<str>, Format);

/// The text each source had when it was last counted.
#[derive(Debug, Default)]
pub(super) struct Ledger {
    /// Indexed files that are not open.
    files: HashMap<PathBuf, Counted>,
    /// Open documents, by URI key.
    docs: HashMap<String, Counted>,
}

/// One source whose text differs from the counted one.
struct Edit {
    old: Option<Counted>,
    new: Option<Counted>,
}

impl Edit {
    /// The source is no longer counted.
    fn gone(old: &Counted) -> Edit {
        Edit {
            old: Some(old.clone()),
            new: None,
        }
    }
}

impl Backend {
    /// Counts what changed since the last sync into the workspace
    /// vocabulary. Returns the entries whose counts changed, if any.
    pub(super) async fn sync_vocabulary(&self) -> Option<VocabularyChange> {
        let mut ledger = self.inner.ledger.lock().await;
        let files_dirty = std::mem::take(&mut self.write().vocab_files_dirty);
        let mut file_edits: Vec<(PathBuf, Edit)> = Vec::new();
        let mut doc_edits: Vec<(String, Edit)> = Vec::new();
        {
            let st = self.read();
            let limit = st.settings.max_file_size;
            for (key, d) in &st.docs {
                let old = ledger.docs.get(key);
                if d.doc.len_bytes() as u64 > limit {
                    // Unchecked, like a file over max-file-size for `check`.
                    if let Some(old) = old {
                        doc_edits.push((key.clone(), Edit::gone(old)));
                    }
                    continue;
                }
                if old.is_some_and(|(t, f)| *f == d.format && d.doc.rope() == &**t) {
                    continue;
                }
                let text: Arc<str> = match d.current() {
                    Some(a) => a.text.clone(),
                    None => Arc::from(d.doc.text()),
                };
                doc_edits.push((
                    key.clone(),
                    Edit {
                        old: old.cloned(),
                        new: Some((text, d.format)),
                    },
                ));
            }
            for (key, old) in &ledger.docs {
                if !st.docs.contains_key(key) {
                    doc_edits.push((key.clone(), Edit::gone(old)));
                }
            }
            // Opening or closing a document swaps it with its file.
            let swapped = doc_edits
                .iter()
                .any(|(_, e)| e.old.is_none() || e.new.is_none());
            if files_dirty || swapped {
                let open: HashSet<&Path> =
                    st.docs.values().filter_map(|d| d.path.as_deref()).collect();
                for (p, f) in &st.files {
                    let have = ledger.files.get(p);
                    if open.contains(p.as_path()) {
                        if let Some(h) = have {
                            file_edits.push((p.clone(), Edit::gone(h)));
                        }
                    } else if !have.is_some_and(|(t, _)| Arc::ptr_eq(t, &f.text)) {
                        file_edits.push((
                            p.clone(),
                            Edit {
                                old: have.cloned(),
                                new: Some((f.text.clone(), Format::from_path(p))),
                            },
                        ));
                    }
                }
                for (p, old) in &ledger.files {
                    if !st.files.contains_key(p) {
                        file_edits.push((p.clone(), Edit::gone(old)));
                    }
                }
            }
        }
        if file_edits.is_empty() && doc_edits.is_empty() {
            return None;
        }
        let texts: Vec<(Counted, i64)> = file_edits
            .iter()
            .map(|(_, e)| e)
            .chain(doc_edits.iter().map(|(_, e)| e))
            .flat_map(|e| {
                let old = e.old.clone().map(|c| (c, -1));
                let new = e.new.clone().map(|c| (c, 1));
                old.into_iter().chain(new)
            })
            .collect();
        let vocabulary = self.read().context.vocabulary.clone();
        let counted = tokio::task::spawn_blocking(move || {
            use rayon::prelude::*;
            let change = texts
                .par_iter()
                .fold(Counts::default, |mut c, ((text, format), sign)| {
                    c.add_text(text, *format, *sign);
                    c
                })
                .reduce(Counts::default, |mut a, b| {
                    a.merge(&b, 1);
                    a
                });
            vocabulary.updated(&change)
        })
        .await;
        let Ok((next, changed)) = counted else {
            // Counting panicked: nothing was recorded, so try again later.
            let mut st = self.write();
            st.vocab_dirty = true;
            st.vocab_files_dirty |= files_dirty;
            return None;
        };
        for (p, e) in file_edits {
            match e.new {
                Some(c) => ledger.files.insert(p, c),
                None => ledger.files.remove(&p),
            };
        }
        for (k, e) in doc_edits {
            match e.new {
                Some(c) => ledger.docs.insert(k, c),
                None => ledger.docs.remove(&k),
            };
        }
        if changed.is_empty() {
            return None;
        }
        let mut st = self.write();
        st.context = st.context.with_vocabulary(Arc::new(next));
        Some(changed)
    }

    /// After the vocabulary changed: the open documents whose analysis
    /// depended on a changed entry, plus those whose analysis is still
    /// running (it may have started with the old vocabulary), are analysed
    /// again.
    pub(super) async fn reanalyse_for(&self, changed: &VocabularyChange) {
        let uris: Vec<String> = {
            let mut st = self.write();
            let limit = st.settings.max_file_size;
            let affected: Vec<String> = st
                .docs
                .iter()
                // A document edited past max-file-size stays unchecked.
                .filter(|(_, d)| d.doc.len_bytes() as u64 <= limit)
                .filter(|(_, d)| {
                    d.current()
                        .is_none_or(|a| a.analysis.vocabulary_use.touched_by(changed))
                })
                .map(|(k, _)| k.clone())
                .collect();
            if affected.is_empty() {
                return;
            }
            let g = st.bump();
            for k in &affected {
                if let Some(d) = st.docs.get_mut(k) {
                    d.generation = g;
                }
            }
            st.entity_generation += 1;
            affected
        };
        self.refresh_bumped(uris).await;
    }
}
