#!/usr/bin/env bash
# Time-zone start-up: the date library's database (whole, or one zone built alone) against cctz, for the three zones of the
# example plans (tz_startup.cpp, built here with the same compiler flags as golive), with
# /bin/true in the same hyperfine run, and the number of stat calls each makes (strace).
#
# Usage: bench/tz.sh [BUILD_DIR]
source "$(dirname "$0")/common.sh"
machine
g++ -std=c++20 -O2 -DUSE_OS_TZDB=1 -DHAS_STRING_VIEW=1 "$root/bench/tz_startup.cpp" \
  -o "$work/tz_startup" -ldate-tz -lcctz
hyperfine -N --style basic --warmup 10 --runs "${RUNS:-200}" \
  /bin/true "$work/tz_startup date" "$work/tz_startup date-one" "$work/tz_startup cctz"
if command -v strace >/dev/null; then
  for way in date date-one cctz; do
    echo "$way: $(strace -f -e trace=newfstatat,stat,lstat,statx "$work/tz_startup" "$way" 2>&1 | grep -c '^[a-z]*stat') stat calls"
  done
fi
