"""Derived data kept in step with items and sources: list columns, merge keys and the full-text index.

Derived rows are never undone themselves: after any change (a step, an undo, a
redo) the touched items and sources are simply indexed again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.library import kinds
from briefing.library.connection import Connection
from briefing.library.search import fold

MAX_INDEXED_EVIDENCE = 12  # the sources' own text is indexed whole; an item needs only its first quotes


def refresh_items(conn: Connection, ids: Iterable[int]) -> None:
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


def reindex_items(conn: Connection, ids: Iterable[int]) -> None:
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


@dataclass(frozen=True)
class Indexed:
    """What the library holds of an item's derived rows: its list columns, merge keys, first quotes and
    search text (None: no search row)."""

    row: tuple[str | None, ...]  # the items table's list columns (_ROW) as stored; () for no row
    keys: frozenset[str]
    evidence: list[str]
    body: str | None
    parts: list[str] | None = None  # the words the body was made of (None: not known)


_ROW = ("date", "label", "status", "type", "countries")


def read_indexed(conn: Connection, item_id: int, fts: bool) -> Indexed:
    row = conn.execute("SELECT date, label, status, type, countries FROM items WHERE id = ?", (item_id,)).fetchone()
    keys = frozenset(r[0] for r in conn.execute("SELECT key FROM item_keys WHERE item_id = ?", (item_id,)))
    evidence = [r[0] for r in conn.execute(
        "SELECT text FROM evidence WHERE item_id = ? ORDER BY id LIMIT ?", (item_id, MAX_INDEXED_EVIDENCE))]
    body = None
    if fts:
        found = conn.execute("SELECT body FROM items_fts WHERE rowid = ?", (item_id,)).fetchone()
        body = found[0] if found else None
    return Indexed(tuple(row) if row else (), keys, evidence, body)


def write_indexed(conn: Connection, item_id: int, kind: str, machine: dict[str, Any], machine_json: str,
                  edits: dict[str, Any], evidence: list[str], held: Indexed, fts: bool, *, stored_json: str | None = None) -> Indexed:
    """Write an item's machine values (``machine_json``, their stored form; not at all when that is
    ``stored_json``, the text the library holds) and, where they differ from ``held``, its derived rows."""
    values = kinds.row_values(kind, machine, edits)
    row = tuple(values[c] for c in _ROW)
    if row != held.row:
        conn.execute("UPDATE items SET machine = ?, date = ?, label = ?, status = ?, type = ?, countries = ? "
                     "WHERE id = ?", (machine_json, *row, item_id))
    elif machine_json != stored_json:  # a source joining "trade" for the hundredth time mostly changes nothing
        conn.execute("UPDATE items SET machine = ? WHERE id = ?", (machine_json, item_id))
    keys = frozenset(kinds.identity_keys(kind, machine, edits))
    if held.keys - keys:
        conn.executemany("DELETE FROM item_keys WHERE item_id = ? AND key = ?",
                         [(item_id, k) for k in held.keys - keys])
    if keys - held.keys:
        conn.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", [(k, item_id) for k in keys - held.keys])
    body, parts = None, None
    if fts:
        parts = kinds.search_parts(kind, machine, edits)
        if parts == held.parts and evidence == held.evidence:
            body = held.body  # the same words: folding them again would give the same text
        else:
            body = kinds.search_text(parts, evidence)
            if body != held.body:
                conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
                conn.execute("INSERT INTO items_fts (rowid, body) VALUES (?, ?)", (item_id, body))
    return Indexed(row, keys, evidence, body, parts)


def index_new_item(conn: Connection, item_id: int, kind: str, machine: dict[str, Any], evidence: list[str]) -> Indexed:
    """Merge keys and full-text row of an item just inserted (nothing of it to delete first)."""
    keys = frozenset(kinds.identity_keys(kind, machine, {}))
    conn.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", [(k, item_id) for k in keys])
    body, parts = None, None
    if has_fts(conn):
        parts = kinds.search_parts(kind, machine, {})
        body = kinds.search_text(parts, evidence[:MAX_INDEXED_EVIDENCE])
        conn.execute("INSERT INTO items_fts (rowid, body) VALUES (?, ?)", (item_id, body))
    values = kinds.row_values(kind, machine, {})
    return Indexed(tuple(values[c] for c in _ROW), keys, evidence[:MAX_INDEXED_EVIDENCE], body, parts)


def reindex_sources(conn: Connection, ids: Iterable[int]) -> None:
    if not has_fts(conn):
        return
    for source_id in set(ids):
        conn.execute("DELETE FROM sources_fts WHERE rowid = ?", (source_id,))
        row = conn.execute("SELECT title, text, publisher, path FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is not None:
            body = fold(" ".join(part or "" for part in row))
            conn.execute("INSERT INTO sources_fts (rowid, body) VALUES (?, ?)", (source_id, body))


def reindex_all(conn: Connection) -> None:
    conn.execute("DELETE FROM item_keys")
    if has_fts(conn):
        conn.execute("DELETE FROM items_fts")
        conn.execute("DELETE FROM sources_fts")
    refresh_items(conn, [r[0] for r in conn.execute("SELECT id FROM items")])
    reindex_sources(conn, [r[0] for r in conn.execute("SELECT id FROM sources")])


def has_fts(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'items_fts'").fetchone() is not None
