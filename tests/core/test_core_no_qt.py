"""The core never loads Qt: every module under briefing/ imports in a process where PySide6 stays unloaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
import briefing
names = ["briefing"] + [m.name for m in pkgutil.walk_packages(briefing.__path__, "briefing.")
                        if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
for required in ("briefing.library", "briefing.loaders", "briefing.extract", "briefing.brief", "briefing.cli"):
    assert required in sys.modules, required
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(len(names), qt)
sys.exit(1 if qt else 0)
"""


def test_importing_every_core_module_loads_no_qt():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert int(done.stdout.split()[0]) > 10
