"""A team library made by the first version of schema.sql: an officer's store refuses it with one line until it
is brought up to date (briefing/library/pg/upgrade.py), which its administrator opening it does (as does
`briefing team init`: test_team_init_upgrade.py), without losing anything an officer did before. The search
functions an officer may call in plain SQL keep to their clearance."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import psycopg
import pytest

from briefing import team
from briefing.cli import main
from briefing.library import LibraryError, Query
from briefing.library.pg import PgStore, upgrade
from tests.core.test_library_fakes import extract_one, source
from tests.pg.conftest import Team, _with_database

OPEN_TEXT = "Alice Smith met Bob Jones in Oslo on 2021-06-21."
SECRET_TEXT = "Xavier Quill met Yannick Ørsted in Tromsø on 2021-08-02. They spoke about submarine cables."
FIRST_SCHEMA = (Path(__file__).parent / "schema_v1.sql").read_text(encoding="utf-8")


@pytest.fixture
def old_library(team_library: Team, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Team:
    """A team library as `briefing team init` made it with the first schema (in a database of its own)."""
    database = team_library.database + "_v1"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {database}")
    old = Team(_with_database(pg_server, database), database)
    old.prefix = team_library.prefix + "v1"  # its officers are dropped with the test library's
    monkeypatch.setattr(team, "schema_sql", lambda: FIRST_SCHEMA)
    monkeypatch.setattr(upgrade, "SCHEMA_VERSION", 1)  # what the first version recorded
    assert team.init(old.admin)
    monkeypatch.undo()
    yield old
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def _version(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        return upgrade.library_version(conn)


def _desk(library: Team) -> tuple[PgStore, PgStore, int]:
    """Alice (SECRET) imports an open and a SECRET source; Bob is cleared to OFFICIAL. On a first-version library
    their stores are opened, and Alice's sources written, as the first version's program did (it wrote the same
    rows, and counted no changes: version 5's change_count)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(upgrade, "SCHEMA_VERSION", _version(library.admin))
        if _version(library.admin) < 5:
            patch.setattr(PgStore, "_count_change", lambda store: store._conn.execute("SELECT NULL"))
        alice, bob = PgStore.open(library.add("alice", "SECRET")), PgStore.open(library.add("bob", "OFFICIAL"))
        plain = source(OPEN_TEXT, "oslo.txt", "2021-06-21")
        secret = dataclasses.replace(source(SECRET_TEXT, "tromso.txt", "2021-08-02"), marking="SECRET")
        alice.add_source(plain, extract_one(plain))
        secret_id, _ = alice.add_source(secret, extract_one(secret))
    return alice, bob, secret_id


def _in_plain_sql(dsn: str) -> tuple[int, ...]:
    """How many sources, items, source search rows and sources naming Quill an officer's own SELECT finds."""
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT (SELECT count(*) FROM briefing.sources), (SELECT count(*) FROM briefing.items), "
                           "(SELECT count(*) FROM briefing.sources_fts), "
                           "(SELECT count(*) FROM briefing.sources WHERE text LIKE '%%Quill%%')").fetchone()
    assert row is not None
    return tuple(row)


def _what_bob_finds(bob: PgStore) -> tuple[object, ...]:
    return (bob.search("orsted"), bob.search_sources("tromso"), bob.query(Query(text="quill")),
            bob.count(Query(text="cables")), len(bob.search("alice")), len(bob.query(Query(text="oslo"))),
            bob.search_sources("oslo") != [])


def test_an_officer_is_told_to_ask_for_the_upgrade_of_a_library_made_by_the_first_version(old_library, capsys):
    bob = old_library.add("bob", "OFFICIAL")
    with pytest.raises(LibraryError) as refused:
        PgStore.open(bob)
    told = str(refused.value)
    assert told.startswith("the team library's schema is older than this program (version 1; this program needs")
    assert "ask the desk administrator to run `briefing team init postgresql://ADMIN@" in told
    assert told.endswith(f"/{old_library.database}`") and "\n" not in told
    assert main(["--library", bob, "sources"]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("\n") == 1 and told in out.err


def test_a_library_made_by_the_first_version_keeps_clearance_until_it_is_brought_up_to_date(old_library):
    """Its officers' stores refuse it, but its own policies still keep a SECRET source from Bob's plain SQL."""
    alice, bob, _ = _desk(old_library)
    with alice, bob:
        assert not upgrade.is_current(bob._conn)  # an officer cannot bring it up to date
        found_by_bob, found_by_alice = _in_plain_sql(bob.path), _in_plain_sql(alice.path)
        assert found_by_bob[0] == found_by_bob[2] == 1 and found_by_bob[3] == 0
        assert found_by_alice[0] == found_by_alice[2] == 2 and found_by_alice[3] == 1
        assert 0 < found_by_bob[1] < found_by_alice[1]


def test_its_administrator_opening_it_brings_it_up_to_date(old_library):
    alice, bob, secret_id = _desk(old_library)
    with alice, bob:
        with PgStore.open(old_library.admin) as admin:
            assert upgrade.is_current(admin._conn)
            assert admin.search("orsted")  # the owner sees everything
        with PgStore.open(bob.path) as bob_again:
            assert _what_bob_finds(bob_again) == ([], [], [], 0, 2, 1, True)
        # Alice's import of the SECRET source, logged by the first version's triggers, is undone by this one.
        assert alice.search_sources("tromso") == [secret_id]
        assert alice.undo()
        assert alice.search_sources("tromso") == [] and alice.search("orsted") == []
        assert alice.redo()
        assert alice.search_sources("tromso") == [secret_id] and alice.search("orsted")
        with psycopg.connect(old_library.admin) as conn:
            assert conn.execute("SELECT value FROM briefing.meta WHERE key = 'schema_version'").fetchone() == (
                str(upgrade.SCHEMA_VERSION),)


def _definitions(dsn: str) -> dict[str, list[str]]:
    """What schema.sql's re-runnable part defines, as the server prints it."""
    with psycopg.connect(dsn) as conn:
        return {
            "policies": sorted(f"{r[0]}.{r[1]}: {r[2]} / {r[3]}" for r in conn.execute(
                "SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'briefing'")),
            "triggers": sorted(r[0] for r in conn.execute(
                "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'briefing' AND NOT t.tgisinternal")),
            "functions": sorted(r[0] for r in conn.execute(
                "SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'briefing'")),
            "views": sorted(f"{r[0]}: {r[1]}" for r in conn.execute(
                "SELECT viewname, definition FROM pg_views WHERE schemaname = 'briefing'")),
            "indexes": sorted(r[0] for r in conn.execute(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'briefing'")),
            "grants": sorted(f"{r[0]} {r[1]}" for r in conn.execute(
                "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
                "WHERE table_schema = 'briefing' AND grantee = 'briefing_officer'")),
        }


def test_an_upgraded_library_is_defined_as_a_new_one(old_library, team_library):
    with psycopg.connect(old_library.admin, autocommit=True) as conn:
        assert upgrade.upgrade(conn)
        assert not upgrade.upgrade(conn)  # once is enough
    assert _definitions(old_library.admin) == _definitions(team_library.admin)


def test_the_search_functions_keep_to_the_callers_clearance(team_library):
    alice, bob, secret_id = _desk(team_library)
    with alice, bob, psycopg.connect(team_library.add("bob", "OFFICIAL"), autocommit=True) as conn:
        conn.execute("SET search_path TO briefing, public")

        def found(function: str, words: str | None, unwanted: str | None = None) -> list[int]:
            return [r[0] for r in conn.execute(
                f"SELECT rowid FROM {function}(to_tsquery('bb_simple', %s), to_tsquery('bb_simple', %s), true)",
                (words, unwanted))]

        assert found("bb_match_items", "orsted") == [] and found("bb_match_sources", "tromso") == []
        everything = set(found("bb_match_items", None, "nothingatall"))
        assert everything == {r[0] for r in conn.execute("SELECT id FROM items")} and everything
        assert not everything & set(alice.query(Query(source_id=secret_id)))
        assert found("bb_match_sources", None, "nothingatall") == [r[0] for r in conn.execute("SELECT id FROM sources")]
        # While a source is added, only the items of its marking are in sight: none of the open ones for a SECRET one.
        with conn.transaction():
            conn.execute("SELECT set_config('briefing.join_rank', '4', true)")
            assert found("bb_match_items", "alice") == []
        assert found("bb_match_items", "alice")


def test_an_items_marking_is_its_highest_sources_whatever_rows_are_added(team_library):
    """The marking-rank trigger works out a rank from the rows added alone; it must give what reading every
    source of the item again gives (an item that had no source takes its new sources' marking)."""
    with psycopg.connect(team_library.admin, autocommit=True) as conn:
        conn.execute("SET search_path TO briefing, public")
        sources = {marking: conn.execute(
            "INSERT INTO sources (sha256, path, text, imported_at, marking) VALUES (%s, %s, 'x', 'now', %s) "
            "RETURNING id", (marking, marking, marking)).fetchone()[0] for marking in ("UNCLASSIFIED", "OFFICIAL", "SECRET")}

        def item(rank: int) -> int:
            return conn.execute("INSERT INTO items (kind, created_at, marking_rank) VALUES ('person', 'now', %s) "
                                "RETURNING id", (rank,)).fetchone()[0]

        def add(table: str, rows: list[tuple[int, str]]) -> None:
            if table == "contributions":
                conn.execute("INSERT INTO contributions (item_id, source_id, data) SELECT i, s, '{}' "
                             "FROM unnest(%s::bigint[], %s::bigint[]) AS u (i, s)",
                             ([i for i, _ in rows], [sources[m] for _, m in rows]))
            else:
                conn.execute("INSERT INTO evidence (item_id, source_id, start, \"end\", text) SELECT i, s, 0, 1, 'x' "
                             "FROM unnest(%s::bigint[], %s::bigint[]) AS u (i, s)",
                             ([i for i, _ in rows], [sources[m] for _, m in rows]))

        def rank(item_id: int) -> int:
            return conn.execute("SELECT marking_rank FROM items WHERE id = %s", (item_id,)).fetchone()[0]

        by_hand, orphan, official = item(0), item(4), item(1)
        add("contributions", [(official, "OFFICIAL")])
        assert rank(official) == 1
        add("evidence", [(by_hand, "SECRET")])
        assert rank(by_hand) == 4  # rises to its first source's
        add("contributions", [(by_hand, "OFFICIAL"), (orphan, "OFFICIAL")])
        assert rank(by_hand) == 4  # a lower source beside a SECRET one changes nothing
        assert rank(orphan) == 1  # had no source: takes its new one's marking
        add("evidence", [(official, "UNCLASSIFIED"), (official, "SECRET"), (orphan, "OFFICIAL")])
        assert (rank(official), rank(orphan)) == (4, 1)
        conn.execute("DELETE FROM evidence WHERE item_id = %s AND source_id = %s", (official, sources["SECRET"]))
        assert rank(official) == 1  # its highest source left: the next one's
