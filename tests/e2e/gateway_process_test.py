#!/usr/bin/env python3
"""gatehouse-gateway as a user starts it: a real process on a free port, stopped by SIGTERM.

Usage: gateway_process_test.py GATEWAY_EXECUTABLE SAMPLE_WORKSPACE
"""
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

GATEWAY = sys.argv.pop(1) if len(sys.argv) > 1 else "build/app/gatehouse-gateway"
WORKSPACE = sys.argv.pop(1) if len(sys.argv) > 1 else "resources/samples/contoso"


def run(*args, timeout=10):
    return subprocess.run([GATEWAY, *args], capture_output=True, text=True, timeout=timeout)


class GatewayProcess(unittest.TestCase):
    def start(self, *extra):
        proc = subprocess.Popen([GATEWAY, "--workspace", WORKSPACE, "--listen", "127.0.0.1:0", *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: proc.poll() is None and proc.kill())
        line = proc.stdout.readline()
        match = re.search(r"on http://127\.0\.0\.1:(\d+)", line)
        self.assertIsNotNone(match, "no address announced: %r" % line)
        return proc, int(match.group(1))

    def get(self, port, path, method="GET"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request(method, path)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def test_health_endpoint_on_port_zero_and_clean_sigterm(self):
        proc, port = self.start("--threads", "2")
        self.assertNotEqual(port, 0)
        status, body = self.get(port, "/status-0123456789abcdef")
        self.assertEqual(status, 200)
        status, _ = self.get(port, "/status-0123456789abcdef", method="HEAD")
        self.assertEqual(status, 200)
        status, body = self.get(port, "/no/such/api")
        self.assertEqual(status, 404)
        self.assertIn(b'"statusCode": 404', body)
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=10), 0, "SIGTERM is a clean stop")
        self.assertIn("stopping", proc.stdout.read())

    def test_sigint_stops_too(self):
        proc, port = self.start()
        self.assertEqual(self.get(port, "/status-0123456789abcdef")[0], 200)
        proc.send_signal(signal.SIGINT)
        self.assertEqual(proc.wait(timeout=10), 0)

    def test_help_and_version(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("--workspace DIR", result.stdout)
        self.assertIn("--listen HOST:PORT", result.stdout)
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, r"^gatehouse-gateway \d+\.\d+\.\d+")

    def test_bad_command_lines_say_what_is_wrong(self):
        cases = [
            ([], "--workspace DIR is required"),
            (["--workspace"], "--workspace needs a folder"),
            (["--workspace", WORKSPACE, "--listen", "localhost"], "HOST:PORT"),
            (["--workspace", WORKSPACE, "--listen", "127.0.0.1:99999"], "not a port number"),
            (["--workspace", WORKSPACE, "--threads", "0"], "--threads"),
            (["--workspace", WORKSPACE, "--frobnicate"], "unknown argument '--frobnicate'"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                self.assertIn(message, result.stderr)
                self.assertIn("Usage:", result.stderr)

    def test_missing_workspace_fails_at_start(self):
        result = run("--workspace", "/nonexistent/gatehouse", "--listen", "127.0.0.1:0")
        self.assertEqual(result.returncode, 1)
        self.assertIn("does not exist", result.stderr)

    def test_port_in_use_fails_at_start(self):
        proc, port = self.start()
        result = run("--workspace", WORKSPACE, "--listen", "127.0.0.1:%d" % port)
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot listen on 127.0.0.1:%d" % port, result.stderr)

    def test_a_workspace_with_errors_is_refused_at_start(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "apis", "broken"))
            with open(os.path.join(root, "apis", "broken", "apiInformation.json"), "w") as f:
                f.write('{\n  "properties": {\n    "path": \n}\n')
            result = run("--workspace", root, "--listen", "127.0.0.1:0")
            self.assertEqual(result.returncode, 1)
            self.assertRegex(result.stderr, r"apis/broken/apiInformation\.json:4:1: error: invalid JSON")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


class Backend:
    """A loopback HTTP server that answers every GET with the path it saw."""

    def __init__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                body = ("backend saw " + self.path).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


class LiveGateway(unittest.TestCase):
    """Reloads, the access log and TLS, on a workspace of the test's own."""

    def setUp(self):
        self.backend = Backend()
        self.addCleanup(self.backend.close)
        self.root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.root)
        self.write_api("orders")

    def write_api(self, path):
        write(os.path.join(self.root, "apis/orders/apiInformation.json"),
              json.dumps({"properties": {"path": path, "apiRevision": "1", "displayName": "Orders",
                                         "serviceUrl": self.backend.url + "/v1", "subscriptionRequired": False}}))
        write(os.path.join(self.root, "apis/orders/specification.yaml"),
              "openapi: 3.0.1\ninfo:\n  title: Orders\n  version: '1'\npaths:\n  /items:\n    get:\n"
              "      operationId: list\n      responses:\n        '200':\n          description: OK\n")

    def start(self, *extra):
        proc = subprocess.Popen([GATEWAY, "--workspace", self.root, "--listen", "127.0.0.1:0", *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: proc.poll() is None and proc.kill())
        line = proc.stdout.readline()
        match = re.search(r"on https?://127\.0\.0\.1:(\d+)", line)
        self.assertIsNotNone(match, line + proc.stderr.read() if proc.poll() is not None else line)
        return proc, int(match.group(1))

    def status(self, port, path):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def wait_for(self, port, path, status):
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.status(port, path)[0] == status:
                return True
            time.sleep(0.05)
        return False

    def test_sighup_reloads_and_a_broken_workspace_is_refused(self):
        proc, port = self.start("--no-watch")
        self.assertEqual(self.status(port, "/orders/items"), (200, "backend saw /v1/items"))
        self.write_api("sales")
        proc.send_signal(signal.SIGHUP)
        self.assertTrue(self.wait_for(port, "/sales/items", 200))
        self.assertEqual(self.status(port, "/orders/items")[0], 404)

        write(os.path.join(self.root, "apis/orders/apiInformation.json"), "{ broken")
        proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        self.assertEqual(self.status(port, "/sales/items")[0], 200, "the last good configuration keeps serving")
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=10), 0)
        self.assertIn("refused", proc.stderr.read())

    def test_changed_files_are_reloaded(self):
        proc, port = self.start()
        self.assertEqual(self.status(port, "/orders/items")[0], 200)
        self.write_api("billing")
        self.assertTrue(self.wait_for(port, "/billing/items", 200), "reloaded after the files changed")

    def test_access_log_writes_one_json_line_per_request(self):
        log = os.path.join(self.root, "..", os.path.basename(self.root) + "-access.log")
        self.addCleanup(lambda: os.path.exists(log) and os.remove(log))
        proc, port = self.start("--access-log", log)
        self.status(port, "/orders/items")
        self.status(port, "/nowhere")
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=10), 0)
        with open(log) as f:
            records = [json.loads(line) for line in f]
        self.assertEqual(len(records), 2)
        self.assertEqual(records[0]["status"], 200)
        self.assertEqual(records[0]["api"], "orders")
        self.assertEqual(records[1]["status"], 404)

    def test_analytics_db_records_every_request_in_sqlite(self):
        import sqlite3
        db = os.path.join(self.root, "..", os.path.basename(self.root) + "-analytics.sqlite")
        self.addCleanup(lambda: [os.remove(p) for p in (db, db + "-wal", db + "-shm") if os.path.exists(p)])
        proc, port = self.start("--analytics-db", db, "--analytics-retention", "30",
                                "--log-headers", "X-Client, Ocp-Apim-Subscription-Key ,Content-Type")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/orders/items", headers={"X-Client": "e2e", "Ocp-Apim-Subscription-Key": "s3cret"})
        connection.getresponse().read()
        connection.close()
        for _ in range(2):
            self.status(port, "/orders/items")
        self.status(port, "/nowhere")
        self.status(port, "/orders/items?x=1&subscription-key=guessed-key")
        # Readers see the history while the gateway runs (WAL).
        deadline = time.time() + 10
        while time.time() < deadline:
            with sqlite3.connect(db) as reader:
                if reader.execute("SELECT count(*) FROM requests").fetchone()[0] == 5:
                    break
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=10), 0)
        with sqlite3.connect(db) as reader:
            rows = reader.execute("SELECT api, operation, path, status FROM requests ORDER BY id").fetchall()
            # A key the workspace does not know is refused even where none is required, as APIM does.
            self.assertEqual(rows[0], ("orders", "list", "/orders/items", 401))
            self.assertEqual(rows[1], ("orders", "list", "/orders/items", 200))
            self.assertEqual(rows[3][2:], ("/nowhere", 404))
            # A key sent in the query is never kept either.
            query = reader.execute("SELECT query FROM requests ORDER BY id DESC LIMIT 1").fetchone()[0]
            self.assertEqual(query, "x=1&subscription-key=***")
            request_headers, response_headers = reader.execute(
                "SELECT request_headers, response_headers FROM requests ORDER BY id LIMIT 1").fetchone()
            self.assertEqual(request_headers, "X-Client: e2e\nOcp-Apim-Subscription-Key: ***")
            self.assertEqual(response_headers, "Content-Type: application/json")
            minutes = reader.execute("SELECT api, status_class FROM minutes ORDER BY api").fetchall()
            self.assertIn(("orders", 2), minutes)
            self.assertEqual(reader.execute("PRAGMA journal_mode").fetchone()[0], "wal")

    def test_an_analytics_db_that_cannot_be_opened_stops_the_start(self):
        proc = subprocess.Popen([GATEWAY, "--workspace", self.root, "--listen", "127.0.0.1:0",
                                 "--analytics-db", os.path.join(self.root, "apis", "orders", "apiInformation.json", "x")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(proc.wait(timeout=10), 1)
        self.assertIn("analytics history", proc.stderr.read())

    def test_tls_listener(self):
        import ssl
        certificate = os.path.join(self.root, "..", os.path.basename(self.root) + "-cert.pem")
        key = os.path.join(self.root, "..", os.path.basename(self.root) + "-key.pem")
        self.addCleanup(lambda: [os.remove(p) for p in (certificate, key) if os.path.exists(p)])
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                        certificate, "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
        proc, port = self.start("--tls-cert", certificate, "--tls-key", key)
        context = ssl.create_default_context(cafile=certificate)
        context.check_hostname = False
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=context)
        connection.request("GET", "/orders/items")
        response = connection.getresponse()
        self.assertEqual((response.status, response.read()), (200, b"backend saw /v1/items"))
        old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        old.check_hostname = False
        old.verify_mode = ssl.CERT_NONE
        old.maximum_version = ssl.TLSVersion.TLSv1_1
        with self.assertRaises((ssl.SSLError, ConnectionError, OSError)):
            legacy = http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=old)
            legacy.request("GET", "/orders/items")
            legacy.getresponse()

if __name__ == "__main__":
    unittest.main(verbosity=2)
