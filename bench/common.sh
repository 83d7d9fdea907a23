# Sourced by the bench scripts: the golive binary of a build directory, hyperfine, and the
# machine line every figure is recorded with.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
golive="$build/golive"
[[ -x "$golive" ]] || { echo "no golive binary in $build (make build first)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (make bench-deps)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
as_of="2026-12-04T12:00:00+08:00"

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//');" \
       "$(date -u +%Y-%m-%d); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# mean_of JSON_FILE INDEX: hyperfine's mean of the INDEX-th command, in seconds.
mean_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$1" "$2"; }
