"""File ▸ Connect to team library…: the server, the database, the officer's user name and password.

Connect tries at once: on failure the dialog stays open with one line saying why (wrong password, server
down, no such officer, no team library in that database) and the officer corrects what it names. On success
``store`` holds the open team library and the dialog is accepted. The password is kept only in the system
keyring, unless the officer unticks "Remember" (the box is off, with the reason, where there is none).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ui.team_connection import (
    DEFAULT_PORT,
    ConnectFailed,
    TeamConnection,
    connect,
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
        if keyring_usable():
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

    def try_connect(self) -> bool:
        """Connect with what is typed; accept on success, else show why and stay open."""
        connection = self.connection()
        self.error.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store = connect(connection, self.password.text() or None)
        except ConnectFailed as exc:
            self.show_error(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember.isChecked():
            store_password(connection, self.password.text())
        self.accept()
        return True

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()
