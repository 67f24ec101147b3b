"""Undo and redo kept in the library file, so the window and the command line share one history.

While a step runs, triggers (db._create_undo_triggers) copy the first image of
every row it touches into ``undo_log``: the row as it was before the step, or
NULL for a row the step inserted. Undoing reads each such row as it is now (the
step's after-image: later steps are undone first) and puts the before-image
back; redo puts the after-images back. Starting a new step forgets what was
undone. Derived rows (merge keys, full-text index) are rebuilt, not logged.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import dataclass
from typing import Any

from briefing.library.connection import inserted_id
from briefing.library.db import TRACKED_TABLES, LibraryError, columns
from briefing.library.index import refresh_items, reindex_sources

MAX_STEPS = 200  # older steps are forgotten
DONE, UNDONE, RUNNING = 1, 0, 2  # undo_steps.done


@dataclass
class Applied:
    name: str
    items: set[int]
    sources: set[int]


def begin(conn: sqlite3.Connection, name: str, created_at: str, *, running: bool = False) -> int:
    """Record a new step (forgetting undone ones); the caller holds the transaction.

    ``running``: a step recorded over several transactions (an import); nobody may undo it until
    ``finish`` marks it done, or its process is found gone (killed: what it wrote is whole sources)."""
    conn.execute("DELETE FROM undo_steps WHERE done = 0")
    step_id = inserted_id(conn.execute(
        "INSERT INTO undo_steps (name, done, created_at, owner_pid) VALUES (?, ?, ?, ?)",
        (name, RUNNING if running else DONE, created_at, os.getpid() if running else None),
    ))
    conn.execute("DELETE FROM undo_steps WHERE id <= ? AND done != 2", (step_id - MAX_STEPS,))  # never a running one
    return step_id


def finish(conn: sqlite3.Connection, step_id: int) -> bool:
    """Drop the step if it changed nothing; True if it is kept."""
    if conn.execute("SELECT 1 FROM undo_log WHERE step_id = ? LIMIT 1", (step_id,)).fetchone():
        conn.execute("UPDATE undo_steps SET done = 1, owner_pid = NULL WHERE id = ? AND done = 2", (step_id,))
        return True
    conn.execute("DELETE FROM undo_steps WHERE id = ?", (step_id,))
    return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows (os.name "nt"; the form mypy reads)
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def settle(conn: sqlite3.Connection) -> None:
    """Running steps whose process is gone (killed mid-import) become ordinary done steps."""
    for step_id, pid in conn.execute("SELECT id, owner_pid FROM undo_steps WHERE done = 2").fetchall():
        if pid is None or not _alive(pid):
            conn.execute("UPDATE undo_steps SET done = 1, owner_pid = NULL WHERE id = ?", (step_id,))


def _latest(conn: sqlite3.Connection) -> tuple[int, str, int] | None:
    settle(conn)
    row: tuple[int, str, int] | None = conn.execute(
        "SELECT id, name, done FROM undo_steps WHERE done IN (1, 2) ORDER BY id DESC LIMIT 1").fetchone()
    return row


def undo_name(conn: sqlite3.Connection) -> str | None:
    row = _latest(conn)
    return row[1] if row else None


def redo_name(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT name FROM undo_steps WHERE done = 0 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else None


def undo(conn: sqlite3.Connection) -> Applied | None:
    """Undo the latest done step; the caller holds the transaction and must not be recording."""
    row = _latest(conn)
    if row is None:
        return None
    step_id, name, done = row
    if done == RUNNING:
        raise LibraryError(f"'{name}' is still running; undo it once it has finished")
    entries = conn.execute("SELECT tbl, row_id, before FROM undo_log WHERE step_id = ?", (step_id,)).fetchall()
    for tbl, row_id, _ in entries:
        conn.execute(
            "UPDATE undo_log SET after = ? WHERE step_id = ? AND tbl = ? AND row_id = ?",
            (_image(conn, tbl, row_id), step_id, tbl, row_id),
        )
    applied = _apply(conn, [(tbl, row_id, before) for tbl, row_id, before in entries], name)
    conn.execute("UPDATE undo_steps SET done = 0 WHERE id = ?", (step_id,))
    return applied


def redo(conn: sqlite3.Connection) -> Applied | None:
    row = conn.execute("SELECT id, name FROM undo_steps WHERE done = 0 ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return None
    step_id, name = row
    entries = conn.execute("SELECT tbl, row_id, after FROM undo_log WHERE step_id = ?", (step_id,)).fetchall()
    applied = _apply(conn, entries, name)
    conn.execute("UPDATE undo_steps SET done = 1 WHERE id = ?", (step_id,))
    return applied


def _image(conn: sqlite3.Connection, table: str, row_id: int) -> str | None:
    cols = columns(conn, table)
    expr = "json_object('rowid', rowid, " + ", ".join(f"'{c}', \"{c}\"" for c in cols) + ")"
    row = conn.execute(f"SELECT {expr} FROM {table} WHERE rowid = ?", (row_id,)).fetchone()
    return row[0] if row else None


def _apply(conn: sqlite3.Connection, entries: list[tuple[str, int, str | None]], name: str) -> Applied:
    """Make each (table, rowid) equal its image (None: absent). Deletes first, so unique keys free up;
    foreign keys are checked at commit, when every row is back in place."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    items: set[int] = set()
    sources: set[int] = set()

    def note(table: str, row_id: int, image: dict[str, Any] | None) -> None:
        if table == "items":
            items.add(row_id)
        elif table == "sources":
            sources.add(row_id)
        if image and "item_id" in image:
            items.add(image["item_id"])

    for table, row_id, image in entries:
        if table not in TRACKED_TABLES:
            continue
        if image is None:
            old = _image(conn, table, row_id)
            note(table, row_id, json.loads(old) if old else None)
            conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (row_id,))
    for table, row_id, image in entries:
        if table not in TRACKED_TABLES or image is None:
            continue
        values = json.loads(image)
        values.pop("rowid", None)
        old = _image(conn, table, row_id)
        note(table, row_id, json.loads(old) if old else None)
        note(table, row_id, values)
        cols = list(values)
        if old is not None:
            sets = ", ".join(f'"{c}" = ?' for c in cols)
            conn.execute(f"UPDATE {table} SET {sets} WHERE rowid = ?", (*values.values(), row_id))
        else:
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" * len(cols))
            conn.execute(f"INSERT INTO {table} (rowid, {names}) VALUES (?, {marks})", (row_id, *values.values()))
    refresh_items(conn, items)
    reindex_sources(conn, sources)
    return Applied(name, items, sources)
