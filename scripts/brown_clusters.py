#!/usr/bin/env python3
"""Rebuilds src/ner/brown/clusters.txt, the NER's word clusters learned
from a large German corpus.

    python3 scripts/brown_clusters.py

Downloads the spacy-lookups-data wheel from PyPI with pip (MIT licence;
network needed here only, never at run time) and writes the Brown cluster
of the 300,000 most probable German words in its lexeme tables, one
`word<TAB>cluster` per line, sorted, clusterless entries left out. spaCy
stores a cluster as its bit path read backwards as a binary number, so the
low k bits of the number are the path's first k bits: the cluster at
coarser levels. A rerun with the same version writes the same bytes.
build.rs compiles the list into a hash table.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "spacy-lookups-data==1.0.5"
KEEP = 300_000
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "ner", "brown", "clusters.txt")


def table(wheel, name):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(f"spacy_lookups_data/data/{name}.json.gz")))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PACKAGE], check=True)
        wheel = os.path.join(tmp, os.listdir(tmp)[0])
        prob = table(wheel, "de_lexeme_prob")
        cluster = table(wheel, "de_lexeme_cluster")
    # Most probable first; ties by spelling, so the cut is stable.
    ranked = sorted(prob, key=lambda w: (-prob[w], w))[:KEEP]
    words = sorted(w for w in ranked if cluster.get(w) and not any(c.isspace() for c in w))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"# Brown clusters of German words: {PACKAGE} (MIT), de_lexeme_cluster,\n")
        f.write(f"# the {KEEP} most probable words of de_lexeme_prob.\n")
        f.write("# Built by scripts/brown_clusters.py; regenerate, do not edit.\n")
        for w in words:
            f.write(f"{w}\t{cluster[w]}\n")
    print(f"clusters.txt: {len(words)} words")


if __name__ == "__main__":
    main()
