#!/usr/bin/env bash
# Time and peak memory of golive on hostile input: every file of tests/hostile/, and large
# inputs generated here (a 100 MB plan, 10^6 list items, input at the default limits).
# Each is run once with /usr/bin/time; prints a markdown table for docs/limits.md.
#
# Usage: bench/limits.sh [BUILD_DIR]     (default: build)
# Needs: python3, GNU time (/usr/bin/time). Extra arguments for golive go in $BENCH_ARGS,
# e.g. BENCH_ARGS="--limit file-size=1GiB --limit nodes=100000000 --limit list-length=100000000"
# to see what the input costs when the limits let it through.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
golive="$build/golive"
[[ -x "$golive" ]] || { echo "no golive binary in $build (make build first)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is not installed" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
base="$root/tests/fixtures/cli/ready.yaml"
python3 - "$base" "$work" <<'PY'
import sys
base, work = sys.argv[1], sys.argv[2]
text = open(base).read()
def write(name, body):
    open(f"{work}/{name}", "w").write(body)
# 100 MB: the plan, then one x- key holding a long list of long strings.
write("100MB.yaml", text + "x-pad:\n" + ("  - " + "a" * 96 + "\n") * (100 * 1024 * 1024 // 101))
write("1M-items.yaml", text + "x-pad:\n" + "".join(f"  - {i}\n" for i in range(10**6)))
# At the defaults: 4 MiB - 1 kB of text in scalars of 1 MiB; 100,000 nodes in lists of 9,990.
pad = 4 * 1024 * 1024 - len(text.encode()) - 1024
full, rest = divmod(pad, 1024 * 1024)
write("4MiB-scalars.yaml", text + "".join(f"x-s{i}: {'a' * (1024 * 1024 - 16)}\n" for i in range(full))
      + f"x-rest: {'a' * (rest - 16)}\n")
# Both at once: 89,910 items of 36 bytes, near 100,000 nodes and 4 MiB.
write("4MiB-100k-nodes.yaml", text + "x-pad:\n" + "".join(f"  l{j}:\n" + "".join(f"    - {i:036d}\n" for i in range(9990)) for j in range(9)))
write("100k-nodes.yaml", text + "x-pad:\n" + "".join(f"  l{j}:\n" + "".join(f"    - item-{i}\n" for i in range(9990)) for j in range(9)))
PY
args=(check --offline --as-of 2026-12-04T12:00:00+08:00 -q --only 'backup.*')
echo "| input | bytes | exit | elapsed | CPU (user+sys) | peak RSS |"
echo "|---|---|---|---|---|---|"
run() {
  local file="$1" name="$2" size
  size=$(stat -c %s "$file")
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$golive" "${args[@]}" ${BENCH_ARGS:-} "$file" >/dev/null 2>"$work/err" && rc=0 || rc=$?
  read -r secs user sys kb < <(tail -n 1 "$work/time")
  [[ "$rc" == 2 && -n "${BENCH_VERBOSE:-}" ]] && head -n 1 "$work/err" >&2
  printf '| %s | %s | %s | %ss | %ss | %s MB |\n' "$name" "$size" "$rc" "$secs" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" "$((kb / 1024))"
}
for f in "$work"/*.yaml; do run "$f" "$(basename "$f")"; done
if [[ -z "${BENCH_ARGS:-}" ]]; then
  for f in "$root"/tests/hostile/*; do
    [[ "$(basename "$f")" == expected.txt ]] && continue
    run "$f" "hostile/$(basename "$f")"
  done
fi
