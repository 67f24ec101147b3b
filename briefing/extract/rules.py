"""The extraction pipeline's rule files (data/*.json), read once and checked on load.

A reader extends the word lists by editing the JSON files; a mistake there gives
a ``RuleFileError`` naming the file and the entry, not a traceback from inside a
pipeline component. Keys starting with ``_`` are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from briefing.extract.datafiles import DATA_DIR, DataFileError, read_json

EVENT_TYPES = ("visit", "meeting", "talks", "call", "signing", "conference", "ceremony", "statement", "other")
AGREEMENT_KINDS = ("treaty", "agreement", "mou", "programme", "partnership", "framework", "declaration",
                   "working-group", "commitment", "proposal")
AGREEMENT_STATUSES = ("signed", "renewed", "agreed", "established", "upgraded", "proposed", "planned",
                      "negotiating", "in-force")


# One error for every rule file, whichever module reads it (datafiles.py reads the figures', dates' and
# topics' files with the same messages).
RuleFileError = DataFileError


@dataclass
class _Check:
    name: str

    def fail(self, where: str, why: str) -> None:
        raise RuleFileError(f"{self.name}: bad entry {where!r}: {why}")

    def strings(self, data: dict, key: str) -> list[str]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            self.fail(key, "must be a list of non-empty strings")
        return value

    def mapping(self, data: dict, key: str, allowed: tuple[str, ...] | None = None) -> dict[str, str]:
        value = data.get(key)
        if not isinstance(value, dict):
            self.fail(key, "must be an object")
        for k, v in value.items():
            if not isinstance(k, str) or not k.strip() or not isinstance(v, str):
                self.fail(f"{key}.{k}", "must map a non-empty string to a string")
            if allowed is not None and v not in allowed:
                self.fail(f"{key}.{k}", f"{v!r} is not one of {', '.join(allowed)}")
        return value


def _read(name: str, path: Path | None = None) -> dict:
    path = path or DATA_DIR / name
    data = read_json(path)
    if not isinstance(data, dict):
        raise RuleFileError(f"{path.name}: the top level must be an object")
    return data


def validate_countries(data: dict, name: str = "countries.json") -> dict:
    check = _Check(name)
    countries = data.get("countries")
    if not isinstance(countries, dict) or not countries:
        check.fail("countries", "must be a non-empty object of ISO codes")
    for code, entry in countries.items():
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            check.fail(f"countries.{code}", "key must be an ISO 3166-1 alpha-2 code like 'SG'")
        if not isinstance(entry, dict):
            check.fail(f"countries.{code}", "must be an object with names, demonyms, capitals")
        for key in ("names", "demonyms", "capitals"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
                check.fail(f"countries.{code}.{key}", "must be a list of non-empty strings")
        if not entry.get("names"):
            check.fail(f"countries.{code}.names", "must name the country at least once")
    return data


def validate_honorifics(data: dict, name: str = "honorifics.json") -> dict:
    check = _Check(name)
    for key in ("prefixes", "keep_if_single", "postnominals"):
        check.strings(data, key)
    return data


def validate_titles(data: dict, name: str = "titles.json") -> dict:
    check = _Check(name)
    for key in ("heads", "leaders", "modifiers", "analysts", "role_nouns"):
        check.strings(data, key)
    return data


def validate_events(data: dict, name: str = "event_triggers.json") -> dict:
    check = _Check(name)
    check.mapping(data, "verbs", EVENT_TYPES)
    check.mapping(data, "nouns", EVENT_TYPES)
    check.mapping(data, "phrases", EVENT_TYPES)
    for key in ("pair_verbs", "host_verbs", "travel_verbs", "place_verbs", "planned_cues", "not_participants", "whole_words"):
        check.strings(data, key)
    types = data.get("types")
    if not isinstance(types, dict):
        check.fail("types", "must be an object")
    for etype in EVENT_TYPES:
        entry = types.get(etype)
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str)
                                                  for k in ("plover", "mode", "cameo", "planned_cameo")):
            check.fail(f"types.{etype}", "must give plover, mode, cameo and planned_cameo as strings")
    return data


def validate_agreements(data: dict, name: str = "agreement_triggers.json") -> dict:
    check = _Check(name)
    check.mapping(data, "documents", AGREEMENT_KINDS)
    check.mapping(data, "status_verbs", AGREEMENT_STATUSES)
    check.mapping(data, "kind_words", AGREEMENT_KINDS)
    for key in ("named_only", "commitment_verbs", "directive_verbs", "proposal_verbs", "continue_verbs",
                "announce_verbs", "look_through", "planned_cues", "negotiating_cues", "in_force_cues", "history_cues"):
        check.strings(data, key)
    return data


_VALIDATORS = {
    "countries.json": validate_countries,
    "honorifics.json": validate_honorifics,
    "titles.json": validate_titles,
    "event_triggers.json": validate_events,
    "agreement_triggers.json": validate_agreements,
}


def load_rules(name: str, path: Path | None = None) -> dict:
    """Read and check one rule file (``path`` overrides the packaged one, for tests and users)."""
    return _VALIDATORS[name](_read(name, path), name)


@cache
def rules(name: str) -> dict[str, Any]:
    """The packaged rule file ``name``, checked once per process."""
    return load_rules(name)


def validate_all() -> None:
    """Check every rule file (raises RuleFileError on the first bad one)."""
    for name in _VALIDATORS:
        rules(name)
