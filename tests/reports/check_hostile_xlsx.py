#!/usr/bin/python3
"""Reads the workbooks the hostile-strings tests (tests/app/hostile_strings_test.cpp)
wrote, one for every string field holding every hostile payload (markup,
formulas such as =HYPERLINK(...), control characters, a 40,000-character
text); ctest runs those tests first (fixture hostile_workbooks). In each
workbook: no cell is a formula; every text, as Excel shows it (_xHHHH_ read as
the character), has no control character but tab and line feed and is within
Excel's 32,767 characters; openpyxl reads every number format without a
warning; no chart title, series name or axis title refers to a cell (a
strRef where a literal belongs); every number format's quotes close.
usage: check_hostile_xlsx.py FOLDER"""
import pathlib
import re
import sys
import warnings
import zipfile

import openpyxl
from openpyxl.reader.strings import read_string_table

folder = pathlib.Path(sys.argv[1])
failures = []

control = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
reference = re.compile(r"<c:tx>\s*<c:strRef>")
literal = re.compile(r"<c:tx>\s*<c:(?:v|rich)>.*?</c:tx>", re.S)


def quotes_close(number_format):
    """Whether Excel can read the format: a backslash escapes one character, quotes come in pairs."""
    quoted, escaped = False, False
    for c in number_format:
        if escaped:
            escaped = False
        elif c == "\\" and not quoted:
            escaped = True
        elif c == '"':
            quoted = not quoted
    return not quoted and not escaped


workbooks = sorted(folder.glob("*.xlsx"))
literal_equals = 0
formula = re.compile(r'<c r="([A-Z]+[0-9]+)"[^>]*>(?:(?!</c>).)*?<f[ >/]', re.S)


def excel_text(value):
    """The text Excel shows: it reads _xHHHH_ in a cell's XML as that character (libxlsxwriter writes control characters so)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def check_text(value, where):
    value = excel_text(value)
    if control.search(value):
        failures.append(f"{where} holds a control character")
    if len(value.encode("utf-16-le")) // 2 > 32767:
        failures.append(f"{where} is over 32,767 characters")


for path in workbooks:
    # openpyxl reads the workbook (its number formats warn here when they do
    # not parse) and, with its own parser, the shared strings every text cell
    # refers to; the cells themselves are read from the sheets' XML, which is
    # a third of the time of iterating them in openpyxl. A sheet with strings
    # of its own (inline) is read cell by cell by openpyxl.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = openpyxl.load_workbook(path, read_only=True)
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            strings = read_string_table(z.open("xl/sharedStrings.xml")) if "xl/sharedStrings.xml" in names else []
            sheets = {name: z.read(name).decode("utf-8") for name in names if name.startswith("xl/worksheets/sheet")}
        inline = [sheet for sheet, name in zip(book, sorted(sheets, key=lambda n: int(re.sub(r"\D", "", n))))
                  if re.search(r't="(?:inlineStr|str)"', sheets[name])]
        cells = [(sheet.title, cell) for sheet in inline for row in sheet.iter_rows() for cell in row]
    for w in caught[:3]:
        failures.append(f"{path.name}: openpyxl: {w.message}")
    for i, text in enumerate(strings):
        check_text(text, f"{path.name}: shared string {i}")
    for name, xml in sheets.items():
        for m in formula.finditer(xml):
            failures.append(f"{path.name}: {name} {m.group(1)} is a formula")
    for title, cell in cells:
        where = f"{path.name}: {title}!{getattr(cell, 'coordinate', '?')}"
        if cell.data_type == "f":
            failures.append(f"{where} is a formula: {str(cell.value)[:60]}")
        elif isinstance(cell.value, str):
            check_text(cell.value, where)
    book.close()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            xml = z.read(name).decode("utf-8")
            if name.startswith("xl/charts/"):
                if reference.search(xml):
                    failures.append(f"{path.name}: {name}: a title or series name refers to a cell")
                literal_equals += sum("\u200b=" in t for t in literal.findall(xml))
            if name == "xl/styles.xml":
                for number_format in re.findall(r'formatCode="([^"]*)"', xml):
                    unescaped = number_format.replace("&quot;", '"').replace("&amp;", "&")
                    if not quotes_close(unescaped):
                        failures.append(f"{path.name}: the number format {unescaped[:80]} does not close its quotes")

if len(workbooks) < 100:
    failures.append(f"only {len(workbooks)} workbooks in {folder}")
if literal_equals == 0:
    failures.append("no chart text began with '=' (kept literal by a zero-width space): the payloads did not reach a chart")
for f in failures[:50]:
    print("FAIL", f)
print(f"{len(workbooks)} workbooks, {literal_equals} chart texts beginning with '=' kept literal, {len(failures)} failures")
sys.exit(1 if failures else 0)
