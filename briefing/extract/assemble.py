"""Turn each parsed Doc into an Extraction, and an Extraction to and from the plain data workers send."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields
from typing import Any

from briefing.extract.layout import doc_text, sentence_of
from briefing.extract.people import keep_known_countries
from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Topic

MAX_PERSON_EVIDENCE = 3


def _plain(item: Any) -> dict[str, Any]:
    row = {f.name: getattr(item, f.name) for f in fields(item)}
    row["evidence"] = [{"start": e.start, "end": e.end, "text": e.text} for e in item.evidence]
    for key, value in row.items():
        if isinstance(value, list) and key != "evidence":
            row[key] = list(value)
    return row


def extraction_to_data(x: Extraction) -> dict[str, Any]:
    """Plain, serialisable data (worker processes hand Docs back as bytes)."""
    return {
        "countries": list(x.countries), "analysed": x.analysed, "note": x.note,
        "people": [_plain(p) for p in x.people], "events": [_plain(e) for e in x.events],
        "agreements": [_plain(a) for a in x.agreements], "figures": [_plain(f) for f in x.figures],
        "topics": [_plain(t) for t in x.topics],
    }


def extraction_from_data(data: dict[str, Any]) -> Extraction:
    def items(cls: type, rows: list[dict[str, Any]]) -> list[Any]:
        out = []
        for row in rows:
            row = dict(row)
            row["evidence"] = [Evidence(**ev) for ev in row.get("evidence", [])]
            out.append(cls(**row))
        return out

    plain = {f.name: data[f.name] for f in fields(Extraction) if f.name in data}
    plain["people"] = items(Person, data.get("people", []))
    plain["events"] = items(Event, data.get("events", []))
    plain["agreements"] = items(Agreement, data.get("agreements", []))
    plain["figures"] = items(Figure, data.get("figures", []))
    plain["topics"] = items(Topic, data.get("topics", []))
    return Extraction(**plain)


def build_extraction(doc: Any) -> Extraction:
    """The items of one parsed source. A source with no event and no agreement (unless it is a statement between
    countries, _a_statement_between_countries), or that names no country, yields nothing at all: a sports report
    or a weather story has people and figures, but nothing for a briefing."""
    events = list(doc._.bb_events or [])
    agreements = list(doc._.bb_agreements or [])
    records = doc._.bb_people or []
    # a country named, or a leader the actor dictionary knows ("Prime Minister Golob and Commission President von
    # der Leyen met in Bled": no country word, a Slovenian leader)
    countries_told = bool(doc._.bb_countries) or any(p.actor is not None and p.country for p in records)
    if not events and not agreements and not _a_statement_between_countries(doc) or not countries_told:
        # nothing happened between countries: a transfer, a merger or a council vote is not for a briefing
        return Extraction(note="no diplomatic content found")
    participants = {n for e in events for n in e.participants} | {e.actor for e in events if e.actor}
    people = [_person(doc, p) for p in records if _keep_person(p, participants)]
    countries = main_countries(doc, records, participants)
    _visitors_and_hosts(people, events, countries)
    keep_known_countries(people, records)  # the actor dictionary's country stands over the guess above
    for a in agreements:
        if not a.parties:
            a.parties = list(countries[:2])
        _name_the_parties(a, countries)
    figures = list(doc._.bb_figures or [])
    topics = list(doc._.bb_topics or [])
    return Extraction(countries=countries, people=people, events=events, agreements=agreements,
                      figures=figures, topics=topics)


MIN_STATEMENT_TOPICS = 3


def _a_statement_between_countries(doc: Any) -> bool:
    """What two or more countries' leaders said together, or one minister's remarks at talks, may tell no meeting
    the event rules read ('the leaders of the GCC countries and the United States affirmed ...'); it is for a briefing
    when it names two countries, at least three areas or issues the topic data knows, and speaks of their relations
    ('bilateral', 'cooperation'). A match report, a weather or a markets story does not."""
    from briefing.extract.topics import speaks_of_relations

    codes = {m.code for m in doc._.bb_countries or []}
    return len(codes) >= 2 and len(doc._.bb_topics or []) >= MIN_STATEMENT_TOPICS and speaks_of_relations(doc_text(doc))


def _a_topic(doc: Any, code: str) -> bool:
    """The country is one of the source's topics ('Yemen', 'war in Ukraine'): the topic rules read it as discussed."""
    from briefing.extract.countries import name_of

    name = name_of(code)
    return bool(name) and any(re.search(rf"\b{re.escape(name)}\b", t.name) for t in doc._.bb_topics or [])


def _visitors_and_hosts(people: list[Person], events: list[Any], countries: list[str]) -> None:
    """A visitor does not come from the country visited, and the people a visitor calls on there are its hosts."""
    from briefing.extract.countries import code_of

    by_name = {p.name: p for p in people}
    for e in events:
        if e.type != "visit" or not e.actor or e.actor not in by_name or not e.location:
            continue
        dest = code_of(e.location)
        visitor = by_name[e.actor]
        if dest and visitor.country == dest and len(countries) >= 2:
            visitor.country = next((c for c in countries if c != dest), visitor.country)
        if not dest:
            continue
        for m in events:
            if m.type in {"meeting", "talks"} and m.actor == e.actor and m.recipient in by_name:
                host = by_name[m.recipient]
                if host.country in (None, visitor.country):
                    host.country = dest


def _name_the_parties(a: Any, countries: list[str]) -> None:
    """A bare "roadmap" or "digital partnership" is named after its parties: "Spain–Morocco roadmap"."""
    from briefing.extract.countries import code_of, name_of

    words = a.title.split()
    if a.kind not in {"partnership", "framework", "declaration", "programme", "agreement", "treaty"} or len(countries) < 2 \
            or len(words) > 3 or any(code_of(w.strip("–-")) for w in words) or a.title[:1].isupper() and len(words) > 1 \
            and words[1][:1].isupper():
        return
    parties = "–".join(name_of(c) for c in countries[:2])
    a.title = f"{parties} {a.title[:1].lower()}{a.title[1:]}"


def _keep_person(p: Any, participants: set[str]) -> bool:
    if p.analyst:
        return False
    if p.name in participants or p.title:
        return True
    return len(p.mentions) >= 2 or p.speaker


def _person(doc: Any, p: Any) -> Person:
    evidence = []
    for m in p.mentions:
        sent = sentence_of(doc, m.start)
        ev = Evidence.of(doc_text(doc), sent.start_char, _trim(doc_text(doc), sent.start_char, sent.end_char))
        if ev not in evidence:
            evidence.append(ev)
        if len(evidence) >= MAX_PERSON_EVIDENCE:
            break
    return Person(name=p.name, title=p.title, country=p.country, aliases=list(p.aliases), evidence=evidence)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def main_countries(doc: Any, records: list[Any], participants: set[str]) -> list[str]:
    """The source's main countries: most named (the title counts double) and those of the people taking part;
    two as a rule, a third only when named nearly as much as the second."""
    score: Counter = Counter()
    first: dict[str, int] = {}
    for cm in doc._.bb_countries or []:
        score[cm.code] += 0.5 if cm.kind == "capital" else 1.0
        first.setdefault(cm.code, cm.start)
    from briefing.extract.countries import find_title_countries

    for code in find_title_countries(doc._.source_title or ""):
        score[code] += 2.0
        first.setdefault(code, -1)
    for p in records:
        if p.country and p.name in participants:
            score[p.country] += 1.5
            first.setdefault(p.country, 10**9)
    ranked = sorted(score, key=lambda c: (-score[c], first[c]))
    taking_part = {p.country for p in records if p.country and p.name in participants}
    discussed = [c for c in ranked if c not in taking_part and _a_topic(doc, c)]
    if discussed and len(ranked) - len(discussed) >= 2:
        # the war two ministers discussed ("... the situation in Yemen") is what they spoke of, not a side
        ranked = [c for c in ranked if c not in discussed]
    if len(ranked) <= 2:
        return ranked
    out = ranked[:2]
    for c in ranked[2:]:
        if score[c] >= 0.75 * score[ranked[1]] and score[c] >= 3:
            out.append(c)
    return out
