"""The `briefing` command end to end, in a temporary library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__
from briefing.cli import build_parser, main
from briefing.library import Library, Query
from tests.core.test_library_fakes import extract_one, source

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path):
    """A library with two sources about one meeting, made without the language model."""
    path = tmp_path / "lib.sqlite3"
    with Library.open(path, seed=False) as lib:
        for name, text, date in [
            ("oslo.txt", "Minister Radosław Sikorski met Bob Jones in Oslo on 2021-06-21. "
                         "They signed the Fisheries Agreement.", "2021-06-22"),
            ("bergen.txt", "Bob Jones received Sikorski on 2021-06-21. Trade grew 12 percent in goods.", "2021-06-23"),
            ("old.txt", "Carol King visited Norway on 2019-03-04.", "2019-03-05"),
        ]:
            src = source(text, path=name, date=date)
            lib.add_source(src, extract_one(src))
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def ids(path, **query):
    with Library.open(path, seed=False) as lib:
        return lib.query(Query(**query))


def test_list_filters(capsys, library):
    code, out, _ = run(capsys, "--library", library, "list")
    assert code == 0 and "Meeting: Radosław Sikorski, Bob Jones (Oslo)" in out
    lines = out.splitlines()
    assert len(lines) == len(ids(library))
    _, out, _ = run(capsys, "list", "--library", library, "--type", "event", "--since", "2021-01-01")
    assert "Meeting: Radosław Sikorski, Bob Jones (Oslo)" in out
    assert out.count("\n") == 1 and "2021-06-21" in out and "[held]" in out
    _, out, _ = run(capsys, "list", "--library", library, "--type", "person", "--text", "radoslaw")
    assert "Radosław Sikorski" in out and "Bob" not in out
    _, out, _ = run(capsys, "list", "--library", library, "--type", "agreement", "--country", "VN")
    assert out.strip() == "No items match."
    with pytest.raises(SystemExit) as exc:
        main(["list", "--library", str(library), "--since", "June 2021"])
    assert exc.value.code == 2 and "not a date: 'June 2021'" in capsys.readouterr().err


def test_show_prints_fields_and_evidence_with_source_title(capsys, library):
    [event] = ids(library, kind="event", text="sikorski")
    code, out, _ = run(capsys, "show", event, "--library", library)
    assert code == 0
    assert "participants" in out and "Radosław Sikorski, Bob Jones" in out
    assert "oslo.txt" in out and "bergen.txt" in out
    assert '"Bob Jones received Sikorski on 2021-06-21."' in out


def test_edit_undo_redo_share_the_library_history(capsys, library):
    [event] = ids(library, kind="event", text="sikorski")
    code, out, _ = run(capsys, "edit", event, "--set", "location=Tromsø", "--set", 'participants=["A B", "C D"]',
                       "--library", library)
    assert code == 0 and "Meeting: A B, C D (Tromsø)" in out
    _, out, _ = run(capsys, "show", event, "--library", library)
    assert "(edited; sources say: Oslo)" in out
    with Library.open(library, seed=False) as lib:  # the window would see the same history
        assert lib.undo_name() == "Edit location, participants"
    _, out, _ = run(capsys, "undo", "--library", library)
    assert out.strip() == "Undone: Edit location, participants"
    with Library.open(library, seed=False) as lib:
        assert lib.item(event).fields["location"] == "Oslo"
    _, out, _ = run(capsys, "redo", "--library", library)
    assert out.strip() == "Redone: Edit location, participants"
    _, out, _ = run(capsys, "redo", "--library", library)
    assert out.strip() == "Nothing to redo."


@pytest.mark.parametrize(("args", "message"), [
    (["show", "9999"], "no item with id 9999"),
    (["edit", "{event}", "--set", "colour=red"], "has no field 'colour'"),
    (["edit", "{event}", "--set", "type=party"], "type must be one of"),
    (["edit", "{event}", "--set", "date=yesterday"], "ISO date"),
    (["edit", "{event}", "--set", "nonsense"], "FIELD=VALUE"),
    (["edit", "{event}", "--set", "participants=[oops"], "JSON"),
    (["merge", "{event}", "{person}"], "same kind"),
])
def test_user_mistakes_are_one_line_not_a_traceback(capsys, library, args, message):
    event, person = ids(library, kind="event")[0], ids(library, kind="person")[0]
    args = [a.format(event=event, person=person) for a in args]
    code, out, err = run(capsys, *args, "--library", library)
    assert code == 1 and message in err
    assert err.startswith("briefing: error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_file_that_is_not_a_library_or_is_missing(capsys, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 50)
    code, _, err = run(capsys, "--library", junk, "list")
    assert code == 1 and err.startswith(f"briefing: error: {junk} is not a Briefing Builder library")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "--library", tmp_path / "nowhere.sqlite3", "list")
    assert code == 1 and "no library at" in err and not (tmp_path / "nowhere.sqlite3").exists()


def test_import_summary_and_exit_code(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2021-06-23 Singapore and Vietnam agreed to cooperate.\n", encoding="utf-8")
    (folder / "b.txt").write_text(" date 2021-06-23 Singapore and Vietnam agreed to cooperate.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    lib = tmp_path / "lib.sqlite3"
    code, out, err = run(capsys, "import", folder, tmp_path / "missing.txt", "--library", lib)
    assert code == 1
    # (", 1 with no items" may follow: whether this one sentence yields an item is the extraction's business)
    assert out.splitlines()[0].startswith("Imported 1 source, 1 already present, 2 failed")
    assert f"failed: {tmp_path / 'missing.txt'}: file not found" in out and "empty.txt: empty file" in out
    assert err == ""  # no progress bar when stderr is not a terminal
    code, out, _ = run(capsys, "import", folder / "a.txt", "--library", lib)
    assert code == 0 and out.splitlines()[0] == "Imported 0 sources, 1 already present, 0 failed."
    _, out, _ = run(capsys, "undo", "--library", lib)
    assert out.strip() == "Undone: Import 1 source"


def test_export_csv_and_json(capsys, library, tmp_path):
    code, out, _ = run(capsys, "export", "--csv", tmp_path / "csv", "--library", library)
    assert code == 0 and "events.csv" in out and (tmp_path / "csv" / "people.csv").exists()
    code, _, _ = run(capsys, "export", "--json", tmp_path / "out.json", "--library", library)
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == ["oslo", "bergen", "old"]
    with pytest.raises(SystemExit) as exc:
        main(["export", "--library", str(library)])
    assert exc.value.code == 2


def test_extract_needs_no_library_and_writes_the_spec_json(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    text = " date 2021-06-23 Foreign Minister Vivian Balakrishnan met Bui Thanh Son in Hanoi on Monday.\n"
    (tmp_path / "a" / "same.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    out_file = tmp_path / "out.json"
    code, _, _ = run(capsys, "extract", tmp_path / "a", tmp_path / "b", "--json", "-o", out_file)
    assert code == 0
    docs = json.loads(out_file.read_text(encoding="utf-8"))["documents"]
    assert [d["id"] for d in docs] == ["same", "same-2"] and docs[0]["date"] == "2021-06-23"
    for key in ("people", "events", "agreements", "figures", "topics", "countries"):
        assert isinstance(docs[0][key], list)
    home = Path(__import__("os").environ["BRIEFING_HOME"])
    assert not (home / "library.sqlite3").exists()
    code, _, err = run(capsys, "extract", tmp_path / "nothing.txt", "--json")
    assert code == 1 and "nothing.txt: file not found" in err


def test_help_and_version_everywhere(capsys):
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"import", "list", "show", "edit", "undo", "redo", "export", "extract"} <= set(commands)
    for name in [None, *commands]:
        for flag in ("--help", "--version"):
            with pytest.raises(SystemExit) as exc:
                main([name, flag] if name else [flag])
            assert exc.value.code == 0
            out = capsys.readouterr().out
            assert (f"briefing {__version__}" == out.strip()) if flag == "--version" else "usage:" in out


def test_list_never_loads_the_language_model_or_qt(library):
    script = (
        "import sys; from briefing.cli import main; rc = main(sys.argv[1:]); "
        "assert 'spacy' not in sys.modules, 'spacy loaded'; assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    for args in (["list"], ["list", "--text", "sikorski"], ["show", "1"], ["undo"], ["export", "--json", "-"]):
        if args[0] == "export":
            args = ["export", "--json", str(library.parent / "x.json")]
        done = subprocess.run([sys.executable, "-c", script, "--library", str(library), *args], cwd=REPO,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (args, done.stderr)


def test_python_dash_m_briefing_runs_the_command(library):
    done = subprocess.run([sys.executable, "-m", "briefing", "--library", str(library), "list", "--type", "topic"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "No items match."


def test_import_shows_a_progress_bar_on_a_terminal(capsys, monkeypatch, library, tmp_path):
    class Terminal:
        def __init__(self):
            self.text = ""

        def write(self, text):
            self.text += text

        def flush(self):
            pass

        def isatty(self):
            return True

    with Library.open(library, seed=False) as lib:
        text = lib.source(1).text
    copy = tmp_path / "copy.txt"
    copy.write_text(text, encoding="utf-8")  # same bytes as a source already there: no extraction needed
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["import", str(copy), str(tmp_path / "gone.txt"), "--library", str(library)])
    out = capsys.readouterr().out
    assert code == 1 and "1 already present, 1 failed" in out
    assert "] 2/2 " in terminal.text and "#" * 30 in terminal.text
    assert terminal.text.endswith("\r")  # the bar is wiped before the summary is printed


def test_pick_into_a_brief_and_list_briefs(capsys, library):
    [event] = ids(library, kind="event", text="sikorski")
    [agreement] = ids(library, kind="agreement")
    code, out, _ = run(capsys, "pick", event, agreement, "--brief", "Oslo visit", "--library", library)
    assert code == 0 and out.splitlines() == ["Brief 'Oslo visit' (1) now has 2 items.",
                                              "Made the new brief 'Oslo visit' the current brief."]
    _, out, _ = run(capsys, "briefs", "--library", library)
    assert out.strip() == "*   1 Oslo visit  (2 items)"
    _, out, _ = run(capsys, "briefs", "--show", "oslo visit", "--library", library)
    assert "Meeting: Radosław Sikorski, Bob Jones (Oslo)" in out and "Fisheries Agreement" in out
    code, by_name, _ = run(capsys, "briefs", "Oslo visit", "--library", library)  # as its help says: "or show one"
    assert code == 0 and by_name == out
    code, _, err = run(capsys, "briefs", "Bergen", "--library", library)
    assert code == 1 and "no brief named 'Bergen' (briefs: 'Oslo visit')" in err
    _, out, _ = run(capsys, "undo", "--library", library)
    assert out.strip() == "Undone: Pick 2 items"
    _, out, _ = run(capsys, "briefs", "--library", library)
    assert out.startswith("No briefs yet")
    code, _, err = run(capsys, "pick", "9999", "--library", library)
    assert code == 1 and "no item with id 9999" in err


def test_reextract_keeps_edits(capsys, library, monkeypatch):
    from tests.core.test_library_fakes import fake_extract

    [event] = ids(library, kind="event", text="sikorski")
    run(capsys, "edit", event, "--set", "location=Bergen", "--library", library)
    monkeypatch.setattr("briefing.extract.extract_many", lambda sources, **kw: fake_extract(sources))
    code, out, _ = run(capsys, "reextract", "--all", "--library", library)
    assert code == 0 and out.startswith("Re-extracted 3 sources")
    with Library.open(library, seed=False) as lib:
        item = lib.item(event)
        assert item.fields["location"] == "Bergen" and len(item.source_ids) == 2
        assert lib.undo_name() == "Re-extract 3 sources"
    code, _, err = run(capsys, "reextract", "--library", library)
    assert code == 1 and "--all" in err


def test_pick_says_when_the_current_brief_changes_and_not_otherwise(capsys, library):
    [event] = ids(library, kind="event", text="sikorski")
    [agreement] = ids(library, kind="agreement")
    run(capsys, "pick", event, "--brief", "Oslo visit", "--library", library)
    run(capsys, "pick", agreement, "--brief", "Bergen talks", "--library", library)
    code, out, _ = run(capsys, "pick", agreement, "--brief", "Oslo visit", "--library", library)
    assert code == 0 and out.splitlines() == ["Brief 'Oslo visit' (1) now has 2 items.",
                                              "'Oslo visit' is now the current brief."]
    _, out, _ = run(capsys, "pick", event, "--library", library)  # the current one: nothing changes
    assert out.splitlines() == ["Brief 'Oslo visit' (1) now has 2 items."]
    _, out, _ = run(capsys, "briefs", "--library", library)
    assert out.splitlines()[0].startswith("*   1 Oslo visit")


def test_list_text_takes_phrases_and_exclusions(capsys, library):
    _, out, _ = run(capsys, "list", "--type", "event", "--text", '"sikorski met bob"', "--library", library)
    assert "Meeting: Radosław Sikorski, Bob Jones (Oslo)" in out
    _, out, _ = run(capsys, "list", "--type", "event", "--text", '"bob met sikorski"', "--library", library)
    assert out.strip() == "No items match."
    _, out, _ = run(capsys, "list", "--type", "person", "--text=-sikorski", "--library", library)
    assert "Bob Jones" in out and "Carol King" in out and "Sikorski" not in out


def test_source_shows_its_citation_and_takes_corrections_as_undoable_steps(capsys, library):
    code, out, _ = run(capsys, "source", "1", "--set", "publisher=Nordic Courier", "--set", "author=Kari Lund",
                       "--set", "url=https://courier.example/oslo", "--set", "accessed=2021-06-25", "--library", library)
    assert code == 0
    assert ("Cited as: Nordic Courier, ‘oslo.txt’, Kari Lund, 22 June 2021, https://courier.example/oslo "
            "(accessed 25 June 2021)") in out
    code, _, err = run(capsys, "source", "1", "--set", "date=June 2021", "--library", library)
    assert code == 1 and "date must be a date written YYYY, YYYY-MM or YYYY-MM-DD" in err
    _, out, _ = run(capsys, "undo", "--library", library)
    assert out.strip() == "Undone: Edit source publisher, author, url, accessed"
    _, out, _ = run(capsys, "source", "1", "--library", library)
    assert "Cited as: ‘oslo.txt’, 22 June 2021" in out
