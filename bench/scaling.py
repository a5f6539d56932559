#!/usr/bin/env python3
"""Build time, peak memory and index size of annals as the corpus grows.

usage: bench/scaling.py CORPUS... [--sizes 1000000,5000000,10000000,20000000] [--threads N] [--work DIR] [--annals BIN]

Exports annals' own sentences of the CORPUS folders (in order, e.g. the UN
General Debate Corpus then the Wikipedia sample) as JSONL records, one
sentence each (once, kept as WORK/sentences-all.jsonl), and builds an index
of the first N of them for every size, going through them again from the
start (with new ids) for sizes larger than the corpora (the UN corpus and the
Wikipedia sample give about 4.3 M; 20 M take five passes), reporting wall
time, sentences per second, peak RSS and index size, so that linear growth
(or not) shows in the per-sentence columns. Writes the table to
WORK/scaling.md and the figures to WORK/scaling.json.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--sizes", default="1000000,5000000,10000000,20000000")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--work", default="target/scaling")
    ap.add_argument("--annals", default="target/release/annals")
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split(","))
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)

    # annals' own sentences of the corpora, exported once and kept.
    pool = work / "sentences-all.jsonl"
    if not pool.exists():
        exported = 0
        with open(str(pool) + ".part", "w", encoding="utf-8") as out:
            for corpus in a.corpora:
                p = subprocess.Popen([a.annals, "extract", "--format", "jsonl", corpus],
                                     stdout=subprocess.PIPE, text=True)
                for line in p.stdout:
                    s = json.loads(line)
                    out.write(json.dumps({"id": f"{s['doc']}#{s['sentence']}", "text": s["text"]},
                                         ensure_ascii=False) + "\n")
                    exported += 1
                if p.wait() != 0:
                    sys.exit(f"annals extract {corpus} failed")
        os.replace(str(pool) + ".part", pool)
        print(f"exported {exported:,} sentences", file=sys.stderr)

    # Subset N holds the first N sentences of the pool, read again from its
    # start (with new ids) as often as it takes to reach N: sizes past the
    # corpora's own measure the build, not new vocabulary.
    outs = {n: open(work / f"sentences-{n}.jsonl", "w", encoding="utf-8") for n in sizes}
    written, cycle = 0, 0
    while written < sizes[-1]:
        before = written
        with open(pool, encoding="utf-8") as records:
            for line in records:
                if cycle:
                    r = json.loads(line)
                    line = json.dumps({"id": f"{cycle}/{r['id']}", "text": r["text"]}, ensure_ascii=False) + "\n"
                for n, out in outs.items():
                    if written < n:
                        out.write(line)
                written += 1
                if written >= sizes[-1]:
                    break
        if written == before:
            sys.exit("the corpora hold no sentence")
        cycle += 1
    for out in outs.values():
        out.close()
    print(f"wrote {written:,} sentences ({cycle} pass(es) over the pool)", file=sys.stderr)

    rows = []
    for n in sizes:
        index = work / f"index-{n}"
        subprocess.run(["rm", "-rf", str(index)], check=True)
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", a.annals, "build", str(work / f"sentences-{n}.jsonl"),
                            "--index", str(index), "--threads", str(a.threads)], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit(p.stderr)
        rss = int(p.stderr.strip().splitlines()[-1]) / 1024
        live = index / (index / "CURRENT").read_text().strip()
        size = sum(f.stat().st_size for f in live.rglob("*") if f.is_file()) / 1e6
        rows.append({"sentences": n, "seconds": wall, "rss_mb": rss, "size_mb": size})
        print(f"{n:>10,} sentences: {wall:7.1f} s, {rss:6.0f} MB RSS, {size:8.1f} MB", file=sys.stderr)

    lines = ["| sentences | build | sentences/s | µs per sentence | peak RSS | index size | bytes per sentence |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['sentences']:,} | {r['seconds']:.1f} s | {r['sentences'] / r['seconds']:,.0f} | "
                     f"{r['seconds'] / r['sentences'] * 1e6:.1f} | {r['rss_mb']:.0f} MB | {r['size_mb']:.1f} MB | "
                     f"{r['size_mb'] * 1e6 / r['sentences']:.0f} |")
    table = "\n".join(lines) + "\n"
    (work / "scaling.md").write_text(table)
    (work / "scaling.json").write_text(json.dumps(rows, indent=2))
    print(table)


if __name__ == "__main__":
    main()
