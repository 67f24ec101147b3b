"""Filters, rows, groups and full-text search: accent and case blind, every word, "phrases", -words."""

from __future__ import annotations

import pytest

from briefing.library import Query
from briefing.model import Event, Evidence, Extraction, Person, Topic
from tests.core.test_library_fakes import extract_one, source
from tests.pg.store_suite.conftest import add


@pytest.fixture
def people(store):
    """Three sources: names with accents, and a person whose evidence holds other words."""
    for n, (text, name) in enumerate([
        ("Radosław Sikorski met Đinh Tiến Dũng in Tromsø on 2024-05-02.", None),
        ("Anna Berg met Ola Nordmann in Oslo on 2024-05-03.", None),
        ("The minister spoke of salmon quotas.", "Jonas Gahr Støre"),
    ]):
        src = source(text, path=f"s{n}.txt")
        extraction = extract_one(src) if name is None else Extraction(
            people=[Person(name, evidence=[Evidence(0, len(text), text)])])
        store.add_source(src, extraction)
    return store


@pytest.fixture
def topics(store):
    """Three topics whose evidence sentences share words but not phrases."""
    for n, (text, name) in enumerate([
        ("Ministers spoke about the digital economy.", "digital economy"),
        ("The economy of clean energy and digital tools was discussed.", "clean energy"),
        ("They signed deals on fisheries in the South China Sea.", "fisheries"),
    ]):
        src = source(text, path=f"t{n}.txt")
        store.add_source(src, Extraction(topics=[Topic(name, evidence=[Evidence(0, len(text), text)])]))
    return store


def labels(store, ids):
    return sorted(r.label for r in store.rows(ids))


def test_search_ignores_accents_and_case(people):
    meeting = "Meeting: Radosław Sikorski, Đinh Tiến Dũng (Tromsø)"
    assert labels(people, people.search("radoslaw")) == [meeting, "Radosław Sikorski"]
    assert labels(people, people.search("DINH")) == labels(people, people.search("Đinh"))
    assert meeting in labels(people, people.search("tromso"))
    assert labels(people, people.search("store")) == ["Jonas Gahr Støre"]
    assert people.search("zzz") == [] and people.search("   ") == []


def test_search_as_you_type_needs_every_word(people):
    assert labels(people, people.search("radosl")) == labels(people, people.search("Radosław"))
    assert labels(people, people.search("sikorski oslo")) == []
    assert labels(people, people.search("berg nordm")) == ["Meeting: Anna Berg, Ola Nordmann (Oslo)"]


def test_search_finds_words_of_the_evidence_and_of_the_sources(people):
    # "salmon" is only in the sentence the person was found in (and the source's text).
    assert people.search("salmon") == people.search("Jonas") == people.query(Query(text="minister spoke"))
    assert len(people.search("salmon")) == 1 and len(people.search_sources("salmon")) == 1
    assert len(people.search_sources("dung tromso")) == 1 and people.search_sources("nowhere") == []


def test_the_text_filter_combines_with_the_others(people):
    assert labels(people, people.query(Query(kind="person", text="radoslaw"))) == ["Radosław Sikorski"]
    assert people.count(Query(kind="person", text="radoslaw")) == 1


def test_search_follows_edits_and_undo(people):
    [person] = people.query(Query(kind="person", text="berg"))
    people.edit(person, "name", "Anna Bergström")
    assert people.search("bergstrom") == [person]
    people.undo()
    assert people.search("bergstrom") == []


def test_words_are_all_needed_phrases_match_whole_and_minus_excludes(topics):
    # both words are in two sources' sentences: AND finds both, the phrase only the one that says it
    assert labels(topics, topics.search("digital economy")) == ["clean energy", "digital economy"]
    assert labels(topics, topics.search('"digital economy"')) == ["digital economy"]
    assert labels(topics, topics.search("digital -clean")) == ["digital economy"]
    assert labels(topics, topics.search('economy -"clean energy"')) == ["digital economy"]
    assert labels(topics, topics.search("fisheries -china")) == []


def test_the_filter_uses_the_same_rules_as_search(topics):
    assert labels(topics, topics.query(Query(text='"digital economy"'))) == ["digital economy"]
    assert labels(topics, topics.query(Query(text="-digital"))) == ["fisheries"]  # exclusions alone filter
    assert labels(topics, topics.query(Query(kind="topic", text="-"))) == []


@pytest.fixture
def dated(store):
    e = Extraction(countries=["NO", "PL"], people=[Person("Alice Smith", country="NO", evidence=[Evidence(0, 11, "Alice Smith")]),
                                                   Person("Bob Jones", country="PL", evidence=[Evidence(16, 25, "Bob Jones")])],
                   events=[Event("meeting", date="2021-06-21", participants=["Alice Smith", "Bob Jones"],
                                 evidence=[Evidence(0, 25, "Alice Smith met Bob Jones")])])
    add(store, "Alice Smith met Bob Jones.", "a.txt", "2021-06-22", e)
    add(store, "Carol King visited Norway on 2019-03-04.", "b.txt", "2019-03-05")
    return store


def test_queries_and_rows(dated):
    store = dated
    assert store.count(Query(kind="event")) == 2
    [row] = store.rows(store.query(Query(kind="event", country="pl")))
    assert row.countries == ("NO", "PL") and row.type == "meeting" and row.status == "held"
    assert len(store.query(Query(kind="event", since="2021-01-01"))) == 1
    assert len(store.query(Query(kind="event", until="2020"))) == 1
    assert store.query(Query(kind="event", status="planned")) == []
    assert store.query() == sorted(store.query(), key=lambda i: -int(store.rows([i])[0].date.replace("-", "")))
    ids = store.query()
    assert [r.id for r in store.rows(list(reversed(ids)))] == list(reversed(ids))  # rows keep the order asked


def test_groups_of_the_tree(dated):
    store = dated
    assert store.groups("kind") == [("event", "Events", 2), ("person", "People", 3)]
    assert ("2021", "2021", 3) in store.groups("date")
    assert ("2021-06", "June 2021", 3) in store.groups("month", Query(since="2021", until="2021"))
    assert ("PL", "PL", 2) in store.groups("country")
    assert ("NO", "NO", 2) not in store.groups("country", Query(own_country="NO"))
    by_source = store.groups("source")
    assert [label for _, label, _ in by_source] == ["a.txt", "b.txt"]
    assert set(store.group_ids("source", by_source[1][0])) == set(store.query(Query(source_id=by_source[1][0])))
    assert store.group_ids("kind", "event") == store.query(Query(kind="event"))
    assert store.group_ids("date", "2019") == store.query(Query(since="2019", until="2019"))
    with pytest.raises(ValueError, match="cannot group"):
        store.groups("colour")


def test_groups_count_undated_unsourced_and_countryless_items(store):
    note = store.add_note("Ask the embassy.")
    assert store.groups("source") == [(None, "No source (added by hand)", 1)]
    assert store.groups("date") == [(None, "Undated", 1)] and store.group_ids("date", None) == [note]
    assert store.groups("country") == [(None, "No country", 1)] and store.group_ids("country", None) == [note]
    assert store.group_ids("source", None) == [note]
