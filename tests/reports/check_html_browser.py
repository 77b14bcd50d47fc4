#!/usr/bin/python3
"""Renders a roicast HTML report in headless Chromium and checks it.

Fails on any browser console message of level WARNING or worse (a blocked
fetch, a CSP violation, a broken SVG), on a missing or empty chart, and on an
executive summary or what-if table that disagrees with the results file.
Saves a full-page PNG screenshot and an A4 PDF print next to the report.

usage: check_html_browser.py RESULTS.json REPORT.html
"""
import base64
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from headless_chromium import Browser, console_problems  # noqa: E402



def expected_charts(results):
    months = list(results["horizons"].values())
    ids = ["payback-cdf"]
    for h in months:
        if any(o["horizons"][str(h)]["roi"]["n"] > 0 for o in results["options"].values()):
            ids.append(f"roi-cdf-{h}")
    for option, o in results["options"].items():
        ids.append(f"fan-{option}")
        for h in months:
            if o["horizons"][str(h)]["roi"]["n"] > 0:  # else the page says ROI is undefined
                ids.append(f"roi-histogram-{option}-{h}")
            if option in results.get("sensitivity", {}):
                ids.append(f"tornado-{option}-{h}")
    for pair in results.get("comparison", {}):
        a, b = pair.split("_vs_")
        for h in months:
            ids.append(f"npv-difference-{a}-vs-{b}-{h}")
            if pair in results.get("sensitivity", {}):  # what drives the NPV difference
                ids.append(f"tornado-{pair}-{h}")
    if results.get("variants"):
        for option in results["options"]:
            ids += [f"what-if-payback-{option}", f"what-if-npv-{option}"]
    # Page one's payback curves; where the money comes from, per option with a breakdown.
    ids.append("page-one-payback")
    for option, o in results["options"].items():
        if "breakdown" in o["horizons"][str(months[0])]:
            ids += [f"waterfall-{option}-{h}" for h in months] + [f"costs-{option}"]
        if o.get("years"):
            ids.append(f"years-{option}")
    # The tornado beside a headline ranking of another method, at the longest horizon.
    for key, s in results.get("sensitivity", {}).items():
        metric = "npv_difference" if "_vs_" in key else "npv"
        methods = s.get(str(months[-1]), {}).get(metric, {})
        if "tornado" in methods and ("spearman" in methods or "src" in methods or "sobol_total" in methods):
            ids.append(f"one-at-a-time-{key}-{months[-1]}")
    return ids


def headline_months(results):
    name = "medium" if "medium" in results["horizons"] else list(results["horizons"])[-1]
    return str(results["horizons"][name])


def what_if_failures(driver, results):
    """The what-if tables as the browser shows them: a row per run, the
    figures those of the results file (median ROI per horizon, the NPV
    change's mean at the headline horizon as a sign)."""
    failures = []
    variants = results.get("variants", {})
    tables = driver.execute_script("""
        const out = {};
        for (const t of document.querySelectorAll('table.what-if')) {
            const rows = [];  // [name, cells] in page order (an object's keys would not keep it)
            for (const tr of t.querySelectorAll('tr[data-variant]'))
                rows.push([tr.dataset.variant, [...tr.querySelectorAll('td')].map(td => td.innerText.trim())]);
            const head = [...t.querySelectorAll('th')].map(th => th.innerText.trim().replace(/\\s+/g, ' '));
            out[t.dataset.option + '/' + t.dataset.table] = {head: head, rows: rows};
        }
        return out;""")
    if not variants:
        return [f"what-if tables without variants: {list(tables)}"] if tables else []
    for table in tables.values():
        table["order"] = [name for name, cells in table["rows"]]
        table["rows"] = dict(table["rows"])
    months = list(results["horizons"].values())
    for option in results["options"]:
        side = tables.get(f"{option}/side-by-side")
        if side is None:
            failures.append(f"no side-by-side what-if table for {option}")
            continue
        if side["order"] != ["base"] + list(variants):
            failures.append(f"{option}: side-by-side rows {side['order']}")
        expected_head = ["Variant"] + [f"ROI P50, {m} mo" for m in months]
        if side["head"][:len(expected_head)] != expected_head:
            failures.append(f"{option}: side-by-side headings {side['head']}")
        for name, run in [("base", results)] + list(variants.items()):
            cells = side["rows"].get(name, [])
            for k, m in enumerate(months):
                want = percent(run["options"][option]["horizons"][str(m)]["roi"]["p50"])
                if len(cells) <= k + 1 or cells[k + 1] != want:
                    failures.append(f"{option} {name}: ROI P50 at {m} mo shows {cells[k + 1:k + 2]}, expected {want}")
        paired = [v for v, r in variants.items() if option in r.get("against_base", {}).get("options", {})]
        against = tables.get(f"{option}/against-base", {"rows": {}, "order": []})
        if against["order"] != paired:
            failures.append(f"{option}: against-base rows {against['order']}, expected {paired}")
        for v in paired:
            change = variants[v]["against_base"]["options"][option]["horizons"][headline_months(results)]
            mean = change["npv_change"]["mean"]
            shown = against["rows"][v][1]
            if (mean < 0) != shown.startswith("-") and round(mean) != 0:
                failures.append(f"{option} {v}: NPV change mean shows {shown} for {mean}")
    return failures


def percent(x):
    if x is None:
        return "n/a"
    text = f"{100 * x:.0f}"
    return ("0" if text == "-0" else text) + " %"


def run(driver, results, report_path):
    """Every check of the report in DRIVER, a headless Chromium (headless_chromium.Browser): the page is loaded
    afresh. Returns (failures, what was checked and saved)."""
    failures, done = [], []
    driver.get(report_path.resolve().as_uri())
    failures.extend(console_problems(driver))

    charts = driver.execute_script("""
        const out = {};
        for (const svg of document.querySelectorAll('svg[data-chart]')) {
            const box = svg.getBoundingClientRect();
            const marks = svg.querySelectorAll('rect.bar, path.line, path.band').length;
            let drawn = 0;
            for (const m of svg.querySelectorAll('rect.bar, path.line, path.band')) {
                const b = m.getBBox();
                if (b.width > 0 || b.height > 0) drawn++;
            }
            out[svg.dataset.chart] = {width: box.width, height: box.height, marks: marks, drawn: drawn,
                                      texts: svg.querySelectorAll('text').length};
        }
        return out;""")
    for chart_id in expected_charts(results):
        c = charts.get(chart_id)
        if c is None:
            failures.append(f"chart {chart_id} is missing")
        elif c["width"] < 200 or c["height"] < 100 or c["drawn"] == 0 or c["texts"] < 5:
            failures.append(f"chart {chart_id} is empty or collapsed: {c}")

    failures += what_if_failures(driver, results)

    summary = driver.find_element("id", "summary").text
    months = headline_months(results)
    for option, o in results["options"].items():
        roi = o["horizons"][months]["roi"]
        expected = f"median ROI at {months} months {percent(roi['p50'])}" if roi["n"] > 0 else \
            f"ROI at {months} months undefined"
        if expected not in summary:
            failures.append(f"summary lacks '{expected}' for {option}")
    if not failures:
        done.append(f"{len(charts)} charts rendered, summary consistent with the results file")

    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1200, min(height + 50, 30000))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    png = report_path.with_suffix(".png")
    png.write_bytes(base64.b64decode(shot["data"]))
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf_path = report_path.with_suffix(".pdf")
    pdf_path.write_bytes(base64.b64decode(pdf["data"]))
    done.append(f"screenshot {png}, A4 print {pdf_path}")
    failures.extend(console_problems(driver))
    return failures, done


def main():
    results_path, report_path = map(pathlib.Path, sys.argv[1:3])
    results = json.loads(results_path.read_text())
    with Browser() as driver:
        failures, done = run(driver, results, report_path)
    for line in done:
        print(line)
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
