#!/usr/bin/python3
"""Reads roicast's CSV folder with Python's csv module and checks it against
the results file: tidy rows, exact round-trip of every number.
usage: check_csv.py RESULTS.json FOLDER"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import report_format as fmt  # noqa: E402
from report_files import CsvFolder  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def read(folder, name, header):
    rows = folder.rows(name)
    check(rows and rows[0] == header, f"{name}: header {rows[0] if rows else None}, expected {header}")
    width = len(header)
    check(all(len(r) == width for r in rows), f"{name}: a row without {width} fields")
    return rows[1:]


def number(text):
    return None if text == "" else float(text)


def variant_rows(results):
    """Every figure variants.csv should hold, from the results file:
    (variant, option, horizon_months, statistic) -> value."""
    months = [str(m) for m in results["horizons"].values()]
    band = results.get("payback_reference_months")
    within = band[1] if band else results["horizons"][list(results["horizons"])[0]]
    within_key = f"{within:g}"
    want = {}
    for name, run in [("base", results)] + list(results["variants"].items()):
        for option in results["options"]:
            o = run["options"][option]
            for m in months:
                want[(name, option, m, "roi_p50")] = o["horizons"][m]["roi"]["p50"]
                want[(name, option, m, "npv_prob_positive")] = o["horizons"][m]["npv"]["prob_positive"]
            want[(name, option, "", "payback_months_p50")] = o["payback_months"]["p50"]
            cdf = o["payback_months"]["cdf"]
            want[(name, option, within_key, "payback_prob_within")] = cdf[min(int(within), len(cdf)) - 1]
        for option, change in run.get("against_base", {}).get("options", {}).items():
            for m, h in change["horizons"].items():
                for stat, value in h["npv_change"].items():
                    want[(name, option, m, "npv_change_" + stat)] = value
                want[(name, option, m, "prob_worse")] = h["prob_worse"]
            want[(name, option, "", "prob_payback_later")] = change["prob_payback_later"]
    return want


def check_variants(rows, results):
    got = {(v, o, h, s): number(x) for v, o, h, s, x in rows}
    check(len(got) == len(rows), "variants.csv: repeated rows")
    want = variant_rows(results)
    check(set(got) == set(want), f"variants.csv: rows {sorted(set(got) ^ set(want))[:6]} differ from the results file")
    for key, value in want.items():
        check(got.get(key, "missing") == value, f"variants.csv {key}: {got.get(key, 'missing')} != {value}")
    return len(want)


def check_business_case(folder, results):
    """key_figures.csv, breakdown.csv, years.csv and assumptions.csv against the results file."""
    compared = 0
    rows = read(folder, "key_figures.csv", ["option", "statistic", "horizon_months", "label", "value"])
    got = {(o, s, h): (label, number(v)) for o, s, h, label, v in rows}
    for statistic, months, label, kind, values in fmt.key_figures(results):
        for option, value in values.items():
            key = (option, statistic, "" if months is None else str(months))
            check(got.get(key) == (label, value), f"key_figures.csv {key}: {got.get(key)} != {(label, value)}")
            compared += 1
    check(len(got) == len(rows) == compared, f"key_figures.csv: {len(rows)} rows, expected {compared}")

    rows = read(folder, "breakdown.csv",
                ["option", "horizon_months", "group", "component", "label", "soft", "statistic", "value"])
    means = {}
    for o, h, group, component, label, soft, statistic, v in rows:
        if statistic == "mean":
            means.setdefault((o, h, group), {})[component] = number(v)
    for option, o in results["options"].items():
        for h, m in o["horizons"].items():
            if "breakdown" not in m:
                continue
            for group in ("benefits", "costs"):
                parts = means.get((option, h, group), {})
                # Each component as the results file has it (nested lines, savings, risks flattened to group.name).
                want = {}
                for key, value in m["breakdown"][group].items():
                    if "mean" in value:
                        want[key] = value["mean"]
                    else:
                        want.update({f"{key}.{name}": v["mean"] for name, v in value.items()})
                check(parts == want, f"breakdown.csv {option} {h} {group}: {parts} != {want}")
                total = m[group]["mean"]
                check(abs(sum(parts.values()) - total) <= 1e-6 * max(1.0, abs(total)),
                      f"breakdown.csv {option} {h} {group}: components add to {sum(parts.values())}, not {total}")
                compared += len(want)

    rows = read(folder, "years.csv", ["option", "period", "first_month", "last_month", "part", "statistic", "value"])
    got = {(o, p, part, s): number(v) for o, p, first, last, part, s, v in rows}
    for option, o in results["options"].items():
        for y, record in enumerate(o.get("years", [])):
            period = "initial" if y == 0 else f"year_{y}"
            for part, q in record.items():
                for statistic, value in q.items():
                    check(got.get((option, period, part, statistic), "missing") == value,
                          f"years.csv {option} {period} {part} {statistic}")
                    compared += 1

    rows = read(folder, "assumptions.csv", ["group", "address", "label", "value", "quantity", "uncertain", "mean",
                                            "p10", "p50", "p90", "source"])
    check([(r[1], r[2], r[3]) for r in rows] ==
          [(a["address"], a["label"], a["value"]) for a in results.get("assumptions", [])], "assumptions.csv: entries")
    return compared


def run(results, folder):
    """Every check of the CSV folder (a CsvFolder) against the results file:
    (failures, the line to print when there are none)."""
    failures.clear()
    months = [str(m) for m in results["horizons"].values()]

    rows = read(folder, "summary.csv", ["option", "horizon_months", "metric", "statistic", "value"])
    table = {(o, h, m, s): number(v) for o, h, m, s, v in rows}
    check(len(table) == len(rows), "summary.csv: repeated rows")
    compared = 0
    for option, o in results["options"].items():
        for h in months:
            for metric, summary in o["horizons"][h].items():
                for stat, value in summary.items():
                    if isinstance(value, (int, float)) or value is None:
                        check(table.get((option, h, metric, stat), "missing") == value,
                              f"summary.csv {option} {h} {metric} {stat}")
                        compared += 1

    rows = read(folder, "cash_flow.csv", ["option", "month", "statistic", "cumulative_cash_flow"])
    flows = {(o, int(m), s): number(v) for o, m, s, v in rows}
    for option, o in results["options"].items():
        for level, values in o["cumulative_cash_flow"].items():
            for t, v in enumerate(values, start=1):
                check(flows.get((option, t, level)) == v, f"cash_flow.csv {option} {t} {level}")

    rows = read(folder, "payback_cdf.csv", ["option", "measure", "month", "probability"])
    cdf = {(o, m, int(t)): number(p) for o, m, t, p in rows}
    for option, o in results["options"].items():
        for t, p in enumerate(o["payback_months"]["cdf"], start=1):
            check(cdf.get((option, "payback_months", t)) == p, f"payback_cdf.csv {option} {t}")

    rows = read(folder, "payback.csv", ["option", "measure", "statistic", "value"])
    pay = {(o, m, s): number(v) for o, m, s, v in rows}
    for option, o in results["options"].items():
        check(pay.get((option, "payback_months", "p50")) == o["payback_months"]["p50"], f"payback.csv {option} p50")

    rows = read(folder, "comparison.csv", ["option_a", "option_b", "horizon_months", "statistic", "value"])
    for pair, c in results.get("comparison", {}).items():
        a, b = pair.split("_vs_")
        for h in months:
            match = [r for r in rows if r[:4] == [a, b, h, "prob_a_better"]]
            check(len(match) == 1 and number(match[0][4]) == c["horizons"][h]["prob_a_better"],
                  f"comparison.csv {pair} {h}")

    rows = read(folder, "sensitivity.csv",
                ["option", "horizon_months", "metric", "method", "rank", "input", "value", "ci95_low", "ci95_high",
                 "metric_at_p10", "metric_at_p90"])
    expected = sum(len(ranking) for o in results.get("sensitivity", {}).values() for h in o.values()
                   for m in h.values() for ranking in m.values() if isinstance(ranking, list))
    check(len(rows) == expected, f"sensitivity.csv: {len(rows)} rows, expected {expected}")

    compared += check_business_case(folder, results)

    rows = read(folder, "inputs.csv", ["input", "distribution", "mean", "p5", "p50", "p95", "source"])
    check([r[0] for r in rows] == [i["input"] for i in results.get("inputs", [])], "inputs.csv: inputs")
    check([r[6] for r in rows] == [i["source"] for i in results.get("inputs", [])], "inputs.csv: sources")

    variants = results.get("variants", {})
    check(folder.exists("variants.csv") == bool(variants), "variants.csv should exist exactly when variants ran")
    if variants:
        header = ["variant", "option", "horizon_months", "statistic", "value"]
        compared += check_variants(read(folder, "variants.csv", header), results)

    # Samples: with every path kept, percentiles recomputed here from the raw
    # rows (NumPy's linear rule, written out) must equal roicast's summaries.
    samples = results.get("samples")
    if samples:
        rows = read(folder, "samples.csv", samples["columns"])
        check(len(rows) == len(samples["rows"]), f"samples.csv: {len(rows)} rows, expected {len(samples['rows'])}")
        if samples["paths"] == results["paths"]:
            col = samples["columns"].index("npv_" + months[-1])
            for option, o in results["options"].items():
                v = sorted(float(r[col]) for r in rows if r[1] == option)
                for p in (0.1, 0.5, 0.9):
                    pos = p * (len(v) - 1)
                    lo = int(pos)
                    q = v[lo] + (pos - lo) * (v[min(lo + 1, len(v) - 1)] - v[lo])
                    want = o["horizons"][months[-1]]["npv"][f"p{int(p * 100)}"]
                    check(abs(q - want) <= 1e-9 * abs(want), f"samples.csv {option} npv P{int(p * 100)}: {q} != {want}")
                    compared += 1

    return list(failures), f"csv ok: {compared} summary statistics round-trip exactly"


def main():
    found, ok = run(json.load(open(sys.argv[1])), CsvFolder(sys.argv[2]))
    for f in found:
        print("FAIL:", f)
    if not found:
        print(ok)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
