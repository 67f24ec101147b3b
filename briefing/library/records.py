"""What the library hands out: light rows for lists and trees, full records for detail views.

These are the library's public value types; the window, the command line and
brief rendering use them and never see SQLite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EvidenceRef:
    """A piece of evidence for an item: a span of one source's stored text."""

    id: int
    source_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SourceRow:
    id: int
    path: str
    title: str
    date: str | None
    publisher: str | None
    marking: str
    language: str
    format: str
    analysed: bool
    note: str | None  # "not analysed (language: fr)"
    sha256: str
    item_count: int = 0
    author: str | None = None
    url: str | None = None
    accessed: str | None = None  # ISO date the document was read (imported, unless edited)

    @property
    def file_name(self) -> str:
        """The imported file's name, without its folder."""
        from pathlib import PurePath

        return PurePath(self.path).name


# The source fields an officer may correct (``Library.edit_source``); the rest is the file's own.
SOURCE_EDITABLE = ("title", "publisher", "author", "url", "date", "accessed", "marking")


@dataclass(frozen=True)
class SourceRecord(SourceRow):
    text: str = ""


@dataclass(frozen=True)
class ItemRow:
    """What a tree row shows: cheap to fetch by the hundred."""

    id: int
    kind: str  # event, agreement, person, figure, topic, note
    date: str | None
    label: str  # a short title an officer scans for
    status: str | None  # event/agreement status, figure unit...
    type: str | None  # event type, agreement kind
    countries: tuple[str, ...]  # ISO codes involved (parties, participants' countries)
    edited: bool  # the user changed something
    source_ids: tuple[int, ...]


@dataclass
class Item:
    """One item with everything about it.

    ``fields`` is the effective value (machine values overlaid by the user's
    edits); ``machine`` and ``edits`` are kept apart so re-extraction never
    overwrites what the user changed. ``fields`` keys are those of the
    matching dataclass in ``briefing.model`` (``Event``, ``Agreement``,
    ``Person``, ``Figure``, ``Topic``) minus ``evidence``; a note has
    ``title`` and ``text``.
    """

    id: int
    kind: str
    fields: dict[str, Any]
    machine: dict[str, Any]
    edits: dict[str, Any]
    evidence: list[EvidenceRef] = field(default_factory=list)
    source_ids: list[int] = field(default_factory=list)

    @property
    def edited(self) -> bool:
        return bool(self.edits)


@dataclass(frozen=True)
class BriefRow:
    id: int
    name: str
    item_count: int


@dataclass
class BriefLine:
    item_id: int
    position: int
    wording: str | None = None  # this brief's own wording; None = the item's own


@dataclass
class Brief:
    id: int
    name: str
    title: str = ""
    recipient: str = ""
    prepared_by: str = ""
    marking: str = "UNCLASSIFIED"
    purpose: str = ""
    key_points: str = ""
    date: str | None = None  # the brief's date (ISO); None = today when rendered
    lines: list[BriefLine] = field(default_factory=list)


@dataclass(frozen=True)
class ImportFailure:
    path: str
    reason: str


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)  # same sha256 already in the library
    failed: list[ImportFailure] = field(default_factory=list)
    skipped: list[ImportFailure] = field(default_factory=list)  # in a folder, of a type no loader reads
    empty: list[ImportFailure] = field(default_factory=list)  # imported, but nothing found in it (and why)
    cancelled: bool = False


@dataclass(frozen=True)
class Change:
    """Sent to subscribers after each committed step (and after undo/redo).

    ``what`` is one of "items-added", "items-changed", "items-removed",
    "sources-added", "sources-changed" (a source's citation details), "sources-removed", "briefs", "picks",
    "reset" (anything
    may have changed: reload).
    """

    what: str
    ids: tuple[int, ...] = ()
    step: str | None = None  # the undoable step's name


@dataclass(frozen=True)
class ImportResult:
    """What became of one file during an import (yielded by ``Library.import_iter``)."""

    path: str
    status: str  # "imported", "present" (same sha256 already in the library) or "failed"
    reason: str | None = None  # why it failed
    source_id: int | None = None  # the new source, or the one already present
    done: int = 0  # files finished so far, this one included
    total: int = 0  # files found in the given paths


_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_source_edit(name: str, value: Any) -> Any:
    """The value to store for an officer's correction of a source field; ValueError says what is wrong.

    Empty text clears a field (None), except the title, which is kept as "" (the file name stands in).
    Dates are ISO at any precision ("2021", "2021-06", "2021-06-21"), as items' dates are.
    """
    from briefing.model import MARKINGS

    if name not in SOURCE_EDITABLE:
        raise ValueError(f"a source has no editable field {name!r} (one of: {', '.join(SOURCE_EDITABLE)})")
    text = " ".join(str(value).split()) if value is not None else ""
    if name == "title":
        return text
    if name == "marking":
        marking = text.upper()
        if marking not in MARKINGS:
            raise ValueError(f"unknown security marking {value!r} (one of: {', '.join(MARKINGS)})")
        return marking
    if not text:
        return None
    if name in ("date", "accessed") and (not _ISO_DATE.match(text) or not _valid_iso(text)):
        raise ValueError(f"{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    if name == "url" and " " in text:
        raise ValueError(f"a URL has no spaces: {value!r}")
    return text


def _valid_iso(text: str) -> bool:
    from datetime import date

    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True
