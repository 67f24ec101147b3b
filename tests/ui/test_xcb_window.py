"""The real window on the real `xcb` platform, under Xvfb: what `make run` does on a fresh machine.

Every other GUI test runs offscreen, which needs none of the X libraries Qt's xcb plugin loads; a machine
missing one of them passed all of those and still could not open the window. These tests start `main.py`
(and the action sweep) on a virtual X screen, as an officer's desktop would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WINDOW_NAME = "Briefing Builder"


def xdotool(display: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=20)


def wait_for_window(display: str, process: subprocess.Popen, timeout: float = 60.0) -> str | None:
    """The id of the first visible window whose name holds WINDOW_NAME, or None if the program ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", WINDOW_NAME).stdout.split()
        if found:
            return found[0]
        if process.poll() is not None:
            return None
        time.sleep(0.2)
    return None


GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1] + ["-platform", "xcb"])
image = app.primaryScreen().grabWindow(0).toImage()
print(len({image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}))
"""


def screen_colours(display: str, env: dict) -> int:
    """How many colours the X screen shows (sampled), grabbed by another Qt client as a screenshot tool would."""
    result = subprocess.run([sys.executable, "-c", GRAB], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-800:]
    return int(result.stdout.strip())


@pytest.fixture
def xcb_env(xvfb_display):
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (scripts/system-deps.sh installs it where apt-get may run)")
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    return env


def test_main_py_opens_the_window_on_xcb_and_quits(xcb_env, xvfb_display, make_library, settings, library_path):
    make_library(2).close()
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, str(REPO / "main.py"), str(library_path)], cwd=REPO, env=xcb_env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = wait_for_window(xvfb_display, process)
        if window is None:
            process.kill()
            _out, err = process.communicate(timeout=10)
            pytest.fail(f"no window appeared on xcb (exit code {process.returncode}):\n{err[-1500:]}")
        shown_after = time.monotonic() - started
        geometry = xdotool(xvfb_display, "getwindowgeometry", window).stdout
        width, height = map(int, re.search(r"Geometry: (\d+)x(\d+)", geometry).groups())
        assert width >= 900 and height >= 560, geometry  # the main window (its minimum size), not a dialog
        assert screen_colours(xvfb_display, xcb_env) > 20  # drawn: menus, tree, text; not a blank frame
        # quit as an officer would: Ctrl+Q in the focused window (real key events through XTEST)
        xdotool(xvfb_display, "windowfocus", "--sync", window)
        xdotool(xvfb_display, "key", "--clearmodifiers", "ctrl+q")
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail("Ctrl+Q did not close the window within 15 s")
        err = process.stderr.read()
        assert process.returncode == 0, err[-1500:]
        assert "Could not load the Qt platform plugin" not in err
        print(f"main window {width}x{height} mapped after {shown_after:.1f} s")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def test_action_sweep_runs_on_xcb(xcb_env):
    """The sweep of every menu and toolbar action, in its own process with the xcb platform."""
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                             "tests/ui/test_action_sweep.py"], cwd=REPO, env=xcb_env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1500:]
    assert " passed" in result.stdout


def test_after_a_crash_the_next_start_offers_the_report(xcb_env, xvfb_display, make_library, settings, library_path,
                                                       isolated_home):
    from ui import crash_log

    make_library(1).close()
    crash_log.log_path().write_text("Briefing Builder started 2026-12-02T10:00:00\nFatal Python error: Segmentation "
                                    "fault\n\nCurrent thread 0x1 (most recent call first):\n  File \"x.py\", line 1\n")
    process = subprocess.Popen([sys.executable, str(REPO / "main.py"), str(library_path)], cwd=REPO, env=xcb_env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        offer = []
        while not offer and time.monotonic() < deadline and process.poll() is None:
            offer = xdotool(xvfb_display, "search", "--onlyvisible", "--name", "stopped unexpectedly").stdout.split()
            time.sleep(0.2)
        assert offer, "no offer to show the crash report appeared"
        xdotool(xvfb_display, "windowfocus", "--sync", offer[0])
        xdotool(xvfb_display, "key", "Escape")  # "No": not now
        window = wait_for_window(xvfb_display, process)
        assert window is not None
        xdotool(xvfb_display, "windowfocus", "--sync", window)
        xdotool(xvfb_display, "key", "--clearmodifiers", "ctrl+q")
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    assert (isolated_home / crash_log.PREVIOUS_NAME).exists()  # kept to send on
    assert not crash_log.log_path().exists()  # this run ended cleanly
