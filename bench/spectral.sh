#!/usr/bin/env bash
# The peer comparison: Spectral (npm @stoplight/spectral-cli, pinned in bench/spectral/)
# linting a plan with a ruleset of a few of golive's gates (spectral/golive-gates.yaml),
# against golive running all its checks on the same plan. Prints the ratio per plan, on one
# plan and then over a portfolio of N plans (gen_portfolio.py; default 100), where each
# tool's start-up is shared by all the plans.
#
# Usage: bench/spectral.sh [BUILD_DIR] [PLAN] [N]    (make bench-deps installs Spectral)
source "$(dirname "$0")/common.sh"
plan="${2:-$root/examples/payments-not-ready.yaml}"
spectral="$root/bench/spectral/node_modules/.bin/spectral"
[[ -x "$spectral" ]] || { echo "Spectral is not installed (make bench-deps)" >&2; exit 2; }
machine
hyperfine -N --style basic -i --export-json "$work/peer.json" \
  --runs "${RUNS:-10}" --warmup 1 \
  "$spectral lint --quiet $plan --ruleset $root/bench/spectral/golive-gates.yaml" \
  "$golive check --offline --as-of $as_of --quiet $plan"
spectral_s="$(mean_of "$work/peer.json" 0)"; golive_s="$(mean_of "$work/peer.json" 1)"
python3 -c "import sys; s,g=map(float,sys.argv[1:3]); print(f'Spectral {s*1e3:.0f} ms, golive {g*1e3:.1f} ms per plan: golive {s/g:.0f}x faster')" \
  "$spectral_s" "$golive_s"
n="${3:-100}"
python3 "$root/bench/gen_portfolio.py" "$n" "$work/plans"
hyperfine -N --style basic -i --export-json "$work/portfolio.json" \
  --runs "${RUNS:-10}" --warmup 1 -n "Spectral, $n plans" -n "golive, $n plans" \
  "$spectral lint --quiet --ruleset $root/bench/spectral/golive-gates.yaml $(echo "$work"/plans/*.yaml)" \
  "$golive check --offline --as-of $as_of --quiet $work/plans"
spectral_s="$(mean_of "$work/portfolio.json" 0)"; golive_s="$(mean_of "$work/portfolio.json" 1)"
python3 -c "import sys; s,g,n=float(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{n} plans: Spectral {s*1e3/n:.1f} ms, golive {g*1e3/n:.2f} ms per plan: golive {s/g:.0f}x faster')" \
  "$spectral_s" "$golive_s" "$n"
