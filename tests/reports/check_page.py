#!/usr/bin/python3
"""The browser checks of one scenario's HTML report in one headless Chromium:
check_html_browser.py (charts, console, what-if tables, summary, screenshot
and A4 print), then check_business_case.py (page one, the assumptions
register, the breakdown charts, page one on one A4 page), every assertion of
both. Starting Chromium is most of each one's time; each still runs on its
own. The second loads the page afresh in a window of the size the browser
started with, as it would in a browser of its own.

A check that fails or raises does not stop the other; every failure line
names its check.
usage: check_page.py RESULTS.json REPORT.html SCENARIO.json
"""
import json
import pathlib
import sys
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import check_business_case  # noqa: E402
import check_html_browser  # noqa: E402
from headless_chromium import Browser  # noqa: E402


def main():
    results_path, report_path, scenario_path = map(pathlib.Path, sys.argv[1:4])
    results = json.loads(results_path.read_text())
    scenario = json.loads(scenario_path.read_text())
    failed = 0
    with Browser() as driver:
        size = driver.get_window_size()
        checks = [("browser", lambda: check_html_browser.run(driver, results, report_path)),
                  ("business_case", lambda: check_business_case.run(driver, results, scenario, report_path))]
        for name, check in checks:
            driver.set_window_size(size["width"], size["height"])
            try:
                found, done = check()
            except Exception:
                found, done = [f"raised\n{traceback.format_exc()}"], []
            for line in done:
                print(f"[{name}] {line}")
            for f in found:
                print(f"FAIL [{name}]:", f)
            failed += bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
