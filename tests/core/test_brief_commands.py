"""`briefing render` and `briefing summary`: headless, one-line errors, the marking rule enforced."""

from __future__ import annotations

import argparse

import pytest
from docx import Document

from briefing.brief.commands import add_parsers
from tests.core.test_brief_fixtures import OUTSIDE, all_text, make_library


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id, ids
    library.close()


def run(library, *argv, pdf_printer=None) -> int:
    parser = argparse.ArgumentParser(prog="briefing")
    add_parsers(parser.add_subparsers(dest="command"), open_library=lambda args: library,
                pdf_printer=pdf_printer or (lambda: pytest.fail("the PDF printer was not expected")))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_render_named_brief(lib, tmp_path, capsys):
    library, _, _ = lib
    out = tmp_path / "brief.docx"
    assert run(library, "render", "--brief", "vietnam VISIT", "-o", str(out)) == 0
    assert "Wrote" in capsys.readouterr().out
    text = all_text(out)
    assert "Visit of the Vietnamese Foreign Minister" in text and "Recent high-level exchanges" in text
    assert OUTSIDE not in text


def test_render_refuses_a_marking_below_the_sources_unless_allowed(lib, tmp_path, capsys):
    library, _, _ = lib
    out = tmp_path / "brief.docx"
    code = run(library, "render", "--brief", "Vietnam visit", "--marking", "official", "-o", str(out))
    err = capsys.readouterr().err
    assert code != 0 and not out.exists()
    assert err.count("\n") == 1 and "marked OFFICIAL but cites sources marked CONFIDENTIAL" in err
    assert "Traceback" not in err
    assert run(library, "render", "--brief", "Vietnam visit", "--marking", "official", "--allow-lower-marking",
               "-o", str(out)) == 0
    assert "OFFICIAL" in all_text(out) and "CONFIDENTIAL" not in all_text(out).split("Sources")[0][:200]


def test_render_overrides_and_templates(lib, tmp_path):
    library, _, _ = lib
    out = tmp_path / "visit.docx"
    assert run(library, "render", "--brief", "Vietnam visit", "--template", "visit_brief", "--title", "Talks in Hanoi",
               "--recipient", "The Secretary", "-o", str(out)) == 0
    text = all_text(out)
    assert "Talks in Hanoi" in text and "The Secretary" in text and "Talking points" in text


def test_render_without_brief_uses_current_then_filters(lib, tmp_path):
    library, brief_id, _ = lib
    out = tmp_path / "all.docx"
    # no current brief: every item (the one outside the brief included), marked as its highest source
    assert run(library, "render", "-o", str(out)) == 0
    assert OUTSIDE in all_text(out)
    assert Document(str(out)).sections[0].header.paragraphs[0].text == "CONFIDENTIAL"
    library.set_current_brief(brief_id)
    assert run(library, "render", "-o", str(out)) == 0
    assert OUTSIDE not in all_text(out)
    # filters select items instead
    assert run(library, "render", "--type", "topic", "-o", str(out)) == 0
    text = all_text(out)
    assert "Cyber security [1]" in text and "Study Visit Programme" not in text


@pytest.mark.parametrize(("argv", "message"), [
    (["render", "--brief", "Nope", "-o", "x.docx"], "No brief named 'Nope' (briefs: 'Vietnam visit')"),
    (["render", "--template", "nope", "-o", "x.docx"], "No template named 'nope'"),
    (["render", "-o", "x.pdf"], "the output must be a .docx file"),
    (["render"], "give the file to write with -o"),
    (["render", "--brief", "Vietnam visit", "--marking", "PUBLIC", "-o", "x.docx"], "Unknown marking 'PUBLIC'"),
    (["render", "--brief", "Vietnam visit", "-o", "/no/such/folder/x.docx"], "cannot write /no/such/folder/x.docx"),
    (["render", "--type", "figure", "--text", "zzzz", "-o", "x.docx"], "No items selected"),
    (["summary", "--brief", "Vietnam visit", "-o", "x.txt"], "must end in .pdf or .html"),
])
def test_user_errors_are_one_line_and_non_zero(lib, tmp_path, monkeypatch, capsys, argv, message):
    library, _, _ = lib
    monkeypatch.chdir(tmp_path)
    assert run(library, *argv) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.glob("x.*"))


def test_list_templates(lib, capsys):
    library, _, _ = lib
    assert run(library, "render", "--list-templates") == 0
    out = capsys.readouterr().out
    assert "bilateral_brief" in out and "Agreements register" in out


def test_summary_html(lib, tmp_path):
    library, _, _ = lib
    out = tmp_path / "summary.html"
    assert run(library, "summary", "--brief", "Vietnam visit", "-o", str(out)) == 0
    html = out.read_text(encoding="utf-8")
    assert "Two-way trade stood at US$6.2 billion in 2020" in html and "CONFIDENTIAL" in html
