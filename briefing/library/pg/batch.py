"""Writing a source to the team library in few round trips to the server.

The shared ingest code (``briefing.library.ingest``) speaks to its connection one statement at a time, as
suits SQLite in the same process. Over a network each statement would be a round trip, about 150 for one
source. Here a source is written in psycopg's pipeline mode: statements whose answer nobody reads (the
UPDATEs, DELETEs and plain INSERTs of items, keys, search rows) are queued and sent together, and the client
waits for the server only when the ingest code reads something back (a SELECT, an INSERT's new id). The
server runs them in the order sent, so a read still sees every write before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from briefing.library.pg.compat import Constant, Cursor, SqliteDialect, translate

_ANSWERS = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b", re.I)


class PipelinedCursor(Cursor):
    """A statement's result in pipeline mode: the rows are waited for only when they are read."""

    def __init__(self, cursor: psycopg.Cursor[Any], pipeline: psycopg.Pipeline, *, returns_id: bool,
                 answers: bool) -> None:  # not Cursor's: that one reads every answer at once
        self._cursor = cursor
        self._pipeline = pipeline
        self._answers = answers  # a statement that returns rows (else there is nothing to wait for)
        self.lastrowid: int | None = None
        if returns_id:
            row = cursor.fetchone()
            self.lastrowid = int(row[0]) if row else None

    @property
    def rowcount(self) -> int:
        self._pipeline.sync()  # the count is known once the server has run the statement
        return self._cursor.rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cursor.fetchone() if self._answers else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cursor.fetchall() if self._answers else []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


class PipelinedDialect(SqliteDialect):
    """``SqliteDialect`` on a connection in pipeline mode (``pipeline``, held by the caller)."""

    def __init__(self, conn: psycopg.Connection[Any], pipeline: psycopg.Pipeline) -> None:
        super().__init__(conn)
        self._pipeline = pipeline

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor | Constant:
        statement = translate(sql)
        if statement.constant is not None:
            return Constant(statement.constant)
        cursor = self.pg.cursor()
        cursor.execute(statement.sql, statement.params(params) if params else None)
        return PipelinedCursor(cursor, self._pipeline, returns_id=statement.returns_id,
                               answers=bool(_ANSWERS.search(statement.sql)))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any] | dict[str, Any]]) -> Cursor:
        super().executemany(sql, seq)  # no statement of the write path reads what an executemany returns
        return PipelinedCursor(self.pg.cursor(), self._pipeline, returns_id=False, answers=False)
