"""The brief in hand: pick one of the library's named briefs, create, rename, duplicate, delete."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QToolButton, QWidget


class BriefsBar(QWidget):
    """Shows the current brief and its picked count; ``briefChanged(id)`` when the user switches."""

    briefChanged = Signal(object)  # brief id or None

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(QLabel("Brief:"))
        self.combo = QComboBox(toolTip="The brief the check boxes fill; each brief keeps its own picked items")
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layout.addWidget(self.combo)
        self.new_button = self._button("New…", "Start a new, empty brief", self.create)
        self.rename_button = self._button("Rename…", "Rename the current brief", self.rename)
        self.duplicate_button = self._button("Duplicate…", "Copy the current brief and its picked items", self.duplicate)
        self.delete_button = self._button("Delete", "Delete the current brief (its items stay in the library)",
                                          self.delete)
        for b in (self.new_button, self.rename_button, self.duplicate_button, self.delete_button):
            layout.addWidget(b)
        self.count = QLabel(toolTip="Items picked for this brief")
        layout.addWidget(self.count)
        self.combo.activated.connect(self._on_activated)
        self.reload()

    def _button(self, text, tip, slot) -> QToolButton:
        button = QToolButton(text=text, toolTip=tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def set_library(self, library) -> None:
        self.library = library
        self.reload()

    def current_id(self) -> int | None:
        return self.combo.currentData()

    def reload(self) -> None:
        """Refill from the library (after any change to briefs, and after undo)."""
        lib = self.library
        self.combo.blockSignals(True)
        self.combo.clear()
        if lib is None:
            self.combo.blockSignals(False)
            return
        briefs = lib.briefs()
        current = lib.current_brief_id()
        for brief in briefs:
            self.combo.addItem(brief.name, brief.id)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(index if index >= 0 else 0 if briefs else -1)
        self.combo.blockSignals(False)
        has = bool(briefs)
        for b in (self.rename_button, self.duplicate_button, self.delete_button):
            b.setEnabled(has)
        if not callable(getattr(lib, "duplicate_brief", None)):  # a team library's store without it, yet
            self.duplicate_button.setEnabled(False)
        self.set_count(sum(b.item_count for b in briefs if b.id == self.current_id()))

    def set_count(self, n: int) -> None:
        self.count.setText(f"<b>{n}</b> picked")

    # -- actions ------------------------------------------------------------------------------------
    def _on_activated(self, _index: int) -> None:
        brief_id = self.current_id()
        if brief_id is not None and brief_id != self.library.current_brief_id():
            self.library.set_current_brief(brief_id)
        self.briefChanged.emit(brief_id)

    def select(self, brief_id: int) -> None:
        self.library.set_current_brief(brief_id)
        self.reload()
        self.briefChanged.emit(brief_id)

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        name = name.strip()
        return name if ok and name else None

    def create(self, name: str | None = None) -> int | None:
        name = name or self._ask_name("New brief", "Name of the new brief:")
        if not name:
            return None
        brief_id = self.library.create_brief(name)
        self.select(brief_id)
        return brief_id

    def rename(self, name: str | None = None) -> None:
        brief_id = self.current_id()
        if brief_id is None:
            return
        name = name or self._ask_name("Rename brief", "New name:", self.combo.currentText())
        if name:
            self.library.rename_brief(brief_id, name)
            self.reload()

    def duplicate(self, name: str | None = None) -> int | None:
        brief_id = self.current_id()
        if brief_id is None:
            return None
        name = name or self._ask_name("Duplicate brief", "Name of the copy:", f"{self.combo.currentText()} (copy)")
        if not name:
            return None
        new_id = self.library.duplicate_brief(brief_id, name)
        self.select(new_id)
        return new_id

    def delete(self, confirm: bool = True) -> None:
        brief_id = self.current_id()
        if brief_id is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, "Delete brief",
                f"Delete the brief “{self.combo.currentText()}”?\nIts items stay in the library; Undo brings it back.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.library.delete_brief(brief_id)
        self.reload()
        self.briefChanged.emit(self.library.current_brief_id())
