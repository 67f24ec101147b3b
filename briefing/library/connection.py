"""What the library's shared writing code needs of a database connection.

``ingest``, ``index``, ``ops``, ``copies`` and the item readers of ``query`` run unchanged on both
backends: on a ``sqlite3.Connection`` and on the team library's PostgreSQL connection seen through the
sqlite3 API (``pg.compat.SqliteDialect``). They are typed with these protocols, the part of sqlite3's API
both offer, so the type checker holds them to it; code typed ``sqlite3.Connection`` is SQLite's alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

# A statement's parameters: positional (``?``) or named (``:name``).
Params = Sequence[Any] | dict[str, Any]


class Cursor(Protocol):
    """A statement's result.

    A row is whatever the SELECT asked for (a tuple of its columns; None past the last): ``Any`` here as
    in sqlite3's own stubs, so reading a column needs no check the SQL already makes."""

    @property
    def lastrowid(self) -> int | None: ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection whose caller holds the transaction: statements in SQLite's dialect."""

    def execute(self, sql: str, parameters: Params = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Params], /) -> Cursor: ...


def inserted_id(cursor: Cursor) -> int:
    """The id an INSERT into a table with one just gave its row.

    ``lastrowid`` is typed ``int | None``: None only when no row was inserted, which an INSERT that
    succeeded without ``OR IGNORE`` never leaves; LookupError says so loudly rather than passing None on.
    """
    row_id = cursor.lastrowid
    if row_id is None:
        raise LookupError("the INSERT gave no row id")
    return row_id
