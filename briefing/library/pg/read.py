"""Reading the team library: what ``briefing.library.query`` does on SQLite, in PostgreSQL's dialect.

Rows and whole items are read by ``query.rows``/``query.items`` themselves (through ``compat``); the
filters, source lists and search are written here because PostgreSQL's full-text search is not FTS5.
Row-level security has already taken out what the officer may not see: nothing here filters by clearance.
"""

from __future__ import annotations

from typing import Any

import psycopg

from briefing.library import query as q
from briefing.library.pg.search import tsquery
from briefing.library.records import SourceRecord, SourceRow
from briefing.library.search import parse_search

ORDER = " ORDER BY i.date IS NULL, i.date DESC, i.id"


def where(query: q.Query | None) -> tuple[str, list[Any]]:
    """What follows ``FROM items i`` to select a Query's items (the same conditions as
    ``briefing.library.query.where``), and its parameters: a WHERE clause, after a join for a search text.

    The search text is answered by the server's ``bb_match_items`` (schema.sql: through the GIN index, which
    row security keeps an officer's own query on items_fts from using), joined rather than tested with IN:
    its rows are distinct, and a semi-join was planned as if it found 200 of them, looking each item up by
    id (25 ms for a word in 6,000 items; a join reads the items once)."""
    query = query or q.Query()
    join = ""
    parts: list[str] = []
    args: list[Any] = []
    if query.text and query.text.strip():
        wanted, unwanted = tsquery(parse_search(query.text))
        if wanted is None and unwanted is None:
            parts.append("false")  # punctuation only: matches nothing, as on SQLite
        else:
            join = (" JOIN bb_match_items(to_tsquery('bb_simple', %s), to_tsquery('bb_simple', %s), false) m "
                    "ON m.rowid = i.id")
            args += [wanted, unwanted]
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
    if query.source_id is not None:
        parts.append("i.id IN (SELECT item_id FROM evidence WHERE source_id = %s "
                     "UNION SELECT item_id FROM contributions WHERE source_id = %s)")
        args += [query.source_id, query.source_id]
    if join and not parts:
        parts.append("true")  # a caller may add "AND ..."
    return join + ((" WHERE " + " AND ".join(parts)) if parts else ""), args


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
    function = {"items_fts": "bb_match_items", "sources_fts": "bb_match_sources"}[table]
    return [r[0] for r in conn.execute(
        f"SELECT m.rowid FROM {function}(to_tsquery('bb_simple', %s), to_tsquery('bb_simple', %s), true) m "
        "ORDER BY m.rank DESC, m.rowid", (wanted, unwanted))]


def sources(conn: psycopg.Connection[Any]) -> list[SourceRow]:
    """Every source in sight with the number of items it says anything about, newest first. The numbers come
    from ``bb_source_item_counts`` (schema.sql), which counts them as the officer's own query on contributions
    and evidence would, without row security testing each of their rows (on 20,000 items: 10-20 ms, was 50-110)."""
    return [
        SourceRow(**q._source_row(r), item_count=int(r[14]))
        for r in conn.execute(f"SELECT {q._SOURCE_COLUMNS}, coalesce(n.items, 0) FROM sources s "
                              "LEFT JOIN bb_source_item_counts() n ON n.source_id = s.id "
                              "ORDER BY s.date IS NULL, s.date DESC, s.id")
    ]


def source(conn: psycopg.Connection[Any], source_id: int) -> SourceRecord | None:
    r = conn.execute(f"SELECT {q._SOURCE_COLUMNS}, s.text FROM sources s WHERE s.id = %s", (source_id,)).fetchone()
    if r is None:
        return None
    n = conn.execute("SELECT count(*) FROM (SELECT item_id FROM contributions WHERE source_id = %s "
                     "UNION SELECT item_id FROM evidence WHERE source_id = %s) x", (source_id, source_id)).fetchone()
    return SourceRecord(**q._source_row(r), item_count=int(n[0]) if n else 0, text=r[14])
