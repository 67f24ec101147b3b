"""Thousands of signal emits and None-returning callbacks (an import, a long session) must not abort Python.

On PySide6 6.12.0 with Python 3.11 each of them loses a reference to True or None
and the interpreter aborted after a few thousand; ui.qt_fixes guards against it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QThread, Signal

import ui  # noqa: F401 - installs the guard
from ui import qt_fixes

MANY = 40_000


class Chatty(QThread):
    progress = Signal(int, int, str)

    def run(self):
        for i in range(MANY):
            self.progress.emit(i, MANY, "file.txt")


class Quiet(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 1

    def data(self, index, role=0):
        return None


def test_many_emits_and_none_returns_keep_the_interpreter_alive(qtbot):
    model = Quiet()
    index = model.index(0)
    for _ in range(MANY):
        assert index.data(0) is None
    thread = Chatty()
    received = []
    thread.progress.connect(lambda done, total, path: received.append(done))
    with qtbot.waitSignal(thread.finished, timeout=30_000):
        thread.start()
    thread.wait()
    qtbot.waitUntil(lambda: len(received) == MANY, timeout=10_000)


def test_the_guard_is_in_place_exactly_when_this_pyside_needs_it():
    found = qt_fixes.faults()
    if qt_fixes.INSTALLED:
        import sys

        assert sys.getrefcount(None) > 1 << 39
    else:
        assert max(found.values()) < qt_fixes._PROBES // 2
