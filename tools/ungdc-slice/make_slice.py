#!/usr/bin/env python3
"""Choose the UN General Debate speeches of tests/data/ungdc-slice.

One speech from each session (so every decade 1946-2024 is there), then
speeches at random, until about 10,000 sentences as `annals extract` splits
them. The seed makes the choice repeatable.

    tar -xJf ../shared/corpora/ungdc.tar.xz -C target/corpora
    python3 tools/ungdc-slice/make_slice.py target/corpora/ungdc tests/data/ungdc-slice

The corpus is the UN General Debate Corpus (Baturo, Dasandi, Mikhaylov),
released under CC0 1.0: https://doi.org/10.7910/DVN/0TJX8Y
"""

import os
import random
import shutil
import subprocess
import sys

SEED = 19
TARGET = 10_000
SLACK = 400


def sentences(annals, path):
    out = subprocess.run([annals, "extract", path, "--format", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    return sum(1 for line in out.splitlines() if line.strip())


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    annals = sys.argv[3] if len(sys.argv) > 3 else "target/release/annals"
    sessions = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
    files = [os.path.join(s, f) for s in sessions
             for f in sorted(os.listdir(os.path.join(corpus, s))) if f.endswith(".txt")]
    random.seed(SEED)
    by_session = {}
    for f in files:
        by_session.setdefault(f.split("/")[0], []).append(f)
    first = [random.choice(v) for _, v in sorted(by_session.items())]
    rest = [f for f in files if f not in first]
    random.shuffle(rest)
    total, chosen = 0, []
    for f in first + rest:
        n = sentences(annals, os.path.join(corpus, f))
        if total + n > TARGET + SLACK:
            if total >= TARGET:
                break
            continue
        chosen.append(f)
        total += n
    for f in chosen:
        os.makedirs(os.path.join(out, os.path.dirname(f)), exist_ok=True)
        shutil.copyfile(os.path.join(corpus, f), os.path.join(out, f))
    print(f"{len(chosen)} speeches, {total} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
