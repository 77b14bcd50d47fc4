#!/usr/bin/env python3
"""Largest relative difference between two roicast results files.

    bench/compare_results.py OLD.json NEW.json [--show 10]

Walks both documents together and compares every number they share
(elapsed_seconds and threads excepted): |new - old| / max(|old|, |new|), 0 when
both are 0, both NaN or both null. A key or array element present in one file
only, or a number in one and not the other, is listed as a mismatch. Used to
state how far a change to the engine moved the results (issue 18: rounding
only, at most 1e-12 relative).
"""
import argparse
import json
import math
import sys

IGNORED = {"elapsed_seconds", "threads"}


def walk(old, new, at, diffs, mismatches):
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key in IGNORED:
                continue
            if key not in old or key not in new:
                mismatches.append(f"{at}.{key}: only in {'new' if key in new else 'old'}")
                continue
            walk(old[key], new[key], f"{at}.{key}", diffs, mismatches)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            mismatches.append(f"{at}: {len(old)} elements against {len(new)}")
        for i, (a, b) in enumerate(zip(old, new)):
            walk(a, b, f"{at}[{i}]", diffs, mismatches)
    elif isinstance(old, bool) or isinstance(new, bool):
        if old != new:
            mismatches.append(f"{at}: {old!r} against {new!r}")
    elif isinstance(old, (int, float)) and isinstance(new, (int, float)):
        a, b = float(old), float(new)
        if a == b or (math.isnan(a) and math.isnan(b)):
            diffs.append((0.0, at, a, b))
        else:
            diffs.append((abs(b - a) / max(abs(a), abs(b)), at, a, b))
    elif old != new:
        mismatches.append(f"{at}: {old!r} against {new!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--show", type=int, default=5, help="largest differences to list")
    args = parser.parse_args()
    with open(args.old) as f:
        old = json.load(f)
    with open(args.new) as f:
        new = json.load(f)
    diffs, mismatches = [], []
    walk(old, new, "", diffs, mismatches)
    diffs.sort(reverse=True)
    changed = sum(1 for d in diffs if d[0] > 0)
    print(f"{len(diffs)} numbers compared, {changed} differ; largest relative difference {diffs[0][0]:.3g}"
          if diffs else "no numbers compared")
    for d, at, a, b in diffs[: args.show]:
        if d > 0:
            print(f"  {d:.3g}  {at}: {a!r} -> {b!r}")
    for m in mismatches:
        print("mismatch:", m)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
