"""Hand-made sources and extractions for the library tests (no language model needed).

``fake_extract`` reads sentences of a fixed shape, so a test states in plain words what a source says:
"Alice Smith met Bob Jones on 2021-06-21." -> two people and a meeting;
"Alice Smith visited Norway on 2021-06-22." -> a visit; "They signed the Fisheries Agreement." -> an agreement.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source, Topic

_NAME = r"(?:(?P<t{n}>Minister|President|Ambassador) )?(?P<p{n}>[A-ZĐŁØ][\w-]+(?: [A-ZĐŁØ][\w-]+)*)"
MEET = re.compile(_NAME.format(n=1) + r" (?P<verb>met|held talks with|called|received) " + _NAME.format(n=2)
                  + r"(?: in (?P<place>[A-Z]\w+))?(?: on (?P<date>\d{4}-\d{2}(?:-\d{2})?))?\.")
VISIT = re.compile(_NAME.format(n=1) + r" visited (?P<place>[A-Z]\w+)(?: on (?P<date>\d{4}-\d{2}-\d{2}))?\.")
SIGN = re.compile(r"signed the (?P<title>[A-Z][\w ]+?(?:Agreement|Memorandum|Treaty))")
FIGURE = re.compile(r"(?P<value>\d+(?:\.\d+)?) (?P<unit>percent|USD) (?P<what>[a-z ]+)\.")
TOPIC = re.compile(r"about (?P<topic>[a-z ]+)\.")
VERB_TYPES = {"met": "meeting", "held talks with": "talks", "called": "call", "received": "meeting"}


def source(text: str, path: str = "src.txt", date: str | None = None, title: str = "") -> Source:
    return Source(path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title=title or path,
                  date=date)


def _ev(text: str, m: re.Match, group: str | int = 0) -> Evidence:
    return Evidence.of(text, m.start(group), m.end(group))


def extract_one(src: Source) -> Extraction:
    text = src.text
    people: dict[str, Person] = {}
    out = Extraction()

    def person(m: re.Match, n: int) -> str:
        name = m.group(f"p{n}")
        if name not in people:
            people[name] = Person(name=name, title=m.group(f"t{n}") and (m.group(f"t{n}")), evidence=[])
            out.people.append(people[name])
        people[name].evidence.append(_ev(text, m, f"p{n}"))
        return name

    for m in MEET.finditer(text):
        a, b = person(m, 1), person(m, 2)
        out.events.append(Event(type=VERB_TYPES[m.group("verb")], date=m.group("date"), location=m.group("place"),
                                participants=[a, b], actor=a, recipient=b, evidence=[_ev(text, m)]))
    for m in VISIT.finditer(text):
        a = person(m, 1)
        out.events.append(Event(type="visit", date=m.group("date"), location=m.group("place"), participants=[a],
                                actor=a, evidence=[_ev(text, m)]))
    for m in SIGN.finditer(text):
        out.agreements.append(Agreement(title=m.group("title"), status="signed", evidence=[_ev(text, m)]))
    for m in FIGURE.finditer(text):
        out.figures.append(Figure(value=float(m.group("value")), unit=m.group("unit"), what=m.group("what"),
                                  evidence=[_ev(text, m)]))
    for m in TOPIC.finditer(text):
        out.topics.append(Topic(name=m.group("topic"), evidence=[_ev(text, m)]))
    return out


def fake_extract(sources):
    for src in sources:
        yield extract_one(src)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
