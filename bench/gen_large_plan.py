#!/usr/bin/env python3
"""Writes a large launch plan: examples/payments-ready.yaml with N more contacts, N more
systems (each with its own datastore) and N more backups (one per datastore), for the
large-plan benchmark. Every added item is valid and passes or fails like the example's own.

Usage: gen_large_plan.py N OUT_FILE
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def contact(i):
    return [f'  - {{id: gen.c{i:05d}, name: Gen {i:05d}, phone: "+8613900{i:06d}", '
            f'email: gen.c{i:05d}@example.com, timezone: Asia/Shanghai, hours: "09:00-18:00", '
            'region: CN}']


def system(i):
    return [f"  - id: gen-sys-{i:05d}",
            "    tier: 2",
            "    rto: 4h",
            "    rpo: 1h",
            "    dr_strategy: backup_restore",
            f"    datastores: [gen-db-{i:05d}]",
            f'    health_check: {{url: "https://gen-{i:05d}.internal.example.com/healthz", '
            "expect_status: 200, timeout: 5s}"]


def backup(i):
    return [f"  - id: gen-db-{i:05d}-hourly",
            f"    datastore: gen-db-{i:05d}",
            "    schedule: 1h",
            "    copies: 2",
            "    offsite: true",
            "    immutable: true",
            f'    location: "s3://pay-backups/gen-db-{i:05d}/latest.dump"',
            "    last_success: 2026-12-04T11:00:00+08:00",
            '    restore_test: {at: 2026-11-20, duration: 40m, result: pass, '
            'evidence: "https://wiki.example.com/payments/restore-1120"}']


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    with open(os.path.join(ROOT, "examples", "payments-ready.yaml"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    # Each list ends where the next top-level key (or the comment above it) starts.
    def end_of(section):
        start = lines.index(section + ":")
        i = start + 1
        while i < len(lines) and (lines[i].startswith(" ") or lines[i] == ""):
            i += 1
        return i
    added = {"contacts": contact, "systems": system, "backups": backup}
    for section in ("backups", "systems", "contacts"):  # from the end, so indexes hold
        at = end_of(section)
        items = [line for i in range(n) for line in added[section](i)]
        lines[at:at] = items
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
