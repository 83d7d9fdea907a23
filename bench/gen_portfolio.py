#!/usr/bin/env python3
"""Writes a portfolio of N plans (about 10 KB each) for the portfolio benchmark: copies of
the example plans (examples/*.yaml that are plans), each with its own plan id.

Usage: gen_portfolio.py N OUT_DIR
"""

import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    sources = []
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if re.search(r"^golive:", text, re.M):  # a plan, not the waiver register
            sources.append(text)
    for i in range(n):
        text = sources[i % len(sources)]
        # The first `  id:` is the plan's own (plan: comes first in every example).
        text = re.sub(r"^(  id: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-{i:04d}", text,
                      count=1, flags=re.M)
        with open(os.path.join(out, f"plan-{i:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
