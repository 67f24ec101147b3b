"""What a trigger reader hands on: one event as the sentence tells it, before dating and merging."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Found:
    type: str
    trigger: int  # token index
    sent: Any
    participants: list[Any] = field(default_factory=list)  # PersonRecord
    actor: Any = None
    recipient: Any = None
    planned: bool = False
    location: str | None = None
    weak: bool = False  # from a verb like "discussed": only names a meeting, never creates one alone
    hosted: bool = False
    told_again: bool = False  # "the session", "the talks": a definite noun that may name an event told before
    joins_told: bool = False  # "It was attended by A and B": these people belong to the event told before
    day_shift: int = 0  # "had met X the previous day": days from the story's day, for an event told undated
    each: bool = False  # "X's programme included talks with A and B": one event of X with each of the others
