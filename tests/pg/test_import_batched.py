"""An import into the team library makes the same items as into SQLite, in few round trips to the server.

The team library writes a source in pipeline mode and answers some of the shared ingest code's reads from what
it read or wrote earlier in the same source (briefing/library/pg/batch.py): these tests import sources that
join each other's people, events, agreements, figures and topics (and a near-copy of one story) into both
backends, with an officer's edit in between, and compare every item.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from briefing.library import Library
from tests.core.test_library_fakes import fake_extract, write

FILLER = ("The two delegations reviewed the progress of the joint commission and agreed to meet again before the "
          "end of the year to take stock of the projects under way in both countries. ")
FIRST = {
    "a.txt": "Alice Smith met Bob Jones in Oslo on 2021-06-21. They talked about digital economy. "
             "Trade grew 3.5 percent in the first quarter. " + FILLER * 4,
    "b.txt": "Smith met Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement. "
             "They talked about digital economy.",
    "c.txt": "Alice Smith visited Norway on 2021-07-01. Minister Carol White received Alice Smith on 2021-07-01. "
             "They talked about maritime security. Exports rose 12 USD fish exports.",
    # A near-copy of a.txt (the same story, another outlet's furniture): its items join a.txt's.
    "a-copy.txt": "Alice Smith met Bob Jones in Oslo on 2021-06-21. They talked about digital economy. "
                  "Trade grew 3.5 percent in the first quarter. " + FILLER * 4 + "Reporting by a wire service.",
}
SECOND = {
    "d.txt": "Alicia Smith called Carol White on 2021-07-03. They signed the Fisheries Agreement. "
             "They talked about maritime security.",
    "e.txt": "Bob Jones held talks with Carol White in Bergen on 2021-08-02. Trade grew 3.5 percent in the first "
             "quarter. They talked about digital economy.",
    "f.txt": "Jones met White in Bergen on 2021-08-02. They talked about fisheries.",
}

# Each source changes a person of the first two imports (her titles): the second finds her logged by the first.
THIRD = {
    "g.txt": "President Carol White met Ambassador Bob Jones in Oslo on 2021-09-01. They talked about fisheries.",
    "h.txt": "Minister Carol White received Bob Jones in Tromso on 2021-09-05. They talked about fisheries.",
}


def _import(store: Any, folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        write(folder, name, text)
    results = list(store.import_iter([folder / name for name in files], extract=fake_extract))
    assert [r.status for r in results] == ["imported"] * len(files)


def _items(store: Any) -> list[tuple[str, str, int]]:
    """Every item as the officer sees it: kind, fields, number of sources."""
    items = store.items(store.query(None))
    return sorted((i.kind, json.dumps(i.fields, sort_keys=True, default=str), len(i.source_ids)) for i in items)


def _rename_smith(store: Any) -> None:
    ids = store.query(None)
    smith = [i.id for i in store.items(ids) if i.kind == "person" and i.fields["name"] == "Alice Smith"]
    assert len(smith) == 1
    store.edit(smith[0], "name", "Alicia Smith")


def test_an_import_makes_the_same_items_on_both_backends(open_store, tmp_path):
    sqlite = Library.open(tmp_path / "own.sqlite", seed=False)
    team = open_store("alice", "OFFICIAL")
    try:
        for store, folder in ((sqlite, tmp_path / "to-sqlite"), (team, tmp_path / "to-team")):
            _import(store, folder, FIRST)
            _rename_smith(store)  # the next import joins her by the name the officer gave her
            _import(store, folder, SECOND)
        items = _items(team)
        assert items == _items(sqlite)
        joined = [i for i in items if i[2] > 1]
        kinds = {kind for kind, _, _ in joined}
        assert {"person", "event", "agreement", "figure", "topic"} <= kinds, kinds  # every kind was joined
        assert any('"Alicia Smith"' in fields and n >= 3 for kind, fields, n in items if kind == "person")
    finally:
        sqlite.close()


def test_a_source_costs_few_round_trips(open_store, tmp_path):
    """Each time the client sends and then waits for the server's answer is one round trip (counted in
    libpq's protocol trace); one per statement, as the shared code speaks, was about 150 a source."""
    import psycopg

    team = open_store("alice", "OFFICIAL")
    _import(team, tmp_path / "first", FIRST)
    fd, trace = tempfile.mkstemp(prefix="bb-trace-")
    conn = team._conn
    conn.pgconn.trace(fd)
    conn.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS | psycopg.pq.Trace.REGRESS_MODE)
    try:
        _import(team, tmp_path / "second", SECOND)
    finally:
        conn.pgconn.untrace()
        os.close(fd)
    turns, last = 0, ""
    for line in Path(trace).read_text(encoding="utf-8", errors="replace").splitlines():
        direction = line.split("\t", 1)[0]
        if direction == "B" and last == "F":
            turns += 1
        if direction in ("F", "B"):
            last = direction
    os.unlink(trace)
    assert 0 < turns / len(SECOND) < 40, turns



def test_the_quotes_an_import_keeps_of_its_sources_are_what_the_server_reads_back(open_store, tmp_path, monkeypatch):
    """A near-copy of a story joins the items its other copies quote; the quotes of the import's own sources
    are kept as written (ingest.ContributionCache.wrote_story) rather than read back from the server: they are
    the rows a read gives, and a copy then joins the same items as on SQLite (the test above)."""
    from briefing.library import ingest

    kept: dict[int, dict[str, list[tuple[int, str]]]] = {}
    wrote_story = ingest.ContributionCache.wrote_story

    def keep(cache: ingest.ContributionCache, source_id: int, marking: str, rows: dict[str, list[tuple[int, str]]]) -> None:
        kept[source_id] = {kind: sorted(quotes) for kind, quotes in rows.items() if quotes}
        wrote_story(cache, source_id, marking, rows)

    monkeypatch.setattr(ingest.ContributionCache, "wrote_story", keep)
    team = open_store("alice", "OFFICIAL")
    _import(team, tmp_path / "first", FIRST)
    _import(team, tmp_path / "second", SECOND)
    assert len(kept) == len(FIRST) + len(SECOND)
    read = ingest.read_story_evidence(team._db, sorted(kept))
    assert {s: {kind: sorted(quotes) for kind, quotes in rows.items()} for s, rows in read.items()} == kept


def _rows(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """What the officer's library holds of the rows an import writes, whole."""
    tables = {"sources": "id, sha256", "items": "id, kind, machine, edits, date, label, countries",
              "contributions": "item_id, source_id, data", "evidence": 'id, item_id, source_id, start, "end", text',
              "item_keys": "key, item_id", "items_fts": "rowid, body, tsv::text"}
    return {table: sorted(store._conn.execute(f"SELECT {columns} FROM {table}").fetchall())
            for table, columns in tables.items()}


def test_an_import_is_undone_and_redone_row_for_row(open_store, tmp_path):
    """The undo log of an import's contributions and evidence (many rows a statement, logged by one trigger a
    statement) and its items' columns and merge keys (written a statement for many items): undoing the second
    import gives back the library as the first left it, redoing it the library as it was after it."""
    team = open_store("alice", "OFFICIAL")
    _import(team, tmp_path / "first", FIRST)
    before = _rows(team)
    _import(team, tmp_path / "second", SECOND)
    after = _rows(team)
    assert after != before
    assert team.undo() == f"Import {len(SECOND)} sources"
    assert _rows(team) == before
    assert team.redo() == f"Import {len(SECOND)} sources"
    assert _rows(team) == after


def test_a_document_held_at_a_marking_the_officer_may_not_read_is_refused_in_one_line(open_store):
    """The source is inserted without waiting for its id: the server's refusal of a second copy of a document
    (held at a marking this officer may not read) still comes back as the one-line error, nothing written."""
    import dataclasses

    import pytest

    from briefing.library import LibraryError
    from tests.core.test_library_fakes import extract_one, source

    alice, bob = open_store("alice", "SECRET"), open_store("bob", "OFFICIAL")
    held = source(FIRST["a.txt"], "a.txt", "2021-06-21")
    alice.add_source(dataclasses.replace(held, marking="SECRET"), extract_one(held))
    with pytest.raises(LibraryError, match="already in the team library"):
        bob.add_source(held, extract_one(held))
    assert bob.sources() == [] and bob.query(None) == []


def test_items_the_import_has_logged_are_updated_quietly_and_still_undone(open_store, tmp_path, monkeypatch):
    """An item the import's step has logged already (made by it, or updated by an earlier source of it) is
    updated with the undo trigger quiet (batch.PipelinedDialect._send_held): both sources of the third import
    change the same person of the first (her titles), and undoing the import still gives back the library as
    the second left it, redoing it the library after it."""
    from briefing.library.pg import batch

    quiet: list[int] = []
    update_items = batch.PipelinedDialect._update_items

    def count(self: batch.PipelinedDialect, columns: tuple[str, ...], rows: list[tuple[int, dict[str, Any]]], *,
              returning: bool = False, **options: Any) -> Any:
        if not returning:
            quiet.extend(item_id for item_id, _ in rows)
        return update_items(self, columns, rows, returning=returning, **options)

    monkeypatch.setattr(batch.PipelinedDialect, "_update_items", count)
    team = open_store("alice", "OFFICIAL")
    _import(team, tmp_path / "first", FIRST)
    _import(team, tmp_path / "second", SECOND)
    before = _rows(team)
    quiet.clear()
    _import(team, tmp_path / "third", THIRD)
    after = _rows(team)
    assert set(quiet) & {row[0] for row in before["items"]}, "no item held before was updated quietly"
    assert team.undo() == f"Import {len(THIRD)} sources"
    assert _rows(team) == before
    assert team.redo() == f"Import {len(THIRD)} sources"
    assert _rows(team) == after


def test_what_an_import_keeps_of_its_prefetches_is_what_the_server_reads(open_store, tmp_path, monkeypatch):
    """The items filed under each merge key a source's prefetch read, and their columns, are kept from one source
    to the next of an import and kept up to date with what it writes (batch.Prefetched): after every source they
    are what the server reads back. A colleague's change in between empties them."""
    from briefing.library.pg import PgStore
    from briefing.library.pg.batch import _ITEM_COLUMNS

    team = open_store("alice", "OFFICIAL")
    checked: list[int] = []
    add_once = PgStore._add_source_once

    def add_and_compare(self: PgStore, *args: Any, **kwargs: Any) -> Any:
        result = add_once(self, *args, **kwargs)
        kept = self._prefetched
        if kept.filed:
            server: dict[str, list[int]] = {key: [] for key in kept.filed}
            for key, item_id in self._conn.execute("SELECT key, item_id FROM item_keys WHERE key = ANY(%s)",
                                                   (list(kept.filed),)).fetchall():
                server[key].append(int(item_id))
            assert {k: sorted(v) for k, v in kept.filed.items()} == {k: sorted(v) for k, v in server.items()}
            ids = sorted({i for v in kept.filed.values() for i in v})
            rows = self._conn.execute(f"SELECT id, {', '.join(_ITEM_COLUMNS)} FROM items WHERE id = ANY(%s)",
                                      (ids,)).fetchall()
            assert {int(r[0]): dict(zip(_ITEM_COLUMNS, r[1:], strict=True)) for r in rows} == \
                {i: {c: kept.items[i][c] for c in _ITEM_COLUMNS} for i in ids}
            checked.append(len(kept.filed))
        return result

    monkeypatch.setattr(PgStore, "_add_source_once", add_and_compare)
    _import(team, tmp_path / "first", {**FIRST, **SECOND})
    assert len(checked) >= len(FIRST) + len(SECOND) - 1 and checked[-1] > checked[0], checked
    _rename_smith(team)  # a change between imports (of Smith's edits and keys): kept, it would be out of date
    checked.clear()
    _import(team, tmp_path / "third", THIRD)
    assert checked, "the last import kept nothing"
