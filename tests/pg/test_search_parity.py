"""The team library's search answers as the officer's own SQLite library does, for the same search text."""

from __future__ import annotations

import pytest

from briefing.library import Library, Query
from briefing.library.pg.search import tokens
from tests.core.test_library_fakes import extract_one, source

SOURCES = [
    ("Radosław Sikorski met Đinh Tiến Dũng in Tromsø on 2021-06-21. They talked about digital economy.",
     "warsaw.txt", "2021-06-21"),
    ("Alice Smith met Bob Jones in Oslo on 2021-06-22. The readout is at gov.sg/readouts and mfa.gov.no. "
     "Trade grew 3.5 percent in the first quarter. They spoke about maritime co-operation.", "oslo.txt", "2021-06-22"),
    ("Alice Smith visited Norway on 2021-07-01. The file ref_2021_44 was signed. Bob Jones called Łukasz Ørsted "
     "on 2021-07-02. They signed the Fisheries Agreement. 12 USD fish exports.", "visit.txt", "2021-07-01"),
]

QUERIES = [
    "radoslaw", "RADOSŁAW sikor", "sikorski", '"dinh tien dung"', '"tien dinh"', "tromso", "TROMSØ", "dung",
    "alice", "alice smith", '"alice smith"', '"smith alice"', "alice -norway", 'smith -"bob jones"', "-alice",
    "gov", "sg", "readouts", "3", "5", "3.5", "co operation", '"co-operation"', "operation", "maritime co",
    "ref", "2021", "44", "ref_2021_44", "lukasz orsted", "fisheries agreement", '"fisheries agreement"', "fish",
    "digital econ", '"digital econ', "economy digital", "norway", "!!!", "-", '""', "usd", "quarter -trade",
]


@pytest.fixture
def both(open_store, tmp_path):
    """The same three sources in an SQLite library and in a team library."""
    sqlite = Library.open(tmp_path / "own.sqlite", seed=False)
    team = open_store("alice", "OFFICIAL")
    for text, path, date in SOURCES:
        src = source(text, path, date)
        sqlite.add_source(src, extract_one(src))
        team.add_source(src, extract_one(src))
    yield sqlite, team
    sqlite.close()


def _labels(store, ids):
    rows = {r.id: f"{r.kind}: {r.label}" for r in store.rows(ids)}
    return sorted(rows[i] for i in ids)


def _source_names(store, ids):
    return sorted(store.source(i).path for i in ids)


def test_search_gives_the_same_items_and_sources_on_both(both):
    sqlite, team = both
    differ = []
    for text in QUERIES:  # one library pair for all: each answer is compared, every difference reported
        answers = [
            (_labels(team, team.search(text)), _labels(sqlite, sqlite.search(text))),
            (_labels(team, team.query(Query(text=text))), _labels(sqlite, sqlite.query(Query(text=text)))),
            (_source_names(team, team.search_sources(text)), _source_names(sqlite, sqlite.search_sources(text))),
        ]
        differ += [(text, pg, lite) for pg, lite in answers if pg != lite]
    assert differ == []


def test_the_queries_find_something_on_both(both):
    """Not every answer above is the empty list: the comparison says something."""
    sqlite, team = both
    found = [t for t in QUERIES if team.search(t) or team.search_sources(t)]
    assert len(found) >= len(QUERIES) - 8
    assert team.search("tromso") and team.search_sources("gov")


def test_words_are_split_as_sqlites_tokenizer_splits_them():
    assert tokens("gov.sg 3.5 co-operation ref_2021_44 tromsø") == [
        "gov", "sg", "3", "5", "co", "operation", "ref", "2021", "44", "tromsø"]


def test_the_same_filters_give_the_same_items(both):
    sqlite, team = both
    for query in (Query(kind="person"), Query(since="2021-06-22"), Query(until="2021-06"), Query(kind="event",
                  text="alice"), Query(status="held", since="2021")):
        assert _labels(team, team.query(query)) == _labels(sqlite, sqlite.query(query)), query
        assert team.count(query) == sqlite.count(query)
