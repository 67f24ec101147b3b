"""An event's date: the date expression of its own clause, in the direction its status gives."""

from __future__ import annotations

import re
from datetime import date as Day
from datetime import timedelta
from typing import Any

from briefing.extract.dates import find_dates, number_word, relative_day_word
from briefing.extract.events.found import Found
from briefing.extract.events.lexicon import lex
from briefing.extract.layout import span_text

TIME_MARKS = {"since", "after", "before", "when", "until", "as", "while"}
_OTHER_TIME = {"since", "after", "before", "until"}


def dates_for(doc: Any, sent: Any, found: list[Found]) -> dict[int, tuple[str | None, str | None]]:
    """Each trigger's date: the nearest date expression in its sentence not inside another clause's relative."""
    pub = doc._.pub_date
    out: dict[int, tuple[str | None, str | None]] = {}
    if not found:
        return out
    text = span_text(sent)
    mentions = {planned: find_dates(text, pub, planned=planned) for planned in {f.planned for f in found}}
    claimed: set[tuple[int, int]] = set()
    pairs = []
    for k, f in enumerate(found):
        trigger = doc[f.trigger]
        trigger_verb = _verb_above(trigger)  # the same for every date mention: read once a trigger
        in_relative = _in_relative(trigger)
        for mi, m in enumerate(mentions[f.planned]):
            tok = doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
            if tok is None:
                continue
            if _inside_other_relcl(tok.root, doc[f.trigger]) or _other_coordinate(tok.root, doc[f.trigger]):
                continue
            if tok.root.dep_ in {"nummod", "compound", "amod", "poss"} and tok.root.head.i != f.trigger \
                    and tok.root.head.pos_ in {"NOUN", "PROPN"} and (len(m.value) == 4 or (
                        tok.root.head.pos_ == "NOUN" and lex()["nouns"].get((tok.root.head.lower_,), "") == ""
                        and tok.root.head.ent_type_ not in {"DATE", "TIME"})):  # not "yesterday evening"
                continue  # "the 1977 treaty", "the November 3 presidential election": a thing's name or day
            if re.search(r"(?i)\bahead\s+of\s+(?:the\s+)?$", text[max(0, m.start - 14):m.start]):
                continue  # "ahead of the November 3 election": another thing's day
            if m.end_value and len(m.value) == 4 and re.search(
                    r"(?i)\b(?:for|covering|over)(?:\s+the)?(?:\s+(?:years?|period))?\s*$", text[max(0, m.start - 20):m.start]):
                continue  # "a programme for the years 2025-2027": the programme's term
            if dateline(text, m.start, m.end):
                continue  # "WINDHOEK, 16 APR (NAMPA) -": the day the story was filed
            if _of_the_telling(tok.root, doc[f.trigger]):
                continue  # "will pay a visit to Pakistan, according to a statement on Monday": the statement's day
            if re.search(r"(?i)\b(?:until|till|through|up to|by)\s*$", text[max(0, m.start - 12):m.start]) \
                    or re.match(r"(?i)(?:until|by)\s", m.text):
                continue  # "for five years, until 2029", "completed by the end of the year": a term or a deadline
            if re.search(r"(?i)\bsince\s*$", text[max(0, m.start - 8):m.start]) or m.text.lower().startswith("since"):
                continue  # "their first talks since October": when a gap began, not when anything happened
            if not m.end_value and re.search(r"(?i)\bfrom\s*$", text[max(0, m.start - 6):m.start]) and \
                    re.match(r"\s*(?:to|until|till|through)\b", text[m.end:m.end + 12]):
                continue  # "from this year to 2026": a term
            if f.type == "visit" and not f.planned and pub and m.value[:len(pub)] > pub[:len(m.value)] \
                    and _in_purpose(tok.root, trigger_verb):
                continue  # "arrived on Friday to attend the summit from September 9-10": the summit's days
            words_apart = abs(tok.start - f.trigger) if tok.start > f.trigger else abs(f.trigger - tok.end)
            on_trigger = any(a.i == f.trigger for a in tok.root.ancestors)  # the date hangs from the trigger
            same_clause = _verb_above(tok.root) == trigger_verb  # a tie goes to the trigger's clause
            # "paid a visit to Canberra on 3-4 February, where she attended the meeting": a date outside the
            # "where"/"which" clause a trigger stands in is first the main clause's
            outside = in_relative and not _under(tok.root, trigger_verb)
            pairs.append(((_purpose_of_another(doc, f, found), outside,
                           min(words_apart, 1) if on_trigger else words_apart,
                           not on_trigger, not same_clause, words_apart), k, mi, m))
    pairs.sort(key=lambda x: x[0])
    done: set[int] = set()
    own: set[int] = set()  # triggers whose date hangs from them ("to attend the summit from September 9-10")
    triggers = {f.trigger for f in found}
    for dist, k, _mi, m in pairs:
        if k in done or (m.start, m.end) in claimed:
            continue
        done.add(k)
        out[k] = (m.value, m.end_value)
        if not dist[3]:
            own.add(k)
        if len(triggers) > 1:  # "arrived on Sunday and met X on Monday": each its own; one trigger's events share
            claimed.add((m.start, m.end))  # by place in the text: a held and a planned reading are one mention
    for _dist, k, _mi, m in pairs:  # a verb left over shares the nearest date of its sentence ("held talks and
        if k not in done and _may_share(doc, found[k], sent, m):  # witnessed the signing on Monday")
            done.add(k)
            out[k] = (m.value, m.end_value)
    by_trigger = {f.trigger: k for k, f in enumerate(found)}
    for k, f in enumerate(found):  # a noun trigger stands for its verb too ("paid a visit ... to hold talks")
        by_trigger.setdefault(doc[f.trigger].head.i, k)
    for k, f in enumerate(found):  # "travelling to China for the SCO summit on August 31 and September 1": the
        t = doc[f.trigger]          # trip begins when the sitting it goes to does
        if t.head.lower_ == "for" and t.head.dep_ == "prep" and k in out:
            trip = by_trigger.get(t.head.head.i)
            if trip is not None and trip != k and found[trip].type == "visit":
                out[trip] = out[k]
    for k, f in enumerate(found):  # "travelled to Dhaka that June to exchange the instruments": one time
        t = doc[f.trigger]
        head = by_trigger.get(t.head.i)
        if head is not None and head in out and k not in own and t.dep_ in {"advcl", "xcomp"} \
                and found[head].planned == f.planned and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            out[k] = out[head]
    return out


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def old_picture(doc: Any, sent: Any) -> bool:
    """ "X signs the guest book upon arriving at the White House on May 15, 2017": a caption in the present
    tense under a picture of another year (a story tells the past in the past; a headline has no old date)."""
    pub = doc._.pub_date
    if not pub or len(pub) != 10 or sent.root.tag_ != "VBZ" or not _YEAR.search(sent.text):
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in sent.root.children):
        return False
    cutoff = (Day.fromisoformat(pub) - timedelta(days=60)).isoformat()
    return any(len(m.value) >= 7 and _YEAR.search(m.text) and m.value < cutoff[:len(m.value)]
               for m in find_dates(span_text(sent), pub))


def _in_purpose(token: Any, verb_i: int) -> bool:
    """Whether a token stands in a "to ..." purpose clause below the verb at ``verb_i``."""
    for a in token.ancestors:
        if a.i == verb_i:
            return False
        if a.dep_ in {"advcl", "xcomp"} and a.head.i == verb_i and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                        for c in a.children):
            return True
    return False


def _in_relative(trigger: Any) -> bool:
    """Whether the trigger stands in a relative clause ("..., where she attended the meeting")."""
    t = trigger
    for _ in range(6):
        if t.dep_ == "relcl":
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _under(token: Any, verb_i: int) -> bool:
    """Whether a token stands in the subtree of the verb at index ``verb_i``."""
    return any(a.i == verb_i for a in token.ancestors) or token.i == verb_i


def _verb_above(token: Any) -> int:
    """The index of the verb a token stands under (itself, when a verb)."""
    t = token
    for _ in range(10):
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            return int(t.i)
        t = t.head
    return int(t.i)


_TELLING = {"statement", "release", "announcement", "communique", "communiqué", "readout", "report", "briefing",
            "post", "tweet"}


def _of_the_telling(date_tok: Any, trigger: Any) -> bool:
    """A date that belongs to the statement reporting the event ("according to an official statement on
    Monday", "said in a press release on Friday"), not to the event itself."""
    t = date_tok
    for _ in range(4):
        if t.head.i == t.i or t.head.i == trigger.i:
            return False
        t = t.head
        if t.lemma_.lower() in _TELLING and t.pos_ == "NOUN":
            return True
    return False


def _purpose_of_another(doc: Any, f: Found, found: list[Found]) -> bool:
    """ "will pay a visit from May 5-6 to hold talks": the talks are the visit's purpose and take its date
    (below), so the visit chooses its date first."""
    t = doc[f.trigger]
    verb = t if t.pos_ in {"VERB", "AUX"} else t.head
    if verb.dep_ not in {"advcl", "xcomp", "acl"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    others = {doc[g.trigger].i for g in found if g is not f} | {doc[g.trigger].head.i for g in found if g is not f}
    return verb.head.i in others or verb.head.head.i in others


def _may_share(doc: Any, f: Found, sent: Any, mention: Any) -> bool:
    """Whether a trigger whose nearest date another took may share it: a verb may; a noun only when the date
    hangs on the verb the noun is told with ("the meeting should take place in 2024"), not on another
    clause's ("had met on Friday to prepare the summit")."""
    t = doc[f.trigger]
    if t.pos_ in {"VERB", "AUX"} or (t.head.lower_ == "of" and t.head.head.lower_ == "day"):
        return True  # a verb, or "met X on Thursday, on the second day of her visit"
    gov = t.head
    while gov.pos_ not in {"VERB", "AUX"} and gov.head.i != gov.i:
        gov = gov.head
    span = doc.char_span(sent.start_char + mention.start, sent.start_char + mention.end, alignment_mode="expand")
    return span is not None and any(a.i == gov.i for a in span.root.ancestors) and t.dep_ in {"nsubj", "nsubjpass"}


_DATELINE_BEFORE = re.compile(r"^[\s\"“]*[A-Z][\w .'’-]{1,30}(?:\([^)]{1,40}\))?,?\s*$")
# "(NAMPA) -" or, unbracketed, ", GNA -": the agency's name between the date and the dash
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\d{4})?\s*(?:\([^)]{1,40}\)|,\s*[A-Z]{2,6})?\s*(?:-{1,2}|[—–:])\s")


def dateline(text: str, start: int, end: int) -> bool:
    """ "JAKARTA, June 30 --", "WINDHOEK, 16 APR (NAMPA) -", "Accra, June 14, GNA -": the filing date before the
    story, not an event's."""
    return bool(_DATELINE_BEFORE.match(text[:start]) and _DATELINE_AFTER.match(text[end:end + 50]))


def _clause(token: Any) -> Any:
    """The verb of the clause a token stands in: the nearest verb above it (itself included) with a subject."""
    t = token
    for _ in range(12):
        if t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _other_coordinate(date_tok: Any, trigger: Any) -> bool:
    """ "X had met Y on Friday, and Z joined the leaders' talks": a date in one of two joined clauses, each
    with its own subject, is not the other's when one tells an earlier time (past perfect); "A met B on
    Wednesday, and C hosted D the same evening" shares it."""
    a, b = _clause(date_tok), _clause(trigger)
    joined = a.i != b.i and ((a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i))
    return joined and _pluperfect(a) != _pluperfect(b)  # "had met ... on Friday" is earlier than "joined"


def _pluperfect(verb: Any) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


def _inside_other_relcl(date_tok: Any, trigger: Any) -> bool:
    """A date inside a clause that tells of something else ("Ishiba, who took office on October 1")."""
    t = date_tok
    for _ in range(8):
        deadline = any(c.lower_ in {"end", "close", "start", "beginning"} for c in t.children)  # "before the end of"
        if t.lower_ == "since" and t.dep_ in {"prep", "mark"} and t.i < trigger.i:
            return True  # "Since his inauguration in January, X has visited ...": when a stretch began
        if t.lower_ in TIME_MARKS and t.dep_ in {"prep", "mark"} and not deadline and not any(
                x.i == trigger.i for x in t.head.subtree if x.i >= t.i):
            return True
        on_trigger = t.head.i == trigger.i or (t.head.dep_ == "pobj" and t.head.head.head.i == trigger.i
                                               and t.head.head.lower_ in {"to", "in"})  # "visit to Lisbon, which began"
        if t.dep_ == "acl" and t.lemma_.lower() in lex()["place"] and any(a.i == trigger.i for a in t.head.ancestors):
            on_trigger = True  # "the 5th Session of the Commission, held in Islamabad on 16 June": the session's day
        if t.dep_ in {"acl", "relcl"} and t.head.dep_ == "pobj" and t.head.head.lower_ == "of" and t.head.head.head.i == trigger.i \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            on_trigger = True  # "the first summit of the X dialogue, to be chaired by Y on Saturday": the summit's
        other_clause = t.dep_ in {"relcl", "advcl", "acl"} and not on_trigger \
            and not any(x.i == trigger.i for x in t.subtree)
        if other_clause and (t.dep_ != "advcl" or any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in t.children)):
            return True
        if t.dep_ == "advcl" and t.i > trigger.i and any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in t.children):
            return True  # "his first visit since he was sworn in in November": another time
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_ENDING = {"conclude", "end", "wrap", "complete", "finish", "depart", "leave"}  # "departed ... following a four-day visit"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": 0}


def visit_start(doc: Any, f: Found, day: str | None) -> str | None:
    """The first day of a visit told from a later one: "concluded her three-day visit today" (two days
    before today), "on the second day of his visit" (the day before)."""
    if f.type != "visit" or not day or len(day) != 10:
        return day
    noun = doc[f.trigger]
    back = 0
    length = next((n for c in noun.children if c.dep_ in {"amod", "compound", "nummod", "nmod"}
                   for n in [_days(c)] if n), None)
    if length and (noun.head.lemma_.lower() in _ENDING or noun.head.head.lemma_.lower() in _ENDING):
        back = length - 1
    if noun.head.lower_ == "of" and noun.head.head.lower_ == "day":
        ordinal = next((c.lower_ for c in noun.head.head.children if c.lower_ in _ORDINALS), None)
        if ordinal == "last" and length:
            back = length - 1
        elif ordinal:
            back = _ORDINALS[ordinal] - 1
    if not back:
        return day
    return (Day.fromisoformat(day) - timedelta(days=back)).isoformat()


def visit_length(doc: Any, f: Found) -> int | None:
    """How many days a visit is told to last ("a two-day State visit"), if it says."""
    noun = doc[f.trigger]
    return next((n for c in noun.children if c.dep_ in {"amod", "compound", "nummod", "nmod"}
                 for n in [_days(c)] if n), None)


def _days(token: Any) -> int | None:
    """ "three-day" -> 3, "2-day" -> 2, whether the tokenizer kept it whole or split it at the hyphen."""
    m = re.fullmatch(r"(?i)(\w+)-day", token.text)
    if m:
        return number_word(m.group(1))
    if token.lower_ == "day":
        count = next((c for c in token.children if c.dep_ == "nummod"), None)
        return number_word(count.text) if count is not None else None
    return None


# "after the talks", "at the end of the meeting", "on the sidelines of the summit": a time told by another event
_PART_OF = frozenset({"end", "close", "conclusion", "margin", "margins", "sidelines", "sideline", "start", "opening",
                      "eve", "course"})


def told_by_reference(doc: Any, f: Found) -> str | None:
    """The event noun a trigger's clause is timed by ("After the talks, the two leaders witnessed ..."),
    lower case, when it is one told before (definite), else None."""
    from briefing.extract.events.lexicon import lex

    nouns = lex()["nouns"]
    trigger = doc[f.trigger]
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"after", "following", "during", "at", "on", "upon", "in"}:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.lower_ in _PART_OF:  # "at the end of the meeting"
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        elif prep.lower_ in {"at", "on", "in"}:
            continue  # "at the Royal Palace", "on Friday": a place or a time of its own
        if obj is None or not any(c.dep_ == "det" and c.lower_ in {"the", "these", "this", "that", "those"}
                                  for c in obj.children):
            continue
        if (obj.lower_,) in nouns:
            return obj.lower_
    return None


def told_at_end(doc: Any, f: Found) -> bool:
    """ "At the end of the session, the two Ministers signed ...": timed by the last day of what it names."""
    trigger = doc[f.trigger]
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return any(p.dep_ == "prep" and p.lower_ in {"at", "by", "towards", "toward"} and any(
        o.dep_ == "pobj" and o.lower_ in {"end", "close", "conclusion"} for o in p.children) for p in verb.children)


_DAY_WORDS = {"day", "days", "morning", "evening", "night", "afternoon"}
_AFTER_NUMBER = {"before", "after", "earlier", "later"}  # "a day earlier"; "the previous day" takes the others


def day_shift(doc: Any, trigger: int) -> int:
    """Days between an undated event and the story's day its clause tells: "had spoken by telephone a day
    earlier" -1, "met the President the previous day" -1, "two days later" +2; 0 when it tells none."""
    verb = doc[trigger]
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "on":  # "on the previous day"
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
        if c.dep_ in {"npadvmod", "advmod", "pobj"}:
            # the phrase up to its head word, and a "before"/"later" after it ("the day before"); not what
            # hangs on further ("the previous day at the palace")
            words = [g.lower_ for g in c.subtree if g.i <= c.i]
            words += [r.lower_ for r in c.rights if r.lower_ in _AFTER_NUMBER and not list(r.children)]
            shift = _shift_of(words)
            if shift:
                return shift
    return 0


def _shift_of(words: list[str]) -> int:
    """ "(on) the previous day", "the day before", "two days later" -> the days they move; else 0."""
    if len(words) != 3:
        return 0
    first, middle, last = words
    if first == "the" and last in _DAY_WORDS and middle not in _AFTER_NUMBER:
        return relative_day_word(middle) or 0  # "the previous day", "the following morning"
    if first == "the" and middle == "day":
        return relative_day_word(last) or 0  # "the day before"
    if middle in _DAY_WORDS and last in _AFTER_NUMBER:
        n = 1 if first in {"a", "an"} else number_word(first)
        step = relative_day_word(last)
        return n * step if n and step and n <= 14 else 0  # "two days later"
    return 0
