"""Topics: the areas of cooperation and the issues a source is about, as short noun phrases.

Two sources of topics, both driven by ``data/topics.json``:
- a vocabulary a reader can extend ("digital economy", "maritime security",
  "Gaza"), matched case- and hyphen-blind with plurals folded;
- general patterns that find topics the vocabulary has never seen: the list
  after "cooperation in", "such as", "working group on" ...; the X in "X
  cooperation" / "security ties"; the place in "the situation in X".
Topics are folded by their content words (so "health certificate" and "health
certificates" are one) and capped: an officer wants the dozen that matter,
not every noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from briefing.extract.countries import code_of, name_of
from briefing.extract.countries import forms as country_forms
from briefing.extract.figures import DocIndex
from briefing.extract.layout import in_ranges
from briefing.extract.rules import rules as rule_file
from briefing.model import Evidence, Topic
from briefing.text import fold

MAX_TOPICS = 28  # a laundry list of sectors is still listed; beyond this it is noise
MAX_ITEM_WORDS = 4
MAX_EVIDENCE = 3

# ---------------------------------------------------------------- data


def _data() -> dict:
    return rule_file("topics.json")


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """Case-, hyphen- and plural-blind form of a phrase, for looking spellings up."""
    words = re.findall(r"[a-z0-9]+", _CO_PREFIX.sub("co", fold(text)))  # "co-operation" is cooperation
    return " ".join(_stem(w) for w in words)


_CO_PREFIX = re.compile(r"\bco-(?=op|ord)")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def _key(name: str) -> frozenset[str]:
    # cached: every mention of a topic, and every agreement sentence choosing among them, asks again
    stop = _stop()
    words = _fold(name).split()
    return frozenset(w for w in words if w not in stop or len(words) == 1)


def _phrase_regex(spelling: str) -> str:
    words = re.split(r"[\s-]+", spelling.strip())
    body = r"[\s-]+".join(re.escape(w) for w in words)
    return body + r"(?:s|es)?" if words[-1][-1:].isalpha() else body


@dataclass(frozen=True)
class _Rules:
    vocab: re.Pattern
    vocab_names: dict[str, str]  # folded spelling -> topic name
    upper_spellings: frozenset[str]  # acronyms that may be matched as written ("LNG")
    acronyms: frozenset[str]  # folded spellings that are only ever acronyms: "IT" is not "it"
    issues: re.Pattern
    issue_names: dict[str, str]
    list_trigger: re.Pattern
    head: re.Pattern
    issue_trigger: re.Pattern
    adjectives: dict[str, str]
    stop: frozenset[str]
    heads: frozenset[str]
    name_after: re.Pattern
    name_before: re.Pattern
    instrument: re.Pattern
    third_countries: re.Pattern
    third_names: dict[str, str]
    not_topics: frozenset[frozenset[str]]  # keys of names never kept
    places: re.Pattern | None  # "port of Walvis Bay", "Lake Titicaca"
    named_after: re.Pattern  # "the social programme Sembrando Vida": a kind in lower case, then its name


@cache
def _stop() -> frozenset[str]:
    return frozenset(_fold(w) for w in _data()["stop"])


@cache
def _rules() -> _Rules:
    data = _data()
    vocab_names: dict[str, str] = {}
    spellings: list[str] = []
    upper: set[str] = set()
    for name, forms in data["topics"].items():
        for form in [name, *forms]:
            vocab_names[_fold(form)] = name
            spellings.append(form)
            if form.isupper():
                upper.add(form)
    issue_names: dict[str, str] = {}
    issue_forms: list[str] = []
    for name, forms in [*data["issues"].items(), *data.get("bodies", {}).items()]:
        for form in [name, *forms]:
            issue_names[form] = name
            issue_forms.append(form)
    third_names = {form: name for name, forms in data.get("third_countries", {}).items() for form in [name, *forms]}

    def alt(forms: Iterable[str], plural: bool = True) -> str:
        ordered = sorted(set(forms), key=len, reverse=True)
        return "|".join(_phrase_regex(f) if plural else re.escape(f) for f in ordered)

    def trigger(phrase: str) -> str:
        words = phrase.split()
        parts = []
        for i, w in enumerate(words):
            if w == "*":
                parts.append(r"(?:[\w-]+\s+){1,3}?")
            elif w == "**":  # a title's words: "Memorandum of Understanding between X and Y on"
                parts.append(r"(?-i:(?:(?:[A-Z][\w'’-]*|of|the|and|between|for)\s+){1,12}?)")
            else:
                parts.append(re.escape(w) + (r",?\s+" if i < len(words) - 1 else ""))
        return "".join(parts)

    list_triggers = "|".join(trigger(t) for t in sorted(data["list_triggers"], key=len, reverse=True))
    issue_triggers = "|".join(trigger(t) for t in sorted(data["issue_triggers"], key=len, reverse=True))
    heads = alt(data["head_words"], plural=True)
    return _Rules(
        vocab=re.compile(rf"(?<![\w-])(?:{alt(spellings)})(?![\w-])", re.IGNORECASE),
        vocab_names=vocab_names,
        upper_spellings=frozenset(upper),
        acronyms=frozenset(_fold(f) for f in upper) - frozenset(_fold(f) for f in spellings if not f.isupper()),
        issues=re.compile(rf"(?<![\w-])(?:{alt(issue_forms, plural=False)})(?![\w-])"),
        issue_names=issue_names,
        list_trigger=re.compile(rf"(?<![\w-])(?:{list_triggers})\s+", re.IGNORECASE),
        head=re.compile(rf"(?<![\w-])(?P<mods>(?:[A-Za-z][\w]*(?:-[\w]+)*\s+){{1,2}})(?P<head>{heads})(?![\w-])",
                        re.IGNORECASE),
        issue_trigger=re.compile(rf"(?<![\w-])(?:{issue_triggers})\s+(?:the\s+)?"
                                 # a place's name and a list of places stay on one line (a heading
                                 # "2. Situation in Ukraine" is followed by a paragraph, no more of the name)
                                 rf"(?P<place>(?-i:[A-Z][\w’'-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'-]*){{0,3}}"
                                 rf"(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){{0,2}}){{0,3}}))",
                                 re.IGNORECASE),
        adjectives={k.lower(): v for k, v in data["adjective_topics"].items()},
        stop=_stop(),
        heads=frozenset(w.lower() for w in data["head_words"]),
        # (a few Capitalised words before the title word, one comma at most: "Investment, Trade and Industry
        # Minister"; a longer run is a list written in capitals that happens to end in one, "Culture, Sports,
        # Tourism, Security, Defence, Foreign Affairs")
        name_after=re.compile(rf"^(?:[\s-]+[A-Z][\w-]*){{0,2}}?(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
                              rf"(?:,?\s+and\s+[A-Z][\w-]*)?\s+(?:{alt(data['name_words'], plural=False)})\b"),
        name_before=re.compile(rf"\b(?:{alt(data['name_words'], plural=False)})\s+(?:of|for)\s+(?:the\s+)?"
                               rf"(?:[A-Z][\w-]*,?\s+(?:and\s+)?)*$"),
        instrument=re.compile(rf"(?<![\w-])(?P<name>(?:[A-Z][\w’'–-]*\s+){{1,4}})"
                              rf"(?P<inst>{alt(data['instrument_words'] + data.get('named_lowercase_heads', []), plural=False)})"
                              rf"(?![\w-])"),
        third_countries=re.compile(rf"(?<![\w-])(?:{alt(third_names, plural=False)})(?![\w-])"),
        third_names=third_names,
        not_topics=frozenset(_key(name) for name in data.get("not_topics", [])),
        places=re.compile(rf"(?<![\w-])(?:{alt(data['named_places'], plural=False)})\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?")
        if data.get("named_places") else None,
        named_after=re.compile(rf"(?<![\w-])(?:{alt(data.get('named_lowercase_heads', []) or ['-'], plural=False)})\s+"
                               rf"(?P<name>(?:[A-Z][\w’'-]*|[A-Z]+\d\w*)(?:\s+(?:[A-Z][\w’'-]*|\d+|"
                               rf"(?:de|del|la|las|los|do|da|dos|das|el|y|e)(?=\s+[A-Z]))){{0,4}})"),
    )


# ---------------------------------------------------------------- finding candidates


@dataclass
class _Mention:
    name: str
    start: int
    end: int
    source: str  # vocab | issue | list | head
    written: str = ""  # how the source wrote a named body or issue ("EU" for the European Union)
    surface: str = ""  # the words a vocabulary match covers ("nuclear energy", named nuclear power)


_LIST_END = re.compile(r"[.;:!?()\[\]\"“”]|\n|\s[–—-]\s|,\s*(?:which|who|while|whereas|but|and\s+(?:the\s+)?(?:two|both|they|he|she|it|we|agreed|reaffirmed|help))\b|\s+as\s+well\s+as\s+(?:an?|the)\s")
_STOPPER_WORDS = {"which", "that", "who", "to", "on", "between", "with", "through", "by", "under", "for", "from", "at", "amid",
                  "while", "in", "into", "within", "across", "among", "since", "during", "after", "before", "via",
                  "is", "are", "was", "were", "will", "would", "has", "have", "had", "be", "been", "can", "could",
                  "should", "may", "must", "also", "being", "where", "when", "so", "because", "than", "not"}
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+|\s*/\s*|\s+&\s+|\s+[–—]\s+|(?<=[a-z])[–—](?=[a-z])")
_FUNCTION_WORDS = {"of", "and", "on", "in", "for", "to", "with", "at", "by", "or"}
_DETERMINERS = re.compile(r"(?i)^(?:the|a|an|its|their|our|his|her|other|both|all|these|those|this|that)\s+")
# a list inside a list item: "issues of mutual interest, such as climate change" -> climate change
_LEADING_CUES = re.compile(r"(?i)^(?:such\s+as|including|especially|particularly|notably|namely|mainly|primarily|mostly|"
                           r"chiefly|in\s+particular|above\s+all|like)\s+")


# an item that points back at something named before it: the name, where it stands, is the topic
_REFERS_BACK = re.compile(r"(?i)^(?:this|these|that|those)\s+\w+$|\s(?:one|ones)$")
_INNER_CUE = re.compile(r"(?i)\s(?:such\s+as|like|including|especially|particularly|notably|namely)\s+(?=\w)")
_VAGUE_ADJECTIVES = {"economic"}  # "economic cooperation" is what every relation has: it names no area
_LEADING_PREPS = {"against", "on", "in", "for", "with", "about", "over", "of", "towards", "toward", "alongside"}
# what is done to an area, before it: "the development of fisheries", "promotion of tourism" -> the area
_ACTS_ON = {"development", "promotion", "expansion", "enhancement", "improvement", "facilitation", "diversification",
            "modernisation", "modernization", "deepening", "boosting"}
_FRAME_NOUNS = {"field", "fields", "area", "areas", "sector", "sectors", "domain", "domains", "sphere", "spheres", "realm",
                "issue", "issues", "problem", "problems", "question", "questions", "matter", "matters", "file"}
# ("the issue of prisoners", "the problem of haze": the frame of what was discussed, which is the topic)
_TRAILING_TIME = re.compile(r"(?i)\s+(?:(?:last|next|this|earlier\s+this|later\s+this)\s+(?:week|month|year|weekend)"
                            r"|yesterday|today|tomorrow)$")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \t*#_")
    return not before or before[-1] in ".!?\n\"“:•-–*"


def _item_name(raw: str, title_case: bool) -> str | None:
    """Clean one list item into a topic name, or None if it is not one."""
    rules = _rules()
    item = _TRAILING_TIME.sub("", raw.strip(" ,;'\"’"))
    if _REFERS_BACK.search(item):
        return None  # "(agreed on) this strategy", "(crimes, especially) high-tech ones": told before, by its name
    while True:
        stripped = _DETERMINERS.sub("", _LEADING_CUES.sub("", item))
        if stripped == item:
            break
        item = stripped
    if not _LEADING_CUES.sub("", item + " ").strip():
        return None  # "especially", left alone where a clause cut the list
    inner = _INNER_CUE.search(item)
    if inner:
        return _item_name(item[inner.end():], title_case)  # "priority spheres like electronics": electronics
    words = item.split()
    if len(words) > 2 and re.fullmatch(r"(?:19|20)\d\d", words[0]) and all(w[:1].isupper() for w in words[1:]):
        return _item_name(" ".join(words[1:]), title_case)  # "the 2023 Pacific Games": the games, whatever the year
    if not words or len(words) > MAX_ITEM_WORDS:
        return None
    if any(not re.match(r"^[A-Za-z][\w’'–-]*$", w) for w in words):
        return None  # numbers, symbols: not a topic
    folded = [_fold(w) for w in words]
    if all(f in rules.stop or f in _FUNCTION_WORDS for f in folded):
        return None  # "other key areas", "memorandum of understanding"
    if len(words) > 2 and words[-1].lower() in ("relations", "relation", "relationship", "ties") and "of" in words:
        return None  # "(views on) the state of bilateral relations": the relation itself, no area of it
    if len(words) > 1 and words[-1].lower() in ("relations", "relation", "relationship") and all(
            f in rules.stop or _quality(w) or w.lower() in _VAGUE_ADJECTIVES
            for w, f in zip(words[:-1], folded[:-1], strict=True)):
        return None  # "the close historical relations": how the relation is, not what it is about; "economic
        # relations", like economic cooperation, what every relation has
    if len(words) > 1 and _names_sides(words[0]):
        return _item_name(" ".join(words[1:]), title_case)  # "CARICOM-Canada cooperation": the sides, no area
    if len(words) > 1 and words[0].lower() in _LEADING_PREPS:
        return _item_name(" ".join(words[1:]), title_case)  # "(cooperation) against illicit drug trafficking"
    if folded[-1] in _FUNCTION_WORDS:
        return None  # "the strengthening of": a list cut before its object
    if len(words) > 2 and words[1].lower() == "of" and words[0].lower().endswith("ing") \
            and not rules.vocab_names.get(_fold(item)):
        return _item_name(" ".join(words[2:]), title_case)  # "the strengthening of X": X
    if words[-1].lower() in _issue_frames() and all(f in rules.stop for f in folded[:-1]):
        return None  # "recent developments (in ...)": the frame of an issue, its place is the topic
    if words[0].lower() in ("cooperation", "collaboration") and len(words) > 2 and words[1].lower() in ("in", "on"):
        return _item_name(" ".join(words[2:]), title_case)
    if len(words) > 2 and words[1].lower() == "of":
        if words[0].lower() in _FRAME_NOUNS or words[0].lower() in _ACTS_ON:
            return _item_name(" ".join(words[2:]), title_case)  # "the field of nuclear power"
        if _key(words[0]) in rules.not_topics:
            return None  # "renewal of the agreement": an act, not what it is about
        if folded[0] in rules.stop:
            return _item_name(" ".join(words[2:]), title_case)  # "use of water"; "implementation of the agreement"
    if len(words) > 3 and words[2].lower() == "of" and folded[0] in rules.stop and folded[1] in rules.stop:
        return _item_name(" ".join(words[3:]), title_case)  # "(the) joint use of water and energy": water
    canonical = rules.vocab_names.get(_fold(item))
    if canonical:
        return canonical
    body = _issues_folded().get(_fold(item))
    if body and (len(words) > 1 or not item.islower()):
        return body  # "the Covid-19 pandemic": the body or issue the data knows by that spelling, one topic
    if len(words) == 1 and words[0].lower() in rules.adjectives:
        return rules.adjectives[words[0].lower()]  # "in the economic and humanitarian fields": economy, humanitarian aid
    if len(words) == 1 and words[0].lower() in _issue_frames():
        return None  # "developments (in Gaza)": the frame of an issue, its place is the topic
    if len(words) > 1 and words[0].islower() and words[-1][:1].isupper() and all(
            w[:1].isupper() or w in _FUNCTION_WORDS or w == "the" for w in words[1:]):
        return _item_name(" ".join(words[1:]), title_case)  # "the proposed Nakamal Agreement": the name
    if len(words) > 1 and folded[0] in rules.stop and rules.vocab_names.get(_fold(" ".join(words[1:]))):
        return rules.vocab_names[_fold(" ".join(words[1:]))]  # "excellent infrastructure", "upcoming elections"
    if len(words) > 1 and (words[-1].lower() in rules.heads or _stem(words[-1].lower()) in rules.heads):
        return _head_name([w for w in words[:-1] if _fold(w) not in rules.stop], words[-1], keep_case=not title_case)
    if title_case:
        return " ".join(w if (w.isupper() and len(w) > 1) else w.lower() for w in words)
    # keep names (LAPSSET, Ganges) as written; lowercase a capital that only opens a sentence
    return item


def _items(text: str, start: int, end: int, doc, title_case: bool) -> list[_Mention]:
    """The topic items in the list text[start:end] ("digital economy, cyber security and clean energy")."""
    segment = text[start:end]
    opening = re.match(r"\s*((?:[\w-]+\s+){0,3}[\w-]+)\s*:[ \t]+(?=\S)", segment)
    if opening and all(_fold(w) in _rules().stop or w.lower() in _FUNCTION_WORDS or w.lower() in _FRAME_NOUNS
                       or w.lower() == "following" for w in opening.group(1).split()):
        start += opening.end()  # "(discussions covered) areas on: security, policing, ...": the list after the colon
        segment = text[start:end]
    cut = _LIST_END.search(segment)
    if cut:
        segment = segment[:cut.start()]
    # stop at a clause: a verb (from the parse, if there is one) or a stopper word
    words = list(re.finditer(r"[\w’'-]+", segment))
    limit = len(segment)
    for n, w in enumerate(words):
        lower = w.group().lower()
        if lower in _STOPPER_WORDS:
            limit = w.start()
            break
        if doc is not None:
            token = _token_at(doc, start + w.start())
            if token is not None and token.pos_ in ("VERB", "AUX", "PRON") and token.tag_ != "VBN" and n > 0 \
                    and token.dep_ not in ("amod", "compound"):  # "an ageing population" goes on
                limit = w.start()
                break
            if token is not None and token.tag_ == "VBN" and n > 0 and token.dep_ not in ("amod", "compound"):
                limit = w.start()
                break
        elif n > 0 and lower.endswith("ed") and len(lower) > 5:
            limit = w.start()
            break
    cut_by_clause = limit < len(segment)
    segment = segment[:limit]
    # keep phrases that contain "and" together when the vocabulary knows them ("peace and security")
    protected = [(m.start(), m.end()) for m in _vocab_matches(segment) if " and " in m.group().lower()]
    protected += [(m.start(), m.end()) for m in re.finditer(r"\b[A-Z][\w-]+\s+and\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*",
                                                              segment) if not title_case and not _two_known(m.group())]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for sep in _SPLIT.finditer(segment):
        if any(a < sep.start() < b for a, b in protected):
            continue
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, len(segment)))
    out = []
    if doc is not None and len(pieces) > 1 and cut_by_clause and pieces[-1][1] - pieces[-1][0] > 0:
        last = _token_at(doc, start + pieces[-1][0] + len(segment[pieces[-1][0]:pieces[-1][1]].rstrip()) - 1)
        if last is not None and last.dep_ in ("nsubj", "nsubjpass") and last.head.idx >= start + limit:
            pieces = pieces[:-1]  # "education and energy, the presidency said": who said it, not a topic
    for a, b in pieces:
        raw = segment[a:b]
        if doc is not None and raw.strip():
            end_token = _token_at(doc, start + a + len(raw.rstrip()) - 1)
            if end_token is not None and end_token.ent_type_ == "GPE" and not title_case:
                continue  # "former rival Qatar": a country, however it is described
            token = _token_at(doc, start + a + len(raw) - len(raw.lstrip()))
            if token is not None and token.pos_ in ("VERB", "AUX", "PRON", "NUM"):
                continue
            if token is not None and token.ent_type_ in ("GPE", "NORP", "PERSON") and not title_case:
                continue  # a country or a person in a list is a party, not a topic
            if end_token is not None and (token is None or token.i >= end_token.i - 1) \
                    and any(c.dep_ in ("acl", "relcl") and c.i > end_token.i for c in end_token.children) \
                    and not _rules().vocab_names.get(_fold(_DETERMINERS.sub("", raw.strip()))):
                continue  # "(discussed) the negotiations to resume the deal": a word framing the clause after it
            if raw.strip() in country_forms():
                continue  # "Mogadishu": a capital in a list of places is a place, not a topic
        raw = _without_generic_head(raw, start + a, doc)
        if raw is None:
            continue  # "an extensive report", "sustainable approaches": a word about the talk, not what it was about
        pair, *rest = _DETERMINERS.sub("", raw.strip()).split() or [""]
        areas = _paired_areas(pair) if all(_fold(w) in _rules().stop or w.lower() in _FRAME_NOUNS
                                           or w.lower() in _rules().heads for w in rest) else []
        if areas:  # "(the) trade-economic, investment and transport-logistics (spheres)", "scientific-technological
            # sphere", "cultural-humanitarian ties"
            at = start + a + raw.find(pair)
            out += [_Mention(area, at, at + len(pair), "list") for area in areas]
            continue
        item_title_case = title_case
        if doc is not None and not title_case and raw.strip()[:1].isupper():
            token = _token_at(doc, start + a + len(raw) - len(raw.lstrip()))
            words_ = raw.split()
            item_title_case = (token is not None and token.pos_ == "NOUN" and len(words_) > 1
                               and all(w[0].isupper() or w in ("of", "the", "and", "for") for w in words_))
        name = _item_name(raw, item_title_case)
        if name:
            lead = _lead(raw)
            out.append(_Mention(name, start + a + lead, start + b, "list", surface=raw[lead:].strip()))
    return out


def _paired_areas(word: str) -> list[str]:
    """The areas a hyphenated pair of area words names, as ministries in Central Asia, Russia and China write them:
    "trade-economic" (trade, the economy), "cultural-humanitarian", "scientific-technological", "transport-logistics".
    Each half is an adjective the data maps to an area or a topic it knows; a pair the vocabulary knows whole
    ("military-technical") is its own topic, and a pair with any other half ("deep-rooted", "long-term") is none."""
    rules = _rules()
    parts = word.strip(",;").split("-")
    if len(parts) != 2 or not all(parts) or rules.vocab_names.get(_fold(word)) or not word.islower():
        return []
    areas = [rules.adjectives.get(p) or rules.vocab_names.get(_fold(p)) for p in parts]
    if not all(areas):
        return []
    areas = list(dict.fromkeys(areas))
    return [a for a in areas if not any(_key(a) < _key(b) for b in areas)]  # "scientific-technological": one


def _names_sides(word: str) -> bool:
    """Whether a hyphenated word names the sides of a relation ("CARICOM-Canada", "EU–Japan"): each part a
    country or a body the data knows."""
    parts = re.split(r"[–-]", word.strip(",;"))
    return len(parts) > 1 and all(p[:1].isupper() and (_party_word(p) or p in _rules().issue_names
                                                       or p.isupper() and 2 <= len(p) <= 4) for p in parts)
    # ("SI-PNG security": two countries' short names)


def _lead(raw: str) -> int:
    """Where a list item's words begin, past the spaces and the cue that opens it: "especially cross-border
    drug trafficking" begins at "cross-border" (a mention opening on the cue reads as an adverb, no topic)."""
    item = raw.lstrip()
    while True:
        stripped = _LEADING_CUES.sub("", item)
        if stripped == item:
            break
        item = stripped
    year = re.match(r"(?:(?:the|The)\s+)?(?:19|20)\d\d\s+(?=[A-Z])", item)  # "the 1951 Mutual Defense Treaty"
    return len(raw) - len(item) + (year.end() if year else 0)


def _without_generic_head(raw: str, start: int, doc) -> str | None:
    """A list item without the generic noun that ends it ("maritime security environment" -> maritime security,
    "strategic stability issues" -> strategic stability, "logistic opportunities" -> logistics); None when what is
    left only says how ("sustainable approaches", "an extensive report", "a slight increase"): no topic at all."""
    generic, rules = _generic_heads(), _rules()
    words = list(re.finditer(r"\S+", raw))
    end = len(raw)
    if rules.vocab_names.get(_fold(_DETERMINERS.sub("", raw.strip()))):
        return raw  # "border areas", "cyber threats": the vocabulary's own phrase
    while len(words) > 1 and words[-1].group().lower().strip(",;") in generic:
        words = words[:-1]
        end = words[-1].end()
        if rules.vocab_names.get(_fold(_DETERMINERS.sub("", raw[:end].strip()))):
            break  # "logistic" is logistics
        if len(words) == 1 and words[0].group().lower() in rules.adjectives:
            break  # "(the education and) humanitarian fields": the adjective names the area
        last = _token_at(doc, start + words[-1].start()) if doc is not None else None
        if last is not None and last.pos_ in ("NOUN", "PROPN") or last is None and not _adjective_like(words[-1].group()):
            continue
        if all(_fold(w.group()) in rules.stop for w in words):
            return None  # "joint agenda", "an extensive report"
        last_word = words[-1].group().lower()
        return raw if last_word.endswith(_RELATIONAL) and not last_word.endswith(_MANNER) else None
    return raw[:end]


@cache
def _issues_folded() -> dict[str, str]:
    """The issues' and bodies' spellings, case- and plural-blind (they are matched as written in the text; a
    list item that spells one in other letters is still that one)."""
    data = _data()
    return {_fold(form): name for name, forms in [*data["issues"].items(), *data.get("bodies", {}).items()]
            for form in [name, *forms]}


@cache
def _generic_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in _data().get("generic_heads", []))


def _two_known(phrase: str) -> bool:
    """Whether "A and B" is two topics the vocabulary knows and no name of its own ("Tourism and Education" in a
    list written in capitals), unlike "Trinidad and Tobago" or "Research and Development Centre"."""
    rules = _rules()
    if rules.vocab_names.get(_fold(phrase)):
        return False
    halves = re.split(r"\s+and\s+", phrase, maxsplit=1)
    return all(rules.vocab_names.get(_fold(h)) for h in halves)


def _token_at(doc, pos: int):
    i = _token_index(doc, pos)
    return doc[i] if i is not None else None


def _token_index(doc, pos: int) -> int | None:
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        token = doc[mid]
        if token.idx <= pos < token.idx + len(token.text):
            return mid
        if token.idx > pos:
            hi = mid - 1
        else:
            lo = mid + 1
    return None


_WORD_START = re.compile(r"(?<![\w-])\w+")  # where a word starts: every pattern here starts only there


def _first_words(forms: Iterable[str]) -> frozenset[str] | None:
    """The first word (as _WORD_START reads it) of each form, lower-cased; None when a form (as a reader may
    write one in the data file) opens with a wildcard or a sign, so that its matches may start anywhere."""
    out = set()
    for form in forms:
        form = form.strip()
        if not form[:1].isalnum():
            return None
        out.add(re.match(r"\w+", form).group().lower())
    return frozenset(out)


@cache
def _openers() -> dict[str, frozenset[str]]:
    """For each pattern tried only at some words: the words that can open one of its matches (with the
    plural endings the vocabulary and head-word patterns allow after a one-word phrase)."""
    data = _data()

    def plural(words: frozenset[str] | None) -> frozenset[str] | None:
        return None if words is None else words | {w + end for w in words for end in ("s", "es")}

    return {  # None: no opening word to look for, the pattern is tried everywhere
        "vocab": plural(_first_words(form for name, forms in data["topics"].items() for form in [name, *forms])),
        "list": _first_words(data["list_triggers"]),
        "issue": _first_words(data["issue_triggers"]),
        "head": plural(_first_words(data["head_words"])),
    }


def _matches_from(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches can only begin at one of ``starts`` (ascending):
    tried there alone, where finditer would try it at every character (the patterns are case-blind
    alternations of dozens of phrases, which the regex engine cannot skip through quickly)."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m:
            yield m
            end = max(m.end(), m.start() + 1)


def _words(text: str) -> list[tuple[int, str]]:
    return [(w.start(), w.group().lower()) for w in _WORD_START.finditer(text)]


def _starts(words: list[tuple[int, str]], kind: str) -> list[int] | None:
    # any word not in ASCII too: case-blind matching may fold it to an opener ("ſuch")
    openers = _openers()[kind]
    if openers is None:
        return None
    return [pos for pos, word in words if word in openers or not word.isascii()]


def _head_starts(words: list[tuple[int, str]]) -> list[int] | None:
    """Where a "<one or two words> <head word>" match can begin: one or two words before a head word."""
    openers = _openers()["head"]
    if openers is None:
        return None
    heads = [k for k, (_pos, word) in enumerate(words) if word in openers or not word.isascii()]
    return sorted({words[k - back][0] for k in heads for back in (1, 2) if k - back >= 0})


def _find(pattern: re.Pattern, text: str, starts: list[int] | None) -> Iterator[re.Match]:
    return pattern.finditer(text) if starts is None else _matches_from(pattern, text, starts)


def _vocab_matches(text: str, words: list[tuple[int, str]] | None = None) -> Iterator[re.Match]:
    """``_rules().vocab.finditer(text)``, trying the pattern only at words that can open a spelling: the
    pattern alone tries its 284 spellings at every word."""
    return _find(_rules().vocab, text, _starts(words if words is not None else _words(text), "vocab"))


def _candidates(text: str, doc=None) -> list[_Mention]:
    rules = _rules()
    found: list[_Mention] = []
    words = _words(text)
    for m in _vocab_matches(text, words):
        written = m.group()
        if not written.isupper() and _fold(written) in rules.acronyms or \
                written.isupper() and _in_shouted_run(text, m.start(), m.end()):
            continue  # "it", "ai": a word, where the vocabulary has the acronym ("IT", "AI"); "IT WAS": a shout
        if written[0].isupper() and written not in rules.upper_spellings:
            if written.isupper() and len(written) > 3:
                continue  # a shouted headline
            if rules.name_after.match(text[m.end():m.end() + 60]) or \
                    rules.name_before.search(text[max(0, m.start() - 160):m.start()]):
                continue  # "Trade Secretary", "Investment, Trade and Industry Minister": part of a name or title
        elif _OFFICE_AFTER.match(text, m.end()) or _OFFICE_OF_BEFORE.search(text, max(0, m.start() - 120), m.start()):
            continue  # "the national security adviser", "the tourism board", "the ministries of health": offices
        if doc is not None and " " not in written and "-" not in written:
            token = _token_at(doc, m.start())
            if token is not None and token.pos_ in ("VERB", "AUX"):
                continue  # "will travel to Rabat"
        if written[0].isupper() and not written.isupper() and _before_place(text, m.end()):
            continue  # "Metro Manila": a word of a place's name
        if _other_sense(written, text, m.end()):
            continue  # "the climate for trade", "the defence of human rights": another sense of the word
        if _WISH.search(text[max(0, m.start() - 60):m.start()]):
            continue  # "wishing him good health": a courtesy, not what was discussed
        if _TIME_REFERENCE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "since the pandemic began": a date, not what the source is about
        if written.lower() == "election" and _BACKSTORY.search(text[max(0, m.start() - 60):m.start()]):
            continue  # "sworn in after winning the March 24 election", "following the federal election last
            # month": how a leader came to office, not elections the sides discussed
        name = rules.vocab_names.get(_fold(written))
        if name:
            found.append(_Mention(name, m.start(), m.end(), "vocab", surface=written))
    for m in rules.issues.finditer(text):
        if _aside(text, m.start()) or _EVENT_NAME_AFTER.match(text, m.end()) and _is_place(rules.issue_names[m.group()]):
            continue  # (the "Pacific Islands Leaders Meeting": a place in a meeting's name, where they met)
        if text[max(0, m.start() - 2):m.start()] == ", " and text[m.end():m.end() + 5].startswith(" and ") \
                and rules.name_after.match(text[m.end():m.end() + 60]):
            continue  # "the Foreign, Commonwealth and Development Office": a word of an office's name
        if m.group().isupper() and _in_shouted_run(text, m.start(), m.end()):
            continue  # "WHO" in "WHO WILL PAY": a headline in capitals, not the body
        if _country_after_of(text, m.end()):
            continue  # "the Commonwealth of Dominica": a country's formal name, not the body
        found.append(_Mention(rules.issue_names[m.group()], m.start(), m.end(), "issue", m.group()))
    for m in _find(rules.list_trigger, text, _starts(words, "list")):
        trigger_words = [w for w in re.findall(r"[A-Za-z]+", m.group())
                         if len(w) > 3 and w not in ("between", "with", "from", "under")]
        title_case = bool(trigger_words) and all(w[0].isupper() for w in trigger_words) and (
            len(trigger_words) > 1 or not _sentence_start(text, m.start()))
        found += _items(text, m.end(), min(len(text), m.end() + 320), doc, title_case)
    for m in _find(rules.head, text, _head_starts(words)):
        pair = m.group("mods").split()[-1]
        areas = _paired_areas(pair)
        if areas:  # "trade-economic cooperation": trade and the economy
            start = m.start("mods") + m.group("mods").rfind(pair)
            found += [_Mention(area, start, start + len(pair), "head") for area in areas]
            continue
        mention = _head_topic(text, m, doc)
        if mention and mention.name:
            found.append(mention)
    for m in rules.instrument.finditer(text):
        mention = _instrument_topic(m)
        if mention:
            found.append(mention)
    for m in rules.named_after.finditer(text):
        if not _sentence_start(text, m.start()) and not _party_word(m.group("name").split()[0]):
            found.append(_Mention(m.group("name"), m.start("name"), m.end("name"), "named"))
    for m in rules.places.finditer(text) if rules.places is not None else ():
        found.append(_Mention(m.group(), m.start(), m.end(), "place"))
    for m in _find(rules.issue_trigger, text, _starts(words, "issue")):
        for place in re.split(r",\s*|\s+and\s+", m.group("place")):
            place = re.sub(r"['’]s$", "", place.strip())  # "North Korea's abductions issue": the country
            if place and place[0].isupper() and _fold(place) not in rules.stop:
                offset = text.find(place, m.start("place"))
                country = _country_of_demonym(place)  # "the developments in the Ukrainian war": Ukraine
                known = rules.issue_names.get(country)  # "the situation in the Gaza Strip": Gaza, as the data names it
                found.append(_Mention(known or country, offset, offset + len(place), "issue",
                                      place if known and country == place else ""))
    return found


def _country_of_demonym(place: str) -> str:
    """The country a people's word names, as an issue's place: "Ukrainian" (of "the Ukrainian war") is Ukraine,
    "Palestinian" (of "the Palestinian territories") Palestine; any other place as it stands."""
    found = country_forms().get(place)
    return name_of(found[0]) if found is not None and found[1] == "demonym" else place


def _other_sense(written: str, text: str, end: int) -> bool:
    """Whether the words after a vocabulary match give it another sense (other_sense_after in topics.json):
    "a climate of trust" is no climate, "the defence and protection of human rights" no defence."""
    after = _other_senses().get(_fold(written))
    return after is not None and after.match(text, end) is not None


@cache
def _other_senses() -> dict[str, re.Pattern]:
    out = {}
    for spelling, nexts in _data().get("other_sense_after", {}).items():
        words = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(nexts, key=len, reverse=True))
        out[_fold(spelling)] = re.compile(rf"\s+(?:{words})\s", re.IGNORECASE)
    return out


_EVENT_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?:Leaders['’]?\s+)?(?:Meeting|Summit|Conference|"
                               r"Games|Ministerial|Retreat)\b")
_OFFICE_AFTER = re.compile(r"(?:\s+and\s+[a-z][\w-]*)?\s+(?:adviser|advisor|advisers|advisors|secretary|envoy|official|"
                           r"officials|spokesman|spokesperson|spokeswoman|representative|agency|board|authority|"
                           r"regulator|department|departments|ministry|ministries|office|bureau|directorate|"
                           r"inspectorate)\b")
# ("officials from the oil and transportation ministries": both sectors name offices, the delegation's)
# (plural, "their interior and transport authorities should prepare": the sector's bodies at work, the sector)
# "the ministries of health, agriculture and mines": the portfolios of offices written in lower case
_OFFICE_OF_BEFORE = re.compile(r"(?i)\b(?:ministr(?:y|ies)|departments?|offices?|bureaus?|agenc(?:y|ies)|"
                               r"authorit(?:y|ies))\s+(?:of|for)\s+(?:[a-z][\w-]*,?\s+(?:and\s+)?){0,8}$"
                               # "the under secretary of state for economic growth, energy and the environment":
                               # a person's portfolio written in lower case
                               r"|\b(?:secretar(?:y|ies)(?:\s+of\s+state)?|ministers?)\s+for\s+"
                               r"(?:(?:the\s+)?(?!(?:about|on|to|with|in|at|over|during|for|from|of)\b)[a-z][\w-]*,?\s+"
                               r"(?:and\s+)?){0,6}$")
_WISH = re.compile(r"(?i)\bwish(?:es|ed|ing)?\b[^.;:!?]*$")


def _country_after_of(text: str, end: int) -> bool:
    """Whether "of <a country>" follows: a country's formal name ("the Commonwealth of The Bahamas")."""
    after = re.match(r" of (?:the |The )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)", text[end:end + 50])
    if after is None:
        return False
    name = after.group(1)
    return any(country_forms().get(n, ("", "capital"))[1] != "capital" for n in (name, name.split()[0]))


def _before_place(text: str, end: int) -> bool:
    """Whether a Capitalised word ending at ``end`` opens a place's name: it runs on into a country or a capital
    ("Metro Manila", "Greater Accra")."""
    after = re.match(r" ([A-Z][\w'’-]*)", text[end:end + 40])
    return after is not None and after.group(1) in country_forms()


def _aside(text: str, start: int) -> bool:
    """A name mentioned by the way: a date ("since the Covid-19 pandemic began"), part of a title ("Minister
    for ..., European Union and ..."), where they met ("on the sidelines of the UN General Assembly")."""
    before = text[max(0, start - 80):start]
    return bool(_TIME_REFERENCE.search(before[-30:]) or _rules().name_before.search(before) or _VENUE.search(before))


def _in_shouted_run(text: str, start: int, end: int) -> bool:
    """An acronym beside another word in capitals: a line written in capitals, where any word looks like one."""
    before = re.search(r"([A-Za-z]{2,})[^A-Za-z\n]{1,3}$", text[max(0, start - 20):start])
    after = re.match(r"[^A-Za-z\n]{1,3}([A-Za-z]{2,})", text[end:end + 20])
    return any(w is not None and w.group(1).isupper() and len(w.group(1)) > 1 for w in (before, after))


_VENUE = re.compile(r"(?i)\b(?:sidelines|side-lines|margins|margin)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_ARRIVAL = re.compile(r"(?i)\b(?:arrived|arrives|arriving|arrival|landed|lands|landing|touched\s+down)\s+(?:at|in)\s+"
                      r"(?:the\s+)?$")
_SAYS_AFTER = re.compile(r"\s*,?\s+(?:said|says|stated|states|announced|reported|added|noted|indicated)\b")
_ACCORDING_TO = re.compile(r"(?i)\b(?:according\s+to|a\s+statement\s+(?:from|by)|statement\s+issued\s+by)\s+(?:the\s+)?$")
_BACKSTORY = re.compile(r"(?i)\b(?:after|following|since|won|winning)\b[^.;:!?,]*$")
_TIME_REFERENCE = re.compile(r"(?i)\b(?:since|after|before|during|amid|post|recovery\s+from)\s+(?:the\s+)?$")


def _head_topic(text: str, m: re.Match, doc) -> _Mention | None:
    """ "maritime cooperation" -> maritime cooperation, "security ties" -> security, "agricultural cooperation" ->
    agriculture, "defence industrial cooperation" -> defence industry."""
    rules = _rules()
    mods = m.group("mods").split()
    head_text = m.group("head")
    if head_text[0].isupper() and not _sentence_start(text, m.start("head")):
        return None  # "the Strategic Partnership", a name
    while mods and (_fold(mods[0]) in rules.stop or mods[0].lower() in _FUNCTION_WORDS):
        mods = mods[1:]  # "on agricultural cooperation" -> agricultural
    if not mods or any(_fold(w) in rules.stop or w.lower() in _FUNCTION_WORDS for w in mods):
        return None
    if any(w[0].isupper() for w in mods) and not _sentence_start(text, m.start()):
        return None  # "Singapore-Vietnam cooperation": parties, not a topic
    if doc is not None:
        # only the nouns and adjectives right before the head: "deepen security ties" -> security
        kept: list[str] = []
        for word, offset in zip(mods, _word_offsets(text, m.start("mods"), mods), strict=True):
            token = _token_at(doc, offset)
            kept = [*kept, word] if token is None or token.pos_ in ("NOUN", "ADJ", "PROPN") else []
        mods = kept
        tokens = [_token_at(doc, o) for o in _word_offsets(text, m.start("mods"), m.group("mods").split())[-len(mods):]] \
            if mods else []
        if mods and all(t is not None and (t.tag_ in ("JJR", "JJS") or t.tag_ == "JJ" and t.lower_.endswith(_MANNER))
                        for t in tokens) \
                and mods[-1].lower() not in rules.adjectives and _fold(" ".join(mods)) not in rules.vocab_names \
                and _fold(mods[-1]) not in rules.vocab_names \
                and not mods[-1].lower().endswith(_RELATIONAL) and "-" not in mods[-1]:
            return None  # "longstanding ties", "significant trade", "broader cooperation": how, not about what
        if len(mods) == 1 and tokens and tokens[0] is not None and (
                tokens[0].tag_ == "VBN" or tokens[0].tag_ == "JJ" and mods[0].lower().endswith("ed")) \
                and "-" not in mods[0] and not _names_an_area(mods[0]):
            return None  # "related projects", "enhanced cooperation": a participle says how, it names no area
    elif len(mods) > 1 and mods[0].lower() not in rules.adjectives and _fold(mods[0]) not in rules.vocab_names:
        mods = mods[-1:]  # without a parse, a word two places back may be a verb
    if not mods:
        return None
    start = m.start("mods") + m.group("mods").find(mods[0])
    return _Mention(_head_name(mods, head_text), start, m.end("head"), "head")


def _names_an_area(word: str) -> bool:
    """Whether an adjective can name what a relation is about: one the data maps to an area ("agricultural"),
    a known topic ("maritime"), or one of relation ("consular", "Asian", "pharmaceutical"); not one of manner
    ("regular", "related", "close")."""
    rules, lower = _rules(), word.lower()
    return lower in rules.adjectives or _fold(word) in rules.vocab_names or lower.endswith(_RELATIONAL)


def _head_name(mods: list[str], head: str, *, keep_case: bool = False) -> str | None:
    """The topic named by modifiers of a head word: agricultural cooperation -> agriculture, non-oil trade."""
    rules = _rules()
    if not mods or mods[-1].lower() in _FUNCTION_WORDS:
        return None
    head = head.lower()
    last = mods[-1].lower()
    while len(mods) > 1 and mods[0].lower() in _quality_words() and not _quality(mods[-1]):
        mods = mods[1:]  # "a landmark defence industry cooperation": the defence industry
    if len(mods) == 1 and last in _VAGUE_ADJECTIVES and head != "trade":
        return None
    if all(_quality(w) for w in mods) and (len(mods) > 1 or "-" in last or last in _quality_words()):
        if head == "partnership":  # "a strategic cooperative partnership" is a framework's name
            return " ".join([*(w.lower() for w in mods if w.lower() not in ("all-weather", "time-tested")), head])
        return None  # "deep-rooted ties", "strategic cooperation": how close, not about what
    if last in rules.adjectives:
        mapped = rules.adjectives[last]
        name = f"{mods[0].lower()} {mapped}" if len(mods) == 2 and " " not in mapped and not _quality(mods[0]) \
            else mapped  # "defence industrial cooperation" -> defence industry; "strategic economic" -> economy
    elif last.endswith(("al", "ic", "ary", "ive", "ous")) and len(mods) == 1 and head.startswith(("coop", "partner")):
        name = f"{last} {head}"
    else:
        words = [w if keep_case and w[:1].isupper() and not w.isupper() and i > 0 or (keep_case and w.isupper())
                 else w.lower() for i, w in enumerate(mods)]
        if keep_case and mods[0][:1].isupper() and len(mods) > 1 and mods[1][:1].isupper():
            words[0] = mods[0]  # "Ras El-Hekma development": a name keeps its capitals
        if head == "trade":
            name = " ".join(words) + " trade"
        elif len(mods) == 1 and _adjective_like(last):
            return None  # "strategic ties" says how close, not about what
        else:
            name = " ".join(words)
    return rules.vocab_names.get(_fold(name), name)


_MANNER = ("ing", "er", "ant", "ent", "ful", "able", "ible", "less", "thy")  # "longstanding", "significant", "healthy"
_RELATIONAL = ("al", "ic", "ary", "ive", "ine", "ian", "ese", "ish", "an")  # "maritime", "agricultural", "Asian"


def _adjective_like(word: str) -> bool:
    return word.lower().endswith(("al", "ic", "ive", "ous", "ary", "ful"))


@cache
def _quality_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _data().get("quality_words", []))


def _quality(word: str) -> bool:
    """A word that says how a relation is ("strategic", "deep-rooted", "time-tested"), not what it is about: no
    adjective the data maps to an area ("agricultural"), no known topic."""
    rules, lower = _rules(), word.lower()
    if lower in rules.adjectives or rules.vocab_names.get(_fold(word)):
        return False
    if lower in _quality_words():
        return True
    return "-" in lower and lower.rsplit("-", 1)[1].endswith(("ed", "ing")) or _adjective_like(lower)


def _instrument_topic(m: re.Match) -> _Mention | None:
    """A named instrument is a topic under its own name, without its parties: "the Bangladesh–Japan Economic
    Partnership Agreement" -> Economic Partnership Agreement, "our Special Strategic Partnership"."""
    rules = _rules()
    if _ARRIVAL.search(m.string, max(0, m.start("name") - 40), m.start("name")):
        return None  # "arrived at Villamor Air Base": where a visitor landed, not what was discussed
    if _SAYS_AFTER.match(m.string, m.end("inst")) or _ACCORDING_TO.search(m.string, max(0, m.start("name") - 60),
                                                                           m.start("name")):
        return None  # "the Royal Cabinet said in a statement": who tells the story, not what it is about
    if m.group("inst") in _GEOGRAPHIC:  # "the Uruguay River", "the Sulawesi Sea": a country's name is the place's
        words = [w for w in m.group("name").split() if _fold(w) not in ("the", "our", "this")]
        if not words or len(words) > 3 or re.search(r"[a-z][–-][A-Z]", " ".join(words)):
            return None  # "the Angola–Namibia River": a pair, not a name
        start = m.start("name") + m.group("name").find(words[0])
        known = rules.issue_names.get(" ".join(words))
        if known:  # "the Nile River": the Nile, as the data names it
            return _Mention(known, start, m.end("inst"), "issue", " ".join(words))
        return _Mention(" ".join([*words, m.group("inst")]), start, m.end("inst"), "place")
    if _OFFICE_OF.search(m.string[max(0, m.start("name") - 40):m.start("name")]) or _national_body(m):
        return None  # "Deputy Chairman of the Planning Commission", "the Malaysian Investment Development Authority"
    words = _without_parties(m.group("name")).split() or m.group("name").split()
    while len(words) > 1 and (re.search(r"[A-Za-z][–-][A-Z]", words[0]) or _fold(words[0]) in ("the", "our", "this")
                              or _party_word(words[0])):
        words = words[1:]  # "Bangladesh-Japan", "Japan's", "The": parties and articles, not the name
    if _fold(words[0]) in ("the", "our", "this", "a", "an") or _party_word(words[0]) \
            or len(words) == 1 and not words[0].startswith("Trans") \
            and any(_party_word(part) for part in re.split(r"[–-]", words[0])):  # but "the Trans-Gambia corridor"
        return None  # "the Canada–Mexico Partnership": its parties and a kind, no name
    lowercase = m.group("inst").islower()
    place = m.group("inst") in _GEOGRAPHIC_LOWER and not _sentence_start(m.string, m.start("name") +
                                                                        m.group("name").find(words[0]))
    if lowercase and len(words) < 2 and not (words[0].isupper() and len(words[0]) > 2) \
            and not re.search(r"[A-Z][\w']*[–-][A-Z]", words[0]) and not place:  # "the Alexandroupolis–Burgas pipeline"
        return None  # "Peace initiative": a lower-case head ends a name of two words or an acronym ("TRUST initiative")
    if not words or len(words) > 4 or (all(w.isupper() for w in words) and not lowercase) \
            or words[-1].lower() in ("of", "and", "the"):
        return None
    mechanism = m.group("inst") in MECHANISMS
    if not mechanism and (all(_fold(w) in rules.stop for w in words)
                          or len(words) == 1 and _adjective_like(words[0]) and not place):
        return None  # "Memorandum of Understanding", "a Strategic Partnership": a kind, not a name
    if re.match(r"[\s–-]+[A-Z]", m.string[m.end("inst"):m.end("inst") + 3]):
        return None  # "the Kenyatta International Convention Centre": the name goes on, and is a place
    name = " ".join([*words, m.group("inst")])
    start = m.start("name") + m.group("name").find(words[0])
    end = m.end("inst")
    tail = _OF_NAME.match(m.string, end) if mechanism else None
    if tail:  # "the Joint Commission of Cooperation", "... of Defence and Security"
        name, end = name + tail.group(), tail.end()
    return _Mention(name, start, end, "head")


MECHANISMS = {"Commission", "Cabinet", "Council", "Dialogue"}
_NATIONAL_BODIES = {"Authority", "Commission", "Council"}  # one country's, unless two countries name it
_OFFICE_OF = re.compile(r"(?i)\b(?:chairman|chairperson|chair|director|director-general|head|governor|commissioner|"
                        r"member|secretary|secretary-general)\s+of\s+(?:the\s+)?$")


def _national_body(m: re.Match) -> bool:
    """ "the Malaysian Investment Development Authority": one country's agency, not a body the countries share
    (the "South Africa–Botswana Bi-National Commission" names both)."""
    if m.group("inst") not in _NATIONAL_BODIES:
        return False
    if {"National", "Federal"} & set(m.group("name").split()):
        return True  # "the National Security Council": a state's own organ ("Bi-National" is one word)
    lead = _leading_party().match(m.group("name"))
    if lead is None or re.search(r"[–-]", lead.group()):
        return False
    rest = m.group("name")[lead.end():]
    return not re.match(r"(?:and|&)\s", rest) and _leading_party().match(rest) is None
_GEOGRAPHIC = {"River", "Sea", "Basin"}
_GEOGRAPHIC_LOWER = {"basin", "river", "crossing", "channel", "delta", "valley", "port", "border", "corridor"}  # "the Limpopo basin": a place
_OF_NAME = re.compile(r" (?:of|on) [A-Z][\w-]+(?:(?: |, | and |, and )[A-Z][\w-]+){0,8}")


@cache
def _leading_party() -> re.Pattern:
    """A country's name or people opening a name, alone or paired ("South Africa–Botswana ", "Japan's ")."""
    names = sorted((f for f, (_code, kind) in country_forms().items() if kind != "capital"), key=len, reverse=True)
    return re.compile(rf"^(?:[Tt]he\s+)?(?:{'|'.join(re.escape(n) for n in names)})(?:['’]s)?(?:\s*[–-]\s*|\s+)")


def _without_parties(name: str) -> str:
    """ "South Africa–Botswana Bi-National Commission" -> "Bi-National Commission": the parties are not the name."""
    while (m := _leading_party().match(name)) and m.end() < len(name):
        name = name[m.end():]
    return name


def _party_word(word: str) -> bool:
    """A country's name or people ("Japan's", "Mongolian"), not a city that names a declaration ("Ankara")."""
    found = country_forms().get(word.rstrip("’'s") if word.endswith(("’s", "'s")) else word)
    return found is not None and found[1] != "capital"


def _word_offsets(text: str, start: int, words: list[str]) -> list[int]:
    out, pos = [], start
    for w in words:
        pos = text.find(w, pos)
        out.append(pos)
        pos += len(w)
    return out


# ---------------------------------------------------------------- choosing


@dataclass
class _Chosen:
    name: str
    key: frozenset[str]
    first: int
    weight: float = 0.0
    sources: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # the source's own spellings of a named body or issue
    spellings: list[str] = field(default_factory=list)  # how the source words the topic, where it has a word of its own


_WEIGHT = {"list": 2.0, "issue": 1.5, "head": 1.5, "place": 1.5, "named": 1.5, "vocab": 1.0}


def _choose(mentions: list[_Mention], limit: int, kept=None) -> list[_Chosen]:
    """The topics the mentions name, at most ``limit`` of them (the weightiest), counted among those ``kept``
    allows: a fragment that is refused takes no place from a topic."""
    mentions = _split_into_known(mentions)
    instruments = [(m.start, m.end) for m in mentions if _named_instrument(m)]
    mentions = [m for m in mentions if m.source != "issue" or not any(  # "the Nile Waters Agreement": the
        a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in instruments)]  # agreement, not the Nile
    named = [(m.start, m.end) for m in mentions if m.source == "issue"]
    mentions = [m for m in mentions if m.source != "head" or not any(
        a < m.end and m.start < b and not (_named_instrument(m) and m.start <= a and b <= m.end and b - a < m.end - m.start)
        for a, b in named)]
    mentions = [m for m in mentions if m.source != "list" or not any(
        a < m.end and m.start < b and not m.start <= a < b <= m.end for a, b in named)]  # cut from a body's name:
    # "the United Nations Convention" of "... on the Law of the Sea"
    longer = [(m.start, m.end) for m in mentions if m.source == "head"]
    mentions = [m for m in mentions if m.source != "place" or not any(a <= m.start and m.end <= b and (a, b) !=
                                                                     (m.start, m.end) for a, b in longer)]
    known_spans = {(m.start, m.end) for m in mentions if m.source == "vocab"}
    mentions = [m for m in mentions if m.source != "head" or (m.start, m.end) not in known_spans]  # "digital trade"
    issues = [(m.start, m.end) for m in mentions if m.source == "issue"]
    mentions = [m for m in mentions if m.source != "issue" or not any(
        a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in issues)]  # "DRC" in "eastern DRC"
    bodies = [(m.start, m.end) for m in mentions if m.source == "issue" and m.written]
    mentions = [m for m in mentions if m.source != "vocab" or not any(
        a < m.end and m.start < b for a, b in bodies)]  # "Customs" in "Southern African Customs Union", "Road" in
    # "Belt and Road construction"
    spans = [(m.start, m.end, _key(m.name)) for m in mentions if m.source in ("list", "head")]
    mentions = [m for m in mentions if m.source != "vocab" or not any(
        a <= m.start and m.end <= b and _key(m.name) < k for a, b, k in spans)]
    # a longer phrase that only adds words about the talk to a known one ("climate action projects") is the
    # known one (one that adds what it is about, "fishing ports", is a topic of its own beside "fisheries")
    known = [(m.start, m.end, _key(m.surface)) for m in mentions if m.source == "vocab" and m.surface]
    mentions = [m for m in mentions if m.source not in ("list", "head") or _named_instrument(m) or not any(
        m.start <= a and b <= m.end and b - a < m.end - m.start and k == _key(m.name) for a, b, k in known)]
    mentions = _issue_in_frame(mentions)
    chosen: dict[frozenset[str], _Chosen] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        key = _key(m.name)
        if not key:
            continue
        topic = chosen.get(key)
        if topic is None:
            topic = chosen[key] = _Chosen(m.name, key, m.start)
        topic.weight += _WEIGHT[m.source]
        topic.sources.add(m.source)
        topic.mentions.append((m.start, m.end))
        if m.written:
            topic.written.append(m.written)
        topic.spellings.append(_own_word(m.name, m.surface))
    topics = []
    by_name: dict[str, _Chosen] = {}
    for topic in chosen.values():
        topic.name = _as_written(_as_written(topic.name, topic.spellings), topic.written)
        same = by_name.get(_fold(topic.name))
        if same is not None:  # a body the data knows, shown as written, and the tagger's find of that name: one
            same.weight += topic.weight
            same.sources |= topic.sources
            same.mentions = sorted([*same.mentions, *topic.mentions])
            same.first = min(same.first, topic.first)
            continue
        by_name[_fold(topic.name)] = topic
        topics.append(topic)
    # a pattern-found phrase wholly inside a longer one ("energy technologies" in "climate and energy
    # technologies") adds nothing; a single word may still be a topic of its own ("developments")
    topics = [t for t in topics
              if t.sources & {"vocab", "issue"} or len(t.key) < 2 or not any(t.key < o.key for o in topics)]
    if kept is not None:
        topics = [t for t in topics if kept(t)]
    if len(topics) > limit:
        keep = sorted(topics, key=lambda t: (-t.weight, t.first))[:limit]
        topics = [t for t in topics if t in keep]
    return sorted(topics, key=lambda t: t.first)


def _issue_in_frame(mentions: list[_Mention]) -> list[_Mention]:
    """A phrase a list or a head word cut around an issue the data knows, with nothing known beside it, is that
    issue: "the Yemen crisis" is Yemen, "Covid-19 pandemic joint action" COVID-19 (the reader saw Yemen listed
    twice); one that adds what is done about it is a topic of its own ("Gaza reconstruction", "Red Sea
    navigation")."""
    issues = [m for m in mentions if m.source == "issue"]
    if not issues:
        return mentions

    def framed(m: _Mention) -> bool:
        if m.source not in ("list", "head") or _named_instrument(m):
            return False
        for i in issues:
            if m.start <= i.start and i.end <= m.end and i.end - i.start < m.end - m.start:
                said = next((w for w in (i.written, i.name) if w and _fold(w) in _fold(m.name)), None)
                rest = re.sub(re.escape(said), " ", m.name, flags=re.IGNORECASE) if said else ""
                if said and next(_vocab_matches(rest), None) is None:
                    return True
        return False

    return [m for m in mentions if not framed(m)]


def _named_instrument(m: _Mention) -> bool:
    """A named instrument the head pattern found ("Air Services Agreement", "Joint Commission on Cooperation"):
    its name stands for itself, the known words in it ("air services") are not topics beside it."""
    words = m.name.split()
    return m.source == "head" and len(words) > 1 and words[0][:1].isupper() and (
        words[-1] in _instrument_words() or any(w in MECHANISMS for w in words))


def _as_written(name: str, written: list[str]) -> str:
    """A named body under the name the source uses most ("EU" where it says "EU" three times and "European
    Union" once): the reader knows it by that name. The data's own name wins a tie."""
    if not written:
        return name
    written = [name if name.startswith(w) else w for w in written]  # "Western Balkan (countries)": the name, cut
    counts = {w: written.count(w) for w in written}
    most = max(counts.values())
    return name if counts.get(name) == most else next(w for w in written if counts[w] == most)


def _own_word(name: str, surface: str) -> str:
    """The source's own word for a topic the data names by a shorter one: "healthcare" (health), "transportation"
    (transport), or by the words an acronym stands for: "FDI" (investment), "LNG", or joins or splits a compound
    the data writes otherwise ("counterterrorism" for counter-terrorism). A reader who looks for the word the
    source used finds it; any other spelling is the data's name."""
    if re.fullmatch(r"[A-Z]{2,6}", surface.strip()) and surface.strip() != name:
        return surface.strip()  # the source's acronym, as the reader met it
    word = surface.strip().lower()
    if word != name.lower() and re.fullmatch(r"[a-z]+(?:[ -][a-z]+)*", word) \
            and re.sub(r"[ -]", "", word) == re.sub(r"[ -]", "", name.lower()):
        return word  # "counterterrorism", "cybersecurity", "peace-building": joined or split as the source writes it
    if re.fullmatch(r"[a-z]+", word) and re.fullmatch(r"[a-z]+", name) and word[:4] != name[:4]:
        return word  # "apparel" (textiles), "military" (defence), "denuclearization": another word, as written
    if " " in name or not re.fullmatch(r"[a-z]+", word) or not word.startswith(name.lower()) \
            or _fold(word) == _fold(name):
        return name
    return word


def _split_into_known(mentions: list[_Mention]) -> list[_Mention]:
    """A found phrase made wholly of two or more known topics of two words or more ("critical minerals supply
    chains") is those topics, not one more."""
    known = [m for m in mentions if m.source == "vocab"]
    out = []
    for m in mentions:
        if m.source in ("list", "head"):
            inner = [k for k in known if m.start <= k.start and k.end <= m.end]
            if len(inner) >= 2 and _key(m.name) - {"and"} <= frozenset().union(*(_key(k.name) for k in inner)) \
                    and (all(len(_key(k.name)) > 1 for k in inner) or _joined(m.name)):
                continue  # but "livestock trade", "desalination technology" are one thing, a kind of the last;
            # "the Blue Economy and Fisheries" (a Title Case list the splitter keeps whole) is two
        out.append(m)
    return out


def _joined(phrase: str) -> bool:
    return re.search(r"\s(?:and|&)\s", phrase) is not None


def _kept(doc, topic: _Chosen) -> bool:
    """Not a fragment a list or a parse leaves behind: a name the data refuses ("way forward"), a day or
    month ("Monday totalling"), a person ("President X"), a word that names nothing ("excellent",
    "namely"), a count ("two Heads of State") or a place whose capital was lost ("barcelona")."""
    rules = _rules()
    if topic.key in rules.not_topics or not topic.key:
        return False
    if len(topic.name) < 3 and not topic.name.isupper():
        return False
    if any(word in _calendar_words() for word in topic.name.lower().split()):
        return False
    if topic.sources & {"vocab", "issue", "place"} or doc is None or not doc.has_annotation("DEP"):
        return True  # a name from the data is a topic as it stands
    if topic.name in rules.adjectives.values():
        return True  # "humanitarian (fields)": the area the data names for the adjective
    start, end = topic.mentions[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    words = [t for t in span if not t.is_punct]
    while len(words) > 1 and words[0].pos_ == "DET":
        words = words[1:]  # "the jointly adopted measures": what follows the article
    if not words:
        return False
    named_instrument = topic.name.split()[-1] in _instrument_words()  # "Bi-National Commission", "A–B corridor"
    if any(t.ent_type_ == "PERSON" for t in words) and not named_instrument or words[0].lower_ in _rules_titles() \
            or words[-1].lower_ in _rules_titles():
        return False  # "Ministers of State", "provincial governors": people
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in words):
        return False  # "sign strategic defense"
    if words[-1].pos_ not in ("NOUN", "PROPN") or words[0].pos_ in ("NUM", "ADV") or words[0].tag_ in ("CD", "JJS"):
        return False  # "economic", "namely", "two Heads of State"
    if words[0].lower_ in ("several", "various", "many", "numerous", "first", "second", "third", "fourth", "fifth",
                           "other", "another"):
        return False
    return not (topic.name[:1].islower() and words[0].text[:1].isupper() and words[0].ent_type_ in ("GPE", "LOC", "FAC")
                and not words[0].is_sent_start)


@cache
def _issue_frames() -> frozenset[str]:
    """The nouns that frame an issue before its place: "situation", "developments", "tensions" (issue_triggers)."""
    return frozenset(t.split()[0].lower() for t in _data()["issue_triggers"] if len(t.split()) == 2)


@cache
def _instrument_words() -> frozenset[str]:
    return frozenset(_data()["instrument_words"] + _data().get("named_lowercase_heads", []))


@cache
def _calendar_words() -> frozenset[str]:
    words = rule_file("date_words.json")
    return frozenset(w.lower() for table in ("months", "weekdays") for w in words[table])


@cache
def _rules_titles() -> frozenset[str]:
    singular = ("president", "minister", "secretary", "ambassador", "king", "prince", "premier", "chancellor",
                "governor", "mayor", "envoy", "delegate", "counsellor", "adviser")
    plural = tuple(w[:-1] + "ies" if w.endswith("y") else w + "s" for w in (*singular, "official", "representative"))
    # "Ministers of State", "governors"; a singular "Official" or "representative" may qualify a topic
    return frozenset((*singular, *plural, "mr", "mrs", "ms", "dr", "h.e."))


# ---------------------------------------------------------------- public API


def topics_in(text: str) -> list[str]:
    """Topic names mentioned in a span, e.g. an agreement's title or sentence (no parse needed)."""
    return [t.name for t in _choose(_candidates(text), limit=MAX_TOPICS)]


def speaks_of_relations(text: str) -> bool:
    """The source uses a word for the relations between countries ('bilateral', 'cooperation', 'ties'): a joint
    statement does, a storm or markets report that names two countries and a port does not."""
    return _relation_words().search(text) is not None


@cache
def _relation_words() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _data().get("relation_words", [])) + r")\b", re.I)


def doc_candidates(doc) -> list[_Mention]:
    """Every topic mention in a parsed source, found once per Doc (the agreements read theirs from it);
    none from page furniture (bylines, credits, "Read more" lines: ``doc._.bb_skip``)."""
    found = doc.user_data.get("bb_topic_mentions")
    if found is None:
        text = DocIndex.of(doc).text
        skip = doc._.bb_skip or [] if doc.has_extension("bb_skip") else []
        found = _candidates(text, doc) + _third_countries(text, doc)
        found += _multilateral_bodies(doc, found)
        found += _conjuncts_of_known(doc, text, found)
        found += _places_beside_known_places(doc, text, found)
        found += _lists_before(doc, text)
        found += _bullet_lists(doc, text)
        found += _opened_on(doc, text)
        _name_by_acronym(text, found)
        skip = [*skip, *_menu_lines(text), *_credit_lines(text)]
        found = [m for m in found if not in_ranges(skip, m.start, m.end)]
        doc.user_data["bb_topic_mentions"] = found
    return found


_BULLET = re.compile(r"^[ \t]*(?:[•▪◦·*–-]|\d{1,2}[.)]|\(?[a-z][.)])[ \t]+")
_BULLET_NOT_AREA = {"a", "an", "the", "with", "between", "by", "at", "to", "from", "for", "on", "under"}
_LIST_HEAD = re.compile(r"(?i)\b(?:areas?|sectors?|fields?|domains?|spheres?|priorities|following|topics|issues|"
                        r"cooperation|collaboration|partnership)\b[^\n]*:\s*$")


def _bullet_lists(doc, text: str) -> list[_Mention]:
    """Areas listed one to a line under a line that announces them: "... long-term collaboration in:" then
    "• Healthcare", "• Energy and environment", "1. Food Security, Aquaculture, and Agriculture". Each line is read
    as a list (up to its colon: "Defence and Security: strengthening ..."); the list ends at the first line that
    is no bullet. A line that reads as a phrase about a document ("- a credit facility agreement with the State
    Bank of India to ...") is left to the other patterns: only short area names are read."""
    out: list[_Mention] = []
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.group().strip()]
    for n, (_start, _end, line) in enumerate(lines):
        if not _LIST_HEAD.search(line):
            continue
        for start, end, item in lines[n + 1:n + 16]:
            bullet = _BULLET.match(item)
            if bullet is None:
                break
            words = re.findall(r"[A-Za-z][\w'-]*", item[bullet.end():].split(":")[0])
            if len(words) > 8 or any(w.lower() in _BULLET_NOT_AREA for w in words):
                continue  # "- a credit facility agreement with the State Bank ...": a document, not an area
            title_case = len(words) > 1 and all(w[0].isupper() or w in _FUNCTION_WORDS for w in words)
            for found in _items(text, start + bullet.end(), end, doc, title_case):
                token = _token_at(doc, found.start) if doc is not None else None
                if found.start == start + bullet.end() and found.name[:1].isupper() and found.name[1:2].islower() \
                        and token is not None and not token.ent_type_ \
                        and all(w.islower() for w in found.name.split()[1:]):
                    found.name = found.name[0].lower() + found.name[1:]  # "• Economic transformation"
                out.append(found)
    return out


@cache
def _known_names() -> frozenset[str]:
    """The names the data gives topics and issues."""
    data = _data()
    return frozenset([*data["topics"], *data["issues"], *data.get("bodies", {}), *data["adjective_topics"].values()])


_OPENED_ON = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*)[ \t\"“]*(?:On|Regarding|Concerning|As for|As regards|With regard to|"
                        r"With regards to|In terms of|In the (?:area|field|domain) of)\s+(?P<np>[^,.;:\n]{2,60}?),\s",
                        re.MULTILINE)


def _opened_on(doc, text: str) -> list[_Mention]:
    """What a paragraph of a readout is about, told at its opening: "On education, the minister thanked ...",
    "Regarding Somalia, the two ministers agreed ...", "On the 2023 Pacific Games, ...". The words before the
    comma are read as a list (a date, an occasion or a person is no topic there, as anywhere)."""
    out = []
    for m in _OPENED_ON.finditer(text):
        words = m.group("np").split()
        first = _token_at(doc, m.start("np")) if doc is not None else None
        if first is not None and (first.ent_type_ in ("DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL")
                                  or first.lower_ in ("behalf", "arrival", "departure", "occasion", "sidelines",
                                                      "margins", "part", "side", "way", "day", "eve")):
            continue
        if len(words) > MAX_ITEM_WORDS + 1:
            continue
        for item in _items(text, m.start("np"), m.end("np"), doc, False):
            if any(w[:1].isupper() for w in item.name.split()) or item.name in _known_names():
                out.append(item)  # a name or a topic the data knows; not "On paper,", "On the whole,", "On the
                # economic front,": ways of speaking, no subject
    return out


@cache
def _after_list() -> re.Pattern | None:
    """The words that close a list of topics written before them (after_list_triggers in topics.json)."""
    forms = _data().get("after_list_triggers", [])
    if not forms:
        return None
    alt = "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])(?!\s+(?:of|for)\s)", re.IGNORECASE)  # "on the agenda of X": X


def _lists_before(doc, text: str) -> list[_Mention]:
    """A list told before what is said of it: "Trade, energy and water on the agenda as ...", "Migration and
    border security were also discussed". The list runs back from the closing words to the start of its clause:
    a verb, a pronoun, a conjunction opening a clause or a stopper word ends it."""
    pattern = _after_list()
    if pattern is None or not doc.has_annotation("DEP"):
        return []
    out = []
    for m in pattern.finditer(text):
        i = _token_index(doc, len(text[:m.start()].rstrip()) - 1)
        if i is None or doc[i].is_punct:
            continue  # "talks with her counterpart, X, on the agenda": an aside, not a list
        first = i
        while first > 0 and not doc[first].is_sent_start:
            before = doc[first - 1]
            if before.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADP") and before.lower_ not in ("of", "and") \
                    or before.lower_ in _STOPPER_WORDS or before.text in ".;:!?\"“”()[]" or "\n" in before.text:
                break
            first -= 1
        start, end = doc[first].idx, doc[i].idx + len(doc[i].text)
        if end <= start or len(text[start:end].split()) > 14:
            continue
        words = re.findall(r"[A-Za-z][\w'-]*", text[start:m.end()])
        title_case = len(words) > 2 and all(w[0].isupper() or w in _FUNCTION_WORDS or w == "the" for w in words)
        for item in _items(text, start, end, doc, title_case):
            if item.start == start and item.name[:1].isupper() and item.name[1:2].islower() \
                    and doc[first].pos_ != "PROPN" and not doc[first].ent_type_:
                item.name = item.name[0].lower() + item.name[1:]  # "Seed certification, ... were discussed"
            out.append(item)
    return out


def _conjuncts_of_known(doc, text: str, found: list[_Mention]) -> list[_Mention]:
    """The other items of a list whose items the vocabulary knows, though no trigger phrase opens it: "...,
    emphasizing trade, investment, tourism, defence and immigration" -> immigration too. The parse joins them
    (conjuncts); two known items among three or more make it a list of topics, not of people or places."""
    if not doc.has_annotation("DEP"):
        return []
    known = [(m.start, m.end) for m in found if m.source in ("vocab", "issue")]
    taken = [(m.start, m.end) for m in found]
    seen: set[int] = set()
    out = []
    for m in found:
        if m.source != "vocab":
            continue
        i = _token_index(doc, m.end - 1)
        if i is None or i in seen or doc[i].pos_ not in ("NOUN", "PROPN"):
            continue
        group = sorted({i, *(t.i for t in doc[i].conjuncts)})
        seen.update(group)
        covered = [any(a <= doc[k].idx < b for a, b in known) for k in group]
        if len(group) < 3 or sum(covered) < 2:
            continue
        for k, is_known in zip(group, covered, strict=True):
            if not is_known:
                mention = _conjunct_item(doc, text, k)
                if mention is not None and not any(a < mention.end and mention.start < b for a, b in taken):
                    out.append(mention)
    return out


def _places_beside_known_places(doc, text: str, found: list[_Mention]) -> list[_Mention]:
    """The other places of a list of places the data knows as issues: "peace and security challenges in the
    Sahel, Sudan, South Sudan and Somalia" -> South Sudan and Somalia too. The parse joins them (conjuncts) and
    the entity tagger names them places; two known among three or more make it a list of the places discussed.
    The source's own parties are no issue of theirs."""
    if not doc.has_annotation("DEP"):
        return []
    places = [(m.start, m.end) for m in found if m.source == "issue" and _is_place(m.name)]
    taken = [(m.start, m.end) for m in found]
    parties: set[str] | None = None
    seen: set[int] = set()
    out = []
    for _a, b in places:
        i = _token_index(doc, b - 1)
        if i is None or i in seen:
            continue
        group = sorted({i, *(t.i for t in doc[i].conjuncts)})
        seen.update(group)
        covered = [any(x <= doc[k].idx < y for x, y in places) for k in group]
        if len(group) < 3 or sum(covered) < 2:
            continue
        for k, is_known in zip(group, covered, strict=True):
            token = doc[k]
            if is_known or token.ent_type_ not in ("GPE", "LOC") or token.ent_iob_ == "O":
                continue
            ent = next((e for e in doc.ents if e.start <= k < e.end), None)
            if ent is None:
                continue
            words = [t for t in ent if t.lower_ not in ("the", "a", "an")]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            if parties is None:
                parties = _parties(doc)
            if (code_of(text[start:end]) or "") in parties or any(x < end and start < y for x, y in taken):
                continue
            out.append(_Mention(text[start:end], start, end, "issue", text[start:end]))
    return out


def _is_place(name: str) -> bool:
    """A country or a region the data names as an issue ("Sudan", "the Sahel"), not a question ("Gaza
    ceasefire") nor a body, nor a country only named often ("ambassadors of Colombia, Syria and Georgia")."""
    return name in _data().get("third_countries", {}) or name in _place_issues()


@cache
def _place_issues() -> frozenset[str]:
    """The issues of topics.json that are places: one or two capitalised words, no body's name."""
    return frozenset(n for n in _data()["issues"] if all(w[:1].isupper() for w in n.split()) and len(n.split()) <= 2)


def _conjunct_item(doc, text: str, k: int) -> _Mention | None:
    """One unknown item of such a list: the noun with the words that modify it ("solid minerals")."""
    token = doc[k]
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("GPE", "NORP", "PERSON", "DATE", "CARDINAL") \
            or token.text[:1].isupper() or any(c.dep_ == "prep" for c in token.children) \
            or k + 1 < len(doc) and doc[k + 1].lower_ == "of":
        return None  # a name ("the Fish and Rice Corridor"); an act on something ("the return of the workers",
        # "promotion of investment", however the parser hung the "of")
    first = k
    while first > 0 and doc[first - 1].head.i == k and doc[first - 1].dep_ in ("compound", "amod"):
        first -= 1
    while first < k and (doc[first].ent_type_ in ("GPE", "NORP", "ORG") or first > 0 and doc[first - 1].text in "-–"
                         and doc[first - 1].idx + 1 == doc[first].idx):
        first += 1  # "CARICOM-Canada cooperation": the sides of the relation, not what it is about
    start, end = doc[first].idx, token.idx + len(token.text)
    if _rules().vocab_names.get(_fold(text[start:end])):
        return None  # the vocabulary's own reading of these words stands
    name = _item_name(text[start:end], title_case=False)
    return _Mention(name, start, end, "list") if name else None


def _name_by_acronym(text: str, found: list[_Mention]) -> None:
    """A name followed by the acronym of a body the data knows ("the Comprehensive Test Ban Treaty (CTBT)") is
    that body: one topic, not two."""
    known = {m.start: m for m in found if m.source == "issue" and m.written}
    for m in found:
        if m.source == "issue":
            continue
        opening = re.match(r"\s*\(\s*", text[m.end:m.end + 6])
        body = known.get(m.end + opening.end()) if opening else None
        if body is not None and text[body.end:body.end + 1] == ")":
            m.name, m.written = body.name, text[m.start:m.end]


@cache
def _credit_cue() -> re.Pattern:
    """A credit or a pointer to another story, at the start of a line or after a bar or bracket: "Image Credit:
    Sudan News Agency", "Photo: Energy Ministry | Credit: ...", "Read more: ..." (the cues of honorifics.json
    that end in a colon, and "Photo by")."""
    hon = rule_file("honorifics.json")
    cues = {c for c in [*hon.get("credit_cues", []), *hon.get("inline_credit_cues", [])] if c.endswith(":")}
    cues |= {c for c in hon.get("inline_credit_cues", []) if c.lower().endswith(" by")}
    alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?im)(?:^[\s*_#>•-]*|\|\s*|\(\s*)(?:{alt})(?=\s|$)")


def _credit_lines(text: str) -> list[tuple[int, int]]:
    """Where credits run: from the cue to the end of its bracket or line. The names in them are who took the
    picture or published the story, not what it is about ("Image Credit: Sudan News Agency")."""
    out = []
    for m in _credit_cue().finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        if m.group().lstrip().startswith("("):
            close = text.find(")", m.end(), line_end)
            line_end = close + 1 if close != -1 else line_end
        out.append((m.start(), line_end))
    return out


_MENU_ITEM = re.compile(r"^(?:[A-Z][\w&'’-]*|&|and|of)(?:\s(?:[A-Z][\w&'’-]*|&|and|of)){0,2}$")
_MENU_WORD = re.compile(r"^[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?$")  # "World", "Latest News"
_MENU_SEPARATORS = re.compile(r"\s*[|·•»/]\s*|\t+|\s{2,}")


def _menu_lines(text: str) -> list[tuple[int, int]]:
    """A site's menu, a page's section links: "Home | World | Business | Sport | Health", or three or more such
    words one to a line. Its words name the site's sections, not what the story is about. A list of areas
    ("Defence and Security" on a line of its own) is not a menu."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
    menu = [_one_line_menu(line) for _s, _e, line in lines]
    short = [bool(_MENU_WORD.match(line)) or menu[n] for n, (_s, _e, line) in enumerate(lines)]
    out = []
    for n, (start, end, _line) in enumerate(lines):
        in_a_column = short[n] and any(all(short[k] for k in range(first, first + 3))
                                       for first in range(max(0, n - 2), min(n, len(lines) - 3) + 1))
        if menu[n] or in_a_column:
            out.append((start, end))
    # a list of other stories, each headline under its running time or date ("01:09", "12 March 2025"): two or
    # more such pairs are a teaser block, not the story
    stamps = [n for n, (_s, _e, line) in enumerate(lines) if _STAMP_LINE.match(line) and n + 1 < len(lines)]
    if len(stamps) >= 2:
        for n in stamps:
            out.append((lines[n][0], lines[n + 1][1]))
    return out


_STAMP_LINE = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})$")


def _one_line_menu(line: str) -> bool:
    items = [i for i in _MENU_SEPARATORS.split(line) if i]
    return len(items) >= 3 and all(_MENU_ITEM.match(i) for i in items) and bool(_MENU_SEPARATORS.search(line))


_OFFICE_WORDS = {"president", "chair", "chairperson", "chairman", "secretary", "secretary-general", "commissioner",
                 "director", "director-general", "envoy", "spokesperson", "spokesman", "head", "chief", "member"}


def _multilateral_bodies(doc, found: list[_Mention]) -> list[_Mention]:
    """Bodies and frameworks the vocabulary has never seen, from the entity tagger: an organisation, law or
    event whose name says it is shared between nations ("International", "African", "Global" ...) and what kind
    of body it is ("Organization", "Fund", "Alliance" ...), not a country's own agency ("Japan International
    Cooperation Agency") nor a building ("... International Convention Centre")."""
    data = _data()
    cues, heads = set(data.get("multilateral_words", [])), set(data.get("body_heads", []))
    refused = set(data.get("not_body_words", []))
    named = [(m.start, m.end) for m in found if m.source in ("issue", "head", "place")]
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "LAW", "EVENT"):
            continue
        words = [t for t in ent if not t.is_punct and not t.is_space]
        while words and words[0].lower_ in ("the", "a", "an"):
            words = words[1:]
        texts = [t.text for t in words]
        if not 2 <= len(texts) <= 8 or not cues & set(texts) or refused & set(texts) or not any(
                w in heads and (n == len(texts) - 1 or texts[n + 1] in ("for", "of", "on", "against"))
                for n, w in enumerate(texts)):
            continue  # its kind ends its name or opens what it is for ("Global Partnership for Education")
        if _party_word(texts[0]) or texts[0].lower() in _rules_titles():
            continue
        following = next((t for t in doc[ent.end:ent.end + 3] if not t.is_space), None)
        if following is not None and (following.ent_type_ == "PERSON" or following.lower_ in _OFFICE_WORDS):
            continue  # "European Commission President Ursula von der Leyen": a title
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if doc.text[end:end + 1] == "-":
            continue  # "African Union-led": a word about something else, as the vocabulary reads it
        short = re.match(r"\s*\(([^()]{2,12})\)", doc.text[end:end + 16])
        if short and short.group(1) in _rules().issue_names:
            continue  # "Association of Southeast Asian Nation (ASEAN)": the vocabulary's body, misspelt
        if any(a < end and start < b for a, b in named) or _aside(doc.text, start):
            continue  # the vocabulary or a pattern has it already; where they met; a date; a title
        out.append(_Mention(doc.text[start:end], start, end, "issue", doc.text[start:end]))
    return out


def _third_countries(text: str, doc) -> list[_Mention]:
    """Countries discussed as issues ("North Korea's missile programme"), when they are not the source's
    own parties (``_parties``)."""
    rules = _rules()
    if not rules.third_names:
        return []
    parties = _parties(doc)
    out = []
    named: dict[str, list] = {}
    for c in (doc._.bb_countries or []) if doc.has_extension("bb_countries") else []:
        if c.kind == "name" and c.code not in parties:
            named.setdefault(c.code, []).append(c)
    code_at = {c.start: c.code for c in (doc._.bb_countries or [])} if doc.has_extension("bb_countries") else {}
    for code, mentions in named.items():
        beside_a_side = any(code_at.get(t.i) in parties for c in mentions if c.start < len(doc)
                            for t in doc[c.start].conjuncts)  # "relations between Mongolia and Colombia",
        # "the ambassadors of Indonesia, Thailand and Colombia": named with a side, one more side
        if len(mentions) >= _TIMES_DISCUSSED and code_of(name_of(code)) == code and not beside_a_side:
            for c in mentions:  # a country the source keeps coming back to, not its own side: what it discusses
                out.append(_Mention(name_of(code), c.start_char, c.end_char, "issue"))
    times = {}
    for c in (doc._.bb_countries or []) if doc.has_extension("bb_countries") else []:
        times[c.code] = times.get(c.code, 0) + 1
    venues = {code_of(e.location) for e in (doc._.bb_events or []) if e.location and e.type == "visit"} \
        if doc.has_extension("bb_events") else set()
    for m in rules.third_countries.finditer(text):
        name = rules.third_names[m.group()]
        if code_of(name) in venues and times.get(code_of(name), 0) <= 1:
            continue  # "visiting Myanmar to attend the ASEAN meeting": where one went, named once, no issue
        before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, m.start() - 30):m.start()])
        if before is not None and f"{before.group(1)} {m.group()}" in country_forms():
            continue  # "South Sudan": another country, which only ends in this one's name
        if (code_of(name) or name) not in parties:
            said = m.group() if " " in m.group() and m.group() not in country_forms() else ""
            out.append(_Mention(said or name, m.start(), m.end(), "issue"))  # "the Palestinian cause" as written
    return out


_TIMES_DISCUSSED = 2


def _parties(doc) -> set[str]:
    """The source's own parties: the countries of the people who take part in its events, then those of the
    office-holders it names, and, while these are fewer than two, the countries it names most. A call between two ministers about a war names the
    country at war more often than either of theirs ("... discussed the developments in Yemen"), and that
    country is what they talked about, not a side."""
    counts: dict[str, int] = {}
    for c in (doc._.bb_countries or []) if doc.has_extension("bb_countries") else []:
        counts[c.code] = counts.get(c.code, 0) + 1
    named = sorted(counts, key=lambda code: -counts[code])
    country_of = {p.name: p.country for p in (doc._.bb_people or []) if p.country} \
        if doc.has_extension("bb_people") else {}
    taking_part: list[str] = []
    for event in (doc._.bb_events or []) if doc.has_extension("bb_events") else []:
        for name in [*event.participants, event.actor]:
            code = country_of.get(name)
            if code and code not in taking_part and code in counts:  # a side the source names, not a guess
                taking_part.append(code)  # from a bare surname ("Smith") the source never ties to a country
    if len(taking_part) >= 2:
        return set(taking_part)
    for p in (doc._.bb_people or []) if doc.has_extension("bb_people") else []:
        if p.title and p.country and p.country not in taking_part and p.country in counts:
            taking_part.append(p.country)  # "receptions for the Ambassadors of the Philippines and Myanmar", "Minister
            # Mahuta": an office-holder the source names speaks for a side the event rules did not read
    if len(taking_part) >= 2:
        return set(taking_part)
    others = [c for c in named if c not in taking_part]
    chosen = others[:2 - len(taking_part)]
    if chosen:  # a third named as often as the last chosen is a side too ("Cambodia-Laos-Vietnam" triangle)
        chosen += [c for c in others[len(chosen):] if counts[c] >= max(2, counts[chosen[-1]])]
    return set(taking_part) | set(chosen)


def topics_between(doc, start: int, end: int) -> list[str]:
    """Topic names mentioned within ``doc.text[start:end]`` (an agreement's sentence), read with the parse."""
    return [t.name for t in _choose([m for m in doc_candidates(doc) if start <= m.start and m.end <= end],
                                    limit=MAX_TOPICS, kept=lambda t: _kept(doc, t))]


def extract_topics(doc, *, limit: int = MAX_TOPICS) -> list[Topic]:
    """The topics of a parsed source, each with the sentences that mention it as evidence."""
    index = DocIndex.of(doc)
    text = index.text
    topics = []
    for t in _choose(doc_candidates(doc), limit=limit, kept=lambda t: _kept(doc, t)):
        evidence: list[Evidence] = []
        for start, _end in t.mentions:
            s, e = index.clause_around(start, _BREAK)
            if not any(ev.start == s for ev in evidence):
                evidence.append(Evidence.of(text, s, e))
            if len(evidence) >= MAX_EVIDENCE:
                break
        topics.append(Topic(name=t.name, evidence=evidence))
    return topics


_BREAK = re.compile(r"[.!?](?=\s|[A-Z\"“])|\n")
