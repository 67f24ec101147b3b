"""One happening, one item: the tellings of an event in a source merged, and each made an Event."""

from __future__ import annotations

from datetime import date as Day
from datetime import timedelta
from typing import Any

from briefing.extract.countries import code_of, name_of
from briefing.extract.dates import find_dates
from briefing.extract.events.found import Found
from briefing.extract.events.grammar import country_at, is_planned
from briefing.extract.events.lexicon import group, lex, verb_words
from briefing.extract.events.timing import dateline, visit_length
from briefing.extract.layout import doc_text, passed_over, span_text
from briefing.model import Event, Evidence


def merge(doc: Any, records: list[tuple[Found, str | None, str | None]]) -> list[Event]:
    words = lex()
    priority = verb_words()["priority"]
    merged: list[dict[str, Any]] = []
    for f, date, date_end in records:
        status = "planned" if f.planned else "held"
        key_people = frozenset(id(p) for p in f.participants)
        target = None
        if f.joins_told:  # "It was attended by A and B": the last event of its type told before
            target = next((m for m in reversed(merged) if m["type"] == f.type), None)
        if target is None and f.hosted:
            target = next((m for m in merged if m["status"] == status
                           and _welcome_at_sitting(m, f, key_people, date)), None)
        for m in [] if target is not None else merged:
            if m["status"] != status or group(m["type"]) != group(f.type):
                continue
            if group(f.type) == 3 and m["type"] != f.type:
                continue
            if f.type == "visit" and m["actor"] is f.actor and f.actor is not None and _same_trip(m, f) \
                    and not _backstory_and_story(m, f, date):
                target = m
                break
            if len(key_people) >= 2 and m["keys"] == key_people and _compatible(m, f, date):
                target = m
                break
            if _same_pair_told_again(m, f, key_people, date):
                target = m
                break
            if f.told_again and m["type"] == f.type and _compatible(m, f, date) and m["keys"]:
                target = m  # "At the margin of the session, X met Y": the session told before
                key_people = m["keys"]
                break
            if _fewer_in_one_sentence(m, f, key_people):
                target = m
                break
            if _same_without_names(m, f, key_people, date):
                target = m
                break
            if _one_sitting(m, f, key_people, date) or _nameless_told_again(doc, m, f, key_people, date) \
                    or _headline_told_again(m, f, key_people, date) or _told_fuller_next(m, f, key_people, date):
                target = m
                break
        if target is None:
            merged.append({"type": f.type, "status": status, "keys": key_people, "found": f, "date": date,
                           "date_end": date_end, "actor": f.actor, "recipient": f.recipient,
                           "participants": list(f.participants), "sents": [f.sent], "location": f.location,
                           "weak": f.weak, "hosted": f.hosted})
            continue
        if (not target["weak"] and f.weak) is False and priority.get(f.type, 0) > priority.get(target["type"], 0) \
                and not f.weak:
            target["type"] = f.type
        if target["weak"] and not f.weak:
            target["type"], target["weak"] = f.type, False
            target["actor"], target["recipient"] = f.actor, f.recipient
        if date and (not target["date"] or (f.type == "visit" and date < target["date"])):
            target["date"], target["date_end"] = date, date_end or target["date_end"]
        if f.joins_told and len(target["keys"]) < 2:  # "the Pakistani side was led by A; the Tajik side by B"
            key_people = target["keys"] | key_people
            f.participants = target["participants"] + [p for p in f.participants if p not in target["participants"]]
            f.actor, f.recipient = target["actor"] or f.actor, target["recipient"] or f.recipient
        if len(key_people) > len(target["keys"]) and key_people >= target["keys"]:  # the telling naming them all
            target["keys"], target["participants"] = key_people, list(f.participants)
            target["actor"], target["recipient"] = f.actor, f.recipient
        target["location"] = target["location"] or f.location
        target["hosted"] = target["hosted"] or f.hosted
        if f.sent not in target["sents"] and len(target["sents"]) < 2:
            target["sents"].append(f.sent)
    events = []
    lede = lede_date(doc) if any(m["date"] is None for m in merged) else None
    visitors = {id(m["actor"]) for m in merged if m["type"] == "visit" and m["actor"] is not None}
    summiteers = {id(p) for m in merged if m["type"] == "conference" and m["status"] == "held"
                  and doc[m["found"].trigger].lower_ in {"summit", "summits", "forum", "conference"}
                  for p in m["participants"]}
    for m in merged:  # first the happenings, then the visits: a trip starts with the first thing done on it
        if m["date"] is None and m["status"] == "held" and m["participants"] and m["type"] != "visit":
            m["date"] = m["told_date"] = _shifted(_story_date(doc, merged, m, lede) or doc._.pub_date, m)
    for m in merged:
        if m["type"] == "visit" and m["status"] == "held":
            m["date"] = _trip_start(doc, merged, m)
    for m in merged:  # "X will travel to Tonga next week ... will meet Prime Minister Y": the trip's time
        if m["date"] is None and m["status"] == "planned" and m["type"] != "visit":
            trips = [o["date"] for o in merged if o["type"] == "visit" and o["status"] == "planned" and o["date"]
                     and o["actor"] is not None and o["actor"] in m["participants"]]
            if len(set(trips)) == 1:
                m["date"] = trips[0]
    for m in merged:
        if m["participants"] and all(_in_business(p) for p in m["participants"]):
            continue  # "Boeing's chief executive and the airline's officials signed the aircraft deal"
        if m["weak"]:
            m["type"] = "meeting"
        types = words["types"][m["type"]]
        mode = types["mode"]
        cameo = types["planned_cameo"] if m["status"] == "planned" else types["cameo"]
        if m["type"] in {"meeting", "talks"} and m["status"] == "held":
            if m["hosted"]:
                mode, cameo = "host", words["types"]["meeting"].get("host_cameo", "043")
            elif m["actor"] is not None and id(m["actor"]) in summiteers:
                mode, cameo = "third-party", "044"  # met on the sidelines of a summit
            elif m["actor"] is not None and id(m["actor"]) in visitors:
                mode, cameo = "visit", "042"
        date = m["date"]
        if date is None and m["type"] == "visit" and m["status"] == "planned":
            date = _visit_date(merged, m)
        if date is None and m["status"] == "held" and m["participants"]:
            date = _shifted(_story_date(doc, merged, m, lede) or doc._.pub_date, m)
        elif date is None and m["status"] == "planned" and m["participants"]:
            date = _programme_date(merged, m)
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
            summary=_summary(m, names, _who_without_names(doc, m)), evidence=evidence,
        ))
    return events


def _shifted(day: str | None, m: dict[str, Any]) -> str | None:
    """The story's day moved by what the event's clause says ("the previous day", "two days later")."""
    shift = m["found"].day_shift
    if not shift or not day or len(day) != 10:
        return day
    return (Day.fromisoformat(day) + timedelta(days=shift)).isoformat()


def _trip_start(doc: Any, merged: list[dict[str, Any]], m: dict[str, Any]) -> str | None:
    """A visit began no later than the first thing its visitor did on it: "Modi, who is on a two-day visit,
    attended the celebrations ... On Tuesday, shortly after landing, Modi paid homage" began on Tuesday.
    Only days inside the trip count (its told length, else the day before)."""
    day = m["date"]
    if m["actor"] is None or not day or len(day) != 10 or doc[m["found"].trigger].pos_ != "NOUN":
        return day  # "flew to Washington on Sunday" dates its own leg of a tour
    span = max(1, (visit_length(doc, m["found"]) or 2) - 1)
    start = Day.fromisoformat(day)
    earlier = [o["date"] for o in merged if o is not m and o["status"] == "held" and o["date"]
               and len(o["date"]) == 10 and m["actor"] in o["participants"]
               and 0 < (start - Day.fromisoformat(o["date"])).days <= span]
    return min(earlier) if earlier else day


def _programme_date(merged: list[dict[str, Any]], m: dict[str, Any]) -> str | None:
    """An undated plan told after a dated one of the same people is part of that day's programme ("X will
    arrive at the White House on Wednesday morning ... In the evening, Y will host X for a state dinner")."""
    day = None
    for other in merged:
        if other is m:
            return day
        if other["status"] == "planned" and other["date"] and len(other["date"]) == 10 \
                and any(p in other["participants"] for p in m["participants"]):
            day = other["date"]
    return None


def _visit_date(merged: list[dict[str, Any]], m: dict[str, Any]) -> str | None:
    """A planned visit told without its dates begins no later than the first thing the visitor will do on it."""
    days = [o["date"] for o in merged if o is not m and o["status"] == m["status"] and o["date"]
            and len(o["date"]) == 10 and m["actor"] is not None and m["actor"] in o["participants"]]
    return min(days) if days else None


def _story_date(doc: Any, merged: list[dict[str, Any]], m: dict[str, Any], lede: str | None) -> str | None:
    """The day an undated happening took place: a report tells one day's events, so it is the day of the
    last dated event told before it ("held talks yesterday ... The two leaders later witnessed ..."), else the
    day the story opens with, else of the first told after it. Visits are left out: a trip's first day is not the day of its meetings; an
    undated visit began on the earliest day told."""
    if m["type"] == "visit":  # a trip began no later than the first thing the visitor did on it
        days = [o["date"] for o in merged if o["status"] == "held" and o["date"] and len(o["date"]) == 10
                and m["actor"] in o["participants"] and o is not m
                and (not lede or abs((Day.fromisoformat(lede) - Day.fromisoformat(o["date"])).days) <= 14)]
        return min(days) if days else lede
    trip_day = _programme_trip_day(doc, merged, m)
    if trip_day:
        return trip_day
    before = after = None
    seen = False
    pub = doc._.pub_date
    story_day = lede or (pub if pub and len(pub) == 10 else None)
    for other in merged:
        if other is m:
            seen = True
            continue
        day = other["date"] if not other.get("told_date") else None  # only days the text itself gives
        if other["status"] != "held" or not day or len(day) != 10:
            continue
        if other["type"] == "visit" and doc[other["found"].trigger].lemma_.lower() not in lex()["travel"]:
            continue  # "arrived on Thursday. He was greeted by ..." tells the day; "a visit which began" does not
        if _told_as_backstory(doc[other["found"].trigger]):
            continue  # "arrived today, after taking part in the summit held in Doha on Monday"
        if m["participants"] and not any(p in other["participants"] for p in m["participants"]):
            continue  # another cast's day ("was preceded by the officials' session on Monday") is not this one's
        if story_day and abs((Day.fromisoformat(story_day) - Day.fromisoformat(day)).days) > 7:
            continue  # "the two held a meeting on September 9" in a story of the 26th: backstory, no day to share
        if not seen:
            before = day
        elif after is None:
            after = day
    return before or lede or after


def _programme_trip_day(doc: Any, merged: list[dict[str, Any]], m: dict[str, Any]) -> str | None:
    """ "Xi's visit to Myanmar on January 17-18 ... Xi's visit included meetings with A, B and C": meetings a
    trip's programme lists take the trip's first day, however long before the story it was."""
    t = doc[m["found"].trigger]
    gov = t.head
    if gov.lemma_.lower() not in verb_words()["programme_verbs"]:
        return None
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if subj is None or lex()["nouns"].get((subj.lemma_.lower(),)) != "visit":
        return None
    days = [o["date"] for o in merged if o["type"] == "visit" and o["date"] and o["actor"] is not None
            and o["actor"] in m["participants"]]
    return days[0] if len(set(days)) == 1 else None


def _told_as_backstory(trigger: Any) -> bool:
    """A trigger inside an "after"/"since"/"before" phrase of another verb tells what came before the story."""
    t = trigger
    for _ in range(6):
        if t.dep_ in {"prep", "mark"} and t.lower_ in {"after", "since", "before", "following"} \
                and t.head.pos_ in {"VERB", "AUX"} and t.head.i != trigger.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_business(person: Any) -> bool:
    title = (person.title or "").lower()
    return bool(title) and any(word in title for word in verb_words()["business_titles"])


def lede_date(doc: Any, sentences: int = 8) -> str | None:
    """The day a report opens with ("... agreed on Saturday to ..."): the first day named in its first
    sentences, in the week before publication."""
    pub = doc._.pub_date
    if not pub or len(pub) != 10:
        return None
    first = Day.fromisoformat(pub)
    seen = 0
    for sent in doc.sents:
        if passed_over(doc, sent) or not any(t.pos_ == "VERB" for t in sent):
            continue  # furniture: a date line, a byline, a heading without a verb
        if is_planned(sent.root):
            continue  # "X is scheduled to arrive on Wednesday": a plan's day, not the day the story tells
        text = span_text(sent)
        for mention in find_dates(text, pub):
            if len(mention.value) == 10 and 0 <= (first - Day.fromisoformat(mention.value)).days <= 7 \
                    and not dateline(text, mention.start, mention.end):
                return mention.value
        seen += 1
        if seen >= sentences:
            break
    return None


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
        cm = country_at(t)
        if cm is not None:
            return doc[cm.start:cm.end].text
        ent = next((e for e in doc.ents if e.start <= t.i < e.end and (e.label_ in {"GPE", "FAC", "LOC"} or (
            e.label_ == "ORG" and e[-1].lower_ in verb_words()["venue_words"]))), None)
        if ent is not None:
            return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return None


def _fewer_in_one_sentence(m: dict[str, Any], f: Found, key_people: frozenset[int]) -> bool:
    """ "In a separate meeting, A held consultations with B": one sentence, one sitting told twice, once naming
    fewer of its people."""
    if f.sent not in m["sents"] or not key_people or not m["keys"] or key_people == m["keys"] or m["type"] == "visit":
        return False
    if (m["type"] == "call") != (f.type == "call"):
        return False
    return key_people < m["keys"] or m["keys"] < key_people


def _backstory_and_story(m: dict[str, Any], f: Found, date: str | None) -> bool:
    """ "Wong is visiting the Pacific this week ... Wong last visited the Pacific in August 2024": a trip dated
    well before the story and one told undated (the story's own) are two trips."""
    pub = f.sent.doc._.pub_date
    old = [bool(d) and _long_before(d, pub) for d in (m["date"], date)]
    return old[0] != old[1] and (not (m["date"] and date) or not _dates_agree(m["date"], date))


def _same_trip(m: dict[str, Any], f: Found) -> bool:
    """Two tellings of one person's trip: the same destination, or one of them names none ("his visit to Japan",
    "Lee flew to Washington on Sunday" are two trips)."""
    if not m["location"] or not f.location or m["location"] == f.location:
        return True
    a, b = code_of(m["location"]), code_of(f.location)  # "Jakarta" and "Indonesia" are one trip
    return a is None or b is None or a == b


def _same_without_names(m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """One happening told twice, once without its participants: "Qatar and the United States signed agreements
    on Wednesday ... Trump and the Emir signed a statement of intent"; "The talks, held in a restricted format"."""
    if bool(m["keys"]) == bool(key_people) or m["type"] == "visit" or (m["weak"] or f.weak):
        return False
    if m["date"] and date:
        return m["date"] == date and (m["type"] == "call") == (f.type == "call")
    nameless_date = date if not key_people else m["date"]
    if nameless_date and (len(nameless_date) != 10 or _long_before(nameless_date, f.sent.doc._.pub_date)
                          or not f.sent.doc._.pub_date):
        return False  # a dated telling without names is its own happening ("the treaty was signed in 1996");
        # one dated in the story's own days ("the 9th Session ... was held from 14 to 16 May") may be named next
    near = min(abs(f.sent.start - s.start) for s in m["sents"]) <= 120  # tokens: the same or a nearby paragraph
    return near and (m["type"] == "call") == (f.type == "call")


def _same_pair_told_again(m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """A headline and its lede, or a lede and the paragraph after it, telling one sitting of the same two people
    on the same day (or the next telling without a day), one of them naming someone more (a companion, a name
    the headline got wrong)."""
    if m["type"] == "visit" or f.type == "visit" or (m["type"] == "call") != (f.type == "call"):
        return False
    if date and date != m["date"]:
        return False
    if not date and min(abs(f.sent.start - s.end) for s in m["sents"]) > 60:
        return False  # an undated telling: only the paragraph after (tokens apart), not anywhere in the story
    shared = key_people & m["keys"]
    return len(shared) >= 2 and (key_people <= m["keys"] or m["keys"] <= key_people) and _compatible(m, f, date)


def _one_sitting(m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """A conference told again for some of its people on its day ("to address the G7 summit session, which
    the Prime Minister will attend on Monday") is that conference: several sittings of one day with the same
    people are rare, several meetings or ceremonies are not."""
    return f.type == "conference" and m["type"] == "conference" and bool(key_people) \
        and key_people <= m["keys"] and (date is None or (date == m["date"] and len(date) == 10))


def _nameless_told_again(doc: Any, m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """A sitting told twice without its people ("2nd Meeting of the Joint Commission held in Manila" above
    "The 2nd Meeting of the Joint Commission was held on 21 October"): the same noun, a day that can be one."""
    if key_people or m["keys"] or m["type"] != f.type or f.type not in {"conference", "meeting", "talks"}:
        return False
    same_noun = _sitting_noun(doc, m["found"]) == _sitting_noun(doc, f)
    return same_noun and (f.told_again or m["found"].told_again) and _compatible(m, f, date)


def _sitting_noun(doc: Any, f: Found) -> str:
    """The noun a sitting is told by: the trigger, or the object of the verb that holds it ("The Governments
    of A and B hold the 1st Binational Cabinet": cabinet)."""
    t = doc[f.trigger]
    if t.pos_ in {"VERB", "AUX"}:
        t = next((c for c in t.children if c.dep_ == "dobj"), t)
    return str(t.lemma_.lower())


def _headline_told_again(m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """ "Afghan and Chinese presidents sign agreements" over "Ghani and Xi met ..., where they signed a series of
    documents": the headline's happening told again in the body, naming more (or fewer) of its people."""
    if m["type"] != f.type or f.type == "visit" or not key_people or not m["keys"]:
        return False
    if _headline(m["sents"][0]) == _headline(f.sent):
        return False  # exactly one of them is the headline
    return (key_people <= m["keys"] or m["keys"] <= key_people) and _dates_agree(m["date"], date) \
        and _compatible(m, f, date)


def _told_fuller_next(m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """ "X accredited four new ambassadors on Thursday. X received the credentials of A, B, C and D": a
    happening told with one of its people, then right after with all of them, on the same day."""
    if m["type"] != f.type or f.type in {"visit", "call"} or not key_people or not m["keys"]:
        return False
    if not (m["keys"] < key_people or key_people < m["keys"]) or min(len(m["keys"]), len(key_people)) != 1:
        return False
    if (date or m["date"]) and date != m["date"] and (date or _long_before(m["date"], f.sent.doc._.pub_date)):
        return False
    trigger = f.sent.doc[f.trigger]
    if any(c.dep_ == "advmod" and c.lower_ == "also" for w in (trigger, trigger.head) for c in w.children):
        return False  # "X also held a meeting with Y": another one
    return 0 <= f.sent.start - m["sents"][-1].end <= 60  # tokens: the next sentence or the one after


def _headline(sent: Any) -> bool:
    """The source's first line when it is a headline: no full stop at its end."""
    return sent.start == 0 and not sent.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _welcome_at_sitting(m: dict[str, Any], f: Found, key_people: frozenset[int], date: str | None) -> bool:
    """ "In his opening remarks, Minister A welcomed his counterpart": the co-chairs of a sitting told before,
    one welcoming the other on its day, is that sitting, not a meeting of its own."""
    return f.type == "meeting" and f.hosted and m["type"] == "conference" and len(key_people) == 2 \
        and key_people <= m["keys"] and _dates_agree(m["date"], date)


def _compatible(m: dict[str, Any], f: Found, date: str | None) -> bool:
    """Two mentions can be one event: a call is never an in-person meeting; different dates are different events,
    unless both are told in one sentence ("sat down with X on Saturday ... the two had met in a fortnight")."""
    if f.sent in m["sents"]:
        return (m["type"] == "call") == (f.type == "call") or m["weak"] or f.weak
    if not _dates_agree(m["date"], date):
        return False
    if not m["date"] and date and not f.told_again and _long_before(date, f.sent.doc._.pub_date):
        return False  # an undated meeting of the story and "they had met on September 9 / in November 2023"
    if m["weak"] or f.weak:
        return True
    return (m["type"] == "call") == (f.type == "call")


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Two tellings' dates can be one day: either unknown, or one within the other ("2025-05" and "2025-05-14")."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _long_before(date: str, pub: str | None) -> bool:
    """Whether a date (a day, a month or a year) ended more than a week before the story's publication."""
    if not pub or len(pub) != 10 or len(date) not in (4, 7, 10):
        return False
    year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 12
    if len(date) == 10:
        last = Day.fromisoformat(date)
    else:
        last = (Day(year + 1, 1, 1) if month == 12 else Day(year, month + 1, 1)) - timedelta(days=1)
    return (Day.fromisoformat(pub) - last).days > 7


def _trim_end(sent: Any) -> int:
    end = sent.end_char
    text = doc_text(sent.doc)
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    return end


def _who_without_names(doc: Any, m: dict[str, Any]) -> str:
    """What an event with no named people is of: the name its sentence gives it ("the 'Spotlight Singapore in
    Vietnam' slated for October", "the Joint Commission will meet"), else the countries its sentence names."""
    trigger = doc[m["found"].trigger]
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ == "acl":
        before = _name_before(doc, verb.i)  # "the 'Spotlight Singapore in Vietnam' slated for October"
        if before:
            return before
    named = subj if subj is not None and subj.i != trigger.i else trigger if trigger.text[:1].isupper() else None
    if named is not None:
        skip = {c.i for c in named.children if c.dep_ in {"relcl", "acl"} for c in c.subtree}
        words = [t.text for t in named.subtree if t.i not in skip and t.dep_ not in {"det", "punct"}
                 and t.text not in {'"', "“", "”", "'"}]
        if 0 < len(words) <= 8 and any(w[:1].isupper() for w in words):
            return " ".join(words)
    sent = m["found"].sent
    names: list[str] = []
    for cm in doc._.bb_countries or []:
        name = name_of(cm.code)
        if sent.start <= cm.start < sent.end and cm.kind != "capital" and name not in names:
            names.append(name)
    return " and ".join(names[:3])


def _name_before(doc: Any, i: int) -> str:
    """The capitalised name just before token ``i`` ("Spotlight Singapore in Vietnam"), quotes left out."""
    words: list[str] = []
    k = i - 1
    while k >= 0 and doc[k].text in {'"', "“", "”", "'", "’"}:
        k -= 1
    while k >= 0 and (doc[k].text[:1].isupper() or doc[k].lower_ in {"of", "in", "for", "and", "on"}):
        words.insert(0, doc[k].text)
        k -= 1
    while words and not words[0][:1].isupper():
        words.pop(0)
    return " ".join(words) if 1 < len(words) <= 8 else ""


def _summary(m: dict[str, Any], names: list[str], nameless: str = "") -> str:
    who = " and ".join(names) if names else (nameless or "Officials")
    what = {"visit": "visit", "meeting": "meeting", "talks": "talks", "call": "call", "signing": "signing",
            "conference": "conference", "ceremony": "ceremony", "statement": "statement", "other": "event"}[m["type"]]
    where = f" in {m['location']}" if m["location"] else ""
    when = "planned " if m["status"] == "planned" else ""
    return f"{who}: {when}{what}{where}"
