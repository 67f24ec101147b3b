"""The Brief menu's work: the brief editor dock, "Build briefing…", "Print summary…", "Export PDF…".

The rendering lives in briefing.brief and the dialogs in ui/dialogs/; this only finds the current brief,
opens the right dialog on it and keeps the editor dock following the brief the window shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from ui.briefs_bar import BriefsBar


class BriefActions(QObject):
    def __init__(self, window: QMainWindow, briefs_bar: BriefsBar):
        super().__init__(window)
        self.window = window
        self.briefs_bar = briefs_bar
        self.editor_dock: QDockWidget | None = None
        self.library = None

    def set_library(self, library) -> None:
        self.library = library

    def close_editor(self) -> None:
        if self.editor_dock is not None:
            self.editor_dock.close()
            self.editor_dock.deleteLater()
            self.editor_dock = None

    def follow_brief(self, brief_id: int | None) -> None:
        """The window shows another brief: so does the editor, when open."""
        if self.editor_dock is not None and brief_id is not None:
            self.editor_dock.widget().set_brief(brief_id)

    def _current_brief(self) -> int | None:
        brief_id = self.briefs_bar.current_id()
        if brief_id is None:
            QMessageBox.information(self.window, "Brief", "Create a brief first (Brief ▸ New brief).")
        return brief_id

    def _missing(self, what: str, exc: Exception) -> None:
        QMessageBox.information(self.window, what, f"{what} is not available in this installation.\n({exc})")

    def edit_brief(self) -> None:
        brief_id = self._current_brief()
        if brief_id is None:
            return
        try:
            from ui.dialogs.brief_editor import BriefEditor
        except ImportError as exc:
            self._missing("The brief editor", exc)
            return
        if self.editor_dock is None:
            dock = QDockWidget("Brief", self.window)
            dock.setObjectName("brief_editor")
            dock.setWidget(BriefEditor(self.library, dock))
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.editor_dock = dock
        self.editor_dock.widget().set_brief(brief_id)
        self.editor_dock.show()
        self.editor_dock.raise_()

    def build_brief(self) -> None:
        brief_id = self._current_brief()
        if brief_id is None:
            return
        try:
            from ui.dialogs.build_brief import BuildBriefDialog
        except ImportError as exc:
            self._missing("Building a briefing", exc)
            return
        dialog = BuildBriefDialog(self.library, brief_id, self.window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def print_summary(self) -> None:
        brief_id = self._current_brief()
        if brief_id is None:
            return
        try:
            from ui.dialogs.print_summary import open_print_preview
        except ImportError as exc:
            self._missing("Printing", exc)
            return
        open_print_preview(self.library, brief_id, self.window)

    def export_pdf(self) -> None:
        brief_id = self._current_brief()
        if brief_id is None:
            return
        try:
            from ui.dialogs.print_summary import export_pdf
        except ImportError as exc:
            self._missing("PDF export", exc)
            return
        path = export_pdf(self.library, brief_id, self.window)
        if path is not None:
            self.window.show_message(f"Summary saved as {path}")
