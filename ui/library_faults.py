"""A change the library refuses is told to the officer in a message, never left as a traceback on a console.

Writes start in many slots (the detail form, the tree's tick boxes, the Edit and Brief menus). When the library
cannot take one, the core raises a LibraryError whose text is written for the officer: a damaged library
opened read-only (``health.DamagedLibrary``), a full disk, a read-only file. Qt hands an exception that escapes
a Python slot to ``sys.excepthook``, so one hook per window catches them all, says what happened over the
window, and has the window re-read the library so that the refused change does not stay on screen as if saved.
Every other exception goes on to the hook that was there before (the console, or pytest-qt in the tests).
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from briefing.library import LibraryError
from briefing.library.health import DamagedLibrary


def report_library_faults(window: QMainWindow, reread: Callable[[], None]) -> None:
    """While ``window`` is open, a LibraryError escaping a slot is shown over it and ``reread`` is called."""
    _FaultReporter(window, reread)


class _FaultReporter(QObject):
    def __init__(self, window: QMainWindow, reread: Callable[[], None]) -> None:
        super().__init__(window)  # lives as long as the window; the hook below only holds it weakly
        self.window, self.reread = window, reread
        self.telling = False  # a message is on its way or on screen: one refused edit can fail twice
        previous = sys.excepthook
        me = weakref.ref(self)  # the hook must not keep the reporter, and its window, alive

        def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            reporter = me()
            if reporter is None or not reporter.take(exc):
                previous(kind, exc, tb)

        sys.excepthook = hook

    def take(self, exc: BaseException) -> bool:
        """True when ``exc`` is the officer's to hear about (a refused write in this open window)."""
        if not isinstance(exc, LibraryError) or not shiboken6.isValid(self.window) or not self.window.isVisible():
            return False
        if not self.telling:
            self.telling = True
            # not from inside the failing slot: Qt may be half-way through a view's update there
            QTimer.singleShot(0, self, lambda: self._tell(describe(exc)))
        return True

    def _tell(self, text: str) -> None:
        self.reread()
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._told)
        box.open()  # window-modal without an event loop of its own: the slot that failed has long returned

    def _told(self) -> None:
        self.telling = False


def describe(exc: BaseException) -> str:
    """The core's sentence, with the window's way back for a damaged library."""
    text = str(exc)
    text = text[:1].upper() + text[1:]
    if isinstance(exc, DamagedLibrary):
        text += ".\n\nIn the window, File ▸ Backups… lists the backups and puts one back."
    return text
