"""Security markings: their order, and the rule that a brief is marked at least as high as what it cites."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.brief.errors import BriefError, MarkingError
from briefing.model import MARKINGS


def normalise(marking: str | None) -> str:
    return " ".join((marking or "").upper().replace("_", " ").split())


def rank(marking: str | None) -> int:
    """Position in MARKINGS (lowest 0). An unknown marking counts as the highest: safer to over-mark."""
    value = normalise(marking)
    if not value:
        return 0
    return MARKINGS.index(value) if value in MARKINGS else len(MARKINGS)


def highest(markings: Iterable[str | None]) -> str:
    best = MARKINGS[0]
    for m in markings:
        if rank(m) > rank(best):
            best = normalise(m)
    return best


def validate(marking: str) -> str:
    """The canonical spelling of a brief's marking; a BriefError for one the program does not know."""
    value = normalise(marking)
    if value not in MARKINGS:
        raise BriefError(f"Unknown marking '{marking}'; use one of: {', '.join(MARKINGS)}")
    return value


def check_marking(brief_marking: str, source_markings: dict[str, str] | Iterable[str], allow_lower: bool = False) -> str:
    """Raise MarkingError when the brief is marked below a cited source, unless the user allowed it.

    ``source_markings`` is {source title: marking} (titles name the sources in the message) or plain
    markings. Returns the highest marking among the sources.
    """
    pairs = list(source_markings.items()) if isinstance(source_markings, dict) else [("", m) for m in source_markings]
    top = highest(m for _, m in pairs)
    if rank(brief_marking) < rank(top) and not allow_lower:
        above = [title for title, m in pairs if title and rank(m) > rank(brief_marking)]
        raise MarkingError(normalise(brief_marking) or MARKINGS[0], top, above)
    return top
