"""PDF (.pdf): the text layer through pypdf, rebuilt into paragraphs.

pypdf gives one line per printed line. Lines are joined back into paragraphs
from their vertical spacing (a gap wider than the line spacing starts a new
paragraph), so a name or date wrapped onto the next line comes out whole;
words hyphenated at a line end are mended. Lines repeated at the top or bottom
of most pages (running headers, footers, page numbers) are dropped.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from .common import MAX_TEXT_CHARS, Loaded, Refused, paragraphs_text, squash_spaces
from .meta import find_dateline, guess_title, iso_date, web_address

ENCRYPTED = "encrypted PDF (password protected); remove the password and import again"
NO_TEXT = "no text layer (scanned?)"
NOT_PDF = "not a valid PDF (corrupt or not a PDF)"
MAX_PAGES = 2000
# A baseline gap above this many font sizes starts a new paragraph (single spacing is ~1.2–1.4).
PARAGRAPH_GAP = 1.7
# A running header or footer is a short line; a body line this long is never taken for one.
MAX_RUNNING_LINE = 100
_TRAILING_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-$")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about every small flaw in a file


@dataclass
class _Line:
    text: str = ""
    y: float | None = None
    size: float = 0.0


@dataclass
class _Page:
    lines: list[_Line] = field(default_factory=list)


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _page_lines(page) -> _Page:
    """The page's printed lines, each with its baseline height and font size."""
    result = _Page()
    current = _Line()

    def visit(text, cm, tm, font_dict, font_size) -> None:
        nonlocal current
        for i, piece in enumerate(text.split("\n")):
            if i > 0:
                result.lines.append(current)
                current = _Line()
            if piece.strip():
                matrix = _mult(list(tm), list(cm))
                size = abs(font_size * ((matrix[2] ** 2 + matrix[3] ** 2) ** 0.5 or 1.0))
                if current.y is None:
                    current.y = matrix[5]
                current.size = max(current.size, size)
            current.text += piece

    text = page.extract_text(visitor_text=visit)
    result.lines.append(current)
    result.lines = [line for line in result.lines if line.text.strip()]
    if not result.lines and text and text.strip():  # no positions reported: keep the plain lines
        result.lines = [_Line(text=line) for line in text.split("\n") if line.strip()]
    return result


def _join(paragraph: str, line: str) -> str:
    if _TRAILING_HYPHEN.search(paragraph) and line[:1].islower():
        return paragraph[:-1] + line  # "govern-" + "ment"
    if re.search(r"\S[-–/]$", paragraph):
        return paragraph + line  # "Timor-" + "Leste"
    return paragraph + " " + line


def _continues(previous: str, following: str) -> bool:
    """A paragraph cut by a page break: no full stop before the break, a lowercase word after it."""
    return not re.search(r"[.!?:;\"”’)]$", previous) and following[:1].islower()


def _paragraphs(lines: list[_Line]) -> list[str]:
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        text = squash_spaces(line.text)
        new_paragraph = previous is None
        if previous is not None:
            if line.y is None or previous.y is None:
                new_paragraph = True  # no positions: one line, one paragraph
            else:
                size = max(line.size, previous.size, 1.0)
                gap = previous.y - line.y
                size_changed = abs(line.size - previous.size) > 0.15 * size
                same_line = abs(gap) < 0.3 * size  # pypdf splits a line where the font changes
                new_paragraph = not same_line and (gap < 0 or gap > PARAGRAPH_GAP * size or size_changed)
        if new_paragraph:
            paragraphs.append(text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], text)
        previous = line
    return paragraphs


def _running_lines(pages: list[_Page]) -> set[str]:
    """Lines at the top or bottom of most pages (digits ignored, so "Page 3 of 9" counts)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        edge = page.lines[:1] + page.lines[-1:]
        counts.update({_shape(line.text) for line in edge if len(line.text) <= MAX_RUNNING_LINE})
    needed = 2 if len(pages) == 2 else max(3, 0.6 * len(pages))
    return {shape for shape, n in counts.items() if n >= needed and shape}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", squash_spaces(text)).lower()


def _open(data: bytes):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception:  # missing crypto support or an unknown scheme: same advice
                raise Refused(ENCRYPTED) from None
            if not unlocked:
                raise Refused(ENCRYPTED)
        count = len(reader.pages)
    except Refused:
        raise
    except Exception:  # pypdf raises many kinds of error on mangled files
        raise Refused(NOT_PDF) from None
    if count > MAX_PAGES:
        raise Refused(f"too many pages ({count}; the limit is {MAX_PAGES})")
    return reader


def load_pdf(data: bytes) -> Loaded:
    if b"%PDF" not in data[:1024]:
        raise Refused(NOT_PDF)
    reader = _open(data)
    pages: list[_Page] = []
    chars = failed = 0
    for page in reader.pages:
        try:
            lines = _page_lines(page)
        except Exception:  # one unreadable page should not lose the others
            lines = _Page()
            failed += 1
        pages.append(lines)
        chars += sum(len(line.text) for line in lines.lines)
        if chars > MAX_TEXT_CHARS:
            raise Refused(f"too much text (more than {MAX_TEXT_CHARS:,} characters)")
    if not any(page.lines for page in pages):
        raise Refused(NOT_PDF if failed == len(pages) and pages else NO_TEXT)
    running = _running_lines(pages)
    paragraphs: list[str] = []
    for page in pages:
        kept = [line for line in page.lines if _shape(line.text) not in running]
        page_paragraphs = _paragraphs(kept)
        if paragraphs and page_paragraphs and _continues(paragraphs[-1], page_paragraphs[0]):
            paragraphs[-1] = _join(paragraphs[-1], page_paragraphs.pop(0))
        paragraphs += page_paragraphs
    text = paragraphs_text(paragraphs)
    title = _title(pages[0], reader) or guess_title(text)
    info = _info(reader)
    date = find_dateline(text) or iso_date(_pdf_date(info.get("/CreationDate")))
    author = squash_spaces(str(info.get("/Author") or "")) or None
    publisher = next((squash_spaces(str(info[k])) for k in ("/Publisher", "/Company") if info.get(k)), None)
    url = next((web_address(str(info[k])) for k in ("/URL", "/URI", "/Source") if web_address(str(info.get(k) or ""))),
               None)
    return Loaded(text=text, title=title, date=date, author=author, publisher=publisher or None, url=url)


def _info(reader) -> dict:
    try:
        return dict(reader.metadata or {})
    except Exception:  # a broken Info dictionary is no reason to refuse the text
        return {}


def _title(first: _Page, reader) -> str:
    """The largest type on the first page when it stands out (a headline), else the metadata title
    when it is a real one, else nothing (the caller falls back to the first sentence)."""
    sized = [line for line in first.lines if line.size]
    if sized:
        body = Counter(round(line.size) for line in sized).most_common(1)[0][0]
        biggest = max(line.size for line in sized)
        if biggest > 1.25 * body:
            words = [squash_spaces(line.text) for line in sized if line.size >= biggest - 0.5]
            title = " ".join(words)
            if 3 <= len(title) <= 200:
                return title
    meta_title = squash_spaces(str(_info(reader).get("/Title") or ""))
    if meta_title and not re.search(r"\.(docx?|pdf|odt|rtf)$|^untitled|^microsoft word", meta_title, re.IGNORECASE):
        return meta_title
    return ""


def _pdf_date(value: object) -> str | None:
    """'D:20250303093000+11'00'' -> '2025-03-03' (the date as written, not moved to UTC)."""
    if not value:
        return None
    m = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", str(value))
    if not m:
        return None
    return "-".join(part for part in m.groups() if part)
