#!/usr/bin/env bash
# The demo behind `make demo`: checks every bundled example plan at a fixed instant,
# prints each text report, and writes the combined reports to out/.
#
#   examples/demo.sh BUILD/golive AS_OF
#
# The plans are dated for AS_OF (see examples/README.md), and their hosts are examples
# that do not answer, so the demo runs --offline. A not-ready plan exits 1, which is the
# demo working: only a usage error (2) or an internal error (3) fails the demo.
set -euo pipefail

if (($# != 2)); then
  echo "usage: $0 GOLIVE_BINARY AS_OF" >&2
  exit 2
fi
golive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
as_of=$2
cd "$(dirname "$0")/.."

# The plans among the examples: like `golive check DIR`, a YAML file is a plan when a line
# starts with `golive:` (examples/waivers.yaml is a waiver register, not a plan).
mapfile -t plans < <(grep -l '^golive:' examples/*.yaml)
common=(--as-of "$as_of" --offline --color "${GOLIVE_COLOR:-auto}")

run() {
  local rc=0
  "$golive" "$@" || rc=$?
  if ((rc > 1)); then
    echo "demo: golive $* exited $rc" >&2
    exit "$rc"
  fi
  return 0
}

for plan in "${plans[@]}"; do
  echo
  echo "=== golive check ${common[*]} $plan"
  echo
  run check "${common[@]}" "$plan"
done

mkdir -p out
files=(out/report.json)
# The auditors' HTML report (cover, chart, findings, sign-off table; prints to PDF) is
# written next to it when this build has the html format.
if "$golive" check --help | grep -q 'html'; then files+=(out/report.html); fi
reports=()
for f in "${files[@]}"; do reports+=(--report "${f##*.}:$f"); done
run check "${common[@]}" --quiet "${reports[@]}" "${plans[@]}" >/dev/null

echo
for f in "${files[@]}"; do echo "wrote $f (all ${#plans[@]} plans)"; done
