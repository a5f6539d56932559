#!/usr/bin/env bash
# The bulk load into an OpenSearch-compatible server: builds PATH into a
# fresh osmem-server (PyPI, in memory) with the release binary, twice (the
# second build finds every file unchanged), and the same PATH locally, and
# prints each build's summary line (sentences per second).
#   bench/engine-load.sh target/bench-corpus/un-slice [OSMEM_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?a corpus path}
osmem=${2:-$(ls target/venv/lib/python3*/site-packages/osmem_server/bin/osmem-server 2>/dev/null || true)}
[[ -x $osmem ]] || { echo "give the osmem-server binary (pip install osmem-server)"; exit 1; }
annals=target/release/annals
[[ -x $annals ]] || cargo build --release -q
work=$(mktemp -d)
"$osmem" -addr 127.0.0.1:0 -no-stdin-watch >"$work/osmem.out" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q '"url"' "$work/osmem.out" && break; sleep 0.1; done
url=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["url"])' "$work/osmem.out")
echo "== into osmem-server, first build";  "$annals" build "$corpus" --engine "$url/bench" 2>&1 | tail -1
echo "== into osmem-server, again";        "$annals" build "$corpus" --engine "$url/bench" 2>&1 | tail -1
echo "== local";                            "$annals" build "$corpus" --index "$work/index" 2>&1 | tail -1
