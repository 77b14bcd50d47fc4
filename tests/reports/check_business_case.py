#!/usr/bin/python3
"""The business case a CFO reads, checked in headless Chromium against the
results file and the scenario file:

* page one prints to exactly one A4 page (printed on its own, and it ends
  with a page break in the whole report);
* every figure on it equals the results file's (each key figure recomputed
  from the file and formatted by tests/reports/report_format.py), the decision
  follows its stated rule, the payback curves are drawn (one per option);
* no scientific notation anywhere in the page;
* every numeric input of the scenario file, constants included, is in the
  assumptions register under its label (the user's, when given), money and
  shares written out for people ("PERT €6,500 / €7,500 / €9,000");
* each waterfall's steps add up to the total it shows, each stacked cost
  column to its horizon's costs, and the year table's columns are the
  results file's years.

Saves page one as PNG and its A4 print as PDF beside the report.
usage: check_business_case.py RESULTS.json REPORT.html SCENARIO.json
"""
import base64
import json
import math
import pathlib
import re
import sys


sys.path.insert(0, str(pathlib.Path(__file__).parent))
import report_format as fmt  # noqa: E402
from headless_chromium import Browser, console_problems  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def pdf_pages(data):
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def check_page_one(driver, results):
    cells = driver.execute_script("""
        const out = [];
        for (const td of document.querySelectorAll('#page-one #key-figures td[data-statistic]'))
            out.push([td.dataset.option, td.dataset.statistic, td.dataset.months, td.innerText.trim(),
                      td.parentElement.querySelector('td').innerText.trim()]);
        return out;""")
    shown = {(o, s, m): (text, label) for o, s, m, text, label in cells}
    expected = fmt.key_figures(results)
    check(len(cells) == len(expected) * len(results["options"]),
          f"page one shows {len(cells)} key figures, expected {len(expected) * len(results['options'])}")
    for statistic, months, label, kind, values in expected:
        for option, value in values.items():
            got = shown.get((option, statistic, str(months) if months is not None else ""))
            want = fmt.shown(kind, value, results)
            check(got is not None and got[0] == want, f"page one {option} {statistic}: {got} expected {want}")
            check(got is None or got[1] == label, f"page one {statistic} labelled {got and got[1]!r}, expected {label!r}")

    # The decision: the highest mean NPV at the longest horizon, doing nothing if none is positive.
    last = str(list(results["horizons"].values())[-1])
    means = {o: v["horizons"][last]["npv"]["mean"] for o, v in results["options"].items()}
    best = max(means, key=lambda o: means[o])
    choice = best if means[best] > 0 else ""
    decision = driver.find_element("id", "decision")
    check(decision.get_attribute("data-choice") == choice,
          f"decision {decision.get_attribute('data-choice')!r}, expected {choice!r} from mean NPVs {means}")
    check(fmt.money(means[best], results["currency"]) in decision.text,
          f"decision '{decision.text}' does not state the mean NPV {fmt.money(means[best], results['currency'])}")
    rule = driver.find_element("css selector", "#page-one .rule").text
    check(f"highest expected (mean) NPV" in rule and f"{last} months" in rule, f"rule not stated: {rule!r}")
    sure = driver.find_element("id", "how-sure").text
    for pair, c in results.get("comparison", {}).items():
        a, b = pair.split("_vs_")
        if best not in (a, b):
            continue
        p = c["horizons"][last]["prob_a_better"]
        p = p if best == a else 1 - p
        check(fmt.percent(p) in sure, f"how sure lacks P({best} better) {fmt.percent(p)}: {sure!r}")
    # The k-way shares: each sums to 1; with two options, the first's equals the paired share.
    best_at = results.get("prob_best", {}).get(last)
    check(best_at is not None, "results file has no prob_best at the longest horizon")
    if best_at:
        among, counting = best_at["among_options"], best_at["counting_not_investing"]
        check(list(among) == list(results["options"]) and list(counting) == list(results["options"]),
              f"prob_best lists {list(among)}, not the options")
        check(math.isclose(sum(among.values()), 1, abs_tol=1e-9), f"prob_best among options sums to {sum(among.values())}")
        check(math.isclose(sum(counting.values()) + best_at["not_investing"], 1, abs_tol=1e-9),
              "prob_best counting not investing does not sum to 1")
        if len(results["options"]) == 2:
            (pair, c), = results["comparison"].items()
            a = pair.split("_vs_")[0]
            check(math.isclose(among[a], c["horizons"][last]["prob_a_better"], rel_tol=1e-12),
                  f"two options: P({a} highest NPV) {among[a]} is not the paired share {c['horizons'][last]['prob_a_better']}")
        if len(results["options"]) == 1:
            (option, v), = results["options"].items()
            check(math.isclose(counting[option], v["horizons"][last]["npv"]["prob_positive"], rel_tol=1e-12),
                  f"one option: P(best, counting not investing) {counting[option]} is not P(NPV > 0)")
        for option, p in counting.items():
            check(f" {fmt.percent(p)}" in sure, f"how sure lacks {option}'s P(best) {fmt.percent(p)}")
        check(f"not investing {fmt.percent(best_at['not_investing'])}" in sure, "how sure lacks P(not investing is best)")
    for option, v in results["options"].items():
        p = fmt.percent(v["horizons"][last]["npv"]["prob_positive"])
        check(p in sure, f"how sure lacks P(NPV > 0) {p} of {option}")
    change = driver.find_element("id", "what-would-change-it").text
    voi = results.get("value_of_information", {}).get(last)
    if voi and voi["evpi"] is not None:
        check(fmt.money(voi["evpi"], results["currency"]) in change, f"what would change it lacks the EVPI: {change!r}")

    lines = driver.execute_script("""
        const svg = document.querySelector('#page-one svg[data-chart="page-one-payback"]');
        if (!svg) return null;
        return [...svg.querySelectorAll('path.line')].filter(p => { const b = p.getBBox(); return b.width > 0; }).length;""")
    check(lines == len(results["options"]), f"page one payback chart draws {lines} curves for {len(results['options'])} options")


def check_one_a4_page(driver, report_path):
    """Page one alone prints to one A4 page; in the whole report it ends with a page break."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    breaks = driver.execute_script("return getComputedStyle(document.getElementById('page-one')).breakAfter")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    check(breaks == "page", f"page one ends with break-after: {breaks!r}, not a page break")
    driver.execute_script("""
        for (const e of [...document.body.children]) if (e.id !== 'page-one') e.remove();""")
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True,
                                                                      "printBackground": True})["data"])
    report_path.with_suffix(".page-one.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    check(pages == 1, f"page one prints to {pages} A4 pages")
    # Its height against the A4 page's printable height (297 mm less 2 × 14 mm margins), in print layout.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.set_window_size(int(182 / 25.4 * 96) + 16, 1200)
    height = driver.execute_script("return document.getElementById('page-one').getBoundingClientRect().height")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    report_path.with_suffix(".page-one.png").write_bytes(base64.b64decode(shot["data"]))
    return f"page one: {pages} A4 page(s), {height / 96 * 25.4:.0f} mm of 269 mm printable"


def scenario_inputs(scenario):
    """(address, json value, quantity, per) for every numeric input the scenario file writes."""
    out = []

    def add(address, value, quantity, per=""):
        if value is not None and not isinstance(value, bool):
            out.append((address, value, quantity, per))

    month = " a month"
    baseline = {"users": ("count", ""), "loaded_cost_per_user_month": ("money", month),
                "leads_per_month": ("count", month), "conversion_rate": ("share", ""),
                "revenue_per_customer_month": ("money", month), "gross_margin": ("share", ""),
                "customers": ("count", ""), "monthly_churn": ("share", month), "sales_cycle_months": ("months", "")}
    for field, (quantity, per) in baseline.items():
        add(f"baseline.{field}", scenario.get("baseline", {}).get(field), quantity, per)
    money_units = {"once": "", "per_user_once": " per user, once", "per_month": " a month",
                   "per_user_month": " per user a month", "per_year": " a year", "per_user_year": " per user a year"}
    for name, o in scenario["options"].items():
        at = f"options.{name}"
        for field, quantity in [("months", "months"), ("overrun", "factor")]:
            add(f"{at}.implementation.{field}", o["implementation"].get(field), quantity)
        for group in ["costs", "benefits"]:
            for line, c in o.get(group, {}).items():
                unit = c["unit"]
                add(f"{at}.{group}.{line}.amount", c["amount"], "money" if unit in money_units else "share",
                    money_units.get(unit, " of the build cost a year"))
                add(f"{at}.{group}.{line}.annual_increase", c.get("annual_increase"), "share", " a year")
        for risk, r in o.get("risks", {}).items():
            add(f"{at}.risks.{risk}.probability", r["probability"], "share")
            add(f"{at}.risks.{risk}.cost", r["cost"], "money")
        for field in ["fraction", "months"]:
            add(f"{at}.productivity_dip.{field}", o.get("productivity_dip", {}).get(field),
                "share" if field == "fraction" else "months")
        for field in ["ceiling", "midpoint_months", "steepness", "p", "q"]:
            add(f"{at}.adoption.{field}", o["adoption"].get(field),
                {"ceiling": "share", "midpoint_months": "months"}.get(field, "rate"))
        effects = o.get("effects", {})
        for field in ["conversion_uplift", "churn_reduction", "revenue_per_customer_uplift", "sales_cycle_reduction",
                      "time_saved_fraction", "productivity_capture"]:
            add(f"{at}.effects.{field}", effects.get(field), "share")
        for saving, s in effects.get("savings", {}).items():
            add(f"{at}.effects.savings.{saving}.monthly_base", s["monthly_base"], "money", " a month")
            add(f"{at}.effects.savings.{saving}.reduction", s["reduction"], "share")
    return out


def written(x, quantity, currency):
    """A value as the register writes it, for money and shares (other quantities are checked for form only)."""
    if quantity == "money":
        symbol = fmt.SYMBOLS.get(currency, currency + " " if currency.isalpha() else currency)
        return ("-" if x < 0 else "") + symbol + (f"{abs(x):,.0f}" if abs(x) >= 100 else f"{abs(x):,.2f}".rstrip("0").rstrip("."))
    if quantity == "share":
        return f"{100 * x:,.4f}".rstrip("0").rstrip(".") + " %"
    return None


def check_register(driver, results, scenario):
    rows = driver.execute_script("""
        const out = {};
        for (const tr of document.querySelectorAll('#assumptions tr[data-address]'))
            out[tr.dataset.address] = [...tr.querySelectorAll('td')].map(td => td.innerText.trim());
        return out;""")
    currency = results["currency"]
    for address, value, quantity, per in scenario_inputs(scenario):
        row = rows.get(address)
        check(row is not None, f"register lacks {address}")
        if row is None:
            continue
        label = value.get("label") if isinstance(value, dict) else None
        check(label is None or row[0] == label, f"register {address}: label {row[0]!r}, expected {label!r}")
        check("." not in row[0] or label, f"register {address}: a dotted address as its label: {row[0]!r}")
        number = value if isinstance(value, (int, float)) else value.get("value")
        dist = value.get("dist") if isinstance(value, dict) else None
        if number is not None:
            want = written(number, quantity, currency)
            check(want is None or row[1] == want + per, f"register {address}: {row[1]!r}, expected {want}{per}")
        elif dist in ("pert", "triangular"):
            parts = [written(value[k], quantity, currency) for k in ("min", "mode", "max")]
            if None not in parts:
                want = ("PERT " if dist == "pert" else "triangular ") + " / ".join(parts) + per
                check(row[1].startswith(want), f"register {address}: {row[1]!r}, expected {want!r}")
        elif dist == "uniform":
            parts = [written(value[k], quantity, currency) for k in ("min", "max")]
            if None not in parts:
                check(row[1].startswith(f"uniform {parts[0]} to {parts[1]}"), f"register {address}: {row[1]!r}")
    occurs = [a for a in rows if a.endswith(".occurs")]
    check(not occurs, f"register lists risk draws as inputs: {occurs}")
    return len(rows)


def close(a, b, scale):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(scale))


def check_breakdown(driver, results):
    """Each waterfall adds up to the totals it shows, and those are the run's
    mean benefits, costs and net; each stacked cost column is the horizon's
    mean cost; the year table shows the results file's years as columns."""
    charts = driver.execute_script("""
        const out = {};
        for (const svg of document.querySelectorAll('svg[data-chart^="waterfall-"], svg[data-chart^="costs-"], svg[data-chart^="years-"]'))
            out[svg.dataset.chart] = [...svg.querySelectorAll('rect.bar, circle.dot')].map(e =>
                [e.tagName, e.dataset.kind || '', e.dataset.category || '', parseFloat(e.dataset.value)]);
        return out;""")
    currency = results["currency"]
    checked = 0
    for option, o in results["options"].items():
        if "breakdown" not in o["horizons"][str(list(results["horizons"].values())[0])]:
            continue
        for h in results["horizons"].values():
            metrics = o["horizons"][str(h)]
            bars = charts.get(f"waterfall-{option}-{h}")
            check(bars is not None, f"no waterfall for {option} at {h} months")
            if bars is None:
                continue
            totals = [i for i, b in enumerate(bars) if b[1] == "total"]
            check(len(totals) == 2, f"waterfall {option} {h}: {len(totals)} totals")
            if len(totals) != 2:
                continue
            steps = [b[3] for b in bars[:totals[0]]]
            benefits, net = bars[totals[0]][3], bars[totals[1]][3]
            check(close(sum(steps), benefits, benefits), f"waterfall {option} {h}: steps {sum(steps)} != total {benefits}")
            check(close(benefits, metrics["benefits"]["mean"], benefits),
                  f"waterfall {option} {h}: benefits {benefits} != mean benefits {metrics['benefits']['mean']}")
            cost_step = bars[totals[0] + 1][3]
            check(close(-cost_step, metrics["costs"]["mean"], cost_step), f"waterfall {option} {h}: costs {cost_step}")
            check(close(benefits + cost_step, net, net), f"waterfall {option} {h}: net {net} != {benefits} + {cost_step}")
            column = [b[3] for b in charts.get(f"costs-{option}", []) if b[2] == f"{h} months"]
            check(close(sum(column), metrics["costs"]["mean"], metrics["costs"]["mean"]),
                  f"costs stack {option} {h}: {sum(column)} != mean costs {metrics['costs']['mean']}")
            checked += 1
        years = o.get("years", [])
        table = driver.execute_script("""
            const t = document.querySelector(`table.years[data-option="${arguments[0]}"]`);
            if (!t) return null;
            const out = {head: [...t.querySelectorAll('th')].map(th => th.innerText.trim())};
            for (const tr of t.querySelectorAll('tr[data-row]'))
                out[tr.dataset.row] = [...tr.querySelectorAll('td')].slice(1).map(td => td.innerText.trim());
            return out;""", option)
        check(table is not None, f"no year table for {option}")
        if table is None:
            continue
        check(table["head"][1:] == ["Initial"] + [f"Year {y}" for y in range(1, len(years))] + ["Total"],
              f"year table {option}: columns {table['head']}")
        for key, stat in [("costs", "mean"), ("benefits", "mean"), ("net", "mean"), ("net_p10", "p10"),
                          ("net_p90", "p90")]:
            part = "net" if key.startswith("net") else key
            want = [fmt.money(y[part][stat], currency) for y in years]
            check(table[key][:len(years)] == want, f"year table {option} {key}: {table[key]} != {want}")
        dots = [b[3] for b in charts.get(f"years-{option}", []) if b[0] == "circle"]
        check(len(dots) == len(years) and all(close(a, y["net"]["mean"], a) for a, y in zip(dots, years)),
              f"year chart {option}: net dots {dots}")
    return checked


def run(driver, results, scenario, report_path):
    """Every check of the business case in DRIVER, a headless Chromium (headless_chromium.Browser): the page is
    loaded afresh and left cut to page one in print media. Returns (failures, what was checked)."""
    failures.clear()
    done = []
    driver.get(report_path.resolve().as_uri())
    failures.extend(console_problems(driver))
    text = driver.execute_script("return document.body.innerText")
    found = fmt.SCIENTIFIC.findall(text)
    check(not found, f"scientific notation in the page: {[m.group(0) for m in fmt.SCIENTIFIC.finditer(text)][:5]}")
    check_page_one(driver, results)
    registered = check_register(driver, results, scenario)
    waterfalls = check_breakdown(driver, results)
    done.append(check_one_a4_page(driver, report_path))
    if not failures:
        done.append(f"page one consistent with the results file; {registered} inputs in the register; "
                    f"{waterfalls} waterfalls add up")
    return list(failures), done


def main():
    results_path, report_path, scenario_path = map(pathlib.Path, sys.argv[1:4])
    results = json.loads(results_path.read_text())
    scenario = json.loads(scenario_path.read_text())
    with Browser() as driver:
        found, done = run(driver, results, scenario, report_path)
    for line in done:
        print(line)
    for f in found:
        print("FAIL:", f)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
