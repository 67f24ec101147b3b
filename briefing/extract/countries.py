"""Countries: ISO 3166-1 alpha-2 codes from names, demonyms and capitals (data/countries.json)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from briefing.extract.layout import doc_text
from briefing.extract.rules import rules


@dataclass(frozen=True)
class CountryMention:
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    code: str
    kind: str  # "name", "demonym" or "capital"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("–", "-"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


@cache
def forms() -> dict[str, tuple[str, str]]:
    """Every written form -> (code, kind); a form listed twice keeps its first country."""
    table: dict[str, tuple[str, str]] = {}
    for code, entry in rules("countries.json")["countries"].items():
        for kind, key in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals")):
            for form in entry.get(key, []):
                table.setdefault(form, (code, kind))
    return table


@cache
def folded_forms() -> dict[str, tuple[str, str]]:
    return {_fold(form): value for form, value in forms().items()}


def code_of(text: str) -> str | None:
    """The country a whole string names ("the UAE", "Vietnamese", "Hanoi"), else None."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    hit = folded_forms().get(_fold(text))
    return hit[0] if hit else None


def name_of(code: str) -> str:
    entry = rules("countries.json")["countries"].get(code)
    return entry["names"][0] if entry else code


@cache
def _matcher_patterns() -> list[tuple[str, str]]:
    out = []
    for form in forms():
        out.append((form, form))
        if form.upper() != form and len(form) > 3:
            out.append((form, form.upper()))
    return out


def build_matcher(nlp: Any) -> Any:
    """A PhraseMatcher over every form (as written and in capitals), tokenised by ``nlp``."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_form: dict[str, list[str]] = {}
    for form, variant in _matcher_patterns():
        by_form.setdefault(form, []).append(variant)
    for form, variants in by_form.items():
        matcher.add(form, [nlp.make_doc(v) for v in variants])
    return matcher


def tag_entities(doc: Any, matches: list[tuple[int, int, int]]) -> None:
    """Country names and capitals as GPE, demonyms as NORP, where the model tagged no entity: what spaCy's
    EntityRuler (overwrite off) would add from these phrases, from the matches ``find_mentions`` reads as
    well, so the phrases are matched once and no second matcher is built at each start."""
    from spacy.tokens import Span

    table = forms()
    ranked = sorted({(m, s, e) for m, s, e in matches if s != e}, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    entities = list(doc.ents)
    added = []
    taken: set[int] = set()
    for match_id, start, end in ranked:
        if any(t.ent_type for t in doc[start:end]) or start in taken or end - 1 in taken:
            continue  # the model's own entity stands; the longer phrase came first
        _code, kind = table[doc.vocab.strings[match_id]]
        added.append(Span(doc, start, end, label="NORP" if kind == "demonym" else "GPE"))
        taken.update(range(start, end))
    if added:
        doc.ents = entities + added


def find_mentions(doc: Any, matcher: Any, matches: list[tuple[int, int, int]] | None = None) -> list[CountryMention]:
    """Country mentions in ``doc`` in text order, the longest where they overlap (``matches``: the
    matcher's, when they are at hand)."""
    from spacy.util import filter_spans

    if matches is None:
        matches = matcher(doc)
    spans = [doc[start:end] for _match_id, start, end in matches]
    ids = {(start, end): match_id for match_id, start, end in matches}
    table = forms()
    out = []
    persons = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    bodies = [(e.start, e.end) for e in doc.ents if e.label_ in {"ORG", "FAC", "EVENT", "WORK_OF_ART"}]
    for span in filter_spans(spans):
        form = doc.vocab.strings[ids[(span.start, span.end)]]
        code, kind = table[form]
        served = kind == "name" and span.start > 0 and doc[span.start - 1].lower_ in {"to", "in"} \
            and any(s == span.start for s, _e in persons)  # "Ambassador to Sri Lanka Yury Materiy": the model ran
        # the country into the name after it
        if any(s <= span.start and span.end <= e and e - s > span.end - span.start for s, e in persons) \
                and not (span.text.isupper() and len(span.text) > 3) and not served:
            continue  # "Lima" in "President Ana Lima" is a name, not Peru; "... HÀ NỘI —" is a dateline
        if kind == "capital" and any(s <= span.start and span.end <= e and e - s > span.end - span.start
                                     for s, e in bodies):
            continue  # "Shanghai Cooperation Organisation", "The Washington Post": a body's name, not a place
        if _in_regional_form(doc, span.start, span.end):
            continue  # "Latin American", "Inter-American Commission": a region, not the United States
        out.append(CountryMention(span.start, span.end, span.start_char, span.end_char, code, kind))
    return out


@cache
def _regional_forms() -> frozenset[str]:
    return frozenset(_fold(f) for f in rules("countries.json").get("regional_forms", []))


def _in_regional_form(doc: Any, start: int, end: int) -> bool:
    """The form is the end of a regional phrase: one or two words, or a hyphenated word, before it."""
    regional = _regional_forms()
    if not regional:
        return False
    text = doc_text(doc)
    for back in (1, 2):
        if start - back < 0:
            break
        phrase = text[doc[start - back].idx:doc[end - 1].idx + len(doc[end - 1].text)]
        if _fold(phrase) in regional:
            return True
    return False


_PUBLISHER = re.compile(r"(?i)\b(?:ministry|department|office|government|prime minister|president|presidency|embassy|"
                        r"high commission|global affairs|foreign affairs|state secretariat)\b")


def home_country(doc: Any, mentions: list[CountryMention]) -> str | None:
    """The country whose institution publishes the source ("Global Affairs Canada", "Ministry of ...,
    Republic of Kenya", "Prime Minister of Australia"), read from its first lines; None if not stated."""
    head_end = min(len(doc_text(doc)), 400)
    for m in re.finditer(r"[^\n]+", doc_text(doc)[:head_end]):
        line_start, line_end = m.start(), m.end()
        for kw in _PUBLISHER.finditer(m.group(0)):
            at = line_start + kw.end()
            for cm in mentions:
                if cm.kind != "demonym" and at <= cm.start_char <= at + 40 and cm.end_char <= line_end:
                    return cm.code
    return None


@cache
def _title_regex() -> re.Pattern:
    names = sorted((f for f in forms() if len(f) >= 4 or f.isupper()), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in names) + r")(?![\w-])")


def find_title_countries(title: str) -> list[str]:
    """Countries named in a title string (no parse: one search over the known forms)."""
    out: list[str] = []
    for m in _title_regex().finditer(title or ""):
        code = forms()[m.group(1)][0]
        if code not in out:
            out.append(code)
    return out
