#!/usr/bin/env bash
# Large plans: examples/payments-ready.yaml with 5,000 and 10,000 more contacts, systems and
# backups (gen_large_plan.py). Times `check --offline` and `validate` with hyperfine, takes
# the peak memory and the CPU time (user + system) from GNU time, and prints the 10k/5k
# ratios (2.0 is linear). The plans are over the default input limits (file size, nodes,
# list length), which are raised for these runs.
#
# Usage: bench/large.sh [BUILD_DIR]
source "$(dirname "$0")/common.sh"
machine
for n in 5000 10000; do python3 "$root/bench/gen_large_plan.py" "$n" "$work/plan-$n.yaml"; done
ls -l "$work"/plan-*.yaml | awk '{print $5, $9}'
limits="--limit file-size=64MiB --limit nodes=100000000 --limit list-length=100000000"
hyperfine -N --style basic --warmup 1 --runs "${RUNS:-5}" --export-json "$work/large.json" \
  --parameter-list n 5000,10000 \
  "$golive check --offline --as-of $as_of --quiet $limits $work/plan-{n}.yaml" \
  "$golive validate $limits $work/plan-{n}.yaml" || true   # a not-ready plan exits 1
for n in 5000 10000; do
  for cmd in "check --offline --as-of $as_of --quiet" "validate"; do
    # shellcheck disable=SC2086  # $cmd and $limits are word lists
    /usr/bin/time -f "%M %U %S" -o "$work/rss" "$golive" $cmd $limits "$work/plan-$n.yaml" >/dev/null || true
    read -r kb user sys < <(tail -1 "$work/rss")
    echo "peak RSS $n ${cmd%% *}: $(( kb / 1024 )) MB; CPU (user + system) $(echo "$user + $sys" | bc) s"
  done
done
python3 - "$work/large.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
by = {(x["command"].split()[1], x["parameters"]["n"]): x["mean"] for x in r}
for cmd in ("check", "validate"):
    a, b = by[(cmd, "5000")], by[(cmd, "10000")]
    print(f"| {cmd} | 5k {a:.3f} s | 10k {b:.3f} s | 10k / 5k = {b/a:.2f} |")
PY
