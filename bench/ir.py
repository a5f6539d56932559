#!/usr/bin/env python3
"""Ranking quality of annals on judged test collections, as trec_eval measures it.

usage: bench/ir.py [--collections npl,med] [--shared ../shared/ir] [--annals BIN] [--work DIR] [--reuse] [-- QUERY-FLAGS...]
       bench/ir.py --self-test

For each collection (NPL: physics abstracts, 11,429 documents, 93 queries;
MED: MEDLARS medical abstracts, 1,033 documents, 30 queries) the script
writes the documents as one JSONL file (`id` = the collection's document
number, `text`), builds it with `annals build --unit document`, runs every
query through `annals query --plain --limit 1000 --format json`, and prints
MAP, nDCG@10 and P@30 over all judged queries, computed as trec_eval does:
documents ranked by score, ties broken by document number descending;
queries without any answer count as 0 (as `trec_eval -c`); relevance levels
above 0 are relevant, and nDCG's gain is the level. Python 3 standard library
only.
"""
import argparse, json, math, re, subprocess, sys, tarfile, tempfile, time
from pathlib import Path

PUBLISHED = {"npl": 0.2965, "med": 0.5219}


# --- the collections ------------------------------------------------------

def read_npl(folder):
    text = (folder / "corpus" / "doc-text.trec").read_text(encoding="utf-8", errors="replace")
    docs = [(m.group(1).strip(), " ".join(m.group(2).split()))
            for m in re.finditer(r"<DOCNO>(.*?)</DOCNO>(.*?)</DOC>", text, re.S)]
    topics = (folder / "query-text.trec").read_text(encoding="utf-8", errors="replace")
    queries = [(m.group(1).strip(), " ".join(m.group(2).split()))
               for m in re.finditer(r"<num>(.*?)</num>\s*<title>(.*?)</title>", topics, re.S)]
    qrels = parse_qrels((folder / "qrels").read_text())
    return docs, queries, qrels


def smart_records(text):
    """SMART format: `.I n` then fields (`.W` text); yields (id, text)."""
    for block in re.split(r"^\.I\s+", text, flags=re.M)[1:]:
        head, _, rest = block.partition("\n")
        body = re.sub(r"^\.[A-Z]\s*$", " ", rest, flags=re.M)
        yield head.strip(), " ".join(body.split())


def read_med(folder):
    with tarfile.open(folder / "med.tar.gz") as tar:
        def member(name):
            m = next(m for m in tar.getmembers() if m.name.rsplit("/", 1)[-1] == name)
            return tar.extractfile(m).read().decode("utf-8", errors="replace")
        docs = list(smart_records(member("MED.ALL")))
        # Queries are numbered 1..30 in order (their `.I` lines agree).
        queries = list(smart_records(member("MED.QRY")))
        qrels = parse_qrels(member("MED.REL"))
    return docs, queries, qrels


def parse_qrels(text):
    qrels = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 4:
            qrels.setdefault(parts[0], {})[parts[2]] = int(float(parts[3]))
    return qrels


READERS = {"npl": read_npl, "med": read_med}


# --- the measures, as trec_eval computes them ------------------------------

def trec_order(run):
    """trec_eval sorts a query's answers by score, then document number, both descending."""
    return [d for d, _ in sorted(run, key=lambda ds: (ds[1], ds[0]), reverse=True)]


def average_precision(ranked, rels):
    relevant = {d for d, r in rels.items() if r > 0}
    if not relevant:
        return 0.0
    found, total = 0, 0.0
    for i, d in enumerate(ranked, 1):
        if d in relevant:
            found += 1
            total += found / i
    return total / len(relevant)


def ndcg(ranked, rels, k=10):
    dcg = sum(rels.get(d, 0) / math.log2(i + 1) for i, d in enumerate(ranked[:k], 1) if rels.get(d, 0) > 0)
    ideal = sorted((r for r in rels.values() if r > 0), reverse=True)[:k]
    idcg = sum(r / math.log2(i + 1) for i, r in enumerate(ideal, 1))
    return dcg / idcg if idcg else 0.0


def precision(ranked, rels, k=30):
    return sum(1 for d in ranked[:k] if rels.get(d, 0) > 0) / k


def evaluate(runs, qrels):
    """Means over every judged query; a query without answers scores 0."""
    per = {}
    for q, rels in qrels.items():
        if not any(r > 0 for r in rels.values()):
            continue
        ranked = trec_order(runs.get(q, []))
        per[q] = (average_precision(ranked, rels), ndcg(ranked, rels), precision(ranked, rels))
    n = len(per)
    return {"MAP": sum(v[0] for v in per.values()) / n, "nDCG@10": sum(v[1] for v in per.values()) / n,
            "P@30": sum(v[2] for v in per.values()) / n, "queries": n}


def self_test():
    # Two relevant documents (a, c) of which the run finds a at rank 1 and c at 3:
    # AP = (1/1 + 2/3) / 2; a third relevant one (z) never found halves... see below.
    qrels = {"1": {"a": 1, "c": 1, "z": 0}, "2": {"x": 1, "y": 1, "w": 1}, "3": {"k": 1}}
    runs = {"1": [("a", 3.0), ("b", 2.0), ("c", 1.0)],
            # ties: trec_eval puts "y" before "x" (document number descending)
            "2": [("x", 1.0), ("y", 1.0), ("n", 0.5)]}
    assert trec_order(runs["2"]) == ["y", "x", "n"]
    ap1 = (1 + 2 / 3) / 2
    ap2 = (1 + 1) / 3
    assert abs(average_precision(trec_order(runs["1"]), qrels["1"]) - ap1) < 1e-12
    assert abs(average_precision(trec_order(runs["2"]), qrels["2"]) - ap2) < 1e-12
    # nDCG@10, binary gains: DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
    assert abs(ndcg(trec_order(runs["1"]), qrels["1"]) - 1.5 / (1 + 1 / math.log2(3))) < 1e-12
    # query 2: DCG = 1 + 1/log2(3), ideal with three relevant = 1 + 1/log2(3) + 1/2
    i2 = 1 + 1 / math.log2(3) + 0.5
    assert abs(ndcg(trec_order(runs["2"]), qrels["2"]) - (1 + 1 / math.log2(3)) / i2) < 1e-12
    assert abs(precision(trec_order(runs["1"]), qrels["1"]) - 2 / 30) < 1e-12
    m = evaluate(runs, qrels)
    # query 3 has no answer: it counts 0 in every mean
    assert m["queries"] == 3
    assert abs(m["MAP"] - (ap1 + ap2) / 3) < 1e-12
    assert abs(m["P@30"] - (2 / 30 + 2 / 30) / 3) < 1e-12
    # graded relevance: gain is the level
    assert abs(ndcg(["b", "a"], {"a": 2, "b": 1}) - (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))) < 1e-12
    docs = list(smart_records(".I 1\n.W\nfirst  doc\n text .\n.I 2\n.W\n second\n"))
    assert docs == [("1", "first doc text ."), ("2", "second")], docs
    print("self-test passed")


# --- running annals -------------------------------------------------------

def run_collection(name, folder, annals, work, extra, reuse=False):
    docs, queries, qrels = READERS[name](folder)
    corpus = work / name / "docs.jsonl"
    corpus.parent.mkdir(parents=True, exist_ok=True)
    with open(corpus, "w", encoding="utf-8") as out:
        for docno, text in docs:
            out.write(json.dumps({"id": docno, "text": text}) + "\n")
    index = work / name / "index"
    if not (reuse and index.exists()):
        subprocess.run([annals, "build", str(corpus), "--unit", "document", "--index", str(index), "--full"],
                       check=True, capture_output=True)
    runs = {}
    started = time.perf_counter()
    for qid, text in queries:
        p = subprocess.run([annals, "query", text, "--plain", "--limit", "1000", "--format", "json",
                            "--index", str(index), *extra], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit(f"annals query failed on {name} query {qid}: {p.stderr}")
        runs[qid] = [(h["doc"], h["score"]) for h in json.loads(p.stdout)["hits"]]
    m = evaluate(runs, qrels)
    m["docs"] = len(docs)
    m["seconds"] = time.perf_counter() - started
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--self-test", action="store_true", help="check the measures on hand-made runs and exit")
    ap.add_argument("--collections", default="npl,med")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "ir"))
    ap.add_argument("--annals", default="target/release/annals")
    ap.add_argument("--work", help="where to write the collections and indexes (default: a temporary folder)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--reuse", action="store_true", help="keep indexes already in --work instead of rebuilding them")
    ap.add_argument("extra", nargs="*", help="further arguments for every query (after --)")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return
    with tempfile.TemporaryDirectory(prefix="annals-ir-") as tmp:
        work = Path(a.work) if a.work else Path(tmp)
        results = {}
        for name in a.collections.split(","):
            results[name] = run_collection(name, Path(a.shared) / name, a.annals, work, a.extra, a.reuse)
    if a.json:
        print(json.dumps(results, indent=2))
        return
    print("| collection | documents | queries | MAP | nDCG@10 | P@30 | published BM25 MAP |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, m in results.items():
        print(f"| {name.upper()} | {m['docs']:,} | {m['queries']} | {m['MAP']:.4f} | {m['nDCG@10']:.4f} "
              f"| {m['P@30']:.4f} | {PUBLISHED.get(name, float('nan')):.4f} |")


if __name__ == "__main__":
    main()
