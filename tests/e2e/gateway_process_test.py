#!/usr/bin/env python3
"""gatehouse-gateway as a user starts it: a real process on a free port, stopped by SIGTERM.

Usage: gateway_process_test.py GATEWAY_EXECUTABLE SAMPLE_WORKSPACE
"""
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
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

    def test_bad_workspace_files_are_reported_and_the_rest_served(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "apis", "broken"))
            with open(os.path.join(root, "apis", "broken", "apiInformation.json"), "w") as f:
                f.write('{\n  "properties": {\n    "path": \n}\n')
            proc = subprocess.Popen([GATEWAY, "--workspace", root, "--listen", "127.0.0.1:0"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            self.addCleanup(lambda: proc.poll() is None and proc.kill())
            port = int(re.search(r":(\d+)\s*$", proc.stdout.readline()).group(1))
            self.assertEqual(self.get(port, "/status-0123456789abcdef")[0], 200)
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
            self.assertRegex(proc.stderr.read(), r"apis/broken/apiInformation\.json:4:1: error: invalid JSON")


if __name__ == "__main__":
    unittest.main(verbosity=2)
