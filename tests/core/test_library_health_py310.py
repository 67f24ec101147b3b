"""A full disk or a damaged file is named on Python 3.10 too, whose sqlite3 has no SQLITE_* error codes.

Python 3.10 (the oldest the program supports) lacks ``sqlite3.SQLITE_FULL`` and the rest and sets no
``sqlite_errorcode`` on errors; explaining an error must then go by its message, never fail itself.
"""

from __future__ import annotations

import sqlite3

import pytest

from briefing.library import health
from briefing.library.db import LibraryError

_CODES_ADDED_IN_311 = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR")


@pytest.fixture
def sqlite3_of_python_310(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _CODES_ADDED_IN_311:
        monkeypatch.delattr(sqlite3, name, raising=False)


@pytest.mark.usefixtures("sqlite3_of_python_310")
@pytest.mark.parametrize(("message", "named"), [
    ("database or disk is full", health.DiskFull),
    ("attempt to write a readonly database", health.ReadOnly),
    ("database disk image is malformed", health.DamagedLibrary),
    ("disk I/O error", LibraryError),
])
def test_errors_are_named_by_their_message_without_error_codes(message: str, named: type[Exception]) -> None:
    explained = health.explain(sqlite3.OperationalError(message), "/tmp/library.sqlite")
    assert isinstance(explained, named)
    assert "/tmp/library.sqlite" in str(explained)


@pytest.mark.usefixtures("sqlite3_of_python_310")
def test_an_error_with_nothing_to_name_is_left_as_it_is() -> None:
    exc = sqlite3.IntegrityError("UNIQUE constraint failed: sources.sha256")
    assert health.explain(exc, "/tmp/library.sqlite") is exc
