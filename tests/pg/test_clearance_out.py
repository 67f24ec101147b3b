"""What leaves the team library (a rendered brief, a summary, an export, the tree's groups, a copied brief)
holds only what the officer who asks may see: the server's clearance, not the program, decides."""

from __future__ import annotations

import dataclasses
import json

import pytest

from briefing.cli import main
from briefing.library import Query
from briefing.library.pg import PgStore
from tests.core.test_brief_fixtures import all_text
from tests.core.test_library_fakes import extract_one, source

OPEN_TEXT = "Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement."
SECRET_TEXT = "Xavier Quill met Yannick Ørsted in Tromsø on 2021-08-02. They spoke about submarine cables."
SECRET_WORDS = ("Xavier", "Quill", "Ørsted", "Tromsø", "submarine", "tromso")


@pytest.fixture
def desk(team_library):
    """Alice (SECRET) builds the brief "Nordic" from an open and a SECRET source; Bob is cleared to OFFICIAL."""
    alice_dsn, bob_dsn = team_library.add("alice", "SECRET"), team_library.add("bob", "OFFICIAL")
    alice, bob = PgStore.open(alice_dsn), PgStore.open(bob_dsn)
    plain = source(OPEN_TEXT, "oslo.txt", "2021-06-21")
    secret = dataclasses.replace(source(SECRET_TEXT, "tromso.txt", "2021-08-02"), marking="SECRET")
    alice.add_source(plain, extract_one(plain))
    alice.add_source(secret, extract_one(secret))
    brief = alice.create_brief("Nordic")
    alice.set_picked(brief, alice.query(Query(kind="event")), True)
    yield alice, bob, bob_dsn, brief
    alice.close()
    bob.close()


def _says_nothing_secret(text: str) -> None:
    for word in SECRET_WORDS:
        assert word not in text, word


def test_a_brief_rendered_by_the_official_officer_holds_only_the_open_line(desk, tmp_path, capsys):
    alice, _, bob_dsn, _ = desk
    assert main(["--library", bob_dsn, "render", "--brief", "Nordic", "-o", str(tmp_path / "bob.docx")]) == 0
    assert main(["--library", bob_dsn, "summary", "--brief", "Nordic", "-o", str(tmp_path / "bob.html")]) == 0
    for text in (all_text(tmp_path / "bob.docx"), (tmp_path / "bob.html").read_text(encoding="utf-8")):
        assert "Alice Smith" in text
        _says_nothing_secret(text)
    assert "(brief 'Nordic'" in capsys.readouterr().out
    assert len(alice.picked_ids(alice.brief_id_named("Nordic"))) == 2  # Alice's brief keeps both lines


def test_the_official_officers_export_holds_only_what_they_may_see(desk, tmp_path, capsys):
    _, _, bob_dsn, _ = desk
    assert main(["--library", bob_dsn, "export", "--json", str(tmp_path / "bob.json")]) == 0
    assert main(["--library", bob_dsn, "export", "--csv", str(tmp_path / "csv")]) == 0
    data = json.loads((tmp_path / "bob.json").read_text(encoding="utf-8"))
    assert [d["path"] for d in data["documents"]] == ["oslo.txt"]
    _says_nothing_secret(json.dumps(data, ensure_ascii=False))
    for csv_file in (tmp_path / "csv").iterdir():
        _says_nothing_secret(csv_file.read_text(encoding="utf-8-sig"))


def test_the_official_officers_groups_count_only_what_they_may_open(desk):
    alice, bob, _, _ = desk
    assert [label for _, label, _ in alice.groups("source")] == ["tromso.txt", "oslo.txt"]
    assert [label for _, label, _ in bob.groups("source")] == ["oslo.txt"]
    assert sum(n for _, _, n in bob.groups("kind")) == bob.count() < alice.count()
    assert "2021-08" not in [key for key, _, _ in bob.groups("month")]


def test_a_copy_of_the_brief_made_by_the_official_officer_carries_only_the_lines_they_see(desk):
    alice, bob, _, brief = desk
    copy = bob.duplicate_brief(brief, "Nordic for the minister")
    assert len(bob.picked_ids(copy)) == 1 and alice.picked_ids(copy) == bob.picked_ids(copy)
    bob.move_line(brief, bob.picked_ids(brief)[0], 5)  # reordering what he sees leaves Alice's line in place
    assert len(alice.picked_ids(brief)) == 2
