"""A source's citation details in an old SQLite library; storing and correcting them is tested on both backends
in ``tests/pg/store_suite/test_sources_and_items.py``."""

from __future__ import annotations

import sqlite3

from briefing.library import Library
from tests.core.test_library_migration import make_v1


def test_an_old_library_gets_the_new_columns_with_its_import_date_as_access_date(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_v1(path)
    imported = sqlite3.connect(path).execute("SELECT imported_at FROM sources").fetchone()[0]
    with Library.open(path) as lib:
        [row] = lib.sources()
        assert row.url is None and row.accessed == imported[:10]
        lib.edit_source(row.id, {"url": "https://example.org/x"})
        assert lib.source(row.id).url == "https://example.org/x"
