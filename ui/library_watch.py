"""The window follows the library file: what the command line or another window wrote shows within a second.

SQLite raises ``PRAGMA data_version`` on a connection whenever *another* connection commits to the same
file (our own writes leave it alone, and are announced by the Library already). A timer asks for it twice
a second through ``Library.check_external_changes``, which turns a change into a "reset" notice to the
library's subscribers: the tree re-syncs its groups and rows in place (selection and scroll stay), the
detail pane, briefs bar and undo menu re-read. The question costs microseconds, so polling is cheap.

A team library (PgStore) answers the same question from its change events: each colleague's commit is
announced with NOTIFY, queued on the store's LISTEN connection, and ``check_external_changes`` hands them
over as the Changes they were (items changed, added, removed; not a blanket reset), so the tree updates
only the rows a colleague touched. Reading the queue waits at most 10 ms for the socket.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 500  # half a second: a change shows within a second


class LibraryWatcher(QObject):
    """Polls one library for other connections' commits (or a team library for its colleagues' change
    events); ``paused()`` says when not to (an import we run). ``failed(exception)`` when a check could not
    be made: a locked file is tried again on the next tick; a team library's lost server is the window's to tell."""

    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, *, paused: Callable[[], bool] = lambda: False,
                 interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.library = None
        self._paused = paused
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)

    def watch(self, library) -> None:
        self.library = library
        if library is None:
            self._timer.stop()
        else:
            library.check_external_changes()  # start from what is there now
            self._timer.start()

    def stop(self) -> None:
        self.watch(None)

    def check(self) -> bool:
        """True when another connection had written (subscribers have been told)."""
        if self.library is None or self._paused():
            return False
        try:
            return self.library.check_external_changes()
        except Exception as exc:  # noqa: BLE001 - a closed or locked library: try again on the next tick
            self.failed.emit(exc)
            return False
