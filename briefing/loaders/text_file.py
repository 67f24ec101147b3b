"""Plain text (.txt), optionally opened by the ` date YYYY-MM-DD ` header line.

Lines such as "Source: Nordic Courier", "By Kari Lund" or "URL: https://..." near the top or the
end give publisher, author and address; they stay in the text (extraction's offsets point into it).
"""

from __future__ import annotations

import re

from .common import Loaded, clean_text, decode_text, mend_glued_sentences
from .meta import find_dateline, guess_title, iso_date, labelled_lines, wire_credit

# ` date 2025-01-11 ` at the very start; the rest of that line is the first paragraph.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*(?=\n)|[ \t]*\Z)")


def split_header(text: str) -> tuple[str | None, str]:
    """(date from the header or None, text without the header)."""
    m = _HEADER.match(text)
    if not m:
        return None, text
    date = iso_date(m.group(1))
    if date is None:  # "date 2024-13-45" is no header: keep the line as text
        return None, text
    return date, text[m.end():]


def load_text(data: bytes) -> Loaded:
    text = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    date, text = split_header(text)
    text = mend_glued_sentences(clean_text(text))
    labelled = labelled_lines(text)
    return Loaded(
        text=text,
        title=guess_title(text),
        date=date or find_dateline(text),
        publisher=labelled.get("publisher") or wire_credit(text),
        author=labelled.get("author"),
        url=labelled.get("url"),
    )
