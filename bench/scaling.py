#!/usr/bin/env python3
"""Build time, peak memory and index size of annals as the corpus grows.

usage: bench/scaling.py CORPUS... [--sizes 10000,100000,1000000,5000000] [--threads N] [--work DIR] [--annals BIN]

Exports annals' own sentences of the CORPUS folders (in order, e.g. the UN
General Debate Corpus then the Wikipedia sample) as JSONL records, one
sentence each, and builds an index of the first N of them for every size,
reporting wall time, sentences per second, peak RSS and index size, so that
linear growth (or not) shows in the per-sentence columns. Writes the table to
WORK/scaling.md and the figures to WORK/scaling.json.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--sizes", default="10000,100000,1000000,5000000")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--work", default="target/scaling")
    ap.add_argument("--annals", default="target/release/annals")
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split(","))
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)

    # One pass over the corpora writes every subset at once: subset N holds
    # the first N sentences.
    outs = {n: open(work / f"sentences-{n}.jsonl", "w", encoding="utf-8") for n in sizes}
    written = 0
    for corpus in a.corpora:
        if written >= sizes[-1]:
            break
        p = subprocess.Popen([a.annals, "extract", "--format", "jsonl", corpus], stdout=subprocess.PIPE, text=True)
        for line in p.stdout:
            s = json.loads(line)
            record = json.dumps({"id": f"{s['doc']}#{s['sentence']}", "text": s["text"]}, ensure_ascii=False) + "\n"
            for n, out in outs.items():
                if written < n:
                    out.write(record)
            written += 1
            if written >= sizes[-1]:
                p.kill()
                break
        p.wait()
    for out in outs.values():
        out.close()
    print(f"exported {written:,} sentences", file=sys.stderr)

    rows = []
    for n in sizes:
        n_real = min(n, written)
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
        rows.append({"sentences": n_real, "seconds": wall, "rss_mb": rss, "size_mb": size})
        print(f"{n_real:>10,} sentences: {wall:7.1f} s, {rss:6.0f} MB RSS, {size:8.1f} MB", file=sys.stderr)
        if n_real < n:
            break

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
