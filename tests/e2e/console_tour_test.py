#!/usr/bin/env python3
"""The console starts offscreen on the sample workspace and saves its tour.

Usage: console_tour_test.py CONSOLE_EXECUTABLE SAMPLE_WORKSPACE
"""
import os
import struct
import subprocess
import sys
import tempfile
import unittest

CONSOLE = sys.argv.pop(1)
WORKSPACE = sys.argv.pop(1)


class ConsoleTour(unittest.TestCase):
    def test_tour_writes_one_png_per_view(self):
        with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as out:
            env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                       QT_QPA_PLATFORM="offscreen")
            result = subprocess.run([CONSOLE, "--tour", out, WORKSPACE], env=env, capture_output=True,
                                    text=True, timeout=90)
            self.assertEqual(result.returncode, 0, result.stderr)
            images = sorted(f for f in os.listdir(out) if f.endswith(".png"))
            self.assertIn("01-main-window.png", images)
            self.assertIn("01-main-window-dark.png", images)
            for name in images:
                with open(os.path.join(out, name), "rb") as f:
                    header = f.read(24)
                self.assertEqual(header[:8], b"\x89PNG\r\n\x1a\n", name)
                width, height = struct.unpack(">II", header[16:24])
                self.assertGreaterEqual((width, height), (1000, 600), name)

    def test_help(self):
        result = subprocess.run([CONSOLE, "--help"], capture_output=True, text=True, timeout=30,
                                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        self.assertEqual(result.returncode, 0)
        self.assertIn("--tour", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
