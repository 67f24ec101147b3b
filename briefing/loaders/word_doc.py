"""Word documents (.docx): body paragraphs and tables in document order, via python-docx.

The zip is inspected before python-docx opens it: a part that expands too far
(zip bomb) or XML that declares entities (billion-laughs) is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib

from .common import (
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    MB,
    Loaded,
    Refused,
    describe_size,
    paragraphs_text,
    squash_spaces,
)
from .meta import find_dateline, guess_title, iso_date, web_address

NOT_DOCX = "not a valid Word document (corrupt or not a .docx)"
ENTITIES = "XML entity declarations are not allowed (possible entity-expansion attack)"
MAX_PARTS = 5000
_PROLOG_BYTES = 4096  # a DOCTYPE must come before the root element, so this much is enough
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TITLE_STYLES = ("title",)
# python-docx's default template carries these; a document made from it has no real created date.
_PYTHON_DOCX_CREATED = dt.datetime(2013, 12, 23, 23, 15)
_TOOL_AUTHORS = {"python-docx"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes) -> None:
    """Refuse archives that would expand beyond the limits or carry XML entity declarations."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Refused(NOT_DOCX) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise Refused(f"zip bomb: more than {MAX_PARTS} parts")
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > MAX_UNZIPPED_BYTES or (info.file_size > MB and ratio > MAX_ZIP_RATIO):
                raise Refused(f"zip bomb: expands to more than {describe_size(MAX_UNZIPPED_BYTES)}"
                              if total > MAX_UNZIPPED_BYTES else
                              f"zip bomb: {info.filename} expands {ratio:.0f} times (limit {MAX_ZIP_RATIO})")
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise Refused(NOT_DOCX)
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    prolog = part.read(_PROLOG_BYTES)
            except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, RuntimeError):
                raise Refused(NOT_DOCX) from None
            if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
                prolog = prolog.decode("utf-16", "ignore").encode("ascii", "ignore")
            if _DOCTYPE.search(prolog):
                raise Refused(ENTITIES)


def _cell_text(cell) -> str:
    return squash_spaces(" ".join(p.text for p in cell.paragraphs))


def _table_rows(table) -> list[str]:
    """One line per row, cells joined by ' | ' (a merged cell once); nested tables after their row."""
    lines: list[str] = []
    pending = [table]
    while pending:
        current = pending.pop(0)
        for row in current.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                text = _cell_text(cell)
                if text:
                    cells.append(text)
                pending.extend(cell.tables)
            if cells:
                lines.append(" | ".join(cells))
    return lines


def _blocks(document):
    """(kind, object) for the body's paragraphs and tables in order, looking inside content controls."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    stack = list(reversed(list(body.iterchildren())))
    while stack:
        element = stack.pop()
        if element.tag == _W + "p":
            yield "p", Paragraph(element, document._body)
        elif element.tag == _W + "tbl":
            yield "t", Table(element, document._body)
        elif element.tag == _W + "sdt":
            content = element.find(_W + "sdtContent")
            if content is not None:
                stack.extend(reversed(list(content.iterchildren())))


def load_docx(data: bytes) -> Loaded:
    check_zip(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises KeyError, ValueError, lxml errors... on broken packages
        raise Refused(NOT_DOCX) from None
    paragraphs: list[str] = []
    title = ""
    for kind, block in _blocks(document):
        if kind == "p":
            text = block.text.replace("\r", "\n")
            if not text.strip():
                continue
            style = (block.style.name if block.style is not None else "") or ""
            if not title and style.lower() in _TITLE_STYLES:
                title = squash_spaces(text)
            paragraphs.append(text)
        else:
            paragraphs.extend(_table_rows(block))
    text = paragraphs_text(paragraphs)
    if not text:
        raise Refused("no text in this Word document")
    props = document.core_properties
    title = title or squash_spaces(props.title or "") or guess_title(text)
    author = squash_spaces(props.author or "") or None
    created = props.created
    if created and created.replace(tzinfo=None) == _PYTHON_DOCX_CREATED:
        created = None  # the generating tool's template, not the document's own date
    author = None if author in _TOOL_AUTHORS else author
    date = find_dateline(text) or iso_date(created)
    return Loaded(text=text, title=title, date=date, author=author, publisher=_company(document),
                  url=web_address(props.identifier) or web_address(props.subject))


def _company(document) -> str | None:
    """The Company of the extended properties (docProps/app.xml), which Word fills from the licence."""
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/docProps/app.xml"):
            m = re.search(rb"<(?:\w+:)?Company>([^<]{1,200})</(?:\w+:)?Company>", part.blob)
            if m:
                return squash_spaces(m.group(1).decode("utf-8", "replace")) or None
    return None
