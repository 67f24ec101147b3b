"""Rules about kinds that the window and the command line share: which statuses a kind allows, and what a
new item of a kind starts with. (Fields, vocabularies and merge rules per kind are in ``kinds.py``.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from briefing.model import AGREEMENT_STATUSES, EVENT_STATUSES

STATUSES: dict[str, tuple[str, ...]] = {"event": EVENT_STATUSES, "agreement": AGREEMENT_STATUSES}
ADDABLE_KINDS = ("event", "agreement")  # the kinds an officer adds by hand beside notes


def statuses_for(kind: str) -> tuple[str, ...]:
    """The statuses an item of ``kind`` may have; none for kinds without a status."""
    return STATUSES.get(kind, ())


def allows_status(kind: str, status: str) -> bool:
    return status in statuses_for(kind)


def split_by_status(rows: Iterable[Any], status: str) -> tuple[list[int], list[int]]:
    """Ids of the rows (``.id``, ``.kind``) whose kind allows ``status``, and of those it does not."""
    fitting: list[int] = []
    other: list[int] = []
    for row in rows:
        (fitting if allows_status(row.kind, status) else other).append(row.id)
    return fitting, other


def new_item_fields(kind: str, today: dt.date | None = None) -> dict[str, Any]:
    """What an item added by hand starts with: a placeholder the officer overwrites, dated today."""
    date = (today or dt.date.today()).isoformat()
    if kind == "event":
        return {"type": "meeting", "status": "planned", "date": date, "summary": "New event"}
    if kind == "agreement":
        return {"title": "New agreement", "kind": "agreement", "status": "agreed", "date": date}
    raise ValueError(f"items of kind {kind!r} are not added this way")
