#!/usr/bin/env python3
"""Rebuilds the two lists taken from spaCy's German lexeme tables:

    python3 scripts/spacy_lookups.py

Downloads the spacy-lookups-data wheel from PyPI with pip (MIT licence;
network needed here only, never at run time) and writes, sorted:

- src/ner/brown/clusters.txt: the Brown cluster of the 300,000 most
  probable words, one `word<TAB>cluster` per line, clusterless entries left
  out. spaCy stores a cluster as its bit path read backwards as a binary
  number, so the low k bits of the number are the path's first k bits: the
  cluster at coarser levels.
- src/lexicon/english_words.txt: lower-case words of three letters or
  more that the English tables hold at least 83 times per 100 million
  words (log probability -14) and more often than the German tables hold
  them in lower or capitalized spelling, with their English frequency per
  100 million words: the glued-words rule's test for English brands
  ("TorrentFreak", "OnlineBanking").
- src/lexicon/web_words.txt: words of six letters or more among the
  400,000 most probable, with their frequency per 100 million words (20 or
  more), one `word<TAB>frequency` per line: the glued-words rule's
  frequencies for parts its own lexicon lacks.

A rerun with the same version writes the same bytes. build.rs compiles
both lists into hash tables.
"""
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "spacy-lookups-data==1.0.5"
KEEP = 300_000
WEB_KEEP = 400_000
WEB_MIN_FREQ = 20
WEB_MIN_LEN = 6
ROOT = os.path.join(os.path.dirname(__file__), "..")
OUT = os.path.join(ROOT, "src", "ner", "brown", "clusters.txt")
WEB_OUT = os.path.join(ROOT, "src", "lexicon", "web_words.txt")
EN_OUT = os.path.join(ROOT, "src", "lexicon", "english_words.txt")
EN_MIN_LOGPROB = -14.0


def table(wheel, name):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(f"spacy_lookups_data/data/{name}.json.gz")))


def write_list(path, header, values):
    """Writes `word<TAB>value` lines, sorted by word, after `#` header lines."""
    with open(path, "w", encoding="utf-8") as f:
        for line in header + ["Built by scripts/spacy_lookups.py; regenerate, do not edit."]:
            f.write(f"# {line}\n")
        for w in sorted(values):
            f.write(f"{w}\t{values[w]}\n")
    print(f"{os.path.basename(path)}: {len(values)} words")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PACKAGE], check=True)
        wheel = os.path.join(tmp, os.listdir(tmp)[0])
        prob = table(wheel, "de_lexeme_prob")
        cluster = table(wheel, "de_lexeme_cluster")
        en_prob = table(wheel, "en_lexeme_prob")
    # Most probable first; ties by spelling, so the cut is stable.
    ranked = sorted(prob, key=lambda w: (-prob[w], w))
    clusters = {w: cluster[w] for w in ranked[:KEEP] if cluster.get(w) and not any(c.isspace() for c in w)}
    write_list(OUT, [
        f"Brown clusters of German words: {PACKAGE} (MIT), de_lexeme_cluster,",
        f"the {KEEP} most probable words of de_lexeme_prob.",
    ], clusters)
    # The lexicon's words: Latin letters only, as `lexicon::train::is_word`.
    def is_word(w):
        return all(c.isalpha() and ord(c) < 0x250 for c in w)
    web = {}
    for w in ranked[:WEB_KEEP]:
        f = int(math.exp(prob[w]) * 1e8)
        if f >= WEB_MIN_FREQ and len(w) >= WEB_MIN_LEN and len(w) <= 64 and is_word(w):
            web[w] = f
    write_list(WEB_OUT, [
        f"German word frequencies per 100 million words: {PACKAGE} (MIT),",
        f"de_lexeme_prob; words of {WEB_MIN_LEN} letters or more among the {WEB_KEEP} most",
        f"probable, {WEB_MIN_FREQ} per 100 million or more.",
    ], web)
    english = {}
    for w, p in en_prob.items():
        if p < EN_MIN_LOGPROB or len(w) < 3 or not (w.isascii() and w.isalpha() and w.islower()):
            continue
        if p > max(prob.get(w, -99.0), prob.get(w.capitalize(), -99.0)):
            english[w] = max(1, int(math.exp(p) * 1e8))
    write_list(EN_OUT, [
        f"English words more frequent in English than in German: {PACKAGE} (MIT),",
        "en_lexeme_prob against de_lexeme_prob; lower-case ASCII words of 3 letters or",
        f"more at log probability {EN_MIN_LOGPROB} or above; frequency per 100 million words.",
    ], english)

if __name__ == "__main__":
    main()
