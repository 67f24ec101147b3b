"""The command line on either library: `--library FILE` or `--library postgresql://…` give the same answers."""

from __future__ import annotations

import json

import pytest

from briefing.cli import main
from briefing.library import Query
from tests.core.test_brief_fixtures import all_text
from tests.pg.store_suite.conftest import add, ids_of


@pytest.fixture
def library(backend):
    """The library of the Oslo talks, and a function that runs `briefing ... --library` on it."""
    store = backend.open()
    add(store, "Minister Alice Smith met Bob Jones in Oslo on 2021-06-21. They signed the Fisheries Agreement.",
        "oslo.txt", "2021-06-22")
    add(store, "Carol King visited Norway on 2021-07-02.", "visit.txt", "2021-07-03")
    return store


@pytest.fixture
def run(backend, capsys):
    def run_(*argv: object) -> tuple[int, str, str]:
        code = main([*(str(a) for a in argv), "--library", backend.target])
        out, err = capsys.readouterr()
        return code, out, err
    return run_


def test_pick_into_a_brief_list_and_show_briefs_and_undo(library, run):
    [event] = library.query(Query(kind="event", text="jones"))
    [agreement] = ids_of(library, "agreement")
    code, out, _ = run("pick", event, agreement, "--brief", "Oslo visit")
    brief = library.brief_id_named("Oslo visit")
    assert code == 0 and out.splitlines() == [f"Brief 'Oslo visit' ({brief}) now has 2 items.",
                                              "Made the new brief 'Oslo visit' the current brief."]
    _, out, _ = run("briefs")
    assert out.strip() == f"*{brief:>4} Oslo visit  (2 items)"
    _, out, _ = run("briefs", "--show", "oslo VISIT")
    assert "Meeting: Alice Smith, Bob Jones (Oslo)" in out and "Fisheries Agreement" in out
    code, _, err = run("briefs", "Bergen")
    assert code == 1 and "no brief named 'Bergen' (briefs: 'Oslo visit')" in err
    _, out, _ = run("pick", agreement, "--remove")  # from the current brief
    assert out.strip() == f"Brief 'Oslo visit' ({brief}) now has 1 item."
    _, out, _ = run("undo")
    assert out.strip() == "Undone: Unpick 1 item"
    _, out, _ = run("undo")
    assert out.strip() == "Undone: Pick 2 items"
    _, out, _ = run("briefs")
    assert out.startswith("No briefs yet")


def test_export_csv_and_json(library, run, tmp_path):
    code, out, _ = run("export", "--csv", tmp_path / "csv")
    assert code == 0 and out.startswith("Wrote 3 files to")
    assert "Alice Smith; Bob Jones" in (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8-sig")
    code, out, _ = run("export", "--json", tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert code == 0 and [d["id"] for d in data["documents"]] == ["oslo", "visit"]


def test_render_the_current_brief_and_a_summary(library, run, tmp_path):
    [event] = library.query(Query(kind="event", text="jones"))
    run("pick", event, "--brief", "Oslo visit")
    run("edit", event, "--set", "location=Bergen")
    code, out, err = run("render", "-o", tmp_path / "brief.docx")
    assert code == 0, err
    assert "current brief 'Oslo visit'" in out
    text = all_text(tmp_path / "brief.docx")
    assert "Bergen" in text and "Carol King" not in text
    code, out, _ = run("render", "--kind", "event", "-o", tmp_path / "events.docx")
    assert code == 0 and "2 selected items" in out
    code, _, _ = run("summary", "--brief", "Oslo visit", "-o", tmp_path / "summary.html")
    assert code == 0 and "Bergen" in (tmp_path / "summary.html").read_text(encoding="utf-8")


def test_reextract_keeps_edits(library, run, monkeypatch):
    from tests.core.test_library_fakes import fake_extract

    [event] = library.query(Query(kind="event", text="jones"))
    run("edit", event, "--set", "location=Bergen")
    monkeypatch.setattr("briefing.extract.extract_many", lambda sources, **kw: fake_extract(sources))
    code, out, _ = run("reextract", "--all")
    assert code == 0 and out.startswith("Re-extracted 2 sources")
    assert library.item(event).fields["location"] == "Bergen" and library.undo_name() == "Re-extract 2 sources"


def test_a_source_takes_corrections_as_undoable_steps(library, run):
    [oslo] = [s.id for s in library.sources() if s.path == "oslo.txt"]
    code, out, _ = run("source", oslo, "--set", "publisher=Nordic Courier", "--set", "url=https://courier.example/oslo")
    assert code == 0 and "Cited as: Nordic Courier, ‘oslo.txt’, 22 June 2021, https://courier.example/oslo" in out
    code, _, err = run("source", oslo, "--set", "date=June 2021")
    assert code == 1 and "date must be a date written YYYY, YYYY-MM or YYYY-MM-DD" in err
    _, out, _ = run("undo")
    assert out.strip() == "Undone: Edit source publisher, url"


def test_edit_revert_merge_and_list(library, run):
    [event] = library.query(Query(kind="event", text="jones"))
    code, out, _ = run("edit", event, "--set", "location=Bergen", "--set", "status=planned")
    assert code == 0 and "(Bergen)" in out
    run("edit", event, "--revert", "status")
    assert library.item(event).edits == {"location": "Bergen"}
    code, out, _ = run("list", "--type", "event")
    assert code == 0 and f"{event}* event" in out.replace("  ", " ")
