"""THE one place a brief becomes the structure templates see (documented in templates/README.md).

``build_context(library, brief_id)`` reads the brief's lines in the brief's order,
turns each item into a ``line`` (its wording: the brief's own or a generated
sentence, and its citation into the numbered sources), and groups the lines
into the sections the templates lay out. Templates see this dict and nothing
else; ``CONTEXT_KEYS`` lists its top-level keys for the template contract test.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from briefing.brief.errors import BriefError
from briefing.brief.marking import highest
from briefing.brief.text import (
    country_name,
    format_date,
    format_figure,
    join_words,
    kind_label,
    period_end,
)
from briefing.model import DEFAULT_MARKING

CONTEXT_KEYS = (
    "meta", "purpose", "key_points", "lines", "exchanges", "agreements", "proposals", "talking_points",
    "register", "figures", "areas", "people", "notes", "sources",
)
# Which section a line of each kind falls in (agreements split further into agreements / proposals).
SECTION_OF_KIND = {
    "event": "exchanges", "agreement": "agreements", "figure": "figures",
    "topic": "areas", "person": "people", "note": "notes",
}
# Statuses that leave something still to do: the visit brief's talking points come from these.
OPEN_STATUSES = ("agreed", "proposed", "planned", "negotiating")
DONE_STATUSES = ("signed", "renewed", "in-force", "established", "upgraded")
TOC_MIN_LINES = 15  # a brief with more lines than this runs past a few pages: open it with a table of contents
EXPIRY_WINDOW_DAYS = 365

_EVENT_WORD = {
    "visit": "Visit", "meeting": "Meeting", "talks": "Talks", "call": "Call", "signing": "Signing",
    "conference": "Conference", "ceremony": "Ceremony", "statement": "Statement", "other": "Exchange",
}


@dataclass
class _Sources:
    """Numbers sources in the order the brief first cites them."""

    rows: dict[int, Any]
    numbers: dict[int, int] = field(default_factory=dict)

    def cite(self, source_ids: list[int]) -> list[int]:
        out = []
        for sid in source_ids:
            if sid not in self.rows:
                continue
            if sid not in self.numbers:
                self.numbers[sid] = len(self.numbers) + 1
            if self.numbers[sid] not in out:
                out.append(self.numbers[sid])
        return sorted(out)


def cite_text(numbers: list[int]) -> str:
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


_SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


def note_text(numbers: list[int]) -> str:
    """Footnote-style citation marks: [1, 3] -> '¹˒³' (superscript digits, so the line reads on)."""
    return ",".join(str(n) for n in numbers).translate(_SUPERSCRIPT) if numbers else ""


def _norm_title(text: str | None) -> str:
    words = re.sub(r"[^\w\s]", " ", (text or "").lower()).split()
    stop = {"the", "a", "an", "on", "of", "for", "and", "in", "to", "renewed", "new"}
    return " ".join(w for w in words if w not in stop)


def _brief_date(value: str | None) -> date:
    if value:
        try:
            return date.fromisoformat(value[:10]) if len(value) >= 10 else (period_end(value) or date.today())
        except ValueError:
            pass
    return date.today()


class _Wording:
    """Generates the default sentence for an item, with people titled and countries named."""

    def __init__(self, titles: dict[str, str], own_country: str | None) -> None:
        self.titles = titles
        self.own = (own_country or "").upper() or None
        self.signed: dict[int, str] = {}  # signing event id -> the agreement's title
        self.countries: dict[int, list[str]] = {}  # event naming no one -> its countries

    def person(self, name: str) -> str:
        title = self.titles.get(name.lower())
        if title and not name.lower().startswith(title.lower()):
            return f"{title} {name}"
        return name

    def country(self, code: str | None) -> str:
        return country_name(code)

    def party(self, code: str | None) -> str:
        """A country as the brief speaks of it: the user's own is 'us'."""
        return "us" if code and self.own and code.upper() == self.own else country_name(code)

    def event(self, f: dict, *, own_summary: bool = False, signed: str = "", countries: list[str] = ()) -> str:
        """The user's own summary if they wrote one; else a sentence from the fields, people titled.

        The extractor's summary is a tree label ("A and B: meeting"), not prose for a minister.
        ``signed`` is the title of the agreement a signing signed; ``countries`` (codes) word an event
        that names no one ("Planned exchange between Singapore and Vietnam").
        """
        summary = (f.get("summary") or "").strip()
        if summary and own_summary:
            return summary
        word = _EVENT_WORD.get(f.get("type") or "other", "Exchange")
        if f.get("status") == "planned":
            word = f"Planned {word.lower()}"
        if signed:
            word = f"{word} of {_lower_first(signed)}"
        actor, recipient = f.get("actor"), f.get("recipient")
        names = [self.person(p) for p in f.get("participants") or []]
        if f.get("type") == "visit" and actor:
            # a visit's place is the country or city visited; its recipient is the host, a person
            place = f.get("location")
            text = f"{word} by {self.person(actor)}" + (f" to {place}" if place else "")
            if recipient:
                text += f" at the invitation of {self.person(recipient)}"
        elif actor and recipient:
            text = f"{word} between {self.person(actor)} and {self.person(recipient)}"
        elif len(names) > 1:
            text = f"{word} between {join_words(names)}"
        elif names:
            text = f"{word} with {join_words(names)}"
        elif len(countries) > 1:
            text = f"{word} between {join_words([self.country(c) for c in countries])}"
        elif countries:
            text = f"{word} with {self.country(countries[0])}"
        else:
            text = word
        if f.get("location") and f.get("type") != "visit":
            text += f" in {f['location']}"
        return text

    def agreement(self, f: dict) -> str:
        return (f.get("title") or kind_label(f.get("kind")) or "Agreement").strip()

    def proposal(self, f: dict) -> str:
        text = self.agreement(f)
        who = self.party(f.get("proposer")) if f.get("proposer") else ""
        to = self.party(f.get("addressee")) if f.get("addressee") else ""
        if who == "us":
            who = "we"
        if who and to:
            return f"{text} (proposed by {who} to {to})" if who != "we" else f"{text} (our proposal to {to})"
        if who:
            return f"{text} (proposed by {who})" if who != "we" else f"{text} (our proposal)"
        return text

    def figure(self, f: dict) -> str:
        value = format_figure(f.get("value"), f.get("unit"))
        what = (f.get("what") or "").strip()
        text = f"{what[:1].upper()}{what[1:]}: {value}" if what else value
        if f.get("period"):
            text += f" ({format_date(f['period'])})"
        return text

    def person_line(self, f: dict) -> str:
        name = f.get("name") or ""
        text = f"{name}, {f['title']}" if f.get("title") else name
        if f.get("country"):
            text += f" ({self.country(f['country'])})"
        return text

    def note(self, f: dict) -> str:
        title, text = (f.get("title") or "").strip(), (f.get("text") or "").strip()
        return f"{title}: {text}" if title and text else (text or title)


_GENERIC_OPENING = {
    "agreement", "agreements", "renewed", "new", "joint", "memorandum", "protocol", "convention", "treaty",
    "programme", "program", "partnership", "framework", "declaration", "plan", "strategic", "comprehensive",
    "letter", "statement", "exchange", "contract", "deal", "accord", "mou", "arrangement", "roadmap",
}


_LINKING_WORDS = {"of", "on", "for", "and", "the", "in", "to", "between", "with", "a", "an"}


def _lower_first(title: str) -> str:
    """'Renewed agreement on X' -> 'the renewed agreement on X'; 'Study Visit Programme' -> 'the Study Visit
    Programme' (a name keeps its capitals; a title opening with an article keeps it)."""
    title = title.strip()
    words = title.split()
    first = words[0] if words else ""
    if first.lower() in ("the", "a", "an"):
        return title[:1].lower() + title[1:]
    # sentence case ("Renewed agreement on X") starts lower; a name ("Memorandum of Understanding") does not
    following = next((w for w in words[1:] if w.lower() not in _LINKING_WORDS), "")
    if first.lower() in _GENERIC_OPENING and first[1:].islower() and following[:1].islower():
        title = title[:1].lower() + title[1:]
    return f"the {title}"


def _overlaps(a, b) -> bool:
    return a.source_id == b.source_id and a.start < b.end and b.start < a.end


def _signed_titles(library, items) -> dict[int, str]:
    """Signing event id -> title of the agreement it signed: the agreement stated by the same words of the
    same source (one sentence says "X and Y signed the Z agreement")."""
    from briefing.library import Query

    found: dict[int, str] = {}
    for event in items:
        if event.kind != "event" or event.fields.get("type") != "signing" or not event.evidence:
            continue
        candidates: dict[int, object] = {}
        try:
            for sid in {e.source_id for e in event.evidence}:
                for agreement in library.items(library.query(Query(kind="agreement", source_id=sid))):
                    candidates.setdefault(agreement.id, agreement)
        except (AttributeError, TypeError):  # a stand-in library without queries: the brief's own agreements
            candidates = {it.id: it for it in items if it.kind == "agreement"}
        for agreement in candidates.values():
            title = (agreement.fields.get("title") or "").strip()
            if title and any(_overlaps(a, b) for a in agreement.evidence for b in event.evidence):
                found[event.id] = title
                break
    return found


def _unnamed_event_countries(library, items) -> dict[int, list[str]]:
    """Countries involved in events that name no participant, to word them ("between Singapore and Vietnam")."""
    ids = [it.id for it in items if it.kind == "event" and not it.fields.get("participants")]
    if not ids:
        return {}
    try:
        return {row.id: list(row.countries) for row in library.rows(ids)}
    except (AttributeError, TypeError):
        return {}


def _titles(library, items) -> dict[str, str]:
    """Name (and alias) -> title for every person the library knows, so participants read with titles."""
    titles: dict[str, str] = {}
    people = [it for it in items if it.kind == "person"]
    try:
        from briefing.library import Query

        ids = library.query(Query(kind="person"))
        people = library.items(ids) + people
    except (AttributeError, TypeError):  # a stand-in library without queries: the brief's own people
        pass
    for person in people:
        title = (person.fields.get("title") or "").strip()
        if not title:
            continue
        for name in [person.fields.get("name") or ""] + list(person.fields.get("aliases") or []):
            if name:
                titles.setdefault(name.lower(), title)
    return titles


def _settled(library, items) -> tuple[set[str], list[dict]]:
    """Agreements the library records as signed/completed (normalised titles with dates) and held events."""
    from briefing.library import Query

    done: dict[str, list[str | None]] = {}
    held: list[dict] = []
    try:  # only the finished ones: a big library has many agreements and events
        for status in DONE_STATUSES:
            for it in library.items(library.query(Query(kind="agreement", status=status))):
                done.setdefault(_norm_title(it.fields.get("title")), []).append(it.fields.get("date"))
        if any(it.kind == "event" and it.fields.get("status") == "planned" for it in items):
            held = [it.fields for it in library.items(library.query(Query(kind="event", status="held")))]
    except (AttributeError, TypeError):
        pass
    return done, held


def _later(later: str | None, earlier: str | None) -> bool:
    """True when ``later`` is on or after ``earlier`` at the coarser of their precisions (unknown -> True)."""
    if not later or not earlier:
        return True
    n = min(len(later), len(earlier))
    return later[:n] >= earlier[:n]


def _talking_point(line: dict, own: str | None) -> str:
    if line["kind"] == "event":
        return "Prepare for"
    status = line.get("status")
    if status == "proposed" or line.get("type") == "proposal":
        proposer = (line.get("proposer_code") or "").upper()
        if own and proposer == own:
            return "Press for a response to our proposal"
        return "Respond to the proposal" if proposer else "Take forward the proposal"
    return {"agreed": "Follow up on implementation", "planned": "Confirm arrangements",
            "negotiating": "Seek to conclude"}.get(status or "", "Follow up")


def build_context(
    library,
    brief_id: int | None,
    *,
    item_ids: list[int] | None = None,
    own_country: str | None = None,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The template context for a brief (or, with ``brief_id=None``, for ``item_ids`` in that order).

    ``own_country`` (ISO code) is the user's country, the brief's "we"; None reads it from the settings.
    ``overrides`` replaces the brief's title, recipient, prepared_by, marking, date, purpose or key_points.
    """
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    from briefing.settings import Settings

    settings = Settings.load()
    if own_country is None:
        own_country = settings.own_country
    own = (own_country or "").upper() or None

    brief = None
    if brief_id is not None:
        from briefing.library import NotFound

        try:
            brief = library.brief(brief_id)
        except (NotFound, KeyError, LookupError) as exc:
            raise BriefError(f"No brief with id {brief_id}") from exc
        order = [(ln.item_id, ln.wording) for ln in sorted(brief.lines, key=lambda ln: ln.position)]
    else:
        order = [(i, None) for i in (item_ids or [])]

    items = library.items([i for i, _ in order]) if order else []
    by_id = {it.id: it for it in items}
    sources = _Sources({row.id: row for row in library.sources()})
    wording = _Wording(_titles(library, items), own)
    wording.signed = _signed_titles(library, items)
    wording.countries = _unnamed_event_countries(library, items)
    when = str(overrides.get("date") or (brief.date if brief else None) or date.today().isoformat())
    today = _brief_date(when)

    lines: list[dict[str, Any]] = []
    countries: Counter[str] = Counter()
    for item_id, own_wording in order:
        item = by_id.get(item_id)
        if item is None:  # deleted since it was picked: nothing to say about it
            continue
        line = _line(item, own_wording, wording, sources, today)
        lines.append(line)
        countries.update(line["countries"])

    done, held = _settled(library, items) if any(ln["kind"] in ("agreement", "event") for ln in lines) else ({}, [])
    for line in lines:
        line["open"] = _is_open(line, done, held, today)
        if line["open"]:
            line["action"] = _talking_point(line, own)

    names = [country_name(c) for c, _ in countries.most_common() if c.upper() != own]
    we = country_name(own) if own else ""
    sources_list = [_source(sources.rows[sid], n) for sid, n in sorted(sources.numbers.items(), key=lambda kv: kv[1])]
    if brief is None and not overrides.get("marking"):
        # items rendered without a brief have no marking chosen by anyone: take the highest they cite
        overrides["marking"] = highest(s["marking"] for s in sources_list)
    meta = _meta(brief, overrides, when, we, own, names, len(lines), settings.prepared_by or "")

    key_points = _key_points(overrides.get("key_points", brief.key_points if brief else ""))
    notes = [ln for ln in lines if ln["section"] == "notes"]
    if not key_points and notes:  # the brief's own notes are its key points until the officer writes some
        key_points = [ln["text"] for ln in notes]
        for ln in notes:
            ln["section"] = "key_points"
        notes = []
    purpose = " ".join(str(overrides.get("purpose", brief.purpose if brief else "") or "").split())

    agreements = [ln for ln in lines if ln["section"] == "agreements"]
    proposals = [ln for ln in lines if ln["section"] == "proposals"]
    register = sorted(agreements + proposals, key=lambda ln: (ln["date"] or ln["valid_from"] or "9999", ln["text"].lower()))
    return {
        "meta": meta,
        "purpose": purpose,
        "key_points": key_points,
        "lines": lines,
        "exchanges": [ln for ln in lines if ln["section"] == "exchanges"],
        "agreements": agreements,
        "proposals": proposals,
        "talking_points": [ln for ln in lines if ln["open"]],
        "register": register,
        "figures": [ln for ln in lines if ln["section"] == "figures"],
        "areas": [ln for ln in lines if ln["section"] == "areas"],
        "people": [ln for ln in lines if ln["section"] == "people"],
        "notes": notes,
        "sources": sources_list,
    }


def _key_points(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        raw = [str(v) for v in value]
    else:
        raw = str(value or "").splitlines()
    return [re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s*", "", p).strip() for p in raw if p.strip()]


def _meta(brief, overrides, when, we, own, counterparts, count, prepared_by: str) -> dict[str, Any]:
    """The title block; ``prepared_by`` is the user's default from Preferences, used when the brief has none."""
    title = overrides.get("title") or (brief.title if brief else "")
    if not title:
        if we and counterparts:
            title = f"{we}–{counterparts[0]} relations"
        elif len(counterparts) >= 2:
            title = f"{counterparts[0]}–{counterparts[1]} relations"
        else:
            title = (brief.name if brief else "") or "Briefing"
    marking = str(overrides.get("marking") or (brief.marking if brief else "") or DEFAULT_MARKING).upper()
    return {
        "title": title,
        "recipient": overrides.get("recipient") or (brief.recipient if brief else "") or "",
        "prepared_by": overrides.get("prepared_by") or (brief.prepared_by if brief else "") or prepared_by,
        "date": when,
        "date_text": format_date(when),
        "marking": marking,
        "we": we,
        "we_code": own or "",
        "counterparts": counterparts,
        "counterpart": counterparts[0] if counterparts else "",
        "brief_name": brief.name if brief else "",
        "line_count": count,
        "toc": count > TOC_MIN_LINES,
        # the build option "keep empty sections": their headings stay, with a line saying there is nothing
        "keep_empty": bool(overrides.get("keep_empty")),
    }


def _source(row, n: int) -> dict[str, Any]:
    from pathlib import PurePath

    file_name = PurePath(row.path).name
    title = (row.title or "").strip() or file_name
    publisher = (getattr(row, "publisher", None) or "").strip()
    author = (getattr(row, "author", None) or "").strip()
    url = (getattr(row, "url", None) or "").strip()
    accessed = getattr(row, "accessed", None) or ""
    parts = [title] + [p for p in (publisher, format_date(row.date)) if p]
    return {
        "n": n, "id": row.id, "title": title, "publisher": publisher, "author": author, "url": url,
        "date": row.date or "", "date_text": format_date(row.date), "accessed": accessed,
        "accessed_text": format_date(accessed), "file_name": file_name,
        "marking": row.marking, "path": row.path, "mark": cite_text([n]), "note": note_text([n]),
        "label": _join_label(parts[0], parts[1:]),
        "citation": citation(title, publisher, author, format_date(row.date), url, format_date(accessed), file_name),
    }


def citation(title: str, publisher: str, author: str, date_text: str, url: str, accessed_text: str,
             file_name: str) -> str:
    """The house style: "Publisher, 'Title', author, date, URL (accessed 2 December 2026)".

    Parts that are not known are left out; a source with no address names its file instead, so a reader
    can still find it ("..., file readout.pdf").
    """
    parts = [publisher, f"‘{title}’", author, date_text]
    if url:
        parts.append(f"{url} (accessed {accessed_text})" if accessed_text else url)
    elif file_name and file_name != title:
        parts.append(f"file {file_name}")
    return ", ".join(p for p in parts if p)


def _join_label(title: str, rest: list[str]) -> str:
    """'Title. Publisher, 23 June 2021' without doubling a title's own closing punctuation."""
    if not rest:
        return title
    return f"{title}{'' if title[-1:] in '.!?…' else '.'} {', '.join(rest)}"


def _line(item, own_wording: str | None, wording: _Wording, sources: _Sources, today: date) -> dict[str, Any]:
    f = item.fields
    kind = item.kind
    cites = sources.cite(list(item.source_ids) or sorted({e.source_id for e in item.evidence}))
    line: dict[str, Any] = {
        "id": item.id, "kind": kind, "section": SECTION_OF_KIND.get(kind, "notes"),
        "cites": cites, "cite": cite_text(cites), "cite_note": note_text(cites), "edited": bool(own_wording),
        "date": f.get("date") or None, "date_text": format_date(f.get("date")),
        "status": f.get("status") or "", "status_label": kind_label(f.get("status")),
        "type": f.get("type") or f.get("kind") or "", "type_label": "", "countries": [],
        "valid_from": None, "valid_to": None, "validity": "", "flag": "", "expired": False, "expiring": False,
        "open": False, "action": "",
    }
    if kind == "event":
        participants = [wording.person(p) for p in f.get("participants") or []]
        signed, countries = wording.signed.get(item.id, ""), wording.countries.get(item.id, [])
        line.update(
            generated=wording.event(f, own_summary="summary" in item.edits, signed=signed, countries=countries),
            type_label=_EVENT_WORD.get(f.get("type") or "other", "Exchange"), signed=signed,
            participants=participants, participants_text=join_words(participants),
            participant_names=list(f.get("participants") or []),
            place=f.get("location") or "", date_end=f.get("date_end") or None,
        )
        if f.get("status") == "planned":
            line["status_label"] = "Planned"
        # For tables whose other columns already name the people and the place: what happened, in a word
        # or two, unless the officer worded it (for this brief, or on the item itself).
        own_summary = (f.get("summary") or "").strip() if "summary" in item.edits else ""
        word = "Planned " + line["type_label"].lower() if f.get("status") == "planned" else line["type_label"]
        if signed:
            word = f"{word} of {_lower_first(signed)}"
        elif not participants and not line["place"] and countries:
            # nobody and nowhere named: the other columns are empty, so the headline says between whom
            word = wording.event(f, countries=countries)
        line["headline"] = (own_wording or "").strip() or own_summary or word
    elif kind == "agreement":
        proposal = f.get("kind") == "proposal" or f.get("status") == "proposed"
        parties = [c for c in f.get("parties") or [] if c]
        line.update(
            section="proposals" if proposal else "agreements",
            generated=wording.proposal(f) if proposal else wording.agreement(f),
            title=f.get("title") or "", type_label=kind_label(f.get("kind")),
            parties=[country_name(c) for c in parties], parties_text=join_words([country_name(c) for c in parties]),
            countries=parties, proposer=wording.party(f.get("proposer")) if f.get("proposer") else "",
            proposer_code=f.get("proposer") or "", addressee=wording.party(f.get("addressee")) if f.get("addressee") else "",
            valid_from=f.get("valid_from") or None, valid_to=f.get("valid_to") or None,
        )
        line["validity"] = _validity(line["valid_from"], line["valid_to"])
        end = period_end(line["valid_to"])
        if end is not None:
            line["expired"] = end < today
            line["expiring"] = not line["expired"] and end <= today + timedelta(days=EXPIRY_WINDOW_DAYS)
            line["flag"] = "Expired" if line["expired"] else ("Expires within 12 months" if line["expiring"] else "")
    elif kind == "figure":
        line.update(generated=wording.figure(f), value_text=format_figure(f.get("value"), f.get("unit")),
                    what=f.get("what") or "", period=f.get("period") or "", date=f.get("period") or None,
                    date_text=format_date(f.get("period")))
    elif kind == "person":
        line.update(generated=wording.person_line(f), name=f.get("name") or "", title=f.get("title") or "",
                    country=country_name(f.get("country")))
        if f.get("country"):
            line["countries"] = [f["country"]]
    elif kind == "topic":
        name = (f.get("name") or "").strip()
        line.update(generated=name[:1].upper() + name[1:], name=name)
    else:
        line.update(generated=wording.note(f), title=f.get("title") or "")
    line["text"] = (own_wording or "").strip() or line["generated"]
    return line


def _validity(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if end:
        return f"until {format_date(end)}"
    if start:
        return f"from {format_date(start)}"
    return ""


def _is_open(line: dict, done: dict[str, list], held: list[dict], today: date) -> bool:
    """Open commitments and proposals: agreed, proposed, planned or negotiating and not later signed or held."""
    if line["kind"] == "agreement":
        if line["status"] not in OPEN_STATUSES:
            return False
        key = _norm_title(line.get("title"))
        return not any(_later(d, line["date"]) for d in done.get(key, [])) if key else True
    if line["kind"] == "event" and line["status"] == "planned":
        names = {p.lower() for p in line.get("participant_names") or []}
        for ev in held:
            if ev.get("type") != line["type"] or not _later(ev.get("date"), line["date"]) or not ev.get("date"):
                continue
            if ev.get("date") == line["date"] and not names:
                return False
            theirs = {p.lower() for p in ev.get("participants") or []}
            if names & theirs or (line["place"] and ev.get("location") == line["place"]):
                return False
        return True
    return False
