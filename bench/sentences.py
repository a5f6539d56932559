#!/usr/bin/env python3
"""Counts what the corpus reader makes of a corpus: sentences, sentences with
no letter (a number or punctuation alone), sentences that start in lower case
(a sign of a line break read as a sentence end), and headings read as
sentences (WikiExtractor titles such as "Early life." left as sentences).

    python3 bench/sentences.py target/corpora/ungdc [--annals target/release/annals]

It runs `annals extract --format jsonl` and reads its output as it streams.
"""
import argparse
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--annals", default="target/release/annals")
    args = ap.parse_args()
    proc = subprocess.Popen(
        [args.annals, "extract", "--format", "jsonl", args.corpus],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    total = letterless = lower = sectioned = 0
    examples = []
    for line in proc.stdout:
        s = json.loads(line)
        text = s["text"]
        total += 1
        if not any(c.isalpha() for c in text):
            letterless += 1
            if len(examples) < 5:
                examples.append(text)
        if text[:1].islower():
            lower += 1
        if s.get("section"):
            sectioned += 1
    proc.wait()
    print(f"sentences {total}")
    print(f"without a letter {letterless} {examples}")
    print(f"starting in lower case {lower}")
    print(f"under a section heading {sectioned}")
    return 0 if proc.returncode in (0, 1) else 2


if __name__ == "__main__":
    sys.exit(main())
