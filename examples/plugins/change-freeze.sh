#!/bin/sh
# An exec check in the Nagios plugin convention (exit 0 OK, 1 WARNING, 2 CRITICAL,
# 3 UNKNOWN; the first line of stdout is the message): is the instant golive measures at
# inside a change freeze?
#   usage: change-freeze.sh FREEZE_START FREEZE_END   (dates, YYYY-MM-DD, inclusive)
# golive passes the plan as JSON on stdin (not needed here) and the instant as GOLIVE_AS_OF.
cat >/dev/null
if [ $# -ne 2 ] || [ -z "${GOLIVE_AS_OF:-}" ]; then
  echo "UNKNOWN: usage: change-freeze.sh FREEZE_START FREEZE_END (and GOLIVE_AS_OF set)"
  exit 3
fi
day=$(printf '%s' "$GOLIVE_AS_OF" | cut -c1-10)
# ISO dates compare correctly as strings.
if [ "$day" \< "$1" ] || [ "$day" \> "$2" ]; then
  echo "OK: $day is outside the change freeze $1 to $2"
  exit 0
fi
echo "CRITICAL: $day is inside the change freeze $1 to $2"
exit 2
