"""Two officers on two connections to one team library: edits that collide, undo, notifications."""

from __future__ import annotations

import pytest

from briefing.library.pg import EditConflict, UndoConflict
from tests.core.test_library_fakes import extract_one, source


def _import(store, text: str, path: str, date: str | None = None) -> int:
    src = source(text, path, date)
    source_id, new = store.add_source(src, extract_one(src))
    assert new
    return source_id


def _person(store, name: str) -> int:
    found = [r.id for r in store.rows(store.query()) if r.kind == "person" and r.label == name]
    assert len(found) == 1, found
    return found[0]


def test_an_edit_on_a_stale_version_is_refused_naming_the_colleague_and_the_newer_value(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    person = _person(alice, "Alice Smith")
    seen_by_bob = bob.item_version(person)

    alice.edit(person, "title", "Foreign Minister", version=alice.item_version(person))
    with pytest.raises(EditConflict) as refused:
        bob.edit(person, "title", "Trade Minister", version=seen_by_bob)

    message = str(refused.value)
    assert bob.user != alice.user and alice.user in message
    assert "Edit title" in message and "Foreign Minister" in message
    assert refused.value.value == "Foreign Minister"
    assert bob.item(person).fields["title"] == "Foreign Minister"  # Bob's edit was not saved


def test_an_edit_of_another_field_goes_through_although_the_item_changed(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    person = _person(alice, "Alice Smith")
    seen_by_bob = bob.item_version(person)
    alice.edit(person, "title", "Foreign Minister", version=seen_by_bob)

    bob.edit(person, "country", "NO", version=seen_by_bob)

    fields = alice.item(person).fields
    assert (fields["title"], fields["country"]) == ("Foreign Minister", "NO")


def test_undo_undoes_my_last_change_never_a_colleagues(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    smith, jones = _person(alice, "Alice Smith"), _person(alice, "Bob Jones")
    alice.edit(smith, "title", "Foreign Minister")
    bob.edit(jones, "title", "Ambassador")  # Bob's change comes after Alice's

    assert alice.undo() == "Edit title"

    assert alice.item(smith).fields["title"] is None  # Alice's edit is gone...
    assert alice.item(jones).fields["title"] == "Ambassador"  # ...Bob's, made later, stays
    assert bob.undo_name() == "Edit title" and alice.undo_name().startswith("Import")
    assert alice.redo() == "Edit title"
    assert bob.item(smith).fields["title"] == "Foreign Minister"


def test_undo_is_refused_when_a_colleague_changed_the_same_field_since(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    smith = _person(alice, "Alice Smith")
    alice.edit(smith, "title", "Foreign Minister")
    bob.edit(smith, "title", "Prime Minister")

    with pytest.raises(UndoConflict) as refused:
        alice.undo()

    assert bob.user in str(refused.value) and "Edit title" in str(refused.value)
    assert alice.item(smith).fields["title"] == "Prime Minister"  # nothing was overwritten
    assert alice.undo_name() == "Edit title"  # still Alice's to undo once Bob has undone his


def test_undoing_an_import_removes_its_source_and_items_for_everyone(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    bob_source = _import(bob, "Carol White visited Norway on 2021-07-01.", "visit.txt", "2021-07-01")

    assert alice.undo() == "Import oslo.txt"

    assert [s.id for s in bob.sources()] == [bob_source]
    assert {r.label for r in bob.rows(bob.query())} == {"Carol White", "Visit: Carol White (Norway)"}
    assert alice.search("smith") == [] and bob.search("carol")


def test_a_colleagues_change_reaches_my_store_within_a_second(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    smith = _person(alice, "Alice Smith")
    bob.wait_for_changes(0.2)  # the import's notifications
    heard = []
    bob.subscribe(heard.append)

    alice.edit(smith, "title", "Foreign Minister")
    changes = bob.wait_for_changes(1.0)

    assert [(c.what, c.ids, c.step) for c in changes] == [("items-changed", (smith,), "Edit title")]
    assert heard == changes
    assert alice.wait_for_changes(0.2) == []  # her own change is not sent back to her


def test_briefs_are_shared_and_picks_are_undone_per_officer(open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    smith, jones = _person(alice, "Alice Smith"), _person(alice, "Bob Jones")
    brief = alice.create_brief("Oslo visit")
    alice.set_picked(brief, [smith], True)
    bob.set_picked(brief, [jones], True)
    bob.set_line_wording(brief, jones, "Our host.")

    assert [b.name for b in bob.briefs()] == ["Oslo visit"]
    assert bob.picked_ids(brief) == [smith, jones]
    assert alice.undo() == "Pick 1 item"
    assert [(line.item_id, line.wording) for line in bob.brief(brief).lines] == [(jones, "Our host.")]


def test_a_colleagues_edit_during_my_import_is_not_overwritten_by_what_the_import_remembers(open_store, tmp_path,
                                                                                            team_library):
    import json

    import psycopg

    from briefing.library import kinds

    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    for n, text in enumerate(["Alice Smith met Bob Jones in Oslo on 2021-06-21.",
                              "Alice Smith visited Norway on 2021-06-22.",
                              "Alice Smith called Bob Jones on 2021-06-23."]):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    edited = []

    def bob_edits_between_sources() -> bool:  # the importer asks before it starts and after each source
        smith = [r.id for r in bob.rows(bob.query()) if r.label == "Alice Smith"]
        if smith and not edited:
            bob.edit_fields(smith[0], {"name": "Alicia Smith", "country": "NO"})
            edited.append(smith[0])
        return False

    alice.import_paths([tmp_path], extract=lambda batch: iter([extract_one(s) for s in batch]),
                       cancel=bob_edits_between_sources)

    smith = edited[0]
    item = alice.item(smith)
    assert (item.fields["name"], item.fields["country"]) == ("Alicia Smith", "NO")
    assert len(item.source_ids) == 3
    with psycopg.connect(team_library.admin) as conn:  # the merge keys agree with the item as it is now
        machine, edits = conn.execute("SELECT machine, edits FROM briefing.items WHERE id = %s", (smith,)).fetchone()
        keys = sorted(r[0] for r in conn.execute("SELECT key FROM briefing.item_keys WHERE item_id = %s", (smith,)))
        body = conn.execute("SELECT body FROM briefing.items_fts WHERE rowid = %s", (smith,)).fetchone()[0]
    assert keys == sorted(kinds.identity_keys("person", json.loads(machine), json.loads(edits)))  # once each
    assert "alicia" in body
