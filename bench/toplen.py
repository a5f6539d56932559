#!/usr/bin/env python3
"""How long the top sentences of one-word queries are: a check that ranking
does not favour one-line sentences ("Apartheid must go.") over sentences that
say something.

usage: bench/toplen.py [--index target/un-index] [--annals BIN] [--top 10] [WORD...]

For each word (default: apartheid, disarmament, refugees, Chernobyl,
climate) runs `annals query WORD --limit TOP --format json` and prints the
median length in words (split on white space) of the top sentences, and
their lengths. Python 3 standard library only.
"""
import argparse, json, statistics, subprocess

WORDS = ["apartheid", "disarmament", "refugees", "Chernobyl", "climate"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("words", nargs="*", default=WORDS)
    ap.add_argument("--index", default="target/un-index")
    ap.add_argument("--annals", default="target/release/annals")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--show", action="store_true", help="print the top sentences too")
    a = ap.parse_args()
    print("| query | median words, top %d | lengths |" % a.top)
    print("| --- | ---: | --- |")
    for word in a.words:
        p = subprocess.run([a.annals, "query", word, "--index", a.index, "--limit", str(a.top), "--format", "json"],
                           capture_output=True, text=True, check=True)
        hits = json.loads(p.stdout)["hits"]
        lengths = [len(h["text"].split()) for h in hits]
        median = statistics.median(lengths) if lengths else 0
        print(f"| {word} | {median:g} | {' '.join(map(str, lengths))} |")
        if a.show:
            for h in hits:
                print(f"|   | {h['score']:.3f} | {h['text'][:160]} |")


if __name__ == "__main__":
    main()
