#!/usr/bin/env python3
"""Rate limits and quotas in a real gatehouse-gateway process: many concurrent keep-alive connections race for
one rate-limit-by-key counter, and a quota continues where it was after the gateway is stopped and started again
on the same state folder.

Usage: limits_process_test.py GATEWAY_EXECUTABLE
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
import threading
import unittest

GATEWAY = sys.argv.pop(1) if len(sys.argv) > 1 else "build/app/gatehouse-gateway"

ALLOWED = 37          # rate-limit-by-key calls: exactly this many of the racing calls may pass
CLIENTS = 16          # concurrent keep-alive connections
CALLS_PER_CLIENT = 12  # 192 calls race for 37 admissions
QUOTA = 5

POLICY_WITHOUT_BACKEND = """<policies>
  <inbound>
    <base />
    %s
    <return-response><set-status code="200" reason="OK" /><set-body>ok</set-body></return-response>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>
"""


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text if isinstance(text, str) else json.dumps(text, indent=2))


def add_api(root, name, subscription_required, policy):
    write(root, "apis/%s/apiInformation.json" % name, {"properties": {
        "path": name, "apiRevision": "1", "displayName": name, "isCurrent": True, "protocols": ["http"],
        "serviceUrl": "http://127.0.0.1:9/unused", "subscriptionRequired": subscription_required}})
    write(root, "apis/%s/specification.yaml" % name, "\n".join([
        "openapi: 3.0.1",
        "info: {title: %s, version: '1.0'}" % name,
        "paths:",
        "  '/items':",
        "    get:",
        "      operationId: list-items",
        "      responses: {'200': {description: OK}}",
        ""]))
    write(root, "apis/%s/policy.xml" % name, POLICY_WITHOUT_BACKEND % policy)


def make_workspace(root):
    add_api(root, "hammer", False,
            '<rate-limit-by-key calls="%d" renewal-period="300" counter-key="one-key-for-everyone" />' % ALLOWED)
    add_api(root, "metered", True, "")
    write(root, "products/gold/productInformation.json", {"properties": {
        "displayName": "gold", "approvalRequired": False, "state": "published", "subscriptionRequired": True}})
    write(root, "products/gold/apis/metered/productApiInformation.json", {})
    # Never renews, so that the test cannot straddle two periods.
    write(root, "products/gold/policy.xml", POLICY_WITHOUT_BACKEND.replace(
        "<return-response><set-status code=\"200\" reason=\"OK\" /><set-body>ok</set-body></return-response>", "")
        % ('<quota calls="%d" renewal-period="0" />' % QUOTA))
    # rate-limit in an API policy: the operation's own limit (2) is lower than the API's (10).
    add_api(root, "scoped", True,
            '<rate-limit calls="10" renewal-period="60" remaining-calls-header-name="X-Calls-Left">'
            '<api name="scoped" calls="10" renewal-period="60">'
            '<operation id="list-items" calls="2" renewal-period="60" /></api></rate-limit>')
    write(root, "subscriptions/all-apis/subscriptionInformation.json", {"properties": {
        "displayName": "all-apis", "scope": "/apis", "allowTracing": False,
        "primaryKey": "all-key-0001", "secondaryKey": "all-key-0002", "state": "active"}})
    write(root, "subscriptions/gold-sub/subscriptionInformation.json", {"properties": {
        "displayName": "gold-sub", "scope": "/products/gold", "allowTracing": False,
        "primaryKey": "gold-key-0001", "secondaryKey": "gold-key-0002", "state": "active"}})


class LimitsInAGatewayProcess(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        self.workspace = os.path.join(self.tmp, "workspace")
        self.state = os.path.join(self.tmp, "state")
        make_workspace(self.workspace)

    def start(self):
        environment = dict(os.environ, HOME=self.tmp, XDG_CONFIG_HOME=os.path.join(self.tmp, ".config"))
        proc = subprocess.Popen([GATEWAY, "--workspace", self.workspace, "--listen", "127.0.0.1:0", "--threads", "4",
                                 "--state-dir", self.state, "--no-watch"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        self.addCleanup(lambda: proc.poll() is None and proc.kill())
        line = proc.stdout.readline()
        match = re.search(r"on http://127\.0\.0\.1:(\d+)", line)
        self.assertIsNotNone(match, "no address announced: %r %s" % (line, proc.stderr.read() if proc.poll() else ""))
        return proc, int(match.group(1))

    def stop(self, proc):
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=15), 0, "SIGTERM is a clean stop")
        proc.stdout.close()
        proc.stderr.close()

    def test_racing_connections_get_exactly_the_allowed_calls(self):
        proc, port = self.start()
        results = []
        lock = threading.Lock()
        barrier = threading.Barrier(CLIENTS)

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            connection.connect()
            barrier.wait()  # every connection is open before the first call
            mine = []
            try:
                for _ in range(CALLS_PER_CLIENT):
                    connection.request("GET", "/hammer/items")
                    response = connection.getresponse()
                    mine.append((response.status, response.getheader("Retry-After"), response.read()))
            finally:
                connection.close()
            with lock:
                results.extend(mine)

        threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertEqual(len(results), CLIENTS * CALLS_PER_CLIENT)
        ok = [r for r in results if r[0] == 200]
        refused = [r for r in results if r[0] == 429]
        self.assertEqual(len(ok), ALLOWED)
        self.assertEqual(len(refused), CLIENTS * CALLS_PER_CLIENT - ALLOWED)
        for status, retry_after, body in refused:
            self.assertIsNotNone(retry_after)
            self.assertTrue(1 <= int(retry_after) <= 300, retry_after)
            self.assertIn(b"Rate limit is exceeded", body)
        self.stop(proc)

    def call_metered(self, port):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", "/metered/items", headers={"Ocp-Apim-Subscription-Key": "gold-key-0001"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def test_operation_limit_of_a_rate_limit_counts_apart(self):
        proc, port = self.start()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        seen = []
        for _ in range(3):
            connection.request("GET", "/scoped/items", headers={"Ocp-Apim-Subscription-Key": "all-key-0001"})
            response = connection.getresponse()
            response.read()
            seen.append((response.status, response.getheader("X-Calls-Left"), response.getheader("Retry-After")))
        connection.close()
        self.assertEqual(seen[0][:2], (200, "9"))
        self.assertEqual(seen[1][:2], (200, "8"))
        self.assertEqual(seen[2][0], 429)
        self.assertTrue(55 <= int(seen[2][2]) <= 60, seen[2][2])
        self.stop(proc)

    def test_quota_continues_after_a_restart_on_the_same_state_folder(self):
        proc, port = self.start()
        for _ in range(3):
            self.assertEqual(self.call_metered(port)[0], 200)
        self.stop(proc)
        self.assertTrue(os.path.exists(os.path.join(self.state, "limits.sqlite")))

        proc, port = self.start()
        for _ in range(QUOTA - 3):
            self.assertEqual(self.call_metered(port)[0], 200)
        status, body = self.call_metered(port)
        self.assertEqual(status, 403, body)
        self.assertIn(b"Out of call volume quota", body)
        self.stop(proc)

        # A fresh state folder is a fresh quota.
        shutil.rmtree(self.state)
        proc, port = self.start()
        self.assertEqual(self.call_metered(port)[0], 200)
        self.stop(proc)


if __name__ == "__main__":
    unittest.main()
