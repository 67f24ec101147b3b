"""Hand-made sources and items for brief-rendering tests (no language model needed).

``make_library(path)`` returns a Library with two sources of different markings,
items of every kind, a brief named "Vietnam visit" holding some of them (one with
its own wording), and an item deliberately left out of the brief.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from docx import Document

from briefing.library import Library, Query
from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source, Topic

TEXT_A = ("Foreign Minister Vivian Balakrishnan met his Vietnamese counterpart Bui Thanh Son in Hanoi on 21 June 2021. "
          "They signed the renewed Study Visit Programme, valid until 2023. Vietnam proposed a joint working group "
          "on digital economy. Bilateral trade reached US$6.2 billion in 2020. The ministers agreed on health "
          "certificates. Cooperation on cyber security will grow. ")
TEXT_B = "A classified readout: the ministers will hold a call in December 2026 on the Green Economy Partnership. "
OUTSIDE = "Fisheries Accord Outside The Brief"


def _ev(text: str, phrase: str) -> list[Evidence]:
    start = text.index(phrase)
    return [Evidence.of(text, start, start + len(phrase))]


def _source(name: str, text: str, title: str, date: str, publisher: str, marking: str, author: str | None = None,
            url: str | None = None) -> Source:
    return Source(path=f"/sources/{name}", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title=title,
                  date=date, publisher=publisher, marking=marking, author=author, url=url)


def make_library(path: Path, *, own_country: str | None = "SG") -> tuple[Library, int, dict[str, int]]:
    lib = Library.open(path, seed=False)
    a = TEXT_A
    ext_a = Extraction(
        countries=["SG", "VN"],
        people=[Person("Vivian Balakrishnan", "Foreign Minister", "SG", evidence=_ev(a, "Vivian Balakrishnan")),
                Person("Bui Thanh Son", "Foreign Minister", "VN", evidence=_ev(a, "Bui Thanh Son"))],
        events=[Event("meeting", "held", "2021-06-21", location="Hanoi",
                      participants=["Vivian Balakrishnan", "Bui Thanh Son"], summary="Ministers met in Hanoi",
                      evidence=_ev(a, "met his Vietnamese counterpart"))],
        agreements=[
            Agreement("Study Visit Programme", "programme", "renewed", "2021-06-21", valid_from="2021",
                      valid_to="2023", parties=["SG", "VN"], evidence=_ev(a, "renewed Study Visit Programme")),
            Agreement("Joint working group on digital economy", "proposal", "proposed", "2021-06-21",
                      parties=["SG", "VN"], proposer="VN", addressee="SG", evidence=_ev(a, "joint working group")),
            Agreement("Mutual recognition of health certificates", "agreement", "agreed", "2021-06-21",
                      valid_to="2027-03", parties=["SG", "VN"], evidence=_ev(a, "health")),
            Agreement(OUTSIDE, "agreement", "signed", "2020-01-01", parties=["SG", "VN"],
                      evidence=_ev(a, "Bilateral")),
        ],
        figures=[Figure(6.2e9, "USD", "bilateral trade", "2020", evidence=_ev(a, "US$6.2 billion"))],
        topics=[Topic("cyber security", evidence=_ev(a, "cyber security"))],
    )
    b = TEXT_B
    ext_b = Extraction(
        countries=["SG", "VN"],
        events=[Event("call", "planned", "2026-12", participants=["Bui Thanh Son"], evidence=_ev(b, "hold a call"))],
        agreements=[Agreement("Green Economy Partnership", "partnership", "negotiating", "2026-11",
                              parties=["SG", "VN"], evidence=_ev(b, "Green Economy Partnership"))],
    )
    lib.add_source(_source("a.txt", a, "Singapore and Vietnam agree to set up working groups", "2021-06-23",
                           "The Straits Times", "UNCLASSIFIED", author="Staff reporter",
                           url="https://news.example/asia/sg-vn-working-groups"), ext_a)
    lib.add_source(_source("b.txt", b, "Readout of the ministers' meeting", "2026-11-02", "MFA", "CONFIDENTIAL",
                           author="Press Office", url="https://mfa.example/readouts/ministers-meeting"), ext_b)
    for source in lib.sources():  # a fixed access date, so the citations can be written out in tests
        lib.edit_source(source.id, {"accessed": "2026-11-18"})

    ids: dict[str, int] = {}
    for item_id in lib.query(Query()):
        item = lib.item(item_id)
        f = item.fields
        key = {"person": f.get("name"), "topic": f.get("name"), "agreement": f.get("title"),
               "figure": f.get("what"), "event": f.get("summary") or f.get("type")}.get(item.kind)
        ids[str(key)] = item_id
    brief_id = lib.create_brief("Vietnam visit")
    picked = [ids[k] for k in ("Ministers met in Hanoi", "call", "Study Visit Programme",
                               "Joint working group on digital economy", "Mutual recognition of health certificates",
                               "Green Economy Partnership", "bilateral trade", "cyber security", "Bui Thanh Son")]
    lib.set_picked(brief_id, picked, True)
    lib.set_line_wording(brief_id, ids["bilateral trade"], "Two-way trade stood at US$6.2 billion in 2020")
    lib.update_brief(brief_id, title="Visit of the Vietnamese Foreign Minister", recipient="The Minister",
                     prepared_by="South-East Asia desk", marking="CONFIDENTIAL", date="2026-11-20",
                     purpose="To prepare the Minister for talks with Bui Thanh Son.",
                     key_points="Relations are warm\n- Digital economy is the growth area")
    return lib, brief_id, ids


def docx_blocks(path: Path) -> dict[str, list[str]]:
    """Heading-1 title -> the paragraphs and table rows (cells joined by ' | ') under it, in order."""
    doc = Document(str(path))
    sections: dict[str, list[str]] = {"": []}
    current = ""
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            from docx.text.paragraph import Paragraph

            p = Paragraph(child, doc)
            if p.style is not None and p.style.name == "Heading 1":
                current = p.text.strip()
                sections.setdefault(current, [])
                continue
            sections[current].append(p.text)
        elif tag == "tbl":
            from docx.table import Table

            for row in Table(child, doc).rows:
                sections[current].append(" | ".join(c.text for c in row.cells))
    return sections


def docx_sections(path: Path) -> dict[str, str]:
    """Heading-1 title -> all text under it, one paragraph or table row a line."""
    return {k: "\n".join(v) for k, v in docx_blocks(path).items()}


def all_text(path: Path) -> str:
    """Every piece of text in the document: body, tables, headers, footers."""
    doc = Document(str(path))
    chunks = []
    for part in [doc.part] + [r.target_part for r in doc.part.rels.values()
                              if not r.is_external and r.reltype.endswith(("/header", "/footer"))]:
        chunks.append("".join(t.text or "" for t in part.element.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")))
    return "\n".join(chunks)
