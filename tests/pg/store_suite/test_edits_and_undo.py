"""Officers' corrections laid over what the sources say, notes and hand-made items, and undo/redo of each step."""

from __future__ import annotations

import pytest

from briefing.library import LibraryError, NotFound, Query
from tests.core.test_library_fakes import fake_extract, write
from tests.pg.store_suite.conftest import add, ids_of, labelled


def test_edits_are_checked(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21. Trade grew 12 percent last year.")
    event_id = ids_of(store, "event")[0]
    with pytest.raises(ValueError, match="no field 'colour'"):
        store.edit(event_id, "colour", "red")
    with pytest.raises(ValueError, match="one of visit"):
        store.edit(event_id, "type", "party")
    with pytest.raises(ValueError, match="ISO date"):
        store.edit(event_id, "date", "21 June")
    with pytest.raises(ValueError, match="number"):
        store.edit(ids_of(store, "figure")[0], "value", "twelve")
    with pytest.raises(NotFound):
        store.edit(9999, "type", "visit")
    store.edit(event_id, "participants", "Alice Smith, Carol King")
    assert store.item(event_id).fields["participants"] == ["Alice Smith", "Carol King"]
    store.edit(event_id, "type", "meeting")  # the machine's own value: not an edit
    assert "type" not in store.item(event_id).edits


def test_an_edit_is_shown_over_the_sources_value_and_marks_the_row(store):
    add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.")
    [event_id] = ids_of(store, "event")
    store.edit_fields(event_id, {"location": "Bergen", "summary": "First meeting since 2019"})
    event = store.item(event_id)
    assert event.fields["location"] == "Bergen" and event.machine["location"] == "Oslo"
    assert event.edits == {"location": "Bergen", "summary": "First meeting since 2019"}
    assert store.rows([event_id])[0].edited and store.undo_name() == "Edit location, summary"
    assert store.search("bergen") == [event_id]


def test_reverting_drops_the_officers_edits(store):
    add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.")
    [event_id] = ids_of(store, "event")
    store.edit_fields(event_id, {"location": "Bergen", "status": "planned"})
    store.revert(event_id, ["status"])
    assert store.item(event_id).edits == {"location": "Bergen"} and store.undo_name() == "Revert status"
    store.revert(event_id)
    assert store.item(event_id).edits == {} and store.item(event_id).fields["location"] == "Oslo"
    assert store.undo() == "Revert edits" and store.item(event_id).fields["location"] == "Bergen"


def test_one_field_of_many_items_in_one_step(store):
    add(store, "They signed the Fisheries Agreement. They signed the Education Memorandum.")
    agreements = ids_of(store, "agreement")
    store.edit_many(agreements, "status", "in-force")
    assert {store.item(i).fields["status"] for i in agreements} == {"in-force"}
    assert store.undo() == "Edit status of 2 items"
    assert {store.item(i).fields["status"] for i in agreements} == {"signed"}


def test_notes_and_items_added_by_hand(store):
    note = store.add_note("Ask the embassy about the readout.", title="Follow-up")
    assert store.item(note).kind == "note" and store.item(note).fields["title"] == "Follow-up"
    assert store.item(note).source_ids == [] and store.search("embassy readout") == [note]
    person = store.add_item("person", {"name": "Carol King", "country": "NO"})
    assert store.undo_name() == "Add person" and store.item(person).fields["name"] == "Carol King"
    assert store.query(Query(kind="person", country="NO")) == [person]
    with pytest.raises(ValueError):
        store.add_item("event", {"type": "party"})


def test_undo_redo_and_a_new_step_clears_redo(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(store, "event")[0]
    store.edit(event_id, "location", "Oslo")
    store.edit(event_id, "status", "planned")
    assert store.undo_name() == "Edit status"
    assert store.undo() == "Edit status"
    assert store.item(event_id).fields["status"] == "held"
    assert store.redo_name() == "Edit status"
    assert store.redo() == "Edit status"
    assert store.item(event_id).fields["status"] == "planned"
    assert store.undo() == "Edit status" and store.undo() == "Edit location"
    assert store.item(event_id).fields["location"] is None
    store.add_note("Call the embassy", title="To do")
    assert store.redo_name() is None and store.redo() is None


def test_undoing_a_note_removes_it_and_redo_brings_it_back(store):
    add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.")
    smith = labelled(store, "Alice Smith")[0]
    store.edit(smith, "title", "Foreign Minister")
    note = store.add_note("Check the readout.", title="Follow-up")
    assert store.undo_name() == "Add note" and store.undo() == "Add note"
    with pytest.raises(NotFound):
        store.item(note)
    assert store.undo() == "Edit title" and store.item(smith).edits == {}
    assert store.redo() == "Edit title" and store.item(smith).fields["title"] == "Foreign Minister"


def test_the_undo_history_outlives_the_connection(backend):
    first = backend.open()
    add(first, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(first, "event")[0]
    first.edit(event_id, "location", "Oslo")
    first.close()
    second = backend.open()
    assert second.undo() == "Edit location" and second.item(event_id).fields["location"] is None
    second.close()
    third = backend.open()
    assert third.redo() == "Edit location" and third.item(event_id).fields["location"] == "Oslo"


def test_an_import_is_one_undoable_step_and_undo_restores_the_items_it_joined(store, tmp_path):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.", "first.txt")
    [event_id] = ids_of(store, "event")
    files = [write(tmp_path, "a.txt", "Bob Jones met Alice Smith on 2021-06-21."),
             write(tmp_path, "b.txt", "Carol King visited Norway on 2021-06-25.")]
    store.import_paths(files, extract=fake_extract)
    assert store.undo_name() == "Import 2 sources"
    assert len(store.item(event_id).source_ids) == 2
    assert store.undo() == "Import 2 sources"
    assert len(store.sources()) == 1 and len(store.item(event_id).source_ids) == 1
    assert store.search("carol") == [] and len(ids_of(store, "event")) == 1
    assert store.redo() == "Import 2 sources"
    assert len(store.sources()) == 3 and len(store.item(event_id).source_ids) == 2
    assert store.search("carol")


def test_a_cancelled_import_keeps_whole_sources_only(store, tmp_path):
    files = [write(tmp_path, f"{n:02}.txt", f"Person{n} Smith met Bob Jones on 2021-06-{n + 1:02}.") for n in range(6)]
    seen = []
    report = store.import_paths(files, extract=fake_extract, cancel=lambda: len(seen) >= 2,
                                progress=lambda done, total, path: seen.append(path))
    assert report.cancelled and len(report.imported) == 2
    assert len(store.sources()) == 2
    for src in store.sources():
        assert src.item_count == 3  # two people and their meeting


def test_an_import_still_running_cannot_be_undone_half_way(backend, tmp_path):
    files = [write(tmp_path, f"{n}.txt", f"Person{n} Smith met Bob Jones on 2021-06-0{n + 1}.") for n in range(3)]
    worker, window = backend.open(), backend.open()
    running = worker.import_iter(files, extract=fake_extract)
    next(running)
    with pytest.raises(LibraryError, match="still running"):
        window.undo()
    event_id = window.query(Query(kind="event"))[0]
    window.edit(event_id, "location", "Oslo")  # the officer may go on working meanwhile
    assert window.undo() == "Edit location"
    list(running)
    assert window.undo() == "Import 3 sources"
    assert window.sources() == []
