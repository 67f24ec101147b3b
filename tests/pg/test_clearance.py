"""Clearance is kept by the server: an OFFICIAL officer never reaches a SECRET source or what only it says."""

from __future__ import annotations

import dataclasses

import psycopg
import pytest

from briefing.library import LibraryError, NotFound, Query
from tests.core.test_library_fakes import extract_one, source

OPEN_TEXT = "Alice Smith met Bob Jones in Oslo on 2021-06-21."
SECRET_TEXT = "Xavier Quill met Yannick Ørsted in Tromsø on 2021-08-02. They spoke about submarine cables."


@pytest.fixture
def desk(open_store, team_library):
    """Alice (SECRET) imports one open and one SECRET source; Bob is cleared to OFFICIAL."""
    alice, bob = open_store("alice", "SECRET"), open_store("bob", "OFFICIAL")
    plain = source(OPEN_TEXT, "oslo.txt", "2021-06-21")
    secret = dataclasses.replace(source(SECRET_TEXT, "tromso.txt", "2021-08-02"), marking="SECRET")
    open_id, _ = alice.add_source(plain, extract_one(plain))
    secret_id, _ = alice.add_source(secret, extract_one(secret))
    secret_items = alice.query(Query(source_id=secret_id))
    assert len(secret_items) == 4  # two people, their meeting and its topic: said by the SECRET source alone
    return alice, bob, open_id, secret_id, secret_items


def test_the_cleared_officer_sees_both_sources(desk):
    alice, _, open_id, secret_id, secret_items = desk
    assert {s.id for s in alice.sources()} == {open_id, secret_id}
    assert set(secret_items) <= set(alice.query())
    assert alice.search("orsted") and alice.search_sources("tromso") == [secret_id]


def test_the_official_officer_can_neither_list_nor_open_a_secret_source_or_its_items(desk):
    _, bob, open_id, secret_id, secret_items = desk
    assert [s.id for s in bob.sources()] == [open_id]
    with pytest.raises(NotFound):
        bob.source(secret_id)
    assert not set(secret_items) & set(bob.query())
    assert bob.count() == len(bob.query()) == 3
    assert bob.rows(secret_items) == [] and bob.items(secret_items) == []
    with pytest.raises(NotFound):
        bob.item(secret_items[0])


def test_the_official_officer_cannot_find_them_by_search(desk):
    _, bob, _, _, _ = desk
    assert bob.search("orsted") == [] and bob.search('"xavier quill"') == []
    assert bob.search_sources("tromso") == [] and bob.search_sources("submarine cables") == []
    assert bob.search("alice")  # the open source's items are found


def test_the_official_officer_cannot_select_them_in_plain_sql(desk, team_library):
    _, bob, _, secret_id, secret_items = desk
    with psycopg.connect(team_library.add("bob", "OFFICIAL")) as conn:
        conn.execute("SET search_path TO briefing, public")
        assert conn.execute("SELECT count(*) FROM sources WHERE marking = 'SECRET'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM sources WHERE text LIKE '%Quill%'").fetchone() == (0,)
        for table in ("items", "items_fts", "item_keys"):
            column = "rowid" if table == "items_fts" else "id" if table == "items" else "item_id"
            rows = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ANY(%s)", (secret_items,)).fetchone()
            assert rows == (0,), table
        for table in ("contributions", "evidence", "sources_fts"):
            column = "rowid" if table == "sources_fts" else "source_id"
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", (secret_id,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM items_fts WHERE tsv @@ to_tsquery('bb_simple', 'Ørsted')"
                            ).fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE clearances SET level = 'TOP SECRET'")


def test_the_administrator_who_owns_the_tables_sees_everything(desk, team_library):
    _, _, _, secret_id, _ = desk
    with psycopg.connect(team_library.admin) as conn:
        assert conn.execute("SELECT count(*) FROM briefing.sources").fetchone() == (2,)


def test_an_officer_cannot_add_a_source_above_their_clearance(desk):
    _, bob, _, _, _ = desk
    above = dataclasses.replace(source("Carol White visited Norway on 2021-07-01.", "c.txt"), marking="SECRET")
    with pytest.raises(LibraryError, match="cleared to OFFICIAL"):
        bob.add_source(above, extract_one(above))
    assert len(bob.sources()) == 1


def test_a_step_name_never_carries_a_secret_title(desk):
    alice, _, _, _, _ = desk
    assert alice.undo_name() == "Import a SECRET source"


def test_a_secret_source_never_feeds_an_item_the_official_officer_sees(desk):
    alice, bob, open_id, _, _ = desk
    smith_before = [r for r in bob.rows(bob.query()) if r.label == "Alice Smith"]
    joined = dataclasses.replace(source("Alice Smith visited Svalbard on 2021-08-03.", "joined.txt", "2021-08-03"),
                                 marking="SECRET")
    joined_id, _ = alice.add_source(joined, extract_one(joined))

    smith = [r for r in bob.rows(bob.query()) if r.label == "Alice Smith"]
    assert smith == smith_before and smith[0].source_ids == (open_id,)
    assert bob.item(smith[0].id).machine["seen"] == "2021-06-21"  # not the SECRET source's date
    assert bob.search("svalbard") == [] and bob.query(Query(text="svalbard")) == []
    # Alice, cleared for both, sees the SECRET source's Alice Smith as an item of its own marking.
    secret_smith = [i for i in alice.query(Query(source_id=joined_id, kind="person"))]
    assert len(secret_smith) == 1 and secret_smith[0] != smith[0].id
    with pytest.raises(ValueError, match="different markings"):
        alice.merge([smith[0].id, secret_smith[0]])


def test_an_officer_cannot_rewrite_who_changed_what(desk, team_library):
    alice, bob, _, _, _ = desk
    smith = [r.id for r in bob.rows(bob.query()) if r.label == "Alice Smith"][0]
    bob.edit(smith, "title", "Foreign Minister")
    with psycopg.connect(team_library.add("bob", "OFFICIAL")) as conn:
        assert conn.execute("SELECT changed_by FROM briefing.item_versions WHERE item_id = %s",
                            (smith,)).fetchall() == [(bob.user,)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE briefing.item_versions SET changed_by = %s", (alice.user,))


def test_a_lowered_clearance_takes_the_officers_undo_history_with_it(desk, team_library):
    alice, _, _, _, _ = desk
    assert alice.undo_name() == "Import a SECRET source"
    from briefing import team

    team.add_user(team_library.admin, alice.user, "OFFICIAL")
    with psycopg.connect(team_library.add("alice", "OFFICIAL")) as conn:
        assert conn.execute("SELECT count(*) FROM briefing.undo_log").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM briefing.sources").fetchone() == (1,)
