"""The sources listing's item counts (``bb_source_item_counts``, counted as the library's owner) are the ones an
officer's own query on contributions and evidence gives under row security, for every clearance; called in plain
SQL, the function tells an officer nothing of a source above their clearance."""

from __future__ import annotations

import dataclasses

import psycopg
import pytest

from briefing.library import Query
from briefing.library.pg import PgStore
from briefing.model import MARKINGS
from tests.core.test_library_fakes import extract_one, source

TEXTS = {
    "UNCLASSIFIED": "Alice Smith met Bob Jones in Oslo on 2021-06-21.",
    "OFFICIAL": "Carol White met Dan Brown in Bergen on 2021-07-02. They spoke about fisheries.",
    "SECRET": "Xavier Quill met Yannick Ørsted in Tromsø on 2021-08-02. They spoke about submarine cables.",
}
# What the listing counted before (read.py): the officer's own query, row security cutting each row.
UNDER_ROW_SECURITY = ("SELECT x.source_id, count(DISTINCT x.item_id) FROM (SELECT source_id, item_id FROM contributions "
                      "UNION SELECT source_id, item_id FROM evidence) x GROUP BY x.source_id")


@pytest.fixture
def desk(open_store, team_library):
    """A source of each of three markings and a source-less one, added by an officer cleared to SECRET; a
    hand-made item is quoted from the OFFICIAL source by evidence alone (no contribution of that source)."""
    alice = open_store("alice", "SECRET")
    ids = {}
    for n, (marking, text) in enumerate(TEXTS.items()):
        made = dataclasses.replace(source(text, f"{marking.lower()}.txt", f"2021-0{6 + n}-01"), marking=marking)
        ids[marking], _ = alice.add_source(made, extract_one(made))
    empty = source("Nothing to extract here.", "empty.txt", "2021-09-01")
    ids["empty"], _ = alice.add_source(empty, extract_one(empty))
    note = alice.add_note("Carol White on fisheries", "A hand-made item")
    with psycopg.connect(team_library.admin) as conn:
        conn.execute("INSERT INTO briefing.evidence (item_id, source_id, start, \"end\", text) "
                     "VALUES (%s, %s, 0, 5, 'Carol')", (note, ids["OFFICIAL"]))
    return ids, note


@pytest.mark.parametrize("clearance", ["UNCLASSIFIED", "OFFICIAL", "SECRET", "TOP SECRET", "the owner"])
def test_every_clearance_lists_the_counts_its_own_query_gives(desk, team_library, clearance):
    ids, note = desk
    owner = clearance == "the owner"
    dsn = team_library.admin if owner else team_library.add(clearance.lower().replace(" ", "_"), clearance)
    with PgStore.open(dsn, listen=False) as store, psycopg.connect(dsn) as conn:
        conn.execute("SET search_path TO briefing, public")
        own_query = dict(conn.execute(UNDER_ROW_SECURITY).fetchall())
        listed = {s.id: s.item_count for s in store.sources()}

        level = len(MARKINGS) if owner else MARKINGS.index(clearance) + 1
        assert set(listed) == {ids[m] for m in TEXTS if MARKINGS.index(m) < level} | {ids["empty"]}
        assert listed == {sid: own_query.get(sid, 0) for sid in listed}
        assert listed[ids["empty"]] == 0
        for sid, n in listed.items():  # as a source's page and the tree under it count them
            assert store.source(sid).item_count == n == len(store.query(Query(source_id=sid)))
        if ids["OFFICIAL"] in listed:
            assert note in store.query(Query(source_id=ids["OFFICIAL"]))  # counted through its evidence alone


def test_the_function_in_plain_sql_keeps_to_the_callers_clearance(desk, team_library):
    ids, _ = desk
    with psycopg.connect(team_library.add("bob", "OFFICIAL")) as conn:
        conn.execute("SET search_path TO briefing, public")
        counted = dict(conn.execute("SELECT source_id, items FROM bb_source_item_counts()").fetchall())
        assert set(counted) == {ids["UNCLASSIFIED"], ids["OFFICIAL"]}  # (a source with no item has no row)
        with conn.transaction():  # while a source is added (items narrowed to its marking) the sources are the same
            conn.execute("SELECT set_config('briefing.join_rank', '4', true)")
            assert dict(conn.execute("SELECT source_id, items FROM bb_source_item_counts()").fetchall()) == counted
    with psycopg.connect(team_library.add("carl", "UNCLASSIFIED")) as conn:
        conn.execute("SET search_path TO briefing, public")
        assert set(dict(conn.execute("SELECT source_id, items FROM bb_source_item_counts()").fetchall())) == {
            ids["UNCLASSIFIED"]}
