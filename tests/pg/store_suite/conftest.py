"""The store's test-suite, run on both backends: every test here runs once on the SQLite Library and once
on the team library (PgStore) on the real PostgreSQL server of ``tests/pg/conftest.py``.

Like a database-backed framework's suite run against every database it supports, the tests speak only
the store's interface (``briefing/library/store.py``); a test that needs SQLite's file or PostgreSQL's
roles belongs in ``tests/core`` or ``tests/pg`` instead. The suite lives under ``tests/pg`` so that it
shares the one server the session starts. Where no server can be installed, the PostgreSQL runs skip
(saying why) and the SQLite runs still run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.library import Library, Query
from briefing.model import Extraction
from tests.core.test_library_fakes import extract_one, source

# The suite's officer may read every marking the tests use; clearance itself is tested in tests/pg.
CLEARANCE = "SECRET"


class Backend:
    """One library on one backend: ``open()`` gives another connection to it, as the same officer."""

    def __init__(self, name: str, target: str, opener: Callable[[], Any]) -> None:
        self.name = name
        self.target = target  # what `--library` takes: the file's path or the officer's DSN
        self._opener = opener
        self._opened: list[Any] = []

    def open(self) -> Any:
        store = self._opener()
        self._opened.append(store)
        return store

    def close_all(self) -> None:
        for store in self._opened:
            store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        path = tmp_path / "library.sqlite3"
        made = Backend("sqlite", str(path), lambda: Library.open(path, seed=False))
    else:
        from briefing.library.pg import PgStore

        dsn = request.getfixturevalue("team_library").add("officer", CLEARANCE)
        made = Backend("postgresql", dsn, lambda: PgStore.open(dsn))
    yield made
    made.close_all()


@pytest.fixture
def store(backend: Backend) -> Any:
    """The library under test, on each backend in turn."""
    return backend.open()


def add(store: Any, text: str, path: str = "s.txt", date: str | None = None,
        extraction: Extraction | None = None) -> tuple[int, bool]:
    """Add a hand-made source (``tests/core/test_library_fakes``): its extraction read from plain sentences."""
    src = source(text, path=path, date=date)
    return store.add_source(src, extraction or extract_one(src))


def ids_of(store: Any, kind: str) -> list[int]:
    return store.query(Query(kind=kind))


def labelled(store: Any, label: str) -> list[int]:
    return [r.id for r in store.rows(store.query()) if r.label == label]
