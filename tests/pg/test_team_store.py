"""The team library's set-up commands and the store's other operations on a real server."""

from __future__ import annotations

import pytest

from briefing import team
from briefing.cli import main
from briefing.library import LibraryError, NotFound
from briefing.library.store import CoreStore
from tests.core.test_library_fakes import extract_one, source


def _import(store, text: str, path: str, date: str | None = None) -> int:
    src = source(text, path, date)
    return store.add_source(src, extract_one(src))[0]


def _labels(store) -> list[str]:
    return sorted(r.label for r in store.rows(store.query()))


def test_team_init_twice_changes_nothing_the_second_time(team_library):
    assert team.init(team_library.admin) is False


def test_add_user_refuses_a_bad_name_or_clearance_and_updates_a_clearance(team_library, capsys):
    assert main(["team", "add-user", "Robert'); DROP", "--clearance", "SECRET", "--dsn", team_library.admin]) == 1
    assert "lower-case letters" in capsys.readouterr().err
    assert main(["team", "add-user", "robert", "--clearance", "hush", "--dsn", team_library.admin]) == 1
    assert "unknown clearance" in capsys.readouterr().err
    role = f"{team_library.prefix}_robert"
    assert main(["team", "add-user", role, "--clearance", "official", "--dsn", team_library.admin]) == 0
    assert main(["--library", team_library.admin, "team", "add-user", role, "--clearance", "SECRET"]) == 0
    assert f"updated {role}, cleared to SECRET" in capsys.readouterr().out
    assert (role, "SECRET") in team.clearances(team_library.admin)


def test_an_officer_uses_the_command_line_on_the_team_library(open_store, team_library, capsys):
    alice = open_store("alice", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    dsn = team_library.add("alice", "OFFICIAL")
    assert main(["--library", dsn, "list", "--text", "jones"]) == 0
    assert "Bob Jones" in capsys.readouterr().out
    assert main(["--library", dsn, "undo"]) == 0
    assert alice.sources() == []


def test_the_store_offers_the_core_interface(open_store):
    assert isinstance(open_store("alice", "OFFICIAL"), CoreStore)


def test_merge_split_and_delete_run_the_shared_rules_and_undo(open_store):
    alice = open_store("alice", "OFFICIAL")
    _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    _import(alice, "Alicia Smyth visited Norway on 2021-06-22.", "visit.txt", "2021-06-22")
    people = {r.label: r.id for r in alice.rows(alice.query()) if r.kind == "person"}
    assert set(people) == {"Alice Smith", "Alicia Smyth", "Bob Jones"}  # the rules kept the spellings apart

    smith = alice.merge([people["Alice Smith"], people["Alicia Smyth"]])
    merged = alice.item(smith)
    assert len(merged.source_ids) == 2 and "Alicia Smyth" in merged.fields["aliases"]
    assert alice.undo() == "Merge 2 people"
    assert {r.label for r in alice.rows(alice.query()) if r.kind == "person"} == set(people)
    assert alice.redo() == "Merge 2 people"

    visit_quotes = [e.id for e in alice.item(smith).evidence if e.text.startswith("Alicia")]
    new = alice.split(smith, visit_quotes)
    assert alice.item(new).fields["name"] == "Alicia Smyth" and len(alice.item(smith).source_ids) == 1
    alice.delete_items([new])
    with pytest.raises(NotFound):
        alice.item(new)
    assert alice.undo() == "Delete 1 item" and alice.item(new).fields["name"] == "Alicia Smyth"


def test_notes_and_removing_a_source(open_store):
    alice = open_store("alice", "OFFICIAL")
    oslo = _import(alice, "Alice Smith met Bob Jones in Oslo on 2021-06-21.", "oslo.txt", "2021-06-21")
    note = alice.add_note("Ask the embassy about the readout.", title="Follow-up")
    assert alice.item(note).fields["text"].startswith("Ask the embassy")
    assert alice.search("embassy readout") == [note]
    alice.delete_sources([oslo])
    assert _labels(alice) == ["Follow-up"]
    assert alice.undo() == "Remove 1 source"
    assert "Bob Jones" in _labels(alice) and alice.search("jones")


def _fake_extract(batch):
    return iter([extract_one(src) for src in batch])


def test_an_import_of_files_is_one_step_of_the_importing_officer(open_store, tmp_path):
    alice, bob = open_store("alice", "OFFICIAL"), open_store("bob", "OFFICIAL")
    texts = {"a.txt": "Alice Smith met Bob Jones in Oslo on 2021-06-21.",
             "b.txt": "Alice Smith visited Norway on 2021-06-22.",
             "c.txt": "Carol White called Bob Jones on 2021-06-23."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    bob.add_note("Bob's own note.")

    report = alice.import_paths([tmp_path], extract=_fake_extract)
    again = alice.import_paths([tmp_path], extract=_fake_extract)

    assert len(report.imported) == 3 and not report.failed and len(again.present) == 3
    assert len(bob.sources()) == 3 and "Carol White" in _labels(bob)
    assert alice.undo_name() == "Import 3 sources"
    assert bob.undo() == "Add note"  # Bob's undo leaves Alice's import alone
    assert len(alice.sources()) == 3
    assert alice.undo() == "Import 3 sources"
    assert bob.sources() == [] and _labels(bob) == []


def test_a_lost_connection_is_said_in_one_line_and_saves_nothing(open_store, team_library):
    import psycopg

    alice = open_store("alice", "OFFICIAL")
    with psycopg.connect(team_library.admin, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                      (alice.user,))
    with pytest.raises(LibraryError, match="the team library refused 'Add note'"):
        alice.add_note("Lost.")
