"""The SQLite library's writing code (ingest, index, ops, copies) run unchanged against PostgreSQL.

Those modules hold the identity rules and how items are combined and indexed; copying them for a second
backend would let the two drift. They speak the sqlite3 API with SQLite's dialect, which differs from
PostgreSQL's in a few places only, translated here once per statement text (and cached):

- ``?`` placeholders become ``%s`` (``%`` itself is doubled);
- ``INSERT OR IGNORE`` becomes ``INSERT ... ON CONFLICT DO NOTHING``;
- ``+i.kind`` (SQLite's "do not use an index for this term") loses its ``+``;
- an INSERT into a table with an ``id`` gets ``RETURNING id``, which fills ``cursor.lastrowid``;
- the question whether the full-text tables exist (``sqlite_master``) is answered yes;
- a row for the full-text tables gets its ``tsv`` column: the folded body's words split exactly as
  SQLite's unicode61 tokenizer splits them (``search.tokens``), then ``to_tsvector('bb_simple', ...)``.

Anything else passes through as written; a statement PostgreSQL cannot run fails loudly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import psycopg

from briefing.library.pg.search import tokens

# Tables whose rows have an identity ``id`` (an INSERT reports it as lastrowid).
_ID_TABLES = frozenset({"sources", "items", "evidence", "briefs", "undo_steps"})
_FTS_INSERT = re.compile(r"^\s*INSERT INTO (items_fts|sources_fts) \(rowid, body\) VALUES \(\?, \?\)\s*$", re.I)
_INSERT_INTO = re.compile(r"^\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+(\w+)", re.I)
_NO_INDEX_PLUS = re.compile(r"(?<=[\s(])\+(?=[A-Za-z_][\w]*\.[A-Za-z_])")
_HAS_FTS = re.compile(r"^\s*SELECT 1 FROM sqlite_master WHERE name = '(items_fts|sources_fts)'\s*$", re.I)


_PLAIN_INSERT = re.compile(r'^\s*INSERT INTO (\w+) \(([\w", ]+)\) VALUES \((\?(?:, \?)*)\)\s*$', re.I)


_ROWS_PER_INSERT = 500  # a statement takes at most 65535 parameters


class Statement:
    """A statement translated to PostgreSQL, and how its parameters are to be completed."""

    def __init__(self, sql: str, *, returns_id: bool = False, fts: bool = False, constant: tuple[Any, ...] | None = None,
                 many: tuple[str, str] | None = None) -> None:
        self.sql = sql
        self.returns_id = returns_id
        self.fts = fts  # (rowid, body) -> (rowid, body, words of body)
        self.constant = constant  # the one row it answers, known without asking the server
        # For many rows at once: (INSERT ... VALUES, one row's "(%s, %s)"), joined into one multi-row INSERT:
        # one statement, so its statement-level triggers (an item's marking rank) run once for all the rows.
        # (COPY would be quicker still, but PostgreSQL refuses COPY FROM into a table with row security.)
        self.many = many

    def params(self, params: Sequence[Any] | dict[str, Any]) -> Sequence[Any] | dict[str, Any]:
        if self.fts and not isinstance(params, dict):
            rowid, body = params
            return (rowid, body, " ".join(tokens(body)))
        return params


def _placeholders(sql: str) -> str:
    """``?`` and ``:name`` to psycopg's ``%s`` / ``%(name)s`` outside quoted text; ``%`` doubled."""
    out: list[str] = []
    quote: str | None = None
    i = 0
    while i < len(sql):
        ch = sql[i]
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        elif ch == ":" and i + 1 < len(sql) and (sql[i + 1].isalpha() or sql[i + 1] == "_") and \
                (i == 0 or sql[i - 1] != ":"):
            m = re.match(r"[A-Za-z_]\w*", sql[i + 1:])
            assert m is not None
            out.append(f"%({m.group()})s")
            i += len(m.group())
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1024)
def translate(sql: str) -> Statement:
    if _HAS_FTS.match(sql):
        return Statement("SELECT 1", constant=(1,))
    fts_insert = _FTS_INSERT.match(sql)
    if fts_insert:
        table = fts_insert.group(1)
        return Statement(f"INSERT INTO {table} (rowid, body, tsv) VALUES (%s, %s, to_tsvector('bb_simple', %s))",
                         fts=True)
    text = _placeholders(_NO_INDEX_PLUS.sub("", sql))
    returns_id = False
    insert = _INSERT_INTO.match(sql)
    if insert:
        if insert.group(1):
            text = re.sub(r"INSERT\s+OR\s+IGNORE\s+INTO", "INSERT INTO", text, count=1, flags=re.I)
            text = text.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
        if insert.group(2).lower() in _ID_TABLES and "returning" not in sql.lower():
            text = text.rstrip().rstrip(";") + " RETURNING id"
            returns_id = True
    plain = _PLAIN_INSERT.match(sql)
    many = None
    if plain and insert and not insert.group(1):
        many = (f"INSERT INTO {plain.group(1)} ({plain.group(2)}) VALUES ",
                "(" + ", ".join(["%s"] * plain.group(3).count("?")) + ")")
    return Statement(text, returns_id=returns_id, many=many)


_ARRAY_TYPES = {int: "bigint", str: "text", float: "float8"}


def _array_types(rows: list[Sequence[Any] | dict[str, Any]]) -> list[str] | None:
    """The PostgreSQL type of each column of ``rows`` (bigint, text, float8) for arrays of them; None when a
    column holds something else, values of two types, or only NULLs (typed by the table, not by its values)."""
    if any(isinstance(row, dict) for row in rows):
        return None
    types = []
    for column in zip(*rows, strict=True):
        kinds = {type(value) for value in column if value is not None}
        if len(kinds) != 1 or next(iter(kinds)) not in _ARRAY_TYPES:
            return None
        types.append(_ARRAY_TYPES[next(iter(kinds))])
    return types


class Constant:
    """The cursor of a statement answered without the server."""

    lastrowid = None
    rowcount = 1

    def __init__(self, row: tuple[Any, ...]) -> None:
        self._row = row

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._row

    def fetchall(self) -> list[tuple[Any, ...]]:
        return [self._row]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter([self._row])


class Cursor:
    """What the shared modules use of a sqlite3 cursor: fetchone, fetchall, iteration, lastrowid."""

    def __init__(self, cursor: psycopg.Cursor[Any], returns_id: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        if returns_id:
            row = cursor.fetchone()
            self.lastrowid = row[0] if row else None

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self._cursor.description is None:
            return []
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._cursor.description is None:
            return iter(())
        return iter(self._cursor)


class SqliteDialect:
    """A psycopg connection seen through the sqlite3 API (the caller holds the transaction)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.pg = conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor | Constant:
        statement = translate(sql)
        if statement.constant is not None:
            return Constant(statement.constant)
        cursor = self.pg.cursor()
        cursor.execute(statement.sql, statement.params(params) if params else None)
        return Cursor(cursor, statement.returns_id)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any] | dict[str, Any]]) -> Cursor:
        statement = translate(sql)
        rows = [statement.params(p) for p in seq]
        cursor = self.pg.cursor()
        types = _array_types(rows) if len(rows) > 1 and statement.many is not None else None
        if statement.many is not None and types is not None:
            # One array a column, in binary: a query text the same whatever the number of rows (parsed and
            # planned once), and no value quoted or escaped one by one.
            head = statement.many[0].removesuffix(" VALUES ")
            columns = ", ".join(f"%b::{t}[]" for t in types)
            cursor.execute(f"{head} SELECT * FROM unnest({columns})", [list(c) for c in zip(*rows, strict=True)])
        elif len(rows) > 1 and statement.many is not None:
            head, row_marks = statement.many
            for start in range(0, len(rows), _ROWS_PER_INSERT):
                chunk = [value for row in rows[start:start + _ROWS_PER_INSERT] for value in row]
                count = min(_ROWS_PER_INSERT, len(rows) - start)
                cursor.execute(head + ", ".join([row_marks] * count), chunk)
        elif rows:
            cursor.executemany(statement.sql, rows)
        return Cursor(cursor, False)

    @property
    def in_transaction(self) -> bool:
        return self.pg.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
