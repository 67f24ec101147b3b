"""An import into the team library keeps what it read of the items it joins from one source to the next while
nobody else changes the library (PgStore._cache_still_valid, schema.sql's change_count): writers in other
databases of the same server (the ministry's usual shared server) leave it alone, a colleague's change to the
library empties it, also one committed while a source is being written, and the items are always the ones an
import that reads everything afresh makes (the SQLite library's, sources and changes in the same order)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from briefing.library import Library, Query
from briefing.library.ingest import ContributionCache
from tests.core.test_library_import_cache import _topic_source
from tests.pg.conftest import Team, _with_database
from tests.pg.test_import_batched import _items

COUNTRIES = ["FR", "DE", "JP", "NO", "IT", "ES"]


def _source(n: int) -> tuple[Any, Any]:
    """Source n: talks on trade and Minister Alice Smith, of its own country: every source joins the two items."""
    return _topic_source(n, f"2024-0{n}-01", [COUNTRIES[n - 1], "KE"])


@pytest.fixture
def emptied(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many items each emptying of an import cache threw away (an empty cache cleared is not counted)."""
    seen: list[int] = []
    clear = ContributionCache.clear

    def spy(self: ContributionCache) -> None:
        if self._items:
            seen.append(len(self._items))
        clear(self)

    monkeypatch.setattr(ContributionCache, "clear", spy)
    return seen


@pytest.fixture
def other_database(pg_server: str, team_library: Team) -> Any:
    """Another database of the same server, with a table anybody may write."""
    name = team_library.database + "_other"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    dsn = _with_database(pg_server, name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE notes (n int)")
    yield dsn
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _as_sqlite(tmp_path: Any, steps: list[Callable[[Library], object]]) -> list[tuple[str, str, int]]:
    with Library.open(tmp_path / "own.sqlite", seed=False) as lib:
        for step in steps:
            step(lib)
        return _items(lib)


def _add(n: int, cache: ContributionCache | None = None) -> Callable[[Any], object]:
    return lambda store: store._add_source_in_step(*_source(n), None, cache or ContributionCache())


def test_writes_to_another_database_of_the_server_leave_the_import_cache_alone(open_store, other_database, emptied,
                                                                                tmp_path):
    """Each of these took a transaction id of the server, which emptied the cache before (65 round trips a
    source instead of 14 in the benchmark, with another database being written)."""
    alice = open_store("alice", "OFFICIAL")
    cache = ContributionCache()
    with psycopg.connect(other_database, autocommit=True) as elsewhere, psycopg.connect(other_database) as busy:
        _add(1, cache)(alice)
        _add(2, cache)(alice)
        assert len(cache._items) == 2  # the topic and the person every source joins
        elsewhere.execute("INSERT INTO notes VALUES (1)")  # committed between two sources
        _add(3, cache)(alice)
        busy.execute("INSERT INTO notes VALUES (2)")  # in progress while a source is written
        _add(4, cache)(alice)
        busy.commit()
        elsewhere.execute("VACUUM ANALYZE notes")
        _add(5, cache)(alice)
    assert emptied == []
    assert _items(alice) == _as_sqlite(tmp_path, [_add(n) for n in range(1, 6)])


def _trade(store: Any) -> Any:
    [trade] = store.items(store.query(Query(kind="topic")))
    return trade


def test_a_colleagues_change_between_two_sources_empties_the_cache(open_store, emptied, tmp_path):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    cache = ContributionCache()
    first, _ = alice._add_source_in_step(*_source(1), None, cache)
    _add(2, cache)(alice)
    bob.delete_sources([first])  # the colleague removes a source the cache holds what it said
    _add(3, cache)(alice)
    assert emptied == [2]
    trade = _trade(alice)
    assert first not in trade.source_ids and "FR" not in trade.machine["countries"]
    assert _items(alice) == _as_sqlite(tmp_path, [_add(1), _add(2), lambda lib: lib.delete_sources([1]), _add(3)])


def test_a_colleagues_change_committed_while_a_source_is_written_has_it_written_again(open_store, emptied, tmp_path):
    """Bob's transaction is in progress when Alice's source starts (his rows are invisible to her: the cache is
    kept) and commits before her source joins the items he changed: her source is rolled back and written
    again with every read made afresh, as if there were no cache."""
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    cache = ContributionCache()
    first, _ = alice._add_source_in_step(*_source(1), None, cache)
    _add(2, cache)(alice)

    bob_written, bob_may_commit = threading.Event(), threading.Event()
    count_change = bob._count_change

    def bob_waits() -> Any:  # the last statement of bob's step: his rows are written, not committed
        bob_written.set()
        assert bob_may_commit.wait(30)
        return count_change()

    bob._count_change = bob_waits
    colleague = threading.Thread(target=bob.delete_sources, args=([first],))
    colleague.start()
    assert bob_written.wait(30)

    written: list[int] = []
    write_source = alice._write_source

    def alice_writes(*args: Any, **kwargs: Any) -> int:
        written.append(len(cache._items))
        if len(written) == 1:  # Alice's transaction has begun, with the cache kept: Bob commits now
            bob_may_commit.set()
            colleague.join(30)
            assert not colleague.is_alive()
        return write_source(*args, **kwargs)

    alice._write_source = alice_writes
    _add(3, cache)(alice)
    assert written == [2, 0]  # written with the cache kept, then again with it emptied
    assert emptied == [2]
    assert [s.id for s in alice.sources()].count(first) == 0 and len(alice.sources()) == 2
    trade = _trade(alice)
    assert first not in trade.source_ids and "FR" not in trade.machine["countries"]
    assert _items(alice) == _as_sqlite(tmp_path, [_add(1), _add(2), lambda lib: lib.delete_sources([1]), _add(3)])


def test_every_change_of_the_library_is_counted_once_and_a_brief_is_not_one(open_store, team_library):
    """The store raises the count as its transaction's last statement; anybody else's change (plain SQL, a
    clearance given by `team add-user`) is counted as it commits."""
    alice = open_store("alice", "OFFICIAL")

    def count() -> int:
        row = alice._conn.execute("SELECT n FROM change_count").fetchone()
        return int(row[0])

    start = count()
    first, _ = alice.add_source(*_source(1))
    assert count() == start + 1
    [trade] = alice.query(Query(kind="topic"))
    alice.edit(trade, "name", "trade talks")
    alice.undo()
    alice.redo()
    assert count() == start + 4
    brief = alice.create_brief("Monday")
    alice.set_picked(brief, [trade], True)
    assert count() == start + 4  # briefs are not read by an import
    with psycopg.connect(team_library.admin) as admin:  # plain SQL, several statements: one change
        admin.execute("UPDATE briefing.items SET status = 'checked' WHERE id = %s", (trade,))
        admin.execute("UPDATE briefing.sources SET note = 'seen' WHERE id = %s", (first,))
    assert count() == start + 5
    with psycopg.connect(team_library.admin) as admin:  # rolled back: no change
        admin.execute("UPDATE briefing.sources SET note = 'not seen' WHERE id = %s", (first,))
        admin.rollback()
    assert count() == start + 5
    team_library.add("bob", "SECRET")
    assert count() == start + 6
    with psycopg.connect(team_library.admin) as admin:
        assert admin.execute("SELECT count(*) FROM briefing.change_pending").fetchone() == (0,)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # an officer cannot set the count
        alice._conn.execute("UPDATE change_count SET n = 0")
