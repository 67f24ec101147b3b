"""Word briefs: each template rendered from hand-made items and from the sample library, read back."""

from __future__ import annotations

import re

import pytest
from docx import Document

from briefing.brief.build import render_brief
from briefing.brief.context import build_context
from briefing.brief.docx import render_docx
from briefing.brief.errors import MarkingError
from tests.core.test_brief_fixtures import OUTSIDE, all_text, docx_blocks, docx_sections, make_library

# Where each template puts a line of each section (Heading 1 it appears under).
SECTION_HEADINGS = {
    "bilateral_brief": {
        "exchanges": "Recent high-level exchanges", "agreements": "Agreements and commitments",
        "proposals": "Proposals and requests", "figures": "Figures", "areas": "Areas of cooperation",
        "people": "People", "notes": "Notes", "key_points": "Key points",
    },
    "visit_brief": {
        "exchanges": "Background", "agreements": "What was agreed before", "figures": "Background",
        "areas": "Background", "people": "Who's who", "notes": "Notes", "key_points": "Key points",
        "proposals": "Talking points",  # open proposals are talking points; closed ones "agreed before"
    },
    "agreements_register": {"agreements": "Agreements register", "proposals": "Agreements register"},
}


# The templates citing footnote-style (superscript numbers) rather than in brackets.
CITE_KEY = {"visit_brief": "cite_note"}


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id, ids
    library.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def assert_brief_document(path, ctx, template: str) -> None:
    blocks = {k: [_flat(b) for b in v] for k, v in docx_blocks(path).items()}
    sections = {k: "\n".join(v) for k, v in blocks.items()}
    everything = all_text(path)
    headings = SECTION_HEADINGS[template]
    cite = CITE_KEY.get(template, "cite")
    for line in ctx["lines"]:
        heading = headings.get(line["section"])
        if heading is None:
            continue
        assert heading in sections, f"{template}: no section {heading!r}"
        expected = f"{line['text']}"
        if template == "bilateral_brief" and line["kind"] == "event":
            # the exchanges table: what happened, with its citation, and the people and place in their columns
            expected = line["headline"]
            row = next((b for b in blocks[heading] if f"| {expected}" in b and line[cite] in b
                        and line["participants_text"] in b and line["place"] in b), None)
            assert row is not None, f"{template}: no exchanges row for {line['text']!r}"
            continue
        assert expected in sections[heading], f"{template}: {expected!r} not under {heading!r}"
        # the citation follows the line's wording in the same paragraph or table row
        assert any(expected in b and line[cite] in b[b.index(expected):] for b in blocks[heading]), \
            f"{template}: {line[cite]} does not follow {expected!r}"
    if template == "visit_brief":
        for line in ctx["talking_points"]:
            assert f"{line['action']}: {line['text']}" in sections["Talking points"]
    for source in ctx["sources"]:
        mark = str(source["n"]) if cite == "cite_note" else f"[{source['n']}]"
        assert f"{mark} {source['citation']}" in sections["Sources"]
    assert OUTSIDE not in everything
    assert "{{" not in everything and "{%" not in everything
    doc = Document(str(path))
    section = doc.sections[0]
    marking = ctx["meta"]["marking"]
    assert marking in "".join(p.text for p in section.header.paragraphs)
    assert marking in "".join(p.text for p in section.footer.paragraphs)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    title_block = _flat(sections[""])
    for value in ("title", "recipient", "prepared_by", "date_text"):
        assert ctx["meta"][value] in title_block


@pytest.mark.parametrize("template", ["bilateral_brief", "visit_brief", "agreements_register"])
def test_each_template_renders_every_line_in_its_section_with_its_citation(lib, tmp_path, template):
    library, brief_id, _ = lib
    out = tmp_path / f"{template}.docx"
    render_brief(library, brief_id, template, out, own_country="SG")
    ctx = build_context(library, brief_id, own_country="SG")
    assert_brief_document(out, ctx, template)
    assert not list(tmp_path.glob(".*.part"))  # the temporary file was renamed into place


def test_register_is_landscape_and_marks_expired_and_expiring(lib, tmp_path):
    library, brief_id, _ = lib
    out = tmp_path / "register.docx"
    render_brief(library, brief_id, "agreements_register", out, own_country="SG")
    doc = Document(str(out))
    assert doc.sections[0].page_width > doc.sections[0].page_height
    rows = {r.cells[0].text.split(" [")[0]: [c.text for c in r.cells] for r in doc.tables[0].rows}
    assert rows["Study Visit Programme"][-1] == "EXPIRED"
    assert rows["Mutual recognition of health certificates"][-1] == "EXPIRING"
    assert rows["Green Economy Partnership"][-1] == ""
    titles = [r.cells[0].text for r in doc.tables[0].rows][1:]
    assert titles[-1].startswith("Green Economy Partnership")  # November 2026: the latest
    assert titles[:3] == sorted(titles[:3])  # the same day: by title


def test_long_brief_opens_with_a_filled_table_of_contents(lib, tmp_path):
    library, brief_id, _ = lib
    notes = [library.add_note(f"Point number {i}") for i in range(20)]
    library.set_picked(brief_id, notes, True)
    library.update_brief(brief_id, key_points="Own key point")
    out = tmp_path / "long.docx"
    render_brief(library, brief_id, "bilateral_brief", out, own_country="SG")
    doc = Document(str(out))
    xml = doc.element.body.xml
    assert "PAGEREF _TocBrief0001" in xml  # page numbers computed by Word and LibreOffice
    toc = [p.text.strip() for p in doc.paragraphs if re.fullmatch(r"toc \d", p.style.name.lower())]
    assert toc[:3] == ["Purpose", "Key points", "Recent high-level exchanges"] and "Sources" in toc
    assert "updateFields" in doc.settings.element.xml
    # a short brief has none
    short = tmp_path / "short.docx"
    library.set_picked(brief_id, notes, False)
    render_brief(library, brief_id, "bilateral_brief", short, own_country="SG")
    assert "PAGEREF" not in Document(str(short)).element.body.xml
    assert "Contents" not in docx_sections(short)[""]


def test_text_with_xml_special_characters_survives(lib, tmp_path):
    library, brief_id, ids = lib
    library.set_line_wording(brief_id, ids["cyber security"], 'Cyber <security> & "resilience"')
    out = tmp_path / "b.docx"
    render_brief(library, brief_id, "bilateral_brief", out, own_country="SG")
    assert 'Cyber <security> & "resilience" [1]' in docx_sections(out)["Areas of cooperation"]


def test_marking_lower_than_a_cited_source_is_refused_and_nothing_written(lib, tmp_path):
    library, brief_id, _ = lib
    out = tmp_path / "b.docx"
    with pytest.raises(MarkingError, match="CONFIDENTIAL"):
        render_brief(library, brief_id, None, out, own_country="SG", overrides={"marking": "OFFICIAL"})
    assert not out.exists()
    render_brief(library, brief_id, None, out, own_country="SG", overrides={"marking": "OFFICIAL"},
                 allow_lower_marking=True)
    assert "OFFICIAL" in all_text(out)


def test_rendering_over_an_existing_file_replaces_it(lib, tmp_path):
    library, brief_id, _ = lib
    out = tmp_path / "b.docx"
    out.write_bytes(b"old")
    render_brief(library, brief_id, "visit_brief", out, own_country="SG")
    assert Document(str(out)).paragraphs


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory):
    """The library a new user starts with (the seeds, through extraction), every item in one brief."""
    from briefing.library import Library, Query

    library = Library.open(tmp_path_factory.mktemp("sample") / "lib.sqlite3", seed=True)
    brief_id = library.create_brief("Sample")
    ids = library.query(Query())
    library.set_picked(brief_id, ids + [library.add_note("Sample note")], True)
    yield library, brief_id
    library.close()


@pytest.mark.parametrize("template", ["bilateral_brief", "visit_brief", "agreements_register"])
def test_each_template_renders_the_sample_library(sample_library, tmp_path, template):
    library, brief_id = sample_library
    out = tmp_path / f"{template}.docx"
    render_docx(template, build_context(library, brief_id, own_country="SG"), out)
    ctx = build_context(library, brief_id, own_country="SG")
    assert_brief_document(out, ctx, template)
