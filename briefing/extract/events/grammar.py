"""Reading the parse around a trigger: its subject and objects, its place, whether it is a plan."""

from __future__ import annotations

from typing import Any

from briefing.extract.events.cast import Cast
from briefing.extract.events.lexicon import lex, tense_words, trigger_verbs, verb_words

_WANTING_NOUNS = {"invitation", "wish", "desire", "intention", "readiness", "willingness"}


def subject_of(verb: Any) -> Any:
    """The subject of ``verb``, following xcomp/advcl/relcl/conj up to a clause that has one."""
    t = verb
    for _ in range(5):
        subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and not (t.dep_ == "advcl" and for_country_clause(t.head) is not None):
            subject = subjects[-1] if subjects[-1].i < t.i else subjects[0]  # the one nearest before the verb
            return _past_attribution(subject)
        for c in t.children:  # a subject hung on a piece of the verb ("co" "-" "chaired")
            if c.dep_ in {"punct", "compound", "prt"} and c.i < t.i:
                for g in c.children:
                    if g.dep_ in {"nsubj", "nsubjpass"}:
                        return g
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in verb_words()["reporting_verbs"]:
            # "At the invitation of A, B will pay a visit, the spokesperson announced": the clause reported has
            # its own subject (run into the fronted phrase by the parser); never the one who reports it
            return _fronted_subject(t)
        if t.dep_ in {"xcomp", "ccomp", "advcl"} and t.head.pos_ in {"VERB", "AUX"}:
            # "invited Marcos to visit": the object does the visiting; "sent the envoy to deliver a message"
            sent_one = t.dep_ == "advcl" and t.head.lemma_.lower() in verb_words()["sending_verbs"] \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            for c in t.head.children:
                if c.dep_ == "dobj" and (t.dep_ == "xcomp" or sent_one):
                    return c
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ in {"acl", "relcl", "advcl"}:
            # "an invitation for President X to visit", "it is time for both leaders to meet": "for X to V"
            named = [g for c in t.head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < t.i
                     for g in c.children if g.dep_ == "pobj" and g.i < t.i]
            if named and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                return named[-1]
        if t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            # the parser may hang "to visit" on the verb: "conveyed the wish of X, Prime Minister of Y, to visit"
            wished = [g for d in t.head.children if d.dep_ == "dobj" and d.lemma_.lower() in _WANTING_NOUNS - {"invitation"}
                      for c in d.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            if wished:
                return wished[-1]
        if t.dep_ == "acl" and t.head.lemma_.lower() in _WANTING_NOUNS:
            # "extended an invitation to the President to undertake a visit": the one invited; "conveyed the wish
            # of Prime Minister X to visit Japan": the one who wishes
            named = [g for c in t.head.children if c.dep_ == "prep" and c.i < t.i and (
                     c.lower_ == "of" if t.head.lemma_.lower() != "invitation" else c.lower_ in {"to", "for"})
                     for g in c.children if g.dep_ == "pobj"]
            if named and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                return named[-1]
        if t.dep_ == "acl" and t.head.lower_ in {"invitation", "invitations"}:
            # "accepted Lee's invitation to visit Korea": the one who accepted visits, not the one who invited
            gov = t.head.head
            while gov.pos_ not in {"VERB", "AUX"} and gov.head.i != gov.i:
                gov = gov.head
            return subject_of(gov) if gov.pos_ in {"VERB", "AUX"} and gov is not t else None
        if t.dep_ == "acl" and t.head.pos_ in {"NOUN", "PROPN"}:
            return t.head
        if t.head.i == t.i:  # the root (spaCy makes a new Token object for each .head: compare indices)
            return _fronted_subject(t)
        t = t.head
    return None


def _past_attribution(subject: Any) -> Any:
    """ "According to spokesperson A, B called on C": the parser may take A for the subject and hang B on A as
    an apposition; the one who tells is never the subject of what is told."""
    sent = subject.sent
    if sent[0].lower_ != "according" or subject.i == sent.start:
        return subject
    comma = next((w.i for w in sent if w.text == "," and w.i > sent.start), None)
    if comma is None or subject.i > comma:
        return subject
    told = [c for c in subject.children if c.dep_ == "appos" and c.i > comma]
    return told[0] if told else None


def agents_of(verb: Any) -> list[Any]:
    """The heads of a passive verb's "by" phrases ("was attended by A and B": A)."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _fronted_subject(verb: Any) -> Any:
    """ "At the invitation of A, President of X, B, President of Y paid a visit": a sentence root with no
    subject, whose subject the parser joined to the fronted "of" phrase as a conjunct, right before it."""
    fronted = [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i]
    for prep in fronted:
        for g in prep.subtree:
            if g.dep_ == "conj" and g.head.dep_ in {"pobj", "appos"} and g.i < verb.i and not any(
                    c.dep_ == "cc" for c in g.head.children) and g.right_edge.i + 2 >= verb.i:
                return g  # no "and" between them: not a list, a subject run into the phrase before it
    return None


def is_planned(token: Any, *, climb: bool = True) -> bool:
    """Future or intended: "will meet", "is expected to sign", "to take place", "the upcoming summit",
    "invited ... to visit", "accepted an invitation to visit", "is to visit" (words from tense_words.json)."""
    words = tense_words()
    future = words["future_aux"]
    t = token
    for _ in range(4):
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.i > 0 and t.doc[t.i - 1].text == "," and t.sent.root.i != t.i:
            # "agreed on Saturday to build ..., issuing a joint statement": the participle tells of the main
            # clause's deed, whatever the parser hung it on
            return is_planned(t.sent.root, climb=False)
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in future:
                return True
            if c.dep_ in {"amod", "compound"} and c.lower_ in words["planned_modifiers"] and not (
                    c.lower_ in _ARRANGED and _told_as_past(t)):
                return True
            if c.dep_ == "aux" and c.lower_ == "to" and t.head.i == t.i and any(
                    k.dep_ == "nsubj" and k.i < c.i for k in t.children):
                return True  # "PM to visit Turkey this week": a headline's plan, no "is" before its "to"
            if c.dep_ == "aux" and c.lower_ == "to" and t.dep_ in {"xcomp", "acl", "relcl", "advcl", "ccomp"}:
                head = t.head
                if head.pos_ in {"NOUN", "PROPN"} or head.lemma_.lower() in words["intent_verbs"] \
                        or head.lower_ in words["planned_participles"] or head.lemma_ == "be" \
                        or any(k.dep_ == "aux" and k.lower_ in future for k in head.children):
                    return True
        if t.tag_ == "VBN" and t.lower_ in words["planned_participles"]:
            return True
        if not climb or t.dep_ in {"ROOT"} or t.head.i == t.i:
            break
        present_when = t.dep_ == "advcl" and t.tag_ in {"VBZ", "VBP"} and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "once", "after", "before", "while"} for c in t.children)
        if t.dep_ in {"advcl", "conj"} and t.pos_ in {"VERB", "AUX"} and not present_when and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
            break  # "Japan will provide loans, as A and B held talks yesterday": a clause of its own
        if t.dep_ in {"relcl", "ccomp"} and t.pos_ in {"VERB", "AUX"}:
            break
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in words["done_frames"]:
            break  # "to implement the results of Xi's state visit": the visit itself was held
        t = t.head
    return False


_ARRANGED = {"scheduled", "planned", "expected", "anticipated"}  # an arrangement, kept or not; "upcoming" is ahead


def _told_as_past(noun: Any) -> bool:
    """ "They headed to the cultural space, greeted by X for the leaders' scheduled luncheon": a planned word on
    a noun in a clause told in the past tense is the plan that was kept, not one still to come."""
    future = tense_words()["future_aux"]
    t = noun
    for _ in range(6):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in future for c in t.children):
                return False
            if t.tag_ == "VBD":
                return True
    return False


def objects_of(verb: Any, people: Cast, preps: set[str]) -> list[Any]:
    """People the verb acts on: its object, and "with/on/between" phrases on the verb or on its object noun
    ("paid a courtesy call on X", "held talks with X"), and the agent of a passive."""
    out: list[Any] = []

    def add(persons: list[Any]) -> None:
        out.extend(p for p in persons if p not in out)

    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "attr"} or (c.dep_ == "oprd" and not any(d.lower_ in {"a", "an"} for d in c.children)) \
                or (c.dep_ == "appos" and c.i > verb.i and not has_object) \
                or _object_after_day(c, verb, has_object):  # "received in audience, the delegation"

            got = people.resolve(c)  # "called her counterpart, X" is parsed as an object predicate
            if not got and c.dep_ == "dobj" and c.text[:1].isupper():
                # "met Secretary-General of the Community (CARICOM) Dr X": a title whose name the parser cut off
                got = people.named_right_after(c.right_edge.i)
            add(got)
    if not has_object:  # "X received Y, the news agency cites ...": the parser made Y the subject of "cites"
        for c in verb.children:
            if c.dep_ in {"ccomp", "advcl"} and c.i > verb.i and c.lemma_.lower() in verb_words()["reporting_verbs"]:
                comma = next((w.i for w in verb.doc[verb.i + 1:c.i] if w.text == ","), None)
                add([p for n in c.children if n.dep_ == "nsubj" and comma is not None and verb.i < n.i < comma
                     for p in people.resolve(n)])
    # prepositions anywhere in the verb's own clause (the parser often hangs "with X" on the wrong noun)
    stack = [c for c in verb.children if c.dep_ not in {"nsubj", "nsubjpass", "relcl", "advcl", "ccomp", "xcomp",
                                                         "conj", "parataxis"}]
    while stack:
        t = stack.pop()
        if (t.dep_ == "prep" and t.lower_ in preps) or t.dep_ == "agent":
            for g in t.children:
                if g.dep_ == "pobj" and not (t.lower_ == "with" and _companion(t)):
                    add(people.resolve(g) or (people.met_country(g) if t.lower_ == "with" else []))
                    if t.dep_ == "agent":  # "by A, Secretary of X and B, Minister of Y": B hung on the title's X
                        add([people.at[x.i] for x in g.subtree if x.dep_ == "conj" and x.i in people.at])
        stack += [c for c in t.children if c.dep_ not in {"relcl", "advcl", "ccomp", "acl"}
                  or (c.dep_ == "acl" and c.lemma_.lower() in _SEQUENCE)]  # "held a meeting, followed by a lunch,
    return out  # with X": the parser hangs "with X" on the lunch's participle


def _object_after_day(c: Any, verb: Any, has_object: bool) -> bool:
    """ "received Tuesday the Speaker of X": a day between the verb and its object makes the parser read the
    object as a second adverb of time (npadvmod); the one that is no date is the object."""
    return (not has_object and c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ not in {"DATE", "TIME"}
            and any(d.dep_ == "npadvmod" and d.ent_type_ == "DATE" and verb.i < d.i < c.i for d in verb.children))


_SEQUENCE = {"follow", "precede"}
_BESIDE = {"side", "elbow"}
_ALONG = {"accompany", "attend", "present", "tow", "attendance"}


def _companion(with_prep: Any) -> bool:
    """ "met X, with her deputy at her side", "with the trade minister accompanying him", "with aides in
    attendance": someone who came along with the subject, not someone the subject met."""
    if with_prep.head.lower_ in {"along", "together"} and with_prep.head.i == with_prep.i - 1:
        return True  # "X, along with her deputy, held talks with Y"
    after = [c for c in with_prep.head.children if c.i == with_prep.right_edge.i + 1]  # "at her side" on the verb
    for t in [*with_prep.subtree, *(x for c in after for x in c.subtree)]:
        if t.lower_ in {"at", "by"} and any(g.lemma_.lower() in _BESIDE for g in t.children if g.dep_ == "pobj"):
            return True
        if t.i > with_prep.i + 1 and t.lemma_.lower() in _ALONG and t.dep_ in {"acl", "amod", "advmod", "pobj", "prep"}:
            return True
    return False


def place_of(token: Any) -> str | None:
    """A place the trigger happens in/at/to: the first GPE, LOC or FAC entity in its prepositions."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    preps += [g for c in token.children if c.dep_ in {"prt", "prep", "advmod"} for g in c.children if g.dep_ == "prep"]
    for c in preps:
        if c.lower_ in {"in", "at", "to", "for"}:
            for g in c.subtree:
                cm = country_at(g)
                if cm is not None and not (cm.kind == "demonym" and _of_people(g.doc[cm.end - 1])):
                    return g.doc[cm.start:cm.end].text  # ("a visit to his Ivorian counterpart": no place)
                if g.ent_type_ in {"GPE", "LOC", "FAC"}:
                    ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
                    if ent is not None:
                        return ent.text
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        return place_named(token.head)  # "in Mexico, where he arrived on Tuesday"
    country = for_country_clause(token)
    return token.doc[country.start:country.end].text if country is not None else None


def country_at(token: Any) -> Any:
    """The country mention a token stands in, if any."""
    return next((m for m in token.doc._.bb_countries or [] if m.start <= token.i < m.end), None)


def _of_people(demonym: Any) -> bool:
    """Whether a demonym qualifies a noun that names people, not a place ("his Ivorian counterpart", "the Sri
    Lankan and Chinese delegations"; not "the Bolivian capital")."""
    while demonym.dep_ == "conj" and demonym.head.i != demonym.i:
        demonym = demonym.head
    words = verb_words()
    return demonym.head.lemma_.lower() in words["role_nouns"] | words["person_nouns"] | {
        "counterpart", "homologue", "delegation", "side"}


def for_country_clause(verb: Any) -> Any:
    """ "will leave for Botswana to attend the commission": the parser reads "for Botswana to attend" as a clause
    whose subject is the country; it is the verb's destination. The country mention, or None."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            for n in c.children:
                if n.dep_ == "nsubj":
                    cm = country_at(n)
                    if cm is not None:
                        return cm
    return None


def place_after(verb: Any, prep: str) -> str | None:
    """The country or place a preposition of the verb names ("invited X to Russia", "is in Prague"), if any."""
    return next((named for c in verb.children if c.dep_ == "prep" and c.lower_ == prep
                 for g in c.children if g.dep_ == "pobj" for named in [place_named(g)] if named), None)


def place_named(g: Any) -> str | None:
    """The country or place a token names, as written."""
    cm = country_at(g)
    if cm is not None:
        return str(g.doc[cm.start:cm.end].text)
    if g.ent_type_ in {"GPE", "LOC", "FAC"}:
        ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
        return str(ent.text) if ent is not None else None
    return None


VERB_SUFFIXES = ("ed", "d", "ing", "s")


def verb_lemma(t: Any) -> str:
    """The verb's lemma, mended for words the lemmatizer does not know ("co-chaired" -> "co-chair")."""
    lemma = t.lemma_.lower()
    verbs = trigger_verbs()
    if lemma in verbs or lemma in lex()["pair"]:
        return lemma
    low = t.lower_
    if low in verbs:
        return low  # "will ... lay a wreath": the lemmatizer reads the present as the past of "lie"
    for suffix in VERB_SUFFIXES:
        if low.endswith(suffix) and low[: -len(suffix)] in verbs:
            return low[: -len(suffix)]
    return lemma


def object_place(t: Any) -> str | None:
    for c in t.children:
        cm = country_at(c) if c.dep_ == "dobj" else None
        if cm is not None:
            return t.doc[cm.start:cm.end].text
        if c.dep_ == "dobj" and c.ent_type_ in {"GPE", "LOC", "FAC"}:
            return next((e.text for e in c.doc.ents if e.start <= c.i < e.end), c.text)
    return None


def has_date_word(sent: Any) -> bool:
    return any(e.label_ == "DATE" for e in sent.ents)
