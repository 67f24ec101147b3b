"""Metadata read from the visible text: a dateline near the top, a headline, a wire credit.

Only the first few paragraphs are looked at: a date further down is an event's
date, not the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from .common import squash_spaces

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 3 March 2025
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # October 16, 2024
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b"),  # 2024-03-14
    re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d{2})\b"),  # 14/03/2024
]
_MONTH_ONLY = re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+{_YEAR}$", re.IGNORECASE)  # a "March 2025" line

# How much of the top of a document may hold its dateline.
TOP_PARAGRAPHS = 6
SHORT_LINE = 140


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> tuple[str, int] | None:
    """The first explicit full date in ``text`` as (ISO date, position), or None.

    Numeric dates are read day first (14/03/2024), unless the first number cannot be a month
    and the second can only be a day (03/14/2024).
    """
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            year = int(groups["year"])
            if "month" in groups and groups.get("month"):
                iso = _valid(year, MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"]))
            elif groups.get("m"):
                iso = _valid(year, int(groups["m"]), int(groups["d"]))
            else:
                a, b = int(groups["a"]), int(groups["b"])
                iso = _valid(year, b, a) if a > 12 or b <= 12 else _valid(year, a, b)
            if iso:
                found.append((m.start(), iso))
                break
    if not found:
        return None
    start, iso = min(found)
    return iso, start


def _top_paragraphs(text: str) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text[:6000]) if p.strip()]
    lines: list[str] = []
    for p in paragraphs[:TOP_PARAGRAPHS]:
        lines.extend(line.strip() for line in p.split("\n") if line.strip())
    return lines[: TOP_PARAGRAPHS * 2]


_PLACE_PREFIX = re.compile(r"[A-Z][\w.'’ -]{1,40}(?:,\s*[\w.'’ -]{1,30})?\s*[,–—-]\s*(?:\w+day,?\s+)?")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


_EVENT_PREPOSITION = re.compile(
    r"(?<!published )(?<!posted )(?<!issued )(?<!released )(?<!updated )(?<!dated )"
    r"\b(?:on|by|from|until|till|to|before|after|since|between|and|of|for|through)\s+$",
    re.IGNORECASE,
)


def _is_dateline(line: str, start: int, date_text_end: int) -> bool:
    """A short line that reads as a dateline, not a sentence that happens to hold a date:
    "Madrid, 14/03/2024" or "Published on 3 March 2025", not "Ministers to meet on 20 April 2026"."""
    if _EVENT_PREPOSITION.search(line[:start]):
        return False
    rest = (line[:start] + " " + line[date_text_end:]).strip(" *_")
    if not _SENTENCE_END.search(line.strip(" *_")):
        return True
    return len(rest.split()) <= 4


def find_dateline(text: str, language: str = "en") -> str | None:
    """The publication date written near the top: a short dateline line ("Madrid, 14/03/2024",
    "News release – October 16, 2024 – Mexico City"), or a wire dateline opening the first
    paragraphs ("WASHINGTON, June 13, 2016 (Reuters) -"). ISO date or None."""
    lines = _top_paragraphs(text)
    for line in lines:
        if len(line) <= SHORT_LINE:
            hit = parse_date(line)
            if hit and _is_dateline(line, hit[1], hit[1] + _matched_length(line, hit[1])):
                return hit[0]
            m = _MONTH_ONLY.match(line.strip("*_ "))
            if m:
                return f"{m.group('year')}-{MONTHS[m.group('month').lower().rstrip('.')]:02d}"
        else:
            hit = parse_date(line[:100])
            if hit and _PLACE_PREFIX.fullmatch(line[: hit[1]]):
                return hit[0]
    if language != "en":
        return _foreign_dateline(lines, language)
    return _closing_dateline(text)


CLOSING_LINES = 6  # the sign-off of agency copy: "MAP 30 January 2025", "(Reporting by ...) 12/05/2025"
CLOSING_LINE = 60


def _closing_dateline(text: str) -> str | None:
    """With no date at the top, the one short dated line among the last lines ("MAP 30 January 2025"): an
    agency's sign-off. Two or more dated lines there are a list of related stories, whose dates are theirs."""
    lines = [line.strip() for line in text[-3000:].split("\n") if line.strip()][-CLOSING_LINES:]
    dated = []
    for line in lines:
        hit = parse_date(line) if len(line) <= CLOSING_LINE else None
        if hit is not None:
            dated.append((line, hit))
    if len(dated) != 1:
        return None
    line, (iso, start) = dated[0]
    return iso if _is_dateline(line, start, start + _matched_length(line, start)) else None


def _matched_length(line: str, start: int) -> int:
    for pattern in _DATE_PATTERNS:
        m = pattern.match(line, start)
        if m:
            return m.end() - start
    return 0


def _foreign_dateline(lines: list[str], language: str) -> str | None:
    """Datelines in other languages ("Paris, le 14 mars 2024") through dateparser."""
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    for line in lines:
        if len(line) > SHORT_LINE or not re.search(r"\b(?:19|20)\d{2}\b", line):
            continue
        try:
            hits = search_dates(line, languages=[language],  # one language: loading them all takes seconds
                                settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
        except Exception:  # dateparser raises assorted errors on odd input
            continue
        for _, when in hits or []:
            return when.date().isoformat()
    return None


def iso_date(value: object) -> str | None:
    """A datetime/date or an ISO-like string ('2024-06-27T07:30:00+06:00') to 'YYYY-MM-DD'
    (as written, not converted to UTC), or the shorter 'YYYY-MM' / 'YYYY' when that is all."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    m = re.match(r"\s*((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return _valid(int(year), int(month), int(day))
    if month and 1 <= int(month) <= 12:
        return f"{year}-{month}"
    return year


# ---------------------------------------------------------------- headline

_LABELS = re.compile(
    r"^(?:for immediate release|press release|media release|news release|press statement|statement|"
    r"readout|joint statement|media advisory|news|opinion|breaking|update|embargoed.*|[-–—*=_#\s]+)$",
    re.IGNORECASE,
)
# A photo caption's credit: "... Prime Ministers (Photo: VNA)", "Photo: Reuters", "(Image credit: MFA)".
_CAPTION = re.compile(r"[(\[]?\b(?:photo|picture|image|file photo)(?:\s+credit)?\s*:\s*[^)\]]{1,60}[)\]]?\s*$",
                      re.IGNORECASE)
_ORG_LINE = re.compile(r"^(?:the\s+)?(?:ministry|office|department|embassy|government|high commission|"
                       r"consulate|permanent mission|prime minister's office)\b", re.IGNORECASE)
# "BOGOR, Indonesia, Jan 11 (Meridian Wire) - " or "SANTIAGO – " before the first words of a story.
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.’' -]{1,30}){0,2}(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\((?P<credit>[^()]{2,40})\))?\s+[-–—]\s+"
)
MAX_TITLE = 120


def strip_wire_dateline(text: str) -> str:
    m = _WIRE_DATELINE.match(text)
    return text[m.end():] if m else text


def wire_credit(text: str) -> str | None:
    """The agency credited in a wire dateline: "(Meridian Wire)" in "BOGOR, Jan 11 (Meridian Wire) -"."""
    m = _WIRE_DATELINE.match(text.lstrip())
    return m.group("credit").strip() if m and m.group("credit") else None


def shorten(text: str, limit: int = MAX_TITLE) -> str:
    text = squash_spaces(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


_ABBREVIATIONS = {"dr", "mr", "ms", "mrs", "st", "no", "jr", "sr", "hon", "gen", "col", "lt", "prof", "rev", "vs"}
_STOP = re.compile(r"[.!?](?=\s+[\"“‘A-Z0-9]|\s*$)")


def first_sentence(paragraph: str) -> str:
    """Up to the first full stop that ends a sentence (not the one in "Dr." or "U.S.")."""
    for m in _STOP.finditer(paragraph):
        word = re.search(r"([\w.]*)$", paragraph[: m.start()]).group(1)
        if m.group() == "." and (word.lower() in _ABBREVIATIONS or len(word) == 1 or "." in word):
            continue
        return paragraph[: m.end()]
    return paragraph


def guess_title(text: str) -> str:
    """A short headline for a text with no title of its own: the first short line that is
    neither a label ("PRESS RELEASE"), an organisation line nor a dateline; else the first
    sentence of the first paragraph, without its wire dateline."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text[:8000]) if p.strip()]
    for p in paragraphs[:5]:
        line = squash_spaces(p)
        if len(line) > MAX_TITLE or "\n" in p.strip() and len(p) > MAX_TITLE:
            break
        if _LABELS.match(line) or _ORG_LINE.match(line) or parse_date(line) or len(line.split()) < 4 \
                or _CAPTION.search(line):
            continue
        if len(line.split()) <= 6 and re.search(r"\b(?:19|20)\d{2}\b", line):
            continue  # a dateline in another language ("Paris, le 14 mars 2024")
        return shorten(strip_wire_dateline(line)).rstrip(".")
    for p in paragraphs:
        line = squash_spaces(p)
        if len(line) <= MAX_TITLE and (_LABELS.match(line) or _ORG_LINE.match(line) or parse_date(line)
                                       or _CAPTION.search(line)):
            continue  # a photo caption above the story is not its headline either
        return shorten(first_sentence(strip_wire_dateline(line))).rstrip(".")
    return ""


_WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s<>\"]*$", re.IGNORECASE)


def web_address(value: object) -> str | None:
    """``value`` when it is a whole http(s) address, else None (an identifier like "ISBN ..." is not)."""
    text = str(value or "").strip()
    return text if len(text) <= 2000 and _WEB_ADDRESS.match(text) else None


# "Source: Nordic Courier", "Publisher - X", "By Kari Lund", "Author: Kari Lund", "URL: https://...",
# or a line that is only an address: what a saved or pasted article often carries above or below it.
_LABELLED = re.compile(
    r"^[ \t]*(?:(?P<label>source|publisher|published by|outlet|author|written by|url|link|web|originally published at)"
    r"[ \t]*[:\-–][ \t]*|(?P<by>by)[ \t]+(?=[A-Z]))(?P<value>.{1,200}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_FIELD = {"source": "publisher", "publisher": "publisher", "published by": "publisher", "outlet": "publisher",
                "author": "author", "written by": "author", "url": "url", "link": "url", "web": "url",
                "originally published at": "url"}
_EDGE_LINES = 8  # look this many lines at the top and at the end


def labelled_lines(text: str) -> dict[str, str]:
    """Publisher, author and url named by labelled lines near the top or the end of a plain text.

    The text itself is not changed. A "Source:" line holding an address gives the url, not the publisher;
    a "By" byline counts only when it is short (a name, not a sentence).
    """
    lines = text.split("\n")
    edge = lines[:_EDGE_LINES] + (lines[-_EDGE_LINES:] if len(lines) > _EDGE_LINES else [])
    found: dict[str, str] = {}
    for line in edge:
        if len(line) > 300:
            continue
        address = web_address(line)
        if address:
            found.setdefault("url", address)
            continue
        m = _LABELLED.match(line)
        if not m:
            continue
        value = squash_spaces(m.group("value"))
        if m.group("by"):
            if len(value.split()) <= 5 and not value.endswith((".", "!", "?")):
                found.setdefault("author", value)
            continue
        field = _LABEL_FIELD[m.group("label").lower()]
        if web_address(value):
            found.setdefault("url", value)
        elif field != "url" and len(value.split()) <= 8:
            found.setdefault(field, value)
    return found
