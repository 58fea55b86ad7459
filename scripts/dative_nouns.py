#!/usr/bin/env python3
"""Rebuilds src/lexicon/dative_nouns.txt.

    python3 scripts/dative_nouns.py

Downloads german-nouns (Wiktionary, CC BY-SA 4.0) from PyPI with pip
(network needed here only, never at run time) and writes the dative
singular forms of German common nouns whose gender is certain:

    form<TAB>1   feminine ("bei der Wahl")
    form<TAB>2   masculine or neuter ("nach dem Krieg")

A form is left out when it is also a plural form, a singular form of a
noun of the other genders, or a form of a proper noun: the glued-words
rule reads these lists to tell "beider Wahl" (glue: "bei der") from
"beider Seiten" (a word), so a form must say one thing only. The list is
sorted, so a rerun with the same version writes the same bytes.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile
import zipfile

NOUNS = "german-nouns==1.2.5"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "lexicon", "dative_nouns.txt")
FORM = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+$")
PROPER = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}


def genders(row):
    return {row[k] for k in ("genus", "genus 1", "genus 2", "genus 3", "genus 4") if row[k]}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, NOUNS], check=True)
        wheel = next(f for f in os.listdir(tmp) if f.endswith(".whl"))
        zipfile.ZipFile(os.path.join(tmp, wheel)).extractall(tmp)
        rows = list(csv.DictReader(open(os.path.join(tmp, "german_nouns", "nouns.csv"), encoding="utf-8")))
    fem, masc_neut = set(), set()
    # Forms that say something else too.
    plural, not_fem, not_mn, proper = set(), set(), set(), set()
    for r in rows:
        pos = set(r["pos"].split(","))
        g = genders(r)
        for k, v in r.items():
            if not v or k in ("lemma", "pos") or k.startswith("genus"):
                continue
            v = v.strip()
            if pos & PROPER:
                proper.add(v)
            elif "plural" in k:
                plural.add(v)
            elif "singular" in k:
                if g != {"f"}:
                    not_fem.add(v)
                if not (g and g <= {"m", "n"}):
                    not_mn.add(v)
                if pos == {"Substantiv"} and k.startswith("dativ"):
                    if g == {"f"}:
                        fem.add(v)
                    elif g and g <= {"m", "n"}:
                        masc_neut.add(v)
    fem = {f for f in fem - plural - not_fem - proper if FORM.match(f)}
    masc_neut = {f for f in masc_neut - plural - not_mn - proper if FORM.match(f)}
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(f"# Dative singular forms of German common nouns: 1 feminine, 2 masculine or neuter.\n")
        out.write(f"# Wiktionary via {NOUNS} (CC BY-SA 4.0); scripts/dative_nouns.py.\n")
        for f, v in sorted([(f, 1) for f in fem] + [(f, 2) for f in masc_neut]):
            out.write(f"{f}\t{v}\n")
    print(f"{len(fem)} feminine, {len(masc_neut)} masculine/neuter forms -> {OUT}")


if __name__ == "__main__":
    main()
