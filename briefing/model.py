"""The plain values that flow through the program: sources and the items taken from them.

Everything here is Qt-free, JSON-friendly and compared by value, so an
extraction can be tested without a library and re-run safely.

Dates are ISO strings whose length is their precision: ``"2021"`` (year),
``"2021-06"`` (month) or ``"2021-06-21"`` (day); ``None`` when unknown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_MARKING = "UNCLASSIFIED"
# Lowest first: a brief may not carry a marking lower than its sources' highest.
MARKINGS = ("UNCLASSIFIED", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET")

ITEM_KINDS = ("event", "agreement", "person", "figure", "topic", "note")

EVENT_TYPES = ("visit", "meeting", "talks", "call", "signing", "conference", "ceremony", "statement", "other")
EVENT_STATUSES = ("held", "planned")
AGREEMENT_KINDS = (
    "treaty", "agreement", "mou", "programme", "partnership", "framework",
    "declaration", "working-group", "commitment", "proposal",
)
AGREEMENT_STATUSES = (
    "signed", "renewed", "agreed", "established", "upgraded", "proposed",
    "planned", "negotiating", "in-force",
)


def date_precision(value: str | None) -> str | None:
    """'year', 'month' or 'day' for an ISO date string of that length."""
    if not value:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(value))


@dataclass(frozen=True)
class Evidence:
    """A span of a source's stored text: ``source.text[start:end] == text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start, end, text[start:end])


@dataclass
class Source:
    """One imported document, its text as stored (decoded, header removed)."""

    path: str
    text: str
    sha256: str
    title: str = ""
    date: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str = "en"
    format: str = "txt"  # txt, md, html, docx, pdf, eml
    marking: str = DEFAULT_MARKING
    url: str | None = None  # where the document was published (a web page's canonical address)

    @property
    def stem(self) -> str:
        from pathlib import PurePath

        return PurePath(self.path).stem


@dataclass
class Person:
    name: str
    title: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    type: str  # EVENT_TYPES
    status: str = "held"  # EVENT_STATUSES
    date: str | None = None
    date_end: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)  # person names (Person.name)
    actor: str | None = None  # the visitor, the caller, the host's guest
    recipient: str | None = None  # the host, the one called
    plover_type: str | None = None  # CONSULT, AGREE, ...
    plover_mode: str | None = None  # visit, host, phone, ...
    cameo: str | None = None  # "042"
    summary: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Agreement:
    title: str
    kind: str = "agreement"  # AGREEMENT_KINDS
    status: str = "agreed"  # AGREEMENT_STATUSES
    date: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    parties: list[str] = field(default_factory=list)  # ISO country codes
    topics: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # earlier dates: "builds on those signed in 2010"
    proposer: str | None = None  # for proposals: who asked
    addressee: str | None = None  # ... and whom
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Figure:
    value: float
    unit: str  # ISO 4217, "percent", "count" or a lowercase unit word
    what: str = ""
    period: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Topic:
    name: str
    evidence: list[Evidence] = field(default_factory=list)


# What an extraction holds, one of each kind (the library's "note" is the officer's own, never extracted).
ExtractedItem = Person | Event | Agreement | Figure | Topic


@dataclass
class Extraction:
    """What one source yields; the same source always gives the same extraction."""

    countries: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    analysed: bool = True
    note: str | None = None  # e.g. "not analysed (language: fr)"

    def items(self) -> list[tuple[str, ExtractedItem]]:
        """(kind, item) pairs in a stable order."""
        out: list[tuple[str, ExtractedItem]] = []
        out += [("person", p) for p in self.people]
        out += [("event", e) for e in self.events]
        out += [("agreement", a) for a in self.agreements]
        out += [("figure", f) for f in self.figures]
        out += [("topic", t) for t in self.topics]
        return out


def _evidence_json(evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [asdict(e) for e in evidence]


def event_to_spec(e: Event) -> dict[str, Any]:
    d = asdict(e)
    d["plover"] = {"type": d.pop("plover_type"), "mode": d.pop("plover_mode")}
    d["evidence"] = _evidence_json(e.evidence)
    return d


def document_to_spec(source: Source, extraction: Extraction, doc_id: str | None = None) -> dict[str, Any]:
    """One ``documents[]`` entry of the JSON form in shared/spec/extraction.md."""
    return {
        "id": doc_id or source.stem,
        "path": source.path,
        "title": source.title,
        "date": source.date,
        "publisher": source.publisher,
        "language": source.language,
        "marking": source.marking,
        "analysed": extraction.analysed,
        "note": extraction.note,
        "countries": list(extraction.countries),
        "people": [asdict(p) for p in extraction.people],
        "events": [event_to_spec(e) for e in extraction.events],
        "agreements": [asdict(a) for a in extraction.agreements],
        "figures": [asdict(f) for f in extraction.figures],
        "topics": [t.name for t in extraction.topics],
    }
