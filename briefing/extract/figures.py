"""Figures: money, percentages, measures and counts, with what they measure and their period.

Numbers are found with a pattern over the text; the words around each one
(data/currencies.json, data/units.json) say what kind of figure it is, and the
parse says what a bare count counts ("25,000 Mexican workers"). Anything else
is left out on purpose — years, dates, ordinals ("12th"), scores ("2-1"),
"2+2", list numbers, phone numbers, page numbers, ages — because a wrong figure
in a briefing is worse than a missing one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from briefing.extract.dates import find_dates
from briefing.extract.layout import doc_text
from briefing.extract.rules import rules
from briefing.model import Evidence, Figure

# ---------------------------------------------------------------- data


def _currencies() -> dict:
    return rules("currencies.json")


def _units() -> dict:
    return rules("units.json")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    number: re.Pattern
    currency_before: re.Pattern
    scale_after: re.Pattern
    money_scale_after: re.Pattern
    currency_after: re.Pattern
    percent_after: re.Pattern
    unit_after: re.Pattern
    unit_table: dict[str, tuple[str, float]]
    not_counted: frozenset[str]
    word_number: re.Pattern | None


@cache
def _patterns() -> _Patterns:
    cur, units = _currencies(), _units()
    # an ambiguous marker may stand before the number ("$", "Rs", "FCFA 5 billion") and a word after it too
    symbols = list(cur["symbols"]) + list(cur["ambiguous"])
    words = list(cur["words"]) + [w for w in cur["ambiguous"] if w[0].isalpha()]
    unit_table: dict[str, tuple[str, float]] = {}
    for name, entry in units["units"].items():
        for spelling in entry["spellings"]:
            unit_table[spelling] = (entry.get("unit", name), float(entry.get("factor", 1)))
            if spelling[0].islower():
                unit_table[spelling.capitalize()] = unit_table[spelling]
    return _Patterns(
        # 1,045 | 3.6 | 250 ; not part of a word, a version, a date or a code
        # (groups of three after a space count too, as French- and SI-style texts write them: "3 000 trucks")
        # (a letter may touch it: "RM107.5 billion" is money, "G20" is not; ``_skip`` tells them apart)
        number=re.compile(r"(?<![\d_.,/])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![ \u00a0\u202f]?\d)|\d+)"
                          r"(?:\.\d+)?(?![\d,]\d)(?!\.\d)"),
        currency_before=re.compile(rf"(?:(?<![A-Za-z])(?P<sym>{_alt(symbols)})|\b(?P<code>{_alt(cur['codes'])}))\s?$"),
        scale_after=re.compile(rf"^\s*(?P<scale>{_alt(units['scales'])})(?![A-Za-z])", re.IGNORECASE),
        money_scale_after=re.compile(rf"^(?P<scale>{_alt(units['money_scales'])})(?![A-Za-z])", re.IGNORECASE),
        currency_after=re.compile(rf"^\s+(?:(?P<code>{_alt(cur['codes'])})\b|(?P<word>{_alt(words)})(?![A-Za-z]))"),
        percent_after=re.compile(rf"^\s*(?:{_alt(units['percent'])})(?![A-Za-z])|^\s+percentage\s+points?\b",
                                 re.IGNORECASE),
        unit_after=re.compile(rf"^(?:\s+|-)(?P<unit>{_alt(unit_table)})(?![A-Za-z])"),
        unit_table=unit_table,
        not_counted=frozenset(w.lower() for w in units["not_counted"]),
        word_number=re.compile(rf"(?<![\w-])(?P<word>{_alt(units['number_words'])})(?![\w-])", re.IGNORECASE)
        if units.get("number_words") else None,
    )


def _currency_code(marker: str, country: str | None) -> str:
    cur = _currencies()
    if marker in cur["ambiguous"]:
        table = cur["ambiguous"][marker]
        return table.get((country or "").upper(), table["default"])
    if marker in cur["symbols"]:
        return cur["symbols"][marker]
    if marker in cur["words"]:
        return cur["words"][marker]
    return "CNY" if marker == "RMB" else marker


# ---------------------------------------------------------------- a parsed document, indexed once


def _is_decimal_point(text: str, i: int) -> bool:
    return text[i] == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


class DocIndex:
    """Token starts, sentence spans and noun chunks of a Doc, computed once (spaCy recomputes them per call)."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token on each access; this is built once per Doc
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []  # no Token object per word
        self.sents = ([(s.start_char, s.end_char) for s in doc.sents]
                      if len(doc) and doc.has_annotation("SENT_START") else [])
        self._chunk_at: list[tuple[int, int] | None] | None = None

    _last: DocIndex | None = None

    @classmethod
    def of(cls, doc) -> DocIndex:
        """The index of ``doc``, shared by the extractors that run on it one after another."""
        last = cls._last
        if last is None or last.doc is not doc or len(last.starts) != len(doc):
            last = cls._last = cls(doc)
        return last

    def token_at(self, pos: int):
        """The token covering ``pos``, or the next one when ``pos`` is in white space; None past the end."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.starts[i] + len(self.doc[i].text):
            return self.doc[i]
        return self.doc[i + 1] if i + 1 < len(self.starts) else None

    def first_token_from(self, pos: int) -> int | None:
        i = bisect_left(self.starts, pos)
        return i if i < len(self.starts) else None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right([a for a, _ in self.sents], pos) - 1 if self.sents else -1
        return self.sents[i] if i >= 0 else (0, len(self.text))

    def clause_around(self, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
        """The parser's sentence around ``pos``, cut again at ``breaks`` (not decimal points), trimmed.

        A parser sentence can run over a missing space ("3.6 billion USD.They") or a table row.
        """
        text = self.text
        start, end = self.sentence(pos)
        cuts = [m.end() for m in breaks.finditer(text, start, pos) if not _is_decimal_point(text, m.start())]
        if cuts:
            start = cuts[-1]
        m = next((m for m in breaks.finditer(text, pos, end) if not _is_decimal_point(text, m.start())), None)
        if m:
            end = m.end() if text[m.start()] != "\n" else m.start()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def chunk_of(self, token):
        """The noun chunk holding ``token`` (or the token alone)."""
        if self._chunk_at is None:
            self._chunk_at = [None] * len(self.doc)
            if self.doc.has_annotation("DEP"):
                for start, end in _noun_chunk_bounds(self.doc):
                    for k in range(start, end):
                        self._chunk_at[k] = (start, end)
        bounds = self._chunk_at[token.i]
        return self.doc[bounds[0]:bounds[1]] if bounds else self.doc[token.i:token.i + 1]


def _noun_chunk_bounds(doc) -> list[tuple[int, int]]:
    """(start, end) of every noun chunk of a parsed Doc, as ``doc.noun_chunks`` gives them.

    The English model's chunker builds a Token for every word of the Doc and a Span per chunk; this is the
    same rule read off the Doc's arrays, with a Token only for a chunk's head (its left edge is not in the
    arrays). A model with another chunker is asked for its own chunks.
    """
    from spacy.attrs import DEP, HEAD, POS
    from spacy.lang.en.syntax_iterators import noun_chunks
    from spacy.symbols import NOUN, PRON, PROPN

    if getattr(doc, "noun_chunks_iterator", None) is not noun_chunks:
        return [(chunk.start, chunk.end) for chunk in doc.noun_chunks]
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in
               ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")}
    conj = strings.add("conj")
    array = doc.to_array([POS, DEP, HEAD]).astype("int64")
    pos, deps = array[:, 0].tolist(), array[:, 1].tolist()
    heads = [i + rel for i, rel in enumerate(array[:, 2].tolist())]
    nouns = (NOUN, PROPN, PRON)
    out: list[tuple[int, int]] = []
    prev_end = -1
    for i, dep in enumerate(deps):
        if pos[i] not in nouns:
            continue
        if dep not in np_deps:
            if dep != conj:
                continue
            head = heads[i]
            while deps[head] == conj and heads[head] < head:
                head = heads[head]
            if deps[head] not in np_deps:  # coordinated to a noun phrase, or no chunk
                continue
        left = doc[i].left_edge.i
        if left <= prev_end:  # no chunk inside another
            continue
        prev_end = i
        out.append((left, i + 1))
    return out


# ---------------------------------------------------------------- junk filters

_CONTACT_LINE = re.compile(r"(?i)\b(?:tel|telephone|phone|fax|mobile|mob|whatsapp|hotline|p\.?\s?o\.?\s+box|"
                           r"e-?mail|contact)\b\s*[:.]?")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){2,}")
_PAGE_BEFORE = re.compile(r"(?i)\b(?:page|pages|p\.|pp\.|para\.?|paragraph|article|section|chapter|no\.|number|"
                          r"resolution|room|box|act|aged|age|flight|route|highway)\s*$")
_YEARLIKE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _skip(text: str, s: int, e: int, blocked: list[tuple[int, int]], money: bool = False) -> bool:
    before, after = text[max(0, s - 2):s], text[e:e + 2]
    if not money and re.search(r"[A-Za-z][-–]?$", before) and not re.search(r"[$€£¥₹₩]$", text[max(0, s - 3):s]):
        return True  # Covid-19, G20, F-16
    if re.match(r"^\s?[-–+/:]\s?\d", after) or re.search(r"\d\s?[-–+/:]\s?$", before):
        return True  # 2-1, 2+2, 16:05, 15/03
    if re.search(r"[+#]$", before) or after[:1] == "+":
        return True
    if any(bs <= s < be for bs, be in blocked):
        return True
    line = _line_of(text, s)
    if _CONTACT_LINE.search(line):
        return True
    if re.match(r"^\s*$", text[text.rfind("\n", 0, s) + 1:s]) and re.match(r"^[.)]\s", after):
        return True  # "1. The Ministers ..." list numbers
    return bool(_PAGE_BEFORE.search(text[max(0, s - 14):s]))


# ---------------------------------------------------------------- public API


def _number_value(raw: str) -> Decimal | None:
    try:
        return Decimal(re.sub(r"[,\s]", "", raw))
    except InvalidOperation:
        return None


def _as_float(value: Decimal) -> float:
    return float(value.normalize()) if value == value.to_integral_value() else float(value)


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: str
    kind: str  # money | percent | measure | count
    marker: str | None = None  # the currency as written ("$", "dinars"): whose it is may need the context


def find_figures_in_text(text: str, *, currency_country: str | None = None, doc=None,
                         index: DocIndex | None = None, dates=None) -> list[_Found]:
    """Money, percentages and measures from the text alone; counts too when a parsed ``doc`` is given."""
    p = _patterns()
    if doc is not None and index is None:
        index = DocIndex.of(doc)
    if dates is None:
        dates = find_dates(text, "2000-01-01")
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    found: list[_Found] = []
    for m in p.number.finditer(text):
        s, e = m.span()
        number = _number_value(m.group())
        if number is None:
            continue
        cur = p.currency_before.search(text[max(0, s - 8):s])
        money_marker = (cur.group("sym") or cur.group("code")) if cur else None
        if money_marker and any(bs <= s < be for bs, be in blocked):
            money_marker = None
        sm = p.scale_after.match(text[e:e + 20])
        if money_marker and len(money_marker) == 1 and money_marker.isalpha() and not sm and "," not in m.group():
            money_marker = None  # "R2" is not two rand: a one-letter symbol needs an amount ("R68.4 billion")
        if _skip(text, s, e, [] if money_marker else blocked, money=bool(money_marker)):
            continue
        scale = Decimal(1)
        end = e
        if sm:
            scale = Decimal(str(_units()["scales"][_scale_key(sm.group("scale"), _units()["scales"])]))
            end += sm.end()
        elif money_marker:
            mm = p.money_scale_after.match(text[end:end + 6])
            if mm:
                scale = Decimal(str(_units()["money_scales"][_scale_key(mm.group("scale"), _units()["money_scales"])]))
                end += mm.end()
        if not money_marker:
            ca = p.currency_after.match(text[end:end + 30])
            if ca:
                money_marker = ca.group("code") or ca.group("word")
                end += ca.end()
        if money_marker:
            start = s - len(cur.group(0)) if cur and text[s - len(cur.group(0)):s] == cur.group(0) else s
            found.append(_Found(start, end, _as_float(number * scale), _currency_code(money_marker, currency_country),
                                "money", money_marker))
            continue
        if text[end:end + 1].isalpha() and not sm:
            continue  # 12th, 4x4, 3D
        pm = p.percent_after.match(text[end:end + 24])
        if pm:
            unit = "percentage points" if "point" in pm.group(0).lower() else "percent"
            found.append(_Found(s, end + pm.end(), _as_float(number * scale), unit, "percent"))
            continue
        um = p.unit_after.match(text[end:end + 30])
        if um:
            unit, factor = p.unit_table[um.group("unit")]
            stop = end + um.end()
            rate = _RATE.match(text, stop)  # "10,000 barrels of crude oil per day"
            if rate:
                unit, stop = f"{unit} per {rate.group('per')}", rate.end()
            found.append(_Found(s, stop, _as_float(number * scale * Decimal(str(factor))), unit, "measure"))
            continue
        if doc is not None and not (_YEARLIKE.match(m.group()) and not sm):
            noun_end = _counted_noun_end(index, end, p.not_counted)
            if noun_end is not None:
                found.append(_Found(s, noun_end, _as_float(number * scale), "count", "count"))
            elif sm and _NUMBER_OF.search(text, index.sentence(s)[0], s):
                found.append(_Found(s, end, _as_float(number * scale), "count", "count"))  # "the number of ... 1.5 million"
    if doc is not None:
        found += _word_counts(text, index, p, blocked)
    return found


def _word_counts(text: str, index: DocIndex, p: _Patterns, blocked: list[tuple[int, int]]) -> list[_Found]:
    """Counts written as words: "seven areas", "eight agreements and MoUs", "one million citizens"."""
    words = _units().get("number_words", {})
    if not words or p.word_number is None:
        return []
    out = []
    for m in p.word_number.finditer(text):
        s, e = m.span()
        if any(bs <= s < be for bs, be in blocked):
            continue
        value = Decimal(words[m.group("word").lower()])
        sm = p.scale_after.match(text[e:e + 20])
        if sm:
            value *= Decimal(str(_units()["scales"][_scale_key(sm.group("scale"), _units()["scales"])]))
            e += sm.end()
        elif value < 5:
            continue  # "the two sides", "one of the ...", "three pillars": wording more often than a figure
        noun_end = _counted_noun_end(index, e, p.not_counted)
        if noun_end is not None:
            out.append(_Found(s, noun_end, _as_float(value), "count", "count"))
    return out


_NUMBER_OF = re.compile(r"\b(?:the\s+)?number\s+of\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:is|was|stands?|stood|has|had|"
                        r"reached|rose|fell|totals?|totalled|estimated)\b", re.IGNORECASE)
_RATE = re.compile(r"(?:\s+of\s+[a-z-]+(?:\s+[a-z-]+){0,2}?)?\s+(?:per|a|each)\s+(?P<per>day)\b")  # a daily flow; a yearly one is a period


def _scale_key(word: str, table: dict) -> str:
    for key in table:
        if key.lower() == word.lower():
            return key
    return word


def _counted_noun_end(index: DocIndex, end: int, not_counted: frozenset[str]) -> int | None:
    """The end of the plural noun a number counts: "82.9 million children", "25,000 Mexican workers"."""
    doc = index.doc
    i = index.first_token_from(end)
    if i is None:
        return None
    if index.text[end:doc[i].idx].strip():
        return None
    for j in range(i, min(i + 4, len(doc))):
        token = doc[j]
        if token.tag_ in ("NNS", "NNPS") and token.pos_ in ("NOUN", "PROPN") and token.is_alpha:
            if (token.lower_ in not_counted or token.lemma_.lower() + "s" in not_counted) \
                    and not (j > i and doc[j - 1].dep_ == "compound" and doc[j - 1].pos_ == "NOUN"):
                return None  # "in straight sets", but "18 train sets"
            if token.pos_ == "PROPN" and j == i and token.ent_type_ != "NORP":
                return None  # "2030 Olympics", but "1.2 million Indonesians"
            return token.idx + len(token.text)
        if token.pos_ in ("ADJ", "PROPN") or token.tag_ in ("JJ", "NNP", "VBN") or token.text in ("-", "–"):
            continue
        if token.pos_ == "NOUN" and j + 1 < len(doc) and doc[j + 1].tag_ == "NNS":
            continue  # "500 youth workers"
        return None
    return None


def _doc_pub_date(doc) -> str | None:
    """The publication date the pipeline put on the doc (``doc._.pub_date`` or ``doc.user_data["pub_date"]``)."""
    value = getattr(doc, "user_data", {}).get("pub_date")
    if value is None and type(doc).has_extension("pub_date"):
        value = doc._.pub_date
    return value or None


def extract_figures(doc, *, currency_country: str | None = None, pub_date: str | None = None,
                    countries: list[Any] | None = None) -> list[Figure]:
    """The figures of a parsed source; evidence spans index ``doc.text``.

    ``currency_country``: ISO alpha-2 of the publishing country, which decides a bare ``$`` (AU -> AUD);
    ``countries``: the source's country mentions (``code``, ``start_char``), which decide it otherwise;
    ``pub_date`` resolves relative periods ("last year"); by default the doc's own (``doc._.pub_date``).
    One figure written twice (a caption and the body, a headline and the lead) is one item.
    """
    index = DocIndex.of(doc)
    text = index.text
    if pub_date is None:
        pub_date = _doc_pub_date(doc)
    figures: list[Figure] = []
    seen: set[tuple[int, int]] = set()
    previous: tuple[_Found, Figure] | None = None
    dates = find_dates(text, pub_date or "2000-01-01")  # once per document: spans to skip, periods
    if not pub_date:  # relative dates cannot be periods without a publication date
        periods = [d for d in dates if re.search(r"\d{4}", d.text)]
    else:
        periods = dates
    for f in find_figures_in_text(text, currency_country=currency_country, doc=doc, index=index, dates=dates):
        if (f.start, f.end) in seen:
            continue
        seen.add((f.start, f.end))
        sent_start, sent_end = index.clause_around(f.start, _CLAUSE_BREAK)
        what = ""
        near_previous = previous is not None and previous[1].evidence[0].start == sent_start and \
            previous[0].end <= f.start and f.start - previous[0].end < 30
        if near_previous and re.search(r"\(\s*(?:about|around|roughly|some|approximately|or)?\s*$",
                                       text[previous[0].end:f.start]):
            what = previous[1].what  # "3.5 billion yen ($22 million)": the same thing in another currency
        elif near_previous and f.kind == "percent" and re.match(r"^\W*(?:more|up|higher|an increase|a rise)",
                                                                text[f.end:f.end + 20]) and previous[1].what:
            what = f"growth of {previous[1].what}"
        if f.marker and countries:
            f.unit = _whose_currency(f.marker, sent_start, sent_end, countries, currency_country) or f.unit
        figure = Figure(
            value=f.value,
            unit=f.unit,
            what=what or _what(index, f),
            period=_period(text, sent_start, sent_end, f, periods),
            evidence=[Evidence.of(text, sent_start, sent_end)],
        )
        figures.append(figure)
        previous = (f, figure)
    return _once_each(figures)


def _whose_currency(marker: str, sent_start: int, sent_end: int, countries: list[Any], home: str | None) -> str | None:
    """The currency a "$" or "dinars" stands for: that of the one country the sentence names that has its
    own ("Australia will contribute $5 million" -> AUD), else that of the source's main countries (a Papua
    New Guinea–New Zealand story's "$20 million" is NZD). Where both main countries have one, the default's
    own country wins ($ with the United States is USD), then the publisher's, then the country named most.
    When neither main country has one, the publisher's country decides; None: the marker is not ambiguous."""
    table = _currencies()["ambiguous"].get(marker)
    if not table:
        return None
    named = {c.code for c in countries if sent_start <= c.start_char < sent_end and c.code in table}
    if len(named) == 1:
        return table[named.pop()]
    own = [code for code in _ranked_countries(countries)[:2] if code in table]
    if len(own) == 1:
        return table[own[0]]
    if own:
        if any(table[code] == table["default"] for code in own):
            return table["default"]
        return table[home] if home in own else table[own[0]]
    return table.get(home or "", table["default"])


def _ranked_countries(countries: list[Any]) -> list[str]:
    count: dict[str, int] = {}
    for c in countries:
        count[c.code] = count.get(c.code, 0) + 1
    return sorted(count, key=lambda code: -count[code])  # sorted() is stable: first named first among equals


def _once_each(figures: list[Figure]) -> list[Figure]:
    """One item per figure: the same amount in a caption and the body, or rounded in a headline and exact in
    the lead ("$1.06b" and "$1.063 billion"), is one item with the exact value, the first description
    found and both sentences as evidence."""
    kept: list[Figure] = []
    for f in figures:
        first = next((k for k in kept if k.unit == f.unit and _same_amount(k.value, f.value)), None)
        if first is None:
            kept.append(f)
            continue
        if _digits(f.value) > _digits(first.value):
            first.value = f.value  # the more exact writing
        if not first.what and f.what:
            first.what = f.what
        first.period = first.period or f.period
        if f.evidence[0] not in first.evidence and len(first.evidence) < 3:
            first.evidence.append(f.evidence[0])
    return kept


def _digits(value: float) -> int:
    return len(f"{value:.15g}".replace(".", "").strip("0"))


def _same_amount(a: float, b: float) -> bool:
    return a == b or (a > 0 and b > 0 and abs(a - b) <= 0.005 * max(a, b))


# ---------------------------------------------------------------- context: sentence, what, period

_CLAUSE_BREAK = re.compile(r"[.;!?](?=\s|[A-Z\"“]|$)|\n")




_DETERMINERS = {"a", "an", "the", "some", "about", "around", "roughly", "nearly", "almost", "over", "more", "than",
                "less", "up", "to", "its", "their", "his", "her", "our", "this", "that", "these", "those", "estimated",
                "total", "worth"}


def _phrase(tokens) -> str:
    """The text of a run of tokens as written, without leading determiners/numbers or trailing prepositions."""
    words = list(tokens)

    def droppable(i: int) -> bool:
        t = words[i]
        hyphen_joined = i + 1 < len(words) and not t.whitespace_ and words[i + 1].text in ("-", "–")
        return (t.pos_ in ("DET", "PUNCT", "SYM", "ADP", "CCONJ") or t.lower_ in _DETERMINERS or
                (t.like_num and not hyphen_joined)) and not hyphen_joined

    while words and droppable(0):
        words = words[1:]
    while words and (words[-1].pos_ in ("ADP", "CCONJ", "PART", "PUNCT", "DET") or words[-1].like_num):
        words = words[:-1]
    if not words:
        return ""
    words = words[:10]
    out = " ".join("".join(t.text_with_ws for t in words).split())
    first = words[0]
    if (out and first.is_sent_start and first.pos_ != "PROPN" and first.ent_type_ not in ("NORP", "GPE", "ORG")
            and not out[:2].isupper()):
        out = out[0].lower() + out[1:]
    return out


def _with_of(index: DocIndex, chunk) -> list:
    doc = index.doc
    tokens = list(chunk)
    k = chunk.end
    if k + 1 < len(doc) and doc[k].lower_ in ("of", "in") and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        nxt = index.chunk_of(doc[k + 1])
        if not any(t.ent_type_ in ("DATE", "MONEY", "PERCENT", "CARDINAL") for t in nxt):
            tokens += [doc[k], *nxt]
    return tokens


def _what(index: DocIndex, f: _Found) -> str:
    """A short noun phrase for what the figure measures (best effort from the parse)."""
    doc = index.doc
    if not doc.has_annotation("DEP"):
        return ""
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    k = span.end
    if f.kind == "count":
        tokens = [t for t in span if not t.like_num and t.lower_ not in _units()["scales"]]
        # "82.9 million children and pregnant women"
        if k + 1 < len(doc) and doc[k].lower_ == "and":
            j = k + 1
            while j < len(doc) and j < k + 4 and doc[j].pos_ == "ADJ":
                j += 1
            if j < len(doc) and doc[j].tag_ in ("NNS", "NNPS"):
                tokens = [*tokens, *doc[k:j + 1]]
        return _phrase(tokens)
    # "200 megawatts of electricity", "$3.9bn in realised projects", "US$24 billion for development rights"
    if k + 1 < len(doc) and doc[k].lower_ in ("of", "in", "for", "on") and (
            doc[k + 1].pos_ in ("NOUN", "ADJ", "PROPN") or doc[k + 1].tag_ == "VBN"):
        chunk = index.chunk_of(doc[k + 1]) if doc[k + 1].tag_ != "VBN" else index.chunk_of(doc[k + 1].head)
        if not any(t.ent_type_ in ("DATE", "GPE", "TIME") or t.like_num for t in chunk):
            phrase = _phrase(_with_of(index, chunk))
            if phrase:
                return phrase
    # "a $32 million package", "the 1,045-kilometre Ethiopia–Kenya high-voltage interconnector"
    if span.start > 0 and doc[span.start - 1].pos_ == "DET" and k < len(doc) and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
        j = k
        while j < len(doc) and (doc[j].pos_ in ("NOUN", "ADJ", "PROPN") or doc[j].text in ("-", "–")):
            j += 1
        phrase = _phrase(doc[k:j])
        if phrase:
            return phrase
    # "US$11 billion converted from Emirati deposits"
    if k < len(doc) and doc[k].tag_ in ("VBN", "VBD") and doc[k].dep_ == "acl":
        for prep in (c for c in doc[k].children if c.dep_ == "prep"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return _phrase([doc[k], prep, *index.chunk_of(objects[0])])
    root = span.root
    head = root.head
    # "a package worth ¥1.6 billion", "a research call worth NOK 250 million"
    if head.lower_ == "worth" or (root.dep_ == "pobj" and head.head.lower_ == "worth"):
        owner = head.head if head.lower_ == "worth" else head.head.head
        if owner.pos_ in ("NOUN", "PROPN"):
            return _phrase(index.chunk_of(owner))
    # "an increase of 9 percent"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return _phrase(_with_of(index, index.chunk_of(head.head)))
    verb = root
    while verb.dep_ != "ROOT" and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    # "raise the contracted volume to 400 megawatts"
    if root.dep_ == "pobj" and head.lower_ == "to" and verb.pos_ == "VERB":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and objects[0].pos_ == "NOUN":
            return _phrase(_with_of(index, index.chunk_of(objects[0])))
    # "trade in goods ... reaching €22.7 billion", "capital exceeding 3.6 billion USD"
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        noun = verb.head
        while noun.dep_ == "pobj" and noun.head.lower_ in ("between", "among") and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "trade in goods between the two countries reaching ..."
        return _phrase(_with_of(index, index.chunk_of(noun)))
    # "Bilateral trade stood at KSh 21.4 billion", "Two-way trade fell 6.1%"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subject = subjects[0]
        if subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and not subject.ent_type_):
            return _phrase(_with_of(index, index.chunk_of(subject)))  # "Trade reached ..." (a capital, no name)
        if subject.pos_ == "PROPN" and verb.lemma_ != "be":
            return _phrase([*index.chunk_of(subject), verb])
    return ""


_ANNUAL = re.compile(r"(?i)\b(?:annually|per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year|yearly)\b")
_PERIOD_PREP = re.compile(r"(?i)\b(?:in|during|for|over|since|by|through|throughout|of|last|this)\s+(?:the\s+)?$")


def _period(text: str, s0: int, s1: int, f: _Found, dates) -> str | None:
    if _ANNUAL.search(text[f.end:min(s1, f.end + 80)]):
        return "annual"
    best = None
    best_cost = 10**9
    for m in dates:
        a, b = m.start, m.end
        if a < s0 or b > s1:
            continue
        if a >= f.end:
            gap = a - f.end
            if not _PERIOD_PREP.search(text[max(s0, a - 25):a]) and gap > 3:
                continue
            cost = gap
        elif b <= f.start:
            # a period that opens the sentence ("In the first eight months of this year, ...") scopes all of it
            cost = 60 if a - s0 < 30 else (f.start - b) * 2
        else:
            continue
        if cost < best_cost and cost < 90:
            best, best_cost = m, cost
    if best is not None:
        value = f"{best.value}/{best.end_value}" if best.end_value else best.value
        since = re.search(r"(?i)\bsince\s+$", text[max(s0, best.start - 8):best.start])
        return f"since {value}" if since else value
    if _ANNUAL.search(text[s0:s1]):
        return "annual"
    return None
