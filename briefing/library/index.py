"""Derived data kept in step with items and sources: list columns, merge keys and the full-text index.

Derived rows are never undone themselves: after any change (a step, an undo, a
redo) the touched items and sources are simply indexed again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from briefing.library import kinds
from briefing.library.search import fold

MAX_INDEXED_EVIDENCE = 12  # the sources' own text is indexed whole; an item needs only its first quotes


def refresh_items(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Recompute list columns from machine + edits, then the keys and search text, for these items."""
    ids = sorted(set(ids))
    for item_id in ids:
        row = conn.execute("SELECT kind, machine, edits FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            continue
        kind, machine, edits = row[0], json.loads(row[1]), json.loads(row[2])
        values = kinds.row_values(kind, machine, edits)
        current = conn.execute(
            "SELECT date, label, status, type, countries FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        if tuple(current) != (values["date"], values["label"], values["status"], values["type"], values["countries"]):
            conn.execute(
                "UPDATE items SET date = :date, label = :label, status = :status, type = :type, "
                "countries = :countries WHERE id = :id",
                {**values, "id": item_id},
            )
    reindex_items(conn, ids)


def reindex_items(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Rebuild merge keys and full-text rows for these items (those that no longer exist lose theirs)."""
    fts = has_fts(conn)
    for item_id in set(ids):
        conn.execute("DELETE FROM item_keys WHERE item_id = ?", (item_id,))
        if fts:
            conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
        row = conn.execute("SELECT kind, machine, edits FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            continue
        kind, machine, edits = row[0], json.loads(row[1]), json.loads(row[2])
        keys = kinds.identity_keys(kind, machine, edits)
        conn.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", [(k, item_id) for k in keys])
        if fts:
            # The first sentences suffice to find it; a topic quoted by hundreds of sources stays cheap to index.
            evidence = [r[0] for r in conn.execute(
                "SELECT text FROM evidence WHERE item_id = ? ORDER BY id LIMIT ?", (item_id, MAX_INDEXED_EVIDENCE))]
            body = kinds.search_body(kind, machine, edits, evidence)
            conn.execute("INSERT INTO items_fts (rowid, body) VALUES (?, ?)", (item_id, body))


def refresh_item(conn: sqlite3.Connection, item_id: int, kind: str, machine: dict, edits: dict,
                 has_fts: bool) -> None:
    """``refresh_items`` for one item whose values the caller holds: writes only what changed."""
    values = kinds.row_values(kind, machine, edits)
    conn.execute(
        "UPDATE items SET date = :date, label = :label, status = :status, type = :type, countries = :countries "
        "WHERE id = :id AND (date IS NOT :date OR label IS NOT :label OR status IS NOT :status "
        "OR type IS NOT :type OR countries IS NOT :countries)",
        {**values, "id": item_id},
    )
    keys = kinds.identity_keys(kind, machine, edits)
    held = {r[0] for r in conn.execute("SELECT key FROM item_keys WHERE item_id = ?", (item_id,))}
    if held - keys:
        conn.executemany("DELETE FROM item_keys WHERE item_id = ? AND key = ?", [(item_id, k) for k in held - keys])
    conn.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", [(k, item_id) for k in keys - held])
    if has_fts:
        evidence = [r[0] for r in conn.execute(
            "SELECT text FROM evidence WHERE item_id = ? ORDER BY id LIMIT ?", (item_id, MAX_INDEXED_EVIDENCE))]
        body = kinds.search_body(kind, machine, edits, evidence)
        row = conn.execute("SELECT body FROM items_fts WHERE rowid = ?", (item_id,)).fetchone()
        if row is None or row[0] != body:
            conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
            conn.execute("INSERT INTO items_fts (rowid, body) VALUES (?, ?)", (item_id, body))


def index_new_item(conn: sqlite3.Connection, item_id: int, kind: str, machine: dict, evidence: list[str]) -> None:
    """Merge keys and full-text row of an item just inserted (nothing of it to delete first)."""
    conn.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)",
                     [(k, item_id) for k in kinds.identity_keys(kind, machine, {})])
    if has_fts(conn):
        body = kinds.search_body(kind, machine, {}, evidence[:MAX_INDEXED_EVIDENCE])
        conn.execute("INSERT INTO items_fts (rowid, body) VALUES (?, ?)", (item_id, body))


def reindex_sources(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    if not has_fts(conn):
        return
    for source_id in set(ids):
        conn.execute("DELETE FROM sources_fts WHERE rowid = ?", (source_id,))
        row = conn.execute("SELECT title, text, publisher, path FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is not None:
            body = fold(" ".join(part or "" for part in row))
            conn.execute("INSERT INTO sources_fts (rowid, body) VALUES (?, ?)", (source_id, body))


def reindex_all(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM item_keys")
    if has_fts(conn):
        conn.execute("DELETE FROM items_fts")
        conn.execute("DELETE FROM sources_fts")
    refresh_items(conn, [r[0] for r in conn.execute("SELECT id FROM items")])
    reindex_sources(conn, [r[0] for r in conn.execute("SELECT id FROM sources")])


def has_fts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'items_fts'").fetchone() is not None
