"""An officer's own SQLite library merged into the team library: sources once, edits, notes, briefs kept."""

from __future__ import annotations

import dataclasses
import json

import pytest

from briefing.library import Library, LibraryError
from briefing.library.pg.push import push
from tests.core.test_library_fakes import extract_one, source

OSLO = source("Alice Smith met Bob Jones in Oslo on 2021-06-21. They talked about fisheries quotas.", "oslo.txt",
              "2021-06-21")
VISIT = source("Alice Smith visited Norway on 2021-06-22.", "visit.txt", "2021-06-22")
SECRET = dataclasses.replace(source("Carol White called Bob Jones on 2021-06-25.", "call.txt", "2021-06-25"),
                             marking="SECRET")


@pytest.fixture
def own_library(tmp_path):
    """Alice's own library: two open sources and a SECRET one, an edit, a note and a brief."""
    path = tmp_path / "alice.sqlite"
    lib = Library.open(path, seed=False)
    for src in (OSLO, VISIT, SECRET):
        lib.add_source(src, extract_one(src))
    smith = [r.id for r in lib.rows(lib.query()) if r.label == "Alice Smith"][0]
    jones = [r.id for r in lib.rows(lib.query()) if r.label == "Bob Jones"][0]
    lib.edit(smith, "title", "Foreign Minister")
    note = lib.add_note("Ask for the readout.", title="Follow-up")
    brief = lib.create_brief("Norway")
    lib.update_brief(brief, title="Norway: the June visits", recipient="Director")
    lib.set_picked(brief, [smith, note, jones], True)
    lib.set_line_wording(brief, jones, "Our host in Oslo.")
    lib.close()
    return path


def _label(store, item_id):
    return store.rows([item_id])[0].label


def test_push_adds_each_source_once_and_keeps_edits_notes_and_briefs(own_library, open_store):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    bob.add_source(OSLO, extract_one(OSLO))  # the desk already holds the Oslo story

    report = push(own_library, alice)

    assert (report.sources_added, report.sources_present) == (1, 1)
    assert report.sources_above_clearance == ["call.txt"]  # Alice pushed as an OFFICIAL officer
    assert sorted(s.path for s in bob.sources()) == ["oslo.txt", "visit.txt"]
    smith = [r for r in bob.rows(bob.query()) if r.label == "Alice Smith"]
    assert len(smith) == 1 and bob.item(smith[0].id).fields["title"] == "Foreign Minister"
    assert len(bob.item(smith[0].id).source_ids) == 2  # joined across the two sources, as on SQLite
    notes = [r.id for r in bob.rows(bob.query()) if r.kind == "note"]
    assert [bob.item(n).fields["text"] for n in notes] == ["Ask for the readout."]
    [brief_row] = bob.briefs()
    brief = bob.brief(brief_row.id)
    assert (brief.name, brief.title, brief.recipient) == ("Norway", "Norway: the June visits", "Director")
    assert [_label(bob, line.item_id) for line in brief.lines] == ["Alice Smith", "Follow-up", "Bob Jones"]
    assert [line.wording for line in brief.lines] == [None, None, "Our host in Oslo."]
    assert report.edits_applied == 1 and report.items_made == 1 and report.briefs == 1


def test_a_push_is_one_step_undone_whole(own_library, open_store):
    alice, bob = open_store("alice", "SECRET"), open_store("bob", "OFFICIAL")
    bob.add_source(OSLO, extract_one(OSLO))
    report = push(own_library, alice)
    assert report.sources_above_clearance == [] and report.sources_added == 2
    assert alice.undo_name() == "Push alice.sqlite"

    assert alice.undo() == "Push alice.sqlite"

    assert [s.path for s in alice.sources()] == ["oslo.txt"] and alice.briefs() == []
    assert [r.kind for r in alice.rows(alice.query())].count("note") == 0


def test_push_refuses_a_file_that_is_not_a_library(tmp_path, open_store):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    with pytest.raises(LibraryError, match="not a Briefing Builder library"):
        push(bogus, open_store("alice", "OFFICIAL"))


def test_briefing_library_push_on_the_command_line(own_library, team_library, capsys):
    from briefing.cli import main

    dsn = team_library.add("alice", "OFFICIAL")
    assert main(["library", "push", str(own_library), dsn]) == 0
    out = capsys.readouterr().out
    assert "2 sources added, 0 already there, 1 edits" in out and "left out" in out and "call.txt" in out


# --- what the officer deleted, split apart or merged: the team library shows it as their own library does ---

CALL = source("Carol White called Bob Jones on 2021-06-25.", "call.txt", "2021-06-25")
MARRIED = source("Alice Smith-Jones visited Denmark on 2021-06-30.", "denmark.txt", "2021-06-30")
LATER = source("Alice Smith-Jones called Bob Jones on 2021-07-01.", "later.txt", "2021-07-01")


def _quotes_by_item(store, paths):
    """Each item as the set of its quotes (source, kind, span) from the sources named: how the library has
    cut what these sources say into items, comparable between an own library and the team library."""
    path_of = {s.id: s.path for s in store.sources()}
    out = set()
    for item in store.items(store.query()):
        quotes = frozenset((path_of[q.source_id], item.kind, q.start, q.end) for q in item.evidence
                           if path_of.get(q.source_id) in paths)
        if quotes:
            out.add(quotes)
    return out


def _own(path, *sources):
    lib = Library.open(path, seed=False)
    for src in sources:
        lib.add_source(src, extract_one(src))
    return lib


def _ids(store, label, kind=None):
    return [r.id for r in store.rows(store.query()) if r.label == label and (kind is None or r.kind == kind)]


def _paths(store, item_id):
    path_of = {s.id: s.path for s in store.sources()}
    return sorted(path_of[s] for s in store.item(item_id).source_ids)


def _pushed_again_changes_nothing(path, alice, bob):
    before = _team_state(bob)
    again = push(path, alice)
    assert (again.sources_added, again.deleted, again.kept_apart, again.merged, again.edits_applied) == (0, 0, 0, 0, 0)
    assert _team_state(bob) == before


def _same_cut(lib, team, paths):
    """What the officer sees of these sources' items is what the team library shows."""
    assert _quotes_by_item(team, paths) == _quotes_by_item(lib, paths)


def test_what_the_officer_split_apart_stays_apart_in_the_team_library(tmp_path, open_store):
    path = tmp_path / "alice.sqlite"
    lib = _own(path, OSLO, VISIT)
    [smith] = _ids(lib, "Alice Smith", "person")
    visit_id = next(s.id for s in lib.sources() if s.path == "visit.txt")
    # Two different Alice Smiths, says the officer: the one who visited Norway is someone else.
    apart = lib.split(smith, [q.id for q in lib.item(smith).evidence if q.source_id == visit_id])
    lib.edit(apart, "title", "Trade envoy")
    lib.close()
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    bob.add_source(OSLO, extract_one(OSLO))  # the desk's Alice Smith, which the team's rules join VISIT to

    report = push(path, alice)

    assert report.kept_apart == 1 and report.identity_unplaced == []
    smiths = _ids(bob, "Alice Smith", "person")
    assert sorted(_paths(bob, i) for i in smiths) == [["oslo.txt"], ["visit.txt"]]
    envoy = next(i for i in smiths if _paths(bob, i) == ["visit.txt"])
    assert bob.item(envoy).fields["title"] == "Trade envoy"  # the edit went to the item it was made on
    with Library.open(path) as lib:
        _same_cut(lib, bob, {"oslo.txt", "visit.txt"})
    _pushed_again_changes_nothing(path, alice, bob)

    # Extracting the source again in the team library keeps them apart.
    bob.reextract(bob.source_id_for(VISIT.sha256), extract_one(VISIT))
    assert len(_ids(bob, "Alice Smith", "person")) == 2


def test_what_the_officer_deleted_is_not_shown_again_nor_brought_back(tmp_path, open_store):
    path = tmp_path / "alice.sqlite"
    lib = _own(path, OSLO, VISIT)
    lib.delete_items(_ids(lib, "Bob Jones", "person") + _ids(lib, "fisheries quotas", "topic"))
    lib.close()
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    bob.add_source(OSLO, extract_one(OSLO))
    bob.add_source(CALL, extract_one(CALL))  # the desk also knows of Bob Jones from a source Alice does not have
    [jones] = _ids(bob, "Bob Jones", "person")
    assert _paths(bob, jones) == ["call.txt", "oslo.txt"]

    report = push(path, alice)

    assert report.deleted == 2 and report.identity_unplaced == []
    assert _ids(bob, "fisheries quotas") == []  # only the Oslo story said it: gone
    assert [_paths(bob, i) for i in _ids(bob, "Bob Jones", "person")] == [["call.txt"]]  # the desk's own stays
    with Library.open(path) as lib:
        _same_cut(lib, bob, {"oslo.txt", "visit.txt"})
    _pushed_again_changes_nothing(path, alice, bob)

    # Remembered: the Oslo story extracted again in the team library does not bring them back.
    bob.reextract(bob.source_id_for(OSLO.sha256), extract_one(OSLO))
    assert _ids(bob, "fisheries quotas") == []
    assert [_paths(bob, i) for i in _ids(bob, "Bob Jones", "person")] == [["call.txt"]]


def test_what_the_officer_merged_is_one_item_without_taking_a_colleagues_item_whole(tmp_path, open_store):
    path = tmp_path / "alice.sqlite"
    lib = _own(path, OSLO, MARRIED)
    smith = _ids(lib, "Alice Smith", "person")[0]
    lib.merge([smith, *_ids(lib, "Alice Smith-Jones", "person")])  # the same woman, says the officer
    lib.close()
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    bob.add_source(MARRIED, extract_one(MARRIED))
    bob.add_source(LATER, extract_one(LATER))  # the desk's "Alice Smith-Jones" also holds a call Alice never saw
    assert [_paths(bob, i) for i in _ids(bob, "Alice Smith-Jones", "person")] == [["denmark.txt", "later.txt"]]

    report = push(path, alice)

    assert report.merged == 1 and report.identity_unplaced == []
    [smith] = _ids(bob, "Alice Smith", "person")
    assert _paths(bob, smith) == ["denmark.txt", "oslo.txt"]
    # Only Alice's quote moved: the colleague's statement is still where the desk's rules put it.
    assert [_paths(bob, i) for i in _ids(bob, "Alice Smith-Jones", "person")] == [["later.txt"]]
    with Library.open(path) as lib:
        _same_cut(lib, bob, {"oslo.txt", "denmark.txt"})
    _pushed_again_changes_nothing(path, alice, bob)


def _team_state(store):
    items = sorted((i.kind, json.dumps(i.fields, sort_keys=True, default=str), tuple(_paths(store, i.id)),
                    len(i.evidence)) for i in store.items(store.query()))
    briefs = []
    for row in store.briefs():
        brief = store.brief(row.id)
        briefs.append((brief.name, brief.title, [(store.rows([ln.item_id])[0].label, ln.wording) for ln in brief.lines]))
    return items, sorted(s.path for s in store.sources()), sorted(briefs)


def test_pushing_twice_changes_nothing_the_second_time(own_library, tmp_path, open_store):
    lib = Library.open(own_library)
    lib.delete_items(_ids(lib, "fisheries quotas", "topic"))
    [smith] = _ids(lib, "Alice Smith", "person")
    visit_id = next(s.id for s in lib.sources() if s.path == "visit.txt")
    lib.split(smith, [q.id for q in lib.item(smith).evidence if q.source_id == visit_id])
    lib.close()
    alice, bob = open_store("alice", "SECRET"), open_store("bob", "SECRET")
    bob.add_source(OSLO, extract_one(OSLO))
    first = push(own_library, alice)
    assert (first.deleted, first.kept_apart, first.items_made, first.briefs) == (1, 1, 1, 1)
    before = _team_state(bob)

    again = push(own_library, alice)

    assert _team_state(bob) == before
    assert (again.sources_added, again.sources_present) == (0, 3)
    assert (again.edits_applied, again.items_made, again.briefs, again.deleted, again.kept_apart, again.merged) == \
        (0, 0, 0, 0, 0, 0)
    # The second push recorded no step: undoing now undoes the first one, whole.
    assert alice.undo() == "Push alice.sqlite"
    assert [s.path for s in bob.sources()] == ["oslo.txt"] and bob.briefs() == []
    assert len(_ids(bob, "Alice Smith", "person")) == 1 and _ids(bob, "fisheries quotas") != []


def test_the_command_line_says_what_was_carried_over_as_in_the_own_library(tmp_path, team_library, capsys):
    from briefing.cli import main
    from briefing.library.pg import PgStore

    path = tmp_path / "alice.sqlite"
    lib = _own(path, OSLO, VISIT)
    lib.delete_items(_ids(lib, "fisheries quotas", "topic"))
    lib.close()
    with PgStore.open(team_library.add("bob", "OFFICIAL")) as bob:
        bob.add_source(OSLO, extract_one(OSLO))
    dsn = team_library.add("alice", "OFFICIAL")

    assert main(["library", "push", str(path), dsn]) == 0
    assert "as in your library: 1 deleted, 0 kept apart, 0 merged" in capsys.readouterr().out
    assert main(["library", "push", str(path), dsn]) == 0  # again: nothing more to do
    out = capsys.readouterr().out
    assert "0 sources added, 2 already there, 0 edits" in out and "as in your library" not in out


def test_deleting_one_half_of_a_split_takes_only_that_half_out(tmp_path, open_store):
    """One story names Alice Smith twice; the officer split the second off as someone else, then deleted it."""
    twice = source("Alice Smith met Bob Jones in Oslo on 2021-06-21. Alice Smith visited Norway on 2021-06-22.",
                   "twice.txt", "2021-06-21")
    path = tmp_path / "alice.sqlite"
    lib = _own(path, twice)
    [smith] = _ids(lib, "Alice Smith", "person")
    second = max(lib.item(smith).evidence, key=lambda q: q.start)
    lib.delete_items([lib.split(smith, [second.id])])
    lib.close()
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    bob.add_source(twice, extract_one(twice))
    [team_smith] = _ids(bob, "Alice Smith", "person")
    assert len(bob.item(team_smith).evidence) == 2

    report = push(path, alice)

    assert report.deleted == 1
    [team_smith] = _ids(bob, "Alice Smith", "person")  # the first Alice Smith stays, with her first quote only
    assert [q.start for q in bob.item(team_smith).evidence] == [0]
    with Library.open(path) as lib:
        _same_cut(lib, bob, {"twice.txt"})
    _pushed_again_changes_nothing(path, alice, bob)
