#!/usr/bin/python3
"""roicast against an independent implementation of the same model.

bench/numpy_model.py implements MODEL.md from the text, in NumPy, with its own
random numbers (PCG64, SciPy's inverse Beta). Both are run with plain Monte
Carlo; every metric's mean must agree within 4.5 standard errors of the
difference of two independent means, and the payback medians within 0.1 month.

usage: check_against_numpy.py ROICAST SOURCE_DIR WORK_DIR
"""
import json
import math
import pathlib
import subprocess
import sys

roicast, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
sys.path.insert(0, str(source / "bench"))
import numpy_model  # noqa: E402

PATHS = 50_000
scenario_file = source / "scenarios" / "custom-vs-standard.json"
work.mkdir(parents=True, exist_ok=True)
out = work / "roicast-mc.json"
subprocess.run([roicast, "run", str(scenario_file), "--paths", str(PATHS), "--sampling", "mc", "--seed", "11",
                "--quiet", "--json", str(out)], check=True)
ours = json.loads(out.read_text())["options"]
theirs = numpy_model.run(json.loads(scenario_file.read_text()), PATHS, seed=11)

failures, compared = [], 0
for option, o in theirs.items():
    for h, metrics in o["horizons"].items():
        for metric, t in metrics.items():
            r = ours[option]["horizons"][h][metric]
            se = math.sqrt(r["sd"] ** 2 / r["n"] + t["sd"] ** 2 / t["n"])
            z = (r["mean"] - t["mean"]) / se
            compared += 1
            if abs(z) > 4.5:
                failures.append(f"{option} {metric} at {h} months: roicast mean {r['mean']:.6g}, numpy {t['mean']:.6g} "
                                f"(z = {z:.1f})")
    a, b = ours[option]["payback_months"]["p50"], o["payback_months"]["p50"]
    if abs(a - b) > 0.1:
        failures.append(f"{option} payback median: roicast {a:.3f}, numpy {b:.3f}")
for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"{compared} metric means and {len(theirs)} payback medians agree with the NumPy implementation")
sys.exit(1 if failures else 0)
