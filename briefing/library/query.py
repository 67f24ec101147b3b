"""Reading the library: filtered item ids, light rows, full items and the tree's groups."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.library import kinds
from briefing.library.connection import Connection
from briefing.library.records import EvidenceRef, Item, ItemRow, SourceRecord, SourceRow
from briefing.library.search import fts_match, parse_search

KIND_LABELS = {
    "event": "Events", "agreement": "Agreements", "person": "People",
    "figure": "Figures", "topic": "Topics", "note": "Notes",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_CHUNK = 500


@dataclass
class Query:
    """Which items to show; every part optional, all parts must hold.

    ``since``/``until`` compare to the item's date at its own precision (an item dated "2021" is
    within since="2021-06-01"); undated items are left out when either is given. ``text`` is an
    accent- and case-blind full-text search: every word, "quoted phrases" as phrases, none of the
    -words; the last word a prefix. ``own_country`` is the user's own country: grouping by country
    leaves it out (every item involves it).
    """

    kind: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    text: str | None = None
    source_id: int | None = None
    own_country: str | None = None


class NoMatch(Exception):
    """The query's text holds no word: it can match nothing."""


def where(q: Query | None) -> tuple[str, list[Any]]:
    q = q or Query()
    parts: list[str] = []
    args: list[Any] = []
    if q.kind:
        parts.append("i.kind = ?")
        args.append(q.kind)
    if q.country:
        parts.append("i.countries LIKE ?")
        args.append(f"%|{q.country.upper()}|%")
    if q.since:
        parts.append("i.date IS NOT NULL AND i.date >= substr(?, 1, length(i.date))")
        args.append(q.since)
    if q.until:
        parts.append("i.date IS NOT NULL AND substr(i.date, 1, length(?)) <= ?")
        args += [q.until, q.until]
    if q.status:
        parts.append("i.status = ?")
        args.append(q.status)
    if q.text and q.text.strip():
        wanted, unwanted = fts_match(parse_search(q.text))
        if wanted is None and unwanted is None:
            parts.append("0")  # only punctuation: nothing can match
        if wanted is not None:
            parts.append("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            args.append(wanted)
        if unwanted is not None:
            parts.append("i.id NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            args.append(unwanted)
    if q.source_id is not None:
        parts.append(
            "i.id IN (SELECT item_id FROM evidence WHERE source_id = ? "
            "UNION SELECT item_id FROM contributions WHERE source_id = ?)"
        )
        args += [q.source_id, q.source_id]
    return (" WHERE " + " AND ".join(parts)) if parts else "", args


ORDER = " ORDER BY i.date IS NULL, i.date DESC, i.id"


def query(conn: sqlite3.Connection, q: Query | None) -> list[int]:
    clause, args = where(q)
    return [r[0] for r in conn.execute(f"SELECT i.id FROM items i{clause}{ORDER}", args)]


def count(conn: sqlite3.Connection, q: Query | None) -> int:
    clause, args = where(q)
    found: int = conn.execute(f"SELECT count(*) FROM items i{clause}", args).fetchone()[0]
    return found


def _search(conn: sqlite3.Connection, table: str, text: str) -> list[int]:
    """Rows of an FTS table holding every wanted term of ``text`` and no unwanted one, best first."""
    wanted, unwanted = fts_match(parse_search(text))
    if wanted is None:  # nothing wanted: a search returns nothing rather than everything but a word
        return []
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
    args = [wanted]
    if unwanted is not None:
        sql += f" AND rowid NOT IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"
        args.append(unwanted)
    return [r[0] for r in conn.execute(sql + " ORDER BY rank", args)]


def search(conn: sqlite3.Connection, text: str) -> list[int]:
    """Items whose fields or evidence hold every word and "phrase" of ``text`` and no -word
    (accent/case blind), best first."""
    return _search(conn, "items_fts", text)


def search_sources(conn: sqlite3.Connection, text: str) -> list[int]:
    return _search(conn, "sources_fts", text)


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _source_ids(conn: Connection, ids: list[int]) -> dict[int, list[int]]:
    out: dict[int, set[int]] = {}
    marks = ",".join("?" * len(ids))
    for item_id, source_id in conn.execute(
        f"SELECT item_id, source_id FROM contributions WHERE item_id IN ({marks}) "
        f"UNION SELECT item_id, source_id FROM evidence WHERE item_id IN ({marks})",
        (*ids, *ids),
    ):
        out.setdefault(item_id, set()).add(source_id)
    return {k: sorted(v) for k, v in out.items()}


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split("|") if c)


def rows(conn: Connection, ids: Sequence[int]) -> list[ItemRow]:
    found: dict[int, ItemRow] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        sources = _source_ids(conn, chunk)
        for r in conn.execute(
            f"SELECT id, kind, date, label, status, type, countries, edits != '{{}}' FROM items WHERE id IN ({marks})",
            chunk,
        ):
            found[r[0]] = ItemRow(
                id=r[0], kind=r[1], date=r[2], label=r[3], status=r[4], type=r[5], countries=_codes(r[6]),
                edited=bool(r[7]), source_ids=tuple(sources.get(r[0], ())),
            )
    return [found[i] for i in ids if i in found]


def items(conn: Connection, ids: Sequence[int]) -> list[Item]:
    found: dict[int, Item] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        sources = _source_ids(conn, chunk)
        evidence: dict[int, list[EvidenceRef]] = {}
        for r in conn.execute(
            f'SELECT id, item_id, source_id, start, "end", text FROM evidence WHERE item_id IN ({marks}) '
            f"ORDER BY source_id, start, id",
            chunk,
        ):
            evidence.setdefault(r[1], []).append(EvidenceRef(id=r[0], source_id=r[2], start=r[3], end=r[4], text=r[5]))
        for item_id, kind, machine, edits in conn.execute(
            f"SELECT id, kind, machine, edits FROM items WHERE id IN ({marks})", chunk
        ):
            machine, edits = json.loads(machine), json.loads(edits)
            found[item_id] = Item(
                id=item_id, kind=kind, fields=kinds.effective(kind, machine, edits), machine=machine, edits=edits,
                evidence=evidence.get(item_id, []), source_ids=sources.get(item_id, []),
            )
    return [found[i] for i in ids if i in found]


_SOURCE_COLUMNS = ("s.id, s.path, s.title, s.date, s.publisher, s.marking, s.language, s.format, s.analysed, s.note, "
                   "s.sha256, s.author, s.url, s.accessed")


def _source_row(r: Sequence[Any]) -> dict[str, Any]:
    return dict(
        id=r[0], path=r[1], title=r[2], date=r[3], publisher=r[4], marking=r[5], language=r[6], format=r[7],
        analysed=bool(r[8]), note=r[9], sha256=r[10], author=r[11], url=r[12], accessed=r[13],
    )


def _item_counts(conn: sqlite3.Connection) -> dict[int, int]:
    return dict(conn.execute(
        "SELECT source_id, count(DISTINCT item_id) FROM (SELECT source_id, item_id FROM contributions "
        "UNION SELECT source_id, item_id FROM evidence) GROUP BY source_id"
    ).fetchall())


def sources(conn: sqlite3.Connection) -> list[SourceRow]:
    counts = _item_counts(conn)
    return [
        SourceRow(**_source_row(r), item_count=counts.get(r[0], 0))
        for r in conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources s ORDER BY s.date IS NULL, s.date DESC, s.id")
    ]


def source(conn: sqlite3.Connection, source_id: int) -> SourceRecord | None:
    r = conn.execute(f"SELECT {_SOURCE_COLUMNS}, s.text FROM sources s WHERE s.id = ?", (source_id,)).fetchone()
    if r is None:
        return None
    n = conn.execute(
        "SELECT count(*) FROM (SELECT item_id FROM contributions WHERE source_id = ? "
        "UNION SELECT item_id FROM evidence WHERE source_id = ?)", (source_id, source_id)
    ).fetchone()[0]
    return SourceRecord(**_source_row(r), item_count=n, text=r[14])


# --- groups for the tree ---------------------------------------------------------------------------


def groups(conn: sqlite3.Connection, by: str, q: Query | None) -> list[tuple[Any, str, int]]:
    """(key, label, count) for each group of the items ``q`` selects; see group_ids for the members."""
    q = q or Query()
    clause, args = where(q)
    if by == "kind":
        counts = dict(conn.execute(f"SELECT i.kind, count(*) FROM items i{clause} GROUP BY i.kind", args).fetchall())
        return [(k, KIND_LABELS[k], counts[k]) for k in KIND_LABELS if k in counts]
    if by == "source":
        rows_ = conn.execute(
            f"SELECT s.id, s.title, s.path, s.date, count(DISTINCT x.item_id) FROM "
            f"(SELECT item_id, source_id FROM contributions UNION SELECT item_id, source_id FROM evidence) x "
            f"JOIN sources s ON s.id = x.source_id WHERE x.item_id IN (SELECT i.id FROM items i{clause}) "
            f"GROUP BY s.id ORDER BY s.date IS NULL, s.date DESC, s.id",
            args,
        ).fetchall()
        out = [(r[0], r[1] or r[2], r[4]) for r in rows_]
        unsourced = conn.execute(
            f"SELECT count(*) FROM items i{clause}{' AND' if clause else ' WHERE'} NOT EXISTS "
            f"(SELECT 1 FROM contributions c WHERE c.item_id = i.id) AND NOT EXISTS "
            f"(SELECT 1 FROM evidence e WHERE e.item_id = i.id)",
            args,
        ).fetchone()[0]
        if unsourced:
            out.append((None, "No source (added by hand)", unsourced))
        return out
    if by == "country":
        counter: Counter[str] = Counter()
        none = 0
        own = (q.own_country or "").upper()
        for (codes,) in conn.execute(f"SELECT i.countries FROM items i{clause}", args):
            found = [c for c in _codes(codes) if c != own]
            counter.update(found)
            none += not found
        out = [(code, code, n) for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
        if none:
            out.append((None, "No country", none))
        return out
    if by in ("date", "year"):
        rows_ = conn.execute(
            f"SELECT substr(i.date, 1, 4), count(*) FROM items i{clause} GROUP BY 1 ORDER BY 1 IS NULL, 1 DESC", args
        ).fetchall()
        return [(k, k or "Undated", n) for k, n in rows_]
    if by == "month":
        rows_ = conn.execute(
            f"SELECT CASE WHEN length(i.date) >= 7 THEN substr(i.date, 1, 7) ELSE i.date END, count(*) "
            f"FROM items i{clause} GROUP BY 1 ORDER BY 1 IS NULL, 1 DESC",
            args,
        ).fetchall()
        return [(k, month_label(k), n) for k, n in rows_]
    raise ValueError(f"cannot group by {by!r} (source, kind, country, date, month)")


def month_label(key: str | None) -> str:
    if not key:
        return "Undated"
    if len(key) == 4:
        return f"{key} (month unknown)"
    return f"{MONTHS[int(key[5:7]) - 1]} {key[:4]}"


def group_ids(conn: sqlite3.Connection, by: str, key: Any, q: Query | None) -> list[int]:
    q = q or Query()
    clause, args = where(q)
    glue = " AND" if clause else " WHERE"
    if by == "kind":
        return [r[0] for r in conn.execute(f"SELECT i.id FROM items i{clause}{glue} i.kind = ?{ORDER}", (*args, key))]
    if by == "source":
        if key is None:
            sql = (f"SELECT i.id FROM items i{clause}{glue} NOT EXISTS (SELECT 1 FROM contributions c WHERE c.item_id = i.id)"
                   f" AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.item_id = i.id){ORDER}")
            return [r[0] for r in conn.execute(sql, args)]
        return query(conn, Query(**{**q.__dict__, "source_id": key}))
    if by == "country":
        if key is None:
            own = f"|{(q.own_country or '').upper()}|"
            sql = f"SELECT i.id FROM items i{clause}{glue} (i.countries = '' OR i.countries = ?){ORDER}"
            return [r[0] for r in conn.execute(sql, (*args, own))]
        return query(conn, Query(**{**q.__dict__, "country": key}))
    if by in ("date", "year", "month"):
        if key is None:
            return [r[0] for r in conn.execute(f"SELECT i.id FROM items i{clause}{glue} i.date IS NULL{ORDER}", args)]
        if by == "month" and len(key) == 4:
            sql = f"SELECT i.id FROM items i{clause}{glue} i.date = ?{ORDER}"
            return [r[0] for r in conn.execute(sql, (*args, key))]
        sql = f"SELECT i.id FROM items i{clause}{glue} substr(i.date, 1, ?) = ?{ORDER}"
        return [r[0] for r in conn.execute(sql, (*args, len(key), key))]
    raise ValueError(f"cannot group by {by!r} (source, kind, country, date, month)")
