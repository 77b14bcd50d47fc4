#!/usr/bin/python3
"""Opens a roicast workbook with openpyxl (an independent reader) and checks
its sheets, that its numbers equal the results file's, their formats, and
its native charts. usage: check_xlsx.py RESULTS.json WORKBOOK.xlsx"""
import json
import math
import sys

import pathlib

import openpyxl
from openpyxl.chart import BarChart, LineChart

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import report_format as fmt  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def same(a, b):
    if b is None:
        return a is None
    return a is not None and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def headline(results):
    name = "medium" if "medium" in results["horizons"] else list(results["horizons"])[-1]
    return str(results["horizons"][name])


def side_by_side_value(run, option, label):
    """The results file's figure under a side-by-side heading of the What if sheet."""
    o = run["options"][option]
    words = label.replace(",", "").split()
    if label.startswith("ROI P50"):
        return o["horizons"][words[2]]["roi"]["p50"]
    if label.startswith("P(NPV > 0)"):
        return o["horizons"][words[3]]["npv"]["prob_positive"]
    if label == "Payback P50 (mo)":
        return o["payback_months"]["p50"]
    if label.startswith("P(payback within"):
        cdf = o["payback_months"]["cdf"]
        return cdf[min(int(math.floor(float(words[2]))), len(cdf)) - 1]
    raise KeyError(label)


def change_value(change, months, label):
    if label == "P(pays back later)":
        return change["prob_payback_later"]
    h = change["horizons"][months]
    if label == "P(lower NPV)":
        return h["prob_worse"]
    return h["npv_change"][{"NPV change, mean": "mean", "NPV change, P10": "p10", "NPV change, P90": "p90"}[label]]


def check_what_if(wb, results):
    """The What if sheet: per option, base and each variant side by side and
    each paired variant against base, every figure the results file's."""
    check("What if" in wb.sheetnames and wb.sheetnames.index("What if") == wb.sheetnames.index("Assumptions") + 1,
          f"no What if sheet after Assumptions: {wb.sheetnames}")
    if "What if" not in wb.sheetnames:
        return 0
    ws = wb["What if"]
    rows = list(ws.iter_rows())
    variants = results["variants"]
    months = headline(results)
    compared, seen, option = 0, set(), None
    for i, row in enumerate(rows):
        if row[0].value != "Variant" or len(row) < 2 or row[1].value is None or row[1].value.startswith("Description"):
            continue
        side = row[1].value.startswith("ROI P50")
        if side:  # under the option's name; the against-base table follows its option's
            option = rows[i - 1][0].value.lower().replace(" ", "_")
        check(option in results["options"], f"What if: a table under {rows[i - 1][0].value!r}")
        if option not in results["options"]:
            continue
        labels = [c.value for c in row[1:] if c.value is not None]
        names = []
        for line in rows[i + 1:]:
            if not line[0].value or line[0].value not in ["base"] + list(variants):
                break
            names.append(line[0].value)
            for label, cell in zip(labels, line[1:]):
                if side:
                    run = results if line[0].value == "base" else variants[line[0].value]
                    want = side_by_side_value(run, option, label)
                else:
                    want = change_value(variants[line[0].value]["against_base"]["options"][option], months, label)
                check(same(cell.value, want), f"What if {option} {line[0].value} {label}: {cell.value} != {want}")
                if want is not None:
                    fmt = cell.number_format
                    check(results["currency"] in fmt if label.startswith("NPV change") else
                          fmt == "0.0" if label.startswith("Payback") else "%" in fmt,
                          f"What if {option} {label}: format {fmt}")
                compared += 1
        expected = ["base"] + list(variants) if side else \
            [v for v, r in variants.items() if option in r.get("against_base", {}).get("options", {})]
        check(names == expected, f"What if {option}: rows {names}, expected {expected}")
        seen.add((option, side))
    for option in results["options"]:
        check((option, True) in seen, f"What if: no side-by-side table for {option}")
    charts = ws._charts
    check(len(charts) == len(results["options"]) and
          all(isinstance(c, LineChart) and len(c.series) == 1 + len(variants) for c in charts),
          f"What if: expected a payback chart per option with base and {len(variants)} variants")
    return compared


def format_of(kind, cell, currency):
    return {"money": currency in cell.number_format, "share": "%" in cell.number_format,
            "months": cell.number_format == "0.0"}[kind]


def chart_sources(chart):
    return [ref for series in chart.series for ref in (series.val.numRef.f, series.cat.strRef.f if series.cat and
                                                       series.cat.strRef else "")]


def check_summary(wb, results):
    """Summary: the key figures of page one, numbers with their formats, and three charts drawn from Chart data."""
    ws = wb["Summary"]
    rows = list(ws.iter_rows())
    head = next((i for i, r in enumerate(rows) if r[0].value == "Key figures"), None)
    check(head is not None, "Summary: no key figures table")
    if head is None:
        return 0
    options = list(results["options"])
    check(all(c.value for c in rows[head][1:1 + len(options)]), "Summary: a column per option")
    compared = 0
    last = list(results["horizons"].values())[-1]
    for k, (statistic, months, label, kind, values) in enumerate(fmt.key_figures(results)):
        row = rows[head + 1 + k]
        check(row[0].value == label, f"Summary row {k}: {row[0].value!r}, expected {label!r}")
        for i, option in enumerate(options):
            cell, want = row[1 + i], values[option]
            if kind == "months" and want is None:
                check(cell.value == f"after {last}", f"Summary {label} {option}: {cell.value!r}, expected 'after {last}'")
            else:
                check(same(cell.value, want), f"Summary {label} {option}: {cell.value} != {want}")
                check(want is None or format_of(kind, cell, results["currency"]),
                      f"Summary {label}: format {cell.number_format}")
            compared += 1
    charts = ws._charts
    check(len(charts) == 3 and isinstance(charts[0], LineChart) and len(charts[0].series) == len(options) and
          all(isinstance(c, BarChart) for c in charts[1:]), f"Summary: expected payback curves and two column charts")
    for c in charts:
        check(all(ref.startswith("'Chart data'!") for ref in chart_sources(c) if ref),
              f"Summary: a chart not drawn from the Chart data sheet: {chart_sources(c)}")
    return compared


def check_breakdown_and_years(wb, results):
    """Breakdown: components add up to the run's mean benefits and costs per horizon (horizons as columns);
    Years: the years as columns with their totals; both sheets' charts drawn from Chart data."""
    compared = 0
    months = [str(m) for m in results["horizons"].values()]
    rows = list(wb["Breakdown"].iter_rows(values_only=True))
    # A table per option (with a breakdown), in the results file's order, headed by its label and the horizons.
    heads = iter([i for i, r in enumerate(rows) if r[0] and r[1] == f"{months[0]} months"])
    for option, o in results["options"].items():
        if "breakdown" not in o["horizons"][months[0]]:
            continue
        head = next(heads, None)
        check(head is not None, f"Breakdown: no table for {option}")
        if head is None:
            continue
        table = []  # in sheet order: a cost line may carry a benefit line's label
        for r in rows[head + 1:]:
            if not r[0]:
                break
            table.append(r)
        labels = [r[0] for r in table]
        for group, total in [("benefits", "Benefits (mean)"), ("costs", "Costs (mean)")]:
            check(total in labels, f"Breakdown {option}: no {total} row")
            if total not in labels:
                continue
            end = labels.index(total)
            start = 0 if group == "benefits" else labels.index("Benefits (mean)") + 1
            for k, h in enumerate(months):
                parts = sum(r[1 + k] or 0 for r in table[start:end])
                want = o["horizons"][h][group]["mean"]
                check(abs(parts - want) <= 1e-6 * max(1.0, abs(want)),
                      f"Breakdown {option} {h} {group}: components add to {parts}, the run's mean is {want}")
                check(abs(table[end][1 + k] - want) <= 1e-6 * max(1.0, abs(want)),
                      f"Breakdown {option} {h}: {total} {table[end][1 + k]} != {want}")
                compared += 1
    ws = wb["Years"]
    rows = list(ws.iter_rows(values_only=True))
    heads = iter([i for i, r in enumerate(rows) if r[0] and r[1] == "Initial"])
    for option, o in results["options"].items():
        years = o.get("years", [])
        if not years:
            continue
        head = next(heads, None)
        check(head is not None, f"Years: no table for {option}")
        if head is None:
            continue
        want_head = ["Initial"] + [f"Year {y}" for y in range(1, len(years))] + ["Total"]
        check(list(rows[head][1:1 + len(want_head)]) == want_head, f"Years {option}: columns {rows[head]}")
        for offset, (label, part, stat) in enumerate([("Costs (mean)", "costs", "mean"), ("Benefits (mean)", "benefits", "mean"),
                                                      ("Net (mean)", "net", "mean"), ("Net P10", "net", "p10"),
                                                      ("Net P90", "net", "p90")]):
            r = rows[head + 1 + offset]
            check(r[0] == label, f"Years {option}: row {r[0]!r}, expected {label!r}")
            for y, record in enumerate(years):
                check(same(r[1 + y], record[part][stat]), f"Years {option} {label} {y}: {r[1 + y]}")
                compared += 1
            if stat == "mean":
                total = sum(record[part]["mean"] for record in years)
                check(abs(r[1 + len(years)] - total) <= 1e-6 * max(1.0, abs(total)), f"Years {option} {label} total")
    for title in ("Breakdown", "Years"):
        for c in wb[title]._charts:
            check(all(ref.startswith("'Chart data'!") for ref in chart_sources(c) if ref),
                  f"{title}: a chart not drawn from the Chart data sheet")
    check(len(wb["Years"]._charts) == sum(1 for o in results["options"].values() if o.get("years")),
          "Years: one chart per option")
    return compared


def cells_of(ws, ref):
    """The cells of a one-column range such as Sensitivity!$N$4:$N$13, top to bottom."""
    first, last = ref.split("!")[1].replace("$", "").split(":")
    return [row[0] for row in ws[first:last]]


def check_tornado_charts(wb, results):
    """Sensitivity: a horizontal bar chart per option, per pair (NPV difference) and horizon, plus a tornado
    one at a time where another method heads the rankings. A tornado is two-sided, as the HTML draws it:
    two overlapping series, the metric with the input at its P10 and at its P90, each minus the base,
    their data cells equal to the results file's low - tornado_base and high - tornado_base."""
    ws = wb["Sensitivity"]
    charts = ws._charts
    pairs = [p for p in results.get("comparison", {}) if p in results["sensitivity"]]
    months = [str(m) for m in results["horizons"].values()]
    check(len(charts) >= (len(options := results["options"]) + len(pairs)) * len(months) and
          all(isinstance(c, BarChart) and c.type == "bar" for c in charts),
          "Sensitivity: one horizontal bar chart per option, per pair (NPV difference) and horizon")
    # Every tornado of the results file: (months, [(low - base, high - base) of the top ten, smallest first]).
    tornadoes = []
    for key, by_months in results["sensitivity"].items():
        for m, metrics in by_months.items():
            for metric in ("npv", "npv_difference"):
                t = metrics.get(metric, {})
                if "tornado" in t and t.get("tornado_base") is not None:
                    top = t["tornado"][:10][::-1]
                    tornadoes.append((m, [(e["low"] - t["tornado_base"], e["high"] - t["tornado_base"]) for e in top]))
    two_sided, compared = 0, 0
    for c in charts:
        if len(c.series) != 2:
            continue
        two_sided += 1
        names = [sr.tx.v if sr.tx else None for sr in c.series]
        check(names == ["Input at its P10", "Input at its P90"], f"Sensitivity: a two-series chart named {names}")
        check(c.overlap == 100, f"Sensitivity: tornado series overlap {c.overlap}, expected 100 (two-sided bars)")
        low = cells_of(ws, c.series[0].val.numRef.f)
        high = cells_of(ws, c.series[1].val.numRef.f)
        title = ws.cell(row=low[0].row - 2, column=low[0].column - 1).value or ""
        at = next((m for m in months if f" at {m} months" in title), None)
        check(at is not None, f"Sensitivity: tornado data block without a horizon: {title!r}")
        got = [(a.value, b.value) for a, b in zip(low, high)]
        check(all(results["currency"] in a.number_format for a in low + high),
              f"Sensitivity: tornado data of {title!r} not in {results['currency']}")
        match = any(m == at and len(want) == len(got) and
                    all(same(g[0], w[0]) and same(g[1], w[1]) for g, w in zip(got, want)) for m, want in tornadoes)
        check(match, f"Sensitivity: tornado {title!r}: data cells {got[:3]}… are no tornado's low/high minus base")
        compared += 2 * len(got)
    if any("tornado" in t for by_months in results["sensitivity"].values() for metrics in by_months.values()
           for t in metrics.values() if isinstance(t, dict)):
        check(two_sided >= len(options) + len(pairs),
              f"Sensitivity: {two_sided} two-sided tornado charts, expected one per option and pair at least")
    return compared


def run(results, wb):
    """Every check of the workbook (as openpyxl loaded it) against the results
    file: (failures, the line to print when there are none)."""
    failures.clear()
    expected = ["Summary", "Breakdown", "Years", "Horizons", "Payback", "CashFlow", "Sensitivity", "Assumptions"]
    check(wb.sheetnames[:8] == expected and wb.sheetnames[-1] == "Chart data",
          f"sheets {wb.sheetnames}, expected {expected} first and Chart data last")
    options = results["options"]
    months = [str(m) for m in results["horizons"].values()]

    # Horizons: one row per option x horizon x metric, every statistic equal to the results file.
    ws = wb["Horizons"]
    header = [c.value for c in ws[1]]
    column = {name: i for i, name in enumerate(header)}
    rows = {}
    for row in ws.iter_rows(min_row=2, values_only=False):
        if row[0].value is None:
            break
        rows[(row[0].value.lower().replace(" ", "_"), str(row[1].value), row[2].value)] = row
    compared = 0
    for option, o in options.items():
        for h in months:
            for metric, summary in o["horizons"][h].items():
                if metric == "breakdown":  # not a metric; the workbook's breakdown comes with the leadership report
                    continue
                row = rows.get((option, h, metric))
                check(row is not None, f"Horizons lacks {option} {h} {metric}")
                if row is None:
                    continue
                for stat, col in [("mean", "Mean"), ("p5", "P5"), ("p50", "P50"), ("p95", "P95"),
                                  ("prob_positive", "P(> 0)")]:
                    cell = row[column[col]]
                    check(same(cell.value, summary[stat]),
                          f"Horizons {option} {h} {metric} {stat}: {cell.value} != {summary[stat]}")
                    compared += 1
                p50 = row[column["P50"]]
                if metric in ("roi", "roi_discounted", "roi_hard", "irr"):
                    check("%" in p50.number_format, f"{metric} not in percent format: {p50.number_format}")
                elif metric in ("npv", "npv_hard", "costs", "benefits"):
                    check(results["currency"] in p50.number_format,
                          f"{metric} not in {results['currency']} format: {p50.number_format}")
                if summary["p50"] is not None:
                    check(isinstance(p50.value, float), f"{metric} P50 stored as {type(p50.value)}")

    compared += check_summary(wb, results)
    compared += check_breakdown_and_years(wb, results)

    # CashFlow: the median by month.
    ws = wb["CashFlow"]
    header = [c.value for c in ws[2]]
    for option, o in options.items():
        label = next(h for h in header if h and h.lower().replace(" ", "_").startswith(option) and h.endswith("P50"))
        col = header.index(label)
        values = [ws.cell(row=3 + t, column=col + 1).value for t in range(len(o["cumulative_cash_flow"]["p50"]))]
        check(all(same(a, b) for a, b in zip(values, o["cumulative_cash_flow"]["p50"])), f"CashFlow {label}")

    # Assumptions: the register, every entry with its address.
    ws = wb["Assumptions"]
    listed = [r[7] for r in ws.iter_rows(min_row=2, values_only=True) if r[1]][:len(results.get("assumptions", []))]
    check(listed == [a["address"] for a in results.get("assumptions", [])], "Assumptions: not the results file's register")

    # Samples: the rows of the results file, numbers as numbers.
    if "samples" in results:
        check("Samples" in wb.sheetnames, "no Samples sheet although the results file has samples")
        ws = wb["Samples"]
        rows = list(ws.iter_rows(min_row=3, values_only=True))
        check(len(rows) == len(results["samples"]["rows"]), f"Samples: {len(rows)} rows")
        for got, want in zip(rows[:50], results["samples"]["rows"]):
            check(got[1] == want[1] and all(same(a, b) for a, b in zip(got[2:], want[2:])), f"Samples row {want[:2]}")
        # Each column in its own unit: the outputs by their names, an input as the register states its quantity.
        quantity = {a["address"]: a["quantity"] for a in results.get("assumptions", [])}
        wants = {"money": lambda f: results["currency"] in f, "share": lambda f: "%" in f, "months": lambda f: f == "0.0",
                 "count": lambda f: f == "#,##0", "factor": lambda f: f == "0.00", "rate": lambda f: f == "General"}
        first = next(ws.iter_rows(min_row=3, max_row=3))
        for name, cell in zip(results["samples"]["columns"][2:], first[2:]):
            kind = ("money" if name.startswith("npv_") else "share" if name.startswith("roi_") else
                    "months" if name == "payback_months" else quantity.get(name, "rate"))
            check(cell.value is None or wants[kind](cell.number_format),
                  f"Samples column {name} ({kind}) formatted {cell.number_format!r}")
        # Every input's unit is known, but a risk's occurrence draw (a uniform the register does not list).
        unknown = [i["input"] for i in results.get("inputs", []) if i["input"] not in quantity and
                   not i["input"].endswith(".occurs")]
        check(not quantity or not unknown, f"Samples: inputs the register does not know the unit of: {unknown}")

    if results.get("variants"):
        compared += check_what_if(wb, results)

    # Native charts.
    charts = {ws.title: ws._charts for ws in wb}
    check(len(charts["CashFlow"]) == len(options) and all(isinstance(c, LineChart) for c in charts["CashFlow"]),
          f"CashFlow: expected {len(options)} line (fan) charts, got {charts['CashFlow']}")
    check(len(charts["Horizons"]) == len(options) * len(months) and
          all(isinstance(c, BarChart) for c in charts["Horizons"]), "Horizons: one ROI histogram per option and horizon")
    check(len(charts["Payback"]) == 1, "Payback: one chart")
    if "sensitivity" in results:
        compared += check_tornado_charts(wb, results)
    for title, cs in charts.items():
        for c in cs:
            check(len(c.series) >= 1, f"{title}: a chart without series")

    return list(failures), (f"workbook ok: {compared} statistics equal to the results file, "
                            f"{sum(len(c) for c in charts.values())} native charts")


def main():
    found, ok = run(json.load(open(sys.argv[1])), openpyxl.load_workbook(sys.argv[2]))
    for f in found:
        print("FAIL:", f)
    if not found:
        print(ok)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
