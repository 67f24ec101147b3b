"""Version 7 of the team library's schema: the marking-rank trigger of inserted contributions and evidence
(schema.sql, bb_rank_after_insert) looks each new row's source and each item up by id, where its join, planned
from the statistics of a library being filled, read every item and every source at each statement of an import.
A library of version 6 is brought up to date by its administrator opening it, and the items' ranks stay the
highest of their sources' before and after."""

from __future__ import annotations

import psycopg
import pytest

from briefing.library.pg import PgStore, upgrade
from tests.core.test_library_fakes import fake_extract, write
from tests.pg.conftest import Team
from tests.pg.test_import_batched import FIRST, SECOND, _import

VERSION_6_RANK_AFTER_INSERT = """
CREATE OR REPLACE FUNCTION briefing.bb_rank_after_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = briefing, pg_temp AS $$
BEGIN
    UPDATE briefing.items i SET marking_rank = n.rank
    FROM (SELECT r.item_id, max(m.rank)::smallint AS rank, array_agg(DISTINCT r.source_id) AS sources
          FROM new_rows r JOIN briefing.sources so ON so.id = r.source_id JOIN briefing.markings m ON m.name = so.marking
          GROUP BY r.item_id) n
    WHERE i.id = n.item_id
      AND (i.marking_rank < n.rank
           OR i.marking_rank > n.rank
              AND NOT EXISTS (SELECT 1 FROM briefing.contributions c WHERE c.item_id = i.id AND c.source_id <> ALL (n.sources))
              AND NOT EXISTS (SELECT 1 FROM briefing.evidence e WHERE e.item_id = i.id AND e.source_id <> ALL (n.sources)));
    RETURN NULL;
END
$$;
UPDATE briefing.meta SET value = '6' WHERE key = 'schema_version';
"""

# Each item's rank as reading all its sources again gives it (bb_refresh_rank's rule), beside the one it has.
RANKS = """
SELECT i.id, i.marking_rank, (SELECT max(m.rank) FROM (SELECT source_id FROM briefing.contributions WHERE item_id = i.id
                              UNION SELECT source_id FROM briefing.evidence WHERE item_id = i.id) s
                              JOIN briefing.sources so ON so.id = s.source_id JOIN briefing.markings m ON m.name = so.marking)
FROM briefing.items i ORDER BY i.id
"""


def _ranks(admin: str) -> list[tuple[int, int, int | None]]:
    with psycopg.connect(admin) as conn:
        return [(int(i), int(r), s) for i, r, s in conn.execute(RANKS).fetchall()]


def test_a_version_6_library_is_brought_up_to_version_7_and_its_items_ranked_as_before(team_library: Team, tmp_path):
    with psycopg.connect(team_library.admin, autocommit=True) as conn:
        conn.execute(VERSION_6_RANK_AFTER_INSERT)
        assert upgrade.library_version(conn) == 6
    officer = team_library.add("alice", "SECRET")
    with pytest.MonkeyPatch.context() as patch:  # the program of version 6 writing to its library
        patch.setattr(upgrade, "SCHEMA_VERSION", 6)
        old = PgStore.open(officer)
        try:
            _import(old, tmp_path / "first", FIRST)
        finally:
            old.close()
    before = _ranks(team_library.admin)
    assert before and all(rank == highest for _, rank, highest in before)
    PgStore.open(team_library.admin).close()  # the administrator opening it brings it up to date
    with psycopg.connect(team_library.admin) as conn:
        assert upgrade.library_version(conn) == upgrade.SCHEMA_VERSION  # 7, or any later one
        body = conn.execute("SELECT prosrc FROM pg_proc WHERE oid = 'briefing.bb_rank_after_insert()'::regprocedure"
                            ).fetchone()
        assert body is not None and "LATERAL" in body[0]
    store = PgStore.open(officer)
    try:
        _import(store, tmp_path / "second", SECOND)  # joins the first import's items
        # The same stories as SECRET sources (other documents): they join no item of the other marking, and the
        # items they make are SECRET.
        for name, text in SECOND.items():
            write(tmp_path / "secret", name, text + " Classified annex.")
        secret = list(store.import_iter([tmp_path / "secret" / name for name in SECOND], marking="SECRET",
                                        extract=fake_extract))
        assert [r.status for r in secret] == ["imported"] * len(SECOND)
    finally:
        store.close()
    after = _ranks(team_library.admin)
    assert after[:len(before)] == before
    assert all(rank == highest for _, rank, highest in after)
    assert {rank for _, rank, _ in after} >= {0, 4}, after  # UNCLASSIFIED and SECRET items, each ranked as its sources
