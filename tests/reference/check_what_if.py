#!/usr/bin/python3
"""roicast's variants and goal seek against the independent NumPy model.

Variants: the shipped custom-vs-standard with every one of its variants, run
by roicast with --variant all (plain Monte Carlo). bench/numpy_model.py runs
each variant with its own reading of the contract: `set` applied by the
dotted-path code below, `stress` applied to the input's uniform
(lo + (hi − lo)·u). Every metric mean at every horizon agrees within 4.5
standard errors and the payback medians within 0.15 month.

Goal seek: `roicast solve` finds the custom build's most likely duration
(options.custom.implementation.months.mode, 4 to 8 months) at which the
custom option's median time to positive ROI is 14 months; the NumPy model
solves the same question on its own random numbers (Brent's method). The two answers agree
within 4.5 standard errors of their difference (each the median's standard
error divided by the slope of the median in the value) plus both
tolerances.

The two parts are independent; PART (variants or goal_seek) runs one, so
that the two can run side by side, and both run without it. The NumPy model
computes only what is compared: the variants' metric moments and payback
medians (run(full=False)), the goal seek's custom payback median
(payback_months), each NumPy point once.

usage: check_what_if.py ROICAST SOURCE_DIR WORK_DIR [variants|goal_seek]
"""
import copy
import json
import math
import pathlib
import subprocess
import sys

import scipy.optimize

roicast, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
sys.path.insert(0, str(source / "bench"))
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import numpy_model  # noqa: E402
from agreement import Z_LIMIT, mean_disagreement  # noqa: E402

PATHS, SEED = 20_000, 11
PARTS = sys.argv[4:] or ["variants", "goal_seek"]
if not set(PARTS) <= {"variants", "goal_seek"}:
    sys.exit(f"unknown part {PARTS}: variants or goal_seek")
work.mkdir(parents=True, exist_ok=True)
scenario_file = source / "scenarios" / "custom-vs-standard.json"
scenario = json.loads(scenario_file.read_text())
failures, compared = [], 0


def apply_set(document, path, value):
    node = document
    parts = path.split(".")
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(parts[-1])] = value
    else:
        node[parts[-1]] = value


def variant_document(name):
    doc = copy.deepcopy(scenario)
    v = doc.pop("variants")[name]
    for path, value in v.get("set", {}).items():
        apply_set(doc, path, value)
    return doc, {a: tuple(b) for a, b in v.get("stress", {}).items()}


# ---- variants ----------------------------------------------------------------
def check_variants():
    global compared
    out = work / "what-if-variants.json"
    subprocess.run([roicast, "run", str(scenario_file), "--variant", "all", "--paths", str(PATHS), "--sampling", "mc",
                    "--seed", str(SEED), "--quiet", "--json", str(out)], check=True)
    ours_all = json.loads(out.read_text())
    if set(ours_all.get("variants", {})) != set(scenario["variants"]):
        failures.append(f"roicast ran variants {sorted(ours_all.get('variants', {}))}, the file has {sorted(scenario['variants'])}")
    for name in scenario["variants"]:
        doc, stress = variant_document(name)
        theirs = numpy_model.run(doc, PATHS, seed=SEED, stress=stress, full=False)
        ours = ours_all["variants"][name]["options"]
        for option, o in theirs.items():
            for h, metrics in o["horizons"].items():
                for metric, t in metrics.items():
                    r = ours[option]["horizons"][h][metric]
                    compared += 1
                    if why := mean_disagreement(r["mean"], r["sd"], r["n"], t):
                        failures.append(f"{name} {option} {metric} at {h} months: {why}")
            a, b = ours[option]["payback_months"]["p50"], o["payback_months"]["p50"]
            if a is None or abs(a - b) > 0.15:
                failures.append(f"{name} {option} payback median: roicast {a}, numpy {b}")
    return f"{compared} metric means of {len(scenario['variants'])} variants agree with the NumPy model"


# ---- goal seek ---------------------------------------------------------------
PATH, STAT, TARGET, LOW, HIGH, TOLERANCE = "options.custom.implementation.months.mode", \
    "options.custom.payback_months.p50", 14.0, 4.0, 8.0, 0.02
medians = {}


def numpy_median(x):
    """The NumPy model's custom payback median at X and its standard error, each X computed once
    (Brent's method answers with a point it has evaluated)."""
    if x not in medians:
        doc = copy.deepcopy(scenario)
        doc.pop("variants")
        apply_set(doc, PATH, x)
        p = numpy_model.payback_months(doc, PATHS, SEED, "custom")
        medians[x] = p["p50"], p["p50_se"]
    return medians[x]


def check_goal_seek():
    out = work / "what-if-solve.json"
    subprocess.run([roicast, "solve", str(scenario_file), "--vary", f"{PATH}={LOW}:{HIGH}", "--target",
                    f"{STAT}={TARGET}", "--tolerance", str(TOLERANCE), "--paths", str(PATHS), "--sampling", "mc",
                    "--seed", str(SEED), "--quiet", "--json", str(out)], check=True)
    ours = json.loads(out.read_text())["solve"]
    f_lo, _ = numpy_median(LOW)
    f_hi, _ = numpy_median(HIGH)
    slope = (f_hi - f_lo) / (HIGH - LOW)
    # Brent's method on the median (monotone in the value): the same answer as
    # bisection to the same tolerance, in about half the model runs.
    theirs = scipy.optimize.brentq(lambda x: numpy_median(x)[0] - TARGET, LOW, HIGH, xtol=TOLERANCE)
    _, se_answer = numpy_median(theirs)
    # Each side's answer moves by (error of the median) / slope; the sides are independent.
    se_x = math.sqrt(2) * se_answer / abs(slope)
    limit = Z_LIMIT * se_x + 2 * TOLERANCE
    if abs(ours["value"] - theirs) > limit:
        failures.append(f"goal seek: roicast {ours['value']:.4f}, numpy {theirs:.4f}, allowed {limit:.4f}")
    return (f"goal seek: roicast {ours['value']:.4f}, numpy {theirs:.4f} (allowed difference {limit:.4f}; "
            f"{len(medians)} NumPy runs)")


done = [{"variants": check_variants, "goal_seek": check_goal_seek}[part]() for part in PARTS]
for f in failures:
    print("FAIL:", f)
if not failures:
    print("; ".join(done))
sys.exit(1 if failures else 0)
