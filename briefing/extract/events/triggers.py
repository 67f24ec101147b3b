"""Finding triggers in a sentence: phrases ("spoke by telephone"), verbs ("met", "received") and nouns
("state visit", "the 9th Joint Commission session"), each handed to its reader (verbs.py, nouns.py)."""

from __future__ import annotations

from functools import cache
from typing import Any

from briefing.extract.countries import code_of
from briefing.extract.events.cast import Cast
from briefing.extract.events.found import Found
from briefing.extract.events.grammar import (
    VERB_SUFFIXES,
    is_planned,
    objects_of,
    place_after,
    place_of,
    subject_of,
    verb_lemma,
)
from briefing.extract.events.lexicon import lex, trigger_verbs, verb_words
from briefing.extract.layout import token_lemmas, token_lowers


@cache
def _phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, etype in sorted(lex()["phrases"].items(), key=lambda kv: -len(kv[0])):
        out.setdefault(seq[0], []).append((seq, etype))
    return out


def _phrase_at(tokens: Any, i: int) -> tuple[int, str] | None:
    lowers = token_lowers(tokens)
    for seq, etype in _phrases_by_first().get(lowers[i], ()):
        n = len(seq)
        if i + n <= len(lowers) and all(lowers[i + k] == seq[k] for k in range(1, n)):
            return n, etype
    return None


def _one_call_each(t: Any, f: Found) -> list[Found]:
    """ "paid a courtesy call on the Prime Minister and the Chief of Army Staff": one call on each, as "met
    A, B and C" is one meeting with each."""
    near = [t, t.head, *t.children, *t.head.children]
    calls_on = f.type == "meeting" and any(w.lower_ in {"call", "calls"} for w in near) and any(
        c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"} for w in near for c in w.children)
    audiences = f.type == "meeting" and f.hosted  # "granted separate audiences to A, B and C": one each
    # "separate meetings with A and B", "bilateral talks with A and B": one with each
    separate = f.type in {"meeting", "talks"} and any(c.lower_ in {"separate", "separately", "bilateral"}
                                                      for c in t.children)
    separate = separate or f.each or (f.type == "meeting" and t.tag_ == "NNS")  # "meetings with A, B and C": one each
    others = [p for p in f.participants if p is not f.actor]
    if not (calls_on or audiences or separate) or f.actor is None or len(others) < 2:
        return [f]
    return [Found(f.type, f.trigger, f.sent, [f.actor, p], actor=f.actor, recipient=p, planned=f.planned,
                  location=f.location, hosted=f.hosted) for p in others]


def _own_phrase(t: Any) -> list[int]:
    """The tokens of a noun trigger's phrase, not of a clause inside it ("a visit to Asuncion, where he held a
    meeting with X": the meeting is told by its own clause)."""
    out, stack = [], [t]
    while stack:
        x = stack.pop()
        out.append(x.i)
        stack += [c for c in x.children if c.dep_ not in {"relcl", "advcl"}]
    return out


def noun_type(token: Any) -> str | None:
    """The event type of a noun trigger, multi-word forms first ("courtesy call", "state visit")."""
    nouns = lex()["nouns"]
    lowers = token_lowers(token.doc)
    i = token.i
    for back in (2, 1):
        if i - back >= 0:
            seq = tuple(lowers[i - back:i + 1])
            if seq in nouns:
                return nouns[seq]
    if i + 2 < len(lowers):
        seq = tuple(lowers[i:i + 3])
        if seq in nouns:
            return nouns[seq]
    return nouns.get((lowers[i],)) or nouns.get((token.lemma_.lower(),))


@cache
def _trigger_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case forms, lemmas) a token needs for any trigger rule to look at it: the first word of a
    phrase, the first or last word of a noun form, a verb or pair-verb lemma, "meeting"/"visiting", "expect"."""
    words = lex()
    verbs = trigger_verbs()
    lowers = set(_phrases_by_first()) | {"meeting", "visiting"}
    lowers |= {seq[0] for seq in words["nouns"]} | {seq[-1] for seq in words["nouns"]}
    lowers |= {verb + suffix for verb in verbs for suffix in ("", *VERB_SUFFIXES)}  # what verb_lemma mends
    lemmas = set(verbs) | words["pair"] | {seq[0] for seq in words["nouns"] if len(seq) == 1}
    lemmas.update({"expect", "invite", "be", "due"})  # "is expected in Beijing", "invited X to Russia", "is in Prague"
    return frozenset(lowers), frozenset(lemmas)


def _may_trigger(doc: Any) -> list[bool]:
    """Per token: whether any trigger rule could fire on it (once per Doc, from strings alone), so the rules
    build a Token and read its parse only where one might."""
    flags = doc.user_data.get("bb_may_trigger")
    if flags is None:
        words, lemma_words = _trigger_words()
        flags = doc.user_data["bb_may_trigger"] = [
            low in words or lemma.lower() in lemma_words
            for low, lemma in zip(token_lowers(doc), token_lemmas(doc), strict=True)]
    return flags


def find_triggers(doc: Any, sent: Any, people: Cast) -> list[Found]:
    """Every event a sentence tells of, one Found per trigger (or per person met)."""
    from briefing.extract.events.nouns import noun_event
    from briefing.extract.events.verbs import by_phone, opening_participle_event, verb_event

    words = lex()
    verbs = trigger_verbs()
    tokens = doc
    found: list[Found] = []
    used: set[int] = set()
    may = _may_trigger(doc)
    candidates = [doc[i] for i in range(sent.start, sent.end) if may[i]]
    for t in candidates:
        if t.i in used:
            continue
        phrase = _phrase_at(tokens, t.i)
        if phrase:
            n, etype = phrase
            used.update(range(t.i, t.i + n))
            verb = t if t.pos_ in {"VERB", "AUX"} else t.head
            subj = subject_of(verb)
            told_alone = etype in {"other", "signing"}  # "slated for July": a plan needs no names
            if etype == "other" and subj is not None and not noun_type(subj):
                # "The official part of the talks ... is scheduled for 31 January": the part's event
                subj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj" and noun_type(g)), subj)
            if etype == "other" and subj is not None and noun_type(subj):
                if subj.i in used:
                    continue  # "The upcoming visit of X is slated for March": the visit told it
                etype = noun_type(subj)  # "The conference of the commission is slated for July"
            if etype in {"talks", "meeting"} and by_phone(verb):
                etype = "call"  # "held talks via videoconference"
            f = Found(etype, t.i, sent, planned=is_planned(verb))
            f.participants = people.resolve(subj) if subj is not None else []
            # "paid a courtesy call on/upon/to X"
            others = objects_of(verb, people, preps={"with", "on", "between"} | ({"upon", "to"} if etype == "meeting" else set()))
            f.participants += [p for p in others if p not in f.participants]
            if f.participants:
                f.actor = f.participants[0]
                f.recipient = others[0] if others else None
            elif not told_alone:
                continue
            found += _one_call_each(t, f) if "call" in tokens[t.i + n - 1].lower_ else [f]
            continue
        if t.i == sent.start and t.lower_ in {"meeting", "visiting"} and t.i + 1 < len(doc) \
                and doc[t.i + 1].text[:1].isupper():
            made = opening_participle_event(t, sent, people)
            if made:
                used.add(t.i)
                found += made
                continue
        if t.pos_ in {"VERB", "AUX"} and verb_lemma(t) in verbs or (
                t.pos_ == "VERB" and verb_lemma(t) in words["pair"]):
            made = verb_event(t, sent, people, used)
            if made and not all(f.weak for f in made):
                used.add(t.i)  # "discussed ... in a phone call with X": the call names the event a pair verb hints at
            found += [g for f in made for g in (_one_call_each(t, f) if f.each else [f])]
        elif t.pos_ in {"NOUN", "PROPN"} and noun_type(t):
            f = noun_event(t, sent, people, used)
            if f:
                found += _one_call_each(t, f)
                used.update(_own_phrase(t))
    # "invited his French counterpart to Russia": a planned visit of the one invited
    for t in candidates:
        if t.lemma_ == "invite" and t.pos_ == "VERB" and not any(c.dep_ in {"xcomp", "ccomp"} for c in t.children):
            guests = [p for c in t.children if c.dep_ == "dobj" for p in people.resolve(c)]
            place = place_after(t, "to")  # not "to the summit"
            if guests and place and not any(f.trigger == t.i for f in found):
                found.append(Found("visit", t.i, sent, guests[:1], actor=guests[0], planned=True, location=place))
    # "The Minister is in Prague today, where he will ...": a visit under way (or planned, "will be in Hanoi")
    for t in candidates:
        if t.lemma_ == "be" and t.pos_ == "AUX" and t.dep_ == "ROOT" and not any(f.trigger == t.i for f in found):
            subj = subject_of(t)
            persons = people.resolve(subj) if subj is not None else []
            place = place_after(t, "in")
            home = code_of(place) if place else None
            if persons and place and home is not None and getattr(persons[0], "country", None) not in {None, home}:
                found.append(Found("visit", t.i, sent, persons[:1], actor=persons[0], planned=is_planned(t),
                                   location=place))
    # "is expected in Beijing", "is due in Hanoi on Friday": a planned visit
    for t in candidates:
        if (t.lemma_ == "expect" and t.tag_ == "VBN" or t.lower_ == "due" and t.pos_ == "ADJ") \
                and any(c.dep_ == "prep" and c.lower_ in {"in", "at"} for c in t.children):
            subj = subject_of(t)
            persons = people.resolve(subj) if subj is not None else []
            place = place_of(t)
            if persons and place:
                found.append(Found("visit", t.i, sent, persons[:1], actor=persons[0], planned=True, location=place))
    return [f for f in found if not denied(doc[f.trigger])]


def denied(t: Any) -> bool:
    """ "could not hold any structured meeting with X", "has never visited", "no meeting took place", "declined
    to meet": what the sentence says did not (or will not) happen is no event."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
        return True
    verb = t
    for _ in range(4):  # a noun trigger is told by the verb it hangs from ("could not hold talks")
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"}:  # "did not want to meet", "declined to meet"
        head = verb.head
        return any(c.dep_ == "neg" for c in head.children) or head.lemma_.lower() in verb_words()["refusing_verbs"]
    return False
