"""The events reader's words, all from data files: triggers (event_triggers.json), per-verb conditions and
word lists (event_verbs.json), and the words that make an event a plan (tense_words.json)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from briefing.extract.rules import RuleFileError, rules
from briefing.model import EVENT_TYPES

_RULE_FLAGS = ("type_from_object", "absorbs_object", "needs_person_object", "needs_place", "place_or_visit_told",
               "one_per_object", "place_from_object", "joins_told", "object_next")
_RULE_LISTS = ("needs_prep", "refuses_deps", "not_as", "needs_word", "needs_object", "refuses_words", "refuses_objects",
               "object_types", "object_preps", "person_preps")


@dataclass(frozen=True)
class VerbRule:
    """What one trigger verb needs before it makes an event (see event_verbs.json's ``_doc``)."""

    type_from_object: bool = False
    absorbs_object: bool = False
    needs_person_object: bool = False
    needs_place: bool = False
    place_or_visit_told: bool = False  # with no place, a visit told before is where ("X arrived on Wednesday")
    one_per_object: bool = False
    place_from_object: bool = False
    joins_told: bool = False  # "It was attended by A and B": the agents join the event told just before
    object_next: bool = False  # "held on Monday enlarged talks": the event noun right after the verb, no article
    needs_prep: frozenset[str] = frozenset()
    refuses_deps: frozenset[str] = frozenset()
    not_as: frozenset[str] = frozenset()
    needs_word: frozenset[str] = frozenset()
    needs_object: frozenset[str] = frozenset()
    refuses_words: frozenset[str] = frozenset()
    refuses_objects: frozenset[str] = frozenset()
    object_types: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset({"on", "in"})  # where type_from_object looks besides the object
    person_preps: frozenset[str] = frozenset()  # more prepositions naming participants ("presented credentials to X")
    as_type: str | None = None
    documents_make: str | None = None
    person_object_as: str | None = None  # "called Foreign Minister X today": with a person object, a call


def _check_verb_rules(data: dict[str, Any]) -> None:
    """What the file's schema leaves open: every condition is one this reader knows, of the right kind."""
    for lemma, entry in data["verb_rules"].items():
        for key, value in entry.items():
            where = f"event_verbs.json: bad entry 'verb_rules.{lemma}.{key}'"
            if key in _RULE_FLAGS and not isinstance(value, bool):
                raise RuleFileError(f"{where}: must be true or false")
            if key in _RULE_LISTS and not (isinstance(value, list) and value):
                raise RuleFileError(f"{where}: must be a non-empty list of words")
            if key in {"as", "documents_make", "person_object_as"} and value not in EVENT_TYPES:
                raise RuleFileError(f"{where}: must be one of {', '.join(EVENT_TYPES)}")
            if key not in _RULE_FLAGS and key not in _RULE_LISTS and key not in {"as", "documents_make", "person_object_as"}:
                raise RuleFileError(f"{where}: is not a condition this reader knows")


@cache
def tense_words() -> dict[str, frozenset[str]]:
    """tense_words.json as sets: the words that make a verb or noun a plan."""
    data = rules("tense_words.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@cache
def verb_words() -> dict[str, Any]:
    """event_verbs.json: ``rules`` (lemma -> VerbRule), the word lists as sets, ``priority``."""
    data = rules("event_verbs.json")
    _check_verb_rules(data)
    verb_rules = {}
    for lemma, entry in data["verb_rules"].items():
        kw: dict[str, Any] = {k: entry[k] for k in _RULE_FLAGS if k in entry}
        kw.update({k: frozenset(entry[k]) for k in _RULE_LISTS if k in entry})
        verb_rules[lemma] = VerbRule(as_type=entry.get("as"), documents_make=entry.get("documents_make"),
                                    person_object_as=entry.get("person_object_as"), **kw)
    out: dict[str, Any] = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    out["rules"] = verb_rules
    out["priority"] = dict(data["type_priority"])
    return out


def verb_rule(lemma: str) -> VerbRule:
    return verb_words()["rules"].get(lemma, _NO_RULE)


_NO_RULE = VerbRule()


@cache
def lex() -> dict[str, Any]:
    """event_triggers.json, with multi-word keys as word tuples."""
    data = rules("event_triggers.json")
    return {
        "verbs": data["verbs"],
        "pair": set(data["pair_verbs"]),
        "host": set(data["host_verbs"]),
        "travel": set(data["travel_verbs"]),
        "place": set(data["place_verbs"]),
        # "tour of duty", "call of duty": a trigger noun in another sense, mapped to no type (noun_type: None)
        "nouns": {tuple(k.split()): v for k, v in data["nouns"].items()}
        | {tuple(k.lower().split()): None for k in data.get("other_senses", [])},
        "phrases": {tuple(k.split()): v for k, v in data["phrases"].items()},
        "not_participants": set(data["not_participants"]),
        "types": data["types"],
    }


@cache
def trigger_verbs() -> frozenset[str]:
    """Lemmas that can make an event: the trigger verbs, and the verbs that make one through their object
    ("had talks", "attended the summit")."""
    rules = verb_words()["rules"]
    return frozenset(lex()["verbs"]) | {lemma for lemma, rule in rules.items() if rule.type_from_object} \
        | verb_words()["bearer_verbs"]


def group(etype: str) -> int:
    """The scorer's type groups: visit | meeting, talks, call | signing | everything else."""
    if etype == "visit":
        return 0
    if etype in {"meeting", "talks", "call"}:
        return 1
    if etype == "signing":
        return 2
    return 3
