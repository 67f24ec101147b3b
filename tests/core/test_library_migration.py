"""A library saved by the first schema version opens in this one, its data and history intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing.library import SCHEMA_VERSION, Library, Query
from briefing.library.db import MIGRATIONS

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "library" / "v1.sql"


def make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1.read_text(encoding="utf-8"))
    conn.close()


def test_the_current_schema_is_past_the_first():
    assert SCHEMA_VERSION >= 2 and len(MIGRATIONS) == SCHEMA_VERSION


def test_v1_library_is_migrated_and_keeps_everything(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_v1(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    with Library.open(path) as lib:
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(lib.sources()) == 1  # not re-seeded: the file was not new
        people = {p.fields["name"]: p for p in lib.items(lib.query(Query(kind="person")))}
        assert people["Đinh Tiến Dũng"].fields["title"] == "Deputy Prime Minister"
        assert people["Đinh Tiến Dũng"].edits == {"title": "Deputy Prime Minister"}
        # Version 2 added accent-blind search: the old items and sources are indexed.
        assert lib.search("radoslaw") and lib.search("dinh tromso")
        assert lib.search_sources("tromso fisheries")
        assert lib.picked_ids(1) == [3]
        for item in lib.items(lib.query()):
            text = lib.source(item.source_ids[0]).text
            assert all(text[e.start:e.end] == e.text for e in item.evidence)
        # The history saved by version 1 still undoes.
        assert lib.undo() == "Edit title"
        assert lib.item(2).fields["title"] is None
        # And the migrated library takes new sources, joining what it holds.
        from tests.core.test_library_fakes import extract_one, source

        src = source("Radosław Sikorski met Đinh Tiến Dũng on 2024-05-02.", "again.txt")
        lib.add_source(src, extract_one(src))
        [event] = lib.items(lib.query(Query(kind="event")))
        assert len(event.source_ids) == 2
