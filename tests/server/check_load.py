#!/usr/bin/python3
"""A bounded load test of `roicast serve` on loopback: 1,000 requests, 8 at a
time, a mix of valid runs and validations and of requests the server must
refuse (invalid JSON, invalid values, wrong Host, cross-site Origin,
oversized bodies). Passes when every answer has the status its kind expects
(a valid run may also find the server busy: 503), the server is alive after
it, and its resident memory after the load is within GROWTH_MIB (default
32) of what it was after a warm-up of 100 requests. Prints p50/p95 latency per kind and the
memory figures.

usage: check_load.py ROICAST SOURCE_DIR [REQUESTS] [CONCURRENCY] [GROWTH_MIB]
"""
import collections
import concurrent.futures
import json
import pathlib
import sys
import time

from serve_helper import Server


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    roicast, source = sys.argv[1], pathlib.Path(sys.argv[2])
    total = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    growth_bound = float(sys.argv[5]) if len(sys.argv) > 5 else 32
    scenario = (source / "scenarios" / "custom-vs-standard.json").read_text()
    invalid = json.loads(scenario)
    invalid["baseline"]["conversion_rate"] = 1.7
    invalid = json.dumps(invalid)
    big = '{"notes": "' + "x" * (2 << 20) + '"}'

    with Server(roicast) as server:
        # kind → (method, path, body, headers, expected statuses)
        kinds = {
            "run": ("POST", "/api/run?paths=1000&seed=3", scenario, {}, {200, 503}),
            "run-session": ("POST", "/api/run?paths=1000", scenario, {"Roicast-Session": "load"}, {200, 409, 503}),
            "validate": ("POST", "/api/validate", scenario, {}, {200}),
            "invalid-json": ("POST", "/api/run", '{"options": [', {}, {400}),
            "invalid-value": ("POST", "/api/run", invalid, {}, {400}),
            "wrong-host": ("GET", "/", None, {"Host": "rebound.example"}, {403}),
            "cross-site": ("POST", "/api/run", scenario, {"Origin": "http://attacker.example"}, {403}),
            "oversized": ("POST", "/api/run", big, {}, {413}),
            "page": ("GET", "/", None, {}, {200}),
        }
        # A fixed, mixed order: most requests cheap, one in five a simulation.
        order = ["run", "validate", "invalid-json", "page", "invalid-value", "wrong-host", "run-session", "cross-site",
                 "validate", "oversized"]

        def one(i):
            kind = order[i % len(order)]
            method, path, body, headers, expected = kinds[kind]
            started = time.monotonic()
            try:
                status, _, _ = server.request(method, path, body, headers, timeout=120)
            except OSError as e:
                # The server may close an oversized upload before reading it all.
                closed = "reset" in str(e).lower() or "pipe" in str(e).lower()
                status = 413 if kind == "oversized" and closed else repr(e)
            return kind, status, time.monotonic() - started, expected

        def batch(count):
            with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
                return list(pool.map(one, range(count)))

        batch(100)
        rss_warm = server.rss_kib()
        started = time.monotonic()
        answers = batch(total)
        wall = time.monotonic() - started
        time.sleep(0.5)
        rss_after = server.rss_kib()
        alive, _, _ = server.request("GET", "/")
        # A clean stop; under AddressSanitizer this is also where LeakSanitizer reports a leak.
        stopped = server.stop()

    failures = []
    latency = collections.defaultdict(list)
    statuses = collections.defaultdict(collections.Counter)
    for kind, status, seconds, expected in answers:
        latency[kind].append(seconds * 1000)
        statuses[kind][status] += 1
        if status not in expected:
            failures.append(f"{kind}: status {status}, expected one of {sorted(expected)}")
    everything = [s * 1000 for _, _, s, _ in answers]
    print(f"{total} requests, {concurrency} at a time, in {wall:.1f} s ({total / wall:.0f} requests/s)")
    print(f"latency, all requests: p50 {percentile(everything, 0.5):.1f} ms, p95 {percentile(everything, 0.95):.1f} ms")
    for kind in kinds:
        if latency[kind]:
            print(f"  {kind:14} n={len(latency[kind]):4}  p50 {percentile(latency[kind], 0.5):7.1f} ms  "
                  f"p95 {percentile(latency[kind], 0.95):7.1f} ms  statuses {dict(statuses[kind])}")
    growth = (rss_after - rss_warm) / 1024
    print(f"resident memory: {rss_warm / 1024:.1f} MiB after the warm-up, {rss_after / 1024:.1f} MiB after the load "
          f"({growth:+.1f} MiB)")
    if alive != 200:
        failures.append(f"the server does not answer after the load: {alive}")
    if stopped != 0:
        failures.append(f"the server did not stop cleanly on SIGTERM: exit {stopped}")
    if growth > growth_bound:
        failures.append(f"resident memory grew by {growth:.1f} MiB under load (bound {growth_bound:.0f} MiB)")
    for f in failures[:20]:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
