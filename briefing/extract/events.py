"""Events: visits, meetings, talks, calls, signings, conferences, ceremonies and briefings.

A trigger (data/event_triggers.json) is a verb ("met", "received", "will travel
to"), a noun ("state visit", "courtesy call", "talks") or a phrase ("spoke by
telephone"). Its participants come from the dependency parse: the subject and
the object or the "with"/"on"/"between" phrase, a possessive ("Ishiba's visit"),
pronouns and role nouns ("he", "the two leaders", "the President") resolved to
the people already found. "met A, B and C" gives one event per person met.
Held or planned is read from the verb group ("will", "is expected to", an
infinitive), the date from the nearest date expression (dates.find_dates, in the
right direction) and a date after publication makes an event planned. Events of
the same kind between the same people are one event told twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from briefing.extract.layout import doc_text, passed_over, sentence_of, span_text, token_lemmas, token_lowers
from briefing.extract.rules import rules
from briefing.model import Event, Evidence

FUTURE_AUX = {"will", "would", "shall", "'ll", "should", "wo"}
EXPECT_VERBS = {"expect", "schedule", "plan", "slate", "set", "due", "invite", "hope", "prepare", "aim", "intend", "agree",
                "ask", "urge", "decide"}
VISIT_VERBS = {"be", "make", "pay", "undertake", "conduct", "begin", "start", "end", "wrap", "continue", "arrive", "conclude"}
VENUE_WORDS = {"palace", "house", "hall", "centre", "center", "building", "hotel", "embassy", "office", "residence"}
TIME_MARKS = {"since", "after", "before", "when", "until", "as", "while"}
TIME_PREPS = {"during", "after", "before", "since", "ahead", "following", "throughout"}
PAIR_WORDS = {"leaders", "ministers", "counterparts", "presidents", "heads", "both", "sides"}
OBJECT_SUBJECTS = {"official", "officials", "delegation", "delegations", "side", "sides", "government", "governments",
                   "country", "countries", "minister", "ministers", "leader", "leaders", "team", "teams", "ministries",
                   "representatives", "negotiators", "experts", "commission", "committee", "session", "round", "meeting",
                   "summit", "they", "we", "both"}
TYPE_PRIORITY = {"call": 6, "talks": 5, "visit": 5, "signing": 5, "conference": 4, "meeting": 3, "ceremony": 3,
                 "statement": 2, "other": 1}


@dataclass
class Found:
    type: str
    trigger: int  # token index
    sent: Any
    participants: list[Any] = field(default_factory=list)  # PersonRecord
    actor: Any = None
    recipient: Any = None
    planned: bool = False
    location: str | None = None
    weak: bool = False  # from a verb like "discussed": only names a meeting, never creates one alone
    hosted: bool = False


@cache
def _lex() -> dict[str, Any]:
    data = rules("event_triggers.json")
    nouns_multi = {tuple(k.split()): v for k, v in data["nouns"].items()}
    return {
        "verbs": data["verbs"],
        "pair": set(data["pair_verbs"]),
        "host": set(data["host_verbs"]),
        "travel": set(data["travel_verbs"]),
        "place": set(data["place_verbs"]),
        "nouns": nouns_multi,
        "phrases": {tuple(k.split()): v for k, v in data["phrases"].items()},
        "not_participants": set(data["not_participants"]),
        "types": data["types"],
    }


# ------------------------------------------------------------------------------------------- people lookups

class People:
    """Token -> person lookups over the people found in a doc, with pronoun and role resolution."""

    def __init__(self, doc: Any, people: list[Any]) -> None:
        self.doc = doc
        self.people = [p for p in people if not p.analyst]
        self.at: dict[int, Any] = {}
        self.mentions: list[tuple[int, Any]] = []
        for p in self.people:
            for m in p.mentions:
                for i in range(m.start, m.end):
                    self.at[i] = p
                for i in range(m.context[0], m.context[1]):
                    self.at.setdefault(i, p)
                self.mentions.append((m.start, p))
        self.mentions.sort(key=lambda x: x[0])
        self.last_pair: list[Any] = []

    def before(self, i: int, sent_start: int | None = None) -> Any:
        cands = [p for s, p in self.mentions if s < i and (sent_start is None or s >= sent_start)]
        return cands[-1] if cands else None

    def subject_before(self, i: int) -> Any:
        """The person last named as a subject before token ``i``, in its sentence or the one before."""
        doc = self.doc
        sent = sentence_of(doc, i)
        floor = sentence_of(doc, sent.start - 1).start if sent.start > 0 else 0
        for s, p in reversed(self.mentions):
            if s >= i:
                continue
            if s < floor:
                break
            m = next((m for m in p.mentions if m.start == s), None)
            if m is not None and any(doc[k].dep_ in {"nsubj", "nsubjpass"} for k in range(m.start, m.end)):
                return p
        return None

    def sentence_subject(self, sent: Any) -> Any:
        for t in sent:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT":
                persons = self.in_phrase(t, follow_conj=False)
                if persons:
                    return persons[0]
        return None

    def in_phrase(self, token: Any, follow_conj: bool = True) -> list[Any]:
        """People a noun phrase names: itself, an apposition or compound, its conjuncts ("A, B and C")."""
        found: dict[int, Any] = {}
        stack = [token]
        while stack:
            t = stack.pop()
            if t.i in self.at:
                found.setdefault(t.i, self.at[t.i])
            else:
                for c in t.children:
                    if c.dep_ in {"appos", "compound", "npadvmod", "nmod"} and c.i in self.at:
                        found.setdefault(c.i, self.at[c.i])
                        break
            for c in t.children:
                if c.dep_ == "appos" or (follow_conj and c.dep_ == "conj"):
                    stack.append(c)
        out: list[Any] = []
        for _i, p in sorted(found.items()):
            if p not in out:
                out.append(p)
        return out

    def resolve(self, token: Any) -> list[Any]:
        """People meant by a subject/object token, pronouns and role nouns included."""
        low = token.lower_
        if low in {"he", "she", "him", "his", "her", "hers"}:
            # the subject of the sentence, when it is a person other than a phrase containing the pronoun;
            # otherwise the person last named before
            subj = self.sentence_subject(sentence_of(token.doc, token.i))
            if subj is not None:
                own = [m for m in subj.mentions if m.sent == sentence_of(token.doc, token.i).start]
                if own and not any(m.start <= token.i < m.end for m in own):
                    return [subj]
            p = self.subject_before(token.i) or self.before(token.i)
            return [p] if p else []
        if low in {"who", "that"} and token.head.dep_ == "relcl":
            return self.resolve(token.head.head)
        persons = self.in_phrase(token)
        if persons:
            return persons
        if low in {"they", "their", "them", "both"} or (low in PAIR_WORDS and _is_pair_np(token)):
            sent_pair = self._conj_subject_pair(sentence_of(token.doc, token.i))
            if sent_pair and low in {"their", "they"}:
                return sent_pair
            return list(self.last_pair)
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ in {"president", "minister", "premier", "chancellor", "king",
                                                                "secretary", "governor", "leader", "governor-general"}:
            return self.by_role(token)
        return []

    def _conj_subject_pair(self, sent: Any) -> list[Any]:
        for t in sent:
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT":
                persons = self.in_np(t)
                if len(persons) >= 2:
                    return persons
        return []

    def in_np(self, token: Any) -> list[Any]:
        """Everyone named in a subject phrase: "X, Minister of ..., and Y, Minister of ..."."""
        out: list[Any] = []
        stack = [token]
        while stack:
            t = stack.pop()
            if t.i in self.at and self.at[t.i] not in out:
                out.append(self.at[t.i])
            stack += [c for c in t.children if c.dep_ not in {"relcl", "acl", "advcl"}]
        return sorted(out, key=lambda p: min((m.start for m in p.mentions if m.start >= token.left_edge.i), default=0))

    def by_role(self, token: Any) -> list[Any]:
        """ "the President", "the Prime Minister", "the Vietnamese Prime Minister" -> the person with that title."""
        words = {t.lower_ for t in token.subtree if t.i <= token.i}
        from briefing.extract.countries import code_of

        country = next((code_of(t.text) for t in token.subtree if t.i < token.i and code_of(t.text)), None)
        leaders = ("president", "prime minister", "king", "queen", "emir", "sultan", "chancellor", "premier")
        cands = [p for p in self.people if p.title and (token.lower_ in p.title.lower() or (
            token.lower_ == "leader" and any(w in p.title.lower() for w in leaders)))
                 and (token.lower_ != "minister" or "prime" not in words or "prime" in p.title.lower())
                 and (country is None or p.country == country)]
        if not cands:
            return []
        cands.sort(key=lambda p: -len(p.mentions))
        return [cands[0]]


def _path_ok(t: Any, top: Any) -> bool:
    """No preposition or clause between ``t`` and the phrase head: "his visit" yes, "the meeting with X" no."""
    while t.i != top.i:
        if t.dep_ in {"pobj", "relcl", "acl", "advcl", "prep", "conj"}:
            return False
        t = t.head
    return True


def _is_pair_np(token: Any) -> bool:
    kids = {c.lower_ for c in token.children}
    return bool(kids & {"two", "both", "the"}) or token.lower_ in {"both"}


# ------------------------------------------------------------------------------------------- triggers

@cache
def _phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, etype in sorted(_lex()["phrases"].items(), key=lambda kv: -len(kv[0])):
        out.setdefault(seq[0], []).append((seq, etype))
    return out


def _phrase_at(tokens: Any, i: int, table: dict[tuple[str, ...], str]) -> tuple[int, str] | None:
    lowers = token_lowers(tokens)
    for seq, etype in _phrases_by_first().get(lowers[i], ()):
        n = len(seq)
        if i + n <= len(lowers) and all(lowers[i + k] == seq[k] for k in range(1, n)):
            return n, etype
    return None


def _noun_type(token: Any) -> str | None:
    """The event type of a noun trigger, multi-word forms first ("courtesy call", "state visit")."""
    nouns = _lex()["nouns"]
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


def _subject(verb: Any) -> Any:
    """The subject of ``verb``, following xcomp/advcl/relcl/conj up to a clause that has one."""
    t = verb
    for _ in range(5):
        subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[-1] if subjects[-1].i < t.i else subjects[0]  # the one nearest before the verb
        for c in t.children:  # a subject hung on a piece of the verb ("co" "-" "chaired")
            if c.dep_ in {"punct", "compound", "prt"} and c.i < t.i:
                for g in c.children:
                    if g.dep_ in {"nsubj", "nsubjpass"}:
                        return g
        if t.dep_ in {"xcomp", "ccomp"} and t.head.pos_ in {"VERB", "AUX"}:
            # "invited Marcos to visit": the object does the visiting
            for c in t.head.children:
                if c.dep_ == "dobj" and t.dep_ == "xcomp":
                    return c
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "acl" and t.head.pos_ in {"NOUN", "PROPN"}:
            return t.head
        if t.head is t:
            return None
        t = t.head
    return None


def _is_planned(token: Any) -> bool:
    """Future or intended: "will meet", "is expected to sign", "to take place", "next session", "invited ... to visit"."""
    t = token
    for _ in range(4):
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX:
                return True
            if c.dep_ == "amod" and c.lower_ in {"next", "upcoming", "forthcoming", "planned", "proposed", "future"}:
                return True
            if c.dep_ == "aux" and c.lower_ == "to" and t.dep_ in {"xcomp", "acl", "relcl", "advcl"}:
                head = t.head
                if head.pos_ in {"NOUN", "PROPN"} or head.lemma_ in EXPECT_VERBS or any(
                        k.dep_ == "aux" and k.lower_ in FUTURE_AUX for k in head.children):
                    return True
        if (t.lemma_ in {"expect", "schedule", "slate", "plan", "set"}
                or t.lower_ in {"expected", "scheduled", "slated", "planned"}) and t.tag_ == "VBN":
            return True
        if t.dep_ in {"ROOT"} or t.head is t:
            break
        if t.dep_ in {"relcl", "ccomp"} and t.pos_ in {"VERB", "AUX"}:
            break
        t = t.head
    return False


@cache
def _trigger_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case forms, lemmas) a token needs for any trigger rule to look at it: the first word of a
    phrase, the first or last word of a noun form, a verb or pair-verb lemma, "meeting"/"visiting", "expect"."""
    lex = _lex()
    lowers = set(_phrases_by_first()) | {"meeting", "visiting"}
    lowers |= {seq[0] for seq in lex["nouns"]} | {seq[-1] for seq in lex["nouns"]}
    lowers |= {verb + suffix for verb in lex["verbs"] for suffix in _VERB_SUFFIXES}  # what _verb_lemma mends
    lemmas = set(lex["verbs"]) | lex["pair"] | {seq[0] for seq in lex["nouns"] if len(seq) == 1}
    lemmas.add("expect")  # "is expected in Beijing"
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


def _find_triggers(doc: Any, sent: Any, people: People) -> list[Found]:
    lex = _lex()
    tokens = doc
    found: list[Found] = []
    used: set[int] = set()
    may = _may_trigger(doc)
    candidates = [doc[i] for i in range(sent.start, sent.end) if may[i]]
    for t in candidates:
        if t.i in used:
            continue
        phrase = _phrase_at(tokens, t.i, lex["phrases"])
        if phrase:
            n, etype = phrase
            used.update(range(t.i, t.i + n))
            verb = t if t.pos_ in {"VERB", "AUX"} else t.head
            f = Found(etype, t.i, sent, planned=_is_planned(verb))
            subj = _subject(verb)
            f.participants = people.resolve(subj) if subj is not None else []
            others = _objects(verb, people, preps={"with", "on", "between"})
            f.participants += [p for p in others if p not in f.participants]
            if f.participants:
                f.actor = f.participants[0]
                f.recipient = others[0] if others else None
            elif etype not in {"other", "signing"}:
                continue
            found.append(f)
            continue
        if t.i == sent.start and t.lower_ in {"meeting", "visiting"} and t.i + 1 < len(doc) \
                and doc[t.i + 1].text[:1].isupper():
            made = _verb_event(t, sent, people, used)
            if made:
                used.add(t.i)
                found += made
                continue
        if t.pos_ in {"VERB", "AUX"} and _verb_lemma(t) in lex["verbs"] or (
                t.pos_ == "VERB" and _verb_lemma(t) in lex["pair"]):
            made = _verb_event(t, sent, people, used)
            if made:
                used.add(t.i)
            found += made
        elif t.pos_ in {"NOUN", "PROPN"} and _noun_type(t):
            f = _noun_event(t, sent, people, used)
            if f:
                found.append(f)
                used.update(g.i for g in t.subtree)
    # "is expected in Beijing": a planned visit
    for t in candidates:
        if t.lemma_ == "expect" and t.tag_ == "VBN" and any(c.dep_ == "prep" and c.lower_ in {"in", "at"} for c in t.children):
            subj = _subject(t)
            persons = people.resolve(subj) if subj is not None else []
            place = _place(t)
            if persons and place:
                found.append(Found("visit", t.i, sent, persons[:1], actor=persons[0], planned=True, location=place))
    return found


def _objects(verb: Any, people: People, preps: set[str]) -> list[Any]:
    """People the verb acts on: its object, and "with/on/between" phrases on the verb or on its object noun
    ("paid a courtesy call on X", "held talks with X"), and the agent of a passive."""
    out: list[Any] = []

    def add(persons: list[Any]) -> None:
        out.extend(p for p in persons if p not in out)

    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "attr"}:
            add(people.resolve(c))
    # prepositions anywhere in the verb's own clause (the parser often hangs "with X" on the wrong noun)
    stack = [c for c in verb.children if c.dep_ not in {"nsubj", "nsubjpass", "relcl", "advcl", "ccomp", "xcomp",
                                                         "conj", "parataxis"}]
    while stack:
        t = stack.pop()
        if (t.dep_ == "prep" and t.lower_ in preps) or t.dep_ == "agent":
            for g in t.children:
                if g.dep_ == "pobj":
                    add(people.resolve(g))
        stack += [c for c in t.children if c.dep_ not in {"relcl", "advcl", "ccomp", "acl"}]
    return out


def _place(token: Any) -> str | None:
    """A place the trigger happens in/at/to: the first GPE, LOC or FAC entity in its prepositions."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    preps += [g for c in token.children if c.dep_ in {"prt", "prep", "advmod"} for g in c.children if g.dep_ == "prep"]
    for c in preps:
        if c.lower_ in {"in", "at", "to", "for"}:
            for g in c.subtree:
                cm = next((m for m in g.doc._.bb_countries or [] if m.start <= g.i < m.end), None)
                if cm is not None:
                    return g.doc[cm.start:cm.end].text
                if g.ent_type_ in {"GPE", "LOC", "FAC"}:
                    ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
                    if ent is not None:
                        return ent.text
    return None


_VERB_SUFFIXES = ("ed", "d", "ing", "s")


def _verb_lemma(t: Any) -> str:
    """The verb's lemma, mended for words the lemmatizer does not know ("co-chaired" -> "co-chair")."""
    lemma = t.lemma_.lower()
    verbs = _lex()["verbs"]
    if lemma in verbs or lemma in _lex()["pair"]:
        return lemma
    low = t.lower_
    for suffix in _VERB_SUFFIXES:
        if low.endswith(suffix) and low[: -len(suffix)] in verbs:
            return low[: -len(suffix)]
    return lemma


def _verb_event(t: Any, sent: Any, people: People, used: set[int]) -> list[Found]:
    lex = _lex()
    lemma = _verb_lemma(t)
    etype = lex["verbs"].get(lemma)
    is_pair = lemma in lex["pair"] and etype is None
    subj = _subject(t)
    if subj is not None and subj.lower_ in lex["not_participants"]:
        return []
    subjects = people.resolve(subj) if subj is not None else []
    if subj is not None and subj.dep_ == "nsubj" and len(subjects) == 1:
        more = people.in_np(subj)
        if len(more) > 1:
            subjects = more
    if subj is not None and subj.i in used:
        return []  # "the Joint Committee would convene": the committee's meeting is already an event
    if t.i == sent.start and t.lower_ in {"meeting", "visiting", "calling"}:
        # "Meeting Prime Minister X on Wednesday, Marcos reaffirmed ...": a participle opening the sentence
        comma = next((k for k in sent if k.text == "," and k.i > t.i), None)
        limit = comma.i if comma is not None else sent.end
        met = [people.at[k] for k in range(t.i + 1, limit) if k in people.at]
        root_subj = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > limit), None)
        who = people.resolve(root_subj) if root_subj is not None else []
        if met and who and met[0] is not who[0]:
            return [Found(etype or "meeting", t.i, sent, [who[0], met[0]], actor=who[0], recipient=met[0],
                          planned=_is_planned(sent.root), location=_place(t))]
    if lemma == "hold":
        # "held talks", "held about 90 minutes of talks", "would hold a meeting"
        noun = next((g for c in t.children if c.dep_ == "dobj" for g in c.subtree if _noun_type(g)), None)
        if noun is None:
            return []
        etype = _noun_type(noun)
        used.add(noun.i)
        used.update(g.i for g in noun.subtree if _noun_type(g))
    if lemma == "call":
        on = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "on"]
        if not on or any(c.dep_ == "xcomp" for c in t.children):
            return []
    if lemma in {"chair", "co-chair"}:
        for c in t.children:
            if c.dep_ == "dobj":
                used.update(g.i for g in c.subtree if _noun_type(g))
    if lemma == "welcome" and not any(c.dep_ in {"dobj", "nsubjpass"} and people.resolve(c) for c in t.children):
        return []
    if lemma in {"sign", "ink"} and t.dep_ in {"relcl", "acl", "amod"}:
        return []  # "the agreement signed in 2010" names a document, it does not report a signing here
    if lemma == "lay" and not any(g.lower_ == "wreath" for g in t.subtree):
        return []
    if lemma == "lead" and any(c.dep_ == "dobj" and c.lower_ in {"delegation", "mission"} for c in t.children):
        dest = _place(t) or next((_place(c) for c in t.children if c.dep_ == "dobj" and _place(c)), None)
        if dest and subjects:
            return [Found("visit", t.i, sent, subjects[:1], actor=subjects[0], planned=_is_planned(t), location=dest)]
        return []
    if lemma in lex["travel"] and (not _place(t) or any(c.lower_ in {"back", "home"} for c in t.children)):
        return []  # "fly back to Manila" is going home
    if lemma == "meet" and t.dep_ == "amod":
        return []
    if t.dep_ in {"acl", "relcl"} and any(c.lower_ in {"first", "last", "only"} for c in t.head.children):
        return []  # "the first minister to visit the country since ...": a remark, not an event
    planned = _is_planned(t)
    objs = _objects(t, people, preps={"with", "on", "between"} | ({"from"} if lemma in lex["host"] else set()))
    if lemma in lex["host"]:
        # "X received Y": Y is the guest; "Y was received by X"
        passive = any(c.dep_ == "nsubjpass" for c in t.children)
        hosts = objs if passive else subjects
        guests = subjects if passive else objs
        if not guests or not hosts:
            return []
        out = []
        for guest in guests:
            f = Found("meeting", t.i, sent, [guest, hosts[0]], actor=guest, recipient=hosts[0], planned=planned,
                      location=_place(t), hosted=True)
            out.append(f)
        return out
    if is_pair:
        pair = list(subjects)
        pair += [p for p in _objects(t, people, preps={"with"}) if p not in pair]
        if len(pair) < 2 or t.dep_ in {"relcl", "acl", "amod"}:
            # "With Prime Minister X, Marcos reviewed ..."
            with_pp = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            for g in with_pp:
                pair += [p for p in people.resolve(g) if p not in pair]
        if len(pair) < 2 or not _different_sides(pair[:2]):
            return []
        named = all(any(sent.start <= m.start < sent.end for m in p.mentions) for p in pair[:2])
        if not named:
            return []  # "the two sides agreed ...": says nothing about a meeting of its own
        return [Found("meeting", t.i, sent, pair[:2], actor=pair[0], recipient=pair[1], planned=planned, weak=True)]
    if etype == "visit" and lemma == "visit":
        place = _place(t) or _dobj_place(t)
        if not subjects:
            return []
        return [Found("visit", t.i, sent, subjects[:1], actor=subjects[0], planned=planned, location=place)]
    if etype == "visit":
        if not subjects:
            return []
        return [Found("visit", t.i, sent, subjects[:1], actor=subjects[0], planned=planned, location=_place(t))]
    subject_is_country = subj is not None and any(m.start <= subj.i < m.end for m in sent.doc._.bb_countries or [])
    if not subjects:
        if etype in {"signing", "conference", "meeting", "talks"} and subj is not None and (
                subj.lower_ in OBJECT_SUBJECTS or (subject_is_country and etype == "signing")) \
                and not (etype == "signing" and t.dep_ in {"relcl", "acl"}):
            return [Found(etype, t.i, sent, [], planned=planned, location=_place(t))]
        return []
    if not objs and etype in {"meeting"} and lemma == "meet":
        if len(subjects) >= 2:
            return [Found("meeting", t.i, sent, subjects[:2], actor=subjects[0], recipient=subjects[1], planned=planned,
                          location=_place(t))]
        return []
    out = []
    if etype in {"meeting", "call", "talks"} and len(objs) >= 1 and lemma in {"meet", "call", "phone", "telephone", "ring"}:
        for o in objs:  # "met A, B and C" is three meetings
            if o in subjects:
                continue
            out.append(Found(etype, t.i, sent, [subjects[0], o], actor=subjects[0], recipient=o, planned=planned,
                             location=_place(t)))
        return out
    parts = list(subjects) + [p for p in objs if p not in subjects]
    return [Found(etype, t.i, sent, parts[:4], actor=parts[0], recipient=parts[1] if len(parts) > 1 else None,
                  planned=planned, location=_place(t))]


def _dobj_place(t: Any) -> str | None:
    for c in t.children:
        cm = next((m for m in t.doc._.bb_countries or [] if m.start <= c.i < m.end), None) if c.dep_ == "dobj" else None
        if cm is not None:
            return t.doc[cm.start:cm.end].text
        if c.dep_ == "dobj" and c.ent_type_ in {"GPE", "LOC", "FAC"}:
            return next((e.text for e in c.doc.ents if e.start <= c.i < e.end), c.text)
    return None


def _different_sides(pair: list[Any]) -> bool:
    """Not two people of one delegation (when both their countries are stated)."""
    a, b = pair[0], pair[1]
    if a is b:
        return False
    return not (a.country_sure and b.country_sure and a.country == b.country)


def _noun_event(t: Any, sent: Any, people: People, used: set[int]) -> Found | None:
    lex = _lex()
    etype = _noun_type(t)
    if etype is None or t.i in used:
        return None
    if etype == "statement" and not any(w in span_text(sent).lower() for w in ("press", "news", "media")):
        return None
    # a noun inside the object of another trigger verb is that event ("co-chaired the session of the Commission")
    has_poss = any(c.dep_ == "poss" for c in t.children)
    node = t
    for _ in range(5):
        if node.dep_ not in {"dobj", "pobj", "prep", "compound", "amod", "appos", "nmod", "attr", "npadvmod", "conj"}:
            break
        if node.head.i in used and not has_poss:
            return None
        if node.head is node:
            break
        node = node.head
    participants: list[Any] = []
    actor = recipient = None
    for c in t.children:
        if c.dep_ == "poss":
            participants += people.resolve(c)
    if participants:
        actor = participants[0]
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in {"with", "between", "on", "of"}:
            for g in c.children:
                if g.dep_ == "pobj":
                    if c.lower_ == "of" and etype not in {"visit"}:
                        continue
                    got = [p for p in people.resolve(g) if p not in participants]
                    if got and recipient is None:
                        recipient = got[0]
                    participants += got
    for c in t.children:
        if c.dep_ in {"acl", "relcl"}:
            for g in c.subtree:
                if g.dep_ == "agent":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            participants += [p for p in people.resolve(h) if p not in participants]
    # the verb the noun hangs from: "X paid a courtesy call on Y", "X is on an official visit", "at a press briefing"
    gov = t.head
    hops = 0
    while gov.pos_ not in {"VERB", "AUX"} and gov.head is not gov and hops < 3:
        gov = gov.head
        hops += 1
    planned = _is_planned(t) or (gov.pos_ in {"VERB", "AUX"} and _is_planned(gov))
    placed = gov.lemma_.lower() in lex["place"] or any(c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in lex["place"]
                                                       for c in t.children)
    close = t.head.i == gov.i or (t.head.dep_ == "prep" and t.head.head.i == gov.i and t.head.lower_ in {"on", "at", "for", "in"})
    if t.head.lower_ == "of" and t.head.head.lower_ in {"sidelines", "sideline", "margins", "margin"}:
        close = True  # "met ... on the sidelines of the ASEAN Summit"
    if not close:
        pass
    elif gov.pos_ in {"VERB", "AUX"} and not participants or (etype in {"visit", "meeting", "call"} and actor is None
                                                            and gov.pos_ in {"VERB", "AUX"}):
        subj = _subject(gov)
        if subj is not None and subj.i != t.i and not any(s.i == t.i for s in subj.subtree):
            got = [p for p in people.resolve(subj) if p not in participants]
            if got:
                actor = got[0]
                participants = got[:1] + participants
    if etype == "visit":
        if actor is None:
            return None
        if not has_poss and (gov.lemma_.lower() not in VISIT_VERBS or t.head.lower_ in TIME_PREPS):
            return None
        return Found("visit", t.i, sent, [actor], actor=actor, recipient=recipient, planned=planned,
                     location=_place(t) or _place(gov))
    named_conference = etype == "conference" and t.text[:1].isupper() and t.lower_ in {"summit", "summits", "forum",
                                                                                       "conference", "dialogue"}
    signing_of = etype == "signing" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    if not participants:
        if not (placed or named_conference or signing_of
                or (etype in {"conference", "talks", "meeting"} and _place(t) and _has_date_word(sent))):
            return None
        if etype in {"ceremony", "statement"}:
            return None
    if etype in {"meeting", "talks", "call"} and len(participants) == 1 and not placed:
        return None
    return Found(etype, t.i, sent, participants[:4], actor=actor or (participants[0] if participants else None),
                 recipient=recipient, planned=planned, location=_place(t) or _place(gov))


def _has_date_word(sent: Any) -> bool:
    return any(e.label_ == "DATE" for e in sent.ents)


# ------------------------------------------------------------------------------------------- assembly

def _dates_for(doc: Any, sent: Any, found: list[Found]) -> dict[int, tuple[str | None, str | None]]:
    """Each trigger's date: the nearest date expression in its sentence not inside another clause's relative."""
    try:
        from briefing.extract.dates import find_dates
    except ImportError:  # the dates module is built alongside this one
        return {}
    pub = doc._.pub_date
    out: dict[int, tuple[str | None, str | None]] = {}
    if not found:
        return out
    text = span_text(sent)
    mentions = {planned: find_dates(text, pub, planned=planned) for planned in {f.planned for f in found}}
    claimed: set[int] = set()
    pairs = []
    for k, f in enumerate(found):
        for mi, m in enumerate(mentions[f.planned]):
            tok = doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
            if tok is None:
                continue
            if _inside_other_relcl(tok.root, doc[f.trigger]):
                continue
            if re.search(r"(?i)\b(?:until|till|through|up to)\s*$", text[max(0, m.start - 12):m.start]):
                continue  # "for five years, until 2029": a term, not the event's date
            if not m.end_value and re.search(r"(?i)\bfrom\s*$", text[max(0, m.start - 6):m.start]) and \
                    re.match(r"\s*(?:to|until|till|through)\b", text[m.end:m.end + 12]):
                continue  # "from this year to 2026": a term
            dist = abs(tok.start - f.trigger) if tok.start > f.trigger else abs(f.trigger - tok.end)
            if any(a.i == f.trigger for a in tok.root.ancestors):
                dist = min(dist, 1)  # the date hangs from the trigger itself
            pairs.append((dist, k, mi, m))
    pairs.sort(key=lambda x: x[0])
    done: set[int] = set()
    for _dist, k, mi, m in pairs:
        if k in done or (mi, found[k].planned) in claimed:
            continue
        done.add(k)
        claimed.add((mi, found[k].planned))
        out[k] = (m.value, m.end_value)
    return out


def _inside_other_relcl(date_tok: Any, trigger: Any) -> bool:
    """A date inside a clause that tells of something else ("Ishiba, who took office on October 1")."""
    t = date_tok
    for _ in range(8):
        if t.lower_ in TIME_MARKS and t.dep_ in {"prep", "mark"} and not any(x.i == trigger.i for x in t.head.subtree
                                                                              if x.i >= t.i):
            return True
        on_trigger = t.head.i == trigger.i or (t.head.dep_ == "pobj" and t.head.head.head.i == trigger.i
                                               and t.head.head.lower_ in {"to", "in"})  # "visit to Lisbon, which began"
        other_clause = t.dep_ in {"relcl", "advcl", "acl"} and not on_trigger \
            and not any(x.i == trigger.i for x in t.subtree)
        if other_clause and (t.dep_ != "advcl" or any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in t.children)):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _group(etype: str) -> int:
    if etype == "visit":
        return 0
    if etype in {"meeting", "talks", "call"}:
        return 1
    if etype == "signing":
        return 2
    return 3


def find_events(doc: Any) -> list[Event]:
    people = People(doc, doc._.bb_people or [])
    pub = doc._.pub_date
    records: list[tuple[Found, str | None, str | None]] = []
    for sent in doc.sents:
        if passed_over(doc, sent):
            continue
        found = _find_triggers(doc, sent, people)
        dates = _dates_for(doc, sent, found)
        anchored = _has_country(doc, sent)
        for k, f in enumerate(found):
            if not f.participants and not anchored:
                continue  # "the city council will hold a meeting": nothing between countries
            date, date_end = dates.get(k, (None, None))
            if date and pub and date[:len(pub)] > pub[:len(date)]:
                f.planned = True
            records.append((f, date, date_end))
            if len(f.participants) >= 2:
                people.last_pair = f.participants[:2]
        if not found:
            pair = people._conj_subject_pair(sent)
            if len(pair) >= 2:
                people.last_pair = pair[:2]
    return _merge(doc, records)


def _has_country(doc: Any, sent: Any) -> bool:
    return any(sent.start <= cm.start < sent.end for cm in doc._.bb_countries or [])


def _merge(doc: Any, records: list[tuple[Found, str | None, str | None]]) -> list[Event]:
    lex = _lex()
    merged: list[dict[str, Any]] = []
    for f, date, date_end in records:
        status = "planned" if f.planned else "held"
        key_people = frozenset(id(p) for p in f.participants)
        target = None
        for m in merged:
            if m["status"] != status or _group(m["type"]) != _group(f.type):
                continue
            if _group(f.type) == 3 and m["type"] != f.type:
                continue
            if f.type == "visit" and m["actor"] is f.actor and f.actor is not None:
                target = m
                break
            if len(key_people) >= 2 and m["keys"] == key_people and _compatible(m, f, date):
                target = m
                break
        if target is None:
            merged.append({"type": f.type, "status": status, "keys": key_people, "found": f, "date": date,
                           "date_end": date_end, "actor": f.actor, "recipient": f.recipient,
                           "participants": list(f.participants), "sents": [f.sent], "location": f.location,
                           "weak": f.weak, "hosted": f.hosted})
            continue
        if (not target["weak"] and f.weak) is False and TYPE_PRIORITY.get(f.type, 0) > TYPE_PRIORITY.get(target["type"], 0) \
                and not f.weak:
            target["type"] = f.type
        if target["weak"] and not f.weak:
            target["type"], target["weak"] = f.type, False
            target["actor"], target["recipient"] = f.actor, f.recipient
        if date and (not target["date"] or (f.type == "visit" and date < target["date"])):
            target["date"], target["date_end"] = date, date_end or target["date_end"]
        target["location"] = target["location"] or f.location
        target["hosted"] = target["hosted"] or f.hosted
        if f.sent not in target["sents"] and len(target["sents"]) < 2:
            target["sents"].append(f.sent)
    events = []
    visitors = {id(m["actor"]) for m in merged if m["type"] == "visit" and m["actor"] is not None}
    summiteers = {id(p) for m in merged if m["type"] == "conference" and m["status"] == "held"
                  and doc[m["found"].trigger].lower_ in {"summit", "summits", "forum", "conference"}
                  for p in m["participants"]}
    for m in merged:
        if m["weak"]:
            m["type"] = "meeting"
        types = lex["types"][m["type"]]
        mode = types["mode"]
        cameo = types["planned_cameo"] if m["status"] == "planned" else types["cameo"]
        if m["type"] in {"meeting", "talks"} and m["status"] == "held":
            if m["hosted"]:
                mode, cameo = "host", lex["types"]["meeting"].get("host_cameo", "043")
            elif m["actor"] is not None and id(m["actor"]) in summiteers:
                mode, cameo = "third-party", "044"  # met on the sidelines of a summit
            elif m["actor"] is not None and id(m["actor"]) in visitors:
                mode, cameo = "visit", "042"
        date = m["date"]
        if date is None and m["status"] == "held" and doc._.pub_date and m["participants"]:
            date = doc._.pub_date  # reported without a date: the day it was reported
        evidence = [Evidence.of(doc_text(doc), s.start_char, _trim_end(s)) for s in m["sents"]]
        location = m["location"] or _place_in_clause(doc[m["found"].trigger], deep=not m["found"].weak)
        if location and location.lower().startswith("the "):
            location = location[4:]
        names = [p.name for p in m["participants"]]
        events.append(Event(
            type=m["type"], status=m["status"], date=date, date_end=m["date_end"], location=location,
            participants=names, actor=m["actor"].name if m["actor"] is not None else None,
            recipient=m["recipient"].name if m["recipient"] is not None else None,
            plover_type=types["plover"], plover_mode=mode, cameo=cameo,
            summary=_summary(m, names), evidence=evidence,
        ))
    return events


def _place_in_clause(trigger: Any, *, deep: bool = True) -> str | None:
    """Where the trigger's clause says it happened ("met X in Hanoi", the parser hanging "in Hanoi" on X)."""
    doc = trigger.doc
    near = {trigger.i} | {g.i for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    if deep:
        stack = [c for c in trigger.children if c.dep_ in {"dobj", "attr", "nsubjpass"}]
        while stack:
            t = stack.pop()
            near.add(t.i)
            stack += [c for c in t.children if c.dep_ not in {"relcl", "acl", "advcl", "conj", "cc", "punct"}]
    for t in trigger.subtree:
        if t.i <= trigger.i or t.dep_ != "pobj" or t.head.lower_ not in {"in", "at"} or t.head.head.i not in near:
            continue
        cm = next((m for m in doc._.bb_countries or [] if m.start <= t.i < m.end), None)
        if cm is not None:
            return doc[cm.start:cm.end].text
        ent = next((e for e in doc.ents if e.start <= t.i < e.end and (e.label_ in {"GPE", "FAC", "LOC"} or (
            e.label_ == "ORG" and e[-1].lower_ in VENUE_WORDS))), None)
        if ent is not None:
            return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return None


def _compatible(m: dict[str, Any], f: Found, date: str | None) -> bool:
    """Two mentions can be one event: a call is never an in-person meeting; different dates are different events."""
    if m["date"] and date and not (m["date"].startswith(date) or date.startswith(m["date"])):
        return False
    if m["weak"] or f.weak:
        return True
    return (m["type"] == "call") == (f.type == "call")


def _trim_end(sent: Any) -> int:
    end = sent.end_char
    text = doc_text(sent.doc)
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    return end


def _summary(m: dict[str, Any], names: list[str]) -> str:
    who = " and ".join(names) if names else "Officials"
    what = {"visit": "visit", "meeting": "meeting", "talks": "talks", "call": "call", "signing": "signing",
            "conference": "conference", "ceremony": "ceremony", "statement": "statement", "other": "event"}[m["type"]]
    where = f" in {m['location']}" if m["location"] else ""
    when = "planned " if m["status"] == "planned" else ""
    return f"{who}: {when}{what}{where}"
