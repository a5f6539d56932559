#!/usr/bin/env python3
"""Compares annals with tantivy-cli on the same sentences, on this machine.

usage: bench/compare.py CORPUS [--runs 3] [--threads N] [--work DIR] [--annals BIN] [--tantivy BIN]

1. exports annals' own sentences of CORPUS as NDJSON ({"text": ...}), so both
   tools index exactly the same sentences;
2. alternates `annals build CORPUS` (segmentation + full extraction) with
   `tantivy index` of the exported sentences (text field, English stemming,
   stored, positions; the same thread count), --runs times each, and reports
   the median wall time, the median peak RSS and the index sizes;
3. runs a fixed query set (rare term, common term, phrase, two-term AND) as
   whole processes (`annals query` with and without year+country facets;
   `tantivy search` for the rare term, which prints every hit) and in process
   (annals' own took_ms; `tantivy bench`, top 10 + count), medians of --repeat runs.

tantivy-cli: cargo install tantivy-cli --version 0.24.0
Prints a Markdown report on stdout and writes it, with the raw figures as JSON,
to WORK/report.md and WORK/report.json.
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, time
from pathlib import Path

QUERIES = {
    "rare term": "Zanzibar",
    "common term": "peace",
    "phrase": '"nuclear weapons"',
    "two-term AND": "+refugees +Africa",
}

TANTIVY_META = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [{
        "name": "text", "type": "text",
        "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"},
                    "stored": True, "fast": False},
    }],
    "opstamp": 0,
}


def timed(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdin=stdin, stdout=stdout,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss_kb = int(p.stderr.strip().splitlines()[-1])
    return wall, rss_kb / 1024


def du(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def live_generation(index):
    return Path(index) / (Path(index) / "CURRENT").read_text().strip()


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))] if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=15, help="runs of each query")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--work", default="target/compare")
    ap.add_argument("--annals", default="target/release/annals")
    ap.add_argument("--tantivy", default=shutil.which("tantivy") or os.path.expanduser("~/.cargo/bin/tantivy"))
    ap.add_argument("--skip-build", action="store_true", help="reuse the indexes of a previous run")
    a = ap.parse_args()

    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    sentences = work / "sentences.ndjson"
    annals_index = work / "annals-index"
    tantivy_index = work / "tantivy-index"
    figures = {"corpus": a.corpus, "threads": a.threads, "runs": a.runs}

    if not a.skip_build:
        print(f"exporting sentences of {a.corpus} …", file=sys.stderr)
        n = 0
        with open(sentences, "w", encoding="utf-8") as out:
            p = subprocess.Popen([a.annals, "extract", "--format", "jsonl", a.corpus], stdout=subprocess.PIPE, text=True)
            for line in p.stdout:
                out.write(json.dumps({"text": json.loads(line)["text"]}, ensure_ascii=False) + "\n")
                n += 1
            p.wait()
        figures["sentences"] = n
        figures["sentences_mb"] = sentences.stat().st_size / 1e6

        builds = {"annals": [], "tantivy": []}
        for run in range(a.runs):
            for tool in ("annals", "tantivy") if run % 2 == 0 else ("tantivy", "annals"):
                if tool == "annals":
                    shutil.rmtree(annals_index, ignore_errors=True)
                    w, rss = timed([a.annals, "build", a.corpus, "--index", str(annals_index), "--threads", str(a.threads)])
                else:
                    shutil.rmtree(tantivy_index, ignore_errors=True)
                    tantivy_index.mkdir(parents=True)
                    (tantivy_index / "meta.json").write_text(json.dumps(TANTIVY_META))
                    with open(sentences, "rb") as f:
                        w, rss = timed([a.tantivy, "index", "-i", str(tantivy_index), "-t", str(a.threads)], stdin=f)
                builds[tool].append((w, rss))
                print(f"run {run + 1}: {tool} build {w:.1f}s, peak RSS {rss:.0f} MB", file=sys.stderr)
        for tool, runs in builds.items():
            figures[f"{tool}_build_s"] = median([w for w, _ in runs])
            figures[f"{tool}_rss_mb"] = median([r for _, r in runs])
            figures[f"{tool}_build_runs"] = runs
        figures["annals_size_mb"] = du(live_generation(annals_index)) / 1e6
        figures["tantivy_size_mb"] = du(tantivy_index) / 1e6

    queries = {}
    qfile = work / "queries.txt"
    qfile.write_text("\n".join(QUERIES.values()) + "\n")
    for name, q in QUERIES.items():
        row = {}
        for label, extra in (("annals", []), ("annals+facets", ["--facet", "year,country"])):
            walls, took, total = [], [], None
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                p = subprocess.run([a.annals, "query", q, "--index", str(annals_index), "--format", "json"] + extra,
                                   capture_output=True, text=True)
                walls.append((time.perf_counter() - t0) * 1000)
                answer = json.loads(p.stdout)
                took.append(answer["took_ms"])
                total = answer["total"]
            row[label] = {"process_ms_p50": median(walls), "process_ms_p95": p95(walls),
                          "in_process_ms_p50": median(took), "in_process_ms_p95": p95(took), "hits": total}
        if name == "rare term":
            walls = []
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                subprocess.run([a.tantivy, "search", "-i", str(tantivy_index), "-q", q], capture_output=True)
                walls.append((time.perf_counter() - t0) * 1000)
            row["tantivy"] = {"process_ms_p50": median(walls), "process_ms_p95": p95(walls)}
        queries[name] = row
    bench = subprocess.run([a.tantivy, "bench", "-i", str(tantivy_index), "-q", str(qfile), "-n", str(a.repeat)],
                           capture_output=True, text=True).stdout
    in_process = {}
    section = None
    for line in bench.splitlines():
        if line.startswith("SEARCH"):
            section = "search"
        elif line.startswith("FETCH"):
            section = None
        elif section == "search" and "\t" in line and not line.startswith("query"):
            q, hits, micros = line.rsplit("\t", 2)
            in_process.setdefault(q, []).append(int(micros) / 1000)
    for name, q in QUERIES.items():
        if q in in_process:
            queries[name].setdefault("tantivy", {})["in_process_ms_p50"] = median(in_process[q])
            queries[name]["tantivy"]["in_process_ms_p95"] = p95(in_process[q])
    figures["queries"] = queries

    report = render(figures)
    (work / "report.md").write_text(report)
    (work / "report.json").write_text(json.dumps(figures, indent=2))
    print(report)


def render(f):
    out = [f"corpus `{f['corpus']}`, {f.get('threads')} threads, medians of {f.get('runs')} alternating runs", ""]
    if "annals_build_s" in f:
        out += [f"{f['sentences']:,} sentences ({f['sentences_mb']:.0f} MB as NDJSON)", "",
                "| | annals build (segmentation + extraction) | tantivy-cli index (split sentences) | ratio |",
                "| --- | ---: | ---: | ---: |",
                f"| wall time | {f['annals_build_s']:.1f} s | {f['tantivy_build_s']:.1f} s | {f['annals_build_s'] / f['tantivy_build_s']:.2f} |",
                f"| peak RSS | {f['annals_rss_mb']:.0f} MB | {f['tantivy_rss_mb']:.0f} MB | {f['annals_rss_mb'] / f['tantivy_rss_mb']:.2f} |",
                f"| index size | {f['annals_size_mb']:.0f} MB | {f['tantivy_size_mb']:.0f} MB | {f['annals_size_mb'] / f['tantivy_size_mb']:.2f} |",
                ""]
    out += ["| query | hits | annals in process p50/p95 | annals+facets in process p50/p95 | tantivy-cli in process p50/p95 | annals process p50 | annals+facets process p50 | tantivy-cli process p50 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, row in f["queries"].items():
        an, af, tc = row["annals"], row["annals+facets"], row.get("tantivy", {})
        fmt = lambda d, k: f"{d[k]:.2f}" if k in d else "–"
        out.append(f"| {name} | {an['hits']:,} | {fmt(an, 'in_process_ms_p50')}/{fmt(an, 'in_process_ms_p95')} ms"
                   f" | {fmt(af, 'in_process_ms_p50')}/{fmt(af, 'in_process_ms_p95')} ms"
                   f" | {fmt(tc, 'in_process_ms_p50')}/{fmt(tc, 'in_process_ms_p95')} ms"
                   f" | {fmt(an, 'process_ms_p50')} ms | {fmt(af, 'process_ms_p50')} ms | {fmt(tc, 'process_ms_p50')} ms |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
