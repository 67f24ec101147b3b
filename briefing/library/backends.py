"""The two backends held to the store interface by the type checker.

``store.py`` states the interface as protocols, and neither backend names them: ``Library`` (SQLite) and
``PgStore`` (PostgreSQL) meet them by shape. Inheriting a protocol would let a missing method fall back on
the protocol's empty body at run time, so instead the functions below say which backend stands for which
protocol. They are never called; ``mypy --strict`` (``make test``) fails on them when a backend's method
no longer matches its protocol (a parameter renamed, a return type changed, a method missing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.library.library import Library
    from briefing.library.pg.store import PgStore
    from briefing.library.store import Store


def sqlite_is_a_store(library: Library) -> Store:
    return library


def postgresql_is_a_store(store: PgStore) -> Store:
    return store
