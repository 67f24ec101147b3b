"""A crash leaves a report in the user data folder, and the next start offers to show it."""

from __future__ import annotations

import faulthandler
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.ui.modal import ModalCloser
from ui import crash_log
from ui.dialogs.crash_report import CrashReportDialog, offer_crash_report

REPO = Path(__file__).resolve().parents[2]
CRASH = "import ui.crash_log as c; c.start(); import faulthandler; faulthandler._sigsegv()"


def crash_a_run() -> int:
    """A separate process arms the log as the window does, then dies of a segfault."""
    return subprocess.run([sys.executable, "-c", CRASH], cwd=REPO, env=dict(os.environ), capture_output=True,
                          timeout=60).returncode


def test_a_crash_leaves_a_report_the_next_start_finds(isolated_home):
    assert crash_a_run() != 0
    try:
        report = crash_log.start()
        assert crash_log.crashed(report)
        assert "Segmentation fault" in report and "Current thread" in report
        assert (isolated_home / crash_log.PREVIOUS_NAME).read_text() == report  # kept to send on
        assert crash_log.log_path().exists()  # armed for this run
    finally:
        crash_log.stop()
        faulthandler.enable(file=sys.__stderr__)  # pytest's own, which stop() turned off
    assert not crash_log.log_path().exists()  # a clean exit leaves nothing to report


def test_a_clean_run_leaves_nothing_to_offer(isolated_home):
    try:
        assert crash_log.start() is None
    finally:
        crash_log.stop()
        faulthandler.enable(file=sys.__stderr__)
    try:
        assert crash_log.start() is None
    finally:
        crash_log.stop()
        faulthandler.enable(file=sys.__stderr__)


def test_the_offer_shows_the_report(qtbot):
    shown: list[str] = []

    def answer(dialog) -> bool:
        if isinstance(dialog, QMessageBox):
            dialog.button(QMessageBox.StandardButton.Yes).click()
            return True
        if isinstance(dialog, CrashReportDialog):
            shown.append(dialog.text.toPlainText())
        return False  # the report dialog: closed by the closer

    with ModalCloser(handler=answer) as closer:
        assert offer_crash_report("Fatal Python error: Segmentation fault\n  File x.py", "/tmp/crash.log")
    assert closer.names() == ["QMessageBox", "CrashReportDialog"]
    assert shown and "Segmentation fault" in shown[0]


def test_a_killed_run_is_not_a_crash_and_keeps_the_last_report(isolated_home):
    (isolated_home / crash_log.PREVIOUS_NAME).write_text("Fatal Python error: Segmentation fault\n")
    crash_log.log_path().write_text("Briefing Builder started 2026-12-02T10:00:00\n")  # then killed
    try:
        assert crash_log.start() is None
    finally:
        crash_log.stop()
        faulthandler.enable(file=sys.__stderr__)
    assert "Segmentation fault" in (isolated_home / crash_log.PREVIOUS_NAME).read_text()
