"""An officer's own SQLite library merged into the team library: sources once, edits, notes, briefs kept."""

from __future__ import annotations

import dataclasses

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
