"""Opening a team library off the window's thread: a server that does not answer must not freeze the window.

``ConnectAttempt`` runs ``team_connection.connect`` (psycopg's connect waits for the server without holding
the interpreter lock, up to ``CONNECT_TIMEOUT_S``) in its own QThread and hands the open store, or the one
line saying why not, to the window's thread with ``ended(store, failure)``. Whoever started it takes the
store with ``claim()`` in that slot. An attempt given up (the officer pressed Cancel, or moved on to another
library) is ``abandon()``ed: it finishes in the background and closes the connection it may still open. The
attempt keeps itself alive until its thread has ended (``_running``), so a dialog closed under it never
destroys a running thread; the application waits for those still running when it quits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QThread, QTimer, Signal

from ui.team_connection import ConnectFailed, TeamConnection, connect, explain

log = logging.getLogger(__name__)

_running: set[ConnectAttempt] = set()  # started and not yet ended: kept alive here, not by who started them
_quit_hooked = False


class ConnectAttempt(QThread):
    """One attempt to open a team library. Connect ``ended``, then ``start()``."""

    ended = Signal(object, object)  # (PgStore, None) on success, (None, ConnectFailed) on failure

    def __init__(self, connection: TeamConnection, password: str | None) -> None:
        super().__init__()  # no parent: it may outlive the dialog or window that started it
        self.connection = connection
        self._password = password
        self._store = None
        self._claimed = False
        self._abandoned = False
        _running.add(self)
        self.finished.connect(self._release)  # queued after ``ended``: the starter claims the store first
        _hook_quit()

    def run(self) -> None:
        try:
            store = connect(self.connection, self._password)
        except ConnectFailed as exc:
            self.ended.emit(None, exc)
            return
        except Exception as exc:  # noqa: BLE001 - never lost in the thread: said like any other failure
            log.exception("connecting to %s failed", self.connection.place)
            self.ended.emit(None, ConnectFailed(explain(self.connection, f"{type(exc).__name__}: {exc}")))
            return
        self._store = store
        self.ended.emit(store, None)

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    def claim(self):
        """The open store, now the caller's to close (None if the attempt failed or was given up)."""
        if self._abandoned or self._store is None:
            return None
        self._claimed = True
        return self._store

    def abandon(self) -> None:
        """Nobody wants this connection any more: it is closed once (if ever) it opens."""
        self._abandoned = True
        if self.isFinished():
            self._close_unclaimed()

    def _close_unclaimed(self) -> None:
        if self._store is not None and not self._claimed:
            store, self._store = self._store, None
            try:
                store.close()
            except Exception:  # noqa: BLE001 - a connection we no longer want: nothing to tell anyone
                log.info("closing an abandoned team library connection failed", exc_info=True)

    def _release(self) -> None:
        self.wait()  # ``finished`` is sent just before the thread ends: let it end before letting go of it
        self._close_unclaimed()
        # let go of it once this signal's delivery is over, not while Qt is still handing it over
        QTimer.singleShot(0, lambda: _running.discard(self))


def running() -> list[ConnectAttempt]:
    """Attempts whose thread has not ended yet."""
    return list(_running)


def wait_all(timeout_ms: int = 10_000) -> None:
    """Let the attempts still running end (each within the connect timeout): a thread must not outlive Qt."""
    for attempt in list(_running):
        attempt.abandon()
        attempt.wait(timeout_ms)
        attempt._close_unclaimed()
        _running.discard(attempt)


def _hook_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        app.aboutToQuit.connect(wait_all)
        _quit_hooked = True
