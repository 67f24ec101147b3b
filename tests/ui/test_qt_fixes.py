"""Many signal emits (an import, a long session) must not wear down the interpreter's True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QThread, Signal

import ui  # noqa: F401 - installs the guard


class Chatty(QThread):
    progress = Signal(int, int, str)

    def run(self):
        for i in range(5000):
            self.progress.emit(i, 5000, "file.txt")


class Local(QObject):
    changed = Signal(int)


def test_emits_keep_the_reference_count_of_true(qtbot):
    local = Local()
    seen = []
    local.changed.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(5000):
        local.changed.emit(i)
    thread = Chatty()
    with qtbot.waitSignal(thread.finished, timeout=10_000):
        thread.start()
    thread.wait()
    assert len(seen) == 5000
    assert abs(sys.getrefcount(True) - before) < 100
