"""What is the SQLite library's own: its file (refused, rebuilt, WAL, backed up), undo kept in it, seeds, workers.

The store's operations as a user meets them are tested on both backends in ``tests/pg/store_suite``.
"""

from __future__ import annotations

import pytest

from briefing.library import Library, LibraryError, Query
from tests.core.test_library_fakes import extract_one, fake_extract, source, write


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite3", seed=False)
    yield library
    library.close()


def add(lib, text, path="s.txt", date=None, extraction=None):
    src = source(text, path=path, date=date)
    return lib.add_source(src, extraction or extract_one(src))


def ids_of(lib, kind):
    return lib.query(Query(kind=kind))


def test_not_a_library_and_newer_library_are_refused(tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list\n" * 100)
    with pytest.raises(LibraryError, match="not a Briefing Builder library"):
        Library.open(junk)
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(LibraryError, match="not a Briefing Builder library"):
        Library.open(other)
    path = tmp_path / "lib.sqlite3"
    Library.open(path, seed=False).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library.open(path)


def test_extraction_in_worker_processes_leaves_nothing_running(lib, tmp_path):
    import multiprocessing

    from briefing.library.importer import ProcessExtractor

    calls = []
    files = [write(tmp_path, f"{n}.txt", f"Die Außenminister beider Länder trafen sich am Montag in Berlin und sprachen über die wirtschaftliche Zusammenarbeit. Nummer {n}.") for n in range(3)]
    with ProcessExtractor(2, warm_up=False) as pool:
        report = lib.import_paths(files, extract=pool, progress=lambda *a: calls.append(a))
    assert len(report.imported) == 3 and report.failed == []
    assert all(not s.analysed for s in lib.sources())  # not English: passed over with a note, in the workers
    assert multiprocessing.active_children() == []
    assert [c[0] for c in calls] == [1, 2, 3]


def test_list_columns_are_rebuilt_when_the_program_computes_them_differently(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
        event_id = ids_of(lib, "event")[0]
        lib.conn.execute("UPDATE items SET label = 'stale' WHERE id = ?", (event_id,))
        lib.conn.execute("DELETE FROM items_fts")
    with Library.open(path, seed=False) as lib:  # same version: left alone
        assert lib.rows([event_id])[0].label == "stale"
    from briefing.library import kinds

    monkeypatch.setattr(kinds, "DERIVED_VERSION", kinds.DERIVED_VERSION + 1)
    with Library.open(path, seed=False) as lib:
        assert lib.rows([event_id])[0].label == "Meeting: Alice Smith, Bob Jones"
        assert lib.search("alice") and lib.undo_name() == "Import s.txt"  # not an undoable step itself


def test_old_steps_are_forgotten_but_not_a_running_import(lib, tmp_path, monkeypatch):
    from briefing.library import undo

    monkeypatch.setattr(undo, "MAX_STEPS", 3)
    files = [write(tmp_path, f"{n}.txt", f"Person{n} Smith met Bob Jones on 2021-06-0{n + 1}.") for n in range(2)]
    running = lib.import_iter(files, extract=fake_extract)
    next(running)
    note = lib.add_note("first")
    for n in range(5):
        lib.edit(note, "text", f"version {n}")
    list(running)
    names = []
    while (name := lib.undo()) is not None:
        names.append(name)
    assert names == ["Edit text"] * 3 + ["Import 2 sources"]  # the running import outlived older steps


def test_the_file_is_in_wal_mode_and_backs_up_whole(lib, tmp_path):
    add(lib, "Alice Smith met Bob Jones on 2021-06-21.")
    assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    lib.backup(tmp_path / "copy" / "backup.sqlite3")
    with Library.open(tmp_path / "copy" / "backup.sqlite3", seed=False) as copy:
        assert copy.rows(copy.query()) == lib.rows(lib.query())
        assert copy.undo_name() == lib.undo_name() and copy.search("alice")


def test_a_first_start_stopped_during_the_samples_finishes_them_next_time(tmp_path, monkeypatch):
    from briefing import paths

    seeds = tmp_path / "seeds"
    for n in range(3):
        write(seeds, f"{n}.txt", f"Person{n} Smith met Bob Jones on 2021-06-0{n + 1}.")
    monkeypatch.setattr(paths, "SEEDS_DIR", seeds)
    monkeypatch.setattr("briefing.extract.extract_many", lambda sources, **kw: fake_extract(sources))
    original = Library._add_source_in_step
    written = []

    def stop_after_two(self, *args):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(args[0].path)
        return original(self, *args)

    monkeypatch.setattr(Library, "_add_source_in_step", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        Library.open(tmp_path / "lib.sqlite3")
    monkeypatch.setattr(Library, "_add_source_in_step", original)
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        assert len(lib.sources()) == 3 and lib.undo_name() is None
