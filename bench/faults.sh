#!/usr/bin/env bash
# Page faults at start-up: what one costs on this machine against mapping pages in bulk
# (fault_cost.cpp), and how many `golive list-checks` and `golive check --offline` of a full
# example plan take (perf's page-faults: the faults taken; the minor faults of getrusage, which
# GNU time prints, also count the pages a MADV_POPULATE_* maps, so they cannot tell the two apart).
#
# Usage: bench/faults.sh [BUILD_DIR]
source "$(dirname "$0")/common.sh"
machine
g++ -std=c++20 -O2 "$root/bench/fault_cost.cpp" -o "$work/fault_cost"
"$work/fault_cost" "$golive"
faults() {
  if command -v perf >/dev/null; then
    perf stat -x, -e page-faults "$@" 2>&1 >/dev/null | cut -d, -f1
  else
    echo "n/a (install linux-perf)"
  fi
}
echo "page faults: /bin/true $(faults /bin/true)," \
     "list-checks $(faults "$golive" list-checks)," \
     "check $(faults "$golive" check --offline --as-of "$as_of" --quiet "$root/examples/payments-ready.yaml")"
