"""The source detail view: shows where a source comes from and saves the officer's corrections as undoable steps."""

from __future__ import annotations

import hashlib

import pytest

from briefing.library import Library
from briefing.model import Extraction, Source
from ui.source_detail import SourceDetail

TEXT = "Anna Lindqvist met Bui Thanh Son in Hanoi on 12 March 2024."


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "lib.sqlite3", seed=False)
    src = Source(path="/in/readout.html", text=TEXT, sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
                 title="Ministers meet in Hanoi", date="2024-03-12", publisher="Nordic Courier",
                 author="Kari Lund", url="https://courier.example/hanoi", format="html")
    lib.add_source(src, Extraction())
    yield lib
    lib.close()


@pytest.fixture
def detail(qtbot, library):
    widget = SourceDetail(library)
    qtbot.addWidget(widget)
    widget.set_source(library.sources()[0].id)
    widget.show()
    return widget


def _type(editor, text: str) -> None:
    editor.edit.setText(text)
    editor.edit.editingFinished.emit()


def test_shows_the_details_and_the_citation_a_brief_prints(detail, library):
    record = library.source(detail.source_id)
    assert detail.fields["publisher"].value() == "Nordic Courier"
    assert detail.fields["author"].value() == "Kari Lund"
    assert detail.fields["url"].value() == "https://courier.example/hanoi"
    assert detail.fields["date"].value() == "2024-03-12"
    assert detail.fields["accessed"].value() == record.accessed
    assert detail.file.text() == "readout.html" and detail.file.toolTip() == "/in/readout.html"
    assert detail.cited_as.text().startswith(
        "Nordic Courier, ‘Ministers meet in Hanoi’, Kari Lund, 12 March 2024, https://courier.example/hanoi (accessed ")


def test_an_edit_is_saved_at_once_and_undo_shows_the_old_value(qtbot, detail, library):
    _type(detail.fields["author"], "Kari  Lund-Berg")
    assert library.source(detail.source_id).author == "Kari Lund-Berg"
    assert "Kari Lund-Berg" in detail.cited_as.text()
    combo = detail.fields["marking"].combo
    combo.setCurrentIndex(combo.findData("RESTRICTED"))
    combo.activated.emit(combo.currentIndex())  # as when the officer picks it from the list
    assert library.source(detail.source_id).marking == "RESTRICTED"
    assert detail.cited_as.text().endswith("(RESTRICTED)")
    assert library.undo() == "Edit source marking"
    assert library.undo() == "Edit source author"
    qtbot.waitUntil(lambda: detail.fields["author"].value() == "Kari Lund", timeout=1000)
    assert detail.fields["marking"].value() == "UNCLASSIFIED"


def test_a_wrong_value_is_explained_and_the_stored_one_comes_back(detail, library):
    _type(detail.fields["url"], "courier example hanoi")
    assert detail.problem.isVisible() and "URL" in detail.problem.text()
    assert detail.fields["url"].value() == "https://courier.example/hanoi"
    assert library.source(detail.source_id).url == "https://courier.example/hanoi"
    _type(detail.fields["publisher"], "The Nordic Courier")  # the next good edit clears the message
    assert not detail.problem.isVisible()


def test_no_source_or_a_removed_one_leaves_an_empty_disabled_form(qtbot, detail, library):
    source_id = detail.source_id
    library.delete_sources([source_id])
    qtbot.waitUntil(lambda: detail.source_id is None, timeout=1000)
    assert detail.heading.text() == "No source selected"
    assert not detail.fields["publisher"].isEnabled()
