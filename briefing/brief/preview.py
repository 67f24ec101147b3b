"""A rendered .docx as simple HTML, for the "Build briefing…" preview: what will be saved, before saving."""

from __future__ import annotations

import html
import io

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

_HEADINGS = {"Title": "h1", "Heading 1": "h2", "Heading 2": "h3", "TOC Heading": "h3"}


def docx_to_html(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    out = ["<html><body>"]
    section = doc.sections[0]
    marking = " ".join(p.text for p in section.header.paragraphs if p.text.strip())
    if marking:
        out.append(f'<p align="center" style="color:#a01010; font-weight:bold">{html.escape(marking)}</p>')
    in_list = None
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, doc)
            style = p.style.name if p.style is not None else ""
            text = html.escape(p.text)
            list_tag = "ol" if style.startswith("List Number") else "ul" if style.startswith("List") else None
            if in_list and list_tag != in_list:
                out.append(f"</{in_list}>")
                in_list = None
            if list_tag:
                if not in_list:
                    out.append(f"<{list_tag}>")
                    in_list = list_tag
                out.append(f"<li>{text}</li>")
            elif style in _HEADINGS:
                out.append(f"<{_HEADINGS[style]}>{text}</{_HEADINGS[style]}>")
            elif style.lower().startswith("toc"):
                indent = 16 if style.endswith("2") else 0
                out.append(f'<p style="margin:0px; margin-left:{indent}px">{html.escape(p.text.split(chr(9))[0])}</p>')
            elif text.strip():
                out.append(f"<p>{text}</p>")
        elif tag == "tbl":
            if in_list:
                out.append(f"</{in_list}>")
                in_list = None
            table = Table(child, doc)
            border = 1 if table.style is not None and table.style.name == "Table Grid" else 0
            out.append(f'<table border="{border}" cellspacing="0" cellpadding="3" width="100%">')
            for i, row in enumerate(table.rows):
                grid = table.style is not None and table.style.name == "Table Grid"
                cell_tag = "th" if i == 0 and grid else "td"
                cells = "".join(f"<{cell_tag}>{html.escape(c.text)}</{cell_tag}>" for c in row.cells)
                out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
    if in_list:
        out.append(f"</{in_list}>")
    out.append("</body></html>")
    return "\n".join(out)
