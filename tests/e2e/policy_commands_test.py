#!/usr/bin/env python3
"""gatehouse-gateway check-policy and test, as a CI pipeline runs them.

Usage: policy_commands_test.py GATEWAY_EXECUTABLE SAMPLE_WORKSPACE
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

GATEWAY = sys.argv.pop(1)
SAMPLE = sys.argv.pop(1)
CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "policy-cases")


def run(*args):
    return subprocess.run([GATEWAY, *args], capture_output=True, text=True, timeout=60)


class PolicyCommands(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_cases_pass_against_the_sample_and_junit_is_written(self):
        junit = os.path.join(self.tmp, "results.xml")
        result = run("test", "--workspace", SAMPLE, CASES, "--junit", junit)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("3 passed, 0 failed", result.stdout)
        suite = ElementTree.parse(junit).getroot()
        self.assertEqual(suite.get("tests"), "3")
        self.assertEqual(suite.get("failures"), "0")
        self.assertEqual(len(suite.findall("testcase")), 3)

    def test_a_failing_case_fails_the_run_and_says_why(self):
        case = self.write("wrong-status.case", "--- request\nGET /petstore/pets/1 HTTP/1.1\n"
                          "Ocp-Apim-Subscription-Key: unlimited-demo-primary-key-0001\n"
                          "--- expect response\nHTTP/1.1 404\n")
        junit = os.path.join(self.tmp, "results.xml")
        result = run("test", "--workspace", SAMPLE, case, "--junit", junit)
        self.assertEqual(result.returncode, 1)
        self.assertIn("FAIL", result.stdout)
        self.assertIn("response status is 200, expected 404", result.stdout)
        failure = ElementTree.parse(junit).getroot().find("testcase/failure")
        self.assertIsNotNone(failure)
        self.assertIn("expected 404", failure.get("message"))

    def test_snippet_cases_run_without_a_workspace(self):
        case = self.write("header.case", "--- policy inbound\n"
                          "<set-header name=\"X-Env\" exists-action=\"override\"><value>prod</value></set-header>\n"
                          "--- request\nGET /anything HTTP/1.1\n--- expect backend request\nGET /anything\nX-Env: prod\n")
        result = run("test", case)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_check_policy_accepts_the_sample_policies(self):
        files = [os.path.join(SAMPLE, "policy.xml"), os.path.join(SAMPLE, "apis", "petstore-api", "policy.xml"),
                 os.path.join(SAMPLE, "policy fragments", "correlation-id", "policy.xml")]
        result = run("check-policy", *files)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_check_policy_reports_errors_with_positions(self):
        bad = self.write("policy.xml", "<policies>\n  <inbound>\n    <set-header nme=\"X\" />\n"
                         "    <set-variable name=\"v\" value=\"@(context.Request.Hedaers)\" />\n  </inbound>\n"
                         "</policies>\n")
        result = run("check-policy", "--scope", "operation", bad)
        self.assertEqual(result.returncode, 1)
        self.assertIn(bad + ":3:17: error: 'set-header' has no attribute 'nme'; did you mean 'name'?",
                      result.stdout)
        self.assertIn(bad + ":4:", result.stdout)
        self.assertIn("error(s)", result.stderr)

    def test_check_compiles_the_workspace_policies(self):
        root = os.path.join(self.tmp, "ws")
        shutil.copytree(SAMPLE, root)
        with open(os.path.join(root, "apis", "petstore-api", "policy.xml"), "w") as f:
            f.write("<policies><inbound><base/><set-heder name=\"x\"/></inbound><backend><base/></backend>"
                    "<outbound><base/></outbound><on-error><base/></on-error></policies>")
        result = run("check", "--workspace", root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("error: unknown policy 'set-heder'; did you mean 'set-header'?", result.stdout)


if __name__ == "__main__":
    unittest.main()
