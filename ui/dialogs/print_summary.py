""""Print summary…" and "Export PDF…": the brief's one-to-two page summary, previewed or written as PDF.

The HTML comes from briefing.brief (templates/summary.html.j2); ui/printer.py lays
it out with the marking on every page, for the preview and the PDF alike, the same
code the command line's `briefing summary -o x.pdf` uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing.brief.build import check_context_marking
from briefing.brief.context import build_context
from briefing.brief.errors import BriefError, MarkingError
from briefing.brief.summary import render_summary_html
from briefing.settings import Settings
from ui.dialogs.build_brief import confirm_lower_marking
from ui.printer import html_to_pdf, print_html, setup_page


def summary_for(library, brief_id, parent) -> str | None:
    """The summary's HTML, after the marking check (asking the officer); None when cancelled or failed."""
    try:
        context = build_context(library, brief_id, own_country=Settings.load().own_country or "")
        try:
            check_context_marking(context)
        except MarkingError as exc:
            if not confirm_lower_marking(parent, exc):
                return None
        return render_summary_html(context)
    except BriefError as exc:
        QMessageBox.warning(parent, "Print summary", str(exc))
        return None


class SummaryPreviewDialog(QPrintPreviewDialog):
    """The print preview of the summary; it owns its QPrinter.

    QPrintPreviewDialog only borrows the printer it is given. A printer held by nothing but a local
    variable was freed by Python as soon as the function that made it returned, and the dialog then
    painted on freed memory (a segfault on every "Print summary…").
    """

    def __init__(self, html: str, parent=None):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_page(printer)
        super().__init__(printer, parent)
        self._printer = printer  # lives exactly as long as the dialog
        self._html = html
        self.setWindowTitle("Print summary")
        self.resize(900, 1000)
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        print_html(self._html, printer)


def make_preview(html: str, parent) -> SummaryPreviewDialog:
    return SummaryPreviewDialog(html, parent)


def open_print_preview(library, brief_id, parent) -> int | None:
    html = summary_for(library, brief_id, parent)
    if html is None:
        return None
    dialog = make_preview(html, parent)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()  # the dialog, then its printer; not one before the other


def export_pdf(library, brief_id, parent, path: str | Path | None = None) -> Path | None:
    """Ask where (unless ``path`` is given), write the summary PDF; returns the path or None."""
    html = summary_for(library, brief_id, parent)
    if html is None:
        return None
    if path is None:
        name = library.brief(brief_id).name or "summary"
        chosen, _ = QFileDialog.getSaveFileName(parent, "Export summary as PDF", str(Path.home() / f"{name}.pdf"),
                                                "PDF (*.pdf)")
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
    path = Path(path)
    try:
        html_to_pdf(html, path)
    except OSError as exc:
        QMessageBox.warning(parent, "Export PDF", f"Cannot write {path}: {exc.strerror or exc}")
        return None
    return path
