"""Agreements: instruments signed or planned, commitments, proposals, and their status.

Three ways in (word lists in data/agreement_triggers.json):
- a document noun ("memorandum of understanding", "treaty", "working group") whose
  status comes from the verb it hangs from ("signed", "renewal of", "elevated ...
  to", "expected to sign"); a capitalised name ("Defence Cooperation Agreement")
  is an instrument even without a verb;
- a commitment verb with what was committed ("agreed to X and to Y", "agreed on X",
  "agreed that X", "directed officials to X", "reaffirmed their support for X");
- a proposal verb with who asked whom ("X asked Japan to Y", "suggested Singapore Y",
  "invited X to visit Y").
Besides: what both sides will, want or plan to do ("the two governments will set up X"),
and a goal they set ("a target of doubling trade by 2030").
Dash or bullet lists after "the following instruments:" give one item each, as do lists
written without bullets (one short line per document) and plural documents about several
subjects ("memoranda on health, education and tourism": one MoU each). A headline's deals
with an amount or a count ("sign $5bn in deals") are kept when the body does not tell them
again. "builds on those signed in 2010, 2012 and 2016" becomes the previous agreement's
history. Titles are short noun or verb phrases cut from the parse (never page furniture,
examples after "such as" or "of the two countries"); status and date come from the
item's own clause; evidence is the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from briefing.extract.layout import (
    doc_text,
    is_headline,
    passed_over,
    sentence_of,
    shouting,
    span_text,
    token_lemmas,
    token_lowers,
)
from briefing.extract.rules import rules
from briefing.model import Agreement, Evidence

MAX_TITLE_TOKENS = 16
MAX_EVIDENCE = 700
CUT_DEPS = {"relcl", "advcl", "appos", "parataxis", "punct", "mark", "dep", "meta"}
ASIDE_PREPS = {"during", "since", "after", "before", "by", "until", "amid", "following", "despite", "throughout"}
LIGHT_VERBS = {"work", "continue", "seek", "strive", "try", "endeavour", "endeavor", "move", "aim", "begin", "start"}
BULLET = re.compile(r"^\s*(?:[-*•·–—]|\(?[a-z]\)|\(?[ivx]+\)|\d{1,2}[.)])\s+")
STATUS_RANK = {"signed": 7, "renewed": 6, "upgraded": 6, "established": 5, "in-force": 4, "negotiating": 4,
               "planned": 4, "proposed": 4, "agreed": 3}


@dataclass
class Item:
    title: str
    kind: str
    status: str
    sent: Any
    anchor: int  # token index the item hangs on (for dates)
    named: bool = False
    proposer: str | None = None
    addressee: str | None = None
    has_cue: bool = True
    history: list[str] = field(default_factory=list)
    counted: bool = False  # one of documents counted before ("the first MoU"): their status is its own
    more: list[Item] = field(default_factory=list)  # documents signed beside this one ("sign A and an Agreement on B")


@cache
def _lex() -> dict[str, Any]:
    data = rules("agreement_triggers.json")
    docs = sorted(((tuple(k.split()), v) for k, v in data["documents"].items()), key=lambda kv: -len(kv[0]))
    return {
        "docs": docs,
        "named_only": {tuple(x.split()) for x in data["named_only"]},
        "status": data["status_verbs"],
        "commit": set(data["commitment_verbs"]),
        "direct": set(data["directive_verbs"]),
        "propose": set(data["proposal_verbs"]),
        "continue": set(data["continue_verbs"]),
        "announce": set(data["announce_verbs"]),
        "look_through": set(data["look_through"]),
        "planned": data["planned_cues"],
        "negotiating": data["negotiating_cues"],
        "in_force": data["in_force_cues"],
        "history": data["history_cues"],
        "kind_words": data["kind_words"],
        "not_commitment_verbs": frozenset(data.get("not_commitment_verbs", [])),
        "vague_verbs": frozenset(data.get("vague_verbs", [])),
        "generic_objects": frozenset(data.get("generic_objects", [])),
        "empty_words": frozenset(data.get("empty_words", [])),
        "hospitality": frozenset(data.get("hospitality_nouns", [])),
        "stance": frozenset(data.get("stance_verbs", [])),
        "subject_preps": frozenset(data.get("subject_preps", [])),
        "area_nouns": frozenset(data.get("area_nouns", [])),
        "pending_nouns": frozenset(data.get("pending_nouns", [])),
        "headline_breaks": frozenset(data.get("headline_breaks", [])),
        "stance_nouns": frozenset(data.get("stance_nouns", [])),
        "furniture_words": frozenset(data.get("furniture_words", [])),
        "pair_subjects": frozenset(data.get("pair_subjects", [])),
        "event_verbs": frozenset(data.get("event_verbs", [])),
        "goal_nouns": frozenset(data.get("goal_nouns", [])),
        "goal_verbs": frozenset(data.get("goal_verbs", [])),
        "work_nouns": frozenset(data.get("work_nouns", [])),
        "meeting_verbs": frozenset(data.get("meeting_verbs", [])),
        "example_openers": frozenset(data.get("example_openers", [])),
        "concluding_verbs": frozenset(data.get("concluding_verbs", [])),
        "intent_verbs": frozenset(data.get("intent_verbs", [])),
        "name_stops": frozenset(data.get("name_stops", [])),
        "reference_phrases": tuple(data.get("reference_phrases", [])),
        "readiness_heads": frozenset(data.get("readiness_heads", [])),
        "proposal_nouns": frozenset(data.get("proposal_nouns", [])),
        "venue_nouns": frozenset(data.get("venue_nouns", [])),
        "subject_words": frozenset(data.get("subject_words", [])),
        "party_preps": frozenset(data.get("party_preps", [])),
        "headline_verbs": frozenset(data.get("headline_verbs", [])),
        "enumerators": frozenset(data.get("enumerators", [])),
        "aside_nouns": frozenset(data.get("aside_nouns", [])),
        "plain_modifiers": frozenset(data.get("plain_modifiers", [])),
        "pointer_phrases": tuple(data.get("pointer_phrases", [])),
        "business_nouns": frozenset(data.get("business_nouns", [])),
        "purpose_nouns": frozenset(data.get("purpose_nouns", [])),
        "courtesy_nouns": frozenset(data.get("courtesy_nouns", [])),
    }


# ------------------------------------------------------------------------------------------- titles

def _phrase_tokens(head: Any, *, drop_subject: bool = False, stop_before: set[int] | None = None,
                   run_on: bool = True) -> list[Any]:
    """The tokens of a phrase for a title: the head's subtree without clauses, appositions and
    trailing asides, cut at the first comma or semicolon that opens an aside."""
    stop_before = stop_before or set()
    keep: set[int] = set()

    def walk(t: Any, top: bool) -> None:
        keep.add(t.i)
        for c in t.children:
            if c.i in stop_before:
                continue
            keep_clause = c.dep_ == "advcl" and (c.pos_ == "ADJ" and not top or any(
                k.dep_ == "aux" and k.lower_ == "to" for k in c.children))
            list_comma = c.dep_ == "punct" and c.text == "," and c.i + 1 < len(c.doc) and c.doc[c.i + 1].dep_ in {
                "conj", "amod", "compound"} and c.doc[c.i + 1].head.i in (t.i, c.i - 1) and c.i > t.left_edge.i
            if c.dep_ in CUT_DEPS and not keep_clause and not list_comma \
                    and not (c.dep_ == "punct" and c.text in {"-", "–", "'s", "’s"}):
                continue
            if c.dep_ == "npadvmod" and (c.ent_type_ in {"DATE", "TIME"} or c.lower_ in {"today", "tomorrow", "yesterday"}):
                continue
            if c.dep_ == "prep" and c.lower_ in ASIDE_PREPS:
                continue  # "the partnership ... during Yoon's state visit": when, not what
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in _lex()["aside_nouns"] for g in c.children):
                continue  # "with the presence of the ministers", "on behalf of Kenya": who was there, not what
            if c.dep_ == "prep" and c.lower_ in {"on", "in", "at"} and any(
                    g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in c.children):
                continue  # "an agreement signed on Wednesday": when, not what
            if c.dep_ in {"acl"} and c.i > t.i and c.tag_ in {"VBN", "VBG"} and not top:
                continue
            if drop_subject and top and c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"}:
                continue
            if c.dep_ == "aux" and c.lower_ == "to" and top:
                continue
            if c.dep_ == "det" and c.i < head.i and top:
                continue
            if c.dep_ == "poss" and top:
                continue
            if c.dep_ == "cc" and not any(k.dep_ == "conj" and k.i not in stop_before for k in t.children):
                continue
            walk(c, False)

    walk(head, True)
    toks = sorted((head.doc[i] for i in keep), key=lambda t: t.i)
    # contiguous from the head's left edge; stop at an aside opened by a comma or semicolon
    out: list[Any] = []
    for t in toks:
        if out and t.i != out[-1].i + 1 and t.i > head.i and out[-1].i >= head.i and not (
                out[-1].text == "," and t.i == out[-1].i + 1):
            gap = head.doc[out[-1].i + 1:t.i]
            if any(g.text in {",", ";", ":"} for g in gap):
                break
        if t.text in {";", ":"}:
            break
        if out and t.i > head.i and _opens_examples(t) and out[-1].lower_ not in _lex()["generic_objects"]:
            break  # "challenges such as the low birth rate": the examples are not the name ("new areas such as" are)
        if t.text == "," and out and t.i > head.i and t.i - 1 == out[-1].i and t.i + 1 in keep:
            out.append(t)  # a comma inside a list: "the road, rail and fibre-optic components"
            continue
        if t.text == "," and out and t.i > head.i:
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            examples = nxt is not None and nxt.lower_ in {"including", "such"} and \
                out[-1].lower_ in _lex()["generic_objects"]  # "in other key areas, including finance and banking"
            if not examples and (nxt is None or nxt.lower_ in {
                    "which", "who", "as", "while", "including", "such", "with", "building", "and", "in", "under", "to",
                    "from", "a", "an", "the", "one"} or nxt.is_punct):
                break
        out.append(t)
        if len(out) >= MAX_TITLE_TOKENS:
            break
    if out and head.dep_ in {"dobj", "nsubjpass", "attr"} and out[-1].i >= head.i:
        out += _hung_on_the_verb(head, out[-1].i + 1, stop_before)
    if run_on:
        out += _list_run_on(out, stop_before)
    while out and (out[-1].is_punct or out[-1].lower_ in {"and", "or", "of", "to", "the", "a", "an", "for", "on", "in",
                                                          "with", "as", "that", "between", "by", "at", "from"}):
        out.pop()
    while out and (out[0].is_punct or out[0].lower_ in {"and", "or", "that", "to"}):
        out.pop(0)
    return out


def _hung_on_the_verb(head: Any, start: int, stop_before: set[int]) -> list[Any]:
    """The words right after a noun that the parser hung on its verb instead: a particle and an "of" phrase
    ("offered the setting up of a joint test facility" -> "setting up of a joint test facility")."""
    doc = head.doc
    verb = head.head
    more: list[Any] = []
    k = start
    while k < head.sent.end and k not in stop_before:
        c = doc[k]
        if c.head.i != verb.i or not (c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ == "of" and more):
            break
        words = [c] if c.dep_ == "prt" else _phrase_tokens(c, stop_before=stop_before, run_on=False)
        if not words or words[0].i != k or words[-1].i - words[0].i + 1 != len(words):
            break
        more += words
        k = words[-1].i + 1
    return more


def _list_run_on(out: list[Any], stop_before: set[int]) -> list[Any]:
    """The rest of a list of nouns a title stopped in, read in word order where the parse hung it elsewhere:
    "cooperation in critical minerals" + ", renewable energy and human resource development"."""
    if not out or len(out) >= MAX_TITLE_TOKENS:
        return []
    doc = out[-1].doc
    i = out[-1].i + 1
    if i >= out[-1].sent.end or doc[i].text != "," or not _inside_a_list(doc[i]):
        return []
    more: list[Any] = []
    seen_and = False
    while i < out[-1].sent.end and i not in stop_before:
        t = doc[i]
        if t.lower_ in {"and", "or"}:
            if seen_and and not (more and more[-1].lower_ not in {",", "and", "or"} and _last_item(t)):
                break  # "..., and science and technology": the last item may hold an "and" of its own
            seen_and = True
        elif t.text != "," and t.pos_ not in {"ADJ", "NOUN", "PROPN", "NUM"} or t.text == "," and seen_and:
            break
        more.append(t)
        i += 1
    return more if seen_and else []


def _opens_examples(t: Any) -> bool:
    """Whether a word opens examples or an aside inside a phrase: "such as", "including", "especially"."""
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return t.lower_ in _lex()["example_openers"] or f"{t.lower_} {nxt}" in _lex()["example_openers"]


def _text(tokens: list[Any]) -> str:
    tokens = _before_furniture(tokens)
    if not tokens:
        return ""
    parts = []
    for k, t in enumerate(tokens):
        parts.append(t.text)
        if k + 1 < len(tokens):
            parts.append(t.whitespace_ if tokens[k + 1].i == t.i + 1 else " ")
    text = "".join(parts)
    return re.sub(r"\s+", " ", text).strip(" ,;:.")


def _furniture(t: Any) -> bool:
    """A word of the page around the article ("Photo:", "SUBSCRIBE", "Advertisement") where the text runs it into
    a sentence: capitalised and in the data's list."""
    return t.text[:1].isupper() and t.lower_ in _lex()["furniture_words"]


def _before_furniture(tokens: list[Any]) -> list[Any]:
    """A title's words up to the page furniture glued on to it."""
    for k, t in enumerate(tokens):
        if k and _furniture(t):
            return tokens[:k]
    return tokens


def _cap(title: str) -> str:
    title = title.lstrip("·•▪◦‣∙-–— ")  # a bullet glued to the line's first word ("·An MoU in the field of ...")
    title = re.sub(r"^(?:among them|including|notably|namely),?\s+", "", title, flags=re.IGNORECASE)  # "among them an MoU"
    title = re.sub(r"^(?:An?)\s+(?=\S)", "", title)  # and its article
    return title[:1].upper() + title[1:] if title else title


# ------------------------------------------------------------------------------------------- document nouns

@cache
def _future_aux() -> frozenset[str]:
    """The one list of future auxiliaries, shared with the events reader (data/tense_words.json)."""
    return frozenset(rules("tense_words.json")["future_aux"])


@cache
def _doc_names() -> frozenset[tuple[str, ...]]:
    return frozenset(words for words, _kind in _lex()["docs"])


@cache
def _docs_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, kind in _lex()["docs"]:
        out.setdefault(seq[0], []).append((seq, kind))
    return out


def _doc_noun_at(tokens: Any, i: int) -> tuple[int, str] | None:
    """The document noun starting at token ``i`` (its length and kind), or None; every Doc's are found once."""
    hits = tokens.user_data.get("bb_doc_nouns")
    if hits is None:
        hits = tokens.user_data["bb_doc_nouns"] = _doc_nouns(token_lowers(tokens))
    return hits.get(i)


def _hit_positions(doc: Any) -> list[int]:
    """Where the Doc's document nouns start, in order."""
    positions = doc.user_data.get("bb_doc_noun_starts")
    if positions is None:
        _doc_noun_at(doc, 0)
        positions = doc.user_data["bb_doc_noun_starts"] = sorted(doc.user_data["bb_doc_nouns"])
    return positions


def _doc_nouns(lowers: list[str]) -> dict[int, tuple[int, str]]:
    by_first = _docs_by_first()
    out = {}
    for i, word in enumerate(lowers):
        for seq, kind in by_first.get(word, ()):
            n = len(seq)
            if i + n <= len(lowers) and all(lowers[i + k] == seq[k] for k in range(1, n)):
                out[i] = (n, kind)
                break
    return out


def _named_span(sent: Any, start: int, end: int) -> tuple[int, int] | None:
    """The capitalised name around a document noun at tokens[start:end], or None if it is a common noun."""
    doc = sent.doc
    if not doc[start].text[:1].isupper():
        # "Japan's Official Security Assistance programme": a lower-case noun after a capitalised name
        if start - 2 >= sent.start and doc[start - 1].text[:1].isupper() and doc[start - 2].text[:1].isupper() \
                and not doc[start - 1].is_sent_start and doc[start - 1].pos_ == "PROPN":
            s = start
            while s - 1 >= sent.start and not doc[s - 1].is_sent_start and (
                    doc[s - 1].text[:1].isupper() and doc[s - 1].pos_ in {"PROPN", "NOUN", "ADJ"}
                    or doc[s - 1].text in {"-", "–", "‑"} and s - 2 >= sent.start and doc[s - 2].text[:1].isupper()
                    and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_):
                s -= 1  # "the Sea-Air Logistics Model agreement": a hyphen joins two words of the name
            return s, end
        return None
    if doc[start].is_sent_start and start == sent.start and end - start == 1:
        return None
    s = start
    while s - 1 >= sent.start and (doc[s - 1].text[:1].isupper() or doc[s - 1].text in {"-", "–", "‑"}
                                   or (doc[s - 1].lower_ in {"of", "and", "on", "for", "&"} and s - 2 >= sent.start
                                       and doc[s - 2].text[:1].isupper() and s - 1 > sent.start)) \
            and not doc[s - 1].is_sent_start and doc[s - 1].lower_ not in _lex()["headline_verbs"]:
        if doc[s - 1].lower_ in {"the", "a", "an", "this", "that"}:  # "A MoU was signed" opening a sentence
            break
        s -= 1
    while s < start and doc[s].lower_ in {"of", "and", "on", "for", "&", "-", "–"}:
        s += 1
    e = end
    # "Memorandum of Understanding on Tourism Promotion and Marketing", "Agreement on the Operationalisation of ..."
    while e < sent.end and (doc[e].lower_ in {"of", "on", "for", "between", "the", "and"} or _name_goes_on_in(doc, e, end)) \
            and e + 1 < sent.end and (doc[e + 1].text[:1].isupper() or doc[e + 1].lower_ == "the" and e + 2 < sent.end
                                      and doc[e + 2].text[:1].isupper()) \
            and not (doc[e].lower_ == "and" and _another_document(doc, e + 1, sent.end)) \
            and not (doc[e].lower_ in {"for", "between"} and doc[e + 1].ent_type_ in {"GPE", "NORP"}):
        e += 1
        while e < sent.end and (doc[e].text[:1].isupper() or doc[e].lower_ in {"the", "of", "and", "-", "–"}
                                or doc[e].text in {"-", "–"} or _comma_in_name(doc, e, sent.end)
                                or _possessive_in_name(doc, e, sent.end)):
            if doc[e].lower_ == "and" and not (e + 1 < sent.end and doc[e + 1].text[:1].isupper()):
                break
            if _outside_name(doc[e], inside=True):
                break  # "the Agreement on Cultural Cooperation Foreign Minister Eide described"
            if doc[e].lower_ == "and" and _another_document(doc, e + 1, sent.end):
                break  # "the Agreement on X and the Maritime Transport Agreement": two names
            e += 1
    while e < sent.end and doc[e].text[:1].isupper() and doc[e].pos_ in {"PROPN", "NOUN"} and not _furniture(doc[e]) \
            and not _outside_name(doc[e]):
        e += 1  # "Comprehensive Economic Partnership Agreement": the name runs on, but not into "Chile signed"
    if e < sent.end and doc[e].text == "(" and e + 2 < sent.end and doc[e + 2].text == ")" and doc[e + 1].is_upper:
        e += 3
    while e > end and doc[e - 1].lower_ in {"the", "of", "and", "on", "for", "between", "in", "to"}:
        e -= 1
    quote = s - 1 >= sent.start and doc[s - 1].text in QUOTES_OPEN
    if quote:  # "entitled 'Action Plan for strategic cooperation'": a quoted name runs to its closing quote
        close = next((k for k in range(e, min(sent.end, e + MAX_TITLE_TOKENS)) if doc[k].text in QUOTES_CLOSE), None)
        if close is not None and not any(doc[k].text in {";", ":"} for k in range(e, close)):
            e = close
    return s, e


QUOTES_OPEN = {"'", "\"", "“", "‘", "``", "«"}
QUOTES_CLOSE = {"'", "\"", "”", "’", "''", "»"}


def _possessive_in_name(doc: Any, e: int, stop: int) -> bool:
    """A possessive between two capitalised words of a name: "Industrial Workers' Exchange Program"."""
    return doc[e].text in {"'", "’", "'s", "’s"} and e > 0 and doc[e - 1].text[:1].isupper() \
        and e + 1 < stop and doc[e + 1].text[:1].isupper() and doc[e + 1].is_alpha


def _outside_name(t: Any, *, inside: bool = False) -> bool:
    """A capitalised word after a document's name that is not part of it: a country, person, day or office
    ("the Fisheries Agreement Norway will", "the Framework Agreement Monday", "... Foreign Minister Eide").
    ``inside`` a name's "on ..." part, places and nationalities belong to it ("on Indonesian Workers in Malaysia")."""
    from briefing.extract.countries import code_of

    if t.ent_type_ in {"PERSON", "DATE", "TIME", "CARDINAL", "MONEY"} or t.lower_ in _lex()["name_stops"] \
            or t.lower_ in _lex()["headline_verbs"]:
        return True
    return not inside and (t.ent_type_ in {"GPE", "NORP", "ORDINAL"} or code_of(t.text) is not None)


def _comma_in_name(doc: Any, e: int, stop: int) -> bool:
    """A comma inside a name's list of subjects: "on Antarctic Research, Education and Tourism Promotion"."""
    if doc[e].text != "," or e + 1 >= stop or not doc[e + 1].text[:1].isupper() or doc[e + 1].ent_type_ == "PERSON":
        return False
    k = e + 1
    while k < stop and doc[k].text[:1].isupper():
        k += 1
    return k < stop and doc[k].lower_ in {"and", ","}


def _another_document(doc: Any, start: int, stop: int) -> bool:
    """Whether the capitalised words from ``start`` name a document of their own."""
    k = start + (1 if start < stop and doc[start].lower_ in {"the", "a", "an"} else 0)  # "and an Agreement on Y"
    while k < stop and doc[k].text[:1].isupper():
        if _doc_noun_at(doc, k):
            return True
        k += 1
    return False


def _name_goes_on_in(doc: Any, e: int, end: int) -> bool:
    """Whether "in" continues a document's name: "Agreement on Scientific Cooperation in Antarctica" (the name
    already runs past its noun, and what follows is no city or country), not "the Maritime Agreement in Manila"."""
    if doc[e].lower_ != "in" or e <= end or e + 1 >= len(doc):
        return False
    nxt = doc[e + 2] if doc[e + 1].lower_ == "the" and e + 2 < len(doc) else doc[e + 1]
    return nxt.ent_type_ not in {"GPE", "FAC", "DATE", "TIME", "ORG"} and not nxt.is_sent_start


def _governor(head: Any) -> tuple[Any, list[Any]]:
    """The verb (or status noun) the document noun hangs from, and the path to it."""
    path = []
    t = head
    lex = _lex()
    for _ in range(7):
        if t.head.i == t.i:  # the root (spaCy builds a new Token each time: `is` never holds)
            break
        path.append(t)
        conj = t.dep_ == "conj" and t.head.pos_ in {"NOUN", "PROPN"}
        t = t.head
        if conj:
            continue  # "the Ganges renewal and a Teesta deal": the deal is not renewed
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() not in lex["status"] and t.dep_ in {"pcomp", "xcomp"}:
            continue  # "commitment to advancing the X Partnership"
        if t.pos_ in {"VERB", "AUX"} or t.lower_ in lex["status"] or t.lemma_.lower() in lex["status"] and not (
                t.pos_ == "NOUN" and t.tag_ == "NNS"):  # "cultural exchanges" are no exchange of documents
            return t, path
    return t, path


def _status_of(head: Any, sent: Any) -> tuple[str | None, Any]:
    lex = _lex()
    gov, _path = _governor(head)
    _path = [p for p in _path if p.i != head.i]  # the nouns between the document and its verb
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.i == gov.i and not (
            gov.lemma_.lower() in lex["status"] and _gives_status(gov)):
        # "the agreement is expected to be signed", "is set to be signed": the status is the infinitive's
        gov = next((c for c in gov.children if c.dep_ == "xcomp" and c.lemma_.lower() in lex["status"]
                    and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)), gov)
    if gov.pos_ == "VERB" and gov.dep_ == "conj" and head.dep_ == "dobj" and gov.lemma_.lower() not in lex["status"] \
            and gov.head.pos_ == "VERB" and gov.head.lemma_.lower() in lex["status"] \
            and not any(c.dep_ == "dobj" for c in gov.head.children):
        gov = gov.head  # "renews and expands the Agreement": both verbs share the document
    status = None
    lemma = gov.lemma_.lower()
    entering = lemma in {"enter", "entry"} and _future(gov)
    if any(p.dep_ == "prep" and p.lower_ in ASIDE_PREPS and p.head.i == gov.i for p in _path):
        return None, gov  # "signed during the meeting of the Joint Commission": the body only dates the signing
    if head.dep_ == "nsubj" and gov.i == head.head.i and any(c.dep_ == "dobj" for c in gov.children):
        pass  # "an MoU on meteorology established a framework": what the document did, not what became of it
    elif head.dep_ == "nsubj" and gov.i == head.head.i and lemma in lex["commit"] and any(
            c.dep_ in {"xcomp", "ccomp"} or c.dep_ == "prep" and c.lower_ == "on" for c in gov.children):
        pass  # "the Joint Commission on Trade agreed to set up a council": the body that agreed, not what was
    elif gov.lower_ in lex["status"]:
        status = lex["status"][gov.lower_]
    elif lemma in lex["status"]:
        status = lex["status"][lemma]
        if lemma == "raise" and not any(c.dep_ == "prep" and c.lower_ in {"to"}
                                        for c in [*gov.children, *(g for o in gov.children if o.dep_ == "dobj"
                                                                   for g in o.children)]):
            status = None
        if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in gov.children):
            status = None
        if lemma == "enter" and "force" not in span_text(sent).lower():
            # "Ghana and Rwanda have entered (into) a General Cooperation Agreement": they made it
            status = "signed" if head.dep_ == "dobj" or head.dep_ == "pobj" and head.head.lower_ == "into" else None
    if gov.lower_ == "entry" and not any(c.lower_ == "into" and any(g.lower_ == "force" for g in c.children)
                                         for c in gov.children):
        status = None  # "the entry into force of the treaty", not "the entry of goods"
    if status == "signed" and gov.pos_ == "NOUN" and gov.lower_ in {"signatory", "signatories"} \
            and gov.head.lemma_.lower() != "become":
        status = "in-force"  # "X has become signatory to the Agreement" signs it; "the two are signatories to" it
    # the head's own participle: "the Reciprocal Access Agreement signed in Manila", "established in February"
    for c in head.children:
        if c.dep_ in {"acl", "relcl", "amod"} and c.lemma_.lower() in lex["status"] and c.i > head.i:
            if status is not None and c.dep_ == "acl" and _own_to(c):
                continue  # "signed an agreement to set up a fund": what the signed agreement is for
            if c.lemma_.lower() == "set" and not any(k.dep_ == "prt" and k.lower_ == "up" for k in c.children):
                continue  # "sign seven MOUs set to deepen ties": what they are meant to do, no status of theirs
            status = status or lex["status"][c.lemma_.lower()]
            if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in {"to", "be"} for k in c.children):
                status = "planned"
            gov = c
        if c.dep_ == "amod" and c.lower_ in {"renewed"}:
            status = "renewed"
    # "a signing ceremony for the Exchange of Notes" (or "held a signing ceremony ... for" it): the ceremony's
    # kind is what became of the document
    ceremonies = _path + ([c for c in gov.children if c.dep_ == "dobj"] if gov.pos_ in {"VERB", "AUX"} else [])
    marks = [lex["status"][c.lower_] for p in ceremonies for c in p.children
             if c.dep_ in {"compound", "amod"} and c.lower_ in lex["status"] and lex["status"][c.lower_] == "signed"]
    if status is None and marks:
        status = marks[0]
    if status is None and gov.pos_ in {"VERB", "AUX"}:
        # "welcomed the signing today of the memorandum" (the parser hangs "of" on the verb)
        noun = next((c for c in gov.children if c.dep_ == "dobj" and c.lower_ in lex["status"]), None)
        if noun is not None:
            status = lex["status"][noun.lower_]
    if status is None:
        # "the partnership in digital economy–green economy established in February": a participle a little later
        doc = head.doc
        for t in doc[head.i + 1:min(sent.end, head.i + 9)]:
            if t.text == "," and t.i == head.i + 1:
                continue  # "the Free Trade Agreement, signed in September"
            if t.text in {",", ";", ":"} or (t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"acl", "relcl", "amod"}):
                break
            if t.tag_ == "VBN" and t.dep_ in {"acl", "relcl", "amod"} and t.lemma_.lower() in lex["status"]:
                status, gov = lex["status"][t.lemma_.lower()], t
                break
    if status in {"signed", "agreed", "established"} and _own_to(gov) and gov.head.pos_ in {"NOUN", "PROPN"} \
            and gov.head.lemma_.lower() in lex["proposal_nouns"]:
        status = "proposed"  # "Malaysia's proposal to establish an MoU on defence cooperation"
    if status in {"signed", "agreed", "established", "renewed"} and _future(gov):
        status = "planned"  # "the visit will serve to renew the agreement": not renewed yet
    if status == "in-force" and entering:
        status = "planned"  # "will enter into force on 1 January": not in force yet
    if head.dep_ == "pobj" and head.head.lower_ == "under" and head.head.head.pos_ in {"VERB", "AUX"}:
        status = "in-force"  # "offered a training centre under the Pacific Skills Scheme": the scheme runs already
    text = span_text(sent).lower()
    if status is None and any(cue in text for cue in ("ready for signature",)):
        status = "negotiating"
    if status is None and _under_negotiation(head):
        status = "negotiating"
    if status == "negotiating" and gov.lower_ in {"negotiations", "negotiation", "talks"} and \
            gov.head.lemma_.lower() in lex["concluding_verbs"]:
        status = "agreed"  # "concluded negotiations on a social security agreement"
    if status in {None, "agreed"} and any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "being" for c in gov.children) \
            and gov.lemma_.lower() in {"finalise", "finalize", "negotiate", "draft", "prepare"}:
        status = "negotiating"  # "is being finalised"
    if status is None and any(c.dep_ in {"amod", "compound"} and c.lower_ == "draft" for c in head.children):
        status = "negotiating"  # "discussed a draft agreement"
    if status in {None, "signed", "agreed"} and _in_effect(head):
        status = "in-force"  # "the agreement, which took effect in 2020"
    if status is None:
        doc = head.doc
        left = doc[max(sent.start, head.left_edge.i - 3):head.left_edge.i].text.lower()
        right = doc[head.i + 1:min(sent.end, head.i + 6)].text.lower()
        if any(left.endswith(cue) or left.endswith(cue + " the") for cue in ("under", "anchored in", "provided for in")) \
                or any(right.startswith(cue) for cue in (", in force", "in force", ", in operation", "in operation",
                                                         ", which has", "which has")):
            status = "in-force"
    return status, gov


def _in_effect(head: Any) -> bool:
    """Whether a clause on the document says it has taken effect: "which took effect", "which entered into
    force", "in force since"."""
    clauses = [c for c in head.children if c.dep_ in {"relcl", "acl"} and c.tag_ in {"VBD", "VBN", "VBZ"}
               and c.lemma_.lower() in {"take", "enter", "come"}]
    return any(any(t.lower_ in {"effect", "force"} for t in c.subtree) and not _future(c) for c in clauses)


def _under_negotiation(head: Any) -> bool:
    """A document the sentence says is "under negotiation" (or discussion, consideration): the phrase hangs on
    the verb the document is the subject of, or on the document itself; or "talks on" the document."""
    if head.dep_ == "pobj" and head.head.lower_ in {"on", "for", "about", "over"} and \
            head.head.head.lemma_.lower() in {"talk", "negotiation", "consultation", "discussion"}:
        return True
    holders = [head] + ([head.head] if head.dep_ in {"nsubj", "nsubjpass"} else [])
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _lex()["pending_nouns"] for g in c.children)
        for h in holders for c in h.children)


def _future(t: Any) -> bool:
    for _ in range(3):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _future_aux() for c in t.children):
            return True
        if t.lemma_ in {"expect", "anticipate", "plan", "schedule", "hope", "aim", "due", "intend"} and t.dep_ != "ROOT" or (
                t.lemma_ in {"expect", "anticipate", "plan", "schedule", "due", "set", "mean", "suppose"} and t.tag_ == "VBN"
                and not any(c.dep_ == "prt" for c in t.children)):  # "is set to sign", but "have set up a group"
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and (
                t.head.lemma_ in {"expect", "plan", "hope", "aim", "intend", "be"}
                or t.head.lemma_.lower() in _lex()["readiness_heads"] or t.head.lower_ in _lex()["readiness_heads"]):
            return True  # "is poised to sign", "ready to sign", "authorisation to sign": not signed yet
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in {"for", "to"} and (
                t.head.head.lemma_.lower() in _lex()["readiness_heads"] or t.head.head.lower_ in _lex()["readiness_heads"]):
            return True  # "approval for the signing of two MoUs", "ready for signing"
        if t.dep_ in {"acl", "relcl"} and t.tag_ in {"VBN", "VBD"}:
            break  # "the Agreement signed on Monday will lay the foundation": the main clause's future is not its own
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _doc_noun_items(sent: Any, absorbed: set[int]) -> list[Item]:
    lex = _lex()
    doc = sent.doc
    tokens = doc
    items = []
    _doc_noun_at(doc, sent.start)  # every document noun of the Doc, found once
    hits = doc.user_data["bb_doc_nouns"]
    i = sent.start
    for at in (k for k in _hit_positions(doc) if sent.start <= k < sent.end):  # only where a document noun starts
        if at < i:
            continue
        n, kind = hits[at]
        span_start, span_end = at, at + n
        i = at + n
        if span_end < sent.end and _doc_noun_at(tokens, span_end) and not doc[span_start].text[:1].isupper():
            continue  # "framework agreement": the second noun heads the phrase
        if any(k in absorbed for k in range(span_start, span_end)):
            continue
        if _abbreviates_a_document(doc, sent, span_start, span_end):
            continue  # "a Memorandum of Understanding (MoU)": the same document, shortened
        after = " ".join(t.lower_ for t in doc[span_end:min(sent.end, span_end + 4)])
        if any(after.startswith(p) for p in lex["pointer_phrases"]):
            continue  # "an agreement to this effect was inked": the one just told
        named = _named_span(sent, span_start, span_end)
        head = doc[span_start:span_end].root
        if named is None and tuple(t.lower_ for t in doc[span_start:span_end]) in lex["named_only"]:
            continue
        if named is None and kind == "partnership" and span_end - span_start == 1 and _partnership_as_a_notion(head):
            continue  # "the promotion of bilateral partnership in all fields", "exploring new partnership"
        if named is None and kind in {"framework", "partnership", "programme"} and _aim_of_a_document(head):
            continue  # "It aims to establish a general framework for cooperation": what the MoU is for
        if named is not None:
            last = named[1] - 1
            if doc[last].text == ")" and last - 2 >= span_start and doc[last - 2].text == "(":
                last -= 3  # "(KICC)"

            runs_on = span_end < sent.end and doc[span_end].text[:1].isupper() and doc[span_end].pos_ in {"PROPN", "NOUN"} \
                and not _furniture(doc[span_end])
            if last >= span_end and runs_on and not _doc_noun_at(doc, span_end):
                continue  # "Kenyatta International Convention Centre" is a place
            if any(k in absorbed for k in range(named[0], named[1])):
                continue
        status, gov = _status_of(head, sent)
        if status is None:
            status = _listed_under(head, sent)  # "six documents were signed, including the exchange of notes ..."
        if status is None and named is not None:
            status = _name_clause_status(doc, named[0], named[1])  # "the MoU on X between A and B, which was signed"
        if status in {None, "signed", "agreed"} and kind in {"mou", "agreement", "treaty"} and _what_another_is_for(head):
            status = "planned"  # "exchanged a letter of intent for an MoU on X": the MoU is still to come
        verb_at = None
        if status is None:
            status, verb_at = _headline_verb_status(doc, named[0] if named is not None else head.left_edge.i, sent)
        if status is not None and (head.tag_ in {"NNS", "NNPS"} or head.lower_ in PLURAL_DOCUMENTS
                                   or any(c.dep_ == "nummod" for c in head.children)):
            doc.user_data.setdefault("bb_counted_status", []).append((head.i, status))
        counted = False
        if status is None and (_counted(head) or _listing_subject(head) is not None):
            # "The first MoU is on X", "the five agreements are A, B and C": the documents counted before
            subject = _listing_subject(head)
            status = _status_of(subject, sent)[0] if subject is not None else None
            status = status or _counted_status(doc, head.i)
            counted = status is not None
        if status is None and _bare_list_entry(head, sent):
            # "seven agreements were signed. These agreements include: A; B. C; D": the lines name the documents
            # counted before and take their status
            status = _counted_status(doc, head.i)
            counted = status is not None
        inner: list[int] = []
        if named is not None:
            s, e = named
            title = _text(list(doc[s:e]))
            # the last document noun of the name decides its kind, unless the first one heads it: "Exchange of
            # Notes on the Grant Aid for the ... Programme" is an exchange of notes
            heads_name = span_end < e and doc[span_end].lower_ in {"on", "of", "for", "between", "concerning", "regarding"}
            for k in range(e - 1, span_start, -1) if not heads_name else ():
                last = _doc_noun_at(doc, k)
                if last:
                    kind = last[1]
                    break
            if tuple(_ACRONYM_AT_END.sub("", title).lower().split()) in _doc_names() \
                    and kind in {"mou", "agreement", "declaration", "treaty"}:
                named = None  # "a Memorandum of Understanding between the academies": a kind, named by what follows
            elif s == span_start and span_end < e and doc[span_end].lower_ in lex["party_preps"]:
                named = None  # "MoU between the Government of A and the Government of B": named by its parties
            elif len(title.split()) < 2 and not doc[span_start].is_upper:
                named = None
        if named is None and head.lower_ == "document" and any(
                c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in head.children) and not any(
                c.dep_ in {"prep", "acl"} and c.i > head.i and _is_subject_word(c) for c in head.children) \
                and not _counted(head) and not _subject_on_the_verb(head.head, head):
            continue  # "in the 28-page document", "this document": the one told before (or the text itself)
        if named is None and _companion(head):
            continue  # "the Exchange of Notes and related documents": the documents that go with it
        if named is None and head.dep_ == "attr" and head.head.lemma_.lower() == "be" and any(
                c.dep_ == "nsubj" and c.lower_ in {"this", "it", "that"} for c in head.head.children):
            continue  # "This is the second logistics agreement signed this month": the one just told
        if named is None and any(c.lower_ == "such" and c.i < head.i for c in head.children):
            continue  # "the first such partnership", "such an agreement": the kind told before, not a new one
        if named is None:
            coordinated = _coordinated_documents(sent, span_end)
            if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in head.children) \
                    and not any(c.dep_ in {"prep", "acl"} and not _aside_participle(c) and not _aside_prep(c)
                                and not (c.dep_ == "prep" and _when(c))
                                or c.dep_ in {"amod", "compound"} and c.lower_ not in lex["plain_modifiers"]
                                for w in doc[span_start:span_end] for c in w.children
                                if not span_start <= c.i < span_end and c.i not in coordinated) \
                    and not any(_companion(c) and any(g.dep_ == "prep" and _is_subject_word(g) for g in c.children)
                                for c in head.children) \
                    and not _subject_on_the_verb(gov, head):  # "signed the document on X" (X hung on the verb)
                continue  # "the agreement", "the MoUs and Exchange of Notes" point back at ones already named
            if status is None:
                continue
            others = {g.i for g in head.subtree if g.i != head.i and g.dep_ == "conj" and _doc_noun_at(doc, g.i)}
            others |= {c.i for c in head.children if c.dep_ in {"conj", "cc"}}
            others |= {c.i for c in head.children if c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"}
                       and c.lemma_.lower() not in lex["subject_words"]}  # but "an MoU relating to X" is about X
            others |= coordinated
            parties, inner_subject = _party_phrase(head, span_end, gov, others)
            others |= parties
            # "signed a comprehensive agreement in Rome": where it was signed, not what it is
            others |= {c.i for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "at"} and c.i > head.i
                       and any(g.dep_ == "pobj" and g.ent_type_ in {"GPE", "FAC"} for g in c.children)}
            toks = _phrase_tokens(head, stop_before=others)
            seen = {t.i for t in toks}  # the whole document noun, however the parser hung its words
            toks = sorted(toks + [t for t in doc[span_start:span_end] if t.i not in seen], key=lambda t: t.i)
            toks += inner_subject
            # "the first MoU": which of them, not what it is; "Fiji, Samoa sign MoU": the headline's verb ends its subject
            toks = [t for t in toks if not _enumerator(t) and (verb_at is None or t.i > verb_at)]
            inner = [t.i for t in toks if t.i != head.i]  # "the agreement on the Study Visit Programme" is one item
            if head.lower_ == "package" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
                continue  # "a package worth ..." is money, not a programme
            if head.tag_ == "NNS" and any(c.lower_ == "the" for c in head.children) and status in {None, "agreed", "in-force"}:
                continue  # "the CMP working groups": ones that exist already
            what_for = None
            plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in PLURAL_DOCUMENTS or any(
                c.dep_ == "nummod" and c.lower_ not in {"one", "1"} and c.ent_type_ in {"", "CARDINAL"} for c in head.children)  # "five Memorandum of"
            said_what = any((c.dep_ == "prep" and c.i >= span_end) or (
                c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"NOUN", "PROPN"} and not _doc_noun_at(doc, c.i))
                for c in head.children)
            areas = _areas_of(head, span_start, span_end) if plural else []
            counted_as = next((_count_value(c) for c in head.children if c.dep_ == "nummod"), None)
            if counted_as is not None and counted_as != len(areas) or any(
                    area[0].lower_ in {"other", "others"} for _prep, area in areas):
                areas = []  # "23 agreements on cooperation in economy, trade, ... and other spheres": not one each
            if len(areas) >= 2:  # "memoranda on health, education and tourism": one document each
                label = _singular_label(doc[span_start:span_end], kind)
                for prep, area in areas:
                    absorbed.update(t.i for t in area)
                    items.append(Item(_cap(f"{label} {prep} {_text(area)}"), kind, status, sent, area[0].i,
                                      has_cue=True))
                absorbed.update(range(span_start, span_end))
                continue
            if plural and _members_listed(head):
                continue  # "10 documents, including an MoU on X and an agreement on Y": the members are the items
            if plural and not said_what and _subject_on_the_verb(gov, head):
                said_what = True  # "notes were exchanged on the provision of grant aid"
            if plural and not said_what:  # "helicopter deals worth $3 billion" say what they are
                deal = _what_they_do(head)
                money = _money_of(head) if deal is None else None
                count = next((c for c in head.children if c.dep_ == "nummod" and c.ent_type_ in {"", "CARDINAL"}
                              and c.lower_ not in {"one", "1"} and c.i < head.i), None)
                fields = _purpose_fields(head, gov) if deal is None and money is None and count is None else []
                if fields:  # "signed a series of MoUs to strengthen cooperation in sectors including A, B and C"
                    what_for = f"{_singular_label(doc[span_start:span_end], kind)}s on {_text(fields)}"
                elif deal is None and money is None and (count is None or any(c.dep_ in {"conj", "cc"}
                                                                              for c in head.children)):
                    continue  # "exchanged agreements and MoUs": which ones, the text says elsewhere or not at all
                if fields:
                    pass  # named by the fields above
                elif deal is None and money is None:
                    # "have signed ... 14 agreements", "at least 10 agreements will be signed": the count is all the
                    # text tells (when it goes on to tell them one by one, the count gives way to them)
                    what_for = _text([t for t in count.subtree] + [head])
                else:
                    what_for = f"{head.text} worth {money}" if money else f"{head.text} for {_text(deal)}"
            companion = next((c for c in head.children if c.dep_ == "conj" and _companion(c)), None)
            if companion is not None and not any(t.i > head.i and t.dep_ == "prep" and _is_subject_word(t) for t in toks):
                # "the Exchange of Notes and related documents on the extension of Grant Aid": what both are about
                about = next((c for c in companion.children if c.dep_ == "prep" and _is_subject_word(c)), None)
                toks = toks + (_phrase_tokens(about, run_on=False) if about is not None else [])
            if not what_for and all(span_start <= t.i < span_end or t.dep_ == "det" or t.dep_ == "amod"
                                    and t.lower_ in lex["plain_modifiers"] and t.head.i == head.i
                                    for t in toks):  # "signed separate deals on X" (but "a shared vision for X")
                # "the first MoU, on defence, was signed", "the second MoU is about LNG", "an MoU was signed on X"
                toks = toks + (_subject_aside(head, others) or _copula_subject(head, others)
                               or _subject_on_the_verb(gov, head, others) or _parties_on_the_verb(gov, head, others))
                inner = [t.i for t in toks if t.i != head.i]  # "the document on the joint committee": no item
            title = what_for or _text(toks)
            if not what_for and _key(title) == _key(_text(list(doc[span_start:span_end]))) \
                    and not _purpose_of(head, gov)[0]:
                signers = _signing_bodies(gov, head)
                if signers:  # "the Academy of A and the Institute of B signed an MoU": named by its signatories
                    title = f"{title} between {signers}"
            plain = [t for t in toks if not (t.dep_ == "amod" and t.head.i == head.i and t.lower_ in lex["plain_modifiers"])]
            if not what_for and _key(_tidy(_text(plain))) == _key(_text(list(doc[span_start:span_end]))):
                # bare but for a plain word: "signed a bilateral agreement creating a customs union"
                purpose, words = _purpose_of(head, gov)  # "signed an agreement ... to set up two plants"
                if purpose:
                    title = f"{_tidy(title)} {purpose}"
                    absorbed.update(t.i for t in words)  # the Commission it establishes is no item of its own
            if head.lower_ == "notes":
                title = "Exchange of " + title  # "signed and exchanged notes concerning grant aid ..."
            if title.lower().startswith(("another ", "other ")):
                title = title.split(" ", 1)[1]
        if head.i in absorbed:
            continue
        if _told_of_a_document(head, gov) and not (named is not None and _named_again(head) is not None):
            continue  # "The MoU aims at creating a framework for dialogue": what a document does, not another one
        if named is not None and status is None and kind == "working-group":
            continue  # a named commission or committee is a body, not an agreement
        absorbed.update(range(span_start, named[1] if named else span_end))
        if named is None:
            absorbed.update(inner)
        items.append(Item(_cap(title), kind, status or "in-force", sent, head.i, named=named is not None,
                          has_cue=status is not None, counted=counted))
        absorbed.update(range(span_start, span_end))
    return items


NAMING_VERBS = {"know", "entitle", "title", "call", "dub", "name", "brand"}


AIM_VERBS = frozenset({"aim", "seek", "provide", "envisage", "intend", "target"})
AIM_NOUNS = frozenset({"aim", "view", "purpose", "objective", "goal"})


def _aim_of_a_document(head: Any) -> bool:
    """Whether a framework, partnership or programme is only what a document is for: "It aims to establish a
    cooperation framework", "It provides for establishing a mutual partnership", "an MoU aimed at establishing a
    framework for sustainable cooperation", "a protocol was signed ... with the aim of establishing a health
    cooperation program" (its subject a pronoun or a document, or the aim hung on a document or its verb)."""
    doc = head.doc
    t = head
    for _ in range(8):
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in AIM_VERBS:
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and (subj.lower_ in {"it", "which", "this", "that"} or _doc_noun_at(doc, subj.i)):
                return True
            if t.dep_ in {"acl", "relcl"} and _in_a_document_noun(doc, t.head.i) or t.dep_ == "advcl" and any(
                    c.dep_ in {"nsubjpass", "dobj"} and _doc_noun_at(doc, c.i) for c in t.head.children):
                return True  # "an MoU aimed at establishing X", "signed an MoU, aimed at establishing X"
        if t.dep_ == "pobj" and t.lemma_.lower() in AIM_NOUNS and t.head.dep_ == "prep":
            holder = t.head.head  # "with the aim of": on the document's verb or on the document
            if _doc_noun_at(doc, holder.i) or holder.pos_ in {"VERB", "AUX"} and any(
                    c.dep_ in {"nsubjpass", "dobj"} and _doc_noun_at(doc, c.i) for c in holder.children):
                return True
        if t.dep_ not in {"dobj", "xcomp", "pcomp", "prep", "pobj", "acl", "advcl", "conj", "compound"} \
                or t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_a_document_noun(doc: Any, i: int) -> bool:
    """Whether a token is part of a document noun ("understanding" in "memorandum of understanding")."""
    for k in range(max(0, i - 5), i + 1):
        hit = _doc_noun_at(doc, k)
        if hit and k + hit[0] > i:
            return True
    return False


def _partnership_as_a_notion(head: Any) -> bool:
    """A bare "partnership" (no article, number or possessive) that no status verb takes straight: the notion,
    not a partnership made ("creating a legal corridor for the promotion of bilateral partnership", "exploring
    new partnership and investment opportunities"); "established comprehensive partnership" stays."""
    if head.text[:1].isupper() or head.tag_ in {"NNS", "NNPS"} or any(
            c.dep_ in {"det", "poss", "nummod"} for c in head.children):
        return False
    gov, path = _governor(head)
    if any(p.i != head.i and p.pos_ in {"NOUN", "PROPN"} for p in path):
        return True
    status = _lex()["status"].get(gov.lemma_.lower())
    return status is None or status == "proposed"


def _named_again(name: Any) -> Any:
    """The document noun a name is given to ("the agreement, known as the Quirinal Treaty", "the document is
    entitled 'Action Plan ...'", "the deal, dubbed the X Accord"), when that noun points back ("the", "this");
    else None."""
    if name.dep_ == "pobj" and name.head.lower_ == "as":
        verb = name.head.head
    elif name.dep_ in {"oprd", "attr", "xcomp", "dobj"}:
        verb = name.head
    else:
        return None
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    noun = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    if noun is None or not (_doc_noun_at(noun.doc, noun.i) or noun.lemma_.lower() in {"document", "pact"}):
        return None
    return noun if any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in noun.children) else None


def _companion(t: Any) -> bool:
    """Documents that go with another one they are coordinated with: "the Exchange of Notes and related
    documents", "the agreement and its annexes"."""
    return t.dep_ == "conj" and bool(_doc_noun_at(t.doc, t.head.i)) and t.tag_ in {"NNS", "NNPS"} and any(
        c.dep_ in {"amod", "poss"} and c.lower_ in {"related", "accompanying", "supporting", "its", "their"}
        for c in t.children)


def _aside_participle(c: Any) -> bool:
    """A participle set off by a comma after a document ("the agreement, signed in Bangkok today, covers X"):
    it tells more of a document already named, it does not say which one."""
    if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in _lex()["status"]:
        return False
    if c.i > 0 and c.doc[c.i - 1].text == ",":
        return True
    # "this agreement signed at the Jubilee House": where, when or by whom only (but "the roadmap adopted by the
    # two leaders in April 2022" says which roadmap)
    if not any(k.dep_ == "det" and k.lower_ in {"this", "that", "these", "those"} for k in c.head.children):
        return False
    return all(k.dep_ in {"agent", "advmod", "npadvmod"} or k.dep_ == "prep" and (
        k.lower_ in ASIDE_PREPS | {"at", "in"} or _aside_prep(k) or _when(k)) for k in c.children)


def _aside_prep(c: Any) -> bool:
    """A phrase after a document that tells where or for whom it was signed, not which document it is: "the
    agreement on behalf of Ghana", "the MoU on the part of the UAE", "the agreement in a ceremony at X"."""
    if c.dep_ != "prep":
        return False
    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    lex = _lex()
    return obj.lemma_.lower() in lex["aside_nouns"] | lex["venue_nouns"] \
        or c.lower_ in {"in", "at"} and obj.ent_type_ in {"GPE", "FAC", "LOC"}


PLURAL_DOCUMENTS = {"mous", "memoranda", "accords", "moc", "mocs"}  # the tagger often reads these as singular
_ACRONYM_AT_END = re.compile(r"\s*\([^()]*\)\s*$")


def _abbreviates_a_document(doc: Any, sent: Any, start: int, end: int) -> bool:
    """Whether a document noun in brackets shortens the document just named: "a Memorandum of Understanding
    (MoU)", "the agreement (the MoU)"."""
    k = start - 1
    while k >= sent.start and doc[k].lower_ in {"the", "a", "an"}:
        k -= 1
    if k < sent.start or doc[k].text != "(" or end >= sent.end or doc[end].text != ")":
        return False
    return any(_doc_noun_at(doc, j) for j in range(max(sent.start, k - 8), k))


def _purpose_of(head: Any, gov: Any) -> tuple[str, list[Any]]:
    """What a bare document is for, when the text says it in a clause: "the Agreement establishing the
    Bi-National Commission", "a deal to import 40MW of hydropower", "signed an agreement on 16 October in
    Dhaka to set up two plants" (the parser hangs the last on the verb). Empty when there is none."""
    lex = _lex()
    clause = next((c for c in head.children if c.dep_ in {"acl", "relcl"} and c.i > head.i and (
        _own_to(c) or c.tag_ == "VBG" and any(k.dep_ in {"dobj", "obj"} for k in c.children))), None)
    if clause is None and gov is not None and gov is not head and gov.pos_ in {"VERB", "AUX"} \
            and gov.lemma_.lower() in lex["status"]:
        clause = next((c for c in gov.children if c.dep_ in {"advcl", "xcomp"} and c.i > head.i and _own_to(c)
                       and c.lemma_.lower() not in lex["event_verbs"] | lex["not_commitment_verbs"]), None)
        if clause is None:  # "signed an MoU, aiming to deepen X": what the aim is
            aim = next((c for c in gov.children if c.dep_ in {"advcl", "acl"} and c.i > head.i
                        and c.lemma_.lower() in {"aim", "seek"} and c.tag_ in {"VBG", "VBN"}), None)
            clause = next((c for c in aim.children if c.dep_ in {"xcomp", "advcl"} and _own_to(c)), None) \
                if aim is not None else None
    if clause is None and gov is not None and gov.pos_ in {"VERB", "AUX"} and gov.lemma_.lower() in lex["status"]:
        # "signed an MoU with the view to enhancing cooperation in areas of X", "with the aim of boosting ...":
        # a vague aim says only the fields it names
        aim = next((g for c in list(gov.children) + list(head.children) if c.dep_ == "prep" and c.lower_ == "with"
                    and c.i > head.i for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in lex["purpose_nouns"]),
                   None)
        act = next((v for p in aim.children if p.dep_ == "prep" and p.lower_ in {"to", "of"} for v in p.children
                    if v.dep_ == "pcomp" and v.lemma_.lower() in lex["vague_verbs"]), None) if aim is not None else None
        fields = _fields_in(act) if act is not None else []
        if fields:
            return f"on {_text(fields)}", fields
    own_subject = clause is None and head.dep_ == "nsubj" and _own_to(head.head)
    if own_subject:
        clause = head.head  # "for an MoU to open the station": the infinitive the document is the subject of
    elif clause is None or any(k.dep_ in {"nsubj", "nsubjpass"} and _doc_noun_at(head.doc, k.i) for k in clause.children):
        return "", []  # "a letter of intent for an MoU to open X": what the other document is for
    if clause.lemma_.lower() in lex["vague_verbs"]:
        # "an MoU to promote the development of relations in the fields of science and education" is an MoU on
        # science and education; "a strategic agreement to boost bilateral cooperation" says no more than its name
        areas = _fields_in(clause)
        if areas:
            return f"on {_text(areas)}", areas
        if not _says_what(clause, lex["generic_objects"]):
            return "", []
    stop = {c.i for c in clause.children if c.dep_ in {"conj", "cc"} and c.i > clause.i}
    toks = _phrase_tokens(clause, stop_before=stop, run_on=False, drop_subject=own_subject)
    toks = [t for t in toks if not (own_subject and t.dep_ == "mark")]
    words = _text(toks)
    if not words:
        return "", []
    return (f"to {words}" if _own_to(clause) else words), toks


def _purpose_fields(head: Any, gov: Any) -> list[Any]:
    """The fields plural documents serve, told only in a vague purpose: "signed a series of MoUs to strengthen
    cooperation in a range of sectors, including energy, mining and trade" -> "energy, mining and trade"."""
    lex = _lex()
    verb = gov if gov is not None and gov.pos_ in {"VERB", "AUX"} else None
    holders = [head] + ([verb] if verb is not None else [])
    purpose = next((c for h in holders for c in h.children if c.dep_ in {"advcl", "acl", "xcomp"} and c.i > head.i
                    and _own_to(c) and c.lemma_.lower() in lex["vague_verbs"]), None)
    return _fields_in(purpose) if purpose is not None else []


def _fields_in(clause: Any) -> list[Any]:
    """The fields a clause names: "... relations in the fields of science and higher education" -> "science and
    higher education"."""
    lex = _lex()
    for t in clause.subtree:
        if t.dep_ == "pobj" and t.lemma_.lower() in lex["area_nouns"]:
            # "in the fields of A and B", "in a range of sectors, including A, B and C"
            of = next((c for c in t.children if c.dep_ == "prep" and (c.lower_ == "of" or _opens_examples(c))), None)
            obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                return _phrase_tokens(obj, run_on=False)
    return []


# ------------------------------------------------------------------------------------------- commitments, proposals

def _subject_on_the_verb(verb: Any, head: Any, stop: set[int] | None = None) -> list[Any]:
    """What a bare document is about when the parser hung it on the verb: "an MoU was signed on mental health
    between the two health departments" -> the tokens of "on mental health"."""
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb is head:
        return []
    offices = frozenset(rules("titles.json")["office_nouns"])
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "concerning", "regarding", "for"}
                 and c.i > head.i and c.doc[c.i - 1].text not in offices and any(g.dep_ in {"pobj", "pcomp"} and g.ent_type_ not in {"DATE", "TIME"}
                                          and g.lemma_.lower() not in _lex()["venue_nouns"] | _lex()["aside_nouns"]
                                          for g in c.children)),
                None)  # but "signed on the sidelines of the summit" says where, "on behalf of Fiji" for whom
    if prep is None:  # "Agreements were also signed in the fields of water resources and energy"
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > head.i
                     and any(g.dep_ == "pobj" and g.lemma_.lower() in _lex()["area_nouns"]
                             and any(k.dep_ == "prep" and k.lower_ == "of" for k in g.children) for g in c.children)),
                    None)
    if prep is None:  # "signed an MoU relating to X", the participle hung on the verb
        prep = next((c for c in verb.children if c.dep_ in {"advcl", "acl"} and c.i > head.i and c.tag_ == "VBG"
                     and _is_subject_word(c) and any(g.dep_ == "prep" for g in c.children)), None)
    if prep is None:  # "an MoU was signed between the two ministries on political consultations": hung on the bodies
        party = next((c for c in verb.children if (c.dep_ == "prep" and c.lower_ in _lex()["party_preps"]
                                                     or c.dep_ == "agent") and c.i > head.i), None)
        prep = next((t for t in party.subtree if t.i != party.i and t.dep_ == "prep"
                     and (_is_subject_word(t) or t.lower_ in {"concerning", "regarding", "for"})
                     and t.head.dep_ in {"pobj", "conj", "appos"} and not _in_a_title(t, party) and not any(
                         g.ent_type_ in {"DATE", "TIME"} for g in t.subtree)), None) if party is not None else None
    return _phrase_tokens(prep, stop_before=stop) if prep is not None else []


def _in_a_title(t: Any, top: Any) -> bool:
    """Whether a phrase under a signatory is part of someone's title: "signed by A, Assistant Minister for
    Development Affairs", "by B, Head of the Federal Agency for Subsoil Use"."""
    k = t.head
    offices = frozenset(rules("titles.json")["office_nouns"])
    while k.i != top.i and k.head.i != k.i:
        if k.ent_type_ == "PERSON" or k.dep_ == "appos" or k.text in offices:
            return True  # and "by Ghana's Minister for Foreign Affairs and Regional Integration, A": the office's name
        k = k.head
    return False


GROUP_WORDS = frozenset({"sides", "countries", "parties", "governments", "leaders", "ministers", "presidents",
                         "nations", "states", "delegations", "officials", "they", "we"})


def _signing_bodies(verb: Any, head: Any) -> str:
    """The two bodies that signed a bare document, when they are institutions and not the states, their people
    or "the two sides": "the Moroccan Academy of Diplomatic Studies (AMED) and the Angolan Institute of
    International Relations signed a memorandum of understanding" -> their names, without the acronyms."""
    if verb is None or verb.pos_ != "VERB" or head.dep_ != "dobj" or head.head.i != verb.i \
            or _lex()["status"].get(verb.lemma_.lower()) != "signed":
        return ""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return ""
    bodies = [subj] + [c for c in subj.conjuncts if c.i > subj.i]
    offices = frozenset(rules("titles.json")["office_nouns"])
    if len(bodies) != 2 or any(b.ent_type_ in {"GPE", "NORP", "PERSON"} or b.lower_ in GROUP_WORDS
                               or b.text in offices or b.pos_ not in {"PROPN", "NOUN"}
                               or not any(t.text[:1].isupper() for t in b.subtree) for b in bodies):
        return ""
    words, depth = [], 0
    for t in subj.subtree:
        depth += t.text == "("
        if not depth and t.dep_ != "punct":
            words.append(t)
        depth -= t.text == ")"
    return _text(words)


def _parties_on_the_verb(verb: Any, head: Any, stop: set[int]) -> list[Any]:
    """The bodies a bare document is made between, hung on its verb, when nothing says what it is about: "a
    Memorandum of Understanding will be signed between the Diplomatic Academy of A and the Institute of B"."""
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.i == head.i or head.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    party = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between" and c.i > head.i
                  and c.i not in stop), None)
    return _phrase_tokens(party, stop_before=stop, run_on=False) if party is not None else []


def _is_subject_word(t: Any) -> bool:
    """A preposition or participle that opens what a document is about: "on", "relating to", "regarding"."""
    return t.lower_ in _lex()["subject_words"] or t.pos_ == "VERB" and t.lemma_.lower() in _lex()["subject_words"]


def _subject_aside(head: Any, stop: set[int]) -> list[Any]:
    """What a document is about, set off by commas after it: "the first MoU, on defence cooperation, was signed"."""
    doc = head.doc
    prep = next((c for c in head.children if c.dep_ in {"prep", "acl"} and c.i > head.i and doc[c.i - 1].text == ","
                 and _is_subject_word(c) and c.i not in stop), None)
    return _phrase_tokens(prep, stop_before=stop, run_on=False) if prep is not None else []


def _copula_subject(head: Any, stop: set[int]) -> list[Any]:
    """What a document is about when a copula says it: "the second MoU is about cooperation in LNG supply", "the
    third exchange of notes is on halal certification", "the first MoU is to intensify cooperation on ICT"."""
    verb = head.head
    if head.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in _lex()["subject_words"] and verb.i > head.i:
        # "the second document was related to the establishment of X": the verb says what it is about
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.i not in stop), None)
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        return [verb, prep] + _phrase_tokens(obj, stop_before=stop, run_on=False) if obj is not None else []
    if head.dep_ not in {"nsubj", "attr"} or verb.lemma_.lower() != "be":  # "Next was an MoU to step up X"
        return []
    for c in verb.children:
        if c.i <= head.i or c.i in stop:
            continue
        if c.dep_ == "prep" and _is_subject_word(c):
            return _phrase_tokens(c, stop_before=stop, run_on=False)
        if c.dep_ in {"xcomp", "advcl"} and _own_to(c):
            to = [k for k in c.children if k.dep_ == "aux" and k.lower_ == "to"]
            return to + _phrase_tokens(c, stop_before=stop, run_on=False)
    return []


def _party_phrase(head: Any, span_end: int, gov: Any, stop: set[int]) -> tuple[set[int], list[Any]]:
    """The bodies a document is made between or with ("an MoU between the Civil Defence and the Ministry of
    Interior", "with the Agriculture Ministry of X"): left out of its title when the text also says what it is
    about, on the document, on its verb or inside the list of bodies where the parser hung it ("an agreement
    between the customs committee of A and the ministry of B on the fight against smuggling"). Returns the words
    to leave out and the subject found among them."""
    lex = _lex()
    party = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in lex["party_preps"] and c.i >= span_end
                  and c.i not in stop), None)
    if party is None:
        return set(), []
    inside = {t.i for t in party.subtree}
    # what follows the bodies belongs to them unless it says what the document is about: the parser breaks long
    # names of ministries ("between the Ministry of State for Housing Affairs and the Ministry of ...")
    inside |= {t.i for c in head.children if c.i > party.i and not (c.dep_ in {"prep", "acl"} and _is_subject_word(c))
               for t in c.subtree}
    inner = next((t for t in party.subtree if t.i != party.i and t.dep_ in {"prep", "acl"} and _is_subject_word(t)
                  and t.head.dep_ in {"pobj", "conj", "appos"}), None)
    if inner is not None:
        return inside, _phrase_tokens(inner, stop_before=stop | (inside - {t.i for t in inner.subtree}), run_on=False)
    said = any(c.dep_ in {"prep", "acl"} and c.i >= span_end and c.i not in inside and _is_subject_word(c)
               for c in head.children) or bool(_subject_on_the_verb(gov, head, stop | inside)
                                               or _copula_subject(head, stop | inside))
    return (inside, []) if said else (set(), [])


def _coordinated_documents(sent: Any, span_end: int) -> set[int]:
    """The words of other documents coordinated after this one ("several agreements and Memorandums of
    Understanding", "a Declaration on X as well as a Comprehensive Programme for Y"), with the words joining them:
    each is an item of its own, never a part of this one's title, however the parser hung their words."""
    doc = sent.doc
    hits = doc.user_data["bb_doc_nouns"]
    out: set[int] = set()
    for k in _hit_positions(doc):
        if k < span_end or k >= sent.end:
            continue
        root = doc[k:k + hits[k][0]].root
        if root.dep_ != "conj":
            continue
        left = min(root.left_edge.i, k)
        out.update(range(left, k + hits[k][0]))
        j = left - 1
        while j >= span_end and doc[j].lower_ in {"and", "or", ",", "as", "well"}:
            out.add(j)
            j -= 1
    return out


def _enumerator(t: Any) -> bool:
    """"first", "second", "next" before a document: which of the counted documents it is."""
    return t.dep_ in {"amod", "advmod", "nsubj"} and t.lower_ in _lex()["enumerators"] and t.i < t.head.i


def _name_clause_status(doc: Any, start: int, end: int) -> str | None:
    """The status a relative clause or participle gives a named document when the parser hung it on a word
    inside the name: "the MoU on Development Cooperation between A and B, which was signed by ..."."""
    status = _lex()["status"]
    for t in doc[start:end]:
        for c in t.children:
            if c.dep_ in {"relcl", "acl"} and c.i >= end and c.tag_ in {"VBN", "VBD"} and c.lemma_.lower() in status:
                return "planned" if _future(c) else status[c.lemma_.lower()]
    return None


def _what_another_is_for(head: Any) -> bool:
    """Whether a document is what another one is for: "a letter of intent for an MoU on the test range" (but a
    vision "for a digital partnership" is the partnership's own)."""
    doc = head.doc
    k = head.i - 1
    while k > head.sent.start and doc[k].dep_ in {"det", "amod", "compound", "nummod"} and doc[k].head.i == head.i:
        k -= 1
    if doc[k].lower_ not in {"for", "towards", "toward"}:
        return False
    # read in word order (the parser often takes "for" for a conjunction here): a document's name ends just before
    return any(_doc_noun_at(doc, j) and j + _doc_noun_at(doc, j)[0] == k for j in range(max(head.sent.start, k - 5), k))


def _told_of_a_document(head: Any, gov: Any) -> bool:
    """Whether a document is only what another document does or holds: its clause's subject is a document
    ("The MoU aims at creating a framework for dialogue", "the accord provides for a joint commission", "22
    documents were signed covering all areas of the partnership")."""
    if gov is None or gov.pos_ not in {"VERB", "AUX"} or gov.lemma_.lower() in LISTING_VERBS:
        return False  # "the agreements include A and B" lists them
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i != head.i and (_doc_noun_at(head.doc, first.i) or any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                                    for c in head.children)):
        return False  # "an MoU was signed on the exchange programme and a Letter of Arrangement": one of a list
    t = gov
    for _ in range(4):
        subject = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            if t.lemma_.lower() in _lex()["status"] and first.head.i == t.i and first.dep_ in {"dobj", "attr"}:
                return False  # "the memorandum creates a coordination group": what it sets up is an item
            return subject.i != head.i and _doc_noun_at(head.doc, subject.i) is not None and subject.pos_ in {
                "NOUN", "PROPN"} and not (head.left_edge.i <= subject.i <= head.right_edge.i)
        if t.dep_ not in {"xcomp", "pcomp", "advcl", "acl", "conj", "prep"} or t.head.i == t.i:
            return False
        t = t.head
    return False


def _counted(head: Any) -> bool:
    """Whether a document is one of several counted before: "the first MoU", "Next was an MoU to ..."."""
    holders = [head] + ([head.head] if head.dep_ in {"nsubj", "attr"} and head.head.lemma_.lower() == "be" else [])
    if len(holders) > 1 and any(c.dep_ == "prep" and c.lower_ == "among" and c.i < head.i for c in holders[1].children):
        return True  # "Among them is a memorandum of understanding between A and B"
    if len(holders) > 1 and head.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "between" and c.i > head.i
                                                         for c in holders[1].children):
        return True  # after "seven agreements were signed": "The air services agreement was between A and B"
    return any(_enumerator(c) for h in holders for c in h.children)


LISTING_VERBS = {"be", "include", "comprise"}


def _listing_subject(head: Any) -> Any:
    """The documents a copula or "include" lists this one among ("the five agreements are A, B and C", "the
    agreements to be signed include A, B and C"), or None."""
    t = head
    for _ in range(30):  # up the list, through the names of the documents listed before ("A on X and B on Y")
        inside = t.dep_ in {"pcomp"} or t.dep_ == "dobj" and t.head.dep_ in {"pcomp", "acl"}  # "an MoU on boosting X"
        if t.dep_ not in {"conj", "appos", "pobj", "prep", "compound"} and not inside or t.head.i == t.i:
            break
        t = t.head
    verb = t.head
    if t.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() == "be":
        # "A, B and an agreement on C were the eight agreements signed": the list is the subject, the count after
        return next((c for c in verb.children if c.dep_ == "attr" and c.i != head.i and c.tag_ in {"NNS", "NNPS"}
                     and _doc_noun_at(head.doc, c.i)), None)
    if t.dep_ not in {"attr", "dobj"} or verb.lemma_.lower() not in LISTING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.i != head.i and not _doc_noun_at(head.doc, subject.i):
        # "One of the key agreements signed was the MoU on X": the documents it is one of
        subject = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj" and g.tag_ in {"NNS", "NNPS"}), subject)
    if subject is None or subject.i == head.i or not _doc_noun_at(head.doc, subject.i):
        return None
    return subject


def _bare_list_entry(head: Any, sent: Any) -> bool:
    """Whether a document stands in a list with no verb of its own: a line that is only names ("Memorandum of
    Understanding on Trade and Investment; Memorandum of Understanding on X") or a name set beside plural
    documents ("These agreements include: Agreement on X")."""
    t = head
    while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
        if t.dep_ == "appos" and t.head.tag_ in {"NNS", "NNPS"} and _doc_noun_at(head.doc, t.head.i):
            return True
        t = t.head
    return not any(k.pos_ in {"VERB", "AUX"} for k in sent)


def _counted_status(doc: Any, before: int) -> str | None:
    """The status of the plural documents told last before a token ("signed five MoUs")."""
    told = [status for i, status in doc.user_data.get("bb_counted_status", []) if i < before]
    return told[-1] if told else None


def _headline_verb_status(doc: Any, start: int, sent: Any) -> tuple[str | None, int | None]:
    """The status a headline's verb gives the document after it ("X and Y Sign MoU on Z", "Inks 4 MoU"; the
    parser reads such verbs as names or nouns), and where the verb is."""
    k = start - 1
    while k >= sent.start and (doc[k].like_num or doc[k].dep_ == "det"):
        k -= 1
    if k < sent.start or doc[k].lower_ not in _lex()["headline_verbs"]:
        return None, None
    word = doc[k].lower_
    status = _lex()["status"]
    return status.get(word) or status.get(word[:-1]) or status.get(word[:-2]), k


def _areas_of(head: Any, span_start: int, span_end: int) -> list[tuple[str, list[Any]]]:
    """The subjects plural documents are about, one per conjunct, with the preposition that introduces each:
    "memoranda of understanding on health, education and tourism", "agreements on energy and on the basin",
    "MoUs in the fields of agriculture and fisheries". Empty when the text names no subject."""
    lex = _lex()
    doc = head.doc
    prep = next((c for t in doc[span_start:span_end] for c in t.children
                 if c.dep_ == "prep" and c.i >= span_end and c.lower_ in lex["subject_preps"]), None)
    after = span_end
    if after + 2 < head.sent.end and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3  # "five Memoranda of Understanding (MoUs) on A; B; C"
    if prep is None and head.dep_ in {"dobj", "nsubjpass"}:
        # "sign protocols on A and on B": the parser hangs "on" on the verb, right after the documents
        prep = next((c for c in head.head.children if c.dep_ == "prep" and c.i == after
                     and c.lower_ in lex["subject_preps"] and not _when(c)), None)
    if prep is None:
        paired = _one_and_the_other(head, after)
        if paired:
            return paired
        prep = _purpose_areas(head, after)
    if prep is None:
        return []
    prep = _through_cooperation(prep)
    preps = [prep] + [c for c in prep.conjuncts if c.pos_ == "ADP" and c.i > prep.i]
    out: list[tuple[str, list[Any]]] = []
    for p in preps:
        out += _areas_of_prep(p)
    return out


def _areas_of_prep(p: Any) -> list[tuple[str, list[Any]]]:
    """The subjects one preposition opens: "on health, education and tourism", "in the fields of A and B"."""
    lex = _lex()
    out: list[tuple[str, list[Any]]] = []
    word = p.lower_
    obj = next((g for g in p.children if g.dep_ in {"pobj", "pcomp"}), None)
    if obj is None:
        return out
    # "in the fields of A and B": the areas are A and B
    of = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"), None) \
        if obj.lemma_.lower() in lex["area_nouns"] else None
    if of is not None:
        obj, word = next((g for g in of.children if g.dep_ in {"pobj", "pcomp"}), obj), "on"
    conjuncts = [obj] + [c for c in obj.conjuncts if c.i > obj.i]
    for o in conjuncts:
        stop = {c.i for c in o.children if c.dep_ in {"conj", "cc"}}
        toks = _phrase_tokens(o, stop_before=stop, run_on=False)  # each area is one item
        toks = [t for t in toks if t.i >= o.left_edge.i]
        if toks:
            out.append((word, toks))
    if len(conjuncts) == 1 and out:
        out += [(word, chunk) for chunk in _listed_after(out[-1][1][-1])]
    return out


def _when(prep: Any) -> bool:
    """ "on Wednesday", "in March": a date, not a subject."""
    return any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in prep.children)


def _through_cooperation(prep: Any) -> Any:
    """ "on cooperation in the fields of A and B": the areas are those of the cooperation."""
    lex = _lex()
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in lex["generic_objects"]:
        return prep
    inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in lex["subject_preps"]), None)
    return inner if inner is not None else prep


DISTRIBUTIVES = {"one", "two", "three", "four", "five", "another", "other"}


def _one_and_the_other(head: Any, after: int) -> list[tuple[str, list[Any]]]:
    """Documents told one by one after their count: "signed two MoUs, one in the area of defence and the other on
    rescue operations", "four MoUs, two for the transport sector, one for education and another for health"."""
    lex = _lex()
    doc = head.doc
    first = next((t for t in doc[after:head.sent.end] if t.lower_ in DISTRIBUTIVES and t.i > after
                  and doc[t.i - 1].text == "," and t.dep_ in {"appos", "npadvmod", "dep", "conj", "nsubj"}), None)
    if first is None:
        return []
    out: list[tuple[str, list[Any]]] = []
    told = [first] + [t for t in doc[first.i + 1:head.sent.end] if t.lower_ in DISTRIBUTIVES
                      and t.dep_ in {"appos", "conj"} and (t.head.i == head.i or t.head.i >= first.i)]
    for t in told:
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in lex["subject_preps"]
                     and c.i == t.i + 1), None)
        if prep is None and t.i + 1 < len(doc) and doc[t.i + 1].dep_ == "prep" \
                and doc[t.i + 1].lower_ in lex["subject_preps"]:
            prep = doc[t.i + 1]  # "and another for health": the parser hung the phrase elsewhere
        if prep is None:
            return []
        times = (_count_value(t) or 1) if t.lower_ not in {"one", "another", "other"} else 1  # "two for transport"
        for word, toks in _areas_of_prep(prep):
            cut = next((k for k, x in enumerate(toks) if x.lower_ in lex["party_preps"] and k > 0), None)
            out += [(word, toks[:cut] if cut is not None else toks)] * times
    return out if len(out) >= 2 else []


def _purpose_areas(head: Any, after: int) -> Any:
    """The areas plural documents serve, told in their purpose: "signed MoUs to enhance joint cooperation in
    the fields of media, culture and education" -> the "in the fields of" phrase."""
    lex = _lex()
    verb = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    purpose = next((c for c in list(head.children) + list(verb.children)
                    if c.dep_ in {"advcl", "acl", "relcl"} and c.i >= after and c.lemma_.lower() in lex["vague_verbs"]
                    and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)), None)
    if purpose is None:
        return None
    obj = next((c for c in purpose.children if c.dep_ == "dobj" and c.lemma_.lower() in lex["generic_objects"]), None)
    if obj is None:
        return None
    return next((t for t in purpose.subtree if t.dep_ == "prep" and t.lower_ in lex["subject_preps"] and any(
        g.dep_ == "pobj" and g.lemma_.lower() in lex["area_nouns"] for g in t.children)), None)


def _listed_after(last: Any) -> list[list[Any]]:
    """The rest of a list the parser broke up, read in word order: after "on fisheries", the ", higher
    education and tourism" it hung elsewhere. Each item is a run of nouns and their modifiers between commas
    or "and"; the list ends at the sentence's end or at anything else (a verb, a preposition, a date)."""
    doc = last.doc
    sent_end = last.sent.end
    chunks: list[list[Any]] = []
    i = last.i + 1
    last_item = False
    seps = {";", "and"} if i < sent_end and doc[i].text == ";" else {",", "and"}  # "A; B; C and D" or "A, B and C"
    while i < sent_end and doc[i].lower_ in seps and not last_item:
        while i < sent_end and doc[i].lower_ in seps:
            last_item = last_item or doc[i].lower_ == "and"  # the item after "and" ends the list
            i += 1
        chunk = []
        while i < sent_end and doc[i].lower_ not in seps | {",", ";"} and (
                doc[i].pos_ in {"NOUN", "PROPN", "ADJ", "DET"} and doc[i].ent_type_ not in {"DATE", "TIME", "GPE"}
                or doc[i].lower_ in {"of", "-"} and chunk):
            chunk.append(doc[i])
            i += 1
        if not chunk or chunk[-1].pos_ not in {"NOUN", "PROPN"}:
            return []  # not a list of areas after all
        while chunk and chunk[0].pos_ == "DET":
            chunk.pop(0)
        chunks.append(chunk)
    end_ok = i >= sent_end or doc[i].is_punct and doc[i].text in {".", ";", "!", ","}
    if chunks and chunks[-1][-1].i + 1 < sent_end and doc[chunks[-1][-1].i + 1].text == "," and \
            not any(t.lower_ == "and" for t in doc[last.i:chunks[-1][0].i]):
        return []  # "on fisheries, Peru's minister said": a comma after no "and" closes no list
    return chunks if end_ok else []


def _singular_label(span: Any, kind: str) -> str:
    """What one of several listed documents is called: "MoU" for memoranda, "Agreement" for agreements."""
    if kind == "mou":
        return "MoU"
    word = span.root.lemma_.lower() if span.root.tag_ in {"NNS", "NNPS"} else span.root.lower_
    return _cap(word)


def _money_of(head: Any) -> str | None:
    """What plural documents are worth, when that is all the text says of them: "agreements worth $3 billion",
    "$3 billion worth of agreements", "$3 billion in deals"."""
    holder = next((c for c in head.children if c.lower_ == "worth"), None)
    if holder is None and head.dep_ == "pobj" and head.head.lower_ in {"of", "in"}:
        holder = head.head.head
    if holder is None:
        return None
    own = set() if holder.head.i == head.i else {t.i for t in head.subtree}
    money = [t for t in holder.subtree if t.ent_type_ == "MONEY" and t.i not in own]
    if not money or money[-1].i - money[0].i + 1 != len(money):
        return None
    return _text(money)


LISTING_NOUNS = {"document", "instrument", "agreement", "deal", "memorandum", "mou", "accord", "pact", "treaty"}


def _listed_under(head: Any, sent: Any) -> str | None:
    """The status of the documents a document is listed among: "six documents were signed, including X, Y
    and an MoU on Z" signs X, Y and the MoU. Read in word order (a long list often parses badly): a plural
    document noun with a status, then "including", "such as" or "namely", then this document."""
    doc = head.doc
    opener = next((t for t in reversed(doc[sent.start:head.i]) if t.lower_ in LIST_OPENERS
                   or (t.lower_ == "as" and t.i > sent.start and doc[t.i - 1].lower_ == "such")), None)
    if opener is None:
        return None
    for t in reversed(doc[sent.start:opener.i]):
        if t.pos_ in {"NOUN", "PROPN"} and t.tag_ in {"NNS", "NNPS"} and t.lemma_.lower() in LISTING_NOUNS:
            status, _gov = _status_of(t, sent)
            return status
    return None


LIST_OPENERS = {"including", "namely", "among", "encompassing", "comprising"}


def _members_listed(head: Any) -> bool:
    """Whether plural documents are followed by the documents they include, in the same sentence."""
    doc = head.doc
    sent = head.sent
    opener = next((t for t in doc[head.i + 1:sent.end] if t.lower_ in LIST_OPENERS or t.lower_ == "such"), None)
    return opener is not None and any(_doc_noun_at(doc, t.i) for t in doc[opener.i + 1:sent.end])


def _what_they_do(head: Any) -> list[Any] | None:
    """ "agreements that would generate economic exchange worth $1.2 trillion" -> the tokens of "economic
    exchange worth $1.2 trillion" (what plural documents named by no noun of their own are for), or None.
    The clause may hang on the documents or, as the parser often has it, on the verb that signed them."""
    clauses = [c for c in head.children if c.dep_ in {"relcl", "acl"}]
    clauses += [c for c in head.head.children if c.dep_ == "ccomp" and c.i > head.i
                and c.left_edge.lower_ == "that" and c.left_edge.i <= head.i + 4]
    clause = clauses[0] if clauses else None
    for _ in range(3):
        if clause is None:
            return None
        obj = next((c for c in clause.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
            return [*_phrase_tokens(obj)]
        clause = next((c for c in clause.children if c.dep_ in {"ccomp", "xcomp", "relcl"}), None)
    return None


def _own_to(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _inner_kind_status(vp: Any, absorbed: set[int], shown: set[int] | None = None) -> tuple[str | None, str | None, bool]:
    """Kind and status when the committed verb's object is a document noun ("agreed to set up a working group").
    Not when the document is only an example the title leaves out ("expand exchanges, including a programme"),
    when the verb works on it rather than makes it ("finalise the financing of the X Scheme", "conclude the revision
    of the Treaty"), or convenes a body that exists ("convene the Joint Commission")."""
    lex = _lex()
    tokens = vp.doc
    targets = []
    if vp.lemma_.lower() in lex["meeting_verbs"]:
        return None, None, False
    vague = vp.lemma_.lower() in lex["vague_verbs"] and (vp.lemma_.lower() not in lex["status"] or lex["status"][
        vp.lemma_.lower()] == "proposed" and vp.lemma_.lower() not in lex["propose"])  # "explore" stays vague here
    for c in vp.children:
        if c.dep_ in {"dobj", "attr", "nsubjpass"} and c.lemma_.lower() not in lex["work_nouns"] and not vague:
            targets.append(c)  # "strengthen the comprehensive partnership" makes no partnership
        if c.dep_ == "prep" and c.lower_ in {"to", "into", "on"}:
            targets += [g for g in c.subtree]
    kind = None
    for t in targets:
        for g in t.subtree if t.dep_ != "pobj" else [t]:
            if g.lower_ in lex["look_through"] or shown is not None and g.i not in shown:
                continue
            hit = _doc_noun_at(tokens, g.i)
            if hit and g.i + hit[0] < len(tokens) and _doc_noun_at(tokens, g.i + hit[0]):
                continue  # "a partnership agreement": the second noun heads the phrase
            if hit and not (tuple(x.lower_ for x in tokens[g.i:g.i + hit[0]]) in lex["named_only"]
                            and not tokens[g.i].text[:1].isupper()):
                kind = hit[1]
                absorbed.update(range(g.i, g.i + hit[0]))
                # "a new Action Plan for the Strategic Partnership": what the document is for is no item of its own
                absorbed.update(x.i for x in tokens[g.i:g.i + hit[0]].root.subtree if x.i >= g.i + hit[0]
                                and _doc_noun_at(tokens, x.i))
                break
        if kind:
            break
    lemma = vp.lemma_.lower()
    status = lex["status"].get(lemma)
    if status == "proposed" and lemma not in lex["propose"]:
        status = None  # "agreed to explore a free trade agreement" is their commitment, not a proposal of one side
    if lemma == "raise" and not any(c.dep_ == "prep" and c.lower_ == "to" for c in vp.children):
        status = None
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in vp.children):
        status = None
    if any(g.lower_ in {"negotiations", "negotiation"} for c in vp.children if c.dep_ == "dobj" for g in c.subtree):
        status = "negotiating"
    return kind, status if kind or status in {"renewed", "negotiating"} else None, kind is not None


def _gives_status(verb: Any) -> bool:
    """Whether a verb gives a document a status: "signed", "set up" (but "sets the terms" does not)."""
    lemma = verb.lemma_.lower()
    if lemma not in _lex()["status"]:
        return False
    if lemma == "set":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if lemma == "raise":
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    return True


def _absorb_tokens(tokens: list[Any], absorbed: set[int]) -> None:
    """The lower-case document nouns among a title's words belong to it."""
    for g in tokens:
        hit = _doc_noun_at(g.doc, g.i)
        if hit and not g.text[:1].isupper():
            absorbed.update(range(g.i, g.i + hit[0]))


def _absorb_subtree(vp: Any, absorbed: set[int], *, named: bool = False, skip: set[int] | None = None) -> None:
    """Lower-case document nouns inside a committed phrase belong to it, unless they carry their own verb
    (``named``: capitalised ones too, as in "proposed reviving the X Joint Commission"); not those under the
    ``skip`` words (a clause of its own the phrase stops before)."""
    tokens = vp.doc
    skipped = {x.i for k in skip or () for x in tokens[k].subtree}
    for g in vp.subtree:
        if g.i in skipped:
            continue
        hit = _doc_noun_at(tokens, g.i)
        if hit and (named or not tokens[g.i].text[:1].isupper()):
            own = any(c.dep_ in {"acl", "relcl"} and _gives_status(c) for c in g.children)
            if not own:
                absorbed.update(range(g.i, g.i + hit[0]))


RENEW_VERBS = {"reaffirm", "renew", "reiterate"}


def _that_clauses(clause: Any) -> list[Any]:
    """An agreed "that" clause and the ones coordinated with it, in order: "agreed that A, that B, and that C" (the
    parser often hangs B on A as an adverbial clause). A second verb with no subject or "that" of its own
    ("..., and adopted a statement") is the main subject's, not one of them."""
    out = [clause]
    for x in clause.children:
        if x.i > clause.i and x.pos_ in {"VERB", "AUX"} and (
                x.dep_ == "conj" and any(k.dep_ in {"nsubj", "nsubjpass", "mark"} for k in x.children)
                or x.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "that" for k in x.children)):
            out += _that_clauses(x)
    return sorted(out, key=lambda t: t.i)


def _clause_title(clause: Any, toks: list[Any]) -> str:
    """An agreed clause worded as what is to be done: "the next meeting should take place in Lima" -> "Hold the
    next meeting in Lima", "the trade route should be prioritised" -> "Prioritise the trade route", "the two
    sides will continue to coordinate" -> "Continue to coordinate". Other subjects stay ("Peru would open an
    office")."""
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or not toks:
        return _text(toks)
    subject = [t for t in toks if subj.left_edge.i <= t.i <= subj.right_edge.i]
    rest = [t for t in toks if t.i > clause.i]
    place = next((c for c in clause.children if c.dep_ == "dobj" and c.lower_ == "place"), None)
    if subj.dep_ == "nsubjpass" or clause.lemma_.lower() == "take" and place is not None:
        verb = "hold" if place is not None else clause.lemma_.lower()
        rest = [t for t in rest if place is None or t.i != place.i]
        return f"{_cap(verb)} {_text(subject)} {_text(rest)}".strip()
    if _pair_subject(clause) or subj.lower_ in {"they", "we"} or any(c.dep_ == "poss" and c.lower_ in {"their", "our"}
                                                                    for c in subj.children):
        return _text([clause] + rest)  # "the two sides will continue to ..." -> "Continue to ..."
    return _text(toks)


MODALS = {"will", "would", "shall", "should", "must", "could", "can", "may", "might", "'ll", "wo"}


def _a_view(clause: Any) -> bool:
    """Whether an agreed "that" clause states a view rather than what is to be done: a verb in the present or
    past with no modal ("agreed that the Cabinet constitutes the main level of dialogue", "agreed that more
    work was needed"), where a plan has one ("agreed that a forum would be held", "that X should take place")."""
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in MODALS for c in clause.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    tag = clause.tag_
    if tag == "VBN":
        tag = next((c.tag_ for c in clause.children if c.dep_ in {"auxpass", "aux"}), tag)
    return tag in {"VBZ", "VBD"}


def _document_clause(clause: Any) -> bool:
    """Whether a clause says what becomes of a document: its verb gives a status ("signed", "concluded") and
    its subject or object is a document noun."""
    lex = _lex()
    if clause.lemma_.lower() not in lex["status"]:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _doc_noun_at(c.doc, c.i) is not None
               for c in clause.children)


@cache
def _commitment_lemmas() -> frozenset[str]:
    lex = _lex()
    return frozenset(lex["commit"] | lex["direct"] | RENEW_VERBS | lex["continue"] | lex["announce"] | lex["propose"])


def _commitment_items(sent: Any, absorbed: set[int], people: Any, renewed_names: set[int]) -> list[Item]:
    lex = _lex()
    items: list[Item] = []
    wanted = _commitment_lemmas()
    lemmas = token_lemmas(sent.doc)
    doc = sent.doc
    # A Token is built only for a word whose lemma some rule below reads
    for t in (doc[i] for i in range(sent.start, sent.end) if lemmas[i].lower() in wanted):
        lemma = t.lemma_.lower()
        if t.pos_ not in {"VERB", "AUX"}:
            continue
        if _what_the_document_commits(t):
            continue  # "signed a declaration on X, committing both countries to Y": what the document says
        if lemma in lex["commit"] or lemma in lex["direct"]:
            on_pp = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > t.i
                     and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.subtree)]  # not "On trade, they agreed"
            vps = [c for c in t.children if (c.dep_ == "xcomp" or c.dep_ == "advcl" and _own_to(c) and c.i > t.i)
                   and not any(p.i < c.i for p in on_pp) and not _word_piece(c)]  # "concurred to promote X" (advcl)
            if lemma in lex["direct"]:
                vps += [c for c in t.children if (c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "advcl" and any(
                    k.dep_ == "aux" and k.lower_ == "to" for k in c.children))) and c not in vps]
            for vp in vps:
                group = [vp] + [c for c in vp.conjuncts if c.i > vp.i and _own_to(c)]
                # "agreed to create a group, which will report in 90 days, and to reactivate the Mechanism":
                # the parser hangs the second on the relative clause's verb
                group += [c for x in vp.subtree if x.dep_ in {"relcl", "acl"} for c in x.children
                          if c.dep_ == "conj" and _own_to(c) and c not in group]
                for k, v in enumerate(group):
                    stop = {c.i for c in group[k + 1:]} | ({cc.i for cc in v.children if cc.dep_ == "cc"} if k + 1 < len(group) else set())
                    stop |= {c.i for c in v.children if c.dep_ == "conj" and _own_to(c)}
                    stop |= {c.i for c in v.children if c.dep_ == "cc" and any(x.dep_ == "conj" and _own_to(x) for x in v.children)}
                    # "agreed to strengthen relations and signed a series of agreements": the past verb is the
                    # subject's own next clause, not part of what was agreed
                    told = [c for c in v.children if c.dep_ == "conj" and c.tag_ == "VBD" and c.i > v.i]
                    stop |= {c.i for c in told} | ({c.i for c in v.children if c.dep_ == "cc"} if told else set())
                    items.append(_vp_item(v, sent, absorbed, stop))
            for c in t.children:
                if c.dep_ == "ccomp" and _document_clause(c):
                    continue  # "agreed that a defence agreement would be signed": the agreement itself, planned
                if c.dep_ == "ccomp":
                    # "agreed that Portugal would open an office and that a forum would be held": two commitments
                    clauses = _that_clauses(c)
                    for k, clause in enumerate(clauses):
                        if _a_view(clause):
                            continue  # "agreed that the Cabinet constitutes the main level of dialogue": a view
                        stop = {x.i for x in clauses[k + 1:]} | {x.i for x in clause.children if x.dep_ == "cc"
                                                                  and k + 1 < len(clauses)}
                        toks = _phrase_tokens(clause, drop_subject=False, stop_before=stop)
                        _absorb_tokens([x for x in clause.subtree if toks and toks[0].i <= x.i <= toks[-1].i], absorbed)
                        toks = [x for x in toks if x.lower_ != "that" or x.i != toks[0].i]
                        title = _clause_title(clause, toks)
                        if title:
                            items.append(Item(_cap(title), "commitment", "agreed", sent, clause.i))
                if c.dep_ == "prep" and c.lower_ == "to" and c.i > t.i and lemma in lex["commit"] and not vps:
                    # "New Zealand committed to continuing its support for X in Y": the gerund is what is committed
                    ger = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                    if ger is not None:
                        item = _vp_item(ger, sent, absorbed, set())
                        if item is not None and item.title.startswith(ger.text.capitalize()):
                            item.title = _cap(ger.lemma_) + item.title[len(ger.text):]
                        items.append(item)
                        continue
                if c.dep_ == "dobj" and c.pos_ == "NOUN" and lemma in PLEDGE_VERBS and not vps \
                        and not _doc_noun_at(c.doc, c.i) and _says_what(t, lex["generic_objects"]):
                    # "pledged close cooperation in overcoming the climate crisis", "promised assistance to X"
                    _absorb_subtree(c, absorbed)
                    toks = _phrase_tokens(c)
                    for p in (p for p in t.children if p.dep_ == "prep" and p.i > c.i and p.lower_ not in ASIDE_PREPS
                              and not _when(p)):
                        toks += _phrase_tokens(p)  # "pledged close cooperation in X": the parser hangs X on the verb
                    title = _text(sorted(toks, key=lambda x: x.i))
                    if title:
                        items.append(Item(_cap(title), "commitment", "agreed", sent, c.i))
                if c.dep_ == "prep" and c.lower_ == "to" and c.i > t.i and lemma in lex["commit"] and not vps:
                    # "both sides agreed to electrical interconnection": a commitment to a thing, written as a noun
                    g = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                              and g.lemma_.lower() not in lex["proposal_nouns"] | lex["stance_nouns"]), None)
                    if g is not None and g.ent_type_ not in {"PERSON", "GPE", "NORP", "DATE"}:
                        _absorb_subtree(g, absorbed)
                        title = _text(_phrase_tokens(g))
                        hit = _doc_noun_at(g.doc, g.i)
                        if title:
                            items.append(Item(_cap(title), hit[1] if hit else "commitment", "agreed", sent, g.i))
                if c.dep_ == "prep" and c.lower_ == "on" and lemma in lex["commit"] and c in on_pp:
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in lex["stance_nouns"]:
                            # "agreed on the need to set up a committee": the commitment is to set it up;
                            # "agreed on the importance of exchanges" commits to nothing
                            vp = next((x for x in g.children if x.dep_ in {"acl", "relcl", "xcomp"} and _own_to(x)), None)
                            if vp is not None:
                                items.append(_vp_item(vp, sent, absorbed, set()))
                            _absorb_subtree(g, absorbed)
                            continue
                        if g.dep_ == "pcomp" and g.pos_ == "VERB":
                            # "agreed on intensifying X, ..., and to activate Y": one commitment each
                            group = [g] + [x for x in g.conjuncts if x.i > g.i and x.pos_ == "VERB"]
                            for k, v in enumerate(group):
                                stop = {x.i for x in group[k + 1:]} | {x.i for x in v.children if x.dep_ == "cc"}
                                item = _vp_item(v, sent, absorbed, stop)
                                if item is not None and v.tag_ == "VBG" and item.title.startswith(v.text.capitalize()):
                                    item.title = _cap(v.lemma_) + item.title[len(v.text):]  # "Intensify the ..."
                                items.append(item)
                        if g.dep_ == "pobj":
                            _absorb_subtree(g, absorbed)
                            title = _text(_phrase_tokens(g))
                            hit = _doc_noun_at(g.doc, g.i)  # "agreed in principle on a defence agreement"
                            kind = hit[1] if hit and g.lemma_.lower() not in lex["look_through"] else "commitment"
                            if title:
                                items.append(Item(_cap(title), kind, "agreed", sent, g.i))
        elif lemma in RENEW_VERBS:
            for c in t.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in {"support", "commitment", "pledge"}:
                    if any(g.text[:1].isupper() and _doc_noun_at(c.doc, g.i) for g in c.subtree):
                        renewed_names.update(g.i for g in c.subtree)
                        continue  # "renewed their commitment to the X Strategic Partnership": the partnership, renewed
                    if _vague_aim(t, c):
                        continue  # "reiterated his commitment to strengthening ties between the two nations"
                    _absorb_subtree(c, absorbed)
                    title = _text(_phrase_tokens(c))
                    if not any(g.dep_ == "prep" for g in c.children):
                        # "reiterate their support to the European perspective of X": the parser hangs "to" on the verb
                        to = next((g for g in t.children if g.dep_ == "prep" and g.lower_ in {"to", "for"} and g.i > c.i), None)
                        more = _text(_phrase_tokens(to)) if to is not None else ""
                        title = f"{title} {to.lower_} {more}" if more else title
                    items.append(Item(_cap(title), "commitment", "renewed", sent, c.i))
        elif lemma in lex["continue"] and _future(t) and t.dep_ == "ROOT":
            for vp in (c for c in t.children if c.dep_ == "xcomp"):
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.ent_type_ in {"GPE", "NORP"}:
                    items.append(_vp_item(vp, sent, absorbed, set(), prefix=f"{subj.text} to continue to "))
        elif lemma in lex["announce"]:
            for c in t.children:
                visit_like = c.lemma_.lower() in {"make", "pay", "visit", "travel", "meet", "hold", "attend"}
                if c.dep_ == "ccomp" and _future(c) and not visit_like:
                    title = _text(_phrase_tokens(c, drop_subject=True))
                    if title:
                        items.append(Item(_cap(title), "commitment", "planned", sent, c.i))
        elif lemma in lex["propose"]:
            items += _proposal_items(t, sent, absorbed, people)
    return [i for i in items if i is not None and i.title]


PLEDGE_VERBS = frozenset({"pledge", "promise", "vow"})  # verbs whose object is what is committed


def _vague_aim(verb: Any, noun: Any) -> bool:
    """Whether a renewed "commitment to" / "support for" says only a vague aim: "reaffirmed our commitment to
    strengthening ties between the two nations", "reiterated their commitment to the relationship" (a vague
    verb with no object of substance, or a generic noun), not "commitment to a ceasefire by June"."""
    lex = _lex()
    generic = lex["generic_objects"]
    to = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "towards", "for"}), None)
    if to is None:
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "towards"} and c.i > noun.i), None)
    what = next((g for g in to.children if g.dep_ in {"pcomp", "pobj"}), None) if to is not None else None
    if what is None:
        return False
    if what.pos_ in {"VERB", "AUX"}:
        return what.lemma_.lower() in lex["vague_verbs"] and not _says_what(what, generic)
    return not _contentful(what, generic)


def _what_the_document_commits(verb: Any) -> bool:
    """A participle after a signing that tells what the signed document binds the sides to ("signed a memorandum
    on the railway, committing both countries to connect their sections by 2030"): the document's content, no
    commitment of its own."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ in {"advcl", "acl", "xcomp"} and head.i != verb.i and head.i < verb.i \
        and head.lemma_.lower() in _lex()["status"] and any(
            c.dep_ in {"dobj", "nsubjpass"} and _doc_noun_at(c.doc, c.i) for c in head.children)


def _goal_items(sent: Any, absorbed: set[int]) -> list[Item]:
    """A goal the sides set or reaffirm is a commitment to it: "set a target of doubling trade by 2030" ->
    "Double trade by 2030"; "reconfirmed the goal of $10 billion in trade" -> "Goal of $10 billion in trade"."""
    lex = _lex()
    out: list[Item] = []
    for t in sent:
        if t.lemma_.lower() not in lex["goal_nouns"] or t.dep_ not in {"dobj", "nsubjpass"} or t.i in absorbed:
            continue
        if t.head.lemma_.lower() not in lex["goal_verbs"]:
            continue
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        what = next((g for g in of.children if g.dep_ in {"pcomp", "pobj"}), None) if of is not None else None
        if what is None:
            continue
        # "set a target of X by 2030": the deadline hangs on the verb
        deadline = _text([x for c in [*t.head.children, *what.children] if c.dep_ == "prep" and c.i > t.i
                          and c.lower_ in {"by", "before"} for x in c.subtree])
        if what.dep_ == "pcomp" and what.pos_ == "VERB":
            item = _vp_item(what, sent, absorbed, set())
            if item is not None and what.tag_ == "VBG" and item.title.startswith(what.text.capitalize()):
                item.title = _cap(what.lemma_) + item.title[len(what.text):]
        else:
            _absorb_subtree(t, absorbed)
            item = Item(_cap(_text(_phrase_tokens(t))), "commitment", "agreed", sent, t.i)
        if item is not None and deadline and deadline not in item.title:
            item.title = f"{item.title} {deadline}"
        if item is not None:
            absorbed.update(x.i for x in t.subtree)
            out.append(item)
    return out


def _pair_subject(verb: Any) -> bool:
    """Whether a verb's subject is both parties: "the two sides", "both governments", "Peru and Norway"."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.dep_ == "nsubjpass":
        return False
    if subj.lemma_.lower() in _lex()["pair_subjects"] and any(c.lower_ in {"two", "both"} for c in subj.children):
        return True
    countries = [subj] + list(subj.conjuncts)
    if subj.lower_ == "both" or len(countries) == 2 and all(c.ent_type_ == "GPE" for c in countries):
        return True
    # "the United States would work with Jamaica on energy security": one country, with the other
    partner = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                    if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)
    return partner is not None and any(t.ent_type_ == "GPE" for t in subj.subtree)


def _pair_will_items(sent: Any, absorbed: set[int]) -> list[Item]:
    """What both sides say they will do, told as a plan of theirs rather than an agreement: "the two governments
    will set up a consultative body ... and will expand youth exchanges". A meeting or visit they will hold is an
    event, not a commitment."""
    lex = _lex()
    out: list[Item] = []
    for t in sent:
        if t.pos_ != "VERB" or t.dep_ not in {"ROOT", "ccomp", "conj", "xcomp"} or t.i in absorbed:
            continue
        wanted = t.dep_ == "xcomp" and t.head.lemma_.lower() in lex["intent_verbs"] and _own_to(t)
        if not wanted and (t.dep_ == "xcomp" or not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "would"}
                                                        for c in t.children)):
            continue
        if wanted and not _pair_subject(t.head):
            continue  # "the two countries also want to harmonise their visa regimes"
        if t.lemma_.lower() in lex["not_commitment_verbs"] | lex["event_verbs"] or not wanted and not _pair_subject(t):
            continue
        stop = {c.i for c in t.children if c.dep_ in {"conj", "cc"} and (c.pos_ in {"VERB", "CCONJ"})}
        if not any(c.dep_ in {"dobj", "prep", "xcomp", "ccomp", "attr", "prt"} for c in t.children):
            # "the two sides will undertake and support joint projects": the verbs share what follows
            stop -= {c.i for c in t.children if c.dep_ in {"conj", "cc"}}
        stop |= {c.i for c in t.children if c.i < t.i}  # "According to the statement, the two governments will"
        item = _vp_item(t, sent, absorbed, stop)
        if item is not None:
            out.append(item)
    return out


def _vp_item(vp: Any, sent: Any, absorbed: set[int], stop: set[int], prefix: str = "") -> Item | None:
    if not any(c.dep_ == "dobj" for c in vp.children):
        # "agreed to soon complete and sign a Protocol on X": the documents are what is to be signed
        signer = next((c for c in vp.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > vp.i
                       and _lex()["status"].get(c.lemma_.lower()) == "signed"
                       and any(g.dep_ == "dobj" and _doc_noun_at(c.doc, g.i) for g in c.children)), None)
        vp = signer if signer is not None else vp
    for _ in range(2):  # "agreed to work to expand X": the commitment is to expand X
        inner = next((c for c in vp.children if c.dep_ in {"xcomp", "advcl"} and c.i > vp.i
                      and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)), None)
        if vp.lemma_.lower() not in LIGHT_VERBS or inner is None or any(c.dep_ == "dobj" for c in vp.children):
            break
        vp = inner
    toks = _phrase_tokens(vp, stop_before=stop)
    if [t.i for t in toks] == [vp.i]:
        toks += _object_after_aside(vp)
    if toks and toks[0].i == vp.i:
        toks = _glued_before(vp) + toks  # "re-establish the forum": the prefix the tokenizer cut off
    kind, status, _has_doc = _inner_kind_status(vp, absorbed, {t.i for t in toks})
    doc_obj = next((c for c in vp.children if c.dep_ == "dobj" and _doc_noun_at(c.doc, c.i)), None) \
        if kind and status == "signed" and not prefix else None
    title = _text(toks)
    beside: list[Any] = []  # "agreed to sign a Protocol on X and an Agreement on Y": two documents
    if doc_obj is not None:
        beside = [c for c in doc_obj.subtree if c.i > doc_obj.i and c.pos_ in {"NOUN", "PROPN"} and c.dep_ == "conj"
                  and _doc_noun_at(c.doc, c.i) and c.i not in stop
                  and (c.head.i == doc_obj.i or any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in c.children))]
        stop = stop | {c.i for c in beside} | {c.i for c in doc_obj.children if c.dep_ == "cc"} if beside else stop
    if doc_obj is not None:
        # "agreed to sign an agreement to import power": the item is the document, its title the document's
        own = _phrase_tokens(doc_obj, stop_before=stop)
        # "agreed to sign MoUs (MOUs) on double taxation": the parser hangs what they are about on the verb
        about = _subject_on_the_verb(vp, doc_obj, stop) if not any(
            t.i > doc_obj.i and t.lower_ in _lex()["subject_preps"] for t in own) else []
        own += [t for t in about if t.i > own[-1].i] if own else []
        purpose, _words = ("", []) if any(t.i > doc_obj.i for t in own) else _purpose_of(doc_obj, vp)
        if _text(own):
            title = f"{_text(own)} {purpose}".strip()
    # "convene the Joint Commission": no item of its own; but what the phrase stopped before is not the phrase's
    _absorb_subtree(vp, absorbed, named=kind is None,
                    skip={k for k in stop if vp.doc[k].dep_ == "conj" and vp.doc[k].tag_ == "VBD"})
    if not title:
        return None
    if status == "signed":
        status = "planned"  # "agreed to sign an agreement", "will sign a treaty": the signing is still to come
    item = Item(_cap(prefix + title), kind or "commitment", status or "agreed", sent, vp.i)
    for k, other in enumerate(beside):
        later = {c.i for c in beside[k + 1:]} | {c.i for c in other.children if c.dep_ == "cc"}
        words = _text(_phrase_tokens(other, stop_before=(stop - {other.i}) | later))
        hit = _doc_noun_at(other.doc, other.i)
        if words and hit:
            item.more.append(Item(_cap(words), hit[1], status or "agreed", sent, other.i))
    return item


def _object_after_aside(vp: Any) -> list[Any]:
    """The object of a verb read in word order where an aside between them broke the parse: "to complete, by
    September, the harmonisation of the action plans" -> "the harmonisation of the action plans"."""
    doc = vp.doc
    end = vp.sent.end
    k = vp.i + 1
    if k >= end or doc[k].text != ",":
        return []
    close = next((j for j in range(k + 1, min(end, k + 8)) if doc[j].text == ","), None)
    if close is None or close + 1 >= end:
        return []
    start = close + 1
    noun = next((doc[j] for j in range(start, min(end, start + 6)) if doc[j].pos_ in {"NOUN", "PROPN"}), None)
    if noun is None or any(doc[j].pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} for j in range(start, noun.i)):
        return []
    while noun.head.i != noun.i and noun.head.i > noun.i and noun.dep_ in {"compound", "amod", "nmod"}:
        noun = noun.head
    return [t for t in _phrase_tokens(noun, run_on=False) if t.i >= start]


def _word_piece(t: Any) -> bool:
    """A piece of a hyphenated word the tokenizer split and the parser read as a verb of its own: "re" and "-" in
    "re-establish" (glued to the next token, no space between)."""
    doc = t.doc
    if t.text in {"-", "‑"} and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_:
        return True
    return t.i + 2 < len(doc) and not t.whitespace_ and doc[t.i + 1].text in {"-", "‑"} and not doc[t.i + 1].whitespace_


def _glued_before(t: Any) -> list[Any]:
    """The prefix glued to a word by a hyphen ("re-" of "re-establish"), as tokens, or nothing."""
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text in {"-", "‑"} and not doc[t.i - 1].whitespace_ and not doc[t.i - 2].whitespace_ \
            and doc[t.i - 2].is_alpha and len(doc[t.i - 2]) <= 5:
        return [doc[t.i - 2], doc[t.i - 1]]
    return []


def _country_of(token: Any, people: Any) -> str | None:
    if token is None:
        return None
    from briefing.extract.countries import code_of

    for t in token.subtree:
        if people is not None and t.i in people:
            return people[t.i].country
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return code_of(ent.text if ent is not None else token.text)


def _about_a_document(noun: Any) -> bool:
    """Whether a noun is a document or part of a document's phrase ("a third MoU on cultural cooperation")."""
    t = noun
    for _ in range(4):
        if t.pos_ in {"NOUN", "PROPN"} and _doc_noun_at(t.doc, t.i):
            return True
        if t.dep_ not in {"pobj", "prep", "compound"} or t.head.i == t.i:
            return False
        t = t.head
    return False


def _document_to_sign(verb: Any) -> Any:
    """The document a proposed clause would sign or enter into: "that an MoU be signed on X" (its subject),
    "to sign an agreement on Y", "to enter into an MoU on Z" (its object), or None."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    if lemma not in {"sign", "conclude", "ink", "enter"}:
        return None
    holders = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    holders += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children
                if g.dep_ == "pobj"]
    return next((h for h in holders if h.pos_ in {"NOUN", "PROPN"} and _doc_noun_at(h.doc, h.i)), None)


def _proposal_items(t: Any, sent: Any, absorbed: set[int], people: Any) -> list[Item]:
    lemma = t.lemma_.lower()
    if t.dep_ == "xcomp" and t.head.lemma_.lower() == "be" and any(k.dep_ == "aux" and k.lower_ == "to" for k in t.children):
        return []  # "the purpose of the Commission is to seek ways ...", "Ghana is to offer X": an aim or a plan, asked of no one
    subj = next((c for c in t.children if c.dep_ in {"nsubj"}), None)
    if subj is not None and subj.tag_ == "WDT" or subj is None and t.dep_ == "relcl":
        return []  # "the MoUs, which seek to diversify their economies": what a thing is for, not a request
    if t.dep_ == "relcl" and _about_a_document(t.head) or \
            subj is not None and _doc_noun_at(t.doc, subj.i) and subj.pos_ in {"NOUN", "PROPN"}:
        return []  # "The MoU seeks to promote X", "an MoU on X under which the two countries seek to": what it is for
    if subj is None and t.dep_ in {"conj", "xcomp"}:
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in t.children if c.dep_ in {"dobj", "dative"}), None)
    if lemma == "call":
        # "called on X", "called for X"; but "For his part, A called the deal ..." is no call for anything
        on = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > t.i), None)
        forp = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > t.i), None)
        if on is not None:
            obj = next((g for g in on.children if g.dep_ == "pobj"), None)
        elif forp is not None:
            pobj = next((g for g in forp.children if g.dep_ == "pobj"), None)
            if pobj is None:
                return []
            _absorb_subtree(pobj, absorbed)
            return [Item(_cap(_text(_phrase_tokens(pobj))), "commitment", "agreed", sent, pobj.i)]
        else:
            return []
    what = next((c for c in t.children if c.dep_ == "xcomp" and c.i > t.i), None)
    if what is None:  # "once X takes office, the two will seek ...": a clause before the verb is no request
        what = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
        if what is not None:
            sub = next((c for c in what.children if c.dep_ == "nsubj"), None)
            obj = obj or sub
    if what is None and obj is not None and obj.tag_ == "VBG":
        what, obj = obj, None
    if what is None and lemma in {"propose", "suggest", "offer", "seek", "request"} and obj is not None:
        thing = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj.dep_ == "dative" and thing is not None:
            what = thing  # "offered Pakistan $6 billion in support": the support is offered, to Pakistan
        else:
            what, obj = obj, None  # "sought Japan's support for the repatriation of Rohingyas"
    if what is None and lemma == "ask" and obj is None:
        forp = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        what = next((g for g in forp.children if g.dep_ == "pobj"), None) if forp is not None else None
        if what is not None and what.pos_ not in {"NOUN", "PROPN"}:
            what = None  # "asked for Japanese investment in the Matarbari area"
    if what is None or what.lemma_.lower() in _lex()["hospitality"]:
        return []  # "offered a dinner in honour of his guest": hospitality, nothing proposed
    if lemma == "seek" and obj is None and what.dep_ == "xcomp":
        return []  # "as the two nations seek to cement ties": what they aim at, asked of no one
    if lemma == "ask" and obj is None and what.pos_ not in {"NOUN", "PROPN"}:
        return []
    if what.tag_ in {"WDT", "WP"} or what.lower_ in {"it", "this", "that", "which", "what"}:
        return []  # "an agreement, which Thailand proposed last year": the agreement is the item
    document = _document_to_sign(what)
    if document is not None:
        # "proposed that a Statement of Intent on X be signed", "proposed to enter into an MoU on X": the document
        _absorb_subtree(what, absorbed, named=True)
        own = _phrase_tokens(document)
        own += [t for t in _subject_on_the_verb(what, document) if not own or t.i > own[-1].i]
        hit = _doc_noun_at(document.doc, document.i)
        title = _text(sorted(own, key=lambda x: x.i))
        if title and hit:
            item = Item(_cap(title), hit[1], "proposed", sent, document.i)
            item.proposer = _country_of(subj, people)
            return [item]
    _absorb_subtree(what, absorbed, named=True)
    toks = _phrase_tokens(what, drop_subject=True)
    if any(t.head.i == what.head.i and t.dep_ in {"prep", "prt"} for t in toks):
        # the words the parser hung on the verb ("the setting up of X under the Y Scheme") and the documents
        # named among them are the offer's
        for t in toks:
            hit = _doc_noun_at(t.doc, t.i)
            if hit:
                absorbed.update(range(t.i, t.i + hit[0]))
    title = _text(toks)
    if not title:
        return []
    business = _lex()["business_nouns"]
    if obj is not None and (obj.lemma_.lower() in business or any(
            c.dep_ == "compound" and c.lemma_.lower() in business for c in obj.children)):
        return []  # "we invite Polish firms / the business communities to come": an appeal to business, not to a side
    if what.lemma_.lower() in _lex()["courtesy_nouns"] or what.lower_ in _lex()["courtesy_nouns"]:
        return []  # "offered his gratitude for the invitation", "offered condolences": a courtesy, nothing proposed
    if lemma == "invite":
        who = _text(list(obj.subtree)) if obj is not None else ""
        title = f"Invitation to {who} to {title}" if who else f"Invitation to {title}"
    item = Item(_cap(title), "proposal", "proposed", sent, what.i)
    item.proposer = _country_of(subj, people)
    item.addressee = _country_of(obj, people)
    return [item]


# ------------------------------------------------------------------------------------------- lists and history

def _list_items(sents: list[Any], k: int) -> tuple[list[Item], int]:
    """Bullet lines after an intro sentence ending in ':' — one agreement each."""
    intro = sents[k]
    lex = _lex()
    lemmas = {t.lemma_.lower() for t in intro}
    low = intro.text.lower()
    signing = {lemma for lemma, st in lex["status"].items() if st == "signed"}  # "sign", "ink", "seal" ...
    status = "signed" if (signing & lemmas or "signing" in low) else "agreed"
    if not (lemmas & (set(lex["status"]) | lex["commit"] | lex["direct"] | {"deliver", "witness", "include", "adopt"})
            or "following" in low or "as follows" in low):
        return [], k + 1
    # "the exchange of five memoranda of understanding, covering:" - each line is one of those documents
    plurals = [t for t in intro if t.tag_ in {"NNS", "NNPS"} or t.lower_ in {"memoranda", "mous"}]
    listed = [_doc_noun_at(intro.doc, t.i) for t in plurals]
    listed_kind = next((hit[1] for hit in reversed(listed) if hit and hit[1] != "declaration"), "commitment")
    # "They reviewed the agenda, with special focus on:": the lines are subjects, not documents agreed; a
    # document among them is read in its own line
    reviewed = not lemmas & (signing | lex["commit"] | lex["direct"] | {"deliver", "witness", "include", "adopt"}) \
        and bool(lemmas & lex["stance"]) and "following" not in low
    if reviewed:
        return [], k + 1  # each line is read as a sentence of its own
    items = []
    j = k + 1
    while j < len(sents) and (_list_line(sents[j]) or items and (_list_goes_on(sents[j - 1], sents[j])
                                                               or _numbered(sents[j]) and _numbered(items[-1].sent))):
        s = sents[j]
        line = span_text(s)
        text = BULLET.sub("", line).strip()
        m = BULLET.match(line)
        offset = s.start_char + (m.end() if m else 0)
        doc = s.doc
        end = j + 1
        while end < len(sents) and not _starts_a_line(sents[end]):
            end += 1  # the parser broke the line in two ("(MOU) | Agriculture Cooperation, which ..."): one line
        tokens = [t for x in sents[j:end] for t in x if t.idx >= offset]
        lead = next((n for n, t in enumerate(tokens[:4]) if t.text == ","), None)
        if lead is not None and lead and all(t.pos_ in {"ADV", "ADP", "CCONJ", "SCONJ"} or t.lower_ == "addition"
                                             for t in tokens[:lead]):
            tokens = tokens[lead + 1:]  # "4. Likewise, a Memorandum of Understanding has been inked ..."
        title_toks = []
        for t in tokens:
            if t.text in {";", ":"} and title_toks or t.text == "," and title_toks and not _inside_a_list(t):
                break
            if title_toks and t.pos_ in {"VERB", "AUX"} and (t.dep_ == "ROOT" or t.dep_ in {"aux", "auxpass"}
                                                             and t.head.dep_ == "ROOT"):
                break  # "1. The Interagency Agreement between A and B targets the exchange ...": the name only
            title_toks.append(t)
        while title_toks and title_toks[0].lower_ in {"a", "an", "the"}:
            title_toks.pop(0)
        if len(title_toks) > MAX_TITLE_TOKENS:  # too long to name both: what it is about, not who made it
            title_toks = _parties_left_out(title_toks)
        title_toks = title_toks[:_name_end(title_toks, MAX_TITLE_TOKENS)]
        opened = [n for n, t in enumerate(title_toks) if t.text == "("]
        if opened and (not any(t.text == ")" for t in title_toks[opened[-1]:]) or title_toks[-1].text == ")"):
            title_toks = title_toks[:opened[-1]]  # "the Survey (CGS, Ministry of ...", "... (MoU)": before the bracket
        title = _text(title_toks) or text[:80]
        if not any(c.isalpha() for c in title):
            j += 1
            continue
        kind = listed_kind
        for t in tokens:
            hit = _doc_noun_at(doc, t.i)
            if hit:
                kind = hit[1]
                break
        items.append(Item(_cap(title), kind, status, s, tokens[0].i if tokens else s.start, named=True))
        j = end
    return items, j


def _inline_items(sents: list[Any], k: int) -> tuple[list[Item], int]:
    """A list run on after an intro's colon, its items split by semicolons on one line ("the two sides signed
    six documents: Border; an MoU on investment; a Treaty on A (SOM Treaty) and a Treaty on B"): one item for
    each part that opens with a document (a part naming only an area is left out). The intro gives the status."""
    intro = sents[k]
    lex = _lex()
    lemmas = {t.lemma_.lower() for t in intro}
    signing = {lemma for lemma, st in lex["status"].items() if st == "signed"}
    if not lemmas & (set(lex["status"]) | lex["commit"] | {"witness", "include"}):
        return [], k + 1
    status = "signed" if signing & lemmas or "signing" in intro.text.lower() else "agreed"
    end = k + 1
    while end < len(sents) and not _starts_a_line(sents[end]):
        end += 1
    tokens = [t for x in sents[k + 1:end] for t in x]
    if sum(t.text == ";" for t in tokens) < 1:
        return [], k + 1
    parts: list[list[Any]] = [[]]
    for t in tokens:
        if t.text == ";":
            parts.append([])
            continue
        nxt = [u for u in t.doc[t.i + 1:t.i + 3] if u.lower_ not in {"a", "an", "the"}]
        if t.lower_ == "and" and parts[-1] and any(_doc_noun_at(t.doc, u.i) for u in parts[-1]) \
                and nxt and _doc_noun_at(t.doc, nxt[0].i):
            parts.append([])  # "... (SOM Treaty) and Treaty on ...": a second document
            continue
        parts[-1].append(t)
    items = []
    for part in parts:
        words = [t for t in part if not t.is_space]
        while words and (words[0].lower_ in {"and", "a", "an", "the"} or words[0].is_punct):
            words.pop(0)
        hit = next((_doc_noun_at(t.doc, t.i) for t in words[:3] if _doc_noun_at(t.doc, t.i)), None)
        if hit is None:
            continue
        while words and words[-1].text in {".", ",", ";", ":"}:
            words.pop()
        if words and words[-1].text == ")":  # "(SOM Treaty)": the short name, no part of the title
            opening = next((n for n in range(len(words) - 1, 0, -1) if words[n].text == "("), None)
            words = words[:opening] if opening else words
        title = _text(words[:_name_end(words, MAX_TITLE_TOKENS)])
        if title:
            items.append(Item(_cap(title), hit[1], status, words[0].sent, words[0].i, named=True))
    return (items, end) if len(items) >= 2 else ([], k + 1)


def _starts_a_line(sent: Any) -> bool:
    before = sent.doc[sent.start - 1] if sent.start else None
    return before is None or "\n" in before.whitespace_ + before.text


def _name_end(toks: list[Any], cut: int, more: int = 6) -> int:
    """Where to cut a line's title near `cut` without splitting a name: "... and the Ministry | of Energy of
    Mongolia" runs on to the name's end (a few words at most; a name that runs on further is cut as before)."""
    if len(toks) <= cut:
        return len(toks)
    end = cut
    while end < len(toks) and end < cut + more:
        t = toks[end]
        nxt = toks[end + 1] if end + 1 < len(toks) else None
        if t.text[:1].isupper() and t.is_alpha or t.lower_ in {"of", "for", "and", "the", "'s", "’s"} \
                and nxt is not None and nxt.text[:1].isupper() and toks[end - 1].text[:1].isupper():
            end += 1
            continue
        break
    return end if end == len(toks) or not toks[end].text[:1].isupper() else cut


def _parties_left_out(toks: list[Any]) -> list[Any]:
    """A listed document's line read in word order without the bodies it is made between, when the line goes on
    to say what it is about: "Agreement between the Customs Committee of A and the Ministry of Finance of B on
    cooperation against smuggling" -> "Agreement on cooperation against smuggling" (a short line keeps both)."""
    lex = _lex()
    party = next((k for k, t in enumerate(toks) if t.lower_ in lex["party_preps"] and k > 0
                  and any(_doc_noun_at(t.doc, u.i) for u in toks[:k])), None)
    if party is None:
        return toks
    subject = next((k for k in range(party + 2, len(toks)) if toks[k].lower_ in lex["subject_words"]
                    or toks[k].pos_ == "VERB" and toks[k].lemma_.lower() in lex["subject_words"]), None)
    return toks[:party] + toks[subject:] if subject is not None else toks


def _inside_a_list(comma: Any) -> bool:
    """Whether a comma separates the words of a list inside a name ("micro, small and medium enterprises"):
    only modifiers and nouns follow it up to an "and" or "or"."""
    doc = comma.doc
    for words, t in enumerate(doc[comma.i + 1:comma.sent.end]):
        if t.lower_ in {"and", "or"} and not words:
            return _last_item(t)  # "culture, education, and science": a list's last item after its comma
        if t.lower_ in {"and", "or"}:
            return words > 0  # ", and Minister X said" closes the phrase
        if t.is_punct or t.pos_ not in {"ADJ", "NOUN", "PROPN", "NUM"} or _outside_name(t, inside=True):
            return False
    return False


def _last_item(conj: Any) -> bool:
    """Whether the "and" after a list's comma opens its last item and not a clause: only modifiers and nouns
    (no person, place or verb) follow it to the sentence's end or a stop ("and science and technology.")."""
    doc = conj.doc
    words = 0
    for t in doc[conj.i + 1:conj.sent.end]:
        if t.is_punct:
            break
        if t.lower_ in {"and", "or"} and words:
            continue
        if t.pos_ not in {"ADJ", "NOUN", "PROPN"} or _outside_name(t) or words > 5:
            return False
        words += 1
    return words > 0


def _list_line(sent: Any) -> bool:
    """A line of a list after "the following documents were signed:" — a bullet, or, in lists written without
    bullets, a short line that opens with a document ("A memorandum of cooperation between the ministries;")."""
    bullet = BULLET.match(span_text(sent))
    if bullet and not bullet.group(0).strip()[:1].isdigit():
        return True
    words = [t for t in sent if not t.is_space and t.idx >= sent.start_char + (bullet.end() if bullet else 0)]
    if bullet:  # "1. The Interagency Agreement ...", not "1. The two parties agreed ..." nor "1. Approval of an MoU"
        lead = next((n for n, t in enumerate(words[:4]) if t.text == ","), None)
        words = words[lead + 1:] if lead is not None else words
        first = next((n for n, w in enumerate(words[:4]) if _doc_noun_at(sent.doc, w.i)), None)
        return first is not None and not any(w.pos_ in {"ADP", "VERB", "AUX", "PRON"} for w in words[:first])
    k = 0
    while k < len(words) and (words[k].lower_ in {"a", "an", "the"} or words[k].like_num):
        k += 1
    if k >= len(words) or len(words) > 40 or "\n" not in sent.doc[sent.start - 1].whitespace_ + sent.doc[sent.start - 1].text:
        return False
    # the document noun opens the line or follows a modifier or two ("An intergovernmental agreement on ..."),
    # or closes a short line that is only a name ("China-Pakistan Economic and Technical Cooperation Agreement")
    if any(_doc_noun_at(sent.doc, w.i) for w in words[k:k + 3]):
        return True
    return len(words) <= 25 and words[-1].text not in {".", "!", "?"} and not any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ == "ROOT" for t in words) and any(
        t.text[:1].isupper() and _doc_noun_at(sent.doc, t.i) for t in words)


def _intro_items(intro: Any, listed: list[Item]) -> list[Item]:
    """What a list's intro itself names besides the list ("signed the Agreed Minutes and witnessed the signing of
    the following instruments:"): its own documents, not the plural that stands for the lines below."""
    absorbed: set[int] = set()
    found = [it for it in _doc_noun_items(intro, absorbed) if not _stands_for_list(intro.doc[it.anchor])]
    return [it for it in found if it.named or it.has_cue]


def _stands_for_list(t: Any) -> bool:
    """The noun an intro uses for the lines below: a plural, a count, or "the following"."""
    plural = t.tag_ in {"NNS", "NNPS"} or t.lower_ in PLURAL_DOCUMENTS or (
        t.lower_.endswith("s") and (t.lower_[:-1],) in _doc_names())  # "MoUs/Agreements" tagged as a name
    return plural and not (t.i > 0 and t.doc[t.i - 1].is_alpha and t.doc[t.i - 1].text[:1].isupper()
                                             and t.text[:1].isupper()) or any(
        c.lower_ in {"following", "these", "below"} or c.like_num for c in t.children)


def _numbered(sent: Any) -> bool:
    """A line that opens with a number ("3. The Bilateral Commitment ..."): once a numbered list of documents has
    begun, its next numbers go on with it."""
    bullet = BULLET.match(span_text(sent))
    if bullet is None or not bullet.group(0).strip()[:1].isdigit() or not _starts_a_line(sent):
        return False
    words = [t for t in sent if not t.is_space and t.idx >= sent.start_char + bullet.end()]
    lead = next((n for n, t in enumerate(words[:4]) if t.text == ","), None)
    words = [t for t in (words[lead + 1:] if lead is not None else words) if t.lower_ not in {"a", "an", "the"}]
    # a name or a document opens it ("The Bilateral Commitment ..."), not "They also inked" or "The two parties"
    return bool(words) and words[0].pos_ in {"PROPN", "NOUN", "ADJ"} and (
        words[0].text[:1].isupper() or bool(_doc_noun_at(sent.doc, words[0].i)))


def _list_goes_on(prev: Any, sent: Any) -> bool:
    """Whether a line carries on a list the line before left open with a semicolon ("...;" then "A tourism
    document between the agencies;"): a short line of its own, not a new intro."""
    words = [t for t in sent if not t.is_space]
    if not words or len(words) > 40 or not span_text(prev).rstrip().endswith(";"):
        return False
    before = sent.doc[sent.start - 1]
    return "\n" in before.whitespace_ + before.text and not span_text(sent).rstrip().endswith(":")


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _history_years(sent: Any) -> list[str]:
    text = span_text(sent)
    low = text.lower()
    if not any(cue in low for cue in _lex()["history"]):
        return []
    return _YEAR.findall(text)


# ------------------------------------------------------------------------------------------- the component

def find_agreements(doc: Any) -> list[Agreement]:
    people_at = {}
    for p in doc._.bb_people or []:
        for m in p.mentions:
            for i in range(m.start, m.end):
                people_at[i] = p
    if not len(doc):
        return []
    sentence_of(doc, 0)  # the sentences, listed once per Doc and shared with the other steps
    sents = doc.user_data["bb_sents"][0]
    items: list[Item] = []
    headline: list[Item] = []
    k = 0
    while k < len(sents):
        sent = sents[k]
        if passed_over(doc, sent):
            if is_headline(doc, sent) and not shouting(sent):
                headline += _headline_items(sent)
            k += 1
            continue
        if span_text(sent).rstrip().endswith(":") and k + 1 < len(sents) and _list_line(sents[k + 1]):
            listed, nxt = _list_items(sents, k)
            if listed:
                items += _intro_items(sent, listed) + listed
                k = nxt
                continue
        if span_text(sent).rstrip().endswith(":") and k + 1 < len(sents) and not _starts_a_line(sents[k + 1]):
            listed, nxt = _inline_items(sents, k)  # "signed six documents in the following areas: A; B; C and D."
            if listed:
                items += _intro_items(sent, listed) + listed
                k = nxt
                continue
        years = _history_years(sent)
        if years and items:
            items[-1].history = years
            k += 1
            continue
        absorbed: set[int] = set()
        renewed_names: set[int] = set()
        found = _commitment_items(sent, absorbed, people_at, renewed_names)
        found += _pair_will_items(sent, absorbed)
        found += _goal_items(sent, absorbed)
        found = [x for it in found for x in (it, *it.more)]
        for it in _doc_noun_items(sent, absorbed):
            if it.anchor in renewed_names:
                it.status, it.has_cue = "renewed", True
            named = _named_again(doc[it.anchor]) if it.named else None
            before = [o for o in items + found if o.kind not in {"commitment", "proposal"} and o.anchor < it.anchor]
            if named is not None and before and not before[-1].named:
                before[-1].title, before[-1].kind, before[-1].named = it.title, it.kind, True  # "known as the X Treaty"
                continue
            found.append(it)
        items += found
        k += 1
    kept = [it for it in items if _worth_keeping(doc, it)]
    kept = [it for it in kept if not _count_of_the_listed(doc, it, kept)]
    kept = [it for it in headline if not _told_in_body(it, kept)] + kept
    return _finish(doc, _dedupe(kept))


# ------------------------------------------------------------------------------------------- headlines

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _count_of_the_listed(doc: Any, it: Item, kept: list[Item]) -> bool:
    """Whether an item only counts documents the text goes on to list one by one ("signed eight cooperation
    documents" above eight MoUs named each): the count is no document of its own when at least two documents
    of the same status are told singly."""
    head = doc[it.anchor]
    if it.named or head.tag_ not in {"NNS", "NNPS"} and head.lower_ not in PLURAL_DOCUMENTS \
            or not any(c.dep_ == "nummod" for c in head.children):
        return False
    single = [o for o in kept if o is not it and o.kind not in {"commitment", "proposal"} and o.status == it.status
              and doc[o.anchor].tag_ not in {"NNS", "NNPS"}]
    count = next((_count_value(c) for c in head.children if c.dep_ == "nummod"), None)
    return len(single) >= max(2, (count or 0) // 2)  # "37 documents, among them an MoU on X and a Y": a package


def _count_value(t: Any) -> int | None:
    """The number a count word says: "8", "eight" (the number words shared with the figures, data/units.json)."""
    if t.text.isdigit():
        return int(t.text)
    value = rules("units.json").get("number_words", {}).get(t.lower_)
    return int(value) if value is not None else None


def _headline_items(sent: Any) -> list[Item]:
    """Deals a headline announces with an amount or a count ("sign $5bn in deals", "ink deals worth $3
    billion", "sign 12 agreements"). Headlines parse badly, so they are read in word order: a signing verb, then
    within a few words the documents and the amount. Only what the body does not tell again is kept."""
    lex = _lex()
    doc = sent.doc
    toks = list(sent)
    out: list[Item] = []
    for k, t in enumerate(toks):
        stem = t.lemma_.lower() if t.pos_ in {"VERB", "AUX"} else re.sub(r"(?:s|ed)$", "", t.lower_)
        status = lex["status"].get(stem) or lex["status"].get(t.lower_)
        if status not in {"signed", "agreed"}:
            continue
        window = toks[k + 1:k + 8]
        stop = next((j for j, w in enumerate(window) if w.lower_ in lex["headline_breaks"] or w.text in {",", ";", ":", "|"}),
                    len(window))
        window = window[:stop]
        noun = next((w for w in window if _doc_noun_at(doc, w.i)), None)
        if noun is None:
            continue
        n, kind = _doc_noun_at(doc, noun.i)
        before = [w for w in window if w.i < noun.i]
        after = [w for w in window if w.i >= noun.i + n]
        amount = _amount(before) or (_amount(after[1:]) if after and after[0].lower_ == "worth" else None)
        count = next((w for w in before if w.like_num and w.ent_type_ != "MONEY"), None)
        documents = _text(list(doc[noun.i:noun.i + n]))
        if amount:
            title = f"{_cap(documents)} worth {amount}"
        elif count is not None:
            title = f"{count.text} {documents}"
        else:
            continue
        planned = any(w.lower_ in _future_aux() or w.lower_ == "to" for w in toks[max(0, k - 2):k])
        out.append(Item(title, kind, "planned" if planned else status, sent, noun.i, has_cue=True,
                        named=count is not None and not amount))
    return out


def _amount(words: list[Any]) -> str | None:
    """The money in a few headline words: "$5bn", "$3 billion", "Rs 500 crore"."""
    money = [w for w in words if w.ent_type_ == "MONEY" or w.text in {"$", "US$", "€", "£"}]
    if not money or not any(_NUMBER.search(w.text) or w.like_num for w in money):
        return None
    return _text(money)


def _told_in_body(item: Item, body: list[Item]) -> bool:
    """Whether the body tells the headline's deals again: an item whose sentence gives the same amount, or,
    for a count, any document the body reports signed."""
    numbers = set(_NUMBER.findall(item.title))
    if item.named:  # a count only: "sign 8 pacts" above eight listed pacts
        return any(b.kind not in {"commitment", "proposal"} and b.status in {"signed", "agreed"} for b in body) or any(
            numbers & set(_NUMBER.findall(span_text(b.sent))) for b in body)
    return any(numbers & set(_NUMBER.findall(span_text(b.sent))) for b in body)


MENTIONED_KINDS = {"partnership", "framework", "programme", "working-group", "declaration"}


def _only_mentioned(head: Any) -> bool:
    """A named partnership or body the sentence talks about rather than agrees: its subject, or the object of a
    stance ("supports", "attaches great importance to", "reviewed")."""
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_.lower() not in _lex()["status"]:
        return True
    gov, _path = _governor(head)
    return gov.lemma_.lower() in _lex()["stance"]


def _private_deal(doc: Any, anchor: Any) -> bool:
    """A deal or contract made with a company, club or person, in a sentence that names no country."""
    from briefing.extract.countries import code_of

    if anchor.lemma_.lower() not in {"deal", "contract"}:
        return False
    sent = anchor.sent
    if any(sent.start <= m.start < sent.end and m.kind != "capital" for m in doc._.bb_countries or []):
        return False  # a country named (a city where it happened does not count)
    holders = [*anchor.subtree, anchor.head]  # "a deal worth $4 million with the Sharks": "with" may hang on "worth"
    partner = next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"), None)
    return partner is not None and code_of(partner.text) is None and partner.ent_type_ not in {"GPE", "NORP"}


def _says_what(verb: Any, generic: frozenset[str]) -> bool:
    """Whether a vague verb's commitment says about what: an object that is not generic, a noun modifying it
    ("defence industrial cooperation"), or a phrase with content after it ("cooperation in fisheries",
    "follow up on the corridor")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "attr"}]
    for o in objects:
        if (o.lower_ not in generic and o.lemma_.lower() not in generic) or any(c.dep_ in {"compound", "nmod", "poss"} and c.pos_ in {"NOUN", "PROPN"}
                                                  for c in o.children):
            return True
    if any(c.dep_ in {"xcomp", "advcl", "ccomp"} and c.pos_ in {"VERB", "AUX"} for c in verb.children):
        return True  # "follow up expeditiously to resume connectivity"
    holders = [verb, *objects, *(c for c in verb.children if c.dep_ == "prt")]
    return any(c.dep_ == "prep" and c.lower_ not in ASIDE_PREPS and any(
        g.dep_ == "pcomp" or g.dep_ == "pobj" and _contentful(g, generic) for g in c.children)
        and not (c.lower_ == "with" and h is verb) for h in holders for c in h.children)


def _contentful(noun: Any, generic: frozenset[str]) -> bool:
    """Whether a noun phrase names a subject: "fisheries", "the fields of health", but not "new heights" or
    "a higher level"."""
    if noun.lower_ not in generic and noun.lemma_.lower() not in generic:
        return True
    return any(c.dep_ in {"compound", "nmod", "poss"} and c.pos_ in {"NOUN", "PROPN"} or c.dep_ == "prep" and any(
        g.dep_ == "pobj" and _contentful(g, generic) for g in c.children) for c in noun.children)


def _worth_keeping(doc: Any, it: Item) -> bool:
    """Not an agreement after all: a stance or courtesy read as a commitment ("welcomed the visit"), a vague
    one ("deepen ties"), a title that says nothing ("full support", "this was the right time"), a dinner
    offered, or a person from a delegation list."""
    lex = _lex()
    words = re.findall(r"[a-z]+", it.title.lower())
    if not words or all(w in lex["empty_words"] for w in words):
        return False
    anchor = doc[it.anchor]
    if anchor.ent_type_ == "PERSON" and not _doc_noun_at(doc, anchor.i) or re.match(r"(?:H\.\s?E\.|His\b|Her\b)", it.title):
        return False  # a delegation list's "H.E. Ahmed ..., Minister of ..."
    if it.kind in {"commitment", "proposal"} and len(it.title.split()) == 1:
        return False  # "Undertake", "Complete", "Pakistan": a verb or a name alone, what was committed is lost
    if words[-1] in lex["hospitality"] and it.kind in {"proposal", "commitment", "agreement"}:
        return False  # "offered a working dinner"
    if any(c.lower_ in {"following", "present", "this"} for c in anchor.children) and it.kind == "declaration":
        return False  # "issued the following joint statement": the source itself
    if not it.named and it.kind == "agreement" and _private_deal(doc, anchor):
        return False  # "signed a four-year deal worth $4 million with the Sharks": a club's contract
    if it.named and it.kind in MENTIONED_KINDS and _only_mentioned(anchor):
        return False  # "supports the Global Development Initiative", "our Special Strategic Partnership is ..."
    if it.kind not in {"commitment", "proposal"} and _cited(anchor):
        return False  # "in line with the 1982 Convention", "within the framework of the UN": a yardstick
    if not it.named and _implements_unnamed_documents(anchor):
        return False  # "agreed to effectively implement agreements between the two foreign ministries"
    if it.kind != "commitment" or anchor.pos_ not in {"VERB", "AUX"}:
        return True
    lemma = anchor.lemma_.lower()
    if lemma in lex["not_commitment_verbs"]:
        return False
    deadline = any(c.dep_ == "prep" and c.lower_ in {"by", "before"} and any(g.like_num or g.ent_type_ == "DATE"
                                                                           for g in c.subtree) for c in anchor.children)
    said = any(c.dep_ == "prep" and c.lower_ not in ASIDE_PREPS and any(
        g.dep_ == "pobj" and _contentful(g, lex["generic_objects"]) for g in c.children) for c in anchor.children)
    if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in anchor.children) and not deadline and not said:
        return False  # "increase it": what "it" is, the sentence before says ("double it by 2030" is a target)
    # "deepen ties", "follow up the implementation"
    return lemma not in lex["vague_verbs"] or _says_what(anchor, lex["generic_objects"])


def _implements_unnamed_documents(verb: Any) -> bool:
    """A commitment to carry out documents in force that it does not name: "implement (the) agreements reached",
    "effectively implement cooperative agreements between the two foreign ministries" - plural documents with
    no name and nothing said of what they are about."""
    if verb.pos_ not in {"VERB", "AUX"} or _lex()["status"].get(verb.lemma_.lower()) != "in-force":
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and all(
        o.tag_ in {"NNS", "NNPS"} and _doc_noun_at(o.doc, o.i) and not o.text[:1].isupper()
        and not any(c.dep_ == "prep" and _is_subject_word(c) or c.dep_ == "compound" and c.pos_ == "PROPN"
                    for c in o.children) for o in objs)


def _cited(anchor: Any) -> bool:
    """Whether a document is only cited as a yardstick: it hangs (through the prepositions, appositions and lists
    of its phrase) from "in line with", "in accordance with", "consistent with" ... , or its own noun is part of
    such a phrase ("within the framework of the United Nations")."""
    phrases = _lex()["reference_phrases"]
    if not phrases:
        return False
    doc = anchor.doc
    own = " ".join(t.lower_ for t in doc[max(anchor.sent.start, anchor.i - 3):min(anchor.sent.end, anchor.i + 2)])
    if any(p in own and p.split()[-2:-1] == [anchor.lower_] for p in phrases if len(p.split()) > 2):
        return True  # "within the framework of": the noun is the phrase's
    t = anchor
    for _ in range(6):
        if t.head.i == t.i or t.pos_ in {"VERB", "AUX"}:
            return False
        if t.dep_ not in {"pobj", "appos", "conj", "prep", "compound", "npadvmod", "advmod"}:
            return False
        if t.dep_ == "prep":
            before = " ".join(x.lower_ for x in doc[max(anchor.sent.start, t.i - 3):t.i + 1])
            if any(before.endswith(p) for p in phrases):
                return True
        t = t.head
    return False


_MOU = re.compile(r"\bmemorand(?:um|a|ums) of understanding\b", re.IGNORECASE)


def _key(title: str) -> str:
    title = _BOTH_SIDES.sub("", title)  # "the investment treaty between the two countries" is the investment treaty
    title = _MOU.sub("MoU", re.sub(r"\s*\([A-Z]{2,}\)", "", title))  # a headline's "MoU" is the body's memorandum
    words = re.findall(r"[a-z0-9]+", title.lower())
    return " ".join(w for w in words if w not in {"the", "a", "an", "new", "of", "on"})


def _headline_like(sent: Any) -> bool:
    """The source's title, or a first line that ends in no full stop (a headline above the body)."""
    if is_headline(sent.doc, sent):
        return True
    return sent.start == 0 and not span_text(sent).rstrip().rstrip("\"”’')").endswith((".", "!", "?"))


def _dedupe(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for it in items:
        same = next((o for o in out if _key(o.title) == _key(it.title) or _same_count(o, it)
                     or _told_again(o, it) or _told_before_as_plural(o, it)), None)
        fuller = next((o for o in out if same is None and _said_again_with_subject(o, it)), None)
        if fuller is not None:  # "will sign several MoUs ... The MoUs will be signed on X": the set, and what about
            fuller.title, fuller.sent, fuller.anchor = it.title, it.sent, it.anchor
            continue
        if same is None:
            out.append(it)
            continue
        if not same.has_cue and it.has_cue or STATUS_RANK.get(it.status, 0) > STATUS_RANK.get(same.status, 0) \
                and it.has_cue:
            same.status, same.sent, same.anchor, same.has_cue = it.status, it.sent, it.anchor, it.has_cue
        elif it.has_cue and _headline_like(same.sent) and not _headline_like(it.sent):
            same.sent, same.anchor = it.sent, it.anchor  # the body's sentence tells it, not the headline's words
        same.history = same.history or it.history
    return out


_TITLE_STOPS = frozenset({"on", "of", "the", "for", "and", "to", "in", "with", "between", "from", "a", "an", "by",
                          "two", "countries", "both", "their", "its"})


def _subject_stems(title: str) -> set[str]:
    """The words of a title that say what a document is about, cut to their first six letters ("exempt",
    "exemption" -> "exempt"): no names, no document nouns, no generic words ("cooperation", "relations")."""
    lex = _lex()
    doc_words = {w for words, _kind in lex["docs"] for w in words}
    # lower-case words only: the capitalised ones name the parties ("the Kazakh and Russian Governments")
    return {w[:6] for w in re.findall(r"\b[a-z]+", title[1:])
            if len(w) > 2 and w not in _TITLE_STOPS and w not in doc_words and w not in lex["generic_objects"]
            and w not in lex["area_nouns"]}


def _told_again(a: Item, b: Item) -> bool:
    """The same document told twice in other words: "signed an agreement on the exemption of holders of diplomatic
    passports from visa requirements" and, later, "an agreement was signed to exempt holders of diplomatic
    passports from visa requirements" (same kind and status, in another sentence, nearly the same subject)."""
    if a.kind != b.kind or a.status != b.status or a.kind in {"commitment", "proposal"} or a.sent.start == b.sent.start:
        return False
    if _NUMBER.findall(a.title) != _NUMBER.findall(b.title):
        return False
    sa, sb = _subject_stems(a.title), _subject_stems(b.title)
    shared = sa & sb
    return len(shared) >= 3 and 4 * len(shared) >= 3 * min(len(sa), len(sb))


UMBRELLA_DOCUMENTS = frozenset({"agreement", "document", "instrument", "deal", "pact", "accord", "text"})


def _same_count(a: Item, b: Item) -> bool:
    """Two tellings of one counted set of documents: "signed 17 agreements" in the lede and "the 17 bilateral
    cooperation agreements signed during the visit" below (the same number and status, neither named, the same
    kind or one of them told by an umbrella noun: "signed 11 MoUs" and "the signing of 11 legal instruments")."""
    if a.named or b.named or a.status != b.status or a.kind in {"commitment", "proposal"} \
            or b.kind in {"commitment", "proposal"}:
        return False
    heads = [a.sent.doc[a.anchor], b.sent.doc[b.anchor]]
    if a.kind != b.kind and not any(h.lemma_.lower() in UMBRELLA_DOCUMENTS for h in heads):
        return False
    counts = [[_count_value(c) for c in h.children if c.dep_ == "nummod"] for h in heads]
    return all(h.tag_ in {"NNS", "NNPS"} or h.lower_ in PLURAL_DOCUMENTS for h in heads) \
        and counts[0] == counts[1] and len(counts[0]) == 1 \
        and counts[0][0] is not None and counts[0][0] > 1


def _plural_documents(h: Any) -> bool:
    return h.tag_ in {"NNS", "NNPS"} or h.lower_ in PLURAL_DOCUMENTS or any(
        c.dep_ == "amod" and c.lower_ in {"several", "multiple", "various"} for c in h.children)


def _said_again_with_subject(a: Item, b: Item) -> bool:
    """Documents told first with nothing of what they are about ("is scheduled to sign several bilateral
    Memorandum of Understanding") and again, as "The MoUs", with it ("The MoUs will be signed on cooperation in
    tourism ..."): one set, named by the second telling."""
    if a.named or b.named or a.status != b.status or a.kind != b.kind or a.kind in {"commitment", "proposal"} \
            or a.sent.start >= b.sent.start:
        return False
    ha, hb = a.sent.doc[a.anchor], b.sent.doc[b.anchor]
    if not (_plural_documents(ha) and _plural_documents(hb)) or any(c.dep_ == "nummod" for c in ha.children):
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in hb.children):
        return False
    plain = {w[:6] for w in _lex()["plain_modifiers"]}
    first = re.split(r"\bwith\b", a.title)[0]  # "with the Peruvian government": with whom, not what about
    return not (_subject_stems(" " + first[:1].lower() + first[1:]) - plain) \
        and bool(_subject_stems(" " + b.title.lower()) - plain)


def _told_before_as_plural(a: Item, b: Item) -> bool:
    """A later "the cooperation agreements" (a definite plural that says nothing of what they are about) is the
    set of documents told before with the same status ("signed 11 agreements ... officials signed the
    cooperation agreements after the talks"), not another."""
    if b.named or a.status != b.status or a.kind in {"commitment", "proposal"} or b.kind in {"commitment", "proposal"} \
            or a.sent.start >= b.sent.start:
        return False
    ha, hb = a.sent.doc[a.anchor], b.sent.doc[b.anchor]
    if ha.tag_ not in {"NNS", "NNPS"} or hb.tag_ not in {"NNS", "NNPS"}:
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in hb.children) \
            or any(c.dep_ in {"nummod", "prep", "acl", "relcl"} for c in hb.children):
        return False
    return not _subject_stems(" " + b.title.lower()) and (a.kind == b.kind or hb.lemma_.lower() in UMBRELLA_DOCUMENTS)


ASIDE_CLAUSES = {"relcl", "parataxis", "appos"}


@cache
def _reporting_verbs() -> frozenset[str]:
    """The verbs that report what others said ("said", "reported", "announced"), shared with the events reader."""
    return frozenset(rules("event_verbs.json").get("reporting_verbs", []))


def _clause_levels(doc: Any, anchor: int, *, past_reports: bool = True) -> list[set[int]]:
    """The clauses around an item, innermost first, each as its token indices without the asides (relative
    clauses, other clauses) that do not hold the item: "agreed that an agreement would be signed in September"
    -> the "would be signed" clause, then the whole of "agreed ..."."""
    levels: list[set[int]] = []
    t = doc[anchor]
    came_from: Any = None
    elsewhere: set[int] = set()  # a coordinated clause's own words, left out at every level above it
    for _ in range(8):
        if not past_reports and came_from is not None and came_from.dep_ in {"ccomp", "parataxis"} \
                and t.lemma_.lower() in _reporting_verbs():
            break  # "... will sign an MoU, the agency reported on Friday": Friday dates the report, not the MoU
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            inside = {x.i for x in t.subtree}
            if came_from is not None and (came_from.dep_ == "conj" or came_from.dep_ == "advcl" and any(
                    k.dep_ == "mark" and k.lower_ == "that" for k in came_from.children)):
                # "reviewed the agreements of 2019 and discussed a visa agreement": the first verb's objects are
                # not the second's; only what both share (the subject, the words before the verb) counts
                own = {x.i for x in came_from.subtree}
                elsewhere |= {x.i for x in t.subtree if x.i > t.i and x.i not in own}
            inside -= elsewhere
            for x in t.subtree:
                if x.i != t.i and (x.dep_ in ASIDE_CLAUSES or x.dep_ in {"ccomp", "advcl", "conj"} and x.head.i == t.i
                                   and x.pos_ in {"VERB", "AUX"}) and not (x.left_edge.i <= anchor <= x.right_edge.i):
                    aside = {y.i for y in x.subtree}
                    inside -= aside
                    elsewhere |= aside  # and at every level above
            levels.append(inside)
        if t.head.i == t.i:  # the root (a Token is made anew on each access: compare indices)
            break
        came_from, t = t, t.head
    return levels


def _own_date(doc: Any, anchor: int, offset: int, mentions: list[Any], *, planned: bool = False) -> str | None:
    """The date of the item's own clause, or of the nearest clause around it that has one; else the sentence's
    first date outside a relative clause ("the leaders, who met in March, agreed that ... would be signed in
    September" is September)."""
    if not mentions:
        return None
    where = {}
    for m in mentions:
        span = doc.char_span(offset + m.start, offset + m.end, alignment_mode="expand")
        where[id(m)] = {t.i for t in span} if span is not None else set()
    if planned:  # "..., the agency reported on Monday": the report's day, however the parser hung the report
        told = [set(y.i for y in x.subtree) for x in doc[anchor].sent if x.lemma_.lower() in _reporting_verbs()
                and x.pos_ in {"VERB", "AUX"} and not x.left_edge.i <= anchor <= x.right_edge.i]
        mentions = [m for m in mentions if not any(where[id(m)] and where[id(m)] <= t for t in told)]
        if not mentions:
            return None
    levels = _clause_levels(doc, anchor, past_reports=not planned)
    for level in levels:
        inside = [m for m in mentions if where[id(m)] and where[id(m)] <= level]
        if inside:
            return inside[0].value
    if levels:  # the sentence's date, unless it only dates an aside ("during the visit, which ends on Friday")
        asides = {y.i for x in doc[anchor].sent if x.dep_ in ASIDE_CLAUSES
                  and not x.left_edge.i <= anchor <= x.right_edge.i for y in x.subtree}
        outside = [m for m in mentions if not where[id(m)] & asides and where[id(m)] <= levels[-1]]
        return outside[0].value if outside else None
    return mentions[0].value


_BOTH_SIDES = re.compile(r"\s+(?:of|between|for)\s+(?:the|both)\s+(?:two\s+)?(?:countries|ministries|governments|"
                        r"sides|nations|parties|states)$")
_BODY_AT_END = re.compile(r"\s+(?:with|between)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|on|&))*$")
_SMALL = {"a", "an", "and", "the", "of", "on", "in", "for", "to", "with", "by", "at", "from", "between"}


def _tidy(title: str) -> str:
    """A short name: without "of the two countries", and without the bodies that carry a document out when the
    rest says what it is ("Training of diplomats at the X Institute of Foreign Service" -> "Training of
    diplomats")."""
    title = _BOTH_SIDES.sub("", title)
    m = _BODY_AT_END.search(title)
    if m and len([w for w in re.findall(r"[\w'’-]+", title[:m.start()]) if w.lower() not in _SMALL]) >= 3:
        title = title[:m.start()]
    return title


def _finish(doc: Any, items: list[Item]) -> list[Agreement]:
    try:
        from briefing.extract.dates import find_dates, find_validity
    except ImportError:  # built alongside this module
        find_dates = find_validity = None
    try:
        from briefing.extract.topics import topics_between
    except ImportError:
        topics_between = None
    pub = doc._.pub_date
    out = []
    if find_validity is not None:  # several items often share a sentence (find_dates caches its own)
        find_validity = lru_cache(maxsize=64)(find_validity)
    for it in items:
        start, end = it.sent.start_char, it.sent.end_char
        text = doc_text(doc)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > MAX_EVIDENCE:
            centre = doc[it.anchor].idx
            start = max(start, centre - MAX_EVIDENCE // 2)
            end = min(end, start + MAX_EVIDENCE)
        sentence = text[start:end]
        date = valid_from = valid_to = None
        if find_dates is not None:
            valid_from, valid_to = find_validity(sentence, pub)
            # "agreed that a forum would be held in October": a commitment's own future dates forwards
            planned = it.status in {"planned", "proposed"} or it.kind == "commitment" and _future(doc[it.anchor])
            mentions = [m for m in find_dates(sentence, pub, planned=planned) if m.value not in {valid_from, valid_to}]
            date = _own_date(doc, it.anchor, start, mentions, planned=planned)
        history = []
        if it.history and find_dates is not None:
            history = sorted(set(it.history))
        elif it.history:
            history = it.history
        topics = topics_between(doc, start, end) if topics_between is not None else []
        out.append(Agreement(
            title=_tidy(it.title), kind=it.kind, status=it.status, date=date, valid_from=valid_from, valid_to=valid_to,
            parties=[c for c in (it.proposer, it.addressee) if c] if it.kind == "proposal" else [],
            topics=topics, history=history, proposer=it.proposer, addressee=it.addressee,
            evidence=[Evidence.of(text, start, end)],
        ))
    return out
