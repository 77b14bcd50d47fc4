#!/usr/bin/python3
"""The page of `roicast serve` in headless Chromium, used with the keyboard only.

Opens the page, waits for the refined answer, then, with key presses alone:
moves the focus to the number of users, types a new value and leaves the
field; the key figures the page shows (median NPV, P(NPV > 0) and median ROI
per option and horizon, from the report writer's summary) must equal those of
`roicast run --json` on the same edited scenario and seed, within the
rounding of what is shown. Then types an invalid value: its error must appear
by the field with the loader's message while the last valid figures stay.
Then switches the drivers on with the space bar: tornado charts must appear.
Fails on any console message of level WARNING or worse. Saves a screenshot.

usage: check_page_browser.py ROICAST SOURCE_DIR OUTPUT_DIR
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from serve_helper import Server

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "reports"))
from headless_chromium import Browser, console_problems  # noqa: E402

failures = []
REFINED = 100000


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def parse_money(text):
    """'€2.29M' → (2290000, half a unit of the last digit shown)."""
    m = re.fullmatch(r"(-?)\D*?([0-9][0-9,]*(?:\.[0-9]+)?)([kM]?)", text.strip())
    if not m:
        raise ValueError(f"not an amount: {text!r}")
    sign, digits, suffix = m.groups()
    scale = {"": 1, "k": 1e3, "M": 1e6}[suffix]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = float(digits.replace(",", "")) * scale
    return (-value if sign else value), 0.5 * 10 ** -decimals * scale


def parse_percent(text):
    m = re.fullmatch(r"(-?[0-9]+(?:\.[0-9]+)?) %", text.strip())
    if not m:
        raise ValueError(f"not a percentage: {text!r}")
    decimals = len(m.group(1).split(".")[1]) if "." in m.group(1) else 0
    return float(m.group(1)) / 100, 0.5 * 10 ** -decimals / 100


def summary_rows(driver):
    """The summary's figures-by-horizon table as shown: option label, horizon months, cells."""
    return driver.execute_script("""
        const rows = [];
        for (const tr of document.querySelectorAll('#sec-summary #by-horizon tr')) {
            const cells = [...tr.querySelectorAll('td')].map(td => td.textContent);
            if (cells.length) rows.push(cells);
        }
        return rows;""")


def wait_for(driver, condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = driver.execute_script(condition)
        if value:
            return value
        time.sleep(0.2)
    raise TimeoutError(f"waited {seconds} s for {what}")


def wait_refined(driver, after_change):
    return wait_for(driver, f"""
        const r = document.getElementById('results');
        return Number(r.dataset.change || 0) > {after_change} && r.dataset.state === 'refined' ? Number(r.dataset.change) : 0;
        """, 300, "the refined answer")


def tab_to(driver, selector, most=400, batch=10):
    """Moves the focus with the keyboard alone to the element matching `selector`.

    Tab when the element comes after the focus in the page, Shift+Tab when
    it comes before (the page's tab order is its document order). Keys go in
    batches of `batch`, a round trip to the browser each instead of two per
    key; a focus listener records whether the focus passed the target, and
    single steps back return to it."""
    matches = f"e => e && e.matches({json.dumps(selector)})"
    if driver.execute_script(f"return ({matches})(document.activeElement)"):
        return
    backwards = driver.execute_script(f"""
        const target = document.querySelector({json.dumps(selector)});
        return Boolean(target && document.activeElement && document.activeElement !== document.body &&
                       target.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING);""")

    def press(n, back):
        chain = ActionChains(driver)
        if back:
            chain.key_down(Keys.SHIFT)
        chain.send_keys(Keys.TAB * n)
        if back:
            chain.key_up(Keys.SHIFT)
        chain.perform()

    driver.execute_script(f"""
        window.__tabLog = [];
        window.__tabListener = e => window.__tabLog.push(({matches})(e.target));
        document.addEventListener('focusin', window.__tabListener);""")
    try:
        for _ in range(0, most, batch):
            press(batch, backwards)
            if True in driver.execute_script("return window.__tabLog"):
                # Back one key at a time: a batch may also have left the page
                # at its end, where the focus moves without a focusin.
                for _ in range(batch + 2):
                    if driver.execute_script(f"return ({matches})(document.activeElement)"):
                        return
                    press(1, not backwards)
                raise AssertionError(f"the focus did not come back to {selector}")
    finally:
        driver.execute_script("document.removeEventListener('focusin', window.__tabListener)")
    raise AssertionError(f"the keyboard never reached {selector}")


def type_value(driver, text):
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(text).send_keys(Keys.TAB).perform()


def main():
    roicast, source, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    scenario_file = source / "scenarios" / "custom-vs-standard.json"
    with Server(roicast, str(scenario_file)) as server:
        with Browser("1400,1000") as driver:
            try:
                run(driver, server, roicast, scenario_file, out)
            except Exception as e:  # a timeout or a missing element is a failure with its reason
                failures.append(f"{type(e).__name__}: {e}")
                print("FAIL:", failures[-1])
            finally:
                driver.save_screenshot(str(out / "page.png"))
                for problem in console_problems(driver):
                    check(False, problem)
    print(f"screenshot: {out / 'page.png'}")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok: the page shows the command line's figures, keeps them through an error, and works from the keyboard")
    return 0


def run(driver, server, roicast, scenario_file, out):
    driver.get(server.url)
    first = wait_refined(driver, 0)
    # The focus starts on the page itself; everything below is key presses.
    users = '[data-address="baseline.users"] input[type=text]'
    tab_to(driver, users)
    type_value(driver, "84")
    edited_change = wait_refined(driver, first)

    document = json.loads(scenario_file.read_text())
    document["baseline"]["users"] = 84
    with tempfile.TemporaryDirectory() as folder:
        edited = pathlib.Path(folder) / "edited.json"
        edited.write_text(json.dumps(document))
        results_file = pathlib.Path(folder) / "results.json"
        subprocess.run([roicast, "run", str(edited), "--paths", str(REFINED), "--seed",
                        str(document["simulation"]["seed"]), "--json", str(results_file), "-q"], check=True)
        results = json.loads(results_file.read_text())

    shown = summary_rows(driver)
    check(len(shown) == len(results["options"]) * len(results["horizons"]),
          f"{len(shown)} summary rows for {len(results['options'])} options x {len(results['horizons'])} horizons")
    labels = {name: o.get("label") for name, o in document["options"].items()}
    compared = 0
    for row in shown:
        option = next((n for n, label in labels.items() if label == row[0] or n == row[0].lower()), None)
        months = row[1].split()[0]
        check(option is not None, f"unknown option in the summary: {row[0]}")
        if option is None:
            continue
        expected = results["options"][option]["horizons"][months]
        for column, metric, statistic, parse in [(3, "npv", "p50", parse_money), (5, "npv", "prob_positive", parse_percent),
                                                 (6, "roi", "p50", parse_percent)]:
            value, half = parse(row[column])
            truth = expected[metric][statistic]
            check(abs(value - truth) <= half * 1.0001 + 1e-12,
                  f"{option} {months} months {metric} {statistic}: page shows {row[column]}, run --json has {truth}")
            compared += 1
    print(f"compared {compared} key figures with roicast run --json (users = 84, seed "
          f"{document['simulation']['seed']}, {REFINED:,} paths)")

    # An invalid value: its error by the field, the last valid result kept.
    before = summary_rows(driver)
    tab_to(driver, users)
    type_value(driver, "-3")
    wait_for(driver, "return document.getElementById('results').dataset.state === 'error'", 60, "the error")
    message = driver.execute_script(
        "const e = document.querySelector('[data-address=\"baseline.users\"] .error'); return e && e.textContent;")
    check(bool(message) and "baseline.users" in message, f"no error by the users field: {message!r}")
    print(f"error shown by the field: {message}")
    check(summary_rows(driver) == before, "the last valid figures did not stay on screen")
    check(driver.execute_script("return !document.getElementById('stale').hidden"), "no notice that results are stale")
    check(driver.execute_script(f"return document.activeElement !== document.querySelector('{users}')") is True,
          "the focus moved on with Tab")
    tab_to(driver, users)
    type_value(driver, "84")
    back = wait_refined(driver, edited_change)
    check(summary_rows(driver) == before, "the valid value again gives the same figures")
    check(not driver.execute_script("return document.querySelector('#form .error')"), "the error stays after the fix")

    # The drivers, on demand, with the space bar.
    tab_to(driver, "#want-drivers")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    wait_refined(driver, back)
    tornadoes = driver.execute_script("return document.querySelectorAll('#sec-sensitivity svg').length")
    check(tornadoes >= len(results["horizons"]), f"{tornadoes} tornado charts after asking for the drivers")
    driver.execute_script("window.scrollTo(0, 0)")


if __name__ == "__main__":
    sys.exit(main())
