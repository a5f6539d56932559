#!/usr/bin/env bash
# Load test of `annals serve`, on loopback only and for a bounded time:
# builds the UN General Debate Corpus index once (release binary), starts
# the server on a free 127.0.0.1 port, runs wrk against one faceted query,
# and fails on any socket error or non-2xx answer.
#
#   bench/load.sh                       # 32 connections, 30 s
#   DURATION=10 CONNECTIONS=8 bench/load.sh
#   QUERY='/api/search?q=nuclear&country=IR&facet=decade' bench/load.sh
#
# Needs wrk (apt-get install -y wrk) and the corpus unpacked in
# target/bench-corpus/ungdc.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${CORPUS:-target/bench-corpus/ungdc}
INDEX=${INDEX:-target/bench-index/ungdc}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
QUERY=${QUERY:-/api/search?q=peace&facet=year,country}
BIN=target/release/annals
LOG=target/bench-serve.log

# Bounded: seconds, at most 5 minutes.
if ! [[ $DURATION =~ ^[0-9]+$ ]] || (( DURATION < 1 || DURATION > 300 )); then
    echo "DURATION must be 1..300 seconds" >&2
    exit 2
fi
# Only a path: the host is always the loopback server started here.
if [[ $QUERY != /* ]]; then
    echo "QUERY must be a path such as /api/search?q=peace" >&2
    exit 2
fi
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

[ -x "$BIN" ] || cargo build --release --locked
if [ ! -f "$INDEX/CURRENT" ]; then
    [ -d "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 2; }
    "$BIN" build "$CORPUS" --index "$INDEX"
fi

"$BIN" serve --index "$INDEX" --addr 127.0.0.1:0 2>"$LOG" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT

BASE=
for _ in $(seq 1 300); do
    BASE=$(sed -n 's/^annals: serving .* on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$LOG")
    [ -n "$BASE" ] && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.1
done
[ -n "$BASE" ] || { echo "the server did not start" >&2; cat "$LOG" >&2; exit 1; }

URL="$BASE$QUERY"
# One request first: checks the answer and warms the page cache.
curl -fsS "$URL" -o /dev/null
echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency '$URL'"
OUT=$(timeout $((DURATION + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$URL")
echo "$OUT"

if grep -qE 'Socket errors|Non-2xx' <<<"$OUT"; then
    echo "FAIL: errors under load" >&2
    exit 1
fi
echo "== summary: $(grep -E '^Requests/sec' <<<"$OUT" | awk '{print $2}') requests/s, p99 $(grep -E '^ +99%' <<<"$OUT" | awk '{print $2}'), $(grep -c ' 200 ' "$LOG") requests logged with 200"
