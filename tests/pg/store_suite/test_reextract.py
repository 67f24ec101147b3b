"""Extracting a source again (after an upgrade of the extraction): new machine values, the officers' work kept."""

from __future__ import annotations

import pytest

from briefing.library import NotFound
from briefing.model import Extraction
from tests.core.test_library_fakes import extract_one, fake_extract, source
from tests.pg.store_suite.conftest import add, ids_of


def test_a_user_edit_survives_reextraction(store):
    text = "Alice Smith met Bob Jones in Oslo on 2021-06-21."
    source_id, _ = add(store, text)
    [event_id] = ids_of(store, "event")
    store.edit(event_id, "location", "Bergen")
    store.edit(event_id, "summary", "First meeting since 2019")
    store.reextract(source_id, extract_one(source(text)))
    [again] = store.items(ids_of(store, "event"))
    assert again.id == event_id
    assert again.fields["location"] == "Bergen" and again.machine["location"] == "Oslo"
    assert again.edits == {"location": "Bergen", "summary": "First meeting since 2019"}
    assert store.rows([event_id])[0].edited
    for ev in again.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_reextraction_that_loses_an_edited_item_keeps_it(store):
    text = "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement."
    source_id, _ = add(store, text)
    [agreement_id] = ids_of(store, "agreement")
    [event_id] = ids_of(store, "event")
    store.edit(agreement_id, "status", "renewed")
    store.reextract(source_id, Extraction())  # the new extraction finds nothing
    assert store.item(agreement_id).fields["status"] == "renewed"
    with pytest.raises(NotFound):
        store.item(event_id)
    assert store.undo() == "Re-extract s.txt"
    assert store.item(event_id).source_ids == [source_id]


def test_reextraction_keeps_a_split_apart(store):
    s1, _ = add(store, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    text2 = "Bob Jones met Alice Smith on 2021-06-21."
    s2, _ = add(store, text2, "two.txt")
    [event] = store.items(ids_of(store, "event"))
    new_id = store.split(event.id, [e.id for e in event.evidence if e.source_id == s2])
    store.reextract(s2, extract_one(source(text2, "two.txt")))
    assert store.item(new_id).source_ids == [s2] and store.item(event.id).source_ids == [s1]


def test_a_deleted_item_stays_deleted_when_its_source_is_extracted_again(store):
    text = "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement."
    source_id, _ = add(store, text)
    [agreement] = ids_of(store, "agreement")
    [event] = ids_of(store, "event")
    store.delete_items([agreement])
    store.reextract(source_id, extract_one(source(text)))
    assert ids_of(store, "agreement") == [] and ids_of(store, "event") == [event]
    store.undo()  # the re-extraction
    assert store.undo() == "Delete 1 item"
    store.reextract(source_id, extract_one(source(text)))
    assert len(ids_of(store, "agreement")) == 1  # undone: no longer dismissed


def test_reextracting_several_sources_is_one_step_and_a_cancel_writes_nothing(store):
    first, _ = add(store, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    second, _ = add(store, "Carol King visited Norway on 2021-06-25.", "two.txt")
    [event] = ids_of(store, "event")[:1]
    store.edit(event, "location", "Oslo")
    assert store.reextract_many([first, second], extract=fake_extract, cancel=lambda: True) == 0
    assert store.undo_name() == "Edit location"
    seen = []
    assert store.reextract_many([first, second], extract=fake_extract,
                                progress=lambda done, total, path: seen.append((done, total))) == 2
    assert seen == [(1, 2), (2, 2)] and store.undo_name() == "Re-extract 2 sources"
    assert store.item(event).fields["location"] == "Oslo" and len(ids_of(store, "event")) == 2
