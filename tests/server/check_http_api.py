#!/usr/bin/python3
"""The HTTP API of `roicast serve`, against the binary on loopback.

/api/run answers the bytes `roicast run --json` writes (elapsed_seconds
aside); wrong Host, cross-site Origin and Sec-Fetch-Site are 403; an
oversized body is 413; invalid JSON is 400 with the place of the error;
invalid values are refused at their address; a newer request of a session
cancels the older one; every answer carries the Content-Security-Policy.

usage: check_http_api.py ROICAST SOURCE_DIR
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

from serve_helper import Server

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def without_elapsed(text):
    return "\n".join(line for line in text.splitlines() if '"elapsed_seconds"' not in line)


def cli_json(roicast, scenario, *arguments):
    with tempfile.TemporaryDirectory() as folder:
        out = pathlib.Path(folder) / "results.json"
        subprocess.run([roicast, "run", scenario, "--json", str(out), "-q", *arguments], check=True)
        return out.read_text()


def main():
    roicast, source = sys.argv[1], pathlib.Path(sys.argv[2])
    scenario_file = source / "scenarios" / "custom-vs-standard.json"
    scenario = scenario_file.read_text()
    with Server(roicast) as server:
        # The same bytes as the command line, base alone and with a variant.
        for query, flags in [({"paths": 3000, "seed": 11}, ["--paths", "3000", "--seed", "11"]),
                             ({"paths": 2000, "seed": 5, "variant": "slow_adoption"},
                              ["--paths", "2000", "--seed", "5", "--variant", "slow_adoption"])]:
            status, headers, body = server.request("POST", "/api/run?" + "&".join(f"{k}={v}" for k, v in query.items()),
                                                   scenario)
            check(status == 200, f"/api/run {query}: status {status}: {body[:300]!r}")
            expected = cli_json(roicast, str(scenario_file), *flags)
            check(without_elapsed(body.decode()) == without_elapsed(expected),
                  f"/api/run {query} differs from roicast run --json {' '.join(flags)}")
            check('"elapsed_seconds"' in body.decode(), "the answer has elapsed_seconds")

        # The reports, from the same writers as `roicast run --html/--xlsx`, as downloads.
        status, headers, body = server.request("POST", "/api/report.html?paths=1000", scenario)
        check(status == 200 and headers.get("Content-Type", "").startswith("text/html")
              and b'<section id="summary">' in body and "attachment" in headers.get("Content-Disposition", ""),
              f"/api/report.html: {status} {headers.get('Content-Type')} {headers.get('Content-Disposition')}")
        status, headers, body = server.request("POST", "/api/report.xlsx?paths=1000", scenario)
        check(status == 200 and body[:2] == b"PK" and b"xl/workbook.xml" in body,
              f"/api/report.xlsx: {status}, {len(body)} bytes")

        # Who may ask.
        status, headers, body = server.request("GET", "/", headers={"Host": "attacker.example:80"})
        check(status == 403, f"wrong Host: {status}")
        status, _, _ = server.request("GET", "/", headers={"Host": f"attacker.example:{server.port}"})
        check(status == 403, f"rebound DNS name with the right port: {status}")
        status, _, _ = server.request("GET", "/", headers={"Host": f"localhost:{server.port}"})
        check(status == 200, f"localhost: {status}")
        status, _, _ = server.request("POST", "/api/validate", scenario, {"Origin": "http://attacker.example"})
        check(status == 403, f"cross-site Origin: {status}")
        status, _, _ = server.request("POST", "/api/validate", scenario, {"Origin": "null"})
        check(status == 403, f"Origin null: {status}")
        status, _, _ = server.request("POST", "/api/validate", scenario, {"Sec-Fetch-Site": "cross-site"})
        check(status == 403, f"Sec-Fetch-Site cross-site: {status}")
        status, _, _ = server.request("POST", "/api/validate", scenario, {"Origin": f"http://127.0.0.1:{server.port}"})
        check(status == 200, f"same origin: {status}")
        status, _, _ = server.request("POST", "/api/validate", scenario, {"Content-Type": "text/plain"})
        check(status == 415, f"a text/plain body (a form a page could send without asking): {status}")

        # Content-Security-Policy on every page and answer.
        for method, path, body in [("GET", "/", None), ("GET", "/app.js", None), ("POST", "/api/validate", scenario),
                                   ("GET", "/no-such-page", None)]:
            status, headers, _ = server.request(method, path, body)
            csp = headers.get("Content-Security-Policy", "")
            check("default-src 'none'" in csp and "frame-ancestors 'none'" in csp,
                  f"{method} {path}: Content-Security-Policy {csp!r}")
            check(headers.get("X-Content-Type-Options") == "nosniff", f"{method} {path}: nosniff")

        # Bodies are capped: 2 MiB of scenario is refused before it is parsed.
        big = '{"name": "' + "x" * (2 << 20) + '"}'
        status, _, body = server.request("POST", "/api/run", big)
        check(status == 413, f"oversized body: {status}")

        # Invalid JSON: 400, with the place of the error (line 3, column 14 is the stray comma).
        broken = '{\n  "name": "x",\n  "options": ,\n}'
        status, _, answer = server.post_json("/api/run", broken)
        check(status == 400, f"invalid JSON: {status}")
        error = (answer or {}).get("errors", [{}])[0]
        check(error.get("address") == "" and "not valid JSON" in error.get("message", ""), f"invalid JSON: {error}")
        check(error.get("at") == {"line": 3, "column": 14}, f"invalid JSON's place: {error.get('at')}")

        # Invalid values: refused at their address, by /api/validate (200, a list) and /api/run (400).
        document = json.loads(scenario)
        document["baseline"]["users"] = -5
        document["options"]["custom"]["adoption"]["ceiling"] = {"dist": "pert", "min": 0.9, "mode": 0.8, "max": 0.95}
        status, _, answer = server.post_json("/api/validate", json.dumps(document))
        addresses = sorted(e["address"] for e in answer["errors"])
        check(status == 200 and "baseline.users" in addresses, f"validate: {status} {addresses}")
        check(any(a.startswith("options.custom.adoption.ceiling") for a in addresses), f"validate: {addresses}")
        status, _, answer = server.post_json("/api/run", json.dumps(document))
        check(status == 400 and "baseline.users" in [e["address"] for e in answer["errors"]], f"run: {status} {answer}")
        status, _, answer = server.post_json("/api/validate", scenario)
        check(status == 200 and answer == {"errors": []}, f"a valid scenario: {status} {answer}")
        for query, address in [({"paths": 0}, "?paths"), ({"paths": "1e9"}, "?paths"), ({"seed": "-1"}, "?seed"),
                               ({"file": "/etc/passwd"}, "?file"), ({"variant": "nope"}, "?variant"),
                               ({"sensitivity": "astrology"}, "?sensitivity")]:
            status, _, answer = server.post_json("/api/run", scenario, query)
            got = [e["address"] for e in (answer or {}).get("errors", [])]
            check(status == 400 and got == [address], f"{query}: {status} {got}")

        # Nothing the client sends names a file: shipped scenarios by name only.
        for path in ["/api/scenarios/..%2F..%2Fetc%2Fpasswd", "/api/scenarios/custom-vs-standard.json",
                     "/../../etc/passwd", "/api/scenarios/etc"]:
            status, _, body = server.request("GET", path)
            check(status == 404 and b"root:" not in body, f"GET {path}: {status}")
        status, _, body = server.request("GET", "/api/scenarios/custom-vs-standard")
        check(status == 200 and json.loads(body)["name"] == json.loads(scenario)["name"], f"shipped scenario: {status}")

        # A newer request of the same session cancels the older one.
        session = {"Roicast-Session": "check-http-api"}
        older = {}

        def slow():
            started = time.monotonic()
            older["status"], _, older["body"] = server.request("POST", "/api/run?paths=1000000", scenario, session)
            older["seconds"] = time.monotonic() - started

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(1.0)
        started = time.monotonic()
        status, _, body = server.request("POST", "/api/run?paths=1000", scenario, session)
        newer_seconds = time.monotonic() - started
        thread.join(timeout=120)
        check(status == 200, f"the newer request: {status}")
        check(older.get("status") == 409, f"the older request: {older.get('status')} {older.get('body', b'')[:200]!r}")
        check(older.get("seconds", 999) < 30, f"the older request ended after {older.get('seconds')} s")
        print(f"cancelled the older request after {older.get('seconds', 0):.2f} s; the newer answered in "
              f"{newer_seconds:.2f} s")
        # Another session is not cancelled by it.
        status, _, _ = server.request("POST", "/api/run?paths=500", scenario, {"Roicast-Session": "another"})
        check(status == 200, f"another session: {status}")
        status, _, _ = server.request("POST", "/api/run?paths=500", scenario, {"Roicast-Session": "bad session!"})
        check(status == 400, f"a malformed session: {status}")
        check(server.process.poll() is None, "the server is still running")
        code = server.stop()
        check(code == 0, f"the server stops cleanly on SIGTERM: exit {code}")

    # Another address only when asked, with a warning.
    with Server(roicast, extra=["--host", "0.0.0.0"]) as open_server:
        open_server.stop()
        warning = open_server.process.stderr.read()
        check("warning:" in warning and "0.0.0.0" in warning, f"no warning for 0.0.0.0: {warning!r}")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok: the HTTP API answers as the command line does and refuses what it should")
    return 0


if __name__ == "__main__":
    sys.exit(main())
