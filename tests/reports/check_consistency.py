#!/usr/bin/python3
"""One set of figures: the same statistic read from the terminal summary,
the HTML report, the workbook and the CSV files is the same, under the
same label, and is the results file's.

* key figures (page one): the terminal and the HTML show the same text under
  the same label, that of the results file's value formatted for people; the
  workbook's Summary and key_figures.csv hold the value itself;
* the NPV difference of each pair: the terminal and the HTML both say its
  mean and its median, equal to the results file's; comparison.csv holds them;
* IRR: where it is undefined on more than 10 % of paths, no output shows a
  median for it as if typical.

usage: check_consistency.py RESULTS.json TERMINAL.txt REPORT.html WORKBOOK.xlsx CSV_DIR
"""
import html
import json
import math
import pathlib
import re
import sys

import openpyxl

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import report_format as fmt  # noqa: E402
from report_files import CsvFolder  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def same(a, b):
    if b is None or (isinstance(b, float) and math.isnan(b)):
        return a is None or a == ""
    return a is not None and math.isclose(float(a), b, rel_tol=1e-12, abs_tol=1e-12)


def terminal_key_figures(text, options):
    """label -> [text per option] from the terminal's key figures block."""
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith("key figures")), None)
    out = {}
    if start is None:
        return out
    for line in lines[start + 1:]:
        if not line.strip():
            break
        label = line[2:42].strip()
        rest = line[42:]
        out[label] = [rest[14 * k:14 * (k + 1)].strip() for k in range(len(options))]
    return out


def html_key_figures(page):
    """(option, statistic, months) -> (label, text) from page one's table."""
    out = {}
    for row in re.findall(r"<tr><td class=\"text\">(.*?)</td>(.*?)</tr>", page):
        label, cells = row
        for option, statistic, months, text in re.findall(
                r"<td data-option=\"([^\"]*)\" data-statistic=\"([^\"]*)\" data-months=\"([^\"]*)\">(.*?)</td>", cells):
            out[(option, statistic, months)] = (html.unescape(label), html.unescape(text))
    return out


def run(results, terminal, page, wb, folder):
    """Every check of one set of figures: the results file, the terminal
    summary's and the HTML report's text, the workbook as openpyxl loaded it
    and the CSV folder (a CsvFolder): (failures, the line to print when there
    are none)."""
    failures.clear()
    options = list(results["options"])
    currency = results["currency"]

    term = terminal_key_figures(terminal, options)
    page_one = html_key_figures(page)
    ws = wb["Summary"]
    sheet = {r[0]: r[1:1 + len(options)] for r in ws.iter_rows(values_only=True) if r[0]}
    table = {(r["option"], r["statistic"], r["horizon_months"]): r for r in folder.records("key_figures.csv")}
    compared = 0
    for statistic, months, label, kind, values in fmt.key_figures(results):
        m = "" if months is None else str(months)
        check(label in term, f"terminal lacks the key figure {label!r}")
        check(label in sheet, f"workbook Summary lacks {label!r}")
        for i, option in enumerate(options):
            want_text = fmt.shown(kind, values[option], results)
            shown_html = page_one.get((option, statistic, m))
            check(shown_html == (label, want_text), f"HTML {option} {statistic}: {shown_html} != {(label, want_text)}")
            if label in term:
                check(term[label][i] == want_text, f"terminal {option} {label}: {term[label][i]!r} != {want_text!r}")
            if label in sheet:
                cell = sheet[label][i]
                check(cell == want_text if isinstance(cell, str) else same(cell, values[option]),
                      f"workbook {option} {label}: {cell} != {values[option]}")
            row = table.get((option, statistic, m))
            check(row is not None and row["label"] == label and same(row["value"] or None, values[option]),
                  f"key_figures.csv {option} {statistic}: {row}")
            compared += 1

    pairs = {(r["option_a"], r["option_b"], r["horizon_months"], r["statistic"]): r["value"]
             for r in folder.records("comparison.csv")}
    for pair, c in results.get("comparison", {}).items():
        a, b = pair.split("_vs_")
        for h, hc in c["horizons"].items():
            d = hc["npv_difference"]
            mean, median = fmt.money(d["mean"], currency), fmt.money(d["p50"], currency)
            check(f"NPV difference mean {mean}, median {median}" in terminal,
                  f"terminal: NPV difference {pair} {h} not 'mean {mean}, median {median}'")
            check(f"mean {html.escape(mean)}, median {html.escape(median)}" in page,
                  f"HTML: NPV difference {pair} {h} not 'mean {mean}, median {median}'")
            check(same(pairs.get((a, b, h, "npv_difference_mean")), d["mean"]) and
                  same(pairs.get((a, b, h, "npv_difference_p50")), d["p50"]), f"comparison.csv {pair} {h}")
            compared += 2
        # Where NPV and cumulative cash are both reported, the difference is explained.
        check("Two different questions" in terminal and "Two different questions" in page,
              "the note on 'higher NPV' against 'cumulative cash ahead' is missing")

    # IRR undefined on many paths: no median presented as typical.
    by_horizon = re.search(r"<table id=\"by-horizon\">(.*?)</table>", page, re.S)
    for option, o in results["options"].items():
        for h, m in o["horizons"].items():
            irr = m["irr"]
            if irr["undefined"] > 0.10:
                said = f"undefined on {fmt.percent(irr['undefined'])} of paths"
                check(by_horizon and said in by_horizon.group(1), f"HTML: IRR of {option} at {h} months not {said!r}")
                check(f"IRR {said}" in terminal, f"terminal: IRR of {option} at {h} months not {said!r}")
                compared += 1

    return list(failures), f"one set of figures: {compared} statistics equal in terminal, HTML, workbook and CSV"


def main():
    results_path, terminal_path, html_path, xlsx_path, csv_dir = map(pathlib.Path, sys.argv[1:6])
    found, ok = run(json.loads(results_path.read_text()), terminal_path.read_text(), html_path.read_text(),
                    openpyxl.load_workbook(xlsx_path), CsvFolder(csv_dir))
    for f in found:
        print("FAIL:", f)
    if not found:
        print(ok)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
