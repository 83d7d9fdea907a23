#!/usr/bin/env bash
# Portfolio: `golive check DIR` over N copies of the example plans (about 10 KB each,
# gen_portfolio.py), with --jobs 1 and --jobs $(nproc). Prints the speed-up, and checks that
# both write the same report.
#
# Usage: bench/portfolio.sh [BUILD_DIR] [N]     (default N: 1000)
source "$(dirname "$0")/common.sh"
n="${2:-1000}"
jobs="$(nproc)"
machine
python3 "$root/bench/gen_portfolio.py" "$n" "$work/plans"
du -sh "$work/plans"
run="$golive check --offline --as-of $as_of --quiet $work/plans"
hyperfine -N --style basic --warmup 1 --runs "${RUNS:-5}" -i --export-json "$work/portfolio.json" \
  --parameter-list j "1,$jobs" "$run -j {j}"
GOLIVE_GENERATED_AT=2026-12-04T04:00:00Z $run -j 1 -f json >"$work/1.json" || true
GOLIVE_GENERATED_AT=2026-12-04T04:00:00Z $run -j "$jobs" -f json >"$work/n.json" || true
cmp -s "$work/1.json" "$work/n.json" && echo "same report with -j 1 and -j $jobs" \
  || { echo "reports differ between -j 1 and -j $jobs" >&2; exit 1; }
# The JSON report of the whole portfolio (77 MB for 1,000 plans): time and peak memory.
hyperfine -N --style basic --warmup 1 --runs "${RUNS:-5}" -i "$run -j $jobs -f json"
/usr/bin/time -f "json report, -j $jobs: peak RSS %M KB" $run -j "$jobs" -f json >/dev/null || true
one="$(mean_of "$work/portfolio.json" 0)"; many="$(mean_of "$work/portfolio.json" 1)"
python3 -c "import sys; a,b=map(float,sys.argv[1:3]); print(f'{sys.argv[3]} plans: -j 1 {a:.2f} s, -j {sys.argv[4]} {b:.2f} s, speed-up {a/b:.2f}×')" \
  "$one" "$many" "$n" "$jobs"
