"""Events told by a verb: "met", "received", "will travel to", "held talks", "signed".

A verb's own conditions (needs "on" after "called", a wreath after "laid", its type from its object after
"held") are data, in event_verbs.json; this module reads them and the parse. The kinds of verb:
- hosts ("received", "hosted", "welcomed"): the object is the guest, the subject the host;
- pair verbs ("discussed", "agreed"): a meeting only when two named people of different sides do it together;
- visits ("visited", "travelled to"): the traveller alone, with the destination;
- the rest ("met", "called on", "signed"): subject and objects; "met A, B and C" is one event per person met.
"""

from __future__ import annotations

from typing import Any

from briefing.extract.events.cast import Cast, different_sides
from briefing.extract.events.found import Found
from briefing.extract.events.grammar import (
    agents_of,
    for_country_clause,
    is_planned,
    object_place,
    objects_of,
    place_of,
    subject_of,
    verb_lemma,
)
from briefing.extract.events.lexicon import VerbRule, lex, verb_rule, verb_words
from briefing.extract.events.triggers import noun_type
from briefing.extract.layout import sentence_of

_OBJECT_DEPS = {"dobj", "attr", "nsubjpass"}


def opening_participle_event(t: Any, sent: Any, people: Cast) -> list[Found]:
    """ "Meeting Prime Minister X on Wednesday, Marcos reaffirmed ...": a participle opening the sentence."""
    comma = next((k for k in sent if k.text == "," and k.i > t.i), None)
    limit = comma.i if comma is not None else sent.end
    met = [people.at[k] for k in range(t.i + 1, limit) if k in people.at]
    root_subj = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > limit), None)
    who = people.resolve(root_subj) if root_subj is not None else []
    if not (met and who and met[0] is not who[0]):
        return []
    etype = "visit" if t.lower_ == "visiting" else "meeting"
    return [Found(etype, t.i, sent, [who[0], met[0]], actor=who[0], recipient=met[0], planned=is_planned(sent.root),
                  location=place_of(t))]


def _object_trigger(t: Any, rule: VerbRule) -> Any:
    """The event noun a light verb carries: "held talks", "had a phone conversation", "embarked on a tour"."""
    heads = [c for c in t.children if c.dep_ in {"dobj", "attr"}]
    heads += [g for c in t.children if c.dep_ == "prep" and c.lower_ in rule.object_preps for g in c.children
              if g.dep_ == "pobj"]
    for head in heads:
        for g in head.subtree:
            etype = noun_type(g)
            if etype and (not rule.object_types or etype in rule.object_types):
                return g
    return None


def _refused(t: Any, rule: VerbRule, people: Cast) -> bool:
    """Whether the verb's own conditions (event_verbs.json) rule this use out."""
    if rule.object_next and not any(c.dep_ == "dobj" and c.i == t.i + 1 for c in t.children):
        return True  # "expanded the dialogue" is a verb; "held on Monday enlarged talks" an adjective misread
    if rule.not_as and t.dep_ in rule.not_as and not _relative_of_place(t):
        return True  # "the agreement signed in 2010" names a document, it does not report a signing here
    if "acl" in rule.not_as and t.tag_ == "VBN" and t.dep_ == "advcl" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in t.children):
        return True  # "using the Unity Bridge, inaugurated in 2010": the same description, parsed otherwise
    if "acl" in rule.not_as and t.dep_ == "conj" and t.i > 0 and t.doc[t.i - 1].pos_ in {"NOUN", "PROPN"} \
            and not any(c.dep_ == "cc" for c in t.head.children if c.i < t.i) \
            and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in t.children):
        return True  # "highlighted the Joint Action Plan signed November 9": a description parsed as a second verb
    if rule.needs_prep and not any(c.dep_ == "prep" and c.lower_ in rule.needs_prep for c in t.children) \
            and not ("for" in rule.needs_prep and for_country_clause(t) is not None):
        return True  # "called for restraint" is not "called on the President"
    if rule.refuses_deps and any(c.dep_ in rule.refuses_deps for c in t.children):
        return True
    if rule.needs_word and not any(g.lower_ in rule.needs_word for g in t.subtree):
        return True  # "laid out plans" is not "laid a wreath"
    if rule.needs_person_object and not any(c.dep_ in {"dobj", "nsubjpass"} and people.resolve(c) for c in t.children):
        return True  # "welcomed the decision"
    if rule.needs_place and not place_of(t) and not (rule.place_or_visit_told and people.visit_told):
        return True
    if rule.refuses_objects and any(c.dep_ == "dobj" and c.lemma_.lower() in rule.refuses_objects for c in t.children):
        return True  # "signed the guest book"
    return any(c.lower_ in rule.refuses_words for c in t.children)  # "flew back to Manila" is going home


def _relative_of_place(t: Any) -> bool:
    """ "met at the Great Hall, where they signed a series of documents", "held talks, following which two
    documents were signed": a relative clause of place or time with its own subject tells what was done there or
    then, it does not describe a document."""
    if t.dep_ != "relcl" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in t.children) or any(
        c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in t.children)


def _sitting_pair(t: Any, people: Cast) -> list[Any]:
    """Who signed documents whose signing names no one: the two sides of the talks its relative clause hangs on
    ("held talks with B, following which ..."), else the pair the story told last."""
    gov = t.head.head if t.dep_ == "relcl" and noun_type(t.head) else t.head if t.dep_ == "advcl" else None
    if gov is not None and gov.pos_ in {"VERB", "AUX"}:
        subj = subject_of(gov)
        pair = (people.resolve(subj) if subj is not None else [])[:1] + objects_of(gov, people, preps={"with"})[:1]
        if len(pair) == 2 and different_sides(pair):
            return pair
    last = list(people.last_pair)
    return last if len(last) == 2 and different_sides(last) else []


def _documents(phrase: Any) -> bool:
    """Whether a phrase names documents ("two agreements", "the following documents", "eight MoUs")."""
    return any(g.lower_ in verb_words()["document_words"] for g in phrase.subtree)


_NO_PREP = VerbRule(one_per_object=True)


def _called_person(t: Any, rule: VerbRule, people: Cast) -> bool:
    """A verb that wants its preposition ("called on X") but has a person as its object and nothing that
    makes it another sense ("called X a friend", "called X to act"): the event of ``person_object_as``."""
    if rule.person_object_as is None or any(c.dep_ in {"xcomp", "ccomp"} for c in t.children):
        return False
    for prep in (c for c in t.children if c.dep_ in {"prep", "prt"} and c.lower_ in rule.needs_prep):
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if not objects or any(people.resolve(g) for g in objects):
            return False  # "called on the President" (however parsed): a call in person, not "on Tuesday"
    objects = [c for c in t.children if c.dep_ in {"dobj", "oprd"} and people.resolve(c)]  # "called her counterpart"
    return bool(objects) and not _named_as(t, people)


def _named_as(verb: Any, people: Cast) -> bool:
    """ "called X a true friend": an indefinite noun beside the object names what X is called."""
    def indefinite(w: Any) -> bool:
        return any(d.lower_ in {"a", "an"} for d in w.children)

    beside = [c for c in verb.children if c.dep_ in {"dobj", "oprd", "npadvmod", "attr", "dative"}]
    beside += [g for c in beside for g in c.children if g.dep_ in {"appos", "attr", "npadvmod", "oprd"}]
    return any(indefinite(w) and not people.resolve(w) for w in beside)


def _subjects(t: Any, subj: Any, people: Cast) -> list[Any]:
    subjects = people.resolve(subj) if subj is not None else []
    if subj is not None and subj.tag_ in {"NNS", "NNPS"} and len(subjects) == 1 and not any(
            c.dep_ in {"conj", "appos"} for c in subj.children) and not people.in_np(subj):
        # "The foreign ministers of Ghana and Togo met": a plural read as the one minister of defence named
        # elsewhere is no reading; the sitting is the two sides' without names
        subjects = []
    if subj is not None and subj.head.i == t.i:
        # "A of X and B of Y received ...": the parser may make both subjects of the verb, with no conjunct
        before = [c for c in t.children if c.dep_ == "nsubj" and c.i < subj.i and any(g.dep_ == "cc" for g in c.children)]
        earlier = [p for c in before for p in people.resolve(c)]
        subjects = [p for k, p in enumerate(earlier) if p not in earlier[:k]] + [p for p in subjects if p not in earlier]
    if not subjects and subj is not None and subj.lower_ in {"countries", "nations"} and any(
            c.lower_ in {"two", "both"} for c in subj.children) and verb_lemma(t) in verb_words()["country_signs"]:
        # "The two countries are anticipated to sign agreements": the two sides the story is about sign them
        return list(people.last_pair or people.principal_pair())
    if subj is not None and subj.dep_ == "nsubj" and len(subjects) == 1:
        more = people.in_np(subj)
        if len(more) > 1:
            subjects = more
    return subjects


def _with_stand_ins(t: Any, found: list[Found], people: Cast) -> None:
    """ "President A, represented by Vice President B, received X": B was there, beside the one represented."""
    subj = subject_of(t)
    if subj is None:
        return
    stand_ins = [p for c in subj.children if c.dep_ == "acl" and c.lemma_ == "represent"
                 for g in agents_of(c) for p in people.in_phrase(g) or people.resolve(g)]
    for f in found:
        f.participants += [p for p in stand_ins if p not in f.participants]


def verb_event(t: Any, sent: Any, people: Cast, used: set[int]) -> list[Found]:
    found = _verb_event(t, sent, people, used)
    _with_stand_ins(t, found, people)
    rule = verb_rule(verb_lemma(t))
    noun = _object_trigger(t, rule) if rule.type_from_object else None
    if noun is not None and any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children):
        for f in found:  # "joined the leaders' talks", "attended the summit": a sitting told before
            f.told_again = True
    if noun is not None and any(w.tag_ == "NNS" and w.lemma_.lower() == "meeting" for w in [noun, *noun.conjuncts]):
        for f in found:  # "had talks and meetings with A, B and C": one with each
            f.each = f.each or f.type in {"meeting", "talks"}
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and any(
            a.lower_ in {"separate", "bilateral"} for a in g.children) for g in c.children)
           for c in [*t.children, *(noun.children if noun is not None else [])]):
        for f in found:  # "held discussions in separate meetings with A and B": one with each
            f.each = f.each or f.type in {"meeting", "talks"}
    return found


def _verb_event(t: Any, sent: Any, people: Cast, used: set[int]) -> list[Found]:
    words = lex()
    lemma = verb_lemma(t)
    rule = verb_rule(lemma)
    etype = words["verbs"].get(lemma)
    # a pair verb that may also carry an event noun ("spoke at the forum") is a pair verb when it carries none
    is_pair = lemma in words["pair"] and etype is None and (not rule.type_from_object or _object_trigger(t, rule) is None)
    if rule.documents_make and any(_documents(c) for c in t.children if c.dep_ in {"dobj", "nsubjpass"}):
        etype, is_pair = rule.documents_make, False  # "exchanged eight agreements and MoUs": a signing
    subj = subject_of(t)
    if subj is not None and subj.lower_ in words["not_participants"]:
        return []
    if rule.joins_told and subj is not None and subj.dep_ == "nsubjpass":
        return _joins_told(t, sent, subj, people)
    if lemma in verb_words()["bearer_verbs"] and (_borne_message(t, subj) is not None
                                                  or etype is None and not rule.type_from_object):
        return _message_borne(t, sent, subj, people)  # "handed over the trophy": no message, no event
    if lemma in verb_words()["leading_verbs"]:
        heads = _side_heads(t, sent, subj, people)
        if heads is not None:
            return heads
    if subj is not None and subj.i in used:
        return []  # "the Joint Committee would convene": the committee's meeting is already an event
    if lemma in {"receive", "accept", "accredit"}:
        envoys = credentials_of(t, people)
        if envoys:  # "received the credentials of X, the new ambassador of France": a credentials ceremony
            hosts = _subjects(t, subj, people)
            cast = hosts[:1] + [p for p in envoys if p not in hosts]
            return [Found("ceremony", t.i, sent, cast[:6], actor=cast[0], recipient=hosts[0] if hosts else None,
                          planned=is_planned(t), location=place_of(t))]
    if _refused(t, rule, people) or _called_person(t, rule, people):
        if not _called_person(t, rule, people):
            return []
        etype, rule = rule.person_object_as, _NO_PREP  # "called Foreign Minister X today": a phone call
    if t.dep_ in {"acl", "relcl"} and any(c.lower_ in {"first", "last", "only"} for c in t.head.children):
        return []  # "the first minister to visit the country since ...": a remark, not an event
    subjects = _subjects(t, subj, people)
    if etype == "visit" and t.dep_ in {"amod", "compound"}:
        subjects = people.resolve(t.head)  # "visiting Secretary of State X": X is the visitor
        if not subjects:
            return []
    elif etype == "visit" and t.tag_ == "VBG" and t.lower_ == "visiting":
        guests = [p for c in t.children if c.dep_ == "dobj" for p in people.resolve(c)]
        if guests:  # "telling visiting Secretary of State X that ...": read as a verb, meant as an adjective
            return [Found("visit", t.i, sent, guests[:1], actor=guests[0], planned=False)]
    noun = None
    if rule.type_from_object:
        noun = _object_trigger(t, rule)
        if noun is None:
            if not is_pair and (etype is None or lemma in words["pair"]):
                return []
        else:
            etype = noun_type(noun)
            if etype in {"talks", "meeting"} and (by_phone(t) or by_phone(noun)):
                etype = "call"  # "held talks via videoconference", "had a meeting by phone"
            is_pair = False
            used.add(noun.i)
            used.update(g.i for g in noun.subtree if noun_type(g))
    if rule.absorbs_object:
        for c in t.children:
            if c.dep_ == "dobj":
                used.update(g.i for g in c.subtree if noun_type(g))
    # "are set to call on the visiting dignitary": the visit is under way, whatever is planned around it
    planned = (is_planned(t) or _present_with_date(t, sent)) and not (etype == "visit" and t.dep_ in {"amod", "compound"})
    if rule.needs_object:
        objects = [c for c in t.children if c.dep_ == "dobj" and c.lower_ in rule.needs_object]
        dest = place_of(t) or next((place_of(c) for c in objects if place_of(c)), None)
        if not (objects and dest and subjects):
            return []
        return [Found(rule.as_type or "visit", t.i, sent, subjects[:1], actor=subjects[0], planned=planned,
                      location=dest)]
    if lemma in words["host"]:
        return _hosted(t, sent, people, subjects, planned, used)
    if is_pair:
        return _pair_event(t, sent, people, subjects, planned)
    if etype == "visit":
        if not subjects:
            return []
        called_on = [p for c in t.children if c.dep_ == "dobj" for p in people.resolve(c) if p not in subjects]
        if called_on and lemma == "visit" and not object_place(t):
            # "the Prime Minister visited Thongloun Sisoulith, President of Laos, at the Palace": a call on him
            return [Found("meeting", t.i, sent, [subjects[0], p], actor=subjects[0], recipient=p, planned=planned,
                          location=place_of(t)) for p in called_on]
        place = place_of(t) or (object_place(t) if rule.place_from_object else None)
        if subj is not None and people.guests_before(subj):  # "Both foreign leaders arrived": a visit each
            return [Found("visit", t.i, sent, [p], actor=p, planned=planned, location=place) for p in subjects]
        return [Found("visit", t.i, sent, subjects[:1], actor=subjects[0], planned=planned, location=place)]
    objs = objects_of(t, people, preps={"with", "on", "upon", "between"} | rule.person_preps)
    if etype == "signing" and not subjects:
        objs += [p for p in _in_presence_of(t, people) if p not in objs]
        if not objs and subj is not None and subj.dep_ == "nsubjpass" and _documents(subj):
            objs = _sitting_pair(t, people)  # "A held talks with B, following which two documents were signed"
    if not subjects and objs and any(c.dep_ == "auxpass" for c in t.children):
        subjects, objs = objs[:1], objs[1:]  # "the treaty was signed by A and B"
    if not subjects:
        return _group_event(t, sent, subj, etype, planned)
    if not objs and etype == "meeting" and rule.one_per_object:
        if len(subjects) >= 2:  # "A and B met"
            return [Found("meeting", t.i, sent, subjects[:2], actor=subjects[0], recipient=subjects[1], planned=planned,
                          location=place_of(t))]
        return []
    if etype in {"meeting", "call", "talks"} and len(objs) > 1 and rule.one_per_object and _a_group(t):
        # "met with CARICOM leaders, among them A, B and C": one meeting of them all
        cast = subjects[:1] + [o for o in objs if o not in subjects]
        return [Found(etype, t.i, sent, cast[:6], actor=subjects[0], recipient=cast[1], planned=planned,
                      location=place_of(t))]
    # "held bilateral talks with A and B", "had separate meetings with A and B": one each, as "met A, B and C"
    each = rule.one_per_object or (noun is not None and len(objs) > 1 and (
        bool(_each_words(noun) & {"separate", "bilateral"}) or (noun.tag_ == "NNS" and noun_type(noun) == "meeting")))
    if etype in {"meeting", "call", "talks"} and objs and each:
        return [Found(etype, t.i, sent, [subjects[0], o], actor=subjects[0], recipient=o, planned=planned,
                      location=place_of(t)) for o in objs if o not in subjects]  # "met A, B and C": three meetings
    parts = list(subjects) + [p for p in objs if p not in subjects]
    head_noun = noun.head if noun is not None and noun.dep_ in {"amod", "compound"} else noun  # "bilateral meetings"
    if etype in {"meeting", "talks", "call"} and len(parts) < 2 and head_noun is not None and head_noun.tag_ == "NNS" \
            and head_noun.lower_ not in {"talks", "consultations", "negotiations", "discussions"}:
        return []  # "held a series of bilateral meetings with leaders from seven countries": told one by one after
    return [Found(etype, t.i, sent, parts[:4], actor=parts[0], recipient=parts[1] if len(parts) > 1 else None,
                  planned=planned, location=place_of(t))]


def _joins_told(t: Any, sent: Any, subj: Any, people: Cast) -> list[Found]:
    """ "It was attended by A and B", "The session was attended by ...": the agents are the participants of
    the event the subject names, told before (merge joins them to it)."""
    etype = noun_type(subj) or (people.last_told if subj.lower_ in {"it", "this"} else None)
    agents = [p for g in agents_of(t) for p in people.resolve(g)]
    if etype in {None, "visit"} or not agents:
        return []  # a delegation "attending" a visit are its members, not its visitors
    return [Found(etype, t.i, sent, agents[:6], actor=agents[0], recipient=agents[1] if len(agents) > 1 else None,
                  planned=is_planned(t), joins_told=True)]


def credentials_of(verb: Any, people: Cast) -> list[Any]:
    """The envoys whose credentials or letters of credence the verb takes: "received the credentials of X",
    "accepted the letters of credence from A and B", "accepted his Letters of Credence" (the words are those of
    the verb rule of 'present')."""
    words = verb_rule("present").needs_word
    accredited = verb.lemma_ == "accredit"  # "accredited the ambassadors of Uganda, X, and Vietnam, Y": the envoys
    papers = [c for c in verb.children if c.dep_ == "dobj" and (accredited or any(w.lower_ in words for w in c.subtree))]
    if accredited:
        return [p for c in papers for p in people.resolve(c)] or [
            p for c in papers for w in c.children if w.dep_ == "prep" and w.lower_ == "of"
            for g in w.children if g.dep_ == "pobj" for p in people.resolve(g)]
    owners = [g for c in papers for g in c.children if g.dep_ == "poss"]
    owners += [g for c in papers for w in c.subtree if w.dep_ == "prep" and w.lower_ in {"from", "of"}
               and w.head.lower_ not in {"letters", "letter"} for g in w.children if g.dep_ == "pobj"]
    out: list[Any] = []
    for g in owners:
        for p in honoured_pronoun(g, people) if g.pos_ == "PRON" else people.resolve(g):
            if p not in out:
                out.append(p)
    return out


def _borne_message(t: Any, subj: Any) -> Any:
    """The message a bearer verb carries: its passive subject or its object, when one of the message nouns."""
    passive = subj is not None and subj.dep_ == "nsubjpass"
    carried = [subj] if passive else [c for c in t.children if c.dep_ == "dobj"]  # "handed over X a message"
    return next((c for c in carried if c.lemma_.lower() in verb_words()["message_nouns"]), None)


def _message_borne(t: Any, sent: Any, subj: Any, people: Cast) -> list[Found]:
    """ "The message was delivered to the President at State House by Special Envoy X", "X handed over a letter
    from Y to Z": the bearer was received by the one it was brought to (the writer, "from Y", was not there)."""
    message = _borne_message(t, subj)
    if message is None:
        return []
    passive = message.dep_ == "nsubjpass"
    if passive:  # the parser may hang the "by" on the place before it ("at State House by the Envoy")
        by = [c for c in t.subtree if c.dep_ in {"agent", "prep"} and c.lower_ == "by" and not c.is_ancestor(message)
              and (c.head.i == t.i or c.head.dep_ == "pobj")]
        bearers = [p for c in by[:1] for g in c.children if g.dep_ == "pobj" for p in people.resolve(g)]
    else:
        bearers = people.resolve(subj) if subj is not None else []
    to = [c for w in (t, message) for c in w.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"]
    hosts = [p for c in to for g in c.children if g.dep_ == "pobj" for p in people.resolve(g) if p not in bearers]
    hosts += [p for c in t.children if c.dep_ in {"dobj", "dative"} and c.i != message.i  # "handed X a message"
              for p in people.resolve(c) if p not in bearers and p not in hosts]
    if not bearers or not hosts:
        return []
    return [Found("meeting", t.i, sent, [bearers[0], hosts[0]], actor=bearers[0], recipient=hosts[0],
                  planned=is_planned(t), location=place_of(t), hosted=True)]


def _side_heads(t: Any, sent: Any, subj: Any, people: Cast) -> list[Found] | None:
    """ "The Pakistani delegation was headed by A; the Tajik side was led by B", "A led the Kenyan delegation":
    with no destination, the heads of the sides at the sitting told before, who join it (merge). None when the
    verb says something else ("led a delegation to Hanoi" is a visit)."""
    groups = set(verb_words()["led_groups"]) | {"side"}
    if subj is not None and subj.dep_ == "nsubjpass" and subj.lemma_.lower() in groups:
        heads = [p for g in agents_of(t) for p in people.resolve(g)]
    elif subj is not None and any(c.dep_ == "dobj" and c.lemma_.lower() in groups for c in t.children) \
            and place_of(t) is None and not any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children):
        heads = people.resolve(subj)
    else:
        return None
    etype = people.last_told
    if etype is None or etype == "visit" or not heads:
        return []  # the head of a visiting delegation is the visitor, told by the visit itself
    return [Found(etype, t.i, sent, heads[:2], actor=heads[0], planned=is_planned(t), joins_told=True)]


def _each_words(noun: Any) -> set[str]:
    """The noun and its modifiers (of the noun it modifies, for "bilateral" in "bilateral talks")."""
    words = {noun.lower_} | {c.lower_ for c in noun.children}
    if noun.dep_ in {"amod", "compound"}:
        words |= {noun.head.lower_} | {c.lower_ for c in noun.head.children}
    return words


def _hosted(t: Any, sent: Any, people: Cast, subjects: list[Any], planned: bool, used: set[int]) -> list[Found]:
    """ "X received Y": Y is the guest; "Y was received by X". "X hosted Y at a working dinner", "X hosted a
    state banquet in honour of Y": the dinner is the event, of its own type, between host and guest."""
    passive = any(c.dep_ == "nsubjpass" for c in t.children)
    message = next((c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in verb_words()["message_nouns"]), None)
    if message is not None and not passive:
        # "received a verbal message from X": X wrote; whoever brought it ("delivered by Y") is the one received
        bearers = [p for c in message.subtree if c.dep_ in {"acl", "relcl"} and (  # or on the writer, where the
                       c.head.i == message.i or c.lemma_.lower() in verb_words()["bearer_verbs"])  # parser may hang it
                   for g in agents_of(c) for p in people.resolve(g) if p not in subjects]
        return [Found("meeting", t.i, sent, [b, subjects[0]], actor=b, recipient=subjects[0], planned=planned,
                      location=place_of(t), hosted=True) for b in bearers[:1] if subjects]
    # "was received at the Palace by the Minister of State, X": the parser may hang the host's "by" on the place
    objs = objects_of(t, people, preps={"with", "on", "between", "from", "for"} | ({"by"} if passive else set()))
    objs += [p for p in honoured(t, people) if p not in objs]
    hosts = objs if passive else subjects
    guests = subjects if passive else objs
    if not guests and hosts and not passive:  # "received today at the Palace the President of X, Y": a parse
        guests = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "at" for g in c.children  # that hangs
                  if g.dep_ == "pobj" for p in people.resolve(g) if p not in hosts]  # the guest on "at"
    if not guests and hosts and not passive:  # "received at his residence in Casablanca the President of X, Y":
        guests = [p for c in t.children if c.dep_ == "prep" and c.lower_ in {"at", "in"}  # deeper still, as an
                  for a in c.subtree if a.dep_ == "appos" for p in people.in_phrase(a) if p not in hosts][:1]  # apposition
    occasion = _occasion(t)
    if occasion is not None and not guests and hosts:
        guests = [p for p in people.last_pair if p is not hosts[0]][:1]
    if guests and not hosts and passive and occasion is not None and noun_type(occasion) == "ceremony":
        # "Boko will be welcomed with an official ceremony at the Union Buildings": the guest's, host unnamed
        used.update(g.i for g in occasion.subtree)
        return [Found("ceremony", t.i, sent, guests[:4], actor=guests[0], planned=planned, location=place_of(t))]
    if not guests or not hosts:
        return []  # "the Philippines will host the ASEAN Summit": the summit tells itself
    if occasion is not None:
        used.update(g.i for g in occasion.subtree)
    if occasion is not None and noun_type(occasion) == "call":  # "received a telephone call from X"
        return [Found("call", t.i, sent, [g, hosts[0]], actor=g, recipient=hosts[0], planned=planned)
                for g in guests[:1] if g is not hosts[0]]
    if occasion is not None and noun_type(occasion) in {"conference", "talks"}:
        # "X and Y welcomed A and B to Melbourne for the 2+2 Consultations": one sitting of them all
        cast = list(hosts) + [g for g in guests if g not in hosts]
        return [Found(noun_type(occasion), t.i, sent, cast[:6], actor=guests[0], recipient=hosts[0],
                      planned=planned, location=place_of(t) or place_of(occasion),
                      hosted=noun_type(occasion) == "talks")]
    if occasion is not None and _audience(occasion, people, guests):  # "hosted a reception for the new Ambassador X"
        return [Found("meeting", t.i, sent, [guests[0], hosts[0]], actor=guests[0], recipient=hosts[0],
                      planned=planned, location=place_of(t), hosted=True)]
    if occasion is not None:  # "hosted Lee and the first lady at a working dinner": one dinner
        cast = [g for g in guests if g is not hosts[0]] + hosts[:1]
        return [Found(noun_type(occasion), t.i, sent, cast[:4], actor=cast[0], recipient=hosts[0], planned=planned,
                      location=place_of(t))]
    apart = any(c.dep_ == "advmod" and c.lower_ in {"separately", "individually"} for c in t.children)
    each_host = [h for h in hosts if h not in guests] if apart and not passive else hosts[:1]
    guests, spouses = people.principals(guests)  # "X and Madam Y were received by Z": one audience, X's
    # "A and B separately received X": two audiences, one with each host
    return [Found("meeting", t.i, sent, [guest, host, *spouses], actor=guest, recipient=host, planned=planned,
                  location=place_of(t), hosted=True) for host in each_host for guest in guests if guest is not host]


def _audience(occasion: Any, people: Cast, guests: list[Any]) -> bool:
    """An occasion held "for" one person alone, of a kind that is then an audience ("a reception for X")."""
    if occasion.lemma_.lower() not in verb_words()["audience_nouns"] or len(guests) != 1:
        return False
    for_whom = [p for c in occasion.children if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children if g.dep_ == "pobj" for p in people.resolve(g)]
    return for_whom == guests


def _occasion(t: Any) -> Any:
    """A dinner, banquet, ceremony or sitting a host verb holds: its object, or its "at"/"with"/"for" phrase
    ("hosted X at a working dinner", "welcomed X for the annual consultations")."""
    heads = [c for c in t.children if c.dep_ == "dobj"]
    heads += [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"at", "with", "to", "for"} for g in c.children
              if g.dep_ == "pobj"]
    return next((h for h in heads if noun_type(h) in {"ceremony", "other", "conference", "talks", "call"}), None)


def honoured(t: Any, people: Cast) -> list[Any]:
    """The people a dinner or a ceremony is given for: "in honour of X", "in X's honour", "a dinner hosted
    by A for B"."""
    out: list[Any] = []
    hosts = lex()["host"]
    for g in t.subtree:
        if g.lower_ == "for" and g.dep_ == "prep" and (g.head.i == t.i or verb_lemma(g.head) in hosts):
            out += [p for h in g.children if h.dep_ == "pobj" for p in people.resolve(h)]
        if g.lower_ in {"honour", "honor"} and g.head.lower_ == "in":
            for c in g.children:
                if c.dep_ == "poss":
                    out += honoured_pronoun(c, people) if c.pos_ == "PRON" else people.resolve(c)
                if c.dep_ == "prep" and c.lower_ == "of":
                    for h in c.children:
                        if h.dep_ == "pobj":
                            out += people.resolve(h)
    return out


def honoured_pronoun(pron: Any, people: Cast) -> list[Any]:
    """ "received X at the Palace and hosted a banquet in his honour": "his" is the guest of the clause, never
    the host who gives the banquet (a pronoun is otherwise read as the sentence's subject)."""
    meant = people.resolve(pron)
    verb = pron.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subj = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
    givers = people.resolve(subj) if subj is not None else []
    if not meant or meant[0] not in givers:
        return meant
    clauses = [verb] + ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    guests = [p for v in clauses for c in v.children if c.dep_ == "dobj" for p in people.resolve(c) if p not in givers]
    return guests[:1] or [p for p in people.last_pair if p not in givers][:1]


def _pair_event(t: Any, sent: Any, people: Cast, subjects: list[Any], planned: bool) -> list[Found]:
    """ "A and B discussed ...", "A reviewed ties with B": a meeting only when two named sides do it together
    (not "met X to discuss ...": the purpose of a meeting told by its own verb)."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return []
    pair = list(subjects)
    preps = {"with"} | ({"to"} if verb_lemma(t) in {"speak", "talk"} else set())  # "spoke to X on the telephone"
    pair += [p for p in objects_of(t, people, preps=preps) if p not in pair]
    if len(pair) < 2 or t.dep_ in {"relcl", "acl", "amod"}:
        # "With Prime Minister X, Marcos reviewed ..."
        with_pp = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        for g in with_pp:
            pair += [p for p in people.resolve(g) if p not in pair]
    if len(pair) < 2 or not different_sides(pair[:2]):
        return []
    named = all(any(sent.start <= m.start < sent.end for m in p.mentions) for p in pair[:2])
    if not named and not by_phone(t) and not (planned and not people.last_pair):
        # "the two sides agreed ...": says nothing about a meeting of its own; "they spoke by phone" does, and so
        # does "the two Heads of State will discuss ..." on a visit before any sitting of theirs was told
        return []
    if by_phone(t) or _phone_told_around(sent):  # "spoke by phone with X"; "... in phone call" (headline), then
        # "X spoke with his counterpart Y": the call the story is about
        return [Found("call", t.i, sent, pair[:2], actor=pair[0], recipient=pair[1], planned=planned)]
    return [Found("meeting", t.i, sent, pair[:2], actor=pair[0], recipient=pair[1], planned=planned, weak=True)]


def _remote_word(w: Any) -> bool:
    """ "phone" in "phone call" or "by phone": a word of event_verbs.json's 'remote_words' in its place."""
    words = verb_words()
    return w.lower_ in words["remote_words"] and (
        w.head.lower_ in words["remote_heads"] or (w.head.dep_ == "prep" and w.head.lower_ in words["remote_preps"])
        or (w.dep_ == "pobj" and w.head.lower_ in words["remote_preps"]))


def _phone_told_around(sent: Any) -> bool:
    """A phone or video call named in this sentence, the one before it, or the story's first sentence."""
    doc = sent.doc
    sents = [sent]
    if sent.start > 0:
        sents.append(sentence_of(doc, sent.start - 1))  # Token.sent walks every sentence; this looks it up
        sents.append(sentence_of(doc, 0))
    return any(_remote_word(w) for s in sents for w in s)


def by_phone(verb: Any) -> bool:
    """The verb's own phrases say it was done by phone or video ("by phone", "over the telephone")."""
    remote = verb_words()["remote_words"]
    return any(g.lower_ in remote for c in verb.children if c.dep_ in {"prep", "advmod", "npadvmod"} for g in c.subtree)


def _group_event(t: Any, sent: Any, subj: Any, etype: str | None, planned: bool) -> list[Found]:
    """No person as subject: an event only when a body or the sides do it ("the two sides signed",
    "the commission convened"); its participants come from merging with another telling."""
    if etype == "signing" and subj is None and any(c.dep_ == "auxpass" for c in t.children) and any(
            c.dep_ == "dobj" and c.lower_ in verb_words()["document_words"] for c in t.children):
        return [Found(etype, t.i, sent, [], planned=planned, location=place_of(t))]  # "were signed three instruments"
    if etype not in {"signing", "conference", "meeting", "talks"} or subj is None:
        return []
    subject_is_country = any(m.start <= subj.i < m.end for m in sent.doc._.bb_countries or [])
    documents_signed = etype == "signing" and subj.dep_ == "nsubjpass" and subj.lower_ in verb_words()["document_words"]
    # "Peru and Bolivia will hold the ninth session of their Joint Commission": the countries' sitting
    country_sitting = subject_is_country and (etype == "signing" or (
        etype == "conference" and t.lemma_.lower() in verb_words()["country_sitting_verbs"] and is_planned(t)))
    if subj.lower_ in verb_words()["group_subjects"] or country_sitting or documents_signed:
        if etype == "signing" and t.dep_ in {"relcl", "acl"}:
            return []
        return [Found(etype, t.i, sent, [], planned=planned, location=place_of(t))]
    return []


def _present_with_date(t: Any, sent: Any) -> bool:
    """ "Kristersson continues to Tallinn on Friday", "The Gambia hosts the summit in May": a present-tense verb
    with a date of its own tells a plan (a headline's present tense has no date and tells what happened)."""
    if t.tag_ not in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} for c in t.children) or t.i == sent.start:
        return False
    dated = [c for c in t.children if c.dep_ == "npadvmod"]
    dated += [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    dated = [g for g in dated if g.ent_type_ == "DATE" and not _own_line(g)]
    # "X (R) meets with Y in Kuala Lumpur on Aug. 5, 2015": a caption's full date, written with its year
    return bool(dated) and not any(w.like_num and len(w.text) == 4 for g in dated for w in g.subtree)


def _own_line(token: Any) -> bool:
    """A date standing on a line of its own (a headline's date line the parser ran into it), not the verb's."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start:end if end >= 0 else len(text)]
    return start > 0 and len(line.split()) <= 6 and not any(w.lower() in {"on", "in", "at"} for w in line.split()[:1])


def _a_group(t: Any) -> bool:
    """Whether the verb's object is a group named as such ("CARICOM leaders, among them ...")."""
    heads = [c for c in t.children if c.dep_ == "dobj"]
    heads += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return any(h.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ in {"among", "including"} for c in h.children)
               for h in heads)


def _in_presence_of(t: Any, people: Cast) -> list[Any]:
    """ "signed in (the) presence of the two leaders": the leaders the signing is theirs."""
    out: list[Any] = []
    for g in t.subtree:
        if g.lower_ == "presence" and g.head.dep_ == "prep" or g.lower_ == "presence" and g.head.i == t.i:
            for c in g.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for h in c.children:
                        if h.dep_ == "pobj":
                            out += [p for p in people.resolve(h) if p not in out]
    return out
