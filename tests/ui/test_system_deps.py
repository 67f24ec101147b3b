"""scripts/system-deps.sh: what Qt's xcb plugin needs, read with ldd and named as Debian packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "system-deps.sh"


def package_of(lib: str) -> str:
    """The script's own mapping, run by the shell (its function cut out of the script)."""
    text = SCRIPT.read_text()
    function = text[text.index("package_of() {"):text.index("\n}\n", text.index("package_of() {")) + 3]
    return subprocess.run(["sh", "-c", f'{function}\npackage_of "$1"', "sh", lib], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.mark.parametrize(("lib", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libdbus-1.so.3", "libdbus-1-3"), ("libEGL.so.1", "libegl1"), ("libglib-2.0.so.0", "libglib2.0-0"),
])
def test_libraries_are_named_as_debian_packages(lib, package):
    assert package_of(lib) == package


def test_after_the_script_qt_xcb_plugin_finds_every_library():
    result = subprocess.run(["sh", str(SCRIPT), sys.executable], cwd=REPO, capture_output=True, text=True,
                            timeout=900, env=dict(os.environ))
    assert result.returncode == 0  # never fails the build
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    missing = [line for line in subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout.splitlines()
               if "not found" in line]
    if missing and "Note: the window needs" in result.stderr:
        pytest.skip(f"this machine may not install packages; the script named them: {result.stderr.strip()}")
    assert not missing, result.stdout + result.stderr
