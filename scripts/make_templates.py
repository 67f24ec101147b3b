"""Writes the built-in Word templates in templates/ with python-docx.

Generated rather than hand-edited so that every Jinja tag sits in a single Word
run (docxtpl needs that) and every style is a real Word style an officer can
change in Word (Heading 1/2, List Bullet, Table Grid, TOC 1/2). Run it again
after changing this file: ``.venv/bin/python scripts/make_templates.py``.
``--docs`` also renders the sample library through each template and, with LibreOffice
and pdftoppm installed, writes docs/brief-<template>-page1.png (shown in the READMEs).
The tags used here are the context documented in templates/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates"
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "D9E2F3"

TEMPLATES = {
    "bilateral_brief": (
        "Bilateral relations brief",
        "The full picture of relations with a country: purpose, key points, recent high-level exchanges and "
        "agreements as tables, proposals and requests, figures, areas of cooperation, people, sources.",
    ),
    "visit_brief": (
        "Visit brief",
        "For a visit or a meeting: background, what was agreed before, and talking points drawn from open "
        "commitments and proposals (agreed, proposed, planned or negotiating, not yet signed or completed).",
    ),
    "agreements_register": (
        "Agreements register",
        "A landscape table of every agreement in the brief with kind, parties, status, dates and validity, "
        "sorted by date; expired ones and those expiring within twelve months of the brief's date are marked.",
    ),
}


# ---------------------------------------------------------------- low-level helpers
def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A complex field (PAGE, NUMPAGES, TOC...) in runs of its own; Word and LibreOffice compute it."""
    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)
        return run

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _no_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths in the grid and every cell: LibreOffice reads the grid, Word the cells."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    # table.autofit = False above already wrote <w:tblLayout w:type="fixed"/>, in schema order


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    # Word refuses elements out of schema order: tblBorders goes before shd, tblLayout, tblCellMar, tblLook
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription")


def _update_fields_on_open(doc) -> None:
    """Ask Word/LibreOffice to refresh fields (TOC page numbers) when the document opens."""
    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    # schema order: updateFields precedes these (Word rejects a settings part out of order)
    settings.insert_element_before(el, *(f"w:{t}" for t in (
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
        "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
        "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")))


def _tag(doc, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}): it disappears when rendered."""
    doc.add_paragraph().add_run(text)


def _para(doc_or_cell, text: str, style: str | None = None, bold: bool = False, align=None):
    p = doc_or_cell.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold = bold
    if align is not None:
        p.alignment = align
    return p


# ---------------------------------------------------------------- document skeleton
def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for name, size, before in (("Heading 1", 14, 14), ("Heading 2", 12, 10)):
        st = styles[name]
        st.font.size = Pt(size)
        st.font.color.rgb = NAVY
        st.font.name = "Calibri"
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(4)
        st.paragraph_format.keep_with_next = True
    title = styles["Title"]
    title.font.size = Pt(22)
    title.font.color.rgb = NAVY
    title.font.name = "Calibri"
    for level in (1, 2):
        st = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        st.element.name_val = f"toc {level}"  # Word's built-in name, so Word's TOC uses it
        st.base_style = styles["Normal"]
        st.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        st.paragraph_format.space_after = Pt(2)
        st.paragraph_format.tab_stops.add_tab_stop(Cm(17.0 if level else 0), WD_TAB_ALIGNMENT.RIGHT,
                                                   WD_TAB_LEADER.DOTS)
    marking = styles.add_style("Marking", WD_STYLE_TYPE.PARAGRAPH)
    marking.base_style = styles["Normal"]
    marking.font.bold = True
    marking.font.size = Pt(10)
    marking.font.color.rgb = RGBColor(0xA0, 0x10, 0x10)
    marking.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking.paragraph_format.space_after = Pt(0)
    small = styles.add_style("Source", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = styles["Normal"]
    small.font.size = Pt(9)
    small.paragraph_format.space_after = Pt(2)
    small.paragraph_format.left_indent = Cm(0.8)
    small.paragraph_format.first_line_indent = Cm(-0.8)


def _skeleton(name: str, landscape: bool = False):
    doc = Document()
    label, description = TEMPLATES[name]
    props = doc.core_properties
    props.title = "{{ meta.title }}"
    props.subject = label
    props.comments = description
    props.author = "Briefing Builder"
    props.keywords = "briefing-builder-template"
    _styles(doc)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(0.9)

    header = section.header
    header.paragraphs[0].style = doc.styles["Marking"]
    header.paragraphs[0].add_run("{{ meta.marking }}")
    footer = section.footer
    fp = footer.paragraphs[0]
    fp.style = doc.styles["Marking"]
    fp.add_run("{{ meta.marking }}")
    pages = footer.add_paragraph(style="Footer")
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("{{ meta.title }} — page ").font.size = Pt(8)
    _field(pages, "PAGE")
    pages.add_run(" of ").font.size = Pt(8)
    _field(pages, "NUMPAGES")
    for run in pages.runs:
        run.font.size = Pt(8)
    _update_fields_on_open(doc)
    return doc


def _title_block(doc, subtitle: str) -> None:
    """Title, subtitle and the To / Prepared by / Date / Marking rows: the marking once here, once in the
    header and once in the footer of every page."""
    doc.add_paragraph("{{ meta.title }}", style="Title")
    _para(doc, subtitle, style="Subtitle")
    table = doc.add_table(rows=0, cols=2)
    _no_borders(table)
    for label, tag in (("To", "{{ meta.recipient }}"), ("Prepared by", "{{ meta.prepared_by }}"),
                       ("Date", "{{ meta.date_text }}"), ("Marking", "{{ meta.marking }}")):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(tag)
    _widths(table, [3.2, 13.8])
    doc.add_paragraph()


def _toc(doc) -> None:
    """Contents, only in a brief long enough to need it (meta.toc; see templates/README.md)."""
    _tag(doc, "{%p if meta.toc %}")
    doc.add_paragraph("Contents", style="TOC Heading")
    p = doc.add_paragraph()
    _field(p, 'TOC \\o "1-2" \\h \\z \\u', placeholder="Update the table of contents (F9) to list the headings.")
    _tag(doc, "{%p endif %}")


def _bullets(doc, loop: str, body: str, empty: str | None = None, style: str = "List Bullet") -> None:
    """One paragraph per item; ``empty`` is said (in italics) only when the build keeps empty sections."""
    _tag(doc, f"{{%p for {loop} %}}")
    doc.add_paragraph(style=style).add_run(body)
    _tag(doc, "{%p endfor %}")
    if empty:
        seq = loop.split(" in ", 1)[1].split(" if ")[0].strip()
        _tag(doc, f"{{%p if not {seq} and meta.keep_empty %}}")
        _para(doc, empty).runs[0].italic = True
        _tag(doc, "{%p endif %}")


def _section(doc, heading: str, condition: str, level: int = 1) -> None:
    """Open a section whose heading shows only when ``condition`` holds or the build keeps empty
    sections; close it with ``_end``."""
    _tag(doc, f"{{%p if ({condition}) or meta.keep_empty %}}")
    doc.add_heading(heading, level=level)


def _end(doc) -> None:
    _tag(doc, "{%p endif %}")


def _areas(doc, empty: str | None = None, cite: str = "cite") -> None:
    """Areas of cooperation read best as one paragraph: 'Digital economy [1, 2]; Clean energy [1]; ...'."""
    _tag(doc, "{%p if areas %}")
    gap = " " if cite == "cite" else ""
    doc.add_paragraph(f"{{% for t in areas %}}{{{{ t.text }}}}{gap}{{{{ t.{cite} }}}}{{% if not loop.last %}}; "
                      "{% else %}.{% endif %}{% endfor %}")
    if empty:
        _tag(doc, "{%p elif meta.keep_empty %}")
        _para(doc, empty).runs[0].italic = True
    _tag(doc, "{%p endif %}")


def _table(doc, seq: str, var: str, columns: list[tuple[str, str, float]], empty: str, font: float = 9.5) -> None:
    """A header row, one row per item of ``seq`` (docxtpl {%tr%} loop), or an italic line when empty."""
    _tag(doc, f"{{%p if {seq} %}}")
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header, loop_open, body, loop_close = table.rows
    _repeat_header(header)
    _no_split(body)
    _widths(table, [width for _, _, width in columns])
    for i, (label, tag, _width) in enumerate(columns):
        cell = header.cells[i]
        _shade(cell, HEADER_FILL)
        run = cell.paragraphs[0].add_run(label)
        run.bold = True
        run.font.size = Pt(font)
        run = body.cells[i].paragraphs[0].add_run(tag)
        run.font.size = Pt(font)
    loop_open.cells[0].paragraphs[0].add_run(f"{{%tr for {var} in {seq} %}}")
    loop_close.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _tag(doc, "{%p elif meta.keep_empty %}")
    _para(doc, empty).runs[0].italic = True
    _tag(doc, "{%p endif %}")


def _purpose_and_key_points(doc) -> None:
    doc.add_heading("Purpose", level=1)
    _tag(doc, "{%p if purpose %}")
    doc.add_paragraph("{{ purpose }}")
    _tag(doc, "{%p else %}")
    doc.add_paragraph("To brief {{ meta.recipient or 'the reader' }} on {{ meta.title }}.")
    _tag(doc, "{%p endif %}")
    _section(doc, "Key points", "key_points")
    _bullets(doc, "k in key_points", "{{ k }}", empty="No key points recorded.")
    _end(doc)


def _sources(doc, footnotes: bool = False) -> None:
    """The numbered sources in the house style (see context.citation); ``footnotes``: numbered like
    footnotes (superscript marks in the lines) rather than in brackets."""
    _section(doc, "Sources", "sources")
    _tag(doc, "{%p for s in sources %}")
    mark = "{{ s.n }}" if footnotes else "{{ s.mark }}"  # a footnote's number is full size in the list
    doc.add_paragraph(f"{mark}\t{{{{ s.citation }}}}{{% if s.marking != 'UNCLASSIFIED' %}} ({{{{ s.marking }}}})"
                      "{% endif %}", style="Source")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if not sources %}")
    _para(doc, "No sources cited.").runs[0].italic = True
    _tag(doc, "{%p endif %}")
    _end(doc)


def _people_and_notes(doc, heading: str = "People", cite: str = " {{ p.cite }}") -> None:
    _tag(doc, "{%p if people %}")
    doc.add_heading(heading, level=1)
    _bullets(doc, "p in people", "{{ p.text }}" + cite)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if notes %}")
    doc.add_heading("Notes", level=1)
    _bullets(doc, "n in notes", "{{ n.text }}" + cite.replace("p.", "n."))
    _tag(doc, "{%p endif %}")


# ---------------------------------------------------------------- the templates
def bilateral_brief():
    doc = _skeleton("bilateral_brief")
    _title_block(doc, "Bilateral relations brief{% if meta.we and meta.counterpart %}: {{ meta.we }} and "
                      "{{ meta.counterpart }}{% endif %}")
    _toc(doc)
    _purpose_and_key_points(doc)
    _section(doc, "Recent high-level exchanges", "exchanges")
    _table(doc, "exchanges", "e", [
        ("Date", "{{ e.date_text }}", 2.9),
        ("Event", "{{ e.headline }}{% if e.status == 'planned' and 'planned' not in e.headline|lower %} (planned)"
                   "{% endif %} {{ e.cite }}", 4.2),
        ("Participants", "{{ e.participants_text }}", 6.4),
        ("Place", "{{ e.place }}", 3.5),
    ], empty="No exchanges in this brief.")
    _end(doc)
    _section(doc, "Agreements and commitments", "agreements")
    _table(doc, "agreements", "a", [
        ("Title", "{{ a.text }} {{ a.cite }}", 6.0),
        ("Kind", "{{ a.type_label }}", 2.6),
        ("Status", "{{ a.status_label }}", 2.1),
        ("Date", "{{ a.date_text }}", 2.8),
        ("Validity", "{{ a.validity }}{% if a.flag %} — {{ a.flag }}{% endif %}", 3.5),
    ], empty="No agreements in this brief.")
    _end(doc)
    _section(doc, "Proposals and requests", "proposals")
    _bullets(doc, "p in proposals", "{{ p.text }}{% if p.date_text %}, {{ p.date_text }}{% endif %} {{ p.cite }}",
             empty="No proposals in this brief.")
    _end(doc)
    _section(doc, "Figures", "figures")
    _bullets(doc, "f in figures", "{{ f.text }} {{ f.cite }}", empty="No figures in this brief.")
    _end(doc)
    _section(doc, "Areas of cooperation", "areas")
    _areas(doc, empty="No areas of cooperation in this brief.")
    _end(doc)
    _people_and_notes(doc)
    _sources(doc)
    return doc


def visit_brief():
    """Cites footnote-style (superscript numbers) to show a template can: see templates/README.md."""
    doc = _skeleton("visit_brief")
    _title_block(doc, "Visit brief{% if meta.counterpart %}: {{ meta.counterpart }}{% endif %}")
    _toc(doc)
    _purpose_and_key_points(doc)
    _section(doc, "Background", "exchanges or figures or areas")
    _tag(doc, "{%p if exchanges %}")
    doc.add_heading("Exchanges", level=2)
    _bullets(doc, "e in exchanges",
             "{% if e.date_text %}{{ e.date_text }}: {% endif %}{{ e.text }}{% if e.place and e.place not in e.text %}"
             " ({{ e.place }}){% endif %}{% if e.status == 'planned' and 'planned' not in e.text|lower %} — planned"
             "{% endif %}{{ e.cite_note }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if figures %}")
    doc.add_heading("Figures", level=2)
    _bullets(doc, "f in figures", "{{ f.text }}{{ f.cite_note }}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if areas %}")
    doc.add_heading("Areas of cooperation", level=2)
    _areas(doc, cite="cite_note")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if not (exchanges or figures or areas) %}")
    _para(doc, "No background items in this brief.").runs[0].italic = True
    _tag(doc, "{%p endif %}")
    _end(doc)
    _section(doc, "What was agreed before", "agreements or (proposals|rejectattr('open')|list)")
    _bullets(doc, "a in agreements",
             "{{ a.text }} ({{ a.type_label }}, {{ a.status_label|lower }}{% if a.date_text %} {{ a.date_text }}"
             "{% endif %}{% if a.validity %}; valid {{ a.validity }}{% endif %}){{ a.cite_note }}")
    _bullets(doc, "a in proposals if not a.open",
             "{{ a.text }} ({{ a.status_label|lower }}{% if a.date_text %} {{ a.date_text }}{% endif %})"
             "{{ a.cite_note }}")
    _tag(doc, "{%p if not agreements and not (proposals|rejectattr('open')|list) %}")
    _para(doc, "Nothing agreed before in this brief.").runs[0].italic = True
    _tag(doc, "{%p endif %}")
    _end(doc)
    _section(doc, "Talking points", "talking_points")
    _bullets(doc, "t in talking_points", "{{ t.action }}: {{ t.text }}{% if t.date_text %} ({{ t.date_text }})"
             "{% endif %}{{ t.cite_note }}", empty="No open commitments or proposals in this brief.",
             style="List Number")
    _end(doc)
    _people_and_notes(doc, heading="Who's who", cite="{{ p.cite_note }}")
    _sources(doc, footnotes=True)
    return doc


def agreements_register():
    doc = _skeleton("agreements_register", landscape=True)
    doc.add_paragraph("{{ meta.title }}: agreements register", style="Title")
    doc.add_paragraph("To: {{ meta.recipient }}   ·   Prepared by: {{ meta.prepared_by }}   ·   "
                      "Date: {{ meta.date_text }}   ·   Marking: {{ meta.marking }}")
    doc.add_heading("Agreements register", level=1)
    doc.add_paragraph("{{ register|length }} agreement{{ '' if register|length == 1 else 's' }}, oldest first. "
                      "Validity is checked against the brief's date, {{ meta.date_text }}: EXPIRED marks those whose "
                      "validity has ended, EXPIRING those ending within twelve months.")
    _table(doc, "register", "r", [
        ("Title", "{{ r.text }} {{ r.cite }}", 7.6),
        ("Kind", "{{ r.type_label }}", 2.7),
        ("Parties", "{{ r.parties_text }}", 3.6),
        ("Status", "{{ r.status_label }}", 2.0),
        ("Date", "{{ r.date_text }}", 2.8),
        ("Valid from", "{{ r.valid_from|date }}", 2.4),
        ("Valid to", "{{ r.valid_to|date }}", 2.4),
        ("Mark", "{% cellbg 'F4CCCC' if r.expired else ('FFF2CC' if r.expiring else 'FFFFFF') %}"
                 "{{ 'EXPIRED' if r.expired else ('EXPIRING' if r.expiring else '') }}", 2.2),
    ], empty="No agreements in this brief.", font=9)
    _sources(doc)
    return doc


def sample_pictures(docs: Path) -> None:
    """First pages of each template rendered from the sample library (the seeds), as PNG for the docs."""
    import os
    import shutil
    import subprocess
    import tempfile

    sys.path.insert(0, str(OUT.parent))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("LibreOffice or pdftoppm missing: no pictures")
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFING_HOME"] = tmp
        from briefing.brief.build import render_brief
        from briefing.library import Library, Query

        lib = Library.open(Path(tmp) / "sample.sqlite3")
        brief = lib.create_brief("Singapore–Vietnam")
        lib.set_picked(brief, lib.query(Query()), True)
        lib.update_brief(
            brief, recipient="The Minister for Foreign Affairs", prepared_by="South-East Asia Directorate",
            marking="OFFICIAL", date="2023-09-15",
            purpose="To brief the Minister on relations with Vietnam ahead of the Foreign Minister's visit.",
            key_points="Relations are at the level of a Strategic Partnership and growing\n"
                       "Digital economy, clean energy and connectivity are the new growth areas\n"
                       "Vietnam has asked for help with exports, investment and a national data centre")
        for name in TEMPLATES:
            out = Path(tmp) / f"{name}.docx"
            render_brief(lib, brief, name, out, own_country="SG")
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, str(out)],
                           check=True, capture_output=True, timeout=180)
            pdf = Path(tmp) / f"{name}.pdf"
            pages = [("page1", 1)]
            if name == "bilateral_brief":  # the last page too: where the sources are cited
                pages.append(("last", _page_count(pdf)))
            for suffix, page in pages:
                stem = docs / f"brief-{name.split('_')[0]}-{suffix}"
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                                str(pdf), str(stem)], check=True, timeout=60)
                print(f"wrote {stem}.png")
        lib.close()


def _page_count(pdf: Path) -> int:
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, build in (("bilateral_brief", bilateral_brief), ("visit_brief", visit_brief),
                        ("agreements_register", agreements_register)):
        path = OUT / f"{name}.docx"
        build().save(path)
        print(f"wrote {path}")
    if "--docs" in sys.argv[1:]:
        docs = OUT.parent / "docs"
        docs.mkdir(exist_ok=True)
        sample_pictures(docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
