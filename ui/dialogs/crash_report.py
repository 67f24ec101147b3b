"""Shown at start when the last run crashed: the report faulthandler left, to read, copy or send on."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout


class CrashReportDialog(QDialog):
    def __init__(self, report: str, path: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Crash report")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"The report is kept in <code>{path}</code>. Please send it to whoever looks "
                                "after Briefing Builder, with what you were doing at the time."))
        self.text = QPlainTextEdit(report, readOnly=True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumSize(720, 360)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def offer_crash_report(report: str, path: str, parent=None) -> bool:
    """Ask whether to show the last run's crash report; shows it if so. True when shown."""
    answer = QMessageBox.question(
        parent, "Briefing Builder stopped unexpectedly",
        "Briefing Builder stopped unexpectedly the last time it ran, and saved a crash report.\n\n"
        "Your library is safe: every change was saved when it was made. Show the report?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    CrashReportDialog(report, path, parent).exec()
    return True
