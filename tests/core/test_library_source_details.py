"""A source's citation details: stored on import, kept by an old library, corrected as undoable steps."""

from __future__ import annotations

import sqlite3

import pytest

from briefing.library import Library
from briefing.model import Extraction
from tests.core.test_library_fakes import source
from tests.core.test_library_migration import make_v1


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite3", seed=False)
    yield library
    library.close()


def _add(lib, **details):
    src = source("Anna Berg met Ola Nordmann in Oslo.", path="/in/readout.html", title="Talks in Oslo")
    for name, value in details.items():
        setattr(src, name, value)
    return lib.add_source(src, Extraction())[0]


def test_import_keeps_publisher_author_url_and_the_access_date(lib):
    sid = _add(lib, publisher="Nordic Courier", author="Kari Lund", url="https://courier.example/oslo-talks",
               date="2024-05-03")
    record = lib.source(sid)
    assert (record.publisher, record.author, record.url) == ("Nordic Courier", "Kari Lund",
                                                             "https://courier.example/oslo-talks")
    assert record.file_name == "readout.html"
    assert record.accessed and len(record.accessed) == 10  # the day of import
    [row] = lib.sources()
    assert (row.author, row.url, row.accessed) == (record.author, record.url, record.accessed)


def test_edits_to_a_source_are_one_undoable_step_each(lib):
    sid = _add(lib, publisher="Nordic Courier")
    seen = []
    lib.subscribe(seen.append)
    lib.edit_source(sid, {"author": " Kari   Lund ", "url": "https://courier.example/a", "accessed": "2024-05-04"})
    lib.edit_source(sid, {"publisher": "The Nordic Courier", "marking": "restricted"})
    record = lib.source(sid)
    assert (record.author, record.url, record.accessed) == ("Kari Lund", "https://courier.example/a", "2024-05-04")
    assert (record.publisher, record.marking) == ("The Nordic Courier", "RESTRICTED")
    assert [c.what for c in seen] == ["sources-changed", "sources-changed"]
    assert lib.undo() == "Edit source publisher, marking"
    assert (lib.source(sid).publisher, lib.source(sid).marking) == ("Nordic Courier", "UNCLASSIFIED")
    assert lib.undo() == "Edit source author, url, accessed"
    assert lib.source(sid).author is None and lib.source(sid).url is None
    lib.redo()
    assert lib.source(sid).author == "Kari Lund"
    # the new publisher is found by the source search once set
    lib.redo()
    assert lib.search_sources("nordic courier") == [sid]


@pytest.mark.parametrize(("name", "value"), [
    ("date", "3 May 2024"), ("accessed", "2024-02-30"), ("marking", "HUSH"), ("url", "not a url"), ("text", "x"),
])
def test_a_value_that_cannot_be_stored_is_refused_and_nothing_changes(lib, name, value):
    sid = _add(lib, publisher="Nordic Courier")
    with pytest.raises(ValueError):
        lib.edit_source(sid, {"publisher": "Changed", name: value})
    assert lib.source(sid).publisher == "Nordic Courier"
    assert lib.undo().startswith("Import")  # no step was recorded for the refused edit


def test_an_old_library_gets_the_new_columns_with_its_import_date_as_access_date(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_v1(path)
    imported = sqlite3.connect(path).execute("SELECT imported_at FROM sources").fetchone()[0]
    with Library.open(path) as lib:
        [row] = lib.sources()
        assert row.url is None and row.accessed == imported[:10]
        lib.edit_source(row.id, {"url": "https://example.org/x"})
        assert lib.source(row.id).url == "https://example.org/x"
