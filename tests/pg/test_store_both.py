"""The store interface's core, the same tests on both backends: the SQLite Library and the team library."""

from __future__ import annotations

import pytest

from briefing.library import Library, NotFound, Query
from briefing.library.store import CoreStore
from tests.core.test_library_fakes import extract_one, source

OSLO = ("Alice Smith met Bob Jones in Oslo on 2021-06-21. They talked about fisheries quotas.", "oslo.txt",
        "2021-06-21")
VISIT = ("Alice Smith visited Norway on 2021-06-22. They signed the Fisheries Agreement.", "visit.txt", "2021-06-22")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        lib = Library.open(tmp_path / "own.sqlite", seed=False)
        yield lib
        lib.close()
    else:
        yield request.getfixturevalue("open_store")("alice", "OFFICIAL")


def _add(store, text, path, date):
    src = source(text, path, date)
    return store.add_source(src, extract_one(src))


def _ids(store, label):
    return [r.id for r in store.rows(store.query()) if r.label == label]


def test_both_offer_the_core_interface(store):
    assert isinstance(store, CoreStore)


def test_a_source_is_added_once_and_its_items_join_what_is_held(store):
    first, new = _add(store, *OSLO)
    assert new and _add(store, *OSLO) == (first, False)
    _add(store, *VISIT)
    smith = _ids(store, "Alice Smith")
    assert len(smith) == 1 and len(store.item(smith[0]).source_ids) == 2
    assert [s.path for s in store.sources()] == ["visit.txt", "oslo.txt"]
    assert store.source(first).text.startswith("Alice Smith met")
    with pytest.raises(NotFound):
        store.source(999)


def test_queries_rows_and_search(store):
    _add(store, *OSLO)
    _add(store, *VISIT)
    people = store.query(Query(kind="person"))
    assert sorted(r.label for r in store.rows(people)) == ["Alice Smith", "Bob Jones"]
    assert store.count(Query(since="2021-06-22")) == len(store.query(Query(since="2021-06-22"))) > 0
    assert store.search("fisheries") and store.search("alice -norway") != store.search("alice")
    assert store.search_sources("oslo") and not store.search_sources("nowhere")


def test_edits_notes_and_undo(store):
    _add(store, *OSLO)
    smith = _ids(store, "Alice Smith")[0]
    store.edit(smith, "title", "Foreign Minister")
    note = store.add_note("Check the readout.", title="Follow-up")
    assert store.item(smith).edits == {"title": "Foreign Minister"}
    assert store.undo_name() == "Add note" and store.undo() == "Add note"
    with pytest.raises(NotFound):
        store.item(note)
    assert store.undo() == "Edit title" and store.item(smith).edits == {}
    assert store.redo_name() == "Edit title" and store.redo() == "Edit title"
    assert store.item(smith).fields["title"] == "Foreign Minister"


def test_merge_split_delete(store):
    _add(store, *OSLO)
    smith, jones = _ids(store, "Alice Smith")[0], _ids(store, "Bob Jones")[0]
    kept = store.merge([smith, jones])
    assert kept == smith and _ids(store, "Bob Jones") == []
    moved = [e.id for e in store.item(kept).evidence if e.text == "Bob Jones"]
    new = store.split(kept, moved)
    assert [e.text for e in store.item(new).evidence] == ["Bob Jones"]
    assert "Bob Jones" not in [e.text for e in store.item(kept).evidence]
    store.delete_items([new])
    with pytest.raises(NotFound):
        store.item(new)
    assert store.undo() == "Delete 1 item" and [e.text for e in store.item(new).evidence] == ["Bob Jones"]


def test_briefs(store):
    _add(store, *OSLO)
    smith, jones = _ids(store, "Alice Smith")[0], _ids(store, "Bob Jones")[0]
    brief = store.create_brief("Oslo")
    store.set_picked(brief, [jones, smith], True)
    store.set_line_wording(brief, smith, "Our minister.")
    store.rename_brief(brief, "Oslo talks")
    assert [(b.name, b.item_count) for b in store.briefs()] == [("Oslo talks", 2)]
    assert store.picked_ids(brief) == [jones, smith]
    assert [line.wording for line in store.brief(brief).lines] == [None, "Our minister."]
    store.set_picked(brief, [jones], False)
    assert store.picked_ids(brief) == [smith]
    store.delete_brief(brief)
    assert store.briefs() == []


def test_changes_are_announced_to_subscribers(store):
    heard = []
    store.subscribe(heard.append)
    _add(store, *OSLO)
    smith = _ids(store, "Alice Smith")[0]
    store.edit(smith, "title", "Foreign Minister")
    assert ("items-changed", (smith,), "Edit title") in [(c.what, c.ids, c.step) for c in heard]
    assert "sources-added" in {c.what for c in heard}
    assert store.check_external_changes() is False


def _fake_extract(batch):
    return iter([extract_one(src) for src in batch])


def test_an_import_of_many_files_joins_items_alike(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [OSLO[0], VISIT[0], "Bob Jones called Alice Smith on 2021-06-23. They talked about fisheries quotas.",
             "Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement."]
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    report = store.import_paths([folder], extract=_fake_extract)
    assert len(report.imported) == 4
    found = sorted((r.kind, r.label, len(r.source_ids)) for r in store.rows(store.query()))
    assert ("person", "Alice Smith", 4) in found and ("topic", "fisheries quotas", 2) in found
    assert len([f for f in found if f[1] == "Alice Smith"]) == 1
