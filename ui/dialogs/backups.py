"""File ▸ Backups…: the library's backups (made before upgrades, before re-extracting everything, daily and by
hand), newest first, with Back up now and Restore; and the offer to restore when a damaged library opens.

Restoring replaces the library file, so the window closes its library first and opens it again after
(``restore`` is the window's callback); what was there is kept as one more backup by the core.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.library import backups as backup_store


class BackupsDialog(QDialog):
    def __init__(self, library, restore: Callable[[backup_store.Backup], None], parent=None):
        super().__init__(parent)
        self.library = library
        self.restore = restore
        self.setWindowTitle("Backups")
        self.setMinimumSize(560, 320)
        layout = QVBoxLayout(self)
        self.where = QLabel(wordWrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.list = QListWidget()
        self.list.itemSelectionChanged.connect(self._enable)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore…")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self._backup_now)
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        found = backup_store.list_backups(self.library.path)
        for backup in found:
            item = QListWidgetItem(backup.label)
            item.setData(Qt.ItemDataRole.UserRole, backup)
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.where.setText(
            f"{len(found)} backup{'s' if len(found) != 1 else ''} of {self.library.path}, newest first, kept in "
            f"{backup_store.folder_for(self.library.path)}" if found else
            f"No backups of {self.library.path} yet. One is made daily while you work, before an upgrade and "
            f"before re-extracting every source.")
        if found:
            self.list.setCurrentRow(0)
        self.backup_button.setEnabled(self.library.damaged is None)
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def selected(self) -> backup_store.Backup | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _backup_now(self) -> None:
        self.library.backup_now()
        self.refresh()

    def _restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self, "Restore backup",
            f"Put back the library as it was at {backup.label.split('  ')[0]}?\n\n"
            "Changes made since then leave the library; what is there now is kept as one more backup.")
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(backup)
            self.accept()


_offered: weakref.WeakKeyDictionary[QWidget, set[tuple[Path, backup_store.Backup | None]]] = \
    weakref.WeakKeyDictionary()  # by window: the backups it has offered


class RestoreOffer(QObject):
    """Asks ``offer_restore`` over ``window`` once the window is on screen, and only then.

    Asking from the window's constructor (or a zero timer set there) would put up a modal question before the
    window, over nothing the officer can see, and block whoever opens the window until it is answered. The
    question is tied to the window: it is dropped if the window closes or opens another library first, and a
    window offers each backup once.
    """

    def __init__(self, window: QWidget, library, restore: Callable[[backup_store.Backup], None]) -> None:
        super().__init__(window)
        self.window, self.library, self.restore = window, library, restore
        if window.isVisible():
            self._ask_soon()
        else:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            self._ask_soon()
        return False

    def _ask_soon(self) -> None:
        # once the show is handled and the window laid out: the officer sees what is still readable behind it
        QTimer.singleShot(0, self, self._ask)

    def _ask(self) -> None:
        self.deleteLater()
        if not self.window.isVisible() or getattr(self.window, "library", None) is not self.library:
            return
        newest = next(iter(backup_store.list_backups(self.library.path)), None)
        asked = _offered.setdefault(self.window, set())
        # once per backup: a restore that failed (the backup itself damaged) reopens the damaged library, and
        # asking again would go round for ever; the warning said to choose another (File ▸ Backups…)
        if (self.library.path, newest) not in asked:
            asked.add((self.library.path, newest))
            offer_restore(self.window, self.library, self.restore)



def offer_restore(parent, library, restore: Callable[[backup_store.Backup], None]) -> None:
    """A damaged library was opened (read-only): say so, and offer its newest backup."""
    found = backup_store.list_backups(library.path)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Damaged library")
    box.setText(f"The library {library.path} is damaged ({library.damaged}).")
    if found:
        box.setInformativeText(f"It is open read-only: nothing will be written to it. The newest backup is from "
                               f"{found[0].label.split('  ')[0]}.")
        restore_button = box.addButton("Restore that backup", QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText("It is open read-only: nothing will be written to it. There is no backup of it.")
        restore_button = None
    box.addButton("Keep it read-only", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore_button is not None and box.clickedButton() is restore_button:
        restore(found[0])
