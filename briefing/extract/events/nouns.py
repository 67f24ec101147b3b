"""Events told by a noun: "his state visit", "talks with X", "the 9th Joint Commission session was held",
"paid a courtesy call on X". The participants are the noun's possessor and its "with"/"between"/"on"
phrase, or the subject of the verb it hangs from; a noun with nobody needs a verb of taking place."""

from __future__ import annotations

from typing import Any

from briefing.extract.countries import code_of
from briefing.extract.events.cast import Cast, different_sides
from briefing.extract.events.found import Found
from briefing.extract.events.grammar import (
    agents_of,
    has_date_word,
    is_planned,
    object_place,
    objects_of,
    place_of,
    subject_of,
)
from briefing.extract.events.lexicon import lex, tense_words, verb_words
from briefing.extract.events.triggers import noun_type
from briefing.extract.events.verbs import credentials_of, honoured
from briefing.extract.layout import span_text

_TAKING_PART = {"attend", "participate", "join", "address", "be", "have", "give", "deliver", "chair", "co-chair", "lead",
                "hold", "host", "open", "close", "conclude", "end", "begin", "start", "pay", "make", "undertake",
                "accord", "grant", "extend", "witness", "oversee", "supervise", "preside"}  # "will be accorded a ceremonial welcome"
_GRANTING = {"grant", "accord", "give"}  # "granted an audience to": a head of state receiving someone
_MEALS = {"dinner", "lunch", "luncheon", "banquet", "breakfast", "reception"}
_SETTING_PREPS = {"at", "during", "since", "after", "before", "following"}
_LEAVING = {"depart", "leave", "conclude", "end", "wrap", "complete"}  # "left X after a visit": the visit was there
_TIME_PREPS = {"during", "after", "before", "since", "ahead", "following", "throughout"}


def noun_event(t: Any, sent: Any, people: Cast, used: set[int]) -> Found | None:
    words = lex()
    etype = noun_type(t)
    if etype is None or t.i in used or _in_a_persons_title(t, people):
        return None
    if etype in {"meeting", "talks"} and (_of_a_body(t) or _named(t)):
        etype = "conference"  # "the eighth meeting of the Joint Commission", "a session of the council"
    joint = any(c.dep_ in {"amod", "compound"} and c.lower_ == "joint" for c in t.children)
    if etype == "statement" and not joint and not any(w in span_text(sent).lower() for w in ("press", "news", "media")):
        return None
    # a noun inside the object of another trigger verb is that event ("co-chaired the session of the Commission")
    has_poss = any(c.dep_ == "poss" for c in t.children)
    node = t
    for _ in range(5):
        if node.dep_ not in {"dobj", "pobj", "prep", "compound", "amod", "appos", "nmod", "attr", "npadvmod", "conj"}:
            break
        if node.head.i in used and not has_poss:
            if node.dep_ == "prep" and node.lower_ == "for" and node.head.lemma_.lower() in words["travel"]:
                break  # "travelling to China for the SCO summit": the summit is its own event, the trip's purpose
            return None
        if node.head.i == node.i or node.head.pos_ in {"VERB", "AUX"} and node.head.i not in used:
            break  # "laid a wreath and gave a joint press conference": the second verb's object is its own event
        node = node.head
    participants: list[Any] = []
    actor = recipient = None
    for c in t.children:
        if c.dep_ == "poss":
            participants += people.resolve(c)
    if participants:
        actor = participants[0]
    person_preps = {"with", "between", "on", "of"} | ({"to"} if etype == "meeting" else set())  # "a courtesy call to X"
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in person_preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    if c.lower_ == "of" and etype not in {"visit"} and not (
                            etype in {"meeting", "talks", "call"} and g.pos_ == "PROPN" and people.resolve(g)):
                        continue  # "the meeting of the Joint Commission" is a body's; "of President X" is X's
                    got = [p for p in people.resolve(g) if p not in participants]
                    if got and c.lower_ == "of" and actor is None:  # "the official visit of X to Y"
                        actor = got[0]
                    elif got and recipient is None:
                        recipient = got[0]
                    participants += got
    if etype in {"meeting", "talks"} and t.tag_ == "NNS" and t.head.lemma_.lower() in verb_words()["programme_verbs"]:
        actor, listed = _programme_meetings(t, people)
        if actor is not None and len(listed) >= 1:
            # "X's engagements included meetings with A, B and C": one meeting with each (triggers splits it)
            others = [p for p in listed if p is not actor]
            return Found(etype, t.i, sent, [actor, *others][:6], actor=actor, recipient=others[0] if others else None,
                         planned=is_planned(t.head), location=place_of(t.head), each=True)
    places = [t.head] if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_.lower() in words["place"] else []
    for c in [*t.children, *places]:  # "talks held in Rabat between A and B", "a call took place between A and B"
        if c.dep_ in {"acl", "relcl"} or c in places:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in {"with", "between"}:
                    for g in p.children:
                        if g.dep_ == "pobj":
                            participants += [x for x in people.resolve(g) if x not in participants]
    for g in _taking_part(t):  # "a ceremony ... with the participation of A and B", "in the presence of A"
        participants += [p for p in people.resolve(g) if p not in participants]
    for g in _agents(t):  # "the session, co-chaired by A and B", "an exchange of notes signed by A and B"
        participants += [p for p in _agent_and_guest(g, etype, people) if p not in participants]
    if etype in {"ceremony", "other"}:
        participants += [p for p in honoured(t, people) if p not in participants]
    if t.dep_ == "nsubj" and t.head.lemma_ == "be" and etype in {"meeting", "talks", "call"} and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in t.head.children):
        # "The first meeting was with X": with the one the story follows (who granted the audiences)
        met = [p for c in t.head.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj" for p in people.resolve(g)]
        host = people.center or people.subject_before(t.i) or people.first_named()
        participants += [p for p in ([host] if host is not None and met else []) + met if p not in participants]
    if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_.lower() in _TAKING_PART | {"end", "conclude", "open"}:
        for c in t.head.children:  # "the strategic dialogue concluded with both ministers, A and B, pledging ..."
            if c.dep_ == "prep" and c.lower_ == "with":
                for g in c.children:
                    if g.dep_ == "pobj":
                        participants += [p for p in people.resolve(g) if p not in participants]
    # the verb the noun hangs from: "X paid a courtesy call on Y", "X is on an official visit", "at a press briefing"
    gov = t.head
    hops = 0
    while gov.pos_ not in {"VERB", "AUX"} and gov.head.i != gov.i and hops < 3:
        gov = gov.head
        hops += 1
    if t.head.lower_ == "of" and t.head.head.lower_ == "ahead":
        planned = True  # "ahead of the NATO summit in June": still to come when told
    elif t.head.dep_ == "prep" and t.head.lower_ in _SETTING_PREPS:
        # "agreed to coordinate ... at their first bilateral meeting": the setting of what was said, taking
        # its status from its own words or a future verb, not from the plan the clause speaks of
        planned = is_planned(t, climb=False) or any(c.dep_ == "aux" and c.lower_ in tense_words()["future_aux"]
                                                    for c in gov.children)
    elif t.head.lower_ == "of" and t.head.head.lemma_.lower() in tense_words()["done_frames"]:
        planned = is_planned(t)  # "to implement the results of Xi's visit": the visit's own words, not the plan's
    else:
        planned = is_planned(t) or (gov.pos_ in {"VERB", "AUX"} and is_planned(gov))
    # "the Leaders' Meeting that will take place in San Francisco this week": its own clause says when
    planned = planned or any(c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in words["place"]
                             and is_planned(c, climb=False) for c in t.children)
    placed = _takes_place(gov, words["place"], t) or any(c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in words["place"]
                                                      for c in t.children)
    close = t.head.i == gov.i or (t.head.dep_ == "prep" and t.head.head.i == gov.i and t.head.lower_ in {"on", "at", "for", "in", "during"})
    if t.head.lower_ == "of" and t.head.head.lower_ in {"sidelines", "sideline", "margins", "margin"}:
        close = True  # "met ... on the sidelines of the ASEAN Summit"
    if not close:
        pass
    elif t.dep_ == "dobj" and t.head.i == gov.i and gov.lemma_.lower() not in _TAKING_PART \
            and gov.lemma_.lower() not in words["place"] \
            and gov.lemma_.lower() not in verb_words()["visit_light_verbs"] and gov.lemma_.lower() not in words["verbs"]:
        pass  # "had met X to prepare the summit": whoever prepares a summit is not said to sit in it
    elif any(c.dep_ == "prep" and c.lower_ == "between" for c in t.children):
        pass  # "welcomed the talks between the two foreign ministers": those who welcome them did not sit in them
    elif gov.pos_ in {"VERB", "AUX"} and not participants or (etype in {"visit", "meeting", "call", "talks", "conference"}
                                                            and actor is None and gov.pos_ in {"VERB", "AUX"}):
        subj = subject_of(gov)
        if subj is not None and subj.i != t.i and not any(s.i == t.i for s in subj.subtree):
            got = [p for p in people.resolve(subj) if p not in participants]
            if got:
                actor = got[0]
                # "A and B opened the joint session": a sitting is all of theirs; a visit or a call the first's
                participants = (got if etype in {"conference", "talks", "ceremony", "statement", "signing"}
                                else got[:1]) + participants
    if close and gov.lemma_.lower() == "accompany" and etype in {"meeting", "talks", "conference", "visit", "ceremony"}:
        # "accompanied the President, X, in bilateral meetings with Y": X's meetings, the subject at X's side
        led = [p for c in gov.children if c.dep_ == "dobj" for p in people.resolve(c)]
        if led:
            actor = led[0]
            participants = led[:1] + [p for p in participants if p is not led[0]]
    if etype == "ceremony" and len(participants) <= 1:
        participants += [p for p in _credentials_bearer(t, people) if p not in participants]
    hosted = False
    if etype in {"meeting", "talks"} and gov.lemma_.lower() in _GRANTING and t.head.i == gov.i and actor is not None:
        # "granted an audience to X", "accorded separate audiences to A, B and C": the subject receives them
        guests = [p for g in _to_objects(gov, t) for p in people.resolve(g) if p is not actor]
        if guests:
            participants += [p for p in guests if p not in participants]
            recipient, hosted = guests[0], True
    if len(participants) == 1 and (etype == "statement" or etype == "ceremony" and t.lower_ in _MEALS):
        # "X said at the joint press conference", "a working dinner hosted by X": X and the one X met
        pair = people.last_pair or people.principal_pair()
        if participants[0] in pair:
            participants += [p for p in pair if p is not participants[0]][:1]
    if etype == "visit" and gov.lemma_.lower() == "meet" and people.center is not None and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) and any(
            p is people.center for p in objects_of(gov, people, preps={"with"})):
        actor = people.center  # "X will meet with Y during his visit", Y the visitor told before: Y's visit
        participants = [actor]
    if etype == "visit" and gov.lemma_.lower() in words["host"] and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children):
        guests = [p for c in gov.children if c.dep_ == "dobj" for p in people.resolve(c)]
        if guests:  # "welcomed Minister X on her first visit to Japan": her visit is the guest's
            actor = guests[0]
            participants = [actor]
    if etype == "visit":
        begins = gov.lemma_.lower() in {"begin", "start", "commence", "open", "kick"}  # "The visit began on 10 August"
        if actor is None and t.dep_ in {"nsubj", "nsubjpass"} and people.center is not None \
                and (not people.visit_told or begins) and any(c.lower_ in {"the", "this"} for c in t.children):
            # "The three-day official visit, which began on Sunday, ...": the visit the story follows, when no
            # visit was told before (else "the visit" is that one, told again)
            return Found("visit", t.i, sent, [people.center], actor=people.center, planned=planned,
                         location=place_of(t))
        left = t.head.head if t.head.dep_ == "prep" and t.head.lower_ in {"following", "after"} else None
        if t.head.dep_ == "prep" and t.head.lower_ == "from" and t.head.head.lemma_.lower() == "return":
            left = t.head.head  # "has returned home from a day's working visit to his Ivorian counterpart"
        returning = left is not None and left.lemma_.lower() == "return"  # "a day's visit": no visitor's possessive
        if left is not None and (not has_poss or returning) and left.lemma_.lower() in _LEAVING | {"return"} \
                and subject_of(left) is not None:
            # "X departed Jamaica on Wednesday, following an extensive four-day State visit": X's visit there
            leaver = next(iter(people.resolve(subject_of(left))), None)
            if leaver is not None:  # and whom the visit was to ("a visit to his Ivorian counterpart, X")
                hosts = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                         if g.dep_ == "pobj" for p in people.resolve(g) if p is not leaver][:1]
                return Found("visit", t.i, sent, [leaver, *hosts], actor=leaver, recipient=hosts[0] if hosts else None,
                             planned=planned, location=object_place(left) or place_of(left) or place_of(t))
        if actor is None:
            return None
        actor = _visitor_from_abroad(t, gov, actor, people)
        if people.visit_told and t.dep_ == "nsubj" and gov.lemma_.lower() not in (
                words["place"] | _TAKING_PART | verb_words()["visit_light_verbs"]) and not is_planned(t, climb=False):
            # "her visit will contribute to closer ties", "His visit comes weeks before the summit": the visit
            # told before, spoken of; what it will bring is no second visit
            return None
        of_visitor = any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and actor in people.resolve(g) for g in c.children) for c in t.children)
        if not (has_poss or of_visitor) and (gov.lemma_.lower() not in verb_words()["visit_light_verbs"]
                                             or t.head.lower_ in _TIME_PREPS):
            return None  # "during the visit" tells of one told before; "during the visit of X to Y" tells it
        return Found("visit", t.i, sent, [actor], actor=actor, recipient=recipient, planned=planned,
                     location=place_of(t) or place_of(gov))
    if t.lower_ in verb_words()["attended_nouns"] and not (placed and t.dep_ in {"nsubj", "nsubjpass"}) and not (
            close and gov.lemma_.lower() in verb_words()["attending_verbs"]):
        return None  # "since his inauguration": a mention; "attended the inauguration of X" is an event
    named_conference = etype == "conference" and t.text[:1].isupper() and t.lower_ in {"summit", "summits", "forum",
                                                                                       "conference", "dialogue"}
    signing_of = etype == "signing" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    if not participants and gov.pos_ in {"VERB", "AUX"} and (placed or gov.lemma_.lower() in _TAKING_PART):
        for g in _agents(gov):  # "the session concluded on Friday, co-chaired by A and B"  # "the fourth round ... was held at the ministry, co-chaired by A and B"
            participants += [p for p in _agent_and_guest(g, etype, people) if p not in participants]
    if not participants and joint and etype in {"statement", "conference", "talks", "ceremony"} \
            and gov.lemma_.lower() in verb_words()["joint_statement_verbs"]:
        # "the two sides issued a joint statement", "followed by joint press statements": the pair the story told
        # "On the occasion, the two sides issued a joint statement": on a visit, the two the visit is between
        # (the visitor and the host named most), not the last pair of the programme ("met the Speaker")
        principal = people.principal_pair()
        on_visit = people.visit_told and len(principal) == 2 and different_sides(principal)
        participants = list(principal if on_visit else people.last_pair or principal)
    if not participants and etype == "talks" and t.lower_ == "talks" and t.head.lower_ in _SETTING_PREPS:
        # "The two Heads of State were speaking ... after the official talks": the pair the sentence is about
        subj = subject_of(sent.root)
        if subj is not None and subj.i != t.i and any(c.lower_ in {"two", "both"} for c in subj.children):
            pair = people.resolve(subj)
            participants = pair[:2] if len(pair) >= 2 else []
    if t.lower_ == "negotiations" and not has_date_word(sent) and not any(
            c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in t.children):
        return None  # "agreed to open negotiations on a trade agreement": a process; a sitting has sides or a day
    if not participants:
        if gov.pos_ not in {"VERB", "AUX"} and not has_date_word(sent):
            return None  # a name in a list of tags or links, not a report that it took place
        if t.tag_ == "NNS" and not placed and t.lower_ not in {"talks", "consultations", "negotiations", "discussions"}:
            return None  # "an intense agenda of bilateral meetings": the ones told after, each with its people
        if not (placed or named_conference or signing_of
                or (etype in {"conference", "talks", "meeting"} and place_of(t) and has_date_word(sent))):
            return None
        if etype in {"ceremony", "statement"}:
            return None
    if etype in {"meeting", "talks", "call"} and len(participants) == 1 and recipient is not None and actor is None \
            and not close:
        # "X, Secretary General of the Council in a phone call with Y congratulated him": the parser hangs the
        # call on the title; the one who speaks with Y is the sentence's subject
        subj = subject_of(sent.root)
        got = [p for p in (people.resolve(subj) if subj is not None else []) if p not in participants]
        if not got and people.center is not None and people.center not in participants:
            got = [people.center]  # "The Chinese leader's plane took off after two days of talks with X"
        if got:
            actor = got[0]
            participants = got[:1] + participants
    if etype == "call" and len(participants) == 1 and gov.lemma_.lower() in verb_words()["reporting_verbs"] | {
            "tell", "inform", "assure", "urge", "congratulate", "thank", "brief"}:
        # "X told Y in a phone call that ...": the one told is the other end of the line
        participants += [p for c in gov.children if c.dep_ in {"dobj", "dative"} for p in people.resolve(c)
                         if p not in participants][:1]
    if etype in {"meeting", "talks", "call"} and len(participants) == 1 and not placed:
        return None
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children) and not has_poss \
        and recipient is None
    return Found(etype, t.i, sent, participants[:6] if hosted else participants[:4],
                 actor=actor or (participants[0] if participants else None), recipient=recipient, planned=planned,
                 location=place_of(t) or place_of(gov), told_again=definite, hosted=hosted)


def _credentials_bearer(t: Any, people: Cast) -> list[Any]:
    """ "accepted his Letters of Credence in a formal ceremony": the envoy whose credentials the verb the
    ceremony hangs on takes."""
    verb = t.head.head if t.head.dep_ == "prep" else t.head
    return credentials_of(verb, people) if verb.pos_ in {"VERB", "AUX"} else []


def _taking_part(t: Any) -> list[Any]:
    """Those named in "with (the) participation of X", "in the presence of X", "under the co-chairmanship of X",
    on the noun or on the verb it is told with ("A ceremony ... will be held in Vilnius on Sunday with
    participation of A, B and C")."""
    verb = t.head if t.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if t.dep_ == "pobj" and t.head.dep_ == "agent":  # "was followed by a working lunch with the participation of"
        verb = t.head.head
    out = []
    for w in [t] + ([verb] if verb is not None else []):
        for p in w.children:
            if p.dep_ != "prep" or p.lower_ not in {"with", "in", "under"}:
                continue
            for n in p.children:  # "under the co-chairmanship of A and B"
                if n.dep_ == "pobj" and n.lemma_.lower() in {"participation", "presence", "attendance", "chairmanship",
                                                             "co-chairmanship"}:
                    out += [g for o in n.children if o.dep_ == "prep" and o.lower_ == "of"
                            for g in o.children if g.dep_ == "pobj"]
    return out


def _visitor_from_abroad(noun: Any, gov: Any, actor: Any, people: Cast) -> Any:
    """ "X had met with the Angolan President during his state visit to India", X Indian: no one visits their
    own country, so the visitor is the other one the clause names, from elsewhere."""
    home = code_of(place_of(noun) or place_of(gov) or "")
    if home is None or getattr(actor, "country", None) != home:
        return actor
    subj = subject_of(gov) if gov.pos_ in {"VERB", "AUX"} else None
    named = (people.resolve(subj) if subj is not None else []) + objects_of(gov, people, preps={"with", "on"})
    return next((p for p in named if p is not actor and getattr(p, "country", None) not in {None, home}), actor)


_BOUNDS = {"commence", "conclude", "close", "end", "resume", "kick", "wrap"}  # of taking place only with the noun
# as subject or object ("the session concluded", "concluded the talks"), not "concluded a deal with the Council"


def _takes_place(verb: Any, place_verbs: set[str], noun: Any) -> bool:
    """Whether the verb, or the clause it raises ("is expected to be held", "is set to take place next year"),
    is one of taking place."""
    for _ in range(3):
        if verb.lemma_.lower() in place_verbs and (verb.lemma_.lower() not in _BOUNDS or (
                noun.head.i == verb.i and noun.dep_ in {"nsubj", "nsubjpass", "dobj"})):
            return True
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
        if verb is None:
            return False
    return False


def _to_objects(verb: Any, noun: Any) -> list[Any]:
    """The "to" objects of a granting verb or of its noun, with the names listed after the first (which the
    parser may hang on the verb as further objects, or on each other as appositions and conjuncts)."""
    preps = [c for w in (verb, noun) for c in w.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"]
    if not preps:
        return []
    heads = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    heads += [c for c in verb.children if c.dep_ == "dobj" and c.i > preps[0].i and c.i != noun.i]
    out: list[Any] = []
    stack = list(heads)
    while stack:
        g = stack.pop(0)
        if g not in out:
            out.append(g)
            stack += [c for c in g.children if c.dep_ in {"conj", "appos"}]
    return out


def _of_a_body(t: Any) -> bool:
    """Whether the noun is a sitting of a standing body: "meeting of the Joint Commission"."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and noun_type(g) == "conference"
                                                             for g in c.children) for c in t.children)


def _programme_meetings(t: Any, people: Cast) -> tuple[Any, list[Any]]:
    """ "Lord X's engagements included meetings with A, B and C", "her programme includes meetings with ...":
    whose programme it is, and everyone named after "with" (however the parser hung the list)."""
    subj = next((c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    owner = next((p for c in (subj.children if subj is not None else []) if c.dep_ == "poss" for p in people.resolve(c)), None)
    if owner is None and subj is not None and subj.lower_ in {"this", "it"}:
        # "This included talks with A and B": the programme of the one the story follows (or names first)
        owner = people.center or people.first_named()
    with_at = next((c.i for c in t.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if owner is None or with_at is None:
        return None, []
    listed: list[Any] = []
    for i in range(with_at + 1, t.sent.end):  # to the clause's end: the parser scatters a long list of names
        if t.doc[i].pos_ == "VERB":
            break
        p = people.at.get(i)
        if p is not None and p not in listed and any(m.start == i for m in p.mentions):
            listed.append(p)
    return owner, listed


def _in_a_persons_title(t: Any, people: Cast) -> bool:
    """ "X, chairman of the Standing Committee", "the chair of the summit, X": the noun names a person's
    office, not a sitting."""
    node = t
    for _ in range(6):
        if node.i != t.i and node.pos_ == "NOUN" and any(c.dep_ == "appos" and c.i in people.at for c in node.children):
            return True
        if node.dep_ == "appos" and node.i != t.i and node.head.i in people.at:
            return True
        if node.dep_ not in {"pobj", "prep", "compound", "amod", "nmod"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _agent_and_guest(agent: Any, etype: str, people: Cast) -> list[Any]:
    """The people a "by" agent names, and for a dinner or ceremony its guest: "a dinner was held, hosted by
    A for B" (the parser hangs "for B" on A)."""
    out = list(people.resolve(agent))
    # "presided over by Head of State A and Chilean counterpart B": the parser may bury A under B's words
    out += [p for x in agent.subtree if x.i in people.at and x.dep_ in {"pobj", "conj", "appos"}
            for p in [people.at[x.i]] if p not in out and any(c.dep_ == "cc" for c in agent.subtree)]
    if etype in {"ceremony", "other"}:
        out += [p for c in agent.children if c.dep_ == "prep" and c.lower_ == "for" for h in c.children
                if h.dep_ == "pobj" for p in people.resolve(h) if p not in out]
    return out


def _agents(t: Any) -> list[Any]:
    """The "by" agents of the participles that tell of ``t``: its own relative or participle clauses, those
    of its "of" object, and (for a verb) the verbs joined to it."""
    clauses = [c for c in t.children if c.dep_ in {"acl", "relcl", "advcl", "conj"}]
    clauses += [h for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                for h in g.children if h.dep_ in {"acl", "relcl"}]
    clauses += [c for clause in clauses for c in clause.children if c.dep_ == "conj"]  # "held ... and co-chaired by"
    return [g for clause in clauses if clause.pos_ in {"VERB", "AUX"} for g in agents_of(clause)]


def _named(t: Any) -> bool:
    """A sitting with a name of its own: "the Quad Foreign Ministers' Meeting", "the Strategic Dialogue"."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    return t.text[:1].isupper() and before is not None and t.i != t.sent.start and (
        before.text[:1].isupper() or before.text in {"'", "’"}) and not before.is_sent_start
