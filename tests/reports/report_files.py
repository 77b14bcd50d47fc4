"""roicast's CSV folder, each file parsed once however many checks read it
(check_csv.py and check_consistency.py both read key_figures.csv and
comparison.csv when check_files.py runs them in one process)."""
import csv
import pathlib


class CsvFolder:
    def __init__(self, path):
        self.path = pathlib.Path(path)
        self._rows = {}

    def rows(self, name):
        """Every row of NAME, the header first, as lists of strings (csv.reader)."""
        if name not in self._rows:
            with open(self.path / name, newline="") as f:
                self._rows[name] = list(csv.reader(f))
        return self._rows[name]

    def records(self, name):
        """The rows of NAME after its header as dicts keyed by the header, as csv.DictReader gives them."""
        rows = self.rows(name)
        if not rows:
            return []
        header, out = rows[0], []
        for r in rows[1:]:
            if not r:  # DictReader skips empty rows
                continue
            d = dict(zip(header, r))
            if len(r) > len(header):  # and keeps the surplus under None, filling a short row with None
                d[None] = r[len(header):]
            for key in header[len(r):]:
                d[key] = None
            out.append(d)
        return out

    def exists(self, name):
        return (self.path / name).exists()
