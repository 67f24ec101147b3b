"""Version 6 of the team library's schema: the undo log takes the image after the step of the rows an import
inserts as they are inserted (schema.sql, bb_log_inserted), and the step's end looks up only the rows missing
one (undo.finish). A library of version 5 (whose triggers left every image to the step's end) is brought up
to date by its administrator opening it, and an import made before the upgrade, one made after, and one whose
inserted rows changed again within the step are all undone and redone row for row."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from briefing.library.pg import PgStore, upgrade
from tests.pg.conftest import Team
from tests.pg.test_import_batched import FIRST, SECOND, THIRD, _import, _rows

# Version 5's statement trigger: the new rows' keys only, their image after the step taken at its end.
VERSION_5_LOG_INSERTED = """
CREATE OR REPLACE FUNCTION briefing.bb_log_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    step bigint := nullif(current_setting('briefing.step', true), '')::bigint;
BEGIN
    IF step IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'contributions' THEN
        INSERT INTO briefing.undo_log (step_id, tbl, row_key, before)
            SELECT step, TG_TABLE_NAME, jsonb_build_object('item_id', r.item_id, 'source_id', r.source_id), NULL
            FROM new_rows r ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO briefing.undo_log (step_id, tbl, row_key, before)
            SELECT step, TG_TABLE_NAME, jsonb_build_object('id', r.id), NULL FROM new_rows r ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
UPDATE briefing.meta SET value = '5' WHERE key = 'schema_version';
"""


def _undone_and_redone(store: Any, before: dict[str, Any], after: dict[str, Any], name: str) -> None:
    assert store.undo() == name
    assert _rows(store) == before
    assert store.redo() == name
    assert _rows(store) == after


def test_imports_before_and_after_the_upgrade_to_version_6_are_undone_row_for_row(team_library: Team, tmp_path):
    with psycopg.connect(team_library.admin, autocommit=True) as conn:
        conn.execute(VERSION_5_LOG_INSERTED)
    officer = team_library.add("alice", "OFFICIAL")
    with pytest.MonkeyPatch.context() as patch:  # the program of version 5 writing to its library
        patch.setattr(upgrade, "SCHEMA_VERSION", 5)
        old = PgStore.open(officer)
        try:
            _import(old, tmp_path / "first", FIRST)
        finally:
            old.close()
    with psycopg.connect(team_library.admin) as conn:
        assert upgrade.library_version(conn) == 5
    PgStore.open(team_library.admin).close()  # the administrator opening it brings it up to date
    with psycopg.connect(team_library.admin) as conn:
        assert upgrade.library_version(conn) == upgrade.SCHEMA_VERSION  # 6, or any later one
    store = PgStore.open(officer)
    try:
        empty = {table: [] for table in _rows(store)}
        first = _rows(store)
        _undone_and_redone(store, empty, first, f"Import {len(FIRST)} sources")  # logged by version 5
        _import(store, tmp_path / "second", SECOND)
        second = _rows(store)
        with psycopg.connect(team_library.admin) as conn:  # the new rows came with their image after the step
            missing = conn.execute("SELECT count(*) FROM briefing.undo_log l JOIN briefing.undo_steps s ON s.id = l.step_id "
                                   "WHERE s.id = (SELECT max(id) FROM briefing.undo_steps) AND l.tbl IN "
                                   "('contributions', 'evidence') AND l.before IS NULL AND l.after IS NULL").fetchone()
        assert missing == (0,)
        _undone_and_redone(store, first, second, f"Import {len(SECOND)} sources")
        _import(store, tmp_path / "third", THIRD)
        _undone_and_redone(store, second, _rows(store), f"Import {len(THIRD)} sources")
    finally:
        store.close()


def test_rows_inserted_and_changed_again_in_one_step_are_undone_and_redone_as_the_step_left_them(open_store, tmp_path):
    """Within one step, quotes inserted (their image after the step taken then) and then changed, moved to
    another item, or deleted: the image taken as they were inserted is dropped by the change, and the step's
    end takes each row as the step left it."""
    store = open_store("alice", "OFFICIAL")
    _import(store, tmp_path / "first", FIRST)
    before = _rows(store)
    item_a, item_b = store.query(None)[:2]
    source_id = store.sources()[0].id
    with store.step("Quotes by hand") as db:
        for n in range(4):
            db.execute('INSERT INTO evidence (item_id, source_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                       (item_a, source_id, n, n + 5, f"quote {n}"))
        ids = [row[0] for row in db.execute("SELECT id FROM evidence WHERE text LIKE 'quote %' ORDER BY id").fetchall()]
        db.execute("UPDATE evidence SET text = 'quote changed' WHERE id = ?", (ids[0],))
        db.execute("UPDATE evidence SET item_id = ? WHERE id = ?", (item_b, ids[1]))
        db.execute("DELETE FROM evidence WHERE id = ?", (ids[2],))
    after = _rows(store)
    texts = sorted(row[5] for row in after["evidence"] if row[5].startswith("quote"))
    assert texts == sorted(["quote 1", "quote 3", "quote changed"])
    assert [row[1] for row in after["evidence"] if row[5] == "quote 1"] == [item_b]
    # The rows the step wrote (the items' derived rows, written by hand here without them, are recomputed by the
    # undo and redo themselves, so they are not compared).
    written = ("sources", "items", "contributions", "evidence")
    assert store.undo() == "Quotes by hand"
    assert {t: r for t, r in _rows(store).items() if t in written} == {t: r for t, r in before.items() if t in written}
    assert store.redo() == "Quotes by hand"
    assert {t: r for t, r in _rows(store).items() if t in written} == {t: r for t, r in after.items() if t in written}
