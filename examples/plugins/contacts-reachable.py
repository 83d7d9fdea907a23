#!/usr/bin/env python3
"""An exec check in the JSON convention: every contact of the plan can be reached by
phone and e-mail. golive passes the plan as JSON on stdin; this prints one JSON object
{"status": "pass|fail|warn|error|skip", "message": "...", "evidence": {...}} on stdout."""
import json
import sys

try:
    plan = json.load(sys.stdin)
except ValueError as e:
    print(json.dumps({"status": "error", "message": "plan is not JSON: %s" % e}))
    sys.exit(0)

contacts = plan.get("contacts") or []
missing = [c.get("id", "?") for c in contacts if not c.get("phone") or not c.get("email")]
if not contacts:
    result = {"status": "skip", "message": "the plan lists no contacts"}
elif missing:
    result = {"status": "fail",
              "message": "%d of %d contacts lack a phone or e-mail: %s"
                         % (len(missing), len(contacts), ", ".join(missing)),
              "evidence": {"unreachable": missing}}
else:
    result = {"status": "pass",
              "message": "all %d contacts have a phone and an e-mail" % len(contacts),
              "evidence": {"contacts": str(len(contacts))}}
print(json.dumps(result))
