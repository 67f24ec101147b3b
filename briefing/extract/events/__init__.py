"""Events: visits, meetings, talks, calls, signings, conferences, ceremonies and briefings.

A trigger (data/event_triggers.json) is a verb ("met", "received", "will travel
to"), a noun ("state visit", "courtesy call", "talks") or a phrase ("spoke by
telephone"); what a verb needs before it makes an event is data too
(data/event_verbs.json). Participants come from the dependency parse: the subject
and the object or the "with"/"on"/"between" phrase, a possessive ("Ishiba's
visit"), pronouns and role nouns ("he", "the two leaders", "the President")
resolved to the people already found (cast.py); "met A, B and C" gives one event
per person met. Held or planned is read from the verb group (data/tense_words.json),
the date from the event's own clause (timing.py), and a date after publication
makes an event planned. The tellings of one happening are merged (merge.py).

Modules: triggers (where), verbs and nouns (what, who), grammar (the parse),
cast (people), timing (when), merge (one item per happening), lexicon (data).
"""

from __future__ import annotations

from datetime import date as Day
from typing import Any

from briefing.extract.countries import code_of
from briefing.extract.events.cast import Cast, different_sides
from briefing.extract.events.found import Found
from briefing.extract.events.lexicon import lex
from briefing.extract.events.merge import merge
from briefing.extract.events.timing import (
    dates_for,
    day_shift,
    old_picture,
    told_at_end,
    told_by_reference,
    visit_start,
)
from briefing.extract.events.triggers import find_triggers
from briefing.extract.layout import passed_over
from briefing.model import Event

__all__ = ["find_events"]


def find_events(doc: Any) -> list[Event]:
    people = Cast(doc, doc._.bb_people or [])
    pub = doc._.pub_date
    records: list[tuple[Found, str | None, str | None]] = []
    for sent in doc.sents:
        if passed_over(doc, sent) or old_picture(doc, sent):
            continue
        found = find_triggers(doc, sent, people)
        dates = dates_for(doc, sent, found)
        anchored = _has_country(doc, sent)
        for k, f in enumerate(found):
            if not f.participants and not anchored:
                continue  # "the city council will hold a meeting": nothing between countries
            if _home_trip(f, doc):
                continue  # "before departing for Islamabad": a Pakistani minister going home is no visit
            date, date_end = dates.get(k, (None, None))
            if date is None:  # "After the talks, they witnessed the signing": the talks' day
                date, date_end = _date_of_told(doc, f, records)
            if date is None:  # "had met the President the previous day": dated from the story's day later
                f.day_shift = day_shift(doc, f.trigger)
            date = visit_start(doc, f, date)
            if date and pub and date[:len(pub)] > pub[:len(date)]:
                f.planned = True
            records.append((f, date, date_end))
            if f.type == "visit" and f.actor is not None and not f.planned and not _long_ago(date, pub):
                people.visitors.append(f.actor)  # "the visiting Minister" later: this one, not a visit years back
            if len(f.participants) >= 2 and not f.joins_told:  # those who attended are no pair of the story's
                pair = _two_sides(f.participants)
                if different_sides(pair) or not any(f2.trigger != f.trigger and len(f2.participants) >= 2
                                                    for f2 in found):
                    people.last_pair = pair  # "met X, with her deputy at her side": X is the pair, not the deputy
        people.visit_told = people.visit_told or any(f.type == "visit" for f in found)
        if found:
            people.last_told = found[-1].type
        actors = [f.actor for f in found if f.actor is not None and not f.hosted and not f.joins_told]
        if actors:
            people.center = actors[0]
        if not found:
            pair = people._conj_subject_pair(sent)
            if len(pair) >= 2:
                people.last_pair = pair[:2]
    return merge(doc, records)


def _date_of_told(doc: Any, f: Found, records: list[tuple[Found, str | None, str | None]]) -> tuple[str | None, str | None]:
    """The date of the latest event told before whose noun or type the trigger's clause is timed by."""
    noun = told_by_reference(doc, f)
    if noun is None:
        return None, None
    etype = lex()["nouns"][(noun,)]
    for earlier, date, date_end in reversed(records):
        if date and (doc[earlier.trigger].lower_ == noun or earlier.type == etype):
            if date_end and told_at_end(doc, f):
                return date_end, None  # "At the end of the session (14-16 May), they signed": on its last day
            return date, date_end
    return None, None


def _has_country(doc: Any, sent: Any) -> bool:
    return any(sent.start <= cm.start < sent.end for cm in doc._.bb_countries or [])


def _two_sides(participants: list[Any]) -> list[Any]:
    """The first two participants of different sides ("Lee, the first lady and Ishiba" -> Lee and Ishiba)."""
    first = participants[0]
    other = next((p for p in participants[1:] if different_sides([first, p])), participants[1])
    return [first, other]


_GOING = {"depart", "leave", "head", "return", "fly"}


def _home_trip(f: Found, doc: Any) -> bool:
    """Leaving for a place in the traveller's own country (stated, not guessed): going home, no visit."""
    if f.type != "visit" or not f.location or f.actor is None or not getattr(f.actor, "country_sure", False):
        return False
    return doc[f.trigger].lemma_.lower() in _GOING and code_of(f.location) == f.actor.country


def _long_ago(date: str | None, pub: str | None) -> bool:
    """Whether a date lies more than two weeks before the story's (a backstory's, not the story's own)."""
    if not date or not pub or len(pub) != 10:
        return False
    return date[:7] < pub[:7] if len(date) < 10 else (Day.fromisoformat(pub) - Day.fromisoformat(date)).days > 14
