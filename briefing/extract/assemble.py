"""Run the pipeline over sources and turn each parsed Doc into an Extraction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields
from typing import Any

from briefing.extract.layout import doc_text, sentence_of
from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source, Topic

MAX_PERSON_EVIDENCE = 3


def run(sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Extraction]:
    """One Extraction per source, in order, streaming: ``sources`` is read only as the pipe needs it.

    Sources not in English go through as empty Docs (nothing to parse) and come back with a note.
    """
    for data in run_data(sources, batch_size=batch_size, n_process=n_process):
        yield extraction_from_data(data)


def run_data(sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """``run``, each Extraction as the plain data ``extraction_to_data`` gives (what a worker sends back)."""
    from briefing.extract.nlp import get_nlp

    nlp = None

    def docs():
        nonlocal nlp
        for s in sources:
            english = (s.language or "en").lower().startswith("en")
            if nlp is None:
                nlp = get_nlp()
            text = (s.text or "") if english else ""
            doc = nlp.make_doc(text)
            doc.user_data["bb_text"] = text  # what layout.doc_text would rebuild from the tokens (spaCy keeps it whole)
            doc._.pub_date = s.date
            doc._.source_title = s.title or ""
            doc._.source_format = s.format or "txt"
            yield doc, (english, s.language)

    stream = docs()
    first = next(stream, None)  # the model loads here, before any worker is started
    if first is None:
        return
    for doc, (english, language) in nlp.pipe(_chain(first, stream), batch_size=batch_size,
                                             n_process=n_process, as_tuples=True):
        if english:
            yield doc.user_data["bb_extraction"]
        else:
            yield extraction_to_data(Extraction(analysed=False, note=f"not analysed (language: {language})"))


def _chain(first, rest):
    yield first
    yield from rest


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
    """The items of one parsed source. A source with no event and no agreement, or that names no country,
    yields nothing at all: a sports report or a weather story has people and figures, but nothing for a briefing."""
    events = list(doc._.bb_events or [])
    agreements = list(doc._.bb_agreements or [])
    if not events and not agreements or not doc._.bb_countries:
        # nothing happened between countries: a transfer, a merger or a council vote is not for a briefing
        return Extraction(note="no diplomatic content found")
    records = doc._.bb_people or []
    participants = {n for e in events for n in e.participants} | {e.actor for e in events if e.actor}
    people = [_person(doc, p) for p in records if _keep_person(p, participants)]
    countries = main_countries(doc, records, participants)
    _visitors_and_hosts(people, events, countries)
    for a in agreements:
        if not a.parties:
            a.parties = list(countries[:2])
        _name_the_parties(a, countries)
    from briefing.extract.countries import home_country

    computed = doc.has_extension("figures") and doc._.figures is not None
    figures = list(doc._.figures) if computed else _figures(doc, home_country(doc, doc._.bb_countries or []),
                                                            doc._.pub_date)
    computed = doc.has_extension("topics") and doc._.topics is not None
    topics = list(doc._.topics) if computed else _topics(doc)
    return Extraction(countries=countries, people=people, events=events, agreements=agreements,
                      figures=figures, topics=topics)


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
    if len(ranked) <= 2:
        return ranked
    out = ranked[:2]
    for c in ranked[2:]:
        if score[c] >= 0.75 * score[ranked[1]] and score[c] >= 3:
            out.append(c)
    return out


def _figures(doc: Any, currency_country: str | None, pub_date: str | None) -> list[Any]:
    try:
        from briefing.extract.figures import extract_figures
    except ImportError:  # built alongside this module
        return []
    try:
        return extract_figures(doc, currency_country=currency_country, pub_date=pub_date)
    except TypeError:  # an older signature without the publication date
        return extract_figures(doc, currency_country=currency_country)


def _topics(doc: Any) -> list[Any]:
    try:
        from briefing.extract.topics import extract_topics
    except ImportError:
        return []
    return extract_topics(doc)
