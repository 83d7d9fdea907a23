#!/bin/bash
# tools/compile_catalogues refuses a catalogue it cannot compile whole, with FILE:LINE:COL and
# a non-zero exit, so that a defect in i18n/*.yaml stops the build instead of shipping:
#   compile_catalogues_test.sh COMPILER
set -u
compiler=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0

# expect NAME CATALOGUE-TEXT EXPECTED-STDERR
expect() {
  printf '%s' "$2" > "$dir/$1.yaml"
  local err rc
  err=$("$compiler" "$dir/out.cpp" "$dir/$1.yaml" 2>&1 >/dev/null)
  rc=$?
  err=${err//$dir\//}
  if [ "$rc" = 0 ] || [ "$err" != "$3" ]; then
    echo "FAIL $1: exit $rc, stderr: $err (expected: $3)"
    failures=$((failures + 1))
  fi
}

expect twice $'a:\n  b: one\n  b: two\n' 'twice.yaml:3:3: error: a.b is given twice'
expect twice-nested $'a.b: one\na:\n  b: two\n' 'twice-nested.yaml:3:3: error: a.b is given twice'
expect list $'a:\n  - one\n' 'list.yaml:2:3: error: a is not a string'
expect scalar-root $'just text\n' 'scalar-root.yaml:1:1: error: a catalogue is a mapping of strings'
expect broken $'a: [one\n' 'broken.yaml:2:1: error: end of sequence flow not found'
expect key-not-string $'? [a]\n: one\n' 'key-not-string.yaml:1:3: error: a key is not a string'

# A good catalogue compiles to a table sorted by key, of where each key and text lie (byte
# offset and length) in one array of characters: the keys and texts as C++ literals.
printf 'b: "tab\\there \\"quoted\\" \\\\ 天"\na:\n  z: last\n  c: ""\n' > "$dir/xx.yaml"
if ! "$compiler" "$dir/out.cpp" "$dir/xx.yaml"; then
  echo "FAIL good: exit $?"
  failures=$((failures + 1))
fi
table=$(grep '^    [{"]' "$dir/out.cpp")
expected='    {0, 3, 3, 0},
    {3, 3, 6, 4},
    {10, 1, 11, 23},
    "a.c" ""
    "a.z" "last"
    "b" "tab\011here \"quoted\" \\ 天"
    "";'
if [ "$table" != "$expected" ]; then
  echo "FAIL good: table is"
  echo "$table"
  failures=$((failures + 1))
fi
exit $((failures > 0))
