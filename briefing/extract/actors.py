"""The actor dictionary: who held which office in which country, and when (PLOVER/PETRARCH style).

Entries live in ``data/actors/*.jsonl`` (one JSON object a line, one file per region) and, for a
reader's own additions, in ``actors.jsonl`` in the user data folder. Each entry gives a name, other
written forms (``aliases``), the ISO country, an office from ``data/actors/_offices.json``, the roles
that office carries there (defaulting to the office's own) and the dates it was held (``to`` null:
still in office). ``also`` lists the other countries a head of state reigns over (the Commonwealth
realms); ``unsure`` marks dates taken from memory that a reader should check.

A person named in a source is looked up by the words of the name in any order ("ABE Shinzo" is
"Shinzo Abe"), accents and letters such as "ø" or "đ" folded, so "Milo Djukanovic" finds "Milo
Đukanović". ``ActorIndex.find`` answers for a date: the entry in office then, or failing that any
entry of that person (the country does not change when an office does).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from briefing.extract.built import cached
from briefing.extract.datafiles import DATA_DIR, DataFileError, read_json

log = logging.getLogger(__name__)
ACTORS_DIR = DATA_DIR / "actors"
USER_FILE_NAME = "actors.jsonl"
DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
# Letters NFKD leaves whole: what an English text writes for them.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "þ": "th",
                          "Þ": "th", "ð": "d", "Ð": "d", "æ": "ae", "Æ": "ae", "ß": "ss", "œ": "oe", "Œ": "oe"})
# Words that join a name's parts; they do not tell two people apart.
PARTICLES = frozenset({"bin", "binti", "bint", "al", "el", "de", "del", "da", "dos", "das", "do", "di", "van", "von",
                       "der", "den", "ibn", "abu", "ben", "y", "e", "i", "la", "le", "jr", "sr", "ii", "iii"})


@dataclass(frozen=True)
class Actor:
    name: str
    country: str
    office: str
    roles: tuple[str, ...]
    start: str | None
    end: str | None
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    unsure: bool = False

    def in_office(self, date: str | None) -> bool:
        if not date:
            return False
        day = _pad(date, low=True)
        return (self.start is None or _pad(self.start, low=True) <= day) and \
            (self.end is None or day <= _pad(self.end, low=False))


def _pad(date: str, *, low: bool) -> str:
    """A partial ISO date as the first (``low``) or last day it may mean, for comparing as text."""
    parts = date[:10].split("-")
    while len(parts) < 3:
        parts.append("00" if low else "99")
    return "-".join(parts)


@lru_cache(maxsize=65536)  # the same names come back in every source of a story, and at each write
def fold_name(text: str) -> str:
    """A name as comparable words: accents and special letters folded, hyphens and dots as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[ʻʼ'’`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@lru_cache(maxsize=65536)
def name_words(text: str) -> tuple[str, ...]:
    """The words that identify a name: no initials, no particles, one spelling for each word news spells
    several ways ("Mohammad", "Mohamed" and "Muhammad" alike; _spellings.json)."""
    same = spellings()
    return tuple(same.get(w, w) for w in fold_name(text).split() if len(w) > 1 and w not in PARTICLES)


@cache
def spellings() -> dict[str, str]:
    """Each spelling of a name word -> the one it is compared as (the first of its list in _spellings.json)."""
    path = ACTORS_DIR / "_spellings.json"
    data = read_json(path)
    words = data.get("words")
    if not isinstance(words, list) or not all(isinstance(g, list) and g and all(isinstance(w, str) for w in g)
                                              for g in words):
        raise DataFileError(f"{path.name}: 'words' must be a list of lists of spellings")
    return {fold_name(w): fold_name(group[0]) for group in words for w in group if " " not in w}


# ---------------------------------------------------------------------------------------------- loading

@cache
def offices() -> dict[str, Any]:
    data: dict[str, Any] = read_json(ACTORS_DIR / "_offices.json")
    return data


def parse_entry(raw: Any, where: str, codes: Iterable[str] | None = None) -> Actor:
    """One dictionary line checked and made an Actor; a DataFileError names the file and line otherwise."""
    def fail(why: str) -> None:
        raise DataFileError(f"{where}: {why}")

    if not isinstance(raw, dict):
        fail("must be a JSON object")
    vocab = offices()
    known = {"name", "aliases", "country", "office", "roles", "from", "to", "also", "unsure"}
    if set(raw) - known:
        fail(f"unknown keys {sorted(set(raw) - known)}")
    name, country, office = raw.get("name"), raw.get("country"), raw.get("office")
    if not isinstance(name, str) or not name.strip():
        fail("needs a name")
    valid_codes = set(codes) if codes is not None else None
    for code in [country, *(raw.get("also") or [])]:
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)) or \
                (valid_codes is not None and code not in valid_codes):
            fail(f"{code!r} is not a known ISO 3166-1 alpha-2 code")
    if office not in vocab["offices"]:
        fail(f"office {office!r} is not in _offices.json")
    roles = raw.get("roles") or [vocab["offices"][office]]
    if not all(r in vocab["roles"] for r in roles):
        fail(f"roles {roles} are not all of {vocab['roles']}")
    start, end = raw.get("from"), raw.get("to", None)
    if "to" not in raw:
        fail("needs 'to' (null while in office)")
    for value in (start, end):
        if value is not None and not (isinstance(value, str) and DATE.match(value)):
            fail(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if start is None:
        fail("needs 'from'")
    if end is not None and _pad(end, low=False) < _pad(start, low=True):
        fail(f"ends ({end}) before it starts ({start})")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        fail("aliases must be a list of names")
    return Actor(name=name.strip(), country=country, office=office, roles=tuple(roles), start=start, end=end,
                 aliases=tuple(a.strip() for a in aliases), also=tuple(raw.get("also") or ()),
                 unsure=bool(raw.get("unsure")))


def read_file(path: Path, codes: Iterable[str] | None = None) -> list[Actor]:
    """Every entry of one JSON-lines file (blank lines and lines starting with # skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path.name}: cannot be read: {exc}") from exc
    out = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise DataFileError(f"{path.name} line {number}: not JSON: {exc}") from exc
        out.append(parse_entry(raw, f"{path.name} line {number}", codes))
    return out


def packaged_files() -> list[Path]:
    return sorted(ACTORS_DIR.glob("*.jsonl"))


def user_file() -> Path | None:
    """The reader's own additions, if the file exists (briefing.paths knows the user data folder)."""
    try:
        from briefing.paths import data_dir

        path = data_dir() / USER_FILE_NAME
    except Exception:  # noqa: BLE001 - no user folder (read-only home): the packaged dictionary alone
        return None
    return path if path.is_file() else None


def load_actors(paths: Iterable[Path] | None = None) -> list[Actor]:
    """The packaged dictionary and the user's file, or exactly ``paths`` when given. A mistake in the
    user's file is logged and that file left out: people are still found with the packaged entries."""
    if paths is not None:
        return [actor for path in paths for actor in read_file(path)]
    actors = [actor for path in packaged_files() for actor in read_file(path)]
    mine = user_file()
    if mine is not None:
        try:
            actors += read_file(mine)
        except DataFileError as exc:
            log.warning("the user's actor dictionary is left out: %s", exc)
    return actors


# ---------------------------------------------------------------------------------------------- lookup

class ActorIndex:
    """Entries by the words of each of their names (in any order), and by single name words."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = list(actors)
        self.by_words: dict[frozenset[str], list[Actor]] = {}
        self.by_word: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for form in (actor.name, *actor.aliases):
                words = name_words(form)
                if not words:
                    continue
                self.by_words.setdefault(frozenset(words), []).append(actor)
                for w in {words[0], words[-1]}:
                    if len(w) >= 2:
                        self.by_word.setdefault(w, []).append(actor)

    def candidates(self, name: str) -> list[Actor]:
        """Entries whose name has exactly these words, else whose name holds all of them (two at least)."""
        words = name_words(name)
        if not words:
            return []
        exact = self.by_words.get(frozenset(words))
        if exact:
            return list(exact)
        if len(set(words)) < 2:  # a surname alone ("Abe", "Xi"): the names that begin or end with it
            return list({id(a): a for a in self.by_word.get(words[0], [])}.values())
        wanted = set(words)
        pool = self.by_word.get(words[-1], []) + self.by_word.get(words[0], [])
        seen: dict[int, Actor] = {}
        for actor in pool:
            for form in (name_words(f) for f in (actor.name, *actor.aliases)):
                if wanted <= set(form) or _within(form, words):
                    seen[id(actor)] = actor
        raw = fold_name(name).split()
        for actor in pool:  # "Faisal bin Farhan" + "bin Abdullah": the father's name after the known one
            for form in (fold_name(f).split() for f in (actor.name, *actor.aliases)):
                n = len(form)
                if 2 <= n < len(raw) and raw[:n] == form and raw[n] in {"bin", "ibn", "bint", "binti"}:
                    seen[id(actor)] = actor
        return list(seen.values())

    def find(self, names: Iterable[str], date: str | None, title: str | None = None) -> Actor | None:
        """The entry for a person written as ``names`` (fullest first) on ``date``: in office then, and
        agreeing with ``title`` where several are; else any entry of one person (for the country).
        A surname alone is tried only when no fuller form was written ("Khalid" of a Khalid the
        dictionary does not know is not the Khalid it knows)."""
        names = list(names)
        if any(len(name_words(n)) >= 2 for n in names):
            names = [n for n in names if len(name_words(n)) >= 2]
        for name in names:
            found = self._find_one(name, date, title)
            if found is not None:
                return found
        return None

    def _find_one(self, name: str, date: str | None, title: str | None) -> Actor | None:
        cands = self.candidates(name)
        if not cands:
            return None
        single = len(name_words(name)) == 1
        current = [a for a in cands if a.in_office(date)]
        if len(current) > 1 and title:
            fitting = [a for a in current if office_fits(a.office, title)]
            current = fitting or current
        people = {fold_name(a.name) for a in current}
        if len(people) == 1:
            # the office most like the title wins among one person's offices (President and Foreign Minister)
            return max(current, key=lambda a: (office_fits(a.office, title or ""), a.start or ""))
        if current or single:
            return None  # two people of that name in office, or a bare word: no guess
        people = {fold_name(a.name) for a in cands}
        countries = {a.country for a in cands}
        if len(people) == 1 and len(countries) == 1:
            return max(cands, key=lambda a: a.start or "")  # out of office on that date: still that country's
        return None


def _within(form: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """The dictionary's form is inside a longer written name that begins with the same given name: three words
    or more ("Mohammed bin Salman Al Saud" in "Mohammed bin Salman bin Abdulaziz Al Saud"), or two that
    begin and end it."""
    if not set(form) <= set(words) or len(form) < 2 or form[0] != words[0]:
        return False  # "Salman bin Abdulaziz" inside "Khalid bin Salman bin Abdulaziz" is the father
    return len(form) >= 3 or form[-1] == words[-1]


_TITLE_WORDS = re.compile(r"[a-z]+")
_GENERIC = {"of", "the", "and", "for", "minister", "ministry", "secretary", "state", "affairs", "deputy"}


def office_fits(office: str, title: str) -> bool:
    """The title names that office: they share a word beyond 'Minister', 'of', 'Secretary'."""
    a = set(_TITLE_WORDS.findall(fold_name(office))) - _GENERIC
    b = set(_TITLE_WORDS.findall(fold_name(title))) - _GENERIC
    synonyms = {"foreign": {"external", "exterior", "foreign", "international"}, "external": {"foreign", "external"},
                "defence": {"defense", "defence"}, "defense": {"defence", "defense"},
                "finance": {"treasury", "finance", "exchequer"}, "treasury": {"finance"},
                "trade": {"commerce", "trade", "industry"}, "commerce": {"trade", "commerce"},
                "premier": {"prime"}, "prime": {"premier", "prime"}}
    grown = set(b)
    for w in b:
        grown |= synonyms.get(w, set())
    return bool(a & grown)


@cache
def index() -> ActorIndex:
    """The dictionary every extraction uses (packaged entries and the user's), built once per process and
    kept on disk between starts (built.py; the user's file is part of its fingerprint)."""
    return cached("actors-index", lambda: ActorIndex(load_actors()))
