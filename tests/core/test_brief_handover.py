"""A brief worth handing over, built through each built-in template: every cited source cited in full, the
marking once in the title block, no empty section, and (laid out by LibreOffice, where installed) table
cells whose words do not break across lines."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from docx import Document

from briefing.brief.build import render_brief
from briefing.brief.context import build_context
from tests.core.test_brief_fixtures import docx_blocks, make_library

TEMPLATES = ["bilateral_brief", "visit_brief", "agreements_register"]
# Words an officer's agreement rows carry that are long for their narrow columns (Status, Kind, Parties).
LONG_ROW = {"title": "Interparliamentary cooperation programme", "kind": "working-group", "status": "established",
            "date": "2026-09-30", "parties": ["SG", "VN"]}


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    row = library.add_item("agreement", LONG_ROW)
    library.set_picked(brief_id, [row], True)
    yield library, brief_id
    library.close()


def _render(lib, template: str, out: Path, **overrides) -> tuple[Path, dict]:
    library, brief_id = lib
    context = build_context(library, brief_id, own_country="SG", overrides=overrides)
    render_brief(library, brief_id, template, out, own_country="SG", overrides=overrides)
    return out, context


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_cited_source_has_its_full_citation(lib, tmp_path, template):
    path, context = _render(lib, template, tmp_path / f"{template}.docx")
    sources = _flat("\n".join(docx_blocks(path)["Sources"]))
    assert len(context["sources"]) == 2
    for s in context["sources"]:
        accessed = "18 November 2026"
        full = (f"{s['publisher']}, ‘{s['title']}’, {s['author']}, {s['date_text']}, {s['url']} "
                f"(accessed {accessed})")
        assert s["publisher"] and s["author"] and s["url"]  # the library's sources carry them all
        assert full in sources, f"{template}: no full citation for source {s['n']}: {full!r}"
        mark = str(s["n"]) if template == "visit_brief" else f"[{s['n']}]"
        assert f"{mark} {full}" in sources
    # and every line's citation numbers point into that list
    cited = {n for line in context["lines"] for n in line["cites"]}
    assert cited == {s["n"] for s in context["sources"]}


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_marking_is_once_in_the_title_block_and_once_in_header_and_footer(lib, tmp_path, template):
    path, context = _render(lib, template, tmp_path / f"{template}.docx")
    marking = context["meta"]["marking"]
    title_block = "\n".join(docx_blocks(path)[""])
    assert title_block.count(marking) == 1, f"{template}: title block says {marking} {title_block.count(marking)} times"
    section = Document(str(path)).sections[0]
    assert "".join(p.text for p in section.header.paragraphs).count(marking) == 1
    assert "".join(p.text for p in section.footer.paragraphs).count(marking) == 1


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_section_is_empty_unless_the_build_keeps_them(lib, tmp_path, template):
    path, _ = _render(lib, template, tmp_path / f"{template}.docx")
    blocks = docx_blocks(path)
    for heading, content in blocks.items():
        if heading:
            assert any(text.strip() for text in content), f"{template}: section {heading!r} is empty"
    everything = "\n".join("\n".join(v) for v in blocks.values())
    assert "in this brief." not in everything and "Notes" not in blocks  # the brief holds no notes
    kept, _ = _render(lib, template, tmp_path / f"{template}-kept.docx", keep_empty=True)
    if template == "bilateral_brief":
        assert "No key points recorded." not in "\n".join(docx_blocks(kept)["Key points"])
        assert "Notes" not in docx_blocks(kept)  # kept: sections the template always lists, not optional ones


def test_keep_empty_keeps_the_headings_of_empty_sections(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    try:
        library.set_picked(brief_id, [i for i in library.picked_ids(brief_id) if i != ids["bilateral trade"]], False)
        library.set_picked(brief_id, [ids["bilateral trade"]], True)  # figures only
        library.update_brief(brief_id, key_points="")
        plain = render_brief(library, brief_id, "bilateral_brief", tmp_path / "plain.docx", own_country="SG")
        kept = render_brief(library, brief_id, "bilateral_brief", tmp_path / "kept.docx", own_country="SG",
                            overrides={"keep_empty": True})
        assert set(docx_blocks(plain)) == {"", "Purpose", "Figures", "Sources"}
        kept_blocks = docx_blocks(kept)
        assert {"Key points", "Recent high-level exchanges", "Agreements and commitments",
                "Proposals and requests", "Areas of cooperation"} <= set(kept_blocks)
        assert "No proposals in this brief." in kept_blocks["Proposals and requests"]
    finally:
        library.close()


def test_a_brief_is_written_with_the_users_umask(lib, tmp_path):
    old = os.umask(0o022)
    try:
        path, _ = _render(lib, "bilateral_brief", tmp_path / "shared.docx")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_places_are_not_repeated_and_events_are_worded(lib, tmp_path):
    path, context = _render(lib, "visit_brief", tmp_path / "visit.docx")
    text = _flat("\n".join(docx_blocks(path)["Background"]))
    assert "in Hanoi" in text and "Hanoi (Hanoi)" not in text
    call = next(line for line in context["exchanges"] if line["type"] == "call")
    assert call["text"] == "Planned call with Foreign Minister Bui Thanh Son"


# --- through LibreOffice: what a reader sees ----------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    not (SOFFICE and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler's pdftotext are needed to lay the brief out: "
           "apt-get install libreoffice-writer-nogui poppler-utils")


def _pdf_words(docx: Path) -> list[str]:
    """The words of the document as LibreOffice lays it out, in reading order (pdftotext -raw)."""
    profile = docx.parent / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(docx.parent), str(docx)], check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-raw", str(docx.with_suffix(".pdf")), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return re.findall(r"\w+", text)


def _table_words(docx: Path) -> set[str]:
    words: set[str] = set()
    for table in Document(str(docx)).tables:
        for row in table.rows:
            for cell in row.cells:
                words.update(w for w in re.findall(r"\w+", cell.text) if len(w) >= 4 and not w.isdigit())
    return words


def broken_words(docx: Path) -> list[str]:
    """Table words that LibreOffice printed in two pieces ("Establishe" then "d")."""
    pdf = _pdf_words(docx)
    whole = set(pdf)
    broken = []
    for word in sorted(_table_words(docx)):
        split = any(a + b == word for a, b in zip(pdf, pdf[1:], strict=False))
        if split or word not in whole:
            broken.append(word)
    return broken


@needs_libreoffice
@pytest.mark.parametrize("template", TEMPLATES)
def test_laid_out_by_libreoffice_no_table_word_breaks(lib, tmp_path, template):
    path, _ = _render(lib, template, tmp_path / f"{template}.docx")
    assert {"Established", "Working"} <= _table_words(path) or template == "visit_brief"
    assert broken_words(path) == []


def _narrow_column_template(path: Path) -> Path:
    """A user's template whose Status column (1.3 cm) is too narrow for "Established" at 10 pt."""
    from docx.shared import Cm

    doc = Document()
    doc.add_paragraph("{{ meta.title }}")
    table = doc.add_table(rows=4, cols=2)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, (13.0, 1.3), strict=True):
            cell.width = Cm(width)
    for col, width in zip(table._tbl.tblGrid.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"), (13.0, 1.3), strict=True):
        col.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", str(int(Cm(width).twips)))
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Title", "Status"
    table.rows[1].cells[0].text = "{%tr for r in register %}"
    table.rows[2].cells[0].text, table.rows[2].cells[1].text = "{{ r.text }}", "{{ r.status_label }}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    doc.save(str(path))
    return path


def _set_widths(docx: Path, widths_cm: tuple[float, ...]) -> None:
    """Put a table's columns back to the given widths (grid and cells), as a template without the widening."""
    from docx.shared import Cm

    doc = Document(str(docx))
    table = doc.tables[0]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for col, width in zip(table._tbl.tblGrid.findall(f"{w}gridCol"), widths_cm, strict=True):
        col.set(f"{w}w", str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    doc.save(str(docx))


@needs_libreoffice
def test_a_column_too_narrow_for_its_words_is_widened(lib, tmp_path):
    """A user's template with a 1.3 cm Status column: rendered, "Established" prints whole; the same document
    with the column as narrow as designed breaks it (so the check above would catch a lost widening)."""
    template = _narrow_column_template(tmp_path / "narrow.docx")
    path, _ = _render(lib, str(template), tmp_path / "fitted.docx")
    assert "Established" in _table_words(path) and broken_words(path) == []
    unfitted = tmp_path / "unfitted.docx"
    shutil.copy(path, unfitted)
    _set_widths(unfitted, (13.0, 1.3))
    assert "Established" in broken_words(unfitted)


def test_a_signing_names_what_was_signed_and_an_unnamed_event_says_between_whom(tmp_path):
    import hashlib

    from briefing.library import Library, Query
    from briefing.model import Agreement, Event, Evidence, Extraction, Source

    text = ("The ministers signed the Memorandum of Understanding on Fisheries in Oslo. "
            "The two countries will hold further talks next year.")
    signed = text.index("signed the Memorandum")
    sentence = Evidence.of(text, signed, signed + 60)
    later = Evidence.of(text, text.index("The two countries"), len(text))
    with Library.open(tmp_path / "lib.sqlite3", seed=False) as library:
        library.add_source(
            Source(path="/in/oslo.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title="Oslo"),
            Extraction(countries=["NO", "VN"],
                       events=[Event("signing", "held", "2024-05-02", location="Oslo",
                                     participants=["Anna Berg", "Bui Thanh Son"], evidence=[sentence]),
                               Event("talks", "planned", "2025", evidence=[later])],
                       agreements=[Agreement("Memorandum of Understanding on Fisheries", "mou", "signed",
                                             "2024-05-02", parties=["NO", "VN"], evidence=[sentence])]))
        events = library.query(Query(kind="event"))
        context = build_context(library, None, item_ids=events, own_country="NO")
    lines = {line["type"]: line for line in context["exchanges"]}
    assert lines["signing"]["signed"] == "Memorandum of Understanding on Fisheries"
    assert lines["signing"]["headline"] == "Signing of the Memorandum of Understanding on Fisheries"
    assert lines["signing"]["text"] == ("Signing of the Memorandum of Understanding on Fisheries between Anna Berg "
                                        "and Bui Thanh Son in Oslo")
    assert lines["talks"]["headline"] == "Planned talks between Norway and Vietnam"
