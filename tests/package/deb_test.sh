#!/usr/bin/env bash
# The .deb as a user gets it: built with CPack from the build tree, unpacked with `dpkg -x`
# into a scratch root (no container, nothing installed on the machine), then the unpacked
# golive checks a bundled example offline and probes a local HTTP server live, finding its
# network module under the relocated prefix by itself.
#
#   tests/package/deb_test.sh BUILD_DIR SOURCE_DIR
#
# Prints what it checked; exits non-zero at the first difference.
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/golive-deb-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# cpack writes into its own directory, so a parallel build or test of the tree is untouched.
(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/pkg" >cpack.log 2>&1) ||
  { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB"; }
debs=("$scratch"/pkg/golive_*.deb)
[[ -f "${debs[0]}" && ${#debs[@]} -eq 1 ]] || fail "expected one golive_*.deb, got: ${debs[*]}"
deb=${debs[0]}
ok "built $(basename "$deb")"

# Runtime Depends: the libraries golive and its module link, and tzdata; no test tool.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for need in libc6 libstdc++6 libyaml-0-2 libfmt libcurl4 libnettle libutf8proc libre2 libcctz tzdata; do
  [[ "$depends" == *"$need"* ]] || fail "Depends lacks $need"
done
# yaml-cpp builds the message catalogues and serves the tests; golive does not load it.
[[ "$depends" != *libyaml-cpp* ]] || fail "Depends names libyaml-cpp, which golive does not load"
for never in chromium prometheus alertmanager nodejs npm python3 doctest libxml2-utils poppler zsh fish; do
  [[ "$depends" != *"$never"* ]] || fail "Depends names the test tool $never"
done
ok "Depends: runtime libraries and tzdata only"

root="$scratch/root"
dpkg -x "$deb" "$root"
for f in usr/bin/golive usr/lib/golive/golive-net.so usr/share/man/man1/golive.1 \
         usr/share/bash-completion/completions/golive usr/share/zsh/vendor-completions/_golive \
         usr/share/fish/vendor_completions.d/golive.fish usr/share/doc/golive/README.md \
         usr/share/doc/golive/docs/reports.md usr/share/doc/golive/examples/payments-ready.yaml; do
  [[ -e "$root/$f" ]] || fail "missing /$f"
done
ok "files in place"
for elf in usr/bin/golive usr/lib/golive/golive-net.so; do
  file "$root/$elf" | grep -q ", stripped" || fail "/$elf is not stripped: $(file "$root/$elf")"
done
ok "stripped: golive $(stat -c %s "$root/usr/bin/golive") bytes, golive-net.so $(stat -c %s "$root/usr/lib/golive/golive-net.so") bytes"

golive="$root/usr/bin/golive"
unset GOLIVE_NET_MODULE
[[ "$("$golive" --version)" == "golive "* ]] || fail "--version"
cmp -s <("$golive" completion bash) "$root/usr/share/bash-completion/completions/golive" ||
  fail "installed bash completion differs from golive completion bash"
cmp -s <("$golive" completion man) "$root/usr/share/man/man1/golive.1" ||
  fail "installed manual page differs from golive completion man"

# Offline: a bundled example, ready at the instant it is dated for.
rc=0
out=$("$golive" check --as-of 2026-12-04T12:00:00+08:00 --offline \
      "$root/usr/share/doc/golive/examples/payments-ready.yaml") || rc=$?
[[ $rc -eq 0 && "$out" == READY* ]] || { echo "$out" >&2; fail "check of the example exited $rc"; }
ok "golive check of the installed example: READY"

# Live: a health check against a local server, through the module under usr/lib/golive/.
coproc server { exec python3 "$source/tests/fixtures/http_server.py"; }
read -r -t 10 port <&"${server[0]}" || fail "the HTTP fixture did not start"
sed "s|@URL@|http://127.0.0.1:$port/healthz|" "$source/tests/fixtures/live/health-plan.yaml.in" >"$scratch/plan.yaml"
rc=0
out=$("$golive" check --as-of 2026-12-04T12:00:00+08:00 -r "$source/tests/fixtures/live/live.yaml" \
      --only monitoring.health-checks -f json "$scratch/plan.yaml") || rc=$?
kill "$server_PID" 2>/dev/null || true
[[ $rc -eq 0 ]] || { echo "$out" >&2; fail "live check exited $rc"; }
[[ "$out" == *"GET http://127.0.0.1:$port/healthz answered 200"* ]] || { echo "$out" >&2; fail "no live answer"; }
ok "live probe from the unpacked package: GET /healthz answered 200"
echo "deb: all checks passed"
