""""Build briefing…": choose a template, fill the title block, preview, and save the Word document.

Save renders into a temporary file beside the destination and renames it into
place (briefing.brief.docx), then offers to open the document. A marking lower
than a cited source's needs the officer's confirmation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.brief.build import check_context_marking
from briefing.brief.context import build_context
from briefing.brief.docx import render_to_bytes, write_atomically
from briefing.brief.errors import BriefError, MarkingError
from briefing.brief.preview import docx_to_html
from briefing.brief.templates import list_templates
from briefing.model import MARKINGS
from briefing.settings import Settings

AUTO_PREVIEW_MAX_LINES = 150


def confirm_lower_marking(parent, error: MarkingError) -> bool:
    """Ask before a brief goes out marked lower than what it cites. Default answer: no."""
    sources = "\n".join(f"  • {s}" for s in error.sources[:6])
    answer = QMessageBox.warning(
        parent, "Marking lower than the sources",
        f"The brief is marked {error.brief_marking}, but it cites sources marked {error.required}:\n{sources}\n\n"
        f"Keep the lower marking {error.brief_marking}?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class BuildBriefDialog(QDialog):
    def __init__(self, library, brief_id, parent=None):
        super().__init__(parent)
        self.library = library
        self.brief_id = brief_id
        self.saved_path: Path | None = None
        self.setWindowTitle("Build briefing")
        self.resize(1000, 700)
        brief = library.brief(brief_id)
        settings = Settings.load()
        self._own_country = settings.own_country or ""

        form = QFormLayout()
        self.template = QComboBox()
        self.templates = list_templates()
        for t in self.templates:
            self.template.addItem(t.display, t)
            self.template.setItemData(self.template.count() - 1, t.description, Qt.ItemDataRole.ToolTipRole)
        self.description = QLabel(wordWrap=True)
        self.description.setStyleSheet("color: palette(mid);")
        self.title = QLineEdit(brief.title, placeholderText="(made from the countries in the brief)")
        self.recipient = QLineEdit(brief.recipient, placeholderText="e.g. The Minister")
        self.marking = QComboBox()
        self.marking.addItems(MARKINGS)
        marking = (brief.marking or settings.default_marking or MARKINGS[0]).upper()
        self.marking.setCurrentIndex(MARKINGS.index(marking) if marking in MARKINGS else 0)
        self.prepared_by = QLineEdit(brief.prepared_by or settings.prepared_by)
        self.output = QLineEdit(str(self._default_output(brief.name)))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        form.addRow("&Template:", self.template)
        form.addRow("", self.description)
        form.addRow("T&itle:", self.title)
        form.addRow("&Recipient:", self.recipient)
        form.addRow("&Marking:", self.marking)
        form.addRow("&Prepared by:", self.prepared_by)
        save_label = QLabel("&Save as:")
        save_label.setBuddy(self.output)
        form.addRow(save_label, out_row)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #a01010;")
        form.addRow("", self.problem)

        left = QWidget()
        left.setLayout(form)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 580])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = self.buttons.addButton("Refresh &preview", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.refresh_preview)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        # The preview follows the form by itself for briefs that render in a blink; a long brief takes
        # half a second, so it waits for "Refresh preview" instead of stalling the typing.
        self._auto = len(brief.lines) <= AUTO_PREVIEW_MAX_LINES
        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.refresh_preview)
        self.template.currentIndexChanged.connect(self._template_changed)
        for edit in (self.title, self.recipient, self.prepared_by):
            edit.textChanged.connect(self._changed)
        self.marking.currentIndexChanged.connect(self._changed)
        self._template_changed()
        self.refresh_preview()

    def done(self, result: int) -> None:
        self._timer.stop()  # no preview after the dialog is gone (the library may be closed by then)
        super().done(result)

    # ------------------------------------------------------------------ state
    def _default_output(self, name: str) -> Path:
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in (name or "brief")).strip() or "brief"
        return Path.home() / "Documents" / f"{safe}.docx" if (Path.home() / "Documents").is_dir() \
            else Path.home() / f"{safe}.docx"

    def current_template(self):
        return self.template.currentData()

    def overrides(self) -> dict:
        return {"title": self.title.text().strip() or None, "recipient": self.recipient.text().strip(),
                "prepared_by": self.prepared_by.text().strip(), "marking": self.marking.currentText()}

    def context(self) -> dict:
        return build_context(self.library, self.brief_id, own_country=self._own_country, overrides=self.overrides())

    def _template_changed(self) -> None:
        t = self.current_template()
        self.description.setText(t.description if t else "")
        self._changed()

    def _changed(self) -> None:
        if self._auto:
            self._timer.start()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save briefing as", self.output.text(), "Word document (*.docx)")
        if path:
            self.output.setText(path if path.lower().endswith(".docx") else path + ".docx")

    # ------------------------------------------------------------------ preview and save
    def refresh_preview(self) -> bool:
        """Render into memory and show it; a template problem is shown instead. True when it rendered."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = render_to_bytes(self.current_template(), self.context())
        except BriefError as exc:
            self.problem.setText(str(exc))
            self.preview.setHtml(f"<p style='color:#a01010'>{_escape(str(exc))}</p>")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.problem.setText("")
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(docx_to_html(data))
        self.preview.verticalScrollBar().setValue(scroll)
        return True

    def save(self, *, open_after: bool | None = None) -> Path | None:
        """Write the document; returns its path, or None when the officer cancelled or it failed."""
        out = Path(self.output.text().strip()).expanduser()
        if not out.name or out.suffix.lower() != ".docx":
            QMessageBox.warning(self, "Build briefing", "Choose a .docx file to save to.")
            return None
        context = self.context()
        try:
            check_context_marking(context)
        except MarkingError as exc:
            if not confirm_lower_marking(self, exc):
                return None
        except BriefError as exc:
            QMessageBox.warning(self, "Build briefing", str(exc))
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = write_atomically(render_to_bytes(self.current_template(), context), out)
        except BriefError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Build briefing", str(exc))
            return None
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Build briefing", f"Cannot write {out}: {exc.strerror or exc}")
            return None
        QGuiApplication.restoreOverrideCursor()
        self._remember()
        self.saved_path = path
        if open_after is None:
            open_after = QMessageBox.question(
                self, "Briefing saved", f"Saved {path.name} in {path.parent}.\n\nOpen it now?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                QMessageBox.StandardButton.Open) == QMessageBox.StandardButton.Open
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.accept()
        return path

    def _remember(self) -> None:
        """Keep the title block on the brief (one undoable step) so the next build starts from it."""
        brief = self.library.brief(self.brief_id)
        wanted = {"title": self.title.text().strip(), "recipient": self.recipient.text().strip(),
                  "prepared_by": self.prepared_by.text().strip(), "marking": self.marking.currentText()}
        changed = {k: v for k, v in wanted.items() if getattr(brief, k) != v}
        if changed:
            self.library.update_brief(self.brief_id, **changed)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
