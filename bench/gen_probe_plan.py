#!/usr/bin/env python3
"""Writes a launch plan with N tier-2 systems, each with a health check on BASE_URL, and a
ruleset that runs monitoring.health-checks, for the probe benchmark.

Usage: gen_probe_plan.py N BASE_URL OUT_DIR
  BASE_URL e.g. http://127.0.0.1:8080 ; each system gets BASE_URL/healthz/<i>?delay_ms=100
  Writes OUT_DIR/plan.yaml and OUT_DIR/live.yaml.
"""

import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    n, base, out = int(sys.argv[1]), sys.argv[2].rstrip("/"), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    lines = [
        "golive: 1",
        "plan:",
        "  id: probe-bench",
        f"  name: Probe benchmark, {n} systems",
        "  owner: li.wei",
        "  revised_at: 2026-11-01",
        "go_live:",
        "  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}",
        "  timezone: Asia/Shanghai",
        "contacts:",
        '  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com,'
        " timezone: Asia/Shanghai}",
        "systems:",
    ]
    for i in range(n):
        lines += [
            f"  - id: svc-{i:04d}",
            "    tier: 2",
            f'    health_check: {{url: "{base}/healthz/{i}?delay_ms=100", expect_status: 200,'
            " timeout: 5s}",
        ]
    with open(os.path.join(out, "plan.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "live.yaml"), "w") as f:
        f.write("ruleset: probe-bench\nversion: 1.0.0\ndescription: health checks only\n"
                "rules:\n  - {check: monitoring.health-checks, severity: gate}\n")


if __name__ == "__main__":
    main()
