"""The window on a team library: connecting, going back to the officer's own library, the status bar's
"which library, as whom", and the commands a team library cannot do yet.

What a command needs is asked of the library by name (``team_library.supports``): the same window code
runs on the officer's own library and on a team library, and a command comes alive on a team library as
soon as its store offers the operation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox
from shiboken6 import isValid

from briefing.paths import default_library_path
from ui.connect_attempt import ConnectAttempt
from ui.dialogs.connect_team import ConnectTeamDialog
from ui.team_connection import (
    ConnectFailed,
    TeamConnection,
    TeamOpener,
    forget_password,
    stored_password,
)
from ui.team_library import NOT_YET, TeamLibrary, supports

# The library operations each command needs, beyond the core every library has (CoreStore).
NEEDS: dict[str, tuple[str, ...]] = {
    "backup": ("backup",),
    "backups": ("backup_now",),
    "export_json": ("export_json",),
    "duplicate_brief": ("duplicate_brief",),
    "edit_brief": ("move_line", "update_brief", "set_line_wording"),
    "build_brief": ("update_brief",),
}
IMPORT_ACTIONS = ("import_files", "import_folder")


class TeamSession(QObject):
    """Belongs to a MainWindow: its File ▸ Connect / Open own library, and the library label."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel(objectName="library_label")
        window.statusBar().addPermanentWidget(self.label)
        self._tips = {name: action.toolTip() for name, action in window.actions.items()}
        self._duplicate_tip = window.briefs_bar.duplicate_button.toolTip()
        self.own_path: Path | None = None  # the officer's own library this window was last on
        self._login: tuple[TeamConnection, str | None] | None = None  # the team library's, while on it
        self._lost = False  # the team library's server stopped answering
        self._pending: ConnectAttempt | None = None  # reopening or reconnecting, off the window's thread
        window.watcher.failed.connect(self._on_watch_failed)

    @property
    def settings(self):
        return self.window.settings

    @property
    def on_team(self) -> bool:
        return isinstance(self.window.library, TeamLibrary)

    def remembered(self) -> TeamConnection | None:
        return TeamConnection.from_settings(self.settings.team_connection)

    # --- connecting ----------------------------------------------------------------------------------
    def connect_dialog(self, reason: str = "") -> bool:
        """File ▸ Connect to team library…: True once the window is on the team library."""
        self._give_up_pending()  # the officer's choice now, not the reopening still under way
        dialog = ConnectTeamDialog(self.remembered(), self.window, reason=reason)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None:
                return False
            self.open_store(dialog.store, dialog.connection(), dialog.password.text() or None)
            return True
        finally:
            dialog.deleteLater()

    def open_store(self, store, connection: TeamConnection, password: str | None) -> None:
        """Show the team library ``store`` (just opened) in the window; remember where it is, not the password
        (held in memory for the import process to log in with)."""
        library = TeamLibrary(store, self.settings, connection.place, TeamOpener(connection, password))
        self._login = (connection, password)
        self.settings.team_connection = connection.to_settings()
        self.settings.on_team_library = True
        self.settings.save()
        self.window.replace_library(library)
        self.window.show_message(f"Connected to the team library {library.database} on {connection.place} "
                                 f"as {store.user}")

    def open_own(self) -> bool:
        """File ▸ Open own library: back to the officer's own library file."""
        path = self.own_path or Path(self.settings.last_library or default_library_path())
        self.settings.on_team_library = False  # switch_library saves the settings
        return bool(self.window.switch_library(path))

    def reopen_last(self) -> bool:
        """At start: back on the team library the window was on when it closed. The password comes from the
        keyring (or ~/.pgpass); otherwise, or when the server refuses it, the officer is asked. The window is
        up and working on the own library meanwhile: the connection is tried off its thread, and a server
        that cannot be reached is said so (status bar and a message), the own library staying open.

        True if an attempt was started (its outcome comes later)."""
        connection = self.remembered()
        if not self.settings.on_team_library or connection is None:
            return False
        password = stored_password(connection)
        self._start(connection, password, "Reconnecting to",
                    lambda store, failure: self._reopened(connection, password, store, failure))
        return True

    def _reopened(self, connection: TeamConnection, password: str | None, store, failure: ConnectFailed | None) -> None:
        if failure is None:
            self.open_store(store, connection, password)
            return
        if failure.unreachable:
            self.window.show_message(f"The team library is not reachable: {failure} Your own library is open.", 0)
            QMessageBox.warning(self.window, "Team library",
                                f"{failure}\n\nYour own library is open; File ▸ Connect to team library… tries again.")
            return
        if password is not None:
            forget_password(connection)  # refused: ask, rather than fail the same way at every start
        if self.connect_dialog(reason=f"Reconnecting to the team library you were on: {failure}"):
            return
        self.settings.on_team_library = False  # the officer chose their own library for now
        self.settings.save()

    def _start(self, connection: TeamConnection, password: str | None, doing: str, done) -> None:
        """Try ``connection`` off the window's thread, saying so in the status bar; ``done(store, failure)``
        runs on the window's thread unless the officer has moved on meanwhile (another library, the dialog)."""
        self._give_up_pending()
        attempt = ConnectAttempt(connection, password)
        library = self.window.library

        def ended(_store, failure) -> None:
            if not isValid(self):  # the window was closed meanwhile
                attempt.abandon()
                return
            if self._pending is not attempt:
                return  # given up
            self._pending = None
            store = attempt.claim()
            if self.window.library is not library:  # the window is on another library now: leave it there
                attempt.abandon()
                if store is not None:
                    store.close()
                return
            done(store, failure)

        attempt.ended.connect(ended)
        self._pending = attempt
        self.window.show_message(f"{doing} the team library {connection.database} on {connection.place}…", 0)
        attempt.start()

    def _give_up_pending(self) -> None:
        attempt, self._pending = self._pending, None
        if attempt is not None:
            attempt.abandon()
            self.window.show_message("")

    @property
    def connecting(self) -> bool:
        """Is a reopening or reconnection under way (off the window's thread)?"""
        return self._pending is not None

    # --- a lost server ----------------------------------------------------------------------------------
    def _on_watch_failed(self, exc: BaseException) -> None:
        """The watcher could not reach the team library: said once, with the ways on."""
        if not self.on_team or self._lost or not _lost_connection(exc):
            return
        self._lost = True
        self.window.watcher.stop()  # nothing to follow until it is back
        self.label.setText(f"{self.window.library.describe()} — connection lost")
        self.label.setStyleSheet("color: #b00020")
        reason = " ".join(str(exc).split())
        QTimer.singleShot(0, self, lambda: self._offer_reconnect(reason))  # not inside the watcher's tick

    def _offer_reconnect(self, reason: str) -> None:
        if not self._lost:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Team library",
                          f"The connection to the team library was lost ({reason}). Nothing can be saved there "
                          "until it is back.", parent=self.window)
        reconnect = box.addButton("Reconnect", QMessageBox.ButtonRole.AcceptRole)
        own = box.addButton("Open own library", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reconnect:
            self.reconnect()
        elif box.clickedButton() is own:
            self.open_own()

    def reconnect(self) -> bool:
        """Log in again as before (same officer, same password) and show the team library afresh. The window
        stays usable while the server is tried; a failure is said in a message."""
        if self._login is None:
            return self.connect_dialog()
        connection, password = self._login

        def done(store, failure) -> None:
            if failure is not None:
                self.window.show_message(f"Reconnecting failed: {failure}")
                QMessageBox.warning(self.window, "Team library",
                                    f"{failure}\n\nFile ▸ Connect to team library… tries again.")
                return
            self.open_store(store, connection, password)

        self._start(connection, password, "Reconnecting to", done)
        return True

    # --- what the window shows -------------------------------------------------------------------------
    def library_attached(self, library) -> None:
        """The window now shows ``library``: the status bar names it, the commands it cannot do are off."""
        self._lost = False
        self.label.setStyleSheet("")
        if isinstance(library, TeamLibrary):
            self.label.setText(library.describe())
            self.label.setToolTip(f"{library.path}\nYou see the sources marked up to {library.store.clearance}.")
        else:
            self._login = None
            self.own_path = Path(library.path)
            self.label.setText(f"Own library {_home_relative(library.path)}")
            self.label.setToolTip(str(library.path))
        self._enable_commands(library)

    def can_import(self) -> bool:
        """The window's import runs in a process that opens the library itself (a team library: as the officer)."""
        library = self.window.library
        if not isinstance(library, TeamLibrary):
            return True
        return library.import_target is not None and supports(library.store, "import_iter")

    def _enable_commands(self, library) -> None:
        actions = self.window.actions
        for name, needs in NEEDS.items():
            self._offer(actions[name], supports(library, *needs), self._tips.get(name, ""))
        for name in IMPORT_ACTIONS:
            self._offer(actions[name], self.can_import(), self._tips.get(name, ""))
        actions["open_own_library"].setEnabled(self.on_team)
        duplicate = self.window.briefs_bar.duplicate_button  # the bar enables it when there is a brief
        able = supports(library, "duplicate_brief")
        duplicate.setToolTip(self._duplicate_tip if able else f"Duplicate brief: {NOT_YET}")
        if not able:
            duplicate.setEnabled(False)

    @staticmethod
    def _offer(action, able: bool, tip: str) -> None:
        action.setEnabled(able)
        text = action.text().replace("&", "").rstrip("…")
        action.setToolTip(tip if able else f"{text}: {NOT_YET}")
        action.setStatusTip(tip if able else f"{text}: {NOT_YET}")


def _lost_connection(exc: BaseException) -> bool:
    """Is this psycopg saying the line to the server is gone (not a query it refused)?"""
    import psycopg

    return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))


def _home_relative(path) -> str:
    path = Path(path)
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
