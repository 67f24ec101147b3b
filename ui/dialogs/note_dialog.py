"""A note of the officer's own: a key point or a talking point."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit


class NoteDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Add note")
        form = QFormLayout(self)
        self.title = QLineEdit(placeholderText="A short heading (optional)")
        self.text = QPlainTextEdit(placeholderText="Your key point or talking point…")
        self.text.setMinimumSize(420, 140)
        form.addRow("Title", self.title)
        form.addRow("Text", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def note(self) -> tuple[str, str]:
        """(title, text) as typed, trimmed."""
        return self.title.text().strip(), self.text.toPlainText().strip()
