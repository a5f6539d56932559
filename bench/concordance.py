#!/usr/bin/env python3
"""Collocates and key terms as whole processes: wall and CPU time (user +
system, which is what an idle machine's wall time would be for one thread),
median of 5 runs after one warm-up, for queries of about 7,000 to 25,000
matching sentences.

usage: bench/concordance.py INDEX [ANNALS]   (ANNALS: target/release/annals)
"""
import json
import resource
import statistics
import subprocess
import sys
import time

INDEX = sys.argv[1]
ANNALS = sys.argv[2] if len(sys.argv) > 2 else "target/release/annals"
QUERIES = ["apartheid", "Palestinian", "democracy", "nuclear"]


def run(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, check=True)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu, out


for query in QUERIES:
    for command in ["collocates", "keywords"]:
        args = [ANNALS, command, query, "--index", INDEX, "--format", "json"]
        run(args)
        walls, cpus = [], []
        for _ in range(5):
            wall, cpu, out = run(args)
            walls.append(wall)
            cpus.append(cpu)
        total = json.loads(out.stdout)["total"]
        print(
            f"{command:10} {query:12} {total:6} sentences  wall {statistics.median(walls):5.0f} ms"
            f"  cpu {statistics.median(cpus):5.0f} ms"
        )
