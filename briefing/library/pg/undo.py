"""Undo and redo on the team library: each officer's own steps, never a colleague's work.

While a step runs, triggers (schema.sql, ``bb_log_row``) keep the first image of each row it touches;
when it finishes, ``finish`` stores each row's image after it (a row the step inserted many a statement and
did not change again has it from its insertion: ``bb_log_inserted``). Undoing puts the before-images back,
but only where the row still is as the step left it: if a colleague has since changed a column the
step changed, or a row it deleted was made again, the undo is refused with a message naming the
colleague's step (``UndoConflict``). Only the columns the step itself changed are put back, so a
colleague's later change to another column (a source joining the item) survives the undo.
Redo is the same in the other direction. Derived rows and columns (merge keys, search rows, list
columns, the item's marking rank, its version) are recomputed afterwards, never restored.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from briefing.library.db import LibraryError

# Each tracked table's key columns and their types, parents before children.
TRACKED: dict[str, tuple[tuple[str, str], ...]] = {
    "sources": (("id", "bigint"),),
    "items": (("id", "bigint"),),
    "briefs": (("id", "bigint"),),
    "contributions": (("item_id", "bigint"), ("source_id", "bigint")),
    "evidence": (("id", "bigint"),),
    "brief_lines": (("brief_id", "bigint"), ("item_id", "bigint")),
    "kept_apart": (("a", "bigint"), ("b", "bigint")),
    "dismissed": (("source_id", "bigint"), ("kind", "text"), ("fingerprint", "text")),
}
# Columns recomputed from the others (or kept by the server) rather than restored.
DERIVED: dict[str, frozenset[str]] = {
    "items": frozenset({"date", "label", "status", "type", "countries", "version", "changed_by", "marking_rank"}),
}
MAX_STEPS = 200  # per officer; older steps are forgotten
DONE, UNDONE, RUNNING = 1, 0, 2


class UndoConflict(LibraryError):
    """The step cannot be undone (or redone) without overwriting a colleague's later change."""


@dataclass
class Applied:
    name: str
    items: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)
    briefs: set[int] = field(default_factory=set)


def _key_match(table: str, alias: str = "t") -> str:
    return " AND ".join(f"{alias}.{col} = (l.row_key ->> '{col}')::{kind}" for col, kind in TRACKED[table])


def begin(conn: psycopg.Connection[Any], name: str, created_at: str, *, running: bool = False) -> int:
    """A new step of the logged-in officer (forgetting what they had undone); the caller holds the
    transaction and sets ``briefing.step`` to the id returned.

    ``running``: a step recorded over several transactions (an import), not to be undone until ``finish``
    (or until its connection is found gone: killed, it leaves whole sources only)."""
    conn.execute("DELETE FROM undo_steps WHERE owner = session_user AND done = %s", (UNDONE,))
    row = conn.execute(
        "INSERT INTO undo_steps (name, created_at, done, backend_pid) VALUES (%s, %s, %s, "
        "CASE WHEN %s THEN pg_backend_pid() END) RETURNING id",
        (name, created_at, RUNNING if running else DONE, running)).fetchone()
    assert row is not None
    step_id: int = row[0]
    conn.execute("DELETE FROM undo_steps WHERE owner = session_user AND id IN (SELECT id FROM undo_steps "
                 "WHERE owner = session_user ORDER BY id DESC OFFSET %s)", (MAX_STEPS,))
    return step_id


def finish(conn: psycopg.Connection[Any], step_id: int) -> bool:
    """Store the after-images of the rows the step touched; drop a step that changed nothing.

    True if the step is kept."""
    if conn.execute("SELECT 1 FROM undo_log WHERE step_id = %s LIMIT 1", (step_id,)).fetchone() is None:
        conn.execute("DELETE FROM undo_steps WHERE id = %s", (step_id,))
        return False
    conn.execute("UPDATE undo_steps SET done = %s, backend_pid = NULL WHERE id = %s AND done = %s",
                 (DONE, step_id, RUNNING))
    tables = [r[0] for r in conn.execute("SELECT DISTINCT tbl FROM undo_log WHERE step_id = %s", (step_id,))]
    for table in tables:
        # Each row's after-image looked up by its primary key, one row at a time: a join of the log with the
        # table is planned from the tables' statistics, which in a library being filled lag far behind (a
        # few rows when analysed, thousands now), and a plan that reads the whole table for every logged row
        # took half a minute for an import of 200 sources.
        key = " AND ".join(f"t.{col} = (l.row_key ->> '{col}')::{kind}" for col, kind in TRACKED[table])
        # A row inserted by the step and not changed since has its image already (schema.sql, bb_log_inserted).
        conn.execute(f"UPDATE undo_log l SET after = (SELECT to_jsonb(t) FROM {table} t WHERE {key}) "
                     f"WHERE l.step_id = %s AND l.tbl = %s AND l.after IS NULL", (step_id, table))
    return True


def latest(conn: psycopg.Connection[Any], done: int, *, refuse_running: bool = True) -> tuple[int, str] | None:
    """The officer's latest done step (to undo) or earliest undone one (to redo).

    LibraryError when the latest is still running (an import of theirs in another window)."""
    if done == UNDONE:
        row = conn.execute("SELECT id, name FROM undo_steps WHERE owner = session_user AND done = %s "
                           "ORDER BY id LIMIT 1", (UNDONE,)).fetchone()
        return (row[0], row[1]) if row else None
    # A running step whose connection is gone (killed mid-import) becomes an ordinary done step.
    conn.execute("UPDATE undo_steps SET done = %s, backend_pid = NULL WHERE owner = session_user AND done = %s "
                 "AND backend_pid IS DISTINCT FROM pg_backend_pid() AND NOT EXISTS "
                 "(SELECT 1 FROM pg_stat_activity a WHERE a.pid = undo_steps.backend_pid)", (DONE, RUNNING))
    row = conn.execute("SELECT id, name, done FROM undo_steps WHERE owner = session_user AND done IN (%s, %s) "
                       "ORDER BY id DESC LIMIT 1", (DONE, RUNNING)).fetchone()
    if row is None:
        return None
    if row[2] == RUNNING and refuse_running:
        raise LibraryError(f"'{row[1]}' is still running; undo it once it has finished")
    return (row[0], row[1])


def _columns(table: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> set[str]:
    """The columns a step changed in a row (all but the derived ones when it made or removed the row)."""
    skip = DERIVED.get(table, frozenset())
    if before is None or after is None:
        return {c for c in (before or after or {}) if c not in skip}
    return {c for c in set(before) | set(after) if c not in skip and before.get(c) != after.get(c)}


def _conflicts(current: dict[str, Any] | None, expected: dict[str, Any] | None, columns: set[str]) -> bool:
    """Is the row no longer as the step (or its undo) left it, in the columns the step changed?"""
    if expected is None or current is None:
        return expected is not current
    return any(current.get(c) != expected.get(c) for c in columns)


def _current(conn: psycopg.Connection[Any], step_id: int) -> dict[tuple[str, str], dict[str, Any]]:
    """Each logged row as it is now (absent rows are missing), keyed by (table, key as JSON text)."""
    now: dict[tuple[str, str], dict[str, Any]] = {}
    for table in TRACKED:
        for key, image in conn.execute(
                f"SELECT l.row_key, to_jsonb(t) FROM undo_log l JOIN {table} t ON {_key_match(table)} "
                f"WHERE l.step_id = %s AND l.tbl = %s", (step_id, table)):
            now[(table, json.dumps(key, sort_keys=True))] = image
    return now


def apply(conn: psycopg.Connection[Any], step_id: int, name: str, *, undoing: bool) -> Applied:
    """Undo (or redo) one step of this officer's; the caller holds the transaction."""
    entries = conn.execute("SELECT tbl, row_key, before, after FROM undo_log WHERE step_id = %s ORDER BY tbl",
                           (step_id,)).fetchall()
    now = _current(conn, step_id)
    deletes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    updates: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    applied = Applied(name)
    for table, key, before, after in entries:
        if table not in TRACKED:
            continue
        expected, target = (after, before) if undoing else (before, after)
        current = now.get((table, json.dumps(key, sort_keys=True)))
        columns = _columns(table, before, after)
        if _conflicts(current, expected, columns):
            _refuse(conn, table, key, step_id, name, undoing)
        _note(applied, table, key, current, target)
        if target is None:
            if current is not None:
                deletes[table].append(key)
        elif current is None:
            inserts[table].append(target)
        else:
            changed = tuple(sorted(c for c in columns if target.get(c) != current.get(c)))
            if changed:
                updates[(table, changed)].append(target)
    # Rows come back first, then rows change, then rows go: a delete cascades to the rows still pointing at
    # it, so the evidence a merge moved must be pointed back at its own item before the merged one goes.
    conn.execute("SET CONSTRAINTS ALL DEFERRED")
    for table in TRACKED:
        if inserts.get(table):
            cols = ", ".join(f'"{c}"' for c in inserts[table][0])
            conn.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM jsonb_populate_recordset(NULL::{table}, %s)",
                         (Jsonb(inserts[table]),))
    for (table, changed), images in updates.items():
        sets = ", ".join(f'"{c}" = %s' for c in changed)
        where = " AND ".join(f'"{c}" = %s' for c, _ in TRACKED[table])
        conn.cursor().executemany(f"UPDATE {table} SET {sets} WHERE {where}",
                                  [[*(img[c] for c in changed), *(img[c] for c, _ in TRACKED[table])] for img in images])
    for table in reversed(list(TRACKED)):
        if deletes.get(table):
            match = " AND ".join(f"t.{c} = k.{c}" for c, _ in TRACKED[table])
            conn.execute(f"DELETE FROM {table} t USING jsonb_populate_recordset(NULL::{table}, %s) k WHERE {match}",
                         (Jsonb(deletes[table]),))
    conn.execute("UPDATE undo_steps SET done = %s WHERE id = %s", (UNDONE if undoing else DONE, step_id))
    return applied


def _note(applied: Applied, table: str, key: dict[str, Any], *images: dict[str, Any] | None) -> None:
    ids = {"items": applied.items, "sources": applied.sources, "briefs": applied.briefs}
    if table in ids:
        ids[table].add(int(key["id"]))
    for image in images:
        if image and "item_id" in image:
            applied.items.add(int(image["item_id"]))
        if image and "brief_id" in image:
            applied.briefs.add(int(image["brief_id"]))


_WHAT = {"items": "item", "sources": "source", "briefs": "brief", "contributions": "what a source says of item",
         "evidence": "a quote of an item", "brief_lines": "a brief's line", "kept_apart": "items kept apart",
         "dismissed": "what the step deleted"}


def _refuse(conn: psycopg.Connection[Any], table: str, key: dict[str, Any], step_id: int, name: str,
            undoing: bool) -> None:
    row = conn.execute("SELECT owner, name FROM bb_changed_since(%s, %s, %s)", (table, Jsonb(key), step_id)).fetchone()
    label = _WHAT.get(table, table)
    ref = key.get("id", key.get("item_id", ""))
    thing = f"{label} {ref}".strip()
    verb = "undo" if undoing else "redo"
    if row is not None:
        me = conn.execute("SELECT session_user").fetchone()  # always one row
        who = "you" if me is not None and row[0] == me[0] else row[0]
        raise UndoConflict(f"cannot {verb} '{name}': {who} changed {thing} since ('{row[1]}'); "
                           f"{'undo that first' if who == 'you' else 'ask them, or change it by hand'}")
    raise UndoConflict(f"cannot {verb} '{name}': {thing} has changed since (an import, or a colleague's change)")
