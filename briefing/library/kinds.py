"""What the library knows about each kind of item: its fields, label, identity keys and how to combine sources.

An item's ``machine`` values are combined from its contributions (what each
source said); the user's ``edits`` lie over them to give the effective
``fields``. Extra machine keys kept beside the dataclass fields:
``participant_ids`` (events: person item ids), ``titles`` (people: every title
and country with the date of the source that gave it), ``countries`` (codes the
item involves when its own fields do not say), ``seen`` (the latest source date).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from briefing import model
from briefing.library.search import fold, words

# Bump when label/date/keys/search text are computed differently: libraries then rebuild them on open.
DERIVED_VERSION = 4

DATACLASSES: dict[str, type[model.ExtractedItem]] = {
    "person": model.Person,
    "event": model.Event,
    "agreement": model.Agreement,
    "figure": model.Figure,
    "topic": model.Topic,
}
NOTE_FIELDS = ("title", "text")

# Fields whose value must come from a fixed list.
VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("event", "type"): model.EVENT_TYPES,
    ("event", "status"): model.EVENT_STATUSES,
    ("agreement", "kind"): model.AGREEMENT_KINDS,
    ("agreement", "status"): model.AGREEMENT_STATUSES,
}
LIST_FIELDS = {
    ("person", "aliases"), ("event", "participants"), ("agreement", "parties"),
    ("agreement", "topics"), ("agreement", "history"),
}
DATE_FIELDS = {"date", "date_end", "valid_from", "valid_to", "period"}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Words naming the kind of document, not what it is about.
GENERIC_AGREEMENT_WORDS = frozenset([
    "agreement", "memorandum", "memoranda", "understanding", "mou", "treaty", "accord", "protocol", "framework",
    "declaration", "arrangement", "cooperation", "partnership", "programme", "program", "plan", "statement",
    "letter", "intent", "exchange", "note", "deal", "pact", "convention", "charter", "action",
])

EVENT_GROUPS = {"visit": "visit", "meeting": "meet", "talks": "meet", "call": "meet", "signing": "signing"}

_STOPWORDS = frozenset(
    ["the", "a", "an", "and", "of", "on", "in", "for", "to", "with", "between", "by", "at", "from", "its", "their", "this", "that", "as", "is", "are", "was", "were", "be", "new", "joint", "bilateral"]
)


@functools.cache
def field_names(kind: str) -> tuple[str, ...]:
    if kind == "note":
        return NOTE_FIELDS
    cls = DATACLASSES.get(kind)
    if cls is None:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(model.ITEM_KINDS)})")
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "evidence")


@functools.cache
def _defaults(kind: str) -> dict[str, Any]:
    if kind == "note":
        return {"title": "", "text": ""}
    out: dict[str, Any] = {}
    for f in dataclasses.fields(DATACLASSES[kind]):
        if f.name == "evidence":
            continue
        if f.default is not dataclasses.MISSING:
            out[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            out[f.name] = f.default_factory()
        else:
            out[f.name] = None
    return out


def effective(kind: str, machine: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    """The values the user sees: dataclass defaults, then machine values, then the user's edits."""
    out: dict[str, Any] = {}
    for name, default in _defaults(kind).items():  # in one pass: an import asks this of every item it touches
        if name in edits:
            out[name] = edits[name]
        elif name in machine:
            out[name] = machine[name]
        else:
            out[name] = list(default) if isinstance(default, list) else default
    return out


def check_edit(kind: str, field: str, value: Any) -> Any:
    """The value to store for a user edit of ``field``, or ValueError saying what is wrong."""
    names = field_names(kind)
    if field not in names:
        raise ValueError(f"a {kind} has no field {field!r} (fields: {', '.join(names)})")
    vocabulary = VOCABULARIES.get((kind, field))
    if vocabulary and value not in vocabulary:
        raise ValueError(f"{kind} {field} must be one of {', '.join(vocabulary)}, not {value!r}")
    if (kind, field) in LIST_FIELDS:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{kind} {field} is a list of names, e.g. [\"A\", \"B\"] or A, B")
        if field == "parties":
            value = [v.upper() for v in value]
        return value
    if field in DATE_FIELDS and value not in (None, "") and (not isinstance(value, str) or not _ISO_DATE.match(value)):
        raise ValueError(f"{field} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}")
    if field in DATE_FIELDS and value == "":
        return None
    if kind == "figure" and field == "value":
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(f"a figure's value is a number, not {value!r}") from None
    if kind == "person" and field == "country" and isinstance(value, str) and value:
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise ValueError(f"country is a two-letter ISO code such as VN, not {value!r}")
        return value.upper()
    if value is not None and not isinstance(value, str | int | float | bool):
        raise ValueError(f"{kind} {field} takes a single value, not {type(value).__name__}")
    return value


# --- what a list row shows -------------------------------------------------------------------------


def format_number(value: float | None) -> str:
    if value is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.4g} {word}"
    return f"{value:,.10g}"


def label(kind: str, f: dict[str, Any]) -> str:
    if kind == "person":
        return f.get("name") or "(unnamed)"
    if kind == "event":
        kind_word = (f.get("type") or "event").capitalize()
        people = ", ".join(f.get("participants") or [])
        text = f"{kind_word}: {people}" if people else (f.get("summary") or kind_word)
        if f.get("location"):
            text += f" ({f['location']})"
        return text
    if kind == "agreement":
        return f.get("title") or "(untitled agreement)"
    if kind == "figure":
        unit = f.get("unit") or ""
        unit = "%" if unit == "percent" else f" {unit}"
        what = f.get("what") or ""
        return f"{format_number(f.get('value'))}{unit}" + (f": {what}" if what else "")
    if kind == "topic":
        return f.get("name") or ""
    title = (f.get("title") or "").strip()
    return title or (f.get("text") or "").strip().split("\n")[0][:80] or "(empty note)"


def row_values(kind: str, machine: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    """The items table's list columns (date, label, status, type, countries) for these values."""
    f = effective(kind, machine, edits)
    date = status = type_ = None
    countries: list[str] = list(machine.get("countries") or [])
    if kind == "event":
        date, status, type_ = f.get("date"), f.get("status"), f.get("type")
    elif kind == "agreement":
        date, status, type_ = f.get("date") or f.get("valid_from"), f.get("status"), f.get("kind")
        countries = list(f.get("parties") or []) or countries
    elif kind == "person":
        date, type_ = machine.get("seen"), f.get("title")
        countries = [f["country"]] if f.get("country") else countries
    elif kind == "figure":
        period = f.get("period")
        date = period if isinstance(period, str) and _ISO_DATE.match(period) else machine.get("seen")
        status = f.get("unit")
    elif kind == "topic":
        date = machine.get("seen")
    elif kind == "note":
        date = edits.get("date") or machine.get("date")
    countries = sorted({c.upper() for c in countries if c})
    return {
        "date": date,
        "label": label(kind, f),
        "status": status,
        "type": type_,
        "countries": "|" + "|".join(countries) + "|" if countries else "",
    }


def search_body(kind: str, machine: dict[str, Any], edits: dict[str, Any], evidence: list[str]) -> str:
    """The folded text the full-text index holds for an item: its label, every text field, its evidence."""
    return search_text(search_parts(kind, machine, edits), evidence)


def search_parts(kind: str, machine: dict[str, Any], edits: dict[str, Any]) -> list[str]:
    """The item's own words in its search text (its label, every text field, each title held)."""
    f = effective(kind, machine, edits)
    parts = [label(kind, f)]
    for value in f.values():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts += [v for v in value if isinstance(v, str)]
    for entry in machine.get("titles") or []:
        parts.append(entry.get("title") or "")
    return parts


def search_text(parts: list[str], evidence: list[str]) -> str:
    return fold(" ".join(p for p in [*parts, *evidence] if p))


# --- identity --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def content_words(text: str | None) -> frozenset[str]:
    """The words of a title or description that say what it is about (cached: merging asks for the same
    titles again and again)."""
    out: set[str] = set()
    for w in words(text):
        if w in _STOPWORDS or len(w) < 3 or w.isdigit():
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return frozenset(out)


def jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def event_group(event_type: str | None) -> str:
    return EVENT_GROUPS.get(event_type or "", "other")


def person_names(f: dict[str, Any]) -> list[str]:
    names = [f.get("name") or ""] + list(f.get("aliases") or [])
    return [fold(n).strip() for n in names if n and fold(n).strip()]


def identity_keys(kind: str, machine: dict[str, Any], edits: dict[str, Any]) -> set[str]:
    """Lookup keys an item is found by when a new source may be about the same thing."""
    f = effective(kind, machine, edits)
    keys: set[str] = set()
    if edits and kind in ("person", "event", "agreement", "figure", "topic"):
        keys |= identity_keys(kind, machine, {})  # found by what the sources said, too
    if kind == "person":
        keys.update("pn:" + name for name in person_names(f))
        # Words of the name itself (not of aliases, which carry titles: "Mr", "Prime Minister"): a new
        # "Balakrishnan" finds "Vivian Balakrishnan" through them.
        keys.update("pw:" + w for w in fold(f.get("name")).split() if len(w) > 1)
    elif kind == "event":
        # Per person, type group and year: only those can be the same encounter (see ingest._same_event),
        # so a minister with hundreds of events is not read through for each new one.
        ids = machine.get("participant_ids") or []
        group, year = event_group(f.get("type")), (f.get("date") or "?")[:4]
        keys.update(f"ep:{pid}:{group}:{year}" for pid in ids)
        if not ids:
            keys.add(f"ex:{group}:{f.get('date') or '?'}")
    elif kind == "agreement":
        # Words of the subject ("fisheries", not "memorandum": that would fetch every agreement); a title
        # with none is found through its year (it joins only on the same date).
        words = content_words(f.get("title"))
        keys.update("aw:" + w for w in (words - GENERIC_AGREEMENT_WORDS))
        if f.get("date"):
            keys.add("ay:" + f["date"][:4])
    elif kind == "figure" and f.get("value") is not None:
        keys.add(f"fv:{f.get('unit')}:{float(f['value']):.2g}")
    elif kind == "topic":
        name = " ".join(sorted(content_words(f.get("name")))) or fold(f.get("name"))
        if name:
            keys.add("tn:" + name)
    return keys


def lookup_keys(kind: str, data: dict[str, Any]) -> tuple[set[str], list[str]]:
    """The keys, and key prefixes, under which the items a new contribution ``data`` might join are filed."""
    if kind == "event" and data.get("participant_ids"):
        ids, group = data["participant_ids"], event_group(data.get("type"))
        if data.get("date"):
            year = data["date"][:4]
            return {f"ep:{pid}:{group}:{when}" for pid in ids for when in (year, "?")}, []
        # Undated: it joins only an event of the very same two or more people, whatever its year.
        return (set(), [f"ep:{min(ids)}:{group}:"]) if len(ids) >= 2 else (set(), [])
    return identity_keys(kind, data, {}), []


def person_event_keys(person_id: int) -> tuple[str, str]:
    """The range [low, high) of merge keys holding the events a person takes part in."""
    return f"ep:{person_id}:", f"ep:{person_id};"


def fingerprint(kind: str, data: dict[str, Any]) -> str:
    """What one source said an item is, in a form that stays the same when the source is extracted again."""
    if kind == "person":
        return fold(data.get("name"))
    if kind == "event":
        people = sorted(fold(p) for p in data.get("participants") or [])
        return f"{event_group(data.get('type'))}|{data.get('date') or ''}|{'/'.join(people)}"
    if kind == "agreement":
        return " ".join(sorted(content_words(data.get("title"))))
    if kind == "figure":
        return f"{data.get('unit')}|{float(data.get('value') or 0):.6g}"
    return fold(data.get("name") or data.get("title") or "")


def dates_agree(a: str | None, b: str | None) -> bool:
    """Same date to the shorter precision ("2021-06" agrees with "2021-06-21"); unknown agrees with nothing."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def participants_match(a: AbstractSet[int], b: AbstractSet[int]) -> bool:
    """Two participant sets name the same encounter: two people in common, or a one-person side whose
    person is on the other side of at most two. "A met B" and "A met C" share only A: two encounters."""
    shared = len(a & b)
    if shared >= 2:
        return True
    return shared >= 1 and shared == min(len(a), len(b)) and max(len(a), len(b)) <= 2 and min(len(a), len(b)) == 1


# --- combining what several sources said ---------------------------------------------------------


_EMPTY: tuple[object, ...] = (None, "", [])
UNION_FIELDS = ("participants", "parties", "topics", "history", "countries")


def _union(lists: list[list[str]], *, key: Callable[[str], str] = fold) -> list[str]:
    seen: dict[str, str] = {}
    done: set[tuple[str, ...]] = set()  # a list met before adds nothing (most sources name the same two countries)
    for values in lists:
        if not values:
            continue
        as_tuple = tuple(values)
        if as_tuple in done:
            continue
        done.add(as_tuple)
        for v in values:
            if v and key(v) not in seen:
                seen[key(v)] = v
    return list(seen.values())


def combine(kind: str, contributions: list[tuple[str | None, dict[str, Any]]]) -> dict[str, Any]:
    """Machine values from each source's contribution, given as (source date, data) oldest first."""
    if not contributions:
        return {}
    dates = [d for d, _ in contributions if d]
    if kind == "person":
        out = _combine_person(contributions)
    else:
        combination = Combination(kind)
        for place, (date, data) in enumerate(contributions):
            combination.add((place,), date, data)
        out = combination.values()
    out["seen"] = max(dates) if dates else None
    return out


def _combine_person(contributions: list[tuple[str | None, dict[str, Any]]]) -> dict[str, Any]:
    datas = [d for _, d in contributions]
    first_seen: dict[str, int] = {}
    for i, d in enumerate(datas):
        first_seen.setdefault(d.get("name") or "", i)
    # The fullest form of the name; the first seen on a tie.
    name = max(first_seen, key=lambda n: (len(n.split()), -first_seen[n]))
    folded = fold(name)
    aliases = _union([[n for n in first_seen if fold(n) != folded]] + [d.get("aliases") or [] for d in datas])
    aliases = [a for a in aliases if fold(a) != folded]
    # Each title and country held, from the first to the last source that gave it ("last" when later).
    titles: list[dict[str, Any]] = []
    for date, d in sorted(contributions, key=lambda c: c[0] or ""):
        if not (d.get("title") or d.get("country")):
            continue
        held = (fold(d.get("title")), (d.get("country") or "").upper())
        if titles and (fold(titles[-1]["title"]), (titles[-1]["country"] or "").upper()) == held:
            if date and date != titles[-1]["date"]:
                titles[-1]["last"] = date
            continue
        titles.append({"title": d.get("title"), "country": d.get("country"), "date": date})
    ordered = sorted(contributions, key=lambda c: c[0] or "")
    title, title_disputed = settled([d.get("title") for _, d in ordered], key=fold)
    country, country_disputed = settled([d.get("country") for _, d in ordered], key=lambda c: c.upper())
    latest = max((date for date, _ in contributions if date), default=None)
    known = _dictionary_entry([name, *aliases], latest, title)
    if known is not None:  # the actor dictionary over what the sources agree on
        country, country_disputed = known.country, False
        if known.in_office(latest):
            given = [d.get("title") for _, d in ordered if d.get("title")]
            title = next((t for t in reversed(given) if _office_fits(known.office, t)), known.office)
            title_disputed = False
    out = {
        "name": name,
        "aliases": aliases,
        "title": title,
        "country": country,
        "titles": titles,
        "countries": _union([d.get("countries") or [] for d in datas], key=str.upper),
    }
    if title_disputed or country_disputed:
        out["disputed"] = [f for f, d in (("title", title_disputed), ("country", country_disputed)) if d]
    return out


def settled(values: list[Any], *, key: Any) -> tuple[Any, bool]:
    """The value the sources (oldest first) settle on: the first one given holds until two later sources
    agree on another; one later source alone never overturns it (it is reported as a dispute instead).
    Returns (value, whether the latest source says otherwise)."""
    held = None
    challengers: dict[Any, int] = {}
    last = None
    for value in values:
        if not value:
            continue
        last = value
        if held is None or key(value) == key(held):
            held = held or value
            challengers.clear()
            continue
        challengers[key(value)] = challengers.get(key(value), 0) + 1
        if challengers[key(value)] >= 2:
            held = value
            challengers.clear()
    return held, last is not None and held is not None and key(last) != key(held)


def _dictionary_entry(names: list[str], date: str | None, title: str | None) -> Any:
    """The actor dictionary's entry for a person known by these names, or None."""
    from briefing.extract.actors import index

    try:
        return index().find(sorted(names, key=lambda n: -len(n.split())), date, title)
    except Exception:  # noqa: BLE001 - a broken user dictionary file must not stop an import
        return None


def _office_fits(office: str, title: str) -> bool:
    from briefing.extract.actors import office_fits

    return office_fits(office, title)


# Where a contribution sorts among an item's others: (place,) in ``combine``, (source date or "", source id)
# in the importer; one Combination is only given one shape.
Order = tuple[int | str, ...]


class Combination:
    """``combine`` kept up to date one contribution at a time, wherever the new one falls in the order
    (any kind but people): each field remembers the earliest source that gave it, each list entry its
    first place, so the three-hundredth source costs no more than the third. Equal to ``combine`` over
    the same contributions (tests/core/test_library_kinds.py checks it on random ones)."""

    def __init__(self, kind: str) -> None:
        if kind == "person":
            raise ValueError("a person's values are combined whole (titles over time)")
        self.kind = kind
        self.count = 0
        self._first: tuple[Order, dict[str, Any]] | None = None
        self._values: dict[str, tuple[Order, Any]] = {}
        self._lists: dict[str, dict[str, tuple[Order, int, str]]] = {}
        self._ids: set[int] = set()
        self._dated: list[tuple[Order, str]] = []
        self._seen: str | None = None

    def add(self, order: Order, date: str | None, data: dict[str, Any]) -> None:
        """One contribution; ``order`` sorts it among the others (the source's date or "", then its id)."""
        self.count += 1
        if self._first is None or order < self._first[0]:
            self._first = (order, data)
        for key, value in data.items():
            if value not in _EMPTY:
                held = self._values.get(key)
                if held is None or order < held[0]:
                    self._values[key] = (order, value)
        for name in UNION_FIELDS:
            if name not in data:
                continue
            entries = self._lists.setdefault(name, {})
            folding = fold if name == "participants" else str.casefold
            for place, value in enumerate(data[name] or []):
                if value:
                    key = folding(value)
                    placed = entries.get(key)
                    if placed is None or (order, place) < placed[:2]:
                        entries[key] = (order, place, value)
        if self.kind == "event":
            self._ids.update(data.get("participant_ids") or [])
            if data.get("date"):
                bisect.insort(self._dated, (order, data["date"]))
        if date and (self._seen is None or date > self._seen):
            self._seen = date

    def values(self) -> dict[str, Any]:
        if self._first is None:
            return {}
        out = dict(self._first[1])
        for key, (_, value) in self._values.items():
            out[key] = value
        for name, entries in self._lists.items():
            out[name] = [value for _, _, value in sorted(entries.values())]
        if self.kind == "event":
            out["participant_ids"] = sorted(self._ids)
            if self._dated:
                date = self._dated[0][1]
                for _, other in self._dated[1:]:  # the most precise date among those that agree with the first
                    if dates_agree(other, date) and len(other) > len(date):
                        date = other
                out["date"] = date
        out["seen"] = self._seen
        return out
