"""Reading the team library: what ``briefing.library.query`` does on SQLite, in PostgreSQL's dialect.

Rows and whole items are read by ``query.rows``/``query.items`` themselves (through ``compat``); the
filters, source lists and search are written here because PostgreSQL's full-text search is not FTS5.
Row-level security has already taken out what the officer may not see: nothing here filters by clearance.
"""

from __future__ import annotations

from typing import Any

import psycopg

from briefing.library import query as q
from briefing.library.pg.search import match_clause, tsquery
from briefing.library.records import SourceRecord, SourceRow
from briefing.library.search import parse_search

ORDER = " ORDER BY i.date IS NULL, i.date DESC, i.id"


def where(query: q.Query | None) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for a Query (the same conditions as ``briefing.library.query.where``)."""
    query = query or q.Query()
    parts: list[str] = []
    args: list[Any] = []
    if query.kind:
        parts.append("i.kind = %s")
        args.append(query.kind)
    if query.country:
        parts.append("i.countries LIKE %s")
        args.append(f"%|{query.country.upper()}|%")
    if query.since:
        parts.append("i.date IS NOT NULL AND i.date >= substr(%s, 1, length(i.date))")
        args.append(query.since)
    if query.until:
        parts.append("i.date IS NOT NULL AND substr(i.date, 1, length(%s)) <= %s")
        args += [query.until, query.until]
    if query.status:
        parts.append("i.status = %s")
        args.append(query.status)
    matched = match_clause("f.tsv", query.text)
    if matched is not None:
        condition, extra = matched
        parts.append(f"i.id IN (SELECT f.rowid FROM items_fts f WHERE {condition})")
        args += extra
    if query.source_id is not None:
        parts.append("i.id IN (SELECT item_id FROM evidence WHERE source_id = %s "
                     "UNION SELECT item_id FROM contributions WHERE source_id = %s)")
        args += [query.source_id, query.source_id]
    return (" WHERE " + " AND ".join(parts)) if parts else "", args


def item_ids(conn: psycopg.Connection[Any], query: q.Query | None) -> list[int]:
    clause, args = where(query)
    return [r[0] for r in conn.execute(f"SELECT i.id FROM items i{clause}{ORDER}", args)]


def count(conn: psycopg.Connection[Any], query: q.Query | None) -> int:
    clause, args = where(query)
    row = conn.execute(f"SELECT count(*) FROM items i{clause}", args).fetchone()
    return int(row[0]) if row else 0


def search(conn: psycopg.Connection[Any], table: str, text: str) -> list[int]:
    """Rows of a search table (items_fts, sources_fts) holding every wanted term and no unwanted one,
    best first. A text that wants nothing finds nothing (as on SQLite)."""
    wanted, unwanted = tsquery(parse_search(text))
    if wanted is None:
        return []
    sql = f"SELECT f.rowid FROM {table} f WHERE f.tsv @@ to_tsquery('bb_simple', %s)"
    args = [wanted]
    if unwanted is not None:
        sql += " AND NOT f.tsv @@ to_tsquery('bb_simple', %s)"
        args.append(unwanted)
    sql += " ORDER BY ts_rank_cd(f.tsv, to_tsquery('bb_simple', %s)) DESC, f.rowid"
    return [r[0] for r in conn.execute(sql, [*args, wanted])]


_COUNTS = ("SELECT x.source_id, count(DISTINCT x.item_id) FROM (SELECT source_id, item_id FROM contributions "
           "UNION SELECT source_id, item_id FROM evidence) x GROUP BY x.source_id")


def sources(conn: psycopg.Connection[Any]) -> list[SourceRow]:
    counts = {r[0]: r[1] for r in conn.execute(_COUNTS)}
    return [
        SourceRow(**q._source_row(r), item_count=counts.get(r[0], 0))
        for r in conn.execute(f"SELECT {q._SOURCE_COLUMNS} FROM sources s ORDER BY s.date IS NULL, s.date DESC, s.id")
    ]


def source(conn: psycopg.Connection[Any], source_id: int) -> SourceRecord | None:
    r = conn.execute(f"SELECT {q._SOURCE_COLUMNS}, s.text FROM sources s WHERE s.id = %s", (source_id,)).fetchone()
    if r is None:
        return None
    n = conn.execute("SELECT count(*) FROM (SELECT item_id FROM contributions WHERE source_id = %s "
                     "UNION SELECT item_id FROM evidence WHERE source_id = %s) x", (source_id, source_id)).fetchone()
    return SourceRecord(**q._source_row(r), item_count=int(n[0]) if n else 0, text=r[14])
