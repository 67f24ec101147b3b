"""Officers put right what the identity rules got wrong: merge items that are one, split one that is two."""

from __future__ import annotations

import pytest

from briefing.library import NotFound
from briefing.model import Extraction, Person
from tests.pg.store_suite.conftest import add, ids_of, labelled


def test_split_of_a_wrong_join_then_merge_again_each_undoable(store):
    s1, _ = add(store, "Alice Smith met Bob Jones on 2021-06-21.", "one.txt")
    s2, _ = add(store, "Bob Jones met Alice Smith on 2021-06-21.", "two.txt")
    [event] = store.items(ids_of(store, "event"))
    moved = [e.id for e in event.evidence if e.source_id == s2]
    new_id = store.split(event.id, moved)
    assert store.undo_name() == "Split event"
    old, new = store.item(event.id), store.item(new_id)
    assert old.source_ids == [s1] and new.source_ids == [s2]
    assert [e.id for e in new.evidence] == moved
    assert new.fields["participants"]
    with pytest.raises(ValueError, match="at least one"):
        store.split(event.id, [e.id for e in old.evidence])
    kept = store.merge([event.id, new_id])
    assert kept == event.id and store.undo_name() == "Merge 2 events"
    merged = store.item(event.id)
    assert sorted(merged.source_ids) == [s1, s2] and len(merged.evidence) == 2
    with pytest.raises(NotFound):
        store.item(new_id)
    assert store.undo() == "Merge 2 events"
    assert store.item(new_id).source_ids == [s2]
    assert store.undo() == "Split event"
    assert sorted(store.item(event.id).source_ids) == [s1, s2]


def test_merging_people_gathers_aliases_and_sources(store):
    add(store, "x", "a.txt", extraction=Extraction(people=[Person("Vivian Balakrishnan", country="SG")]))
    add(store, "y", "b.txt", extraction=Extraction(people=[Person("Dr Vivian", country="SG", aliases=["Dr V"])]))
    first, second = sorted(ids_of(store, "person"))
    store.merge([first, second])
    person = store.item(first)
    assert person.fields["name"] == "Vivian Balakrishnan"
    assert set(person.fields["aliases"]) >= {"Dr Vivian", "Dr V"}
    assert len(person.source_ids) == 2


def test_merge_refuses_items_of_different_kinds_or_a_single_item(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.")
    with pytest.raises(ValueError, match="same kind"):
        store.merge([ids_of(store, "event")[0], ids_of(store, "person")[0]])
    with pytest.raises(ValueError, match="at least two"):
        store.merge([ids_of(store, "event")[0]])


def test_merge_split_and_delete_of_one_sources_people(store):
    add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt")
    smith, jones = labelled(store, "Alice Smith")[0], labelled(store, "Bob Jones")[0]
    kept = store.merge([smith, jones])
    assert kept == smith and labelled(store, "Bob Jones") == []
    moved = [e.id for e in store.item(kept).evidence if e.text == "Bob Jones"]
    new = store.split(kept, moved)
    assert [e.text for e in store.item(new).evidence] == ["Bob Jones"]
    assert "Bob Jones" not in [e.text for e in store.item(kept).evidence]
    store.delete_items([new])
    with pytest.raises(NotFound):
        store.item(new)
    assert store.undo() == "Delete 1 item" and [e.text for e in store.item(new).evidence] == ["Bob Jones"]


def test_deleting_items_and_undoing_brings_back_evidence_and_picks(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21.")
    event_id = ids_of(store, "event")[0]
    brief = store.create_brief("Visit")
    store.set_picked(brief, [event_id], True)
    before = store.item(event_id)
    store.delete_items([event_id])
    assert store.picked_ids(brief) == []
    store.undo()
    assert store.item(event_id) == before and store.picked_ids(brief) == [event_id]
