"""Starts `roicast serve` on loopback, on a free port, for the server checks."""
import http.client
import json
import re
import subprocess
import urllib.parse


class Server:
    """A `roicast serve --port 0` process; `url` is where it listens."""

    def __init__(self, roicast, scenario="custom-vs-standard", extra=()):
        self.process = subprocess.Popen([roicast, "serve", scenario, "--port", "0", *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://([^/]+)/", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"roicast serve did not print its address: {line!r} {self.process.stderr.read()}")
        self.authority = match.group(1)
        self.host, self.port = self.authority.rsplit(":", 1)
        self.port = int(self.port)
        self.url = f"http://{self.authority}/"

    def request(self, method, path, body=None, headers=None, timeout=300):
        """(status, headers, body bytes) of one request on its own connection."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        sent = {"Content-Type": "application/json"} if body is not None else {}
        sent.update(headers or {})
        if isinstance(body, str):
            body = body.encode()
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), data

    def post_json(self, path, body, query=None, headers=None):
        if query:
            path += "?" + urllib.parse.urlencode(query, doseq=True)
        status, response_headers, data = self.request("POST", path, body, headers)
        return status, response_headers, json.loads(data) if data else None

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
