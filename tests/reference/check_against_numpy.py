#!/usr/bin/python3
"""roicast against an independent implementation of the same model.

bench/numpy_model.py implements the model from its text, in NumPy, with its
own random numbers (PCG64, SciPy's inverse CDFs). Both are run with plain
Monte Carlo on every scenario below: the shipped custom-vs-standard and
phased-rollout, and tests/reference/v2-every-feature.json, which uses every
version-2 feature (from/until months, yearly units, staged rollout with
per-user once and yearly lines and the staged dip, soft benefits, truncated
lognormal and gamma inputs, savings, risks, labels).

Compared: every metric's mean (z-test on the difference of two independent
means, |z| ≤ 4.5), the payback medians (within 0.15 month), and the mean of
every breakdown component at every horizon and of every year-table entry. The
results file gives those as mean and P10/P50/P90 without an SD, so their
z-test takes the NumPy side's SD for both sides.

usage: check_against_numpy.py ROICAST SOURCE_DIR WORK_DIR
"""
import json
import pathlib
import subprocess
import sys

roicast, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
sys.path.insert(0, str(source / "bench"))
sys.path.insert(0, str(pathlib.Path(__file__).parent))
import numpy_model  # noqa: E402
from agreement import mean_disagreement  # noqa: E402

SCENARIOS = [(source / "scenarios" / "custom-vs-standard.json", 40_000),
             (source / "scenarios" / "phased-rollout.json", 20_000),
             (source / "tests" / "reference" / "v2-every-feature.json", 20_000)]


def flatten(tree, prefix=""):
    """{"benefits": {"savings": {"x": {mean…}}}} → {"benefits.savings.x": {mean…}}."""
    out = {}
    for key, value in tree.items():
        if isinstance(value, dict) and "mean" not in value:
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


work.mkdir(parents=True, exist_ok=True)
failures, compared = [], 0


def compare(what, ours_mean, theirs, ours_sd=None, ours_n=None):
    global compared
    compared += 1
    why = mean_disagreement(ours_mean, ours_sd if ours_sd is not None else theirs["sd"],
                            ours_n if ours_n is not None else theirs["n"], theirs)
    if why:
        failures.append(f"{what}: {why}")


for scenario_file, paths in SCENARIOS:
    if not scenario_file.exists():
        failures.append(f"{scenario_file.name}: missing")
        continue
    out = work / f"roicast-{scenario_file.stem}.json"
    subprocess.run([roicast, "run", str(scenario_file), "--paths", str(paths), "--sampling", "mc", "--seed", "11",
                    "--quiet", "--json", str(out)], check=True)
    ours = json.loads(out.read_text())["options"]
    theirs = numpy_model.run(json.loads(scenario_file.read_text()), paths, seed=11)
    tag = scenario_file.stem
    for option, o in theirs.items():
        for h, metrics in o["horizons"].items():
            r_h = ours[option]["horizons"][h]
            for metric, t in metrics.items():
                r = r_h[metric]
                compare(f"{tag} {option} {metric} at {h} months", r["mean"], t, r["sd"], r["n"])
            r_b = flatten(r_h["breakdown"])
            t_b = o["breakdown"][h]
            if set(r_b) != set(t_b):
                failures.append(f"{tag} {option} breakdown at {h} months: roicast has {sorted(set(r_b) - set(t_b))} "
                                f"numpy has {sorted(set(t_b) - set(r_b))} beyond the other")
            for key in set(r_b) & set(t_b):
                compare(f"{tag} {option} breakdown {key} at {h} months", r_b[key]["mean"], t_b[key])
        if len(ours[option]["years"]) != len(o["years"]):
            failures.append(f"{tag} {option}: {len(ours[option]['years'])} years, numpy {len(o['years'])}")
        for y, (r_y, t_y) in enumerate(zip(ours[option]["years"], o["years"])):
            for part, t in t_y.items():
                compare(f"{tag} {option} year {y} {part}", r_y[part]["mean"], t)
        a, b = ours[option]["payback_months"]["p50"], o["payback_months"]["p50"]
        if a is None or b is None or abs(a - b) > 0.15:
            failures.append(f"{tag} {option} payback median: roicast {a}, numpy {b}")

for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"{compared} means (metrics, breakdown components, year table) and every payback median agree with "
          f"the NumPy implementation on {len(SCENARIOS)} scenarios")
sys.exit(1 if failures else 0)
