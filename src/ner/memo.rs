//! Tags of sentences already seen, so an edit re-tags only what changed.
//!
//! In the editor every keystroke re-analyses the whole article, but only
//! one sentence changed; the others get their labels from here. Keys are
//! a hash of the sentence's words (the tagger sees nothing else of the
//! sentence, so equal words give equal labels). Only the embedded model
//! uses the memo: its address is stable for the life of the process.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::labels::Label;

/// About 20 KB per 100 sentences; cleared when full (simpler than LRU and
/// as good for the editing pattern: the open articles refill it at once).
const CAPACITY: usize = 16_384;

type Entry = (Vec<Label>, Vec<f32>);

static MEMO: Mutex<Option<HashMap<u64, Entry>>> = Mutex::new(None);
static ENABLED: AtomicBool = AtomicBool::new(true);

/// Benchmarks of cold tagging switch the memo off (it is on by default).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
    if !on && let Ok(mut m) = MEMO.lock() {
        *m = None;
    }
}

pub(super) fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

pub(super) fn key(words: &[&str]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    words.len().hash(&mut h);
    for w in words {
        w.hash(&mut h);
    }
    h.finish()
}

/// Copies the remembered labels and confidences into the buffers.
pub(super) fn get(key: u64, labels: &mut Vec<Label>, conf: &mut Vec<f32>) -> bool {
    let Ok(memo) = MEMO.lock() else { return false };
    match memo.as_ref().and_then(|m| m.get(&key)) {
        Some((l, c)) => {
            labels.clear();
            labels.extend_from_slice(l);
            conf.clear();
            conf.extend_from_slice(c);
            true
        }
        None => false,
    }
}

pub(super) fn put(key: u64, labels: &[Label], conf: &[f32]) {
    let Ok(mut memo) = MEMO.lock() else { return };
    let m = memo.get_or_insert_with(HashMap::new);
    if m.len() >= CAPACITY {
        m.clear();
    }
    m.insert(key, (labels.to_vec(), conf.to_vec()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_by_words_and_forgets_when_full() {
        let words = ["Angela", "Merkel", "sprach", "."];
        let k = key(&words);
        assert_ne!(k, key(&["Angela", "Merkel", "sprach"]));
        let (mut l, mut c) = (Vec::new(), Vec::new());
        put(
            k,
            &[Label(1), Label(2), Label(0), Label(0)],
            &[0.9, 0.8, 1.0, 1.0],
        );
        assert!(get(k, &mut l, &mut c));
        assert_eq!(l, [Label(1), Label(2), Label(0), Label(0)]);
        assert_eq!(c, [0.9, 0.8, 1.0, 1.0]);
        for i in 0..CAPACITY as u64 {
            put(i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 1, &[], &[]);
        }
        assert!(MEMO.lock().unwrap().as_ref().unwrap().len() <= CAPACITY);
    }
}
