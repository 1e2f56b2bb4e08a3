#!/usr/bin/env python3
"""gatehouse-gateway check / rewrite / openapi, as a CI pipeline runs them.

Usage: workspace_commands_test.py GATEWAY_EXECUTABLE SAMPLE_WORKSPACE SHARED_FOLDER
"""
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

GATEWAY = sys.argv.pop(1)
SAMPLE = sys.argv.pop(1)
SHARED = sys.argv.pop(1)


def run(*args, cwd=None):
    return subprocess.run([GATEWAY, *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def tree(root):
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


class WorkspaceCommands(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_check_passes_on_the_sample(self):
        result = run("check", "--workspace", SAMPLE)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("0 error(s)", result.stderr)

    def test_check_reports_located_errors_and_fails(self):
        ws = os.path.join(self.tmp, "ws")
        os.makedirs(os.path.join(ws, "apis", "orders"))
        with open(os.path.join(ws, "apis", "orders", "apiInformation.json"), "w") as f:
            f.write('{\n  "properties": {\n    "path": "orders",\n    "apiRevision": "one"\n  }\n}')
        result = run("check", "--workspace", ws, cwd=self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertIn("ws/apis/orders/apiInformation.json:4:20: error: apiRevision must be a positive integer",
                      result.stdout)
        result = run("check", "--workspace", ws, "--format", "json")
        problems = json.loads(result.stdout)
        self.assertEqual(problems[0]["line"], 4)
        self.assertEqual(problems[0]["pointer"], "/properties/apiRevision")
        self.assertEqual(problems[0]["severity"], "error")

    def test_check_usage_errors(self):
        self.assertEqual(run("check").returncode, 2)
        self.assertEqual(run("check", "--workspace", SAMPLE, "--format", "xml").returncode, 2)

    def test_rewrite_of_an_unchanged_folder_is_byte_identical(self):
        out = os.path.join(self.tmp, "out")
        result = run("rewrite", "--workspace", os.path.join(SHARED, "samples/apiops-example/v7"), "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("0 file(s) written", result.stderr)
        self.assertEqual(tree(out), tree(os.path.join(SHARED, "samples/apiops-example/v7/apimartifacts")))

    def test_rewrite_upgrades_a_legacy_folder(self):
        out = os.path.join(self.tmp, "out")
        result = run("rewrite", "--workspace", os.path.join(SHARED, "samples/apiops-example/legacy-v5-v6"),
                     "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("upgraded to the v7 layout", result.stderr)
        self.assertTrue(os.path.exists(os.path.join(out, "products/starter/apis/myversionedapi-v2/productApiInformation.json")))
        self.assertFalse(os.path.exists(os.path.join(out, "products/starter/apis.json")))

    def test_openapi_import_then_export_round_trip(self):
        ws = os.path.join(self.tmp, "new-workspace")
        spec = os.path.join(SAMPLE, "apis/petstore-api/specification.yaml")
        result = run("openapi", "import", spec, "--workspace", ws, "--api", "pets", "--path", "pets")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("3 operation(s)", result.stderr)
        with open(os.path.join(ws, "apis/pets/apiInformation.json")) as f:
            info = json.load(f)["properties"]
        self.assertEqual(info["path"], "pets")
        self.assertEqual(info["apiRevision"], "1")
        self.assertEqual(info["displayName"], "Pet Store API")
        with open(os.path.join(ws, "apis/pets/specification.yaml")) as f, open(spec) as g:
            self.assertEqual(f.read(), g.read(), "the specification file is kept as the source of truth")
        self.assertEqual(run("check", "--workspace", ws).returncode, 0)

        exported = os.path.join(self.tmp, "pets.json")
        result = run("openapi", "export", "--workspace", ws, "--api", "pets", "--format", "json", "--out", exported)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(exported) as f:
            document = json.load(f)
        self.assertTrue(document["openapi"].startswith("3.0"))
        self.assertEqual(sorted(document["paths"]), ["/pets", "/pets/{petId}"])
        # Re-importing the export gives the same operations.
        again = os.path.join(self.tmp, "again")
        result = run("openapi", "import", exported, "--workspace", again, "--api", "pets")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("3 operation(s)", result.stderr)

    def test_openapi_import_of_a_broken_document_fails_with_a_location(self):
        broken = os.path.join(self.tmp, "broken.yaml")
        with open(broken, "w") as f:
            f.write("openapi: 3.0.1\npaths:\n  /x: [unclosed\n")
        result = run("openapi", "import", broken, "--workspace", os.path.join(self.tmp, "ws"), "--api", "x")
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stderr, r"broken\.yaml:\d+:\d+: error")


if __name__ == "__main__":
    unittest.main(verbosity=2)
