"""An import keeps its items' contributions in memory between sources: never at the cost of a wrong item."""

from __future__ import annotations

import json

from briefing.library import Library, Query
from briefing.library.ingest import ContributionCache
from briefing.model import Evidence, Extraction, Person, Topic
from tests.core.test_library_fakes import source


def _topic_source(n: int, date: str, countries: list[str], title: str | None = None):
    text = f"Report {n}: talks on trade between the two governments. Minister Alice Smith spoke."
    src = source(text, path=f"{n}.txt", date=date)
    trade = text.index("trade")
    alice = text.index("Alice Smith")
    extraction = Extraction(
        countries=countries,
        topics=[Topic("trade", evidence=[Evidence(trade, trade + 5, "trade")])],
        people=[Person("Alice Smith", title=title, country=countries[0],
                       evidence=[Evidence(alice, alice + 11, "Alice Smith")])],
    )
    return src, extraction


def _state(lib: Library):
    rows = lib.conn.execute("SELECT id, kind, machine, label, countries FROM items ORDER BY id").fetchall()
    keys = lib.conn.execute("SELECT item_id, key FROM item_keys ORDER BY item_id, key").fetchall()
    return [(i, k, json.loads(m), label, c) for i, k, m, label, c in rows], keys


def test_sources_in_any_date_order_give_what_a_source_at_a_time_gives(tmp_path):
    # dates out of order: each new source lands before, between or after those already joined
    dates = ["2024-03-01", "2023-01-15", "2025-05-20", None, "2024-03-01", "2023-06-30", "2025-01-01"]
    titles = ["Minister", "Deputy Minister", "Foreign Minister", None, "Minister", None, "Prime Minister"]
    sources = [_topic_source(n, d, [c, "KE"], t) for n, (d, t, c) in
               enumerate(zip(dates, titles, ["FR", "DE", "FR", "JP", "FR", "DE", "FR"], strict=True))]
    with Library.open(tmp_path / "plain.sqlite3", seed=False) as plain, \
            Library.open(tmp_path / "cached.sqlite3", seed=False) as cached:
        cache = ContributionCache()
        for src, extraction in sources:
            plain._add_source_in_step(src, extraction, None)
            cached._add_source_in_step(src, extraction, None, cache)
        assert _state(cached) == _state(plain)
        [alice] = cached.items(cached.query(Query(kind="person")))
        # what two sources agree on, whatever the order: the latest (2025-05-20, "Foreign Minister") is one
        # source alone, and one later source never overturns a title by itself (issue 10)
        assert alice.fields["title"] == "Minister"
        [trade] = cached.items(cached.query(Query(kind="topic")))
        assert len(trade.source_ids) == len(sources)


def test_a_change_made_by_another_connection_mid_import_is_not_undone_by_the_cache(tmp_path):
    path = tmp_path / "lib.sqlite3"
    cache = ContributionCache()
    with Library.open(path, seed=False) as lib, Library.open(path, seed=False) as window:
        first, _ = lib._add_source_in_step(*_topic_source(1, "2024-01-01", ["FR", "KE"]), None, cache)
        lib._add_source_in_step(*_topic_source(2, "2024-02-01", ["DE", "KE"]), None, cache)
        window.delete_sources([first])  # the officer removes a source while the import runs
        lib._add_source_in_step(*_topic_source(3, "2024-03-01", ["JP", "KE"]), None, cache)
        [trade] = lib.items(lib.query(Query(kind="topic")))
        assert sorted(trade.source_ids) != [] and first not in trade.source_ids
        assert lib.conn.execute("SELECT machine FROM items WHERE id = ?", (trade.id,)).fetchone()[0] == \
            json.dumps(_recombined(lib, trade.id), ensure_ascii=False)
        assert "FR" not in json.loads(lib.conn.execute(
            "SELECT machine FROM items WHERE id = ?", (trade.id,)).fetchone()[0])["countries"]


def test_a_source_that_fails_to_write_leaves_the_cache_empty(tmp_path, monkeypatch):
    from briefing.library import ingest

    cache = ContributionCache()
    with Library.open(tmp_path / "lib.sqlite3", seed=False) as lib:
        lib._add_source_in_step(*_topic_source(1, "2024-01-01", ["FR", "KE"]), None, cache)
        lib._add_source_in_step(*_topic_source(2, "2024-02-01", ["DE", "KE"]), None, cache)
        assert cache._items  # it holds what the import joined

        def broken(self, *a, **k):
            raise OSError("disk full")

        monkeypatch.setattr(ingest.Ingest, "_event", broken)
        src, extraction = _topic_source(3, "2024-03-01", ["JP", "KE"])
        extraction.events = [object()]
        try:
            lib._add_source_in_step(src, extraction, None, cache)
        except OSError:
            pass
        assert not cache._items and not cache._parsed
        assert len(lib.sources()) == 2


def _recombined(lib: Library, item_id: int):
    from briefing.library import kinds

    rows = lib.conn.execute(
        "SELECT s.date, c.data FROM contributions c JOIN sources s ON s.id = c.source_id WHERE c.item_id = ? "
        "ORDER BY coalesce(s.date, ''), s.id", (item_id,)).fetchall()
    return kinds.combine("topic", [(d, json.loads(data)) for d, data in rows])
