#!/usr/bin/env bash
# Start-up: `golive check --offline` on a full example plan and `golive list-checks`,
# against /bin/true, in the same hyperfine run. Prints each mean and its ratio to /bin/true.
#
# Usage: bench/startup.sh [BUILD_DIR]
source "$(dirname "$0")/common.sh"
machine
hyperfine -N --style basic --warmup 10 --runs "${RUNS:-200}" --export-json "$work/startup.json" \
  /bin/true \
  "$golive list-checks" \
  "$golive check --offline --as-of $as_of --quiet $root/examples/payments-ready.yaml"
python3 - "$work/startup.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["mean"]
print("| command | mean (ms) | median (ms) | × /bin/true |")
print("|---|---|---|---|")
for x in r:
    cmd = x["command"].split("/")[-1] if x["command"] == "/bin/true" else "golive " + x["command"].split(" ", 1)[1].split(" --")[0]
    print(f"| {cmd} | {x['mean']*1e3:.2f} | {x['median']*1e3:.2f} | {x['mean']/base:.1f}× |")
PY
