"""`briefing team init` on an existing team library brings its schema up to this program's version
(briefing/library/pg/upgrade.py), keeping what the officers did; a library newer than the program is refused,
by `team init` and by an officer's store, with one line."""

from __future__ import annotations

import psycopg
import pytest

from briefing.cli import main
from briefing.library import LibraryError
from briefing.library.pg import PgStore, upgrade
from tests.pg import test_schema_upgrade as first_version
from tests.pg.test_schema_upgrade import _definitions, _desk, _what_bob_finds

old_library = first_version.old_library  # a library made by the first version of schema.sql (a fixture)


def _recorded(dsn: str) -> str:
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT value FROM briefing.meta WHERE key = 'schema_version'").fetchone()
    return row[0]


def _record(dsn: str, version: str) -> None:
    with psycopg.connect(dsn) as conn:
        conn.execute("UPDATE briefing.meta SET value = %s WHERE key = 'schema_version'", (version,))


def test_a_new_team_library_records_the_version_its_schema_is(team_library):
    assert _recorded(team_library.admin) == str(upgrade.SCHEMA_VERSION)
    with psycopg.connect(team_library.admin) as conn:
        assert upgrade.is_current(conn) and not upgrade.upgrade(conn)


def test_team_init_on_a_first_version_library_brings_it_up_to_date_keeping_the_officers_work(
        old_library, team_library, capsys):
    alice, bob, secret_id = _desk(old_library)
    alice.close()
    bob.close()

    assert main(["team", "init", old_library.admin]) == 0
    said = capsys.readouterr().out
    assert f"schema brought up to date (version 1 -> {upgrade.SCHEMA_VERSION})" in said and said.count("\n") == 1
    assert _recorded(old_library.admin) == str(upgrade.SCHEMA_VERSION)
    assert _definitions(old_library.admin) == _definitions(team_library.admin)  # as a library made now

    with PgStore.open(old_library.add("alice", "SECRET")) as alice, PgStore.open(old_library.add("bob", "OFFICIAL")) as bob:
        assert upgrade.is_current(bob._conn)
        assert _what_bob_finds(bob) == ([], [], [], 0, 2, 1, True)
        assert {s.id for s in alice.sources()} == {secret_id, *(s.id for s in bob.sources())}
        assert alice.search_sources("tromso") == [secret_id] and alice.search("orsted")
        assert alice.undo()  # the import made before the upgrade is still hers to undo
        assert alice.search_sources("tromso") == []

    definitions = _definitions(old_library.admin)
    assert main(["team", "init", old_library.admin]) == 0  # again: nothing to do
    assert "nothing changed" in capsys.readouterr().out
    assert _definitions(old_library.admin) == definitions and _recorded(old_library.admin) == str(upgrade.SCHEMA_VERSION)


def test_a_library_whose_init_recorded_an_older_number_than_its_schema_is_taken_for_what_it_holds(team_library, capsys):
    """`team init` recorded 1 until this version, whatever it wrote: a library holding version 2's search
    functions is version 2 at least, and `team init` runs the schema's routines over it again."""
    _record(team_library.admin, "1")
    with psycopg.connect(team_library.admin) as conn:
        assert upgrade.library_version(conn) == max(2, 1) and upgrade.recorded_version(conn) == 1
    assert main(["team", "init", team_library.admin]) == 0
    assert f"(version 1 -> {upgrade.SCHEMA_VERSION})" in capsys.readouterr().out
    assert _recorded(team_library.admin) == str(upgrade.SCHEMA_VERSION)


def test_a_library_newer_than_the_program_is_refused_with_one_line(team_library, capsys):
    officer = team_library.add("alice", "SECRET")
    newer = upgrade.SCHEMA_VERSION + 1
    _record(team_library.admin, str(newer))
    before = _definitions(team_library.admin)

    assert main(["team", "init", team_library.admin]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"the team library's schema is newer than this program (version {newer}; this program reads version " \
           f"{upgrade.SCHEMA_VERSION})" in err
    assert _definitions(team_library.admin) == before and _recorded(team_library.admin) == str(newer)

    for dsn in (officer, team_library.admin):  # neither an officer nor its owner opens it
        with pytest.raises(LibraryError, match="newer than this program"):
            PgStore.open(dsn)
    assert main(["--library", officer, "list"]) == 1
    assert "newer than this program" in capsys.readouterr().err
