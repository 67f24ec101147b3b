"""The window on a team library: File ▸ Connect to team library… against a real PostgreSQL server.

The server is the one tests/pg/conftest.py starts for the session (each test gets its own database, made by
`briefing team init`). Dialogs open for real and are filled or closed by a timer (tests/ui/modal.py). The
keyring is an in-memory backend (a real keyring backend class, registered through keyring's own API), so no
test reads or writes the keyring of whoever runs them.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")
keyring = pytest.importorskip("keyring", reason="keyring is not installed (pip install -e .)")

from keyring.backend import KeyringBackend  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from tests.pg import conftest as pg_fixtures  # noqa: E402
from tests.pg.conftest import Team  # noqa: E402
from tests.ui.conftest import hand_made_source  # noqa: E402
from tests.ui.modal import ModalCloser  # noqa: E402

pg_server = pg_fixtures.pg_server  # the real server of tests/pg, started once a session
team_library = pg_fixtures.team_library  # a new database with a team library in it, per test

PASSWORD = "correct horse: battery/staple"  # characters a URL must quote


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its secrets in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def officer(team_library: Team):
    """(login URL, role) of an officer cleared to SECRET whose role has PASSWORD."""
    from briefing import team

    url = team_library.add("alice", "SECRET")
    role = urlsplit(url).username
    team.add_user(team_library.admin, role, "SECRET", password=PASSWORD)
    return url, role


@pytest.fixture
def team_items(officer):
    """Two sources in the team library (one SECRET), added by the officer; the ids of their items."""
    from briefing.library.pg import PgStore

    with PgStore.open(_with_password(officer[0])) as store:
        store.add_source(*hand_made_source(1))
        secret, extraction = hand_made_source(2)
        secret.marking = "SECRET"
        store.add_source(secret, extraction)
        return store.query()


@pytest.fixture
def own_window(open_window, make_library):
    """The window on the officer's own library (one source), as a start would open it."""
    return open_window(make_library(1))


def _with_password(url: str) -> str:
    from urllib.parse import quote

    parts = urlsplit(url)
    return url.replace(f"//{parts.username}@", f"//{parts.username}:{quote(PASSWORD, safe='')}@")


def fill(url: str, password: str, *, remember: bool = False, result: dict | None = None):
    """A ModalCloser handler that fills the Connect dialog for the officer of ``url`` and presses Connect."""
    parts = urlsplit(url)

    def handler(dialog) -> bool:
        if type(dialog).__name__ != "ConnectTeamDialog":
            return False
        dialog.host.setText(parts.hostname)
        dialog.port.setValue(parts.port)
        dialog.database.setText(parts.path.lstrip("/"))
        dialog.user.setText(parts.username)
        dialog.password.setText(password)
        if remember:
            dialog.remember.setChecked(True)
        dialog.connect_button.click()
        wait_while(lambda: dialog.connecting)  # the connection is tried off the window's thread
        if result is not None:
            result["error"] = dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""
            result["open"] = dialog.isVisible()
        return True  # closed itself on success; left for the closer's next tick (Cancel) on failure

    return handler


def wait_while(busy, timeout_s: float = 15.0) -> None:
    """Let the event loop run while ``busy()`` (inside a dialog's own loop, where qtbot cannot wait)."""
    import time

    deadline = time.monotonic() + timeout_s
    while busy() and time.monotonic() < deadline:
        QTest.qWait(10)


def connect_window(window, qtbot, url: str, password: str = PASSWORD, **options) -> dict:
    result: dict = {}
    with ModalCloser(fill(url, password, result=result, **options)) as closer:
        window.actions["connect_team"].trigger()
        qtbot.wait(60)
    assert "ConnectTeamDialog" in closer.names()
    return result


def tree_titles(window) -> set[str]:
    model = window.model
    titles = set()
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        while model.canFetchMore(group):
            model.fetchMore(group)
        titles |= {model.index(child, 0, group).data() for child in range(model.rowCount(group))}
    return titles


def test_connecting_shows_the_teams_items_and_who_is_logged_in(own_window, qtbot, officer, team_items,
                                                               memory_keyring, settings):
    from briefing.settings import Settings

    url, role = officer
    parts = urlsplit(url)
    assert "Own library" in own_window.team.label.text()

    result = connect_window(own_window, qtbot, url, remember=True)

    assert result["error"] == "" and not result["open"]
    assert own_window.model.total == len(team_items)  # the SECRET source's items too: alice is cleared
    assert "MoU on maritime safety" in tree_titles(own_window)  # an agreement of the team's second source
    label = own_window.team.label.text()
    assert label == f"Team library {parts.path.lstrip('/')} on {parts.hostname}:{parts.port} — {role} (SECRET)"
    assert own_window.team.label.isVisible()
    own_window.show_message("Something else happened")  # a passing message does not hide who is logged in
    assert own_window.team.label.isVisible()

    saved = Settings.file().read_text(encoding="utf-8")
    assert json.loads(saved)["team_connection"] == {"host": parts.hostname, "port": parts.port,
                                                     "database": parts.path.lstrip("/"), "user": role}
    assert PASSWORD not in saved and "horse" not in saved
    assert list(memory_keyring.secrets.values()) == [PASSWORD]


def test_without_a_keyring_the_password_is_asked_each_time_and_kept_nowhere(own_window, qtbot, officer,
                                                                            team_items, settings):
    from keyring.backends import fail

    from briefing.settings import Settings
    from ui.team_connection import stored_password

    keyring.set_keyring(fail.Keyring())  # keyring's own "no backend here" (the memory one comes back after)
    seen = {}

    def look(dialog) -> bool:
        seen["remember"] = (dialog.remember.isEnabled(), dialog.remember.isChecked(), dialog.remember.toolTip())
        return fill(officer[0], PASSWORD)(dialog)

    with ModalCloser(look):
        own_window.actions["connect_team"].trigger()
        qtbot.wait(60)
    assert own_window.team.on_team
    enabled, checked, tip = seen["remember"]
    assert not enabled and not checked and "asked for at each connection" in tip
    assert "horse" not in Settings.file().read_text(encoding="utf-8")
    assert stored_password(own_window.team.remembered()) is None


def test_the_window_works_on_the_team_library(own_window, qtbot, officer, team_items):
    from briefing.library import Query

    connect_window(own_window, qtbot, officer[0])
    window = own_window
    item_id = window.library.query(Query(kind="agreement"))[0]
    assert window.select_item(item_id)
    assert window.detail.form.item is not None and window.detail.form.item.id == item_id

    title = window.detail.form.editors["title"]  # typed in the detail pane, as an officer would
    title.edit.setText("Renamed in the window")
    title.edit.editingFinished.emit()
    qtbot.waitUntil(lambda: "Renamed in the window" in window.model.find_item(item_id).data(), timeout=1000)
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: "Renamed in the window" not in window.model.find_item(item_id).data(), timeout=1000)

    window.filter_bar.text.setText("maritime")
    window.filter_bar.flush()
    assert tree_titles(window) == {"MoU on maritime safety"}
    window.filter_bar.clear()

    # What the store cannot do (yet) is off, saying so; what it can is on. Asked of the store, which gains
    # operations as they are written, so this compares with what it answers rather than a fixed list.
    from ui.team_library import NOT_YET, supports
    from ui.team_session import NEEDS

    for name, needs in NEEDS.items():
        action = window.actions[name]
        assert action.isEnabled() == supports(window.library.store, *needs), name
        assert action.isEnabled() or NOT_YET in action.toolTip()
    for name in ("import_files", "import_folder"):
        assert window.actions[name].isEnabled() == supports(window.library.store, "import_iter")
    window.set_grouping("source")  # the server groups the items by source: the team's two readouts
    assert {window.model.index(row, 0).data().split("  (")[0] for row in range(window.model.rowCount())} >= {
        "Readout 1: Sweden and Viet Nam", "Readout 2: Sweden and Viet Nam"}
    window.set_grouping("kind")
    assert window.actions["open_own_library"].isEnabled()

    window.actions["open_own_library"].trigger()
    assert "Own library" in window.team.label.text() and window.model.total > 0
    assert window.actions["export_json"].isEnabled() and not window.actions["open_own_library"].isEnabled()
    assert window.settings.on_team_library is False


def test_every_menu_action_on_the_team_library_works_or_says_why_not(own_window, qtbot, officer, team_items):
    """The action sweep (tests/ui/test_action_sweep.py) on a team library: each enabled command runs without
    an error or a refusal, its dialogs opened for real and cancelled; each disabled one says why."""
    from tests.ui.test_action_sweep import all_actions, select_items
    from ui.team_library import NOT_YET

    connect_window(own_window, qtbot, officer[0])
    window = own_window
    names = {action: name for name, action in window.actions.items()}
    skip = {window.actions["quit"], window.actions["open_own_library"], *window.recent_menu.actions()}
    refused = []
    for action in all_actions(window):
        if action in skip:
            continue
        if not action.isEnabled():
            assert names.get(action) in ("undo", "redo", "delete", "merge", "split") or NOT_YET in action.toolTip()
            continue
        select_items(window, 2 if names.get(action) == "merge" else 1)
        with ModalCloser() as closer:
            action.trigger()
            qtbot.wait(60)
        refused += [(names.get(action), s.text) for s in closer.seen if s.title == "Not saved"]
    assert refused == []
    assert window.team.on_team and window.isVisible()


def test_the_brief_in_hand_on_the_team_library_outlives_other_settings_being_saved(own_window, qtbot, officer,
                                                                                    team_items):
    connect_window(own_window, qtbot, officer[0])
    window = own_window
    second = window.briefs_bar.create("Minister's visit")
    assert window.briefs_bar.current_id() == second == window.library.current_brief_id()
    window.settings.prepared_by = "A. Officer"  # as Preferences… does: the window saves its settings
    window.settings.save()
    assert window.library.current_brief_id() == second


def test_a_colleagues_change_shows_within_a_second_or_two(own_window, qtbot, officer, team_items, team_library):
    from briefing.library import Query
    from briefing.library.pg import PgStore

    connect_window(own_window, qtbot, officer[0])
    item_id = own_window.library.query(Query(kind="agreement"))[0]
    own_window.select_item(item_id)
    with PgStore.open(team_library.add("bob", "OFFICIAL")) as bob:
        bob.edit(item_id, "title", "Changed by Bob")
        qtbot.waitUntil(lambda: "Changed by Bob" in own_window.model.find_item(item_id).data(), timeout=2000)
        assert own_window.detail.form.item.fields["title"] == "Changed by Bob"
        bob.add_note("Bob's talking point", "From Bob")
        qtbot.waitUntil(lambda: "From Bob" in tree_titles(own_window), timeout=2000)


def test_an_edit_over_a_colleagues_newer_change_is_refused_naming_them(own_window, qtbot, officer, team_items,
                                                                       team_library):
    from briefing.library import Query
    from briefing.library.pg import PgStore

    connect_window(own_window, qtbot, officer[0])
    item_id = own_window.library.query(Query(kind="agreement"))[0]
    own_window.select_item(item_id)
    title = own_window.detail.form.editors["title"]
    with PgStore.open(team_library.add("bob", "OFFICIAL")) as bob, ModalCloser() as closer:
        bob.edit(item_id, "title", "Bob's title")
        # typed before the window has heard of Bob's change (no events processed in between)
        title.edit.setText("Alice's title")
        title.edit.editingFinished.emit()
        qtbot.waitUntil(lambda: any(s.title == "Not saved" for s in closer.seen), timeout=2000)
    told = next(s for s in closer.seen if s.title == "Not saved")
    assert bob.user in told.text.lower() and "Bob's title" in told.text
    assert own_window.library.item(item_id).fields["title"] == "Bob's title"
    qtbot.waitUntil(lambda: title.value() == "Bob's title", timeout=1000)  # the newer value on screen
    title.edit.setText("Alice's title")  # now that she has seen it, her edit goes through
    title.edit.editingFinished.emit()
    assert own_window.library.item(item_id).fields["title"] == "Alice's title"


def test_import_from_the_window_into_the_team_library(own_window, qtbot, officer, team_items, password_required,
                                                      tmp_path):
    """The import process logs in as the officer (the server asks for the password) and writes there."""
    from briefing.library.pg import PgStore
    from tests.ui.test_import import hand_extract

    connect_window(own_window, qtbot, officer[0])
    window = own_window
    before = window.model.total
    (tmp_path / "in").mkdir()
    paths = [tmp_path / "in" / f"readout-{n}.txt" for n in (10, 11)]
    for n, path in zip((10, 11), paths, strict=True):  # readouts of their own (not copies of one story)
        path.write_text(hand_made_source(n)[0].text, encoding="utf-8")
    worker = window.import_paths([tmp_path / "in"], extract=hand_extract())
    assert worker is not None and PASSWORD not in worker.library_path
    with qtbot.waitSignal(worker.done, timeout=60_000) as blocker:
        pass
    report = blocker.args[0]
    assert [f.reason for f in report.failed] == [] and len(report.imported) == len(paths)
    qtbot.waitUntil(lambda: window.model.total > before, timeout=2000)
    with PgStore.open(_with_password(officer[0])) as store:  # on the server, for everyone
        assert window.model.total == store.count() > before
    assert window.actions["undo"].text().replace("&", "") == "Undo Import 2 sources"


def test_a_lost_server_is_said_and_reconnecting_brings_the_library_back(own_window, qtbot, officer, team_items,
                                                                        pg_server):
    import psycopg

    connect_window(own_window, qtbot, officer[0])
    window = own_window
    label_then = []

    def reconnect(box) -> bool | None:
        if box.windowTitle() != "Team library":
            return None
        label_then.append(window.team.label.text())
        [button] = [b for b in box.buttons() if b.text() == "Reconnect"]
        button.click()
        return True

    with ModalCloser(reconnect) as closer:
        with psycopg.connect(pg_server, autocommit=True) as admin:  # the server drops the officer's connections
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (officer[1],))
        qtbot.waitUntil(lambda: any(s.title == "Team library" for s in closer.seen), timeout=3000)
        told = next(s for s in closer.seen if s.title == "Team library")
        qtbot.waitUntil(lambda: "connection lost" not in window.team.label.text(), timeout=5000)
    assert "connection to the team library was lost" in told.text
    assert label_then[0].endswith("(SECRET) — connection lost")
    assert window.team.on_team and window.model.total == len(team_items)
    assert window.library.count() == len(team_items)  # a new, working connection


@pytest.fixture
def password_required(pg_server, officer):
    """The server asks this officer for their password (the test server trusts loopback otherwise)."""
    import psycopg

    role = officer[1]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        hba = Path(conn.execute("SHOW hba_file").fetchone()[0])
        if not hba.is_file() or not os.access(hba, os.W_OK):
            pytest.skip("the test server's pg_hba.conf cannot be changed from here (a remote server)")
        before = hba.read_text()
        rules = "".join(f"host all {role} {net} scram-sha-256\n" for net in ("127.0.0.1/32", "::1/128"))
        hba.write_text(rules + before)
        conn.execute("SELECT pg_reload_conf()")
    yield
    hba.write_text(before)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute("SELECT pg_reload_conf()")


def test_a_wrong_password_is_said_in_the_dialog_and_the_window_goes_on(own_window, qtbot, officer, team_items,
                                                                       password_required):
    own_title = tree_titles(own_window)
    result = connect_window(own_window, qtbot, officer[0], password="not the password")

    assert result["open"]  # still there to try again
    assert result["error"].startswith(f"Wrong password for {officer[1]}")
    assert "\n" not in result["error"]
    assert "Own library" in own_window.team.label.text() and tree_titles(own_window) == own_title
    own_window.add_note("Still working", "After a failed connection")
    assert "After a failed connection" in tree_titles(own_window)

    connect_window(own_window, qtbot, officer[0])  # the right one
    assert own_window.team.on_team


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("case", ["server down", "no such officer", "not initialised"])
def test_what_went_wrong_is_one_line(case, own_window, qtbot, officer, pg_server, team_library):
    import psycopg

    url = officer[0]
    parts = urlsplit(url)
    if case == "server down":
        url = url.replace(f":{parts.port}/", f":{_free_port()}/")
        expected = "cannot be reached"
    elif case == "no such officer":
        url = url.replace(f"//{parts.username}@", "//nobody_here@")
        expected = "nobody_here is not an officer of this server"
    else:
        empty = team_library.database + "_empty"
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {empty}")
        url = url.replace(f"/{team_library.database}", f"/{empty}")
        expected = "holds no team library yet"
    try:
        result = connect_window(own_window, qtbot, url)
    finally:
        if case == "not initialised":
            with psycopg.connect(pg_server, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {empty} WITH (FORCE)")
    assert expected in result["error"] and "\n" not in result["error"]
    assert PASSWORD not in result["error"]
    assert not own_window.team.on_team


def test_the_next_start_reopens_the_team_library(qtbot, officer, team_items, settings, memory_keyring, tmp_path):
    from ui.app import open_window
    from ui.team_connection import KEYRING_SERVICE, TeamConnection

    parts = urlsplit(officer[0])
    connection = TeamConnection(parts.hostname, parts.port, parts.path.lstrip("/"), parts.username)
    settings.team_connection, settings.on_team_library = connection.to_settings(), True
    settings.save()
    memory_keyring.set_password(KEYRING_SERVICE, connection.keyring_key, PASSWORD)

    window = open_window(settings, tmp_path / "own.sqlite3")
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.team.on_team, timeout=5000)
        assert window.model.total == len(team_items)
        assert f"— {parts.username} (SECRET)" in window.team.label.text()
    finally:
        window.close()


def test_the_next_start_asks_for_the_password_the_keyring_does_not_hold(qtbot, officer, team_items, settings,
                                                                         memory_keyring, password_required, tmp_path):
    from ui.app import open_window
    from ui.team_connection import TeamConnection

    parts = urlsplit(officer[0])
    connection = TeamConnection(parts.hostname, parts.port, parts.path.lstrip("/"), parts.username)
    settings.team_connection, settings.on_team_library = connection.to_settings(), True
    settings.save()
    asked: list[str] = []

    def type_password(dialog) -> bool:
        asked.append(dialog.reason.text())
        assert dialog.host.text() == parts.hostname and dialog.user.text() == parts.username  # remembered
        dialog.password.setText(PASSWORD)
        dialog.connect_button.click()
        wait_while(lambda: dialog.connecting)
        return True

    with ModalCloser(type_password):
        window = open_window(settings, tmp_path / "own.sqlite3")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.team.on_team, timeout=5000)
    try:
        assert len(asked) == 1 and "asks for" in asked[0]
        assert list(memory_keyring.secrets.values()) == [PASSWORD]  # "Remember" is ticked where there is a keyring
    finally:
        window.close()


def test_an_unreachable_team_library_at_start_opens_the_own_library(qtbot, officer, settings, tmp_path):
    from ui.app import open_window
    from ui.team_connection import TeamConnection

    parts = urlsplit(officer[0])
    settings.team_connection = TeamConnection("127.0.0.1", _free_port(), "briefing", parts.username).to_settings()
    settings.on_team_library = True
    settings.save()
    with ModalCloser() as closer:
        window = open_window(settings, tmp_path / "own.sqlite3")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: any(s.cls == "QMessageBox" for s in closer.seen), timeout=10000)
    try:
        told = next(s for s in closer.seen if s.cls == "QMessageBox")
        assert "cannot be reached" in told.text and "own library is open" in told.text
        assert "Own library" in window.team.label.text() and not window.team.on_team
    finally:
        window.close()


def test_the_window_on_the_team_library_looks_right(own_window, qtbot, officer, team_items, tmp_path):
    """The window grabbed offscreen while connected: it paints (the status bar's label included)."""
    connect_window(own_window, qtbot, officer[0])
    own_window.resize(1280, 760)
    own_window.select_item(own_window.library.query()[0])
    qtbot.wait(100)
    image = own_window.grab()
    path = tmp_path / "team-window.png"
    assert image.save(str(path)) and path.stat().st_size > 10_000
