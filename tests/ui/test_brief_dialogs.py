"""The brief editor, "Build briefing…" and "Print summary…", driven as an officer would."""

from __future__ import annotations

import pytest
from docx import Document
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

import ui.dialogs.build_brief as build_module
from tests.core.test_brief_fixtures import all_text, make_library
from tests.ui.modal import ModalCloser
from tests.ui.test_brief_printer import pdf_text
from ui.dialogs.brief_editor import BriefEditor
from ui.dialogs.build_brief import BuildBriefDialog
from ui.dialogs.print_summary import export_pdf, open_print_preview


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id, ids
    library.close()


@pytest.fixture
def editor(qtbot, lib):
    library, brief_id, ids = lib
    widget = BriefEditor(library)
    qtbot.addWidget(widget)
    widget.set_brief(brief_id)
    yield widget, library, brief_id, ids
    widget.set_brief(None)


def _rows(widget) -> list[str]:
    model = widget.model
    return [model.index(r).data() for r in range(model.rowCount())]


def test_editor_lists_lines_in_order_with_citations(editor):
    widget, library, brief_id, ids = editor
    rows = _rows(widget)
    assert len(rows) == len(library.picked_ids(brief_id)) == 9
    assert rows[0] == "1. Event: Meeting between Foreign Minister Vivian Balakrishnan and Foreign Minister Bui Thanh Son in Hanoi  [1]"
    assert "Figure: Two-way trade stood at US$6.2 billion in 2020  [1]" in rows[6]
    assert widget.count.text() == "9 lines"


def test_drag_and_drop_reorders_the_brief(editor):
    widget, library, brief_id, ids = editor
    model = widget.model
    mime = model.mimeData([model.index(7)])  # "Cyber security"
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
    assert library.picked_ids(brief_id)[0] == ids["cyber security"]
    assert _rows(widget)[0] == "1. Area: Cyber security  [1]"  # reloaded from the library's notice
    # the view's own move path, and the buttons
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 9)
    assert library.picked_ids(brief_id)[-1] == ids["cyber security"]
    widget.select_item(ids["cyber security"])
    widget.up.click()
    assert library.picked_ids(brief_id)[-2] == ids["cyber security"]
    assert library.undo_name() == "Move line"


def test_wording_changes_the_brief_not_the_item(editor):
    widget, library, brief_id, ids = editor
    widget.select_item(ids["cyber security"])
    widget.wording.setPlainText("Cyber security cooperation is expanding")
    widget.apply.click()
    assert library.brief(brief_id).lines[7].wording == "Cyber security cooperation is expanding"
    assert library.item(ids["cyber security"]).fields["name"] == "cyber security"
    assert "The item says: Cyber security" in widget.item_says.text()
    widget.reset.click()
    assert library.brief(brief_id).lines[7].wording is None


def test_purpose_and_key_points_are_saved_and_prefilled_from_notes(editor, qtbot):
    widget, library, brief_id, _ = editor
    assert widget.purpose.toPlainText() == "To prepare the Minister for talks with Bui Thanh Son."
    widget.purpose.setPlainText("New purpose")
    widget.save_text()
    assert library.brief(brief_id).purpose == "New purpose"
    library.update_brief(brief_id, key_points="")
    note = library.add_note("Vietnam wants quick progress on digital trade")
    library.set_picked(brief_id, [note], True)
    assert widget.key_points.toPlainText() == "Vietnam wants quick progress on digital trade"
    assert "notes" in widget.prefilled.text()
    widget.save_text()
    assert library.brief(brief_id).key_points == ""  # prefilled, not yet the officer's
    widget.key_points.setPlainText("Vietnam wants quick progress\nWe should agree dates")
    qtbot.waitUntil(lambda: library.brief(brief_id).key_points.startswith("Vietnam wants"), timeout=3000)


@pytest.fixture
def dialog(qtbot, lib, tmp_path):
    library, brief_id, _ = lib
    d = BuildBriefDialog(library, brief_id)
    qtbot.addWidget(d)
    d.output.setText(str(tmp_path / "out" / "brief.docx"))
    (tmp_path / "out").mkdir()
    yield d, library, brief_id, tmp_path / "out" / "brief.docx"
    d.reject()


def test_build_dialog_previews_and_saves(dialog, monkeypatch):
    d, library, brief_id, out = dialog
    assert [d.template.itemText(i) for i in range(3)] == ["Bilateral relations brief", "Visit brief",
                                                          "Agreements register"]
    assert "exchanges" in d.description.text()
    assert d.marking.currentText() == "CONFIDENTIAL"
    preview = d.preview.toPlainText()
    assert "Two-way trade stood at US$6.2 billion in 2020 [1]" in preview and "CONFIDENTIAL" in preview
    d.template.setCurrentIndex(1)
    d.recipient.setText("The Secretary")
    assert d.refresh_preview() and "Talking points" in d.preview.toPlainText()
    opened = []
    monkeypatch.setattr(build_module.QDesktopServices, "openUrl", lambda url: opened.append(url))
    assert d.save(open_after=True) == out
    assert opened and opened[0].toLocalFile() == str(out)
    assert "The Secretary" in all_text(out) and "Talking points" in all_text(out)
    assert library.brief(brief_id).recipient == "The Secretary"  # remembered for next time
    assert [p.name for p in out.parent.iterdir()] == ["brief.docx"]


def test_build_dialog_asks_before_a_lower_marking(dialog):
    d, _, _, out = dialog
    d.marking.setCurrentText("OFFICIAL")

    def answer(button):
        def press(box) -> bool:
            box.button(button).click()  # the real question box, answered by its own button
            return True
        return press

    with ModalCloser(handler=answer(QMessageBox.StandardButton.No)) as closer:
        assert d.save(open_after=False) is None and not out.exists()
    assert "cites sources marked CONFIDENTIAL" in closer.seen[0].text
    with ModalCloser(handler=answer(QMessageBox.StandardButton.Yes)) as closer:
        assert d.save(open_after=False) == out
    assert closer.names()[0] == "QMessageBox"
    assert Document(str(out)).sections[0].header.paragraphs[0].text == "OFFICIAL"


def test_build_dialog_shows_a_broken_template_and_writes_nothing(dialog, monkeypatch, qtbot):
    from briefing.paths import user_templates_dir

    doc = Document()
    doc.add_paragraph("{{ meta.nope }}")
    doc.save(str(user_templates_dir() / "mine.docx"))
    d, library, brief_id, out = dialog
    d2 = BuildBriefDialog(library, brief_id)
    qtbot.addWidget(d2)
    d2.output.setText(str(out))
    d2.template.setCurrentIndex(d2.template.count() - 1)
    assert not d2.refresh_preview()
    assert "Template 'mine' at tag {{ meta.nope }}" in d2.problem.text()
    warnings = []
    monkeypatch.setattr(build_module.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert d2.save(open_after=False) is None and not out.exists()
    assert "meta.nope" in warnings[0]
    d2.reject()


def test_pdf_export_writes_the_summary(lib, tmp_path):
    library, brief_id, _ = lib
    out = tmp_path / "summary.pdf"
    assert export_pdf(library, brief_id, None, path=out) == out
    assert "Two-way trade stood at US$6.2 billion in 2020" in " ".join(pdf_text(out))


def test_print_preview_opens_renders_and_closes(lib, qtbot):
    """The real dialog, its real exec(): it used to crash here, its printer freed while it ran."""
    import gc

    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    library, brief_id, _ = lib
    looked: dict = {}

    def look(dialog) -> None:
        gc.collect()  # whatever Python no longer holds is gone now, as it would be a little later
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=5000)
        looked["pages"] = preview.pageCount()
        looked["page size"] = dialog.printer().pageLayout().pageSize().id()
        image = preview.grab().toImage()
        looked["colours"] = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}

    with ModalCloser(handler=look) as closer:
        result = open_print_preview(library, brief_id, None)
    assert closer.names() == ["SummaryPreviewDialog"] and result == 0  # opened, then cancelled
    assert looked["pages"] >= 1 and looked["page size"] == QPageSize.PageSizeId.A4
    assert len(looked["colours"]) > 3  # a page with text on it, not an empty grey area
