"""roicast's CSV folder, each file read and parsed once however many checks read it
(check_csv.py and check_consistency.py both read key_figures.csv and
comparison.csv when check_files.py runs them in one process)."""
import csv
import functools
import io
import pathlib


class CsvFolder:
    def __init__(self, path):
        self.path = pathlib.Path(path)

    @functools.cache
    def _text(self, name):
        with open(self.path / name, newline="") as f:
            return f.read()

    @functools.cache
    def rows(self, name):
        """Every row of NAME, the header first, as lists of strings (csv.reader)."""
        return list(csv.reader(io.StringIO(self._text(name), newline="")))

    @functools.cache
    def records(self, name):
        """The rows of NAME after its header as dicts keyed by the header (csv.DictReader)."""
        return list(csv.DictReader(io.StringIO(self._text(name), newline="")))

    def exists(self, name):
        return (self.path / name).exists()
