#!/usr/bin/python3
"""The file checks of one scenario's reports in one process: check_xlsx.py,
check_csv.py and check_consistency.py, every one of their assertions, on the
documents parsed once (the results file, the workbook by openpyxl, each CSV
file), which is most of their time. Each check also runs on its own.

A check that fails or raises does not stop the others; every failure line
names its check.
usage: check_files.py RESULTS.json TERMINAL.txt REPORT.html WORKBOOK.xlsx CSV_DIR
"""
import json
import pathlib
import sys
import traceback

import openpyxl

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import check_consistency  # noqa: E402
import check_csv  # noqa: E402
import check_xlsx  # noqa: E402
from report_files import CsvFolder  # noqa: E402


def main():
    results_path, terminal_path, html_path, xlsx_path, csv_dir = map(pathlib.Path, sys.argv[1:6])
    results = json.loads(results_path.read_text())
    wb = openpyxl.load_workbook(xlsx_path)
    folder = CsvFolder(csv_dir)
    checks = [("xlsx", lambda: check_xlsx.run(results, wb)),
              ("csv", lambda: check_csv.run(results, folder)),
              ("consistency", lambda: check_consistency.run(results, terminal_path.read_text(),
                                                            html_path.read_text(), wb, folder))]
    failed = 0
    for name, check in checks:
        try:
            found, ok = check()
        except Exception:
            found, ok = [f"raised\n{traceback.format_exc()}"], None
        for f in found:
            print(f"FAIL [{name}]:", f)
        if not found:
            print(f"[{name}] {ok}")
        failed += bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
