"""Connecting to a team library never freezes the window: the attempt runs off the window's thread.

A server that never answers is a local socket that accepts connections and says nothing (a hung server, or a
firewall swallowing packets): libpq waits for it until the connect timeout (5 s). A QTimer counts while that
happens: if the window's thread were blocked, the timer could not fire. Dialogs are the real ones, driven by a
timer (tests/ui/modal.py); the team library is the real server of tests/pg.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")
pytest.importorskip("keyring", reason="keyring is not installed (pip install -e .)")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from tests.ui import test_team_window as team_window  # noqa: E402
from tests.ui.modal import ModalCloser  # noqa: E402
from tests.ui.test_team_window import PASSWORD, fill, wait_while  # noqa: E402

# the fixtures of the window's team library tests: the real server, a team library, an officer, the own window
pg_server = team_window.pg_server
team_library = team_window.team_library
memory_keyring = team_window.memory_keyring
officer = team_window.officer
own_window = team_window.own_window

SHOTS = Path("/tmp/briefing-team-connect")


class SilentServer:
    """127.0.0.1:port accepts connections and never answers; ``hang_up()`` closes those it holds."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.05)
        self.port: int = self._socket.getsockname()[1]
        self.held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except (TimeoutError, OSError):
                continue
            self.held.append(conn)

    def hang_up(self) -> None:
        for conn in self.held:
            with contextlib.suppress(OSError):
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.hang_up()
        self._socket.close()


@pytest.fixture
def silent_server(qtbot):
    from ui import connect_attempt

    server = SilentServer()
    yield server
    server.close()  # an attempt still waiting on it ends now ("it closed the connection")
    qtbot.waitUntil(lambda: not connect_attempt.running(), timeout=10_000)


class Ticks:
    """A QTimer on the window's thread: the longest gap between its ticks says whether that thread was free."""

    def __init__(self, interval_ms: int = 20) -> None:
        self.times: list[float] = []
        self.timer = QTimer(interval=interval_ms)
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start()

    def since(self, start: float) -> list[float]:
        return [t for t in self.times if t >= start]

    def longest_gap(self, start: float, end: float) -> float:
        marks = [start, *[t for t in self.times if start <= t <= end], end]
        return max(b - a for a, b in zip(marks, marks[1:], strict=False))


def _fill(dialog, port: int, user: str = "alice") -> None:
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText("briefing")
    dialog.user.setText(user)
    dialog.password.setText("secret")


def _shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def test_the_window_goes_on_while_the_dialog_waits_for_a_silent_server(own_window, qtbot, silent_server):
    ticks = Ticks()
    seen: dict = {}

    def connect_and_watch(dialog) -> bool:
        if type(dialog).__name__ != "ConnectTeamDialog":
            return False
        _fill(dialog, silent_server.port)
        clicked = time.monotonic()
        dialog.connect_button.click()
        wait_while(lambda: time.monotonic() < clicked + 0.8)
        seen["busy"] = dict(
            connecting=dialog.connecting, connect=dialog.connect_button.isEnabled(),
            cancel=dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled(),
            status=dialog.status.text() if dialog.status.isVisible() else "", host=dialog.host.isEnabled(),
            ticks=len(ticks.since(clicked)), shot=_shot(dialog, "connecting.png"))
        wait_while(lambda: dialog.connecting)  # the connect timeout (5 s), the window's thread free throughout
        seen["after"] = dict(
            waited=time.monotonic() - clicked, gap=ticks.longest_gap(clicked, time.monotonic()),
            error=dialog.error.text() if dialog.error.isVisible() else "", connect=dialog.connect_button.isEnabled(),
            status=dialog.status.isVisible(), shot=_shot(dialog, "failed.png"))
        return False  # then Cancel, as the officer would

    with ModalCloser(connect_and_watch) as closer:
        own_window.actions["connect_team"].trigger()
    ticks.timer.stop()

    assert closer.names() == ["ConnectTeamDialog"]
    busy, after = seen["busy"], seen["after"]
    assert busy["connecting"] and not busy["connect"] and busy["cancel"] and not busy["host"]
    assert busy["status"] == f"Connecting to 127.0.0.1:{silent_server.port}…"
    assert busy["ticks"] >= 20  # 0.8 s of 20 ms ticks: the timer fired while the server was silent
    assert after["gap"] < 1.0  # ... and never stopped for long until the attempt gave up (frozen: 5 s)
    assert 4.0 < after["waited"] < 9.0
    assert after["error"] == (f"The server 127.0.0.1:{silent_server.port} cannot be reached: no answer within 5 s "
                              "(is it running, and is its name right?).")
    assert after["connect"] and not after["status"]  # ready to try again
    assert busy["shot"].stat().st_size > 2_000 and after["shot"].stat().st_size > 2_000
    assert not own_window.team.on_team and "Own library" in own_window.team.label.text()


def test_a_refused_connection_is_said_at_once_naming_the_server(own_window, qtbot):
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    seen = {}

    def connect(dialog) -> bool:
        _fill(dialog, port)
        clicked = time.monotonic()
        dialog.connect_button.click()
        wait_while(lambda: dialog.connecting)
        seen.update(waited=time.monotonic() - clicked, error=dialog.error.text())
        return False

    with ModalCloser(connect):
        own_window.actions["connect_team"].trigger()
    assert seen["waited"] < 2.0
    assert seen["error"] == (f"The server 127.0.0.1:{port} cannot be reached: connection refused "
                             "(is it running, and is its name right?).")


def test_cancel_while_connecting_closes_the_dialog_at_once(own_window, qtbot, silent_server):
    from ui import connect_attempt

    seen = {}

    def connect_then_cancel(dialog) -> bool:
        _fill(dialog, silent_server.port)
        dialog.connect_button.click()
        wait_while(lambda: not silent_server.held)  # the attempt is waiting on the silent server
        pressed = time.monotonic()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        seen.update(closed_in=time.monotonic() - pressed, visible=dialog.isVisible())
        return True

    with ModalCloser(connect_then_cancel) as closer:
        own_window.actions["connect_team"].trigger()

    assert closer.names() == ["ConnectTeamDialog"]
    assert seen["closed_in"] < 0.3 and not seen["visible"]
    assert connect_attempt.running()  # still waiting in the background, on nobody's behalf
    silent_server.hang_up()
    qtbot.waitUntil(lambda: not connect_attempt.running(), timeout=5000)
    qtbot.wait(50)
    assert not own_window.team.on_team and "Own library" in own_window.team.label.text()


def test_a_connection_given_up_is_closed_when_it_opens(own_window, qtbot, officer, pg_server):
    """Cancel pressed before the server answered: the connection it then opens is closed, not left open."""
    import psycopg

    from ui import connect_attempt

    url, role = officer
    parts = urlsplit(url)

    def connect_then_cancel(dialog) -> bool:
        dialog.host.setText(parts.hostname)
        dialog.port.setValue(parts.port)
        dialog.database.setText(parts.path.lstrip("/"))
        dialog.user.setText(role)
        dialog.password.setText(PASSWORD)
        dialog.connect_button.click()
        dialog.reject()  # at once: the attempt is still under way
        return True

    with ModalCloser(connect_then_cancel):
        own_window.actions["connect_team"].trigger()
    qtbot.waitUntil(lambda: not connect_attempt.running(), timeout=10_000)

    with psycopg.connect(pg_server, autocommit=True) as admin:
        left = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (role,)).fetchone()[0]
    assert left == 0
    assert not own_window.team.on_team


def test_reopening_at_start_with_a_silent_server_shows_the_window_first(qtbot, settings, tmp_path, silent_server):
    from ui.app import open_window
    from ui.team_connection import TeamConnection

    settings.team_connection = TeamConnection("127.0.0.1", silent_server.port, "briefing", "alice").to_settings()
    settings.on_team_library = True
    settings.save()
    ticks = Ticks()
    with ModalCloser() as closer:
        start = time.monotonic()
        window = open_window(settings, tmp_path / "own.sqlite3")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(silent_server.held), timeout=3000)  # the attempt is waiting on the server
        waiting = time.monotonic()
        qtbot.wait(300)
        shown_in = time.monotonic() - start
        try:
            assert window.isVisible() and shown_in < 3.0
            assert window.team.connecting and not window.team.on_team
            assert window.statusBar().currentMessage() == \
                f"Reconnecting to the team library briefing on 127.0.0.1:{silent_server.port}…"
            assert "Own library" in window.team.label.text()
            window.add_note("Written while the server is silent", "While reconnecting")  # the window works
            _shot(window, "window-reconnecting.png")

            qtbot.waitUntil(lambda: any(s.cls == "QMessageBox" for s in closer.seen), timeout=10_000)
            assert ticks.longest_gap(waiting, time.monotonic()) < 1.0  # never frozen while it waited (5 s)
            told = next(s for s in closer.seen if s.cls == "QMessageBox")
            assert f"127.0.0.1:{silent_server.port} cannot be reached: no answer within 5 s" in told.text
            assert "own library is open" in told.text
            assert "not reachable" in window.statusBar().currentMessage()
            assert not window.team.on_team and not window.team.connecting
            assert "Own library" in window.team.label.text()
        finally:
            ticks.timer.stop()
            window.close()


def test_connecting_by_hand_while_reopening_gives_the_reopening_up(qtbot, settings, tmp_path, silent_server, officer):
    """The officer need not wait for the remembered server: File ▸ Connect… wins over the reopening under way."""
    from ui.app import open_window
    from ui.team_connection import TeamConnection

    settings.team_connection = TeamConnection("127.0.0.1", silent_server.port, "briefing", "alice").to_settings()
    settings.on_team_library = True
    settings.save()
    with ModalCloser(fill(officer[0], PASSWORD)) as closer:
        window = open_window(settings, tmp_path / "own.sqlite3")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.team.connecting, timeout=3000)
        window.actions["connect_team"].trigger()
        qtbot.waitUntil(lambda: window.team.on_team, timeout=5000)
    try:
        silent_server.hang_up()  # the given-up attempt ends now, and must change nothing
        qtbot.wait(300)
        assert closer.names() == ["ConnectTeamDialog"]  # no "not reachable" message for the given-up attempt
        assert window.team.on_team and f"— {officer[1]} (SECRET)" in window.team.label.text()
    finally:
        window.close()


def test_closing_the_window_while_it_reopens_leaves_nothing_behind(qtbot, settings, tmp_path, silent_server):
    from ui import connect_attempt
    from ui.app import open_window
    from ui.team_connection import TeamConnection

    settings.team_connection = TeamConnection("127.0.0.1", silent_server.port, "briefing", "alice").to_settings()
    settings.on_team_library = True
    settings.save()
    with ModalCloser() as closer:
        window = open_window(settings, tmp_path / "own.sqlite3")
        window.show()
        qtbot.waitUntil(lambda: window.team.connecting and bool(silent_server.held), timeout=3000)
        window.close()
        window.deleteLater()
        qtbot.wait(50)
        silent_server.hang_up()  # the attempt ends after its window has gone
        qtbot.waitUntil(lambda: not connect_attempt.running(), timeout=5000)
        qtbot.wait(100)
    assert closer.seen == []  # no message for a window that is no longer there (and no error in a slot)
