"""Every shipped scenario validates against scenarios/scenario.schema.json,
and the schema rejects documents that roicast rejects (so the check can fail):
a few written here, and every entry of the invalid-scenario catalogue
(tests/app/invalid_scenarios.json) that JSON Schema can express. An entry it
cannot express carries the reason instead of "rejects"; if the schema starts
rejecting it, the reason is stale and the check fails too."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "scenarios" / "scenario.schema.json").read_text())
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

failures = 0
shipped = sorted(p for p in (root / "scenarios").glob("*.json") if p.name != "scenario.schema.json")
for path in shipped:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for e in errors:
        print(f"FAIL {path.name}: {'.'.join(map(str, e.absolute_path))}: {e.message}")
    failures += bool(errors)

minimal = {"options": {"o": {"implementation": {"months": 3},
                             "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}}
bad = {
    "unknown top-level field": {**minimal, "horizon": {"h": 12}},
    "unknown distribution": {"baseline": {"users": {"dist": "poisson", "mean": 3}}, **minimal},
    "pert without mode": {"baseline": {"users": {"dist": "pert", "min": 1, "max": 3}}, **minimal},
    "bad unit": {"options": {"o": {**minimal["options"]["o"], "costs": {"x": {"amount": 1, "unit": "yearly"}}}}},
    "no adoption": {"options": {"o": {"implementation": {"months": 3}}}},
    "horizon zero": {**minimal, "horizons": {"h": 0}},
    "rank above one": {**minimal, "correlations": [{"between": ["a", "b"], "rank": 1.5}]},
}
if list(validator.iter_errors(minimal)):
    print("FAIL the minimal valid scenario is rejected by the schema")
    failures += 1
for name, doc in bad.items():
    if not list(validator.iter_errors(doc)):
        print(f"FAIL the schema accepts a bad scenario: {name}")
        failures += 1

catalogue = json.loads((root / "tests" / "app" / "invalid_scenarios.json").read_text())
expressible = 0
for entry in catalogue:
    try:
        doc = json.loads(entry["scenario"])
    except ValueError:
        continue  # not JSON: the schema never sees it
    rejected = bool(list(validator.iter_errors(doc)))
    if entry["schema"] == "rejects":
        expressible += 1
        if not rejected:
            print(f"FAIL the schema accepts catalogue entry {entry['name']}")
            failures += 1
    elif rejected:
        print(f"FAIL catalogue entry {entry['name']} is now rejected by the schema; "
              f"its reason (\"{entry['schema']}\") is stale: mark it \"rejects\"")
        failures += 1
print(f"catalogue: {expressible} of {len(catalogue)} invalid scenarios are rejected by the schema too; "
      f"the others say why JSON Schema cannot tell")
print(f"{len(shipped) + 1 + len(bad) + len(catalogue) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
