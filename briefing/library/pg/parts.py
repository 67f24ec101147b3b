"""What the team library's mixins (briefs, edits, extraction, export, groups) use of ``PgStore``.

``PgStore`` (store.py) holds the connection, the lock and the steps; each mixin adds one group of the
library's operations in its own module. This base only declares, for the type checker, the parts of
``PgStore`` they call; it adds nothing at run time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import psycopg

from briefing.library.pg.compat import SqliteDialect
from briefing.library.records import Item, ItemRow, SourceRecord, SourceRow
from briefing.model import Extraction, Source


class StoreParts:
    """The parts of PgStore its mixins rely on (declared only)."""

    if TYPE_CHECKING:
        _conn: psycopg.Connection[Any]
        _db: SqliteDialect
        _lock: threading.RLock
        user: str
        clearance: str | None

        @property
        def path(self) -> str: ...

        def step(self, name: str) -> AbstractContextManager[SqliteDialect]: ...

        def _announce(self, what: str, ids: Iterable[int] = (), step: str | None = None) -> None: ...

        def _flush(self) -> None: ...

        def _kind(self, item_id: int) -> str: ...

        def _apply_edits(self, item_id: int, machine: dict[str, Any], edits: dict[str, Any],
                         values: dict[str, Any]) -> None: ...

        def _brief_exists(self, brief_id: int) -> str: ...

        def source(self, source_id: int) -> SourceRecord: ...

        def sources(self) -> list[SourceRow]: ...

        def items(self, ids: list[int]) -> list[Item]: ...

        def rows(self, ids: list[int]) -> list[ItemRow]: ...

        def query(self, query: Any = None) -> list[int]: ...

        def picked_ids(self, brief_id: int) -> list[int]: ...

        def briefs(self) -> list[Any]: ...

        def add_source(self, source: Source, extraction: Extraction) -> tuple[int, bool]: ...
