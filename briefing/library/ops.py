"""The user's corrections to identity: merging items the extraction kept apart, splitting a wrong merge.

Both run inside a Library step (one transaction, recorded for undo).
"""

from __future__ import annotations

import json
from typing import Any

from briefing.library import ingest, kinds
from briefing.library.connection import Connection, inserted_id
from briefing.library.index import refresh_items
from briefing.library.search import fold


def _merge_data(kind: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """One source's two contributions joined (it said both); ``a`` wins where both have a value."""
    out = dict(a)
    for key, value in b.items():
        if out.get(key) in (None, "", []):
            out[key] = value
        elif isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
    if kind == "person" and b.get("name") and fold(b["name"]) != fold(a.get("name")):
        aliases = out.get("aliases") or []
        if all(fold(x) != fold(b["name"]) for x in aliases):
            out["aliases"] = [*aliases, b["name"]]
    return out


def merge(conn: Connection, ids: list[int]) -> set[int]:
    """Merge ``ids[1:]`` into ``ids[0]``; returns the ids of items whose values changed."""
    keep, others = ids[0], ids[1:]
    kind = conn.execute("SELECT kind FROM items WHERE id = ?", (keep,)).fetchone()[0]
    changed = {keep}
    keep_edits = json.loads(conn.execute("SELECT edits FROM items WHERE id = ?", (keep,)).fetchone()[0])
    extra_aliases: list[str] = []
    for other in others:
        machine, edits, origin = conn.execute("SELECT machine, edits, origin FROM items WHERE id = ?", (other,)).fetchone()
        machine, edits = json.loads(machine), json.loads(edits)
        for sid, data in conn.execute("SELECT source_id, data FROM contributions WHERE item_id = ?", (other,)).fetchall():
            mine = conn.execute("SELECT data FROM contributions WHERE item_id = ? AND source_id = ?", (keep, sid)).fetchone()
            if mine:
                joined = _merge_data(kind, json.loads(mine[0]), json.loads(data))
                conn.execute("UPDATE contributions SET data = ? WHERE item_id = ? AND source_id = ?",
                             (json.dumps(joined, ensure_ascii=False), keep, sid))
        conn.execute("UPDATE contributions SET item_id = ? WHERE item_id = ? AND source_id NOT IN "
                     "(SELECT source_id FROM contributions WHERE item_id = ?)", (keep, other, keep))
        conn.execute("UPDATE evidence SET item_id = ? WHERE item_id = ?", (keep, other))
        conn.execute("UPDATE brief_lines SET item_id = ? WHERE item_id = ? AND brief_id NOT IN "
                     "(SELECT brief_id FROM brief_lines WHERE item_id = ?)", (keep, other, keep))
        for field, value in edits.items():
            keep_edits.setdefault(field, value)
        if kind == "person":
            effective = kinds.effective(kind, machine, edits)
            extra_aliases += [effective.get("name") or "", *(effective.get("aliases") or [])]
            changed |= _repoint_participants(conn, other, keep)
        if origin == "user" and not conn.execute("SELECT 1 FROM contributions WHERE item_id = ?", (keep,)).fetchone():
            # A hand-made item merged into another hand-made one: keep its values where the first has none.
            keep_machine = json.loads(conn.execute("SELECT machine FROM items WHERE id = ?", (keep,)).fetchone()[0])
            for field, value in machine.items():
                keep_machine.setdefault(field, value)
            conn.execute("UPDATE items SET machine = ? WHERE id = ?", (json.dumps(keep_machine), keep))
        conn.execute("DELETE FROM items WHERE id = ?", (other,))
    ingest.recombine(conn, keep)
    if kind == "person" and extra_aliases:
        machine = json.loads(conn.execute("SELECT machine FROM items WHERE id = ?", (keep,)).fetchone()[0])
        name = kinds.effective(kind, machine, keep_edits).get("name") or ""
        aliases = list(machine.get("aliases") or [])
        known = {fold(a) for a in aliases} | {fold(name)}
        for alias in extra_aliases:
            if alias and fold(alias) not in known:
                aliases.append(alias)
                known.add(fold(alias))
        machine["aliases"] = aliases
        conn.execute("UPDATE items SET machine = ? WHERE id = ?", (json.dumps(machine, ensure_ascii=False), keep))
    conn.execute("UPDATE items SET edits = ? WHERE id = ?", (json.dumps(keep_edits, ensure_ascii=False), keep))
    refresh_items(conn, changed | set(others))
    return changed


def _repoint_participants(conn: Connection, old: int, new: int) -> set[int]:
    """Events naming person ``old`` name ``new`` instead."""
    events = {r[0] for r in conn.execute("SELECT item_id FROM item_keys WHERE key >= ? AND key < ?",
                                         kinds.person_event_keys(old))}
    for event_id in events:
        for sid, data in conn.execute("SELECT source_id, data FROM contributions WHERE item_id = ?", (event_id,)).fetchall():
            values = json.loads(data)
            ids = values.get("participant_ids") or []
            if old in ids:
                values["participant_ids"] = list(dict.fromkeys(new if i == old else i for i in ids))
                conn.execute("UPDATE contributions SET data = ? WHERE item_id = ? AND source_id = ?",
                             (json.dumps(values, ensure_ascii=False), event_id, sid))
        ingest.recombine(conn, event_id)
    return events


def split(conn: Connection, item_id: int, evidence_ids: list[int]) -> int:
    """Move evidence to a new item of the same kind; a source all of whose evidence moves goes with it."""
    rows = conn.execute('SELECT id, source_id FROM evidence WHERE item_id = ?', (item_id,)).fetchall()
    mine = {r[0]: r[1] for r in rows}
    moving = [e for e in dict.fromkeys(evidence_ids)]
    missing = [e for e in moving if e not in mine]
    if missing:
        raise ValueError(f"evidence {', '.join(map(str, missing))} is not evidence of item {item_id}")
    if not moving:
        raise ValueError("choose the evidence to split off")
    if len(moving) == len(mine):
        raise ValueError("leave at least one piece of evidence with the item")
    kind, machine = conn.execute("SELECT kind, machine FROM items WHERE id = ?", (item_id,)).fetchone()
    new_id = inserted_id(conn.execute(
        "INSERT INTO items (kind, machine, edits, origin, created_at) VALUES (?, ?, '{}', 'machine', ?)",
        (kind, machine, ingest.now()),
    ))
    marks = ",".join("?" * len(moving))
    conn.execute(f"UPDATE evidence SET item_id = ? WHERE id IN ({marks})", (new_id, *moving))
    for source_id in {mine[e] for e in moving}:
        data = conn.execute("SELECT data FROM contributions WHERE item_id = ? AND source_id = ?",
                            (item_id, source_id)).fetchone()
        if data is None:
            continue
        conn.execute("INSERT INTO contributions (item_id, source_id, data) VALUES (?, ?, ?)", (new_id, source_id, data[0]))
        still = conn.execute("SELECT 1 FROM evidence WHERE item_id = ? AND source_id = ?", (item_id, source_id)).fetchone()
        if not still:
            conn.execute("DELETE FROM contributions WHERE item_id = ? AND source_id = ?", (item_id, source_id))
    conn.execute("INSERT INTO kept_apart (a, b) VALUES (?, ?)", (min(item_id, new_id), max(item_id, new_id)))
    ingest.recombine(conn, item_id)
    ingest.recombine(conn, new_id)
    refresh_items(conn, [item_id, new_id])
    return new_id
