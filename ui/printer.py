"""Prints HTML (the brief summary) with the marking on every page: to a PDF file or to a print preview.

Shared by the window ("Print summary…", "Export PDF…") and the command line
(`briefing summary -o x.pdf`), which has no display: ``html_to_pdf`` creates an
offscreen QGuiApplication when none exists. The page marking is read from the
HTML's ``<meta name="marking" content="...">``.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

_app = None  # the offscreen application made for headless use; kept alive for the process

_MARKING_RE = re.compile(r"""<meta\s+name=["']marking["']\s+content=["']([^"']*)["']""", re.IGNORECASE)


def ensure_app() -> None:
    """Qt's text layout needs a GUI application; make an offscreen one when running headless."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["briefing", "-platform", "offscreen"])


def marking_of(html: str) -> str:
    m = _MARKING_RE.search(html)
    return html_lib.unescape(m.group(1)) if m else ""


def setup_page(printer: QPrinter) -> None:
    """A4 portrait, 18 mm side margins; header and footer bands come out of the page body."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(18, 12, 18, 12), QPageLayout.Unit.Millimeter))


def print_html(html: str, printer: QPrinter) -> int:
    """Lay ``html`` out on the printer's pages, marking in header and footer and 'page n of m'.

    Returns the number of pages. Used for the PDF file and as the preview's paintRequested handler.
    """
    marking = marking_of(html)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(printer)
    doc.setHtml(html)
    dpi = printer.resolution()
    page = printer.pageLayout().paintRectPixels(dpi)
    band = int(dpi * 0.4)  # 10 mm for the marking above and below the text
    body = QRectF(0, band, page.width(), page.height() - 2 * band)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    pages = max(doc.pageCount(), 1)

    band_font = QFont("Sans Serif")
    band_font.setPointSizeF(8.5)
    band_font.setBold(True)
    small_font = QFont("Sans Serif")
    small_font.setPointSizeF(7.5)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("cannot start printing (is the output file writable?)")
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - index * body.height())
            doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            painter.save()
            painter.setFont(band_font)
            painter.setPen(Qt.GlobalColor.darkRed)
            if marking:
                painter.drawText(QRectF(0, 0, page.width(), band * 0.6), Qt.AlignmentFlag.AlignHCenter
                                 | Qt.AlignmentFlag.AlignTop, marking)
                painter.drawText(QRectF(0, page.height() - band, page.width(), band * 0.55),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, marking)
            painter.setFont(small_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(QRectF(0, page.height() - band * 0.42, page.width(), band * 0.42),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             f"page {index + 1} of {pages}")
            painter.restore()
    finally:
        painter.end()
    return pages


def html_to_pdf(html: str, out_path: Path) -> None:
    """Write ``html`` as a PDF at ``out_path`` (through a temporary file renamed into place)."""
    ensure_app()
    out_path = Path(out_path).expanduser()
    folder = out_path.parent
    if not folder.is_dir():
        raise OSError(f"Folder does not exist: {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.stem}.", suffix=".pdf", dir=folder)
    os.close(fd)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(tmp)
        printer.setDocName(out_path.stem)
        setup_page(printer)
        print_html(html, printer)
        if Path(tmp).stat().st_size == 0:
            raise OSError(f"nothing was written to {out_path}")
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
