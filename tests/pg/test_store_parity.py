"""The same sources and the same work in both libraries give the same library: rows, groups and exports alike.

Where the store suite checks each backend against what a test expects, this compares the two with each other
over everything they hand out, so a difference nobody thought to expect (an order, a label, a count) shows.
Ids are each backend's own (a PostgreSQL sequence leaves gaps: ids an import takes ahead and does not use, a
rolled-back insert), so the two are compared with every id replaced by its rank among that library's ids: the
same item, the same rank."""

from __future__ import annotations

import csv
import json

import pytest

from briefing.library import Library, Query
from tests.core.test_library_fakes import extract_one, source
from tests.pg.test_search_parity import SOURCES

MORE = [("Carol King visited Poland on 2019-03-04. Trade grew 12 percent last year.", "warsaw-2019.txt", "2019-03-05"),
        ("Alice Smith met Bob Jones on 2021-06. They talked about fisheries quotas.", "undated-day.txt", None)]


def _work(store) -> None:
    """An officer's afternoon: sources in, a correction, a merge, a note, a brief in their order."""
    for text, path, date in [*SOURCES, *MORE]:
        src = source(text, path, date)
        store.add_source(src, extract_one(src))
    people = {r.label: r.id for r in store.rows(store.query(Query(kind="person")))}
    store.edit(people["Carol King"], "country", "PL")
    store.merge([people["Radosław Sikorski"], people["Łukasz Ørsted"]])
    store.add_note("Ask the embassy about the quotas.", title="Follow-up")
    brief = store.create_brief("Nordic")
    store.set_picked(brief, store.query(Query(kind="event")), True)
    store.move_line(brief, store.picked_ids(brief)[-1], 0)
    store.set_line_wording(brief, store.picked_ids(brief)[0], "First, the call.")


@pytest.fixture
def both(open_store, tmp_path):
    sqlite = Library.open(tmp_path / "own.sqlite", seed=False)
    team = open_store("alice", "OFFICIAL")
    _work(sqlite)
    _work(team)
    yield Ranked(sqlite), Ranked(team)
    sqlite.close()


class Ranked:
    """A library's answers with each item, source and evidence id replaced by its rank among them."""

    def __init__(self, store) -> None:
        self.store = store
        items = store.items(store.query())
        self.item = {i: n for n, i in enumerate(sorted(it.id for it in items))}
        self.source = {s: n for n, s in enumerate(sorted(s.id for s in store.sources()))}
        self.evidence = {e: n for n, e in enumerate(sorted(ev.id for it in items for ev in it.evidence))}

    def ids(self, ids) -> list[int]:
        return [self.item[i] for i in ids]

    def row(self, row) -> tuple:
        return (self.item[row.id], row.kind, row.date, row.label, row.status, row.type, row.countries, row.edited,
                tuple(self.source[s] for s in row.source_ids))

    def whole(self, item) -> tuple:
        machine = dict(item.machine)
        if "participant_ids" in machine:
            machine["participant_ids"] = sorted(self.item.get(i, -1) for i in machine["participant_ids"])
        evidence = [(self.evidence[e.id], self.source[e.source_id], e.start, e.end, e.text) for e in item.evidence]
        return (self.item[item.id], item.kind, item.fields, machine, item.edits, evidence,
                [self.source[s] for s in item.source_ids])

    def group_key(self, by: str, key):
        return self.source[key] if by == "source" and key is not None else key


def test_the_rows_and_items_are_the_same(both):
    sqlite, team = both
    assert sqlite.ids(sqlite.store.query()) == team.ids(team.store.query())
    assert [sqlite.row(r) for r in sqlite.store.rows(sqlite.store.query())] == \
        [team.row(r) for r in team.store.rows(team.store.query())]
    assert [sqlite.whole(i) for i in sqlite.store.items(sqlite.store.query())] == \
        [team.whole(i) for i in team.store.items(team.store.query())]
    assert [(s.path, s.item_count) for s in sqlite.store.sources()] == [(s.path, s.item_count) for s in team.store.sources()]


@pytest.mark.parametrize("by", ["kind", "source", "country", "date", "month"])
def test_the_groups_and_their_members_are_the_same(both, by):
    sqlite, team = both
    for query in (None, Query(since="2021"), Query(own_country="NO"), Query(text="alice")):
        own, desk = sqlite.store.groups(by, query), team.store.groups(by, query)
        assert [(sqlite.group_key(by, k), label, n) for k, label, n in own] == \
            [(team.group_key(by, k), label, n) for k, label, n in desk], query
        for (key, _, _), (other, _, _) in zip(own, desk, strict=True):
            assert sqlite.ids(sqlite.store.group_ids(by, key, query)) == team.ids(team.store.group_ids(by, other, query))


def test_the_briefs_are_the_same(both):
    sqlite, team = both
    [own], [desk] = sqlite.store.briefs(), team.store.briefs()
    assert (own.name, own.item_count) == (desk.name, desk.item_count)
    lines = [[(x.item[line.item_id], line.position, line.wording) for line in x.store.brief(b.id).lines]
             for x, b in ((sqlite, own), (team, desk))]
    assert lines[0] == lines[1]


def _without_ids(data: dict, ranked: Ranked) -> dict:
    for doc in data["documents"]:
        doc["library_ids"] = {kind: ranked.ids(ids) for kind, ids in doc["library_ids"].items()}
    for item in data["unsourced"]:
        item["id"] = ranked.item[item["id"]]
    return data


def test_the_exports_are_the_same(both, tmp_path):
    sqlite, team = both
    own = json.loads(sqlite.store.export_json(tmp_path / "own.json").read_text(encoding="utf-8"))
    desk = json.loads(team.store.export_json(tmp_path / "team.json").read_text(encoding="utf-8"))
    assert _without_ids(own, sqlite) == _without_ids(desk, team)
    own_csv = sqlite.store.export_csv(tmp_path / "own")
    desk_csv = team.store.export_csv(tmp_path / "team")
    assert [p.name for p in own_csv] == [p.name for p in desk_csv]
    for a, b in zip(own_csv, desk_csv, strict=True):
        rows_a = list(csv.reader(a.open(encoding="utf-8-sig")))
        rows_b = list(csv.reader(b.open(encoding="utf-8-sig")))
        assert [[sqlite.item[int(r[0])], *r[1:]] for r in rows_a[1:]] == \
            [[team.item[int(r[0])], *r[1:]] for r in rows_b[1:]], a.name
