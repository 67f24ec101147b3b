"""Faults named as what they are: a full disk, a read-only library, a damaged library (never written), and
the backups made without being asked, restored from the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.library import Library, LibraryError, Query
from briefing.library import backups as backup_store
from briefing.library.health import DamagedLibrary, DiskFull
from briefing.model import Extraction

REPO = Path(__file__).resolve().parents[2]
STORY = (" date 2024-03-0{n} The foreign ministers of Chile and Peru met in Lima on Monday and agreed to expand "
         "cooperation in mining, fisheries and port logistics number {n}.\n")


def _sources(folder: Path, count: int, start: int = 1) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"s{n}.txt"
        path.write_text(STORY.format(n=n) * 40, encoding="utf-8")
        paths.append(path)
    return paths


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), BRIEFING_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "briefing.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def _content(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT id, sha256 FROM sources ORDER BY id").fetchall(),
                conn.execute("SELECT id, machine, edits FROM items ORDER BY id").fetchall())
    finally:
        conn.close()


@pytest.mark.slow
def test_a_full_disk_is_named_and_the_library_keeps_what_it_held(tmp_path):
    lib = Library.open(tmp_path / "lib.sqlite", seed=False)
    lib.import_paths(_sources(tmp_path / "a", 1))
    before = lib.query(Query())
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full" at the next page
    with pytest.raises(DiskFull, match="disk holding .* is full"):
        lib.import_paths(_sources(tmp_path / "b", 3, start=2))
    with pytest.raises(DiskFull):
        lib.add_note("a long note " * 4000)
    lib.conn.execute("PRAGMA max_page_count = 1073741823")
    assert len(lib.sources()) == 1 and lib.query(Query()) == before
    lib.add_note("room again")  # the library is still usable once there is room
    lib.close()


@pytest.mark.slow
def test_a_damaged_library_is_refused_for_writing_and_restored_from_its_backup(tmp_path):
    home = tmp_path / "home"
    library = tmp_path / "lib.sqlite"
    assert _cli("import", "--library", str(library), *map(str, _sources(tmp_path / "a", 6)), home=home).returncode == 0
    made = _cli("backup", "--library", str(library), home=home)
    assert made.returncode == 0, made.stderr
    good = _content(library)
    size = library.stat().st_size
    with open(library, "r+b") as fh:  # garbage in the middle of the file
        fh.seek(size // 2)
        fh.write(os.urandom(8192))
    damaged_bytes = library.read_bytes()

    edit = _cli("edit", "1", "--set", "title=Changed", "--library", str(library), home=home)
    imported = _cli("import", "--library", str(library), *map(str, _sources(tmp_path / "b", 1, start=9)), home=home)
    for result in (edit, imported):
        assert result.returncode != 0
        assert "is damaged" in result.stderr and "briefing restore" in result.stderr, result.stderr
        assert "internal error" not in result.stderr
    assert library.read_bytes() == damaged_bytes  # never written

    restored = _cli("restore", "--latest", "--library", str(library), home=home)
    assert restored.returncode == 0, restored.stderr
    assert _content(library) == good
    listed = _cli("backup", "--list", "--library", str(library), home=home).stdout
    assert "before restore" in listed  # what was there is kept too


def test_a_library_cut_short_is_called_damaged_not_foreign(tmp_path):
    library = tmp_path / "lib.sqlite"
    lib = Library.open(library, seed=False)
    for n in range(200):
        lib.add_note(f"note {n} " * 50)
    lib.close()
    data = library.read_bytes()
    library.write_bytes(data[: len(data) // 3])
    opened = Library.open(library, seed=False)
    try:
        assert opened.damaged is not None
        with pytest.raises(DamagedLibrary):
            opened.add_note("no")
    except LibraryError as exc:  # cut inside the schema itself: refused, and named as damaged
        assert "damaged" in str(exc)
    finally:
        opened.close()
    assert "not a Briefing Builder library" not in _cli("list", "--library", str(library), home=tmp_path).stderr


def test_a_foreign_sqlite_file_is_still_not_a_library(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Briefing Builder library"):
        Library.open(other, seed=False)


def test_backups_are_made_daily_and_before_reextracting_everything_and_only_the_last_are_kept(tmp_path, monkeypatch):
    library = tmp_path / "lib.sqlite"
    lib = Library.open(library, seed=False)
    lib.add_note("first")
    lib.close()
    lib = Library.open(library, seed=False)  # an existing library, no backup yet: the daily one is made
    assert [b.reason for b in lib.list_backups()] == ["daily"]
    lib.close()
    lib = Library.open(library, seed=False)  # the same day: no second one
    assert len(lib.list_backups()) == 1
    nothing = lambda batch: (Extraction() for _ in batch)  # noqa: E731 - what the extraction finds is not the point
    lib.import_paths(_sources(tmp_path / "a", 2), extract=nothing)
    lib.reextract_many([s.id for s in lib.sources()], extract=nothing)
    assert lib.list_backups()[0].reason == "before re extract all"
    for n in range(9):
        lib.backup_now(f"by hand {n}")
    assert len(lib.list_backups()) == 7  # Settings.backups_keep
    lib.close()


def test_a_library_from_an_older_version_is_backed_up_before_it_is_upgraded(tmp_path):
    fixture = REPO / "tests" / "fixtures" / "library" / "v1.sql"
    library = tmp_path / "old.sqlite"
    conn = sqlite3.connect(library)
    conn.executescript(fixture.read_text(encoding="utf-8"))
    conn.close()
    lib = Library.open(library, seed=False)
    reasons = [b.reason for b in backup_store.list_backups(library)]
    lib.close()
    assert any(r.startswith("before upgrade") for r in reasons), reasons
