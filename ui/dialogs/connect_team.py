"""File ▸ Connect to team library…: the server, the database, the officer's user name and password.

Connect tries at once, off the window's thread (``ui.connect_attempt``): while it waits for the server the
dialog says "Connecting to host:port…", Connect is off and Cancel still works (it gives the attempt up); the
window goes on painting. On failure the dialog stays open with one line naming the server and why (wrong
password, server down, no such officer, no team library in that database) and the officer corrects what it
names. On success ``store`` holds the open team library and the dialog is accepted. The password is kept only in the system
keyring, unless the officer unticks "Remember" (the box is off, with the reason, where there is none).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
)

from ui.connect_attempt import ConnectAttempt
from ui.team_connection import (
    DEFAULT_PORT,
    ConnectFailed,
    TeamConnection,
    keyring_usable,
    store_password,
)

NO_KEYRING = ("There is no system keyring here (such as the Secret Service, Keychain or Credential Locker): "
              "the password is asked for at each connection and never written down.")


class ConnectTeamDialog(QDialog):
    def __init__(self, connection: TeamConnection | None = None, parent=None, *, reason: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Connect to team library")
        self.store = None  # the open PgStore once connected
        self.attempt: ConnectAttempt | None = None  # the connection being tried, off the window's thread
        layout = QVBoxLayout(self)
        self.reason = QLabel(reason or "The desk's shared library on its PostgreSQL server. You log in as yourself: "
                                 "you see what your clearance allows.")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)

        form = QFormLayout()
        self.host = QLineEdit(placeholderText="dbhost.ministry.example")
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.database = QLineEdit("briefing")
        self.user = QLineEdit(placeholderText="your user name on the server")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Remember the password in the system keyring")
        self._keyring = keyring_usable()
        if self._keyring:
            self.remember.setChecked(True)  # the next start then needs no password typed
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(NO_KEYRING)
        form.addRow("Server", self.host)
        form.addRow("Port", self.port)
        form.addRow("Database", self.database)
        form.addRow("User name", self.user)
        form.addRow("Password", self.password)
        form.addRow("", self.remember)
        layout.addLayout(form)

        self.error = QLabel(objectName="connect_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)

        self.status = QLabel(objectName="connect_status")  # "Connecting to dbhost:5432…" while it waits
        self.status.hide()
        layout.addWidget(self.status)
        self.busy = QProgressBar(objectName="connect_busy", minimum=0, maximum=0, textVisible=False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        layout.addWidget(self.busy)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton("Connect", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

        if connection is not None:
            self.host.setText(connection.host)
            self.port.setValue(connection.port)
            self.database.setText(connection.database)
            self.user.setText(connection.user)
        # the first empty field has the cursor: the password when the rest is remembered
        for field in (self.host, self.database, self.user, self.password):
            if not field.text():
                field.setFocus()
                break

    def connection(self) -> TeamConnection:
        return TeamConnection(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                              self.user.text().strip())

    @property
    def connecting(self) -> bool:
        return self.attempt is not None

    def try_connect(self) -> None:
        """Connect with what is typed, off the window's thread; the dialog is accepted once connected, or says
        why not and stays open."""
        if self.attempt is not None:
            return
        connection = self.connection()
        self.error.hide()
        self.attempt = ConnectAttempt(connection, self.password.text() or None)
        self.attempt.ended.connect(self._attempt_ended)
        self._set_busy(connection)
        self.attempt.start()

    def _attempt_ended(self, store, failure: ConnectFailed | None) -> None:
        attempt, self.attempt = self.attempt, None
        if attempt is None:
            return  # given up (Cancel) before it ended: it closes what it opened itself
        self._set_busy(None)
        if failure is not None:
            self.show_error(str(failure))
            return
        self.store = attempt.claim()
        if self.remember.isChecked():
            store_password(attempt.connection, self.password.text())
        self.accept()

    def reject(self) -> None:
        """Cancel: also while connecting (the attempt is given up and its connection closed if it opens)."""
        attempt, self.attempt = self.attempt, None
        if attempt is not None:
            attempt.ended.disconnect(self._attempt_ended)
            attempt.abandon()
            self._set_busy(None)
        super().reject()

    def _set_busy(self, connection: TeamConnection | None) -> None:
        """While connecting: what is typed is kept as it is, Connect is off, the dialog says where it is trying."""
        busy = connection is not None
        for field in (self.host, self.port, self.database, self.user, self.password):
            field.setEnabled(not busy)
        self.remember.setEnabled(self._keyring and not busy)
        self.connect_button.setEnabled(not busy)
        if connection is not None:
            self.status.setText(f"Connecting to {connection.place}…")
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self.status.setVisible(busy)
        self.busy.setVisible(busy)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()
