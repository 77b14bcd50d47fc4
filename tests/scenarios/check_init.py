"""`roicast init FILE --template NAME` writes a starter whose "$schema" names a
file that exists beside it, and that schema (jsonschema, independent of
roicast's loader) accepts the starter; the schema is `roicast schema`'s."""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

roicast, root = sys.argv[1], pathlib.Path(sys.argv[2])
templates = sorted(p.stem for p in (root / "scenarios").glob("*.json") if p.name != "scenario.schema.json")
printed_schema = subprocess.run([roicast, "schema"], check=True, capture_output=True, text=True).stdout
failures = 0
for name in templates:
    with tempfile.TemporaryDirectory() as folder:
        starter = pathlib.Path(folder) / "case" / f"my-{name}.json"
        starter.parent.mkdir()
        run = subprocess.run([roicast, "init", str(starter), "--template", name], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"FAIL {name}: exit {run.returncode}: {run.stderr}")
            failures += 1
            continue
        document = json.loads(starter.read_text())
        schema_path = (starter.parent / document["$schema"]).resolve()
        if not schema_path.is_file():
            print(f"FAIL {name}: $schema {document['$schema']} does not resolve beside the starter")
            failures += 1
            continue
        if schema_path.read_text() != printed_schema:
            print(f"FAIL {name}: the schema written differs from `roicast schema`")
            failures += 1
        validator = jsonschema.Draft7Validator(json.loads(schema_path.read_text()))
        for e in validator.iter_errors(document):
            print(f"FAIL {name}: {'.'.join(map(str, e.absolute_path))}: {e.message}")
            failures += 1
        # A second init onto the same file is refused and changes nothing.
        before = starter.read_text()
        again = subprocess.run([roicast, "init", str(starter), "--template", name], capture_output=True, text=True)
        if again.returncode != 2 or starter.read_text() != before or "--force" not in again.stderr:
            print(f"FAIL {name}: a second init gave exit {again.returncode}: {again.stderr}")
            failures += 1
print(f"{len(templates)} templates, {failures} failures")
sys.exit(1 if failures else 0)
