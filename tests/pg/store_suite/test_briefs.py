"""Briefs: picked items in the officer's order, with their own wording and title block."""

from __future__ import annotations

import pytest

from briefing.library import NotFound
from tests.pg.store_suite.conftest import add, ids_of, labelled


def test_create_pick_word_rename_and_delete_a_brief(store):
    add(store, "Alice Smith met Bob Jones in Oslo on 2021-06-21.")
    smith, jones = labelled(store, "Alice Smith")[0], labelled(store, "Bob Jones")[0]
    brief = store.create_brief("Oslo")
    store.set_picked(brief, [jones, smith], True)
    store.set_picked(brief, [jones], True)  # picked twice: still one line
    store.set_line_wording(brief, smith, "Our minister.")
    store.rename_brief(brief, "Oslo talks")
    assert [(b.name, b.item_count) for b in store.briefs()] == [("Oslo talks", 2)]
    assert store.picked_ids(brief) == [jones, smith]
    assert [line.wording for line in store.brief(brief).lines] == [None, "Our minister."]
    store.set_picked(brief, [jones], False)
    assert store.picked_ids(brief) == [smith]
    store.delete_brief(brief)
    assert store.briefs() == []
    with pytest.raises(NotFound):
        store.brief(brief)
    assert store.undo() == "Delete brief Oslo talks" and store.picked_ids(brief) == [smith]


def test_order_title_block_copies_and_the_current_brief(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement.")
    event_id, agreement_id = ids_of(store, "event")[0], ids_of(store, "agreement")[0]
    brief = store.create_brief("Oslo visit")
    store.set_picked(brief, [event_id, agreement_id], True)
    store.move_line(brief, agreement_id, 0)
    assert store.picked_ids(brief) == [agreement_id, event_id] and store.undo_name() == "Move line"
    store.update_brief(brief, title="Visit of the Minister", marking="RESTRICTED")
    store.set_line_wording(brief, event_id, "The ministers met in Oslo.")
    copy = store.duplicate_brief(brief, "Copy")
    got = store.brief(copy)
    assert got.title == "Visit of the Minister" and got.marking == "RESTRICTED"
    assert [(line.item_id, line.wording) for line in got.lines] == [(agreement_id, None),
                                                                      (event_id, "The ministers met in Oslo.")]
    assert store.brief_id_named("  oslo VISIT ") == brief and store.brief_id_named("Nowhere") is None
    store.set_current_brief(copy)
    assert store.current_brief_id() == copy
    store.delete_brief(copy)
    assert store.current_brief_id() is None
    assert store.undo() == "Delete brief Copy" and store.current_brief_id() == copy
    with pytest.raises(ValueError, match="marking"):
        store.update_brief(brief, marking="PINK")
    with pytest.raises(NotFound):
        store.move_line(brief, 99999, 0)


def test_moving_a_line_past_either_end_puts_it_at_that_end_and_undo_puts_it_back(store):
    add(store, "Alice Smith met Bob Jones on 2021-06-21. They signed the Fisheries Agreement.")
    ids = store.query()
    brief = store.create_brief("Order")
    store.set_picked(brief, ids, True)
    store.move_line(brief, ids[0], 99)
    assert store.picked_ids(brief) == [*ids[1:], ids[0]]
    store.move_line(brief, ids[-1], -5)
    assert store.picked_ids(brief) == [ids[-1], *ids[1:-1], ids[0]]
    store.undo()
    store.undo()
    assert store.picked_ids(brief) == ids


def test_the_current_brief_is_the_same_on_the_officers_other_connection(backend):
    first = backend.open()
    brief = first.create_brief("Shared")
    first.set_current_brief(brief)
    assert backend.open().current_brief_id() == brief
    first.set_current_brief(None)
    assert backend.open().current_brief_id() is None
    with pytest.raises(NotFound):
        first.set_current_brief(brief + 1000)
