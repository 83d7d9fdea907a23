#!/usr/bin/env bash
# Live-probe throughput: 500 health-check probes against a local server that answers each
# request after 100 ms, with --concurrency 1, 64 and 500. Prints hyperfine's table and the
# speed-up over sequential probing.
#
# Usage: bench/probes.sh [BUILD_DIR] [SYSTEMS]     (defaults: build, 500)
# Needs: hyperfine, python3. Writes hyperfine's JSON to $PROBES_JSON when set;
# CONCURRENCY=64,500 times only those values (default 500,64,1; the speed-up column then
# compares with the floor instead of with --concurrency 1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
systems="${2:-500}"
golive="$build/golive"
[[ -x "$golive" ]] || { echo "no golive binary in $build (make build first)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 2; }

work="$(mktemp -d)"
cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The test fixture server prints its free port first and serves until its stdin closes:
# fd 4, the only writer of that stdin, stays open for as long as this script runs.
mkfifo "$work/port" "$work/stdin"
python3 "$root/tests/fixtures/http_server.py" <"$work/stdin" >"$work/port" &
server_pid=$!
exec 4>"$work/stdin"
read -r -t 15 port <"$work/port" || { echo "server did not start" >&2; exit 1; }

python3 "$root/bench/gen_probe_plan.py" "$systems" "http://127.0.0.1:$port" "$work"
# 500 connections at once, each needing a descriptor on both sides.
ulimit -n 4096 2>/dev/null || true

json="${PROBES_JSON:-$work/probes.json}"
hyperfine --style basic --runs 3 --warmup 1 \
  --parameter-list c "${CONCURRENCY:-500,64,1}" \
  --export-json "$json" \
  "$golive check --as-of 2026-12-04T12:00:00+08:00 -r $work/live.yaml --only monitoring.health-checks --concurrency {c} --quiet $work/plan.yaml"

python3 - "$json" "$systems" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
by_c = {int(r["parameters"]["c"]): r for r in results}
n = int(sys.argv[2])
seq = by_c[1]["mean"] if 1 in by_c else None
print(f"\n{n} probes, 100 ms each")
print("| --concurrency | mean (s) | stddev (s) | floor ceil(n/c) x 0.1 s | mean / floor | speed-up over sequential |")
print("|---|---|---|---|---|---|")
for c in sorted(by_c):
    r = by_c[c]
    floor = -(-n // c) * 0.1
    speedup = f"{seq / r['mean']:.1f}x" if seq else "-"
    print(f"| {c} | {r['mean']:.2f} | {r['stddev'] or 0:.2f} | {floor:.1f} | {r['mean'] / floor:.2f} | {speedup} |")
PY
