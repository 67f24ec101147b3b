"""The printed summary as PDF (Qt, no display): it reads back with the brief's lines and its marking."""

from __future__ import annotations

import argparse
import re
import unicodedata

import pytest
from pypdf import PdfReader

from briefing.brief.commands import add_parsers
from briefing.brief.context import build_context
from briefing.brief.summary import render_summary_html
from tests.core.test_brief_fixtures import OUTSIDE, make_library
from ui.printer import html_to_pdf


def pdf_text(path) -> list[str]:
    """Each page's text, ligatures undone and whitespace collapsed (PDF text comes back in pieces)."""
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text())) for page in PdfReader(str(path)).pages]


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id, ids
    library.close()


def test_summary_pdf_reads_back_with_lines_marking_and_page_numbers(lib, tmp_path):
    library, brief_id, _ = lib
    ctx = build_context(library, brief_id, own_country="SG")
    out = tmp_path / "summary.pdf"
    html_to_pdf(render_summary_html(ctx), out)
    pages = pdf_text(out)
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    for line in ctx["lines"]:
        assert line["text"] in text, line["text"]
    assert OUTSIDE not in text
    assert pages[0].count("CONFIDENTIAL") >= 2  # header and footer
    assert f"page 1 of {len(pages)}" in pages[0]
    assert not list(tmp_path.glob(".*"))


def test_long_summary_stays_short_and_says_what_it_left_out(lib, tmp_path):
    library, brief_id, _ = lib
    events = [library.add_item("event", {"type": "meeting", "status": "held", "date": f"2020-01-{d:02d}",
                                         "summary": f"Meeting number {d}"}) for d in range(1, 26)]
    library.set_picked(brief_id, events, True)
    out = tmp_path / "summary.pdf"
    html_to_pdf(render_summary_html(build_context(library, brief_id, own_country="SG")), out)
    text = " ".join(pdf_text(out))
    assert len(PdfReader(str(out)).pages) <= 2
    assert "more in the full brief" in text


def test_cli_summary_pdf(lib, tmp_path, capsys):
    library, _, _ = lib
    parser = argparse.ArgumentParser(prog="briefing")
    add_parsers(parser.add_subparsers(), open_library=lambda a: library, pdf_printer=lambda: html_to_pdf)
    out = tmp_path / "s.pdf"
    args = parser.parse_args(["summary", "--brief", "Vietnam visit", "-o", str(out)])
    assert args.func(args) == 0
    assert "Two-way trade stood at US$6.2 billion in 2020" in " ".join(pdf_text(out))
    args = parser.parse_args(["summary", "--brief", "Vietnam visit", "--marking", "OFFICIAL", "-o",
                              str(tmp_path / "low.pdf")])
    assert args.func(args) == 1 and not (tmp_path / "low.pdf").exists()
    assert capsys.readouterr().err.strip().endswith("or confirm the lower marking (--allow-lower-marking)")
