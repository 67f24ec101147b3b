"""Version 8 of the team library's schema: the row-security policies of the merge keys and the search rows test
each row's item by id (schema.sql: EXISTS ... OFFSET 0), where the planner, from the statistics of a library
being filled, hashed every item in sight at each statement an import sent. A library of version 7 is brought up
to date by its administrator opening it; the rows of an item above an officer's clearance stay out of their sight."""

from __future__ import annotations

import psycopg
import pytest

from briefing.library.pg import PgStore, upgrade
from tests.core.test_library_fakes import fake_extract, write
from tests.pg.conftest import Team
from tests.pg.test_import_batched import FIRST, _import

VERSION_7_POLICIES = """
DROP POLICY IF EXISTS cleared ON briefing.item_keys;
CREATE POLICY cleared ON briefing.item_keys USING (EXISTS (SELECT 1 FROM briefing.items i WHERE i.id = item_id));
DROP POLICY IF EXISTS cleared ON briefing.items_fts;
CREATE POLICY cleared ON briefing.items_fts USING (EXISTS (SELECT 1 FROM briefing.items i WHERE i.id = rowid));
UPDATE briefing.meta SET value = '7' WHERE key = 'schema_version';
"""


def _policies(admin: str) -> dict[str, str]:
    with psycopg.connect(admin) as conn:
        return {table: qual for table, qual in conn.execute(
            "SELECT tablename, qual FROM pg_policies WHERE schemaname = 'briefing' AND tablename IN ('item_keys', 'items_fts')")}


def test_a_version_7_library_is_brought_up_to_version_8_and_keeps_marked_rows_out_of_sight(team_library: Team, tmp_path):
    with psycopg.connect(team_library.admin, autocommit=True) as conn:
        conn.execute(VERSION_7_POLICIES)
        assert upgrade.library_version(conn) == 7
    assert not any("OFFSET" in qual for qual in _policies(team_library.admin).values())
    secret = team_library.add("sam", "SECRET")
    official = team_library.add("olga", "OFFICIAL")
    with pytest.MonkeyPatch.context() as patch:  # the program of version 7 writing to its library
        patch.setattr(upgrade, "SCHEMA_VERSION", 7)
        old = PgStore.open(secret)
        try:
            _import(old, tmp_path / "first", FIRST)
        finally:
            old.close()
    PgStore.open(team_library.admin).close()  # the administrator opening it brings it up to date
    with psycopg.connect(team_library.admin) as conn:
        assert upgrade.library_version(conn) == upgrade.SCHEMA_VERSION  # 8, or any later one
    assert all("OFFSET 0" in qual for qual in _policies(team_library.admin).values())
    store = PgStore.open(secret)
    try:
        write(tmp_path / "secret", "s.txt", "Zelda Quist met Bob Jones in Oslo on 2021-06-22. They talked about fisheries.")
        results = list(store.import_iter([tmp_path / "secret" / "s.txt"], marking="SECRET", extract=fake_extract))
        assert [r.status for r in results] == ["imported"]
    finally:
        store.close()
    counts = "SELECT (SELECT count(*) FROM briefing.item_keys), (SELECT count(*) FROM briefing.items_fts), " \
             "(SELECT count(*) FROM briefing.items)"
    with psycopg.connect(secret) as conn:
        seen_secret = conn.execute(counts).fetchone()
    with psycopg.connect(official) as conn:
        seen_official = conn.execute(counts).fetchone()
        assert conn.execute("SELECT count(*) FROM briefing.item_keys WHERE key LIKE %s", ("%quist%",)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM briefing.items_fts WHERE body LIKE %s", ("%quist%",)).fetchone() == (0,)
    with psycopg.connect(team_library.admin) as conn:
        every = conn.execute(counts).fetchone()
        marked = conn.execute("SELECT (SELECT count(*) FROM briefing.item_keys k JOIN briefing.items i ON i.id = k.item_id "
                              "WHERE i.marking_rank > 1), (SELECT count(*) FROM briefing.items_fts f JOIN briefing.items i "
                              "ON i.id = f.rowid WHERE i.marking_rank > 1), (SELECT count(*) FROM briefing.items "
                              "WHERE marking_rank > 1)").fetchone()
    assert seen_secret == every
    assert marked is not None and every is not None and seen_official is not None and all(marked)
    assert seen_official == tuple(e - m for e, m in zip(every, marked, strict=True))
