"""People: who is named in a source, under which title, for which country, and every form used.

Mentions come from the model's PERSON entities and from names written after an
honorific ("Dr Balakrishnan", "H.E. Dr. Gedion Timothewos") or a title
("Prime Minister Pham Minh Chinh"). A name is cut free of honorifics, titles and
post-nominals (data/honorifics.json, data/titles.json); short forms ("Mr Son",
"Chinh") join the full name that contains them. The title is read from the words
around a mention ("Foreign Minister X", "X, Minister of Foreign Affairs of ...",
"the Minister of ..., X"); the country from a demonym or possessive before the
title, a country inside it ("of Ethiopia"), "his Vietnamese counterpart", and
failing those from the countries named in the person's sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from briefing.extract.actors import Actor, name_words, office_fits
from briefing.extract.actors import index as actor_index
from briefing.extract.built import cached
from briefing.extract.layout import doc_text, in_ranges, sentence_of, token_lowers, token_texts
from briefing.extract.rules import rules

MAX_NAME_WORDS = 10  # "Erywan bin Pehin Datu Pekerma Jaya Haji Mohd Yusof": a father's styles inside a name
ROMAN = {"II", "III", "IV"}
PARTICLES = {"bin", "binti", "bint", "al", "al-", "el", "el-", "de", "del", "della", "di", "da", "dos", "das", "do", "la", "le",
             "van", "von", "der", "den", "ter", "ibn", "abu", "ben", "y", "e", "du", "st.", "mac", "jr.", "jr", "sr.", "ii", "iii", "iv",
             "v", "vi", "vii", "viii"}
CONNECTORS = {"of", "for", "and", "the", "(", ")", "-", "–", "&", "on", "to", "/", "at"}  # "Deputy Prime Minister/Foreign Minister"
SPEECH_VERBS = {"say", "suggest", "propose", "commend", "affirm", "tell", "add", "stress", "urge", "ask", "emphasise",
                "emphasize", "express", "thank", "note", "underline", "reiterate", "welcome", "praise", "call", "invite"}
NAME_TOKEN = re.compile(r"^(?:[A-Z\u00C0-\u00DE\u0100-\u024F][\w'’\-.\u00C0-\u024F]*|[A-Z]\.)$")


@dataclass
class Mention:
    start: int  # token span of the name alone
    end: int
    text: str
    sent: int  # index of the sentence start token
    title: str | None = None
    country: str | None = None
    counterpart_of: int | None = None  # token index of the person this one is the counterpart of
    counterpart: bool = False  # named as someone's counterpart ("his Malian counterpart, X")
    analyst: bool = False
    full_start: int = 0  # span including honorific/title, for aliases
    full_text: str = ""
    context: tuple[int, int] = (0, 0)  # tokens of the mention with its titles on both sides
    other_title: str | None = None  # the title on the other side of the name, when both sides give one


@dataclass
class PersonRecord:
    name: str
    tokens: list[str]
    mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    analyst: bool = False
    index: int = 0
    country_sure: bool = False  # stated next to the name, not guessed from the sentences
    speaker: bool = False  # the subject of a speech verb ("Lee commended ...")
    country_guessed: bool = False  # the source's other main country, for want of any word about this person
    actor: Actor | None = None  # the actor dictionary's entry for this person, when it knows them
    country_stated: bool = False  # the country is written beside the name ("Nigeria's High Commissioner X")
    title_copied: bool = False  # the title is his counterpart's ("his Omani counterpart, X"), not his own

    @property
    def first_char(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 0


def fold(text: str) -> str:
    if text.isascii():  # nothing to decompose or strip
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@cache
def _lexicon() -> dict[str, Any]:
    """The title and honorific phrases as the tokenizer splits them: kept on disk (built.py), because
    splitting them needs a tokenizer of its own, most of a second at every start."""
    return cached("people-lexicon", _build_lexicon)


def _build_lexicon() -> dict[str, Any]:
    hon = rules("honorifics.json")
    titles = rules("titles.json")
    prefixes = sorted({tuple(_words(p)) for p in hon["prefixes"]}, key=len, reverse=True)
    heads = sorted({tuple(_words(h)) for h in titles["heads"]}, key=len, reverse=True)
    return {
        "prefixes": prefixes,
        "keep_if_single": {fold(w) for w in hon["keep_if_single"]},
        "not_names": frozenset(fold(w).rstrip(".") for w in hon.get("not_name_words", [])),
        "credit_cues": frozenset(c.casefold() for c in [*hon.get("credit_cues", []), *hon.get("greetings", [])]),
        "greetings": tuple(g.casefold() + " " for g in hon.get("greetings", [])),
        "short_given": frozenset(hon.get("abbreviated_given_names", [])),
        "headline_words": frozenset(hon.get("headline_words", [])),
        "abbreviations": dict(titles.get("abbreviations", {})),
        "post_modifiers": frozenset(titles.get("post_modifiers", [])),
        "given_name_links": frozenset(hon.get("given_name_links", [])),
        "inline_credit_cues": tuple(c.casefold() for c in hon.get("inline_credit_cues", [])),
        "post": {w.rstrip(".") for w in hon["postnominals"]},
        "heads": heads,
        "head_words": {w for h in heads for w in h},
        "leaders": {tuple(_words(h)) for h in titles["leaders"]},
        "ruler_titles": {(fold(h),) for h in titles["leaders"] if len(_words(h)) == 1} & {(fold(w),) for w in hon["keep_if_single"]},
        "styles": {tuple(_words(h)) for h in [*hon["keep_if_single"], "Head of State", "Head of Government", "Chancellor"]},
        "modifiers": {fold(m) for m in titles["modifiers"]},
        "analysts": [fold(a) for a in titles["analysts"]],
        "role_nouns": {fold(r) for r in titles["role_nouns"]},
        "portfolio": frozenset(fold(w) for w in titles.get("portfolio_words", [])),
        "two_side_words": frozenset(fold(w) for w in titles.get("two_side_words", [])),
        "office_nouns": frozenset(fold(w) for w in titles.get("office_nouns", [])),
        "place_preps": frozenset(fold(w) for w in titles.get("place_preps", [])),
        "travel_verbs": frozenset(fold(w) for w in titles.get("travel_verbs", [])),
        "prefix_words": {w for p in prefixes for w in p},
        "title_heads_as_prefix": {tuple(_words(p)) for p in hon["prefixes"]} & {tuple(_words(h)) for h in titles["heads"]},
    }


@cache
def _tokenizer() -> Any:
    from briefing.extract.tokenizer import english_tokenizer

    return english_tokenizer()


def _words(text: str) -> list[str]:
    """A lexicon phrase split the way the English tokenizer splits text ("H.E.", "Governor - General")."""
    return [fold(t.text) for t in _tokenizer()(text)]


def _tok(token: Any) -> str:
    return fold(token.text)


_INDEX: dict[int, tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]] = {}


def _index(seqs: list[tuple[str, ...]]) -> tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]:
    """Sequences by their first and by their last word (longest first), built once per lexicon list."""
    key = id(seqs)
    found = _INDEX.get(key)
    if found is None:
        first: dict[str, list[tuple[str, ...]]] = {}
        last: dict[str, list[tuple[str, ...]]] = {}
        for seq in sorted(seqs, key=len, reverse=True):
            normed = tuple(_norm(w) for w in seq)
            first.setdefault(normed[0], []).append(normed)
            last.setdefault(normed[-1], []).append(normed)
        found = _INDEX[key] = (first, last)
    return found


def _norms(tokens: Any) -> list[str]:
    """The folded form of every token of a Doc, computed once per Doc (or of a list of tokens)."""
    user_data = getattr(tokens, "user_data", None)
    if user_data is None:
        return [_tok_norm(t) for t in tokens]
    norms = user_data.get("bb_norms")
    if norms is None:
        norms = user_data["bb_norms"] = [_norm_text(text) for text in token_texts(tokens)]
    return norms


def _match_seq(tokens: Any, i: int, seqs: list[tuple[str, ...]]) -> int:
    """Length of the longest sequence in ``seqs`` starting at tokens[i] (0 if none)."""
    if i >= len(tokens):
        return 0
    norms = _norms(tokens)
    for seq in _index(seqs)[0].get(norms[i], ()):
        n = len(seq)
        if i + n <= len(norms) and all(norms[i + k] == seq[k] for k in range(1, n)):
            return n
    return 0


def _norm(word: str) -> str:
    return word.rstrip(".").replace("’", "'")


@lru_cache(maxsize=65536)
def _norm_text(text: str) -> str:
    word = _norm(fold(text))
    return _title_spelling(word) if text[:1].isupper() and len(word) >= 6 else word


def _title_spelling(word: str) -> str:
    """A title word as the lexicon spells it when the source mistyped it by one letter ("Prime Minster",
    "Foriegn Minister", "Presdient"): the title still reads as one, and is not taken for part of a name."""
    known, by_start_and_length = _title_spellings()
    if word in known:
        return word
    near = [s for s in by_start_and_length.get((word[0], len(word)), ()) if _one_edit(word, s)]
    return near[0] if len(near) == 1 else word


@cache
def _title_spellings() -> tuple[frozenset[str], dict[tuple[str, int], tuple[str, ...]]]:
    """The title words of six letters or more, by first letter and each length they are one edit from."""
    lex, titles = _lexicon(), rules("titles.json")
    portfolio = {fold(w) for w in titles.get("portfolio_words", [])}
    words = {w for seq in [*lex["heads"], *lex["leaders"]] for w in seq}  # not the styles: "Marshall" is a name
    words |= lex["office_nouns"] | {w for w in portfolio if len(w) >= 7}
    known = words | portfolio | lex["prefix_words"] | lex["modifiers"]  # "Export" is no "Exports" mistyped
    out: dict[tuple[str, int], set[str]] = {}
    for w in (w for w in words if len(w) >= 6 and w.isalpha()):
        for n in (len(w) - 1, len(w), len(w) + 1):
            out.setdefault((w[0], n), set()).add(w)
    return frozenset(known), {k: tuple(sorted(v)) for k, v in out.items()}


def _one_edit(a: str, b: str) -> bool:
    """One letter dropped, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:]
    return (a[i + 1:] == b[i:]) if len(a) > len(b) else (a[i:] == b[i + 1:])


def _tok_norm(token: Any) -> str:
    return _norm_text(token.text)


def _match_seq_ending(tokens: Any, j: int, seqs: list[tuple[str, ...]]) -> int:
    """Length of the longest sequence in ``seqs`` ending at tokens[j] (inclusive)."""
    if j < 0:
        return 0
    norms = _norms(tokens)
    for seq in _index(seqs)[1].get(norms[j], ()):
        n = len(seq)
        i = j - n + 1
        if i >= 0 and all(norms[i + k] == seq[k] for k in range(n - 1)):
            return n
    return 0


def _is_name_token(token: Any) -> bool:
    """Whether the token can be part of a name: decided once per token of a Doc (the rules ask of the same
    words many times, and each asking built Tokens for the neighbours too)."""
    doc = token.doc
    memo = doc.user_data.get("bb_is_name")
    if memo is None:
        memo = doc.user_data["bb_is_name"] = {}
    i = token.i
    found = memo.get(i)
    if found is None:
        found = memo[i] = _name_token_test(token)
    return found


def _is_name_at(doc: Any, i: int) -> bool:
    """``_is_name_token(doc[i])``, with no Token built when the answer is known."""
    user_data = getattr(doc, "user_data", None)
    if user_data is None:
        return _is_name_token(doc[i])
    memo = user_data.get("bb_is_name")
    if memo is None:
        memo = user_data["bb_is_name"] = {}
    found = memo.get(i)
    if found is None:
        found = memo[i] = _name_token_test(doc[i])
    return found


def _name_token_test(token: Any) -> bool:
    low = token.lower_
    if low in PARTICLES:
        return True
    if token.text in {"-", "'", "’"}:  # inside a name: "Ramos-Horta", "Sing'oei", "Kim Dae-jung"
        doc = token.doc
        return (token.i > 0 and not doc[token.i - 1].whitespace_ and token.whitespace_ == ""
                and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isalpha()
                and (NAME_TOKEN.match(doc[token.i - 1].text) is not None or doc[token.i - 1].lower_ in PARTICLES))
    if token.is_punct:
        return False
    if _joined_part(token):
        return True
    return bool(NAME_TOKEN.match(token.text)) and not token.like_num


def _words_between(tokens: Any, start: int, end: int) -> int:
    """Name words in tokens[start:end], the hyphens and apostrophes between parts not counted."""
    return sum(1 for i in range(start, end) if tokens[i].text not in {"-", "'", "’"})


def _joined_part(token: Any) -> bool:
    """The lower-case part after a hyphen inside a name: "myung" in "Lee Jae-myung"."""
    doc = token.doc
    i = token.i
    return (i >= 2 and token.text.isalpha() and doc[i - 1].text in {"-", "'", "’"} and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_ and NAME_TOKEN.match(doc[i - 2].text) is not None)


# ---------------------------------------------------------------------------- candidate mentions

def _candidate_spans(doc: Any, country_tokens: set[int]) -> list[tuple[int, int]]:
    lex = _lexicon()
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not _names_country(ent.text.removesuffix("'s").removesuffix("’s")):
            spans.append((ent.start, ent.end))  # not "Sri Lanka's", which the model may take for a person
    tokens = doc
    n = len(tokens)
    norms = _norms(tokens)
    # Only a word that begins an honorific or a title can begin a candidate: the rest are passed by as strings.
    openers = _index(lex["prefixes"])[0].keys() | _index(lex["heads"])[0].keys()
    i = 0
    while i < n:
        if norms[i] not in openers:
            i += 1
            continue
        k = _match_seq(tokens, i, lex["prefixes"]) or _match_seq(tokens, i, lex["heads"])
        if k and tokens[i].text[:1].isupper() or (k and tokens[i].lower_ in {"the"}):
            j = i + k
            if _match_seq(tokens, i, lex["heads"]) == k:
                j = _title_tail(tokens, j, country_tokens)  # "Minister of Foreign Affairs Jan Lipavský"
                if j < n and tokens[j].text in ROMAN:
                    j += 1  # "Minister of Foreign Affairs II": the second holder of a portfolio, not a name
                if j + 2 < n and tokens[j].lower_ in {"to", "in"} and (cm := _country_mention(doc, j + 1)) is not None \
                        and cm.end < n and _is_name_at(tokens, cm.end) and tokens[cm.end].text[:1].isupper():
                    j = cm.end  # "the Korean Ambassador to Peru Park Min-jae": the name after the country served
            # further honorifics / titles ("H.E. Dr.", "Prime Minister Datuk Seri")
            while j < n:
                if _bracketed_style(tokens, j):
                    j += 3  # "Maj. Gen. (Rtd) Umar Farooq Burki"
                    continue
                more = _match_seq(tokens, j, lex["prefixes"])
                if not more or not tokens[j].text[:1].isupper():
                    break
                j += more
            s = j
            while j < n and _words_between(tokens, s, j) < MAX_NAME_WORDS and _is_name_at(tokens, j) \
                    and j not in country_tokens \
                    and not _match_seq(tokens, j, lex["heads"]):
                if tokens[j].whitespace_ == "" and j + 1 < n and tokens[j + 1].text in {",", ";"}:
                    j += 1
                    break
                j += 1
            while j > s and tokens[j - 1].lower_ in PARTICLES - {"jr.", "jr", "ii", "iii", "iv", "vi", "vii", "viii"}:
                j -= 1
            if j > s and not _style_of_a_place(tokens, i, s, j):
                spans.append((s, j))
            i = max(i + 1, s)
            continue
        i += 1
    spans += _appositive_candidates(tokens, country_tokens)
    spans += _dictionary_candidates(doc, country_tokens)
    spans += [(i, i + 1) for i in _leader_surnames(doc, frozenset(country_tokens))]
    spans += _short_given_name_candidates(doc, country_tokens)
    spans += _parse_candidates(doc, country_tokens)
    spans += _conjoined_candidates(doc, spans, country_tokens)
    # "Chinh suggested ...", "Lee commended ...": a bare name that speaks, when the model calls it a person
    # or when it speaks more than once ("Malacañang said" once is a palace)
    texts = token_texts(doc)
    pos, deps = _pos_dep(doc)
    named = (i for i, text in enumerate(texts) if NAME_TOKEN.match(text) and not text.isupper()
             and i not in country_tokens and deps[i] == "nsubj" and pos[i] == "PROPN")  # string tests first: a Token only for a word that could be a name
    speakers = [t for t in (tokens[i] for i in named) if t.dep_ == "nsubj" and t.pos_ == "PROPN"
                and t.head.lemma_ in SPEECH_VERBS and not any(c.dep_ in {"det", "compound"} for c in t.children)]
    counts = Counter(t.text for t in speakers)
    spans += [(t.i, t.i + 1) for t in speakers if t.ent_type_ == "PERSON" or counts[t.text] >= 2]
    lowers = token_lowers(doc)
    for i in range(n - 1):  # "his Vietnamese counterpart, Bui Thanh Son"
        if lowers[i] in COUNTERPART_WORDS:
            s = i + 1
            if lowers[s] in {"from", "of"} and s + 1 < n and (cm := _country_mention(doc, s + 1)) is not None:
                s = cm.end  # "his counterpart from Tanzania, X"
            s += s < n and tokens[s].text == ","
            j = s
            while j < n and j - s < 5 and _is_name_at(tokens, j) and j not in country_tokens:
                j += 1
            if j - s >= 2:
                spans.append((s, j))
    return spans


def _pos_dep(doc: Any) -> tuple[list[str], list[str]]:
    """Every token's coarse part of speech and dependency label, read once per Doc from its arrays."""
    found = doc.user_data.get("bb_pos_dep")
    if found is None:
        from spacy.attrs import DEP, POS

        strings = doc.vocab.strings
        array = doc.to_array([POS, DEP]).tolist()
        found = doc.user_data["bb_pos_dep"] = ([strings[p] for p, _ in array], [strings[d] for _, d in array])
    return found


def _short_given_name_candidates(doc: Any, country_tokens: set[int]) -> list[tuple[int, int]]:
    """A name that begins with a given name written short ("Ma. Cristina Roque", "Mohd. Hasan"), which the
    model seldom reads as a person: the short form and the name words after it."""
    short = _lexicon()["short_given"]
    out = []
    for i in (i for i, text in enumerate(token_texts(doc)) if text in short):
        j = i + 1
        while j < len(doc) and j - i <= 5 and _is_name_at(doc, j) and j not in country_tokens \
                and not _match_seq(doc, j, _lexicon()["heads"]):
            j += 1
        if j - i >= 2:
            out.append((i, j))
    return out


def _bracketed_given_names(doc: Any, country_by_token: dict[int, Any]) -> list[tuple[int, int]]:
    """A given name a writer put in brackets after a title, as translated Latin American copy does: "President
    (Alberto) Fernández", "Foreign Minister (Santiago) Cafiero"."""
    lex = _lexicon()
    out = []
    for i in (i for i, text in enumerate(token_texts(doc)) if text == "("):
        if i == 0 or not (_match_seq_ending(doc, i - 1, lex["heads"]) or _match_seq_ending(doc, i - 1, lex["prefixes"])):
            continue
        k = i + 1
        while k < len(doc) and k - i <= 3 and _is_name_at(doc, k) and (
                k not in country_by_token or country_by_token[k].kind == "capital"):  # "(Santiago) Cafiero"
            k += 1
        if k == i + 1 or k >= len(doc) or doc[k].text != ")" or _match_seq(doc, i + 1, lex["prefixes"]) == k - i - 1:
            continue  # "Maj. Gen. (Rtd) Umar Farooq Burki": a style in brackets, no given name
        j = k + 1
        while j < len(doc) and j - k <= 3 and _is_name_at(doc, j) and j not in country_by_token \
                and not _match_seq(doc, j, lex["heads"]):
            j += 1
        if j > k + 1:
            out.append((i, j))
    return out


def _dictionary_candidates(doc: Any, country_tokens: set[int]) -> list[tuple[int, int]]:
    """Runs of name words that are, whole, a name the actor dictionary knows, which the model missed or took
    for an organisation: "ABE Shinzo met ...", "Presidents Luiz Inácio Lula da Silva and Santiago Peña". The
    run must be the name and nothing more ("Mohammed bin Zayed University" is a university)."""
    known = actor_index().by_words
    texts = token_texts(doc)
    spaces = [" " if space else "" for space in doc.to_array("SPACY").tolist()]  # each token's whitespace_
    n = len(doc)
    out = []
    i = 0
    while i < n:
        if not texts[i][:1].isupper() or i in country_tokens:
            i += 1
            continue
        j = i
        while j < n and j not in country_tokens and _is_name_at(doc, j) and (j == i or "\n" not in spaces[j - 1]):
            j += 1
        for s in range(i, min(i + 3, j - 1)):  # a title or style before the name ("Presidents") is left out
            words = name_words("".join(texts[k] + spaces[k] for k in range(s, j - 1)) + texts[j - 1])  # doc[s:j].text
            if len(words) >= 2 and frozenset(words) in known:
                out.append((s, j))
                break
        i = max(j, i + 1)
    return out


SURNAME_FIRST = frozenset({"CN", "KR", "KP", "TW", "SG", "HK", "MO"})  # a leader's short name is the first word
LEADER_ROLES = frozenset({"hos", "hog", "fm"})
LEADER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "pobj", "poss", "appos"})


def _leader_surnames(doc: Any, country_tokens: frozenset[int]) -> dict[int, str]:
    """Bare surnames of leaders ("Putin and Obama met", "Modi hosted Albanese"): a capitalised proper noun the
    parse sets as a subject, object or conjunct that the actor dictionary knows as the surname of exactly one
    head of state, head of government or foreign minister in office on the source's date (with no date: of
    one such person ever, who then gets a country but no office). Token -> the dictionary's name for him; kept
    on the Doc as plain pairs (a Doc's user data travels between processes)."""
    kept = doc.user_data.get("bb_leader_surnames")
    if kept is not None:
        return dict(kept)
    found: dict[int, str] = {}
    date = doc._.pub_date if doc.has_extension("pub_date") else None
    by_word = actor_index().by_word
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if len(text) < 2 or not text[:1].isupper() or text.isupper() or i in country_tokens or not text.isalpha():
            continue
        words = name_words(text)
        if len(words) != 1 or words[0] not in by_word:
            continue
        t = doc[i]
        if t.pos_ != "PROPN" or t.dep_ not in LEADER_DEPS or t.ent_type_ in {"DATE", "GPE", "LOC", "FAC"}:
            continue
        if i + 1 < len(doc) and texts[i + 1][:1].isupper() or i > 0 and texts[i - 1][:1].isupper() and not t.is_sent_start:
            continue  # part of a longer name or of a title: those are read elsewhere
        holders = [a for a in by_word[words[0]] if set(a.roles) & LEADER_ROLES and _surname_of(a, words[0])
                   and (a.in_office(date) if date else True)]
        if len({a.name for a in holders}) == 1 and len({a.country for a in holders}) == 1:
            found[i] = holders[0].name
    doc.user_data["bb_leader_surnames"] = [[i, name] for i, name in found.items()]
    return found


def _surname_of(actor: Actor, word: str) -> bool:
    """The word is the surname in one of the actor's written forms: the last word, or the first where the
    country writes the surname first ("Xi" of "Xi Jinping")."""
    for form in (actor.name, *actor.aliases):
        words = name_words(form)
        if words and (words[-1] == word or actor.country in SURNAME_FIRST and words[0] == word):
            return True
    return False


def _country_mention(doc: Any, i: int) -> Any:
    """The country mention that begins at token i, if any."""
    return next((cm for cm in doc._.bb_countries or [] if cm.start == i), None)


TAIL_CONNECTORS = {"of", "for", "and", "the", "&"}
# "his Colombian homologue, X" (copy translated from Spanish or French) is "his Colombian counterpart, X"
COUNTERPART_WORDS = {"counterpart", "counterparts", "homologue", "homologues", "homolog", "homologs"}
NAME_DEPS = {"compound", "flat", "flat:name"}


def _is_title_noun(token: Any) -> bool:
    """A title's head word in the parse ("Minister", "chairman", "counterpart", "ministers")."""
    lex = _lexicon()
    word = fold(token.text)
    return token.pos_ in {"NOUN", "PROPN"} and (word in lex["head_words"] or word.rstrip("s") in lex["head_words"]
                                                 or word in lex["role_nouns"])


def _name_span(doc: Any, t: Any, country_tokens: set[int]) -> tuple[int, int] | None:
    """The name a proper noun heads: it and the name words joined to it ("Ana" + "Ruiz", "Fritz Alphonse" + "Jean",
    the hyphen of "Kamau-Otieno", which the parse hangs on the name as punctuation)."""
    start, end = t.i, t.i + 1
    while start - 1 >= 0 and (doc[start - 1].dep_ in NAME_DEPS or doc[start - 1].text in {"-", "'", "’"}) \
            and doc[start - 1].head.i in range(start, end + 8) \
            and _is_name_at(doc, start - 1) and start - 1 not in country_tokens and end - start < 8:
        start -= 1
    while end < len(doc) and doc[end].dep_ in NAME_DEPS and doc[end].head.i in range(start, end) \
            and _is_name_at(doc, end) and end not in country_tokens and end - start < 8:
        end += 1
    if end - start < 2 or not all(_is_name_at(doc, i) for i in range(start, end)):
        return None
    return start, end


def _parse_candidates(doc: Any, country_tokens: set[int]) -> list[tuple[int, int]]:
    """Names the model's entities missed that the parse ties to a title: "Ana Ruiz, Peru's Foreign Minister",
    "the council's chairman, Fritz Alphonse Jean"."""
    out = []
    pos, deps = _pos_dep(doc)
    for i in (i for i, text in enumerate(token_texts(doc)) if text[:1].isupper() and i not in country_tokens
              and pos[i] == "PROPN" and deps[i] not in NAME_DEPS):  # array tests first: a Token only for these
        t = doc[i]
        if t.pos_ != "PROPN" or t.dep_ in NAME_DEPS:
            continue
        titled = any(c.dep_ == "appos" and _is_title_noun(c) and c.i not in country_tokens for c in t.children) or (
            t.dep_ == "appos" and _is_title_noun(t.head) and t.head.i not in country_tokens)  # "San Francisco, United States"
        if titled and (span := _name_span(doc, t, country_tokens)):
            out.append(span)
    return out


def _conjoined_candidates(doc: Any, spans: list[tuple[int, int]], country_tokens: set[int]) -> list[tuple[int, int]]:
    """Names joined by "and" or commas to a name already found: "accompanied by A, B and C",
    "Foreign ministers Mara Linde and Oskar Brandt"."""
    out: list[tuple[int, int]] = []
    todo = list(spans)
    seen = set(spans)
    while todo and len(out) < 40:
        s, e = todo.pop()
        for t in doc[s:e]:
            for c in t.children:
                if c.dep_ != "conj" or c.pos_ != "PROPN" or c.i in country_tokens or not c.text[:1].isupper():
                    continue
                span = _name_span(doc, c, country_tokens)
                if span and span not in seen:
                    seen.add(span)
                    out.append(span)
                    todo.append(span)
    return out


def _title_tail(tokens: Any, j: int, country_tokens: set[int]) -> int:
    """Where the words after a title's head that still belong to it end ("of the National Assembly",
    "for Foreign Affairs, Migration and Tunisians Abroad"): portfolio words (titles.json), countries and
    connectors. ``j`` itself when no such words, or when no capitalised word (a name) follows them."""
    if j >= len(tokens) or tokens[j].lower_ not in {"of", "for"}:
        return j
    portfolio = _lexicon()["portfolio"]
    n = len(tokens)
    k = j
    def in_title(k: int) -> bool:
        t = tokens[k]
        if t.lower_ in TAIL_CONNECTORS or k in country_tokens or t.text in {"'s", "’s"}:
            return True
        if t.text == ",":  # "Foreign Affairs, Migration and ..."
            return k + 1 < n and fold(tokens[k + 1].text) in portfolio and tokens[k + 1].text[:1].isupper()
        return t.text[:1].isupper() and fold(t.text) in portfolio

    while k < n and in_title(k):
        k += 1
    while k > j and (tokens[k - 1].lower_ in TAIL_CONNECTORS or tokens[k - 1].text == ","):
        k -= 1
    serving = tokens[k].lower_ in {"to", "in"} and k + 1 in country_tokens if k < n else False
    if k == j or k >= n or not (tokens[k].text[:1].isupper() or serving) or "\n" in tokens[k - 1].whitespace_:
        return j  # (the country served may come next: "Ambassador of Chile to Thailand Pablo Cabrera")
    if k + 3 < n and tokens[k + 1].text == "," and k not in country_tokens \
            and _match_seq(tokens, k + 2, _lexicon()["prefixes"]) and not _match_seq(tokens, k + 2, _lexicon()["heads"]):
        return k + 1  # "Vice President for the Economic Cluster, Dr B": one word before a styled apposition ends it
    return k


def _appositive_candidates(tokens: list[Any], country_tokens: set[int]) -> list[tuple[int, int]]:
    """Names after a title and a comma: "the Minister of Foreign Affairs of Norway, Espen Barth Eide"."""
    lex = _lexicon()
    out = []
    n = len(tokens)
    texts, lowers = token_texts(tokens), token_lowers(tokens)  # the strings without a Token per test
    for c in (c for c, low in enumerate(lowers) if low == ","):
        j = c - 1
        has_head = False
        while j >= 0 and c - j <= 16 and (texts[j][:1].isupper() or lowers[j] in CONNECTORS
                                          or texts[j] == ","):
            if texts[j][:1].isupper() and _match_seq(tokens, j, lex["heads"]):
                has_head = True
            j -= 1
        if not has_head:
            continue
        k = c + 1
        honorific = False
        while k < n:
            more = _match_seq(tokens, k, lex["prefixes"])
            if more and (texts[k][:1].isupper() or lowers[k] == "the"):
                k += more
                honorific = True
            elif lowers[k] == "the" and k + 1 < n and _match_seq(tokens, k + 1, lex["prefixes"]):
                k += 1
            else:
                break
        s = k
        while k < n and k - s < 5 and _is_name_at(tokens, k) and k not in country_tokens \
                and not _match_seq(tokens, k, lex["heads"]):
            k += 1
        if k - s >= 2 or (honorific and k - s == 1):
            out.append((s, k))
    return out


def _after_credit_cue(doc: Any, start_char: int) -> bool:
    """The name follows a byline or credit at the start of its line ("By Daniel Okafor", "Photo: ..."), or a
    letter's greeting ("Dear Anna,", "Salut Andrei,")."""
    text = doc_text(doc)
    line = text[text.rfind("\n", 0, start_char) + 1:start_char].strip().lstrip("*•·-–—(| ").casefold()
    if not line:
        return False
    lex = _lexicon()
    return line in lex["credit_cues"] or any(line == cue or line.endswith((" " + cue, "/" + cue))
                                             for cue in lex["inline_credit_cues"])


def _style_of_a_place(tokens: Any, i: int, s: int, j: int) -> bool:
    """A style that is part of a place's name, not a person's: "Sri Lanka('s)", and a styled name after "the"
    with no title ("the Sri Dalada Maligawa", "the Sheikh Zayed Grand Mosque")."""
    if _names_country(tokens[i:j].text):
        return True
    lex = _lexicon()
    return i > 0 and tokens[i - 1].lower_ == "the" and s == i + _match_seq(tokens, i, lex["prefixes"]) \
        and not _match_seq(tokens, i, lex["heads"])


def _names_country(word: str) -> bool:
    """The word is a country's name or demonym (the model may have taken it into a person's name)."""
    from briefing.extract.countries import code_of

    return code_of(word) is not None


def _headline_word(text: str) -> bool:
    """A word a Title Case (or capitals) headline writes after a name or a title: "Visits", "Receives", "From"."""
    words = _lexicon()["headline_words"]
    return text in words or (len(text) > 1 and text.isupper() and text.title() in words)


def _glued(text: str) -> bool:
    """A token the tokenizer left glued to a dateline or a bracket: "TR):Foreign", "Press)--Japanese"."""
    return len(text) > 1 and any(c in text[:-1] for c in ")]:") or "--" in text


def _after_dateline(token: Any) -> bool:
    """A word in capitals after a dateline in capitals on its line: the agency's name ("ASTANA. KAZINFORM Foreign
    Minister X", "MUSCAT (ONA) ..."), no part of the title after it."""
    if not (token.is_upper and token.is_alpha and len(token.text) >= 3):
        return False
    doc, k, seen = token.doc, token.i - 1, False
    while k >= 0 and "\n" not in doc[k].whitespace_ and not doc[k].is_space:
        if not (doc[k].is_upper or doc[k].is_punct or doc[k].is_digit):
            return False
        seen = seen or doc[k].is_upper
        k -= 1
    return seen


def _mid_name_style(word: str) -> bool:
    """A style that inside a run of capitalised words marks where a name begins ("Sheikh", "Dr.", "H.E."), unlike
    one that may stand inside a name ("Tun" in "Najib Tun Razak")."""
    folded = fold(word)
    if re.fullmatch(r"[A-Z]\.", word):
        return False  # an initial inside a name ("Yusuf M. Tuggar"), not "M." for Monsieur
    return folded in _lexicon()["keep_if_single"] or word.endswith(".") or folded in {"mr", "mrs", "ms", "dr", "sayyid"}


def _greeting(doc: Any, start_char: int, end_char: int) -> bool:
    """The model took a letter's greeting into the name: "Salut Andrei," opening a forwarded e-mail."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, start_char) + 1
    if text[line_start:start_char].strip():
        return False
    return text[line_start:end_char].casefold().startswith(_lexicon()["greetings"])


def _surname_first_alias(name: str) -> str | None:
    """ "TANAKA Hiroshi" also written "Hiroshi Tanaka": a surname in capitals moved last and capitalised."""
    words = name.split()
    caps = [w for w in words if len(w) > 1 and w.isupper() and w.replace("-", "").isalpha()]
    if len(words) < 2 or len(caps) != 1 or len(caps) == len(words):
        return None
    rest = [w for w in words if w is not caps[0]]
    return " ".join([*rest, caps[0].title()])


def _extend_left(tokens: list[Any], s: int, taken: set[int], country_tokens: set[int]) -> int:
    """Take in given names the model left out ("Do" in "Committee Do Van Chien")."""
    lex = _lexicon()
    steps = 0
    while s > 0 and steps < 2:
        t = tokens[s - 1]
        if (s - 1) in taken or (s - 1) in country_tokens or "\n" in t.whitespace_ or not t.text[:1].isupper():
            break
        if not _is_name_token(t) or t.text in PARTICLES or fold(t.text).rstrip(".") in lex["not_names"] \
                or _names_country(t.text) or t.tag_ in {"NNS", "NNPS"}:
            break  # "(Custodian of the Two Holy) Mosques King Salman": a plural noun is no given name
        word = _norm_text(t.text)  # "Minster" too: a title word mistyped
        if _ruler_after_office(tokens, s - 1):
            s -= 1  # "(Minister of State for Foreign Affairs) Sultan (Al X)": his given name
            break
        if fold(t.text) in lex["head_words"] or word in lex["head_words"] \
                or fold(t.text[:-1]) in lex["head_words"] and t.text.endswith("s") \
                or fold(t.text) in lex["prefix_words"] or t.is_sent_start \
                or fold(t.text) in lex["portfolio"] or word in lex["portfolio"] or t.text in lex["post_modifiers"]:
            break
        s -= 1
        steps += 1
    return s


def _ruler_after_office(tokens: Any, i: int) -> bool:
    """A ruler's title right after an office is a given name: "(Minister of State for Foreign Affairs) Sultan Al
    X", "(Ambassador) Sultan Y" - no minister is a sultan ("Foreign Minister Sheikh X" keeps Sheikh a style)."""
    lex = _lexicon()
    return i > 0 and (fold(tokens[i].text),) in lex["ruler_titles"] and tokens[i - 1].text[:1].isupper() \
        and (_match_seq_ending(tokens, i - 1, lex["heads"]) > 0 or fold(tokens[i - 1].text) in lex["portfolio"])


def _bracketed_style(tokens: Any, i: int) -> bool:
    """Tokens i..i+2 are a one-word style in brackets: "(Rtd)", "(Retd)"."""
    return i >= 0 and i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")" \
        and _match_seq(tokens, i + 1, _lexicon()["prefixes"]) == 1


def _after_place_prep(lowers: list[str], i: int, country_tokens: set[int]) -> bool:
    """Token i is part of a country named right after "to"/"in" ("Ambassador to Sri Lanka")."""
    while i > 0 and i - 1 in country_tokens:
        i -= 1
    return i > 0 and lowers[i - 1] in PLACE_PREPS


def _clean_span(doc: Any, start: int, end: int, country_tokens: set[int]) -> tuple[int, int] | None:
    """The span of the name alone: honorifics, titles, post-nominals and possessives cut off."""
    lex = _lexicon()
    tokens = doc
    texts, lowers = token_texts(doc), token_lowers(doc)  # the strings without a Token per test
    for back in (1, 2, 3):
        if start - back >= 0 and (_match_seq(tokens, start - back, lex["prefixes"]) > back
                                  or _match_seq(tokens, start - back, lex["heads"]) > back):
            start -= back  # the model's "Seri Utama Zafrul" of "Datuk Seri Utama Zafrul", "Councillor Wang Yi" of
            break  # "State Councillor Wang Yi": the honorific or title is cut below
    if start > 0 and texts[start] in lex["given_name_links"] and texts[start].islower() \
            and texts[start - 1][:1].isupper() and (start - 1) not in country_tokens and _is_name_token(tokens[start - 1]):
        start -= 1  # "(HE) Sultan bin Saad Al X": a name begins with a given name, never with "bin"
    while end + 1 < len(doc) and texts[end] == "-" and _is_name_at(doc, end) and _joined_part(doc[end + 1]):
        end += 2  # the model's "Kim Dae" of "Kim Dae-jung"
    while end - start > 1 and start > 0 and fold(texts[start]) in lex["portfolio"] \
            and not _match_seq(tokens, start, lex["heads"]) and (
            lowers[start - 1] in TAIL_CONNECTORS or fold(texts[start - 1]) in lex["portfolio"]):
        start += 1  # the end of a title the model took in: "(Minister of) Transport Martin Kupka"
    if start > 0 and (texts[start - 1] in {",", "&"} or lowers[start - 1] == "and") \
            and all(fold(texts[k]) in lex["portfolio"] for k in range(start, end)):
        return None  # "Minister of External Affairs, International Trade, Civil Aviation and ...": a portfolio
    for i in range(start + 1, end - 1):
        k = _match_seq(tokens, i, lex["prefixes"])
        if k and i + k < end and texts[i][:1].isupper() and _mid_name_style(texts[i]) \
                and texts[i - 1] not in lex["given_name_links"]:  # "bin Sultan": a father's name, no style
            start = i  # "(Minister of) Amiri Diwan Sheikh Mohammad ...": the name begins at its style
            break
    changed = True
    while changed and start < end:
        changed = False
        if texts[start] in ROMAN and end - start > 1:
            start += 1  # "(Minister of Foreign Affairs) II Yang Berhormat ...": the portfolio's number
            changed = True
            continue
        if (lowers[start] in {"the", "a", "an", "his", "her", "their"}
                or _norm_text(texts[start]) in lex["analysts"]) and end - start > 1:
            start += 1
            changed = True
            continue
        given = start + 1 < end and texts[start + 1] in lex["given_name_links"] \
            or end - start > 1 and _ruler_after_office(tokens, start)
        k = _match_seq(tokens, start, lex["prefixes"])
        if k and end - start - k >= 1:
            rest = end - start - k
            if (rest == 1 or k == 1 and given) and fold(texts[start]) in lex["keep_if_single"]:
                break
            start += k
            changed = True
            continue
        k = _match_seq(tokens, start, lex["heads"])
        if k == 1 and (start > 0 and _match_seq_ending(tokens, start - 1, lex["heads"]) or given) \
                and _match_seq_ending(tokens, start, lex["heads"]) == 1:
            break  # a title's word right after a title is a given name: "Foreign Minister Amir Muttaqi", "Amir Khan X"
        if k and end - start - k >= 1:
            start += k
            changed = True
            continue
        hyphen = texts[start] in {"-", "–"} and start + 1 < end
        if texts[start + hyphen] in lex["post_modifiers"] and start > 0 \
                and _match_seq_ending(tokens, start - 1, lex["heads"]):
            start += 1 + hyphen  # "High Commissioner Designate (of Canada)", "Ambassador-Designate": the office's word
            changed = True
            continue
        if texts[start][-1:] == "s" and end - start > 1 and texts[start][:1].isupper() \
                and fold(texts[start][:-1]) in lex["head_words"]:
            start += 1  # a plural title: "Presidents Lula da Silva and Peña"
            changed = True
            continue
        if lowers[start] in lex["modifiers"] and end - start > 1 and _match_seq(tokens, start + 1, lex["heads"]):
            start += 1
            changed = True
            continue
        if start in country_tokens and end - start > 1 and (tokens[start].ent_type_ in {"NORP", "GPE"}
                                                              or _after_place_prep(lowers, start, country_tokens)):
            start += 1  # ("to Sri Lanka Yury Materiy": the model ran the country served into the name)
            changed = True
            continue
        if end - start > 2 and start > 0 and lowers[start - 1] in PLACE_PREPS | {"of"} \
                and _names_country(texts[start]):
            start += 1  # "Chinese Ambassador to Vietnam Ha Vi": the country served is no part of the name
            changed = True
    while end - start > 1 and (tokens[start].pos_ in NOT_TITLE_POS or tokens[start].tag_ in {"VBG", "VBD", "VBN"}) \
            and lowers[start] not in PARTICLES:
        start += 1  # "Joining Marcos were ...": the sentence's first word is no given name
    inner = [i for i in range(start + 1, end) if i in country_tokens]
    if inner:
        end = inner[0]  # "Lam Khanh HA NOI": the dateline's city is no part of the name before it
    cut = next((i for i in range(start, end) if _headline_word(texts[i])
                and (i > start or not tokens[i].is_stop)), None)  # "To Lam" begins with a name, not a preposition
    if cut is not None:
        end = cut  # a headline's verb and what follows: "Pham Minh Chinh Visits", "Receives Phone Call From"
    while end > start and (texts[end - 1] in {"'s", "’s", "'", ",", ".", ";", ":", "-"}
                           or texts[end - 1].rstrip(".") in lex["post"] and end - start > 1):
        end -= 1
    while end > start and tokens[start].is_punct:
        start += 1
    if end <= start:
        return None
    words = [t for t in tokens[start:end]]
    if any(t.like_num or t.is_digit for t in words):
        return None
    if not words[0].text[:1].isupper():
        return None
    if _words_between(tokens, start, end) > MAX_NAME_WORDS:
        return None
    if all(fold(t.text) in lex["prefix_words"] or fold(t.text) in lex["head_words"] for t in words):
        return None
    if start > 0 and lowers[start - 1] == "the" and not (start >= 2 and _match_seq_ending(tokens, start - 2, lex["prefixes"])):
        return None  # "the Padang Besar rail upgrade", "the Teesta": a place or a thing
    if all(t.i in country_tokens for t in words) or _names_country(doc[start:end].text):
        return None  # "the King of Bahrain": a country the model took for a person
    if any(fold(t.text).rstrip(".") in lex["not_names"] for t in words):
        return None
    if fold(words[-1].text) in lex["office_nouns"]:
        head = next((k for k in range(start + 2, end) if _match_seq(tokens, k, lex["heads"]) >= end - k), None)
        if head is None or not (start > 0 and _match_seq_ending(tokens, start - 1, lex["prefixes"])):
            return None  # "Amiri Diwan Undersecretary": an office, not a name
        return _clean_span(doc, start, head, country_tokens)  # "Hon. X Y Minister (of State ...)": the name before it
    if end < len(doc) and _match_seq(tokens, start, lex["heads"]) > end - start:
        return None  # "Foriegn" of "Foriegn Minister": the first words of a title the model took for a name
    if end < len(doc) and _match_seq(tokens, end, lex["prefixes"]) and _mid_name_style(texts[end]) \
            and any(lowers[k] in {"of", "for"} for k in range(max(0, start - 2), start)):
        return None  # "Minister of Amiri Diwan Sheikh X": the ministry's name before the minister's style
    after_honorific = start > 0 and _match_seq_ending(tokens, start - 1, lex["prefixes"]) > 0
    if len(words) == 1 and (words[0].is_upper and len(words[0].text) > 1
                            or len(words[0].text) < (2 if after_honorific else 3)) \
            and start not in _leader_surnames(doc, frozenset(country_tokens)):  # "Xi" is a leader the dictionary knows
        return None
    if not all(_is_name_token(t) for t in words):
        return None
    return start, end


# ---------------------------------------------------------------------------- titles and countries around a mention

def _country_at(country_by_token: dict[int, Any], i: int) -> str | None:
    m = country_by_token.get(i)
    return m.code if m else None


def _left_title(doc: Any, start: int, sent_start: int, person_tokens: set[int], country_by_token: dict[int, Any]
                ) -> tuple[str | None, str | None, bool, int]:
    """(title, country, counterpart?, title start token) from the words before the name."""
    lex = _lexicon()
    tokens = doc
    j = start - 1
    prefix_title = None
    # honorifics directly before the name ("H.E. Dr.", "His Majesty King")
    while j >= sent_start:
        if j - 2 >= sent_start and _bracketed_style(tokens, j - 2):
            j -= 3  # "Maj. Gen. (Rtd)": a style in brackets
            continue
        k = _match_seq_ending(tokens, j, lex["prefixes"])
        if k and _match_seq_ending(tokens, j, lex["heads"]) > k:
            break  # "Governor General Her Excellency X": the rank "General" ends the office here
        if not k:
            if tokens[j].lower_ in {"the"} and j - 1 >= sent_start and _match_seq_ending(tokens, j - 1, lex["prefixes"]):
                j -= 1
                continue
            break
        seq = tuple(_tok_norm(t) for t in tokens[j - k + 1:j + 1])
        if seq in {tuple(_norm(w) for w in h) for h in lex["title_heads_as_prefix"]} and prefix_title is None:
            prefix_title = " ".join(t.text for t in tokens[j - k + 1:j + 1])
        j -= k
    title_start = j + 1
    if j - 1 >= sent_start and tokens[j].text == "," and tokens[j - 1].lower_ in COUNTERPART_WORDS:
        j -= 1  # "his Tanzanian counterpart, Samia Suluhu Hassan"
    cm = country_by_token.get(j - (j >= sent_start and tokens[j].text == ","))
    if cm is not None and cm.start - 2 >= sent_start and tokens[cm.start - 1].lower_ in {"from", "of"} \
            and tokens[cm.start - 2].lower_ in COUNTERPART_WORDS:
        return None, cm.code, True, cm.start - 2  # "his counterpart from Tanzania, X"
    # "his Vietnamese counterpart X"
    if j >= sent_start and tokens[j].lower_ in COUNTERPART_WORDS:
        country = None
        if j - 1 >= sent_start:
            country = _country_at(country_by_token, j - 1)
        return None, country, True, j
    lower = _lowercase_title(doc, j, sent_start, country_by_token)
    if lower is not None:
        return lower
    if j >= sent_start and tokens[j].lower_ in {"and", "&"} and j + 1 == start:
        return prefix_title, None, False, title_start  # "A, Minister of X and Cooperation and B": that title is A's
    comma = False
    if j >= sent_start and tokens[j].text == ",":
        comma = True
        j -= 1
    chain: list[int] = []
    while j >= sent_start and len(chain) < 18:
        t = tokens[j]
        if j in person_tokens:
            break
        if t.is_space or "\n" in t.whitespace_ and t.text in {".", ":"}:
            break
        if t.text[:1].isupper() or t.lower_ in CONNECTORS or t.text in lex["post_modifiers"] \
                or (t.text == "," and chain and tokens[j + 1].text[:1].isupper()):
            chain.append(j)
            j -= 1
            continue
        break
    chain.reverse()
    if not chain:
        return prefix_title, None, False, title_start
    ctoks = [tokens[c] for c in chain]
    head_at = None
    for p in range(len(ctoks)):
        if _match_seq(ctoks, p, lex["heads"]) and ctoks[p].text[:1].isupper():
            head_at = p
            break
    commas = [p for p, t in enumerate(ctoks) if t.text == "," and p + 1 < len(ctoks)
              and _match_seq(ctoks, p + 1, lex["prefixes"]) and not _match_seq(ctoks, p + 1, lex["heads"])]
    if head_at is not None and commas and commas[-1] > head_at:  # a style after the comma begins a new phrase
        nearer = next((p for p in range(commas[-1] + 1, len(ctoks))
                       if _match_seq(ctoks, p, lex["heads"]) and ctoks[p].text[:1].isupper()), None)
        if nearer is not None:  # "... General Assembly (UNGA), His Excellency Ambassador X": the office next to X
            head_at = nearer
    if head_at is None:
        return prefix_title, None, False, title_start
    while head_at > 0 and (_title_word(ctoks[head_at - 1], country_by_token) or head_at > 1
                           and ctoks[head_at - 1].lower_ == "and" and _title_word(ctoks[head_at - 2], country_by_token)
                           and fold(ctoks[head_at - 2].text) in lex["portfolio"] | lex["modifiers"]):
        if _country_before(ctoks, head_at):
            break  # "United States Secretary": the country, read as one, is no part of the title
        head_at -= 1  # "External Affairs Minister", "Deputy Prime Minister", "Foreign and Expatriates Minister"
        if head_at > 1 and ctoks[head_at - 1].text in {"-", "–"} and not ctoks[head_at - 2].whitespace_ \
                and not ctoks[head_at - 1].whitespace_ and _title_word(ctoks[head_at - 2], country_by_token):
            head_at -= 2  # "Non-Resident High Commissioner": a hyphened word is one word of the title
    title_toks = ctoks[head_at:]
    if len(title_toks) >= 3 and title_toks[-2].text == "," and _match_seq(title_toks, len(title_toks) - 1, lex["heads"]):
        title_toks = title_toks[:-2]  # "Cabinet Secretary, Senator X": the style after the comma is no part of the office
    while title_toks and (title_toks[-1].lower_ in CONNECTORS - {")"} or title_toks[-1].text == ","):
        title_toks = title_toks[:-1]
    country = None
    first = chain[head_at]
    # demonym or "Kenya's" before the title
    k = first - 1
    if k >= sent_start and tokens[k].text in {"'s", "’s"}:
        k -= 1
    if k >= sent_start:
        country = _country_at(country_by_token, k)
        cm = country_by_token.get(k)
        if cm is not None and cm.start > sent_start and tokens[cm.start - 1].lower_ in PLACE_PREPS:
            country = None  # "Pakistan's envoy in Afghanistan Ambassador X": where he serves, not whose he is
    if comma and first - 2 >= sent_start and tokens[first - 1].text == "," and (first - 2) in person_tokens:
        return prefix_title, None, False, title_start  # "A, Minister of X, B": the title is A's, not B's
    title, inner = _title_text(doc, title_toks, country_by_token)
    if title and head_at > 0 and _glued(ctoks[head_at - 1].text):
        tail = re.split(r"[)\]:]|--", ctoks[head_at - 1].text)[-1]
        if fold(tail) in lex["modifiers"] or fold(tail) in lex["portfolio"]:
            title = f"{tail} {title}"  # "(GPB-GE):Foreign Minister": the title's first word, glued to the dateline
    country = country or inner
    if not comma and not title:
        return prefix_title, country, False, title_start
    return title or prefix_title, country, False, first


def _country_before(ctoks: list[Any], k: int) -> bool:
    """The one to three words before position k name a country together ("United States", "Sri Lanka")."""
    from briefing.extract.countries import code_of

    return any(code_of(" ".join(t.text for t in ctoks[x:k])) for x in range(max(0, k - 3), k - 1))


def _lowercase_title(doc: Any, j: int, sent_start: int, country_by_token: dict[int, Any]
                     ) -> tuple[str | None, str | None, bool, int] | None:
    """A title written in lower case right before the name: "ministry spokesman Anurag Srivastava",
    "Kenya's trade envoy Amina Wekesa" (the head word from titles.json, with up to three words before it)."""
    if j < sent_start or not doc[j].text.islower() or fold(doc[j].text) not in _lexicon()["head_words"] \
            or doc[j].pos_ != "NOUN" or doc[j].tag_ == "NNS":
        return None  # plurals ("foreign ministers A and B") are the plural-title rule's
    k = j
    while k - 1 >= sent_start and j - k < 3 and not doc[k - 1].is_stop and (k - 1) not in country_by_token \
            and (doc[k - 1].text.islower() and doc[k - 1].pos_ in {"NOUN", "ADJ", "PROPN"}
                 or fold(doc[k - 1].text) in _lexicon()["portfolio"]):  # "Zambian Foreign Affairs minister X"
        k -= 1
    country = None
    before = k - 1
    if before >= sent_start and doc[before].text in {"'s", "’s"}:
        before -= 1
    if before >= sent_start:
        country = _country_at(country_by_token, before)
    text = doc_text(doc)[doc[k].idx:doc[j].idx + len(doc[j].text)]
    return text, country, False, k if country is None else before


PLACE_PREPS = {"in", "to", "at", "for", "from"}  # a country after one of these is a place the title serves
NOT_TITLE_POS = {"ADP", "VERB", "AUX", "SCONJ", "CCONJ", "DET", "PRON", "ADV", "PART", "NUM", "PUNCT", "INTJ"}


def _ends_title(doc: Any, j: int) -> bool:
    """Token j ends a title read rightwards: a date after "on"/"at" ("Foreign Minister on Monday received"), a
    date itself, or a dash with spaces round it ("Chancellor of Russia – Photo: ...")."""
    t = doc[j]
    if t.text in {"–", "—", "-"} and j > 0 and doc[j - 1].whitespace_ and t.whitespace_:
        return True
    if t.ent_type_ in {"DATE", "TIME"}:
        return True
    return t.lower_ in {"on", "at", "in"} and j + 1 < len(doc) and doc[j + 1].ent_type_ in {"DATE", "TIME"}


def _title_word(token: Any, country_by_token: dict[int, Any]) -> bool:
    """A word before a title's head that is part of it ("External Affairs", "Deputy", "Senior"), not one that
    only stands beside it: "With", "Meeting", "March", "Tuesday", "the", a country."""
    lex = _lexicon()
    word = fold(token.text).rstrip(".")
    if word in lex["modifiers"] or word in lex["portfolio"] or _norm_text(token.text) in lex["portfolio"]:  # "Foriegn"
        return True
    if not token.text[:1].isupper() or token.i in country_by_token or word in lex["not_names"] or _glued(token.text) \
            or _after_dateline(token):
        return False  # "(Jiji Press)--Japanese Foreign Minister": the dateline is no part of the title
    if word in lex["prefix_words"] and word not in lex["head_words"]:
        return False  # "H.E President", "His Excellency Ambassador": a style, not the office
    return token.pos_ not in NOT_TITLE_POS and token.tag_ not in {"VBG", "VBD", "VBN", "VBZ", "VBP", "VB"}


def _title_text(doc: Any, toks: list[Any], country_by_token: dict[int, Any]) -> tuple[str | None, str | None]:
    """The title's text with a trailing "of (the) <country>" cut off, and that country (or a demonym's)."""
    if not toks:
        return None, None
    country = None
    for k, t in enumerate(toks):
        cm = country_by_token.get(t.i)
        served = cm is not None and cm.start > 0 and doc[cm.start - 1].lower_ in {"to", "for"}
        if cm and not served and (country is None or not any(x.lower_ == "to" for x in toks[:k])):
            country = cm.code  # "Ambassador of the Netherlands to Indonesia" speaks for the Netherlands
    # cut "of the Federal Democratic Republic of Ethiopia" / "of Norway"
    cut = len(toks)
    for p in range(len(toks)):
        if p + 2 < len(toks) and toks[p].lower_ == "of" and toks[p + 1].lower_ == "state" \
                and toks[p + 2].lower_ in {"of", "for"}:
            continue  # "Secretary of State of the United States", "Minister of State for ..."
        if toks[p].lower_ in {"of", "to"} and any(country_by_token.get(t.i) for t in toks[p + 1:]) and \
                all(country_by_token.get(t.i) or t.lower_ in {"the", "of", "to", "federal", "democratic", "republic", "kingdom",
                                                             "state", "people", "'s", "socialist", "islamic", "arab",
                                                             "united", "sultanate"} or t.text in {"-", "–"}
                    for t in toks[p + 1:]):
            cut = p
            break
    toks = toks[:cut]
    while len(toks) > 1 and country_by_token.get(toks[-1].i) is not None \
            and doc[country_by_token[toks[-1].i].start - 1].lower_ not in {"for", "to"}:  # "Envoy for Afghanistan"
        country = country or country_by_token[toks[-1].i].code
        toks = toks[:-1]  # "Foreign Minister Pakistan": the country, not part of the title
        while len(toks) > 1 and toks[-1].lower_ in {"of", "the", "to"}:
            toks = toks[:-1]  # "Ambassador of" once "Japan" is cut
    if len(toks) > 2 and toks[-2].lower_ == "of" and toks[-1].i not in country_by_token and toks[-1].text[:1].isupper():
        from briefing.extract.countries import code_of

        code = code_of(toks[-1].text)  # "President of Botswana X", the country inside the model's person
        if code:
            country, toks = country or code, toks[:-2]
    if not toks:
        return None, country
    text = doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return _respelled(text) or None, country


def _respelled(title: str) -> str:
    """A title with its mistyped words as the lexicon spells them ("Prime Minster" -> "Prime Minister")."""
    def fix(m: re.Match) -> str:
        word = m.group()
        right = _norm_text(word)
        if right == _norm(fold(word)) or not right.isalpha():
            return word
        return right.upper() if word.isupper() else right.capitalize()
    return re.sub(r"[A-Z][A-Za-z]{5,}", fix, title)


def _right_title(doc: Any, end: int, sent_end: int, person_tokens: set[int], country_by_token: dict[int, Any]
                 ) -> tuple[str | None, str | None, bool, int]:
    """(title, country, analyst?, end token) from an apposition after the name: "X, Minister of Foreign Affairs of ..."."""
    lex = _lexicon()
    tokens = doc
    j = end
    after_comma = False
    while j < sent_end and (tokens[j].text.rstrip(".") in lex["post"] or tokens[j].text in lex["post"]
                            or (tokens[j].text == "," and j + 1 < sent_end
                                and (tokens[j + 1].text.rstrip(".") in lex["post"] or tokens[j + 1].text in lex["post"]))):
        after_comma = after_comma or tokens[j].text == ","
        j += 1
    direct = (after_comma or j == end and tokens[j - 1].text[:1].isupper()) and j < sent_end \
        and tokens[j].text != "," and bool(_match_seq(tokens, j, lex["heads"])) and tokens[j].text[:1].isupper()
    # "X, M.P. Minister of ...": the title follows the postnominal as it would follow the comma
    while j + 2 < sent_end and tokens[j].text == "(" and tokens[j + 2].text == ")" and tokens[j + 1].text.isupper() \
            and j + 1 not in country_by_token:
        j += 3  # an honour in brackets after the name: "Yusuf Tuggar (OON), the Minister of ..."
    window = doc_text(doc)[tokens[j].idx if j < len(tokens) else len(doc_text(doc)):
                      tokens[min(sent_end, j + 14) - 1].idx + 30 if j < sent_end else len(doc_text(doc))]
    wl = fold(window)
    if j + 2 < sent_end and tokens[j].text == "(" and (cm := country_by_token.get(j + 1)) is not None \
            and cm.end < len(tokens) and tokens[cm.end].text in {")", ","}:
        return None, cm.code, False, cm.end + 1  # "Mr Goran Vujicic (Serbia)"
    k = j + (j < sent_end and tokens[j].text in {"-", "–"})
    if (k > j or tokens[end - 1].text.endswith(("-", "–"))) and (cm := country_by_token.get(k)) is not None \
            and cm.kind == "name" and (cm.end >= sent_end or tokens[cm.end].text in {",", ";", ".", "and"}):
        return None, cm.code, False, cm.end  # a list of envoys: "H.E. Simone Knapp - Austria, H.E. ..."
    analyst = bool(re.match(r"^\s*,\s*(?:a|an|the|who is an?|senior|chief|lead|head)\b", wl)) and \
        any(re.search(rf"\b{re.escape(a)}\b", wl[:90]) for a in lex["analysts"])
    if j + 1 < sent_end and tokens[j].lower_ == "of":
        k = j + 1
        if tokens[k].lower_ == "the" and k + 1 < sent_end:
            k += 1
        cm = country_by_token.get(k)
        if cm is not None and cm.kind == "name" and not (cm.end < sent_end and tokens[cm.end].text in {"'s", "’s"}):
            return None, cm.code, analyst, cm.end  # "Prime Minister Lena Holm of Sweden"
        if cm is not None and cm.kind in {"name", "demonym"}:
            org = cm.end + (cm.end < sent_end and tokens[cm.end].text in {"'s", "’s"})
            if org < sent_end and tokens[org].text[:1].isupper() and org not in country_by_token \
                    and org not in person_tokens:
                return None, cm.code, analyst, org  # "Ana Cruz of the Philippine Department of Trade", "of Chile's Senate"
    if not direct and (j >= sent_end or tokens[j].text != ","):
        return None, None, analyst, end
    j += not direct
    country = None
    if j < sent_end and tokens[j].lower_ in {"the", "a", "an"}:
        j += 1
    # "Kenya's Prime Cabinet Secretary"
    if j + 1 < sent_end and tokens[j + 1].text in {"'s", "’s"} and country_by_token.get(j):
        country = country_by_token[j].code
        j += 2
    elif j < sent_end and country_by_token.get(j) and country_by_token[j].kind == "demonym":
        country = country_by_token[j].code
        j += 1
    while j < sent_end and (k := _match_seq(tokens, j, lex["prefixes"])) and not _match_seq(tokens, j, lex["heads"]) \
            and j + k < sent_end and _match_seq(tokens, j + k, lex["heads"]):
        j += k  # "X, the Honourable Minister of Foreign Affairs": the style before the office
    h = j
    while h + 1 < sent_end and tokens[h].lower_ in lex["modifiers"] and tokens[h].text[:1].isupper() and h - j < 2:
        h += 1  # "X, Deputy Permanent Secretary, ...": a modifier before the head
    if not (h < sent_end and _match_seq(tokens, h, lex["heads"]) and tokens[j].text[:1].isupper()):
        return None, country, analyst, j
    chain = []
    while j < sent_end and len(chain) < 18:
        t = tokens[j]
        if j in person_tokens:
            break
        if chain and chain[-1].text == "," and _match_seq(tokens, j, lex["prefixes"]) \
                and not _match_seq(tokens, j, lex["heads"]):
            return None, country, analyst, end  # "A, the Ambassador of Norway, H.E. B": that title is B's
        if _ends_title(doc, j):
            break
        if t.text[:1].isupper() or t.lower_ in CONNECTORS or (t.text == "," and j + 1 < sent_end
                                                                 and tokens[j + 1].text[:1].isupper()
                                                                 and j + 1 not in person_tokens):
            chain.append(t)
            j += 1
            continue
        break
    if chain and j in person_tokens and j == chain[-1].i + 1 + (chain[-1].text == ","):
        return None, country, analyst, end  # "A, the Ambassador of Norway, B", "A, Foreign Minister B": B's title
    while chain and (chain[-1].lower_ in CONNECTORS - {")"} or chain[-1].text == ","):
        chain.pop()
    title, inner = _title_text(doc, chain, country_by_token)
    return title, country or inner, analyst, j


def _appositive_title(doc: Any, start: int, end: int, country_by_token: dict[int, Any]
                      ) -> tuple[str | None, str | None, int]:
    """(title, country, last token) of a title the parse sets beside the name, in any case: "the Peruvian foreign
    minister, Rosa Quispe", "Rosa Quispe, Peru's foreign minister", "Ana Ruiz, the envoy of Chile". The country
    is the title's own (a possessive, a demonym, "of Peru"), never where the envoy is sent ("to Belgium")."""
    heads = [t for t in doc[start:end] if not start <= t.head.i < end]
    if len(heads) != 1:
        return None, None, end - 1
    root = heads[0]
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= end]
    if root.dep_ == "appos" and root.head.i < start:
        nouns.append(root.head)
    lex = _lexicon()
    for noun in nouns:
        if not _is_title_noun(noun) or noun.tag_ in {"NNS", "NNPS"} or noun.i in country_by_token \
                or fold(noun.text) in lex["role_nouns"] and fold(noun.text) not in lex["head_words"]:
            continue  # "his counterpart", "the two ministers": no office of their own
        country = None
        words = []
        for c in noun.lefts:
            code = _country_at(country_by_token, c.i)
            if code:
                country = country or code
            elif c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"NOUN", "PROPN", "ADJ"} \
                    and c.lower_ not in {"new", "newly"} and not any(fold(c.text) == a for a in lex["analysts"]):
                words.append(c)
        portfolio = []  # "head of state", "minister for trade"
        for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"of", "for"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                code = _country_at(country_by_token, obj.i) if prep.lower_ == "of" else None
                country = country or code
                if code is None and not portfolio and prep.i == noun.i + 1 and obj.right_edge.i - noun.i <= 7:
                    portfolio = list(doc[prep.i:obj.right_edge.i + 1])
        inner = [k for k, t in enumerate(portfolio) if t.i in country_by_token]
        if inner:  # "minister for trade of Peru": the country closes the title
            country = country or _country_at(country_by_token, portfolio[inner[0]].i)
            portfolio = portfolio[:inner[0]]
            while portfolio and portfolio[-1].lower_ in {"of", "the"}:
                portfolio.pop()
        title = " ".join(t.text for t in [*words, noun, *portfolio])
        last = noun.right_edge.i if noun.i >= end else end - 1
        return title, country, last
    return None, None, end - 1


# ---------------------------------------------------------------------------- clustering

def _name_key_tokens(text: str) -> list[str]:
    """Name words for matching forms of one name: no initials, no honorific kept for a one-word name ("Sheikh")."""
    # hyphens split: "Bhutto-Zardari" is "Bhutto Zardari", "al-Sisi" holds "Sisi"
    words = [w for w in re.findall(r"[\w'’]+", fold(text)) if not re.fullmatch(r"[a-z]", w)]
    keep = _lexicon()["keep_if_single"]
    return [w for w in words if w not in keep] or words


def _cluster(mentions: list[Mention]) -> list[PersonRecord]:
    people: list[PersonRecord] = []
    by_len = sorted(mentions, key=lambda m: (-len(_name_key_tokens(m.text)), m.start))
    for m in by_len:
        toks = _name_key_tokens(m.text)
        if not toks:
            continue
        best = None
        if len(toks) >= 2:
            for p in people:
                if set(toks) <= set(p.tokens) and _order_ok(toks, p.tokens):
                    best = p
                    break
            else:
                best = next((p for p in people if _misspelt(toks, p.tokens)), None)
                if best is not None:  # "Sheikh Mohammed" after "Mohamed bin Zayed" and "Mohammed bin Zayed"
                    best.tokens = best.tokens + [t for t in toks if t not in best.tokens]
        else:
            cands = [p for p in people if toks[0] in p.tokens and not _other_office(m, p)]
            if cands:
                # a surname beats a given name; then the person last named before this mention
                cands.sort(key=lambda p: (p.tokens[-1] != toks[0] and (p.tokens[-1] not in {"jr", "jr."} or p.tokens[-2] != toks[0]),
                                          -max([x.start for x in p.mentions if x.start < m.start] or [-1])))
                best = cands[0]
        if best is None:
            best = PersonRecord(name=m.text, tokens=toks)
            people.append(best)
        best.mentions.append(m)
    for p in people:
        p.mentions.sort(key=lambda m: m.start)
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def _misspelt(toks: list[str], other: list[str]) -> bool:
    """ "Bruno Rodrigues Parrilla" and "Bruno Rodriguez Parrilla": one name written twice, one of its words
    mistyped by a letter (the others the same, and long enough not to be another family's name)."""
    if len(toks) != len(other) or len(toks) < 2:
        return False
    differ = [(a, b) for a, b in zip(toks, other, strict=True) if a != b]
    return len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= 5 and _one_edit(*differ[0]) \
        and sum(len(a) >= 4 for a, b in zip(toks, other, strict=True) if a == b) >= 1


def _other_office(m: Mention, p: PersonRecord) -> bool:
    """A one-word mention whose title or style shares no word with any title of the person it would join names
    someone else: "King Salman" is not "Crown Prince ... Mohammed bin Salman"."""
    lex = _lexicon()
    monarchs = {fold(w) for w in lex["keep_if_single"]} & {" ".join(h) for h in lex["leaders"]}  # King, Sultan, Emir
    first = m.text.split()[0] if m.text.split() else ""
    own = first if fold(first) in monarchs and len(m.text.split()) > 1 else None  # "King Salman", not "Sheikh Khalid"
    theirs = [q.title for q in p.mentions if q.title]
    if not own or not theirs:
        return False
    words = set(fold(own).split()) - {"of", "the", "and"}
    return not any(words & set(fold(t).split()) for t in theirs)


def _order_ok(short: list[str], long: list[str]) -> bool:
    pos = [long.index(w) for w in short]
    return pos == sorted(pos)


# ---------------------------------------------------------------------------- the component

def find_people(doc: Any) -> list[PersonRecord]:
    countries = doc._.bb_countries or []
    country_by_token: dict[int, Any] = {}
    for cm in countries:
        for i in range(cm.start, cm.end):
            country_by_token[i] = cm
    country_tokens = set(country_by_token)
    skip = doc._.bb_skip or []
    raw = _candidate_spans(doc, country_tokens)
    cleaned: dict[tuple[int, int], tuple[int, int]] = {}
    for s, e in raw:
        c = _clean_span(doc, s, e, country_tokens)
        if c is None:
            continue
        span = doc[c[0]:c[1]]
        if in_ranges(skip, span.start_char, span.end_char) or _after_credit_cue(doc, span.start_char) \
                or _greeting(doc, span.start_char, span.end_char):
            continue
        cleaned[(s, e)] = c
    for span in _bracketed_given_names(doc, country_by_token):
        cleaned[span] = span  # "President (Alberto) Fernández": whole, brackets and all (dropped from the text below)
    # longest span wins where candidates overlap
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(cleaned.values()), key=lambda se: (-(se[1] - se[0]), se[0])):
        if any(s < ce and cs < e for cs, ce in chosen):
            continue
        chosen.append((s, e))
    chosen.sort()
    taken = {i for s, e in chosen for i in range(s, e)}
    tokens = doc
    chosen = [(_extend_left(tokens, s, taken, country_tokens), e) for s, e in chosen]
    chosen = [(s, e) for s, e in chosen if not _after_credit_cue(doc, doc[s].idx)]  # "Photo Lam | Khanh"
    person_tokens = {i for s, e in chosen for i in range(s, e)}
    mentions = []
    for s, e in chosen:
        sent = sentence_of(doc, s)
        m = Mention(s, e, re.sub(r"[()\[\]]", "", doc[s:e].text).strip().rstrip("-–").strip(), sent.start)
        title, country, counterpart, tstart = _left_title(doc, s, sent.start, person_tokens, country_by_token)
        rtitle, rcountry, analyst, rend = _right_title(doc, e, sent.end, person_tokens, country_by_token)
        m.title = title or rtitle
        m.other_title = rtitle if title else None
        if title and rtitle and (len(rtitle) > len(title) and title.split()[-1] in rtitle
                                 or tuple(_words(title)) in _lexicon()["styles"]):
            m.title = rtitle  # "Prince Khalid ..., Deputy Minister of Defence": the office over the style
        m.country = country or rcountry
        if s > sent.start and doc[s - 1].text.islower() and _is_analyst_title(doc[s - 1].text):
            analyst = True  # "New Zealand coach Stephen Kearney", "political analyst Ana Ruiz"
        m.country = m.country or _behalf_country(doc, min(tstart, s) if title else s, max(rend, e), sent,
                                                 country_by_token)
        if m.title is None:
            m.title, acountry, alast = _appositive_title(doc, s, e, country_by_token)
            m.country = m.country or acountry
            rend = max(rend, alast + 1)
        m.analyst = analyst
        if counterpart:
            m.counterpart = True
            m.counterpart_of = _previous_person(chosen, s, sent.start)
        m.full_start = min(tstart, s)
        while m.full_start > sent.start and (doc[m.full_start - 1].text in {"'s", "’s"}
                                             or (m.full_start - 1) in country_by_token):
            cm = country_by_token.get(m.full_start - 1)
            if cm is not None and cm.start > sent.start and doc[cm.start - 1].lower_ in PLACE_PREPS:
                break  # "head of mission in Afghanistan Ambassador X": the place is no part of his title
            m.full_start -= 1  # "Mexico's Secretary of ..."
        m.context = (m.full_start, rend)
        m.full_text = doc_text(doc)[doc[m.full_start].idx:doc[e - 1].idx + len(doc[e - 1].text)]
        mentions.append(m)
    _respective_titles(doc, mentions, country_by_token)
    people = _cluster(mentions)
    _name_part_mentions(doc, people, person_tokens, country_tokens, skip)
    people = [p for p in people if not _weak(doc, p) and not _named_place(doc, p) and not _only_a_destination(doc, p)]
    _resolve_titles(people)
    _plural_titles(doc, people, country_by_token)
    _apply_actors(doc, people)
    people = _merge_same_actor(people)
    _on_behalf_of_someone(doc, people)
    _possessive_titles(doc, people)
    _delegation_countries(doc, people)
    _resolve_countries(doc, people, country_by_token)
    _delegation_countries(doc, people, redo_guesses=True)  # a list member guessed: his listed neighbour's, now known
    for idx, p in enumerate(people):
        p.index = idx
        texts = [m.text for m in p.mentions]  # the fullest form; of two as full, the one written more often
        p.name = max(texts, key=lambda t: (len(_name_key_tokens(t)), len(t), texts.count(t)))
        p.tokens = _name_key_tokens(p.name)
        p.title = _written_out(p.title)
        p.analyst = any(m.analyst for m in p.mentions) or _is_analyst_title(p.title)
        p.speaker = any(doc[m.start].dep_ == "nsubj" and doc[m.start].head.lemma_ in SPEECH_VERBS for m in p.mentions)
        forms = []
        for m in p.mentions:
            for form in (m.text, m.full_text):
                form = re.sub(r"\s+", " ", form).strip()
                if form and form != p.name and form not in forms:
                    forms.append(form)
        other_order = _surname_first_alias(p.name)
        if other_order and other_order not in forms:
            forms.append(other_order)
        p.aliases = forms
    return people


def _written_out(title: str | None) -> str | None:
    """A title's short form written out ("FM" -> "Foreign Minister", titles.json abbreviations)."""
    if not title:
        return title
    short = _lexicon()["abbreviations"]
    return " ".join(short.get(w, w) for w in title.split()) if any(w in short for w in title.split()) else title


def _behalf_country(doc: Any, start: int, end: int, sent: Any, country_by_token: dict[int, Any]) -> str | None:
    """The country a signatory signs for: "on behalf of Nepal by Joint Secretary X", "X, on behalf of the
    Government of Nepal"."""
    def country_after_behalf(k: int) -> tuple[str | None, int]:
        """(country, token after it) for "behalf of (the Government of) <country>" starting at token k."""
        if not (k + 1 < sent.end and doc[k].lower_ == "behalf" and doc[k + 1].lower_ == "of"):
            return None, k
        j = k + 2
        while j < sent.end and j - k <= 7 and j not in country_by_token and doc[j].lower_ in {
                "the", "government", "people", "republic", "kingdom", "state", "of", "'s", "’s"}:
            j += 1
        cm = country_by_token.get(j)
        return (cm.code, cm.end) if cm is not None else (None, j)

    for k in range(max(sent.start, start - 12), start):  # "on behalf of Nepal by ..."
        code, after = country_after_behalf(k)
        if code and after < sent.end and doc[after].lower_ == "by" and after + 1 >= start - 1:
            return code
        if code and k == sent.start + 1 and doc[sent.start].lower_ == "on" and after < sent.end \
                and doc[after].text == ",":
            return code  # "On behalf of Mexico, the Secretary of Economy, X, and ... attended"
    k = end + (end < sent.end and doc[end].text == ",")
    if k + 1 < sent.end and doc[k].lower_ == "on":  # "X, on behalf of Nepal"
        return country_after_behalf(k + 1)[0]
    if end + 1 < sent.end and doc[end].lower_ == "for" and (cm := country_by_token.get(end + 1)) is not None \
            and cm.kind == "name":
        return cm.code  # "signed by Deputy Minister X for Vietnam"
    return None


def _singular(word: str) -> str | None:
    """ "Ministers" -> "Minister", "Secretaries" -> "Secretary" when the singular is a title's head word."""
    heads = _lexicon()["head_words"]
    for form in (word[:-3] + "y" if word.endswith("ies") else None, word[:-1] if word.endswith("s") else None):
        if form and fold(form) in heads:
            return form
    return None


def _country_list(doc: Any, j: int, country_by_token: dict[int, Any]) -> tuple[list[str], int]:
    """The countries listed from token j on ("Egypt and Greece", "the UAE, Oman and Qatar") and where the list ends."""
    codes: list[str] = []
    while j < len(doc) and (j in country_by_token or doc[j].lower_ in {"and", ",", "the"}):
        cm = country_by_token.get(j)
        if cm is not None:
            codes.append(cm.code)
            j = cm.end
        elif doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].lower_ not in {"and", "the"} \
                and j + 1 not in country_by_token:
            break  # the comma before the names
        else:
            j += 1
    return codes, j


def _interleaved(doc: Any, j: int, by_start: dict[int, Mention], country_by_token: dict[int, Any]
                 ) -> list[tuple[Mention, str]]:
    """ "of Colombia, A; and Ecuador, B" / "of Italy, A, and of Ireland, B": each country with the name after it."""
    pairs = []
    while j < len(doc):
        while j < len(doc) and doc[j].lower_ in {"of", "and", "the", ";", ","}:
            j += 1
        cm = country_by_token.get(j)
        if cm is None or cm.end >= len(doc) or doc[cm.end].text != ",":
            break
        m = by_start.get(cm.end + 1)
        if m is None:
            break
        pairs.append((m, cm.code))
        j = max(m.end, m.context[1])
    return pairs


def _respective_titles(doc: Any, mentions: list[Mention], country_by_token: dict[int, Any]) -> None:
    """ "Iraqi and Syrian Foreign Ministers A and B", "the Foreign Ministers of Egypt and Greece, A and B", "his
    peers from Argentina and Brazil, A and B", "the Presidents of Colombia, A; and Ecuador, B": the countries
    go to the names in order, each with the title in the singular ("counterparts" and "peers" give no title)."""
    from briefing.extract.countries import code_of

    by_start = {m.start: m for m in mentions} | {m.full_start: m for m in mentions}
    texts = token_texts(doc)
    lowers = token_lowers(doc)
    # string tests first: a Token only for a word that could be a plural title
    for i in (i for i, text in enumerate(texts)
              if lowers[i] in {"counterparts", "peers"} or text.endswith("s") and text[:1].isupper()):
        t = doc[i]
        if t.lower_ in {"counterparts", "peers"}:
            head = None
        elif t.text.endswith("s") and t.text[:1].isupper() and t.tag_ in {"NNS", "NNPS", "NNP"}:
            head = _singular(t.text)
            if head is None:
                continue
        else:
            continue
        k = t.i - 1
        words: list[str] = []
        while k >= 0 and k not in country_by_token and doc[k].text[:1].isupper() and _title_word(doc[k], country_by_token) \
                and not code_of(doc[k].text):  # a demonym the model took into a person is no title word
            words.insert(0, doc[k].text)  # "Foreign", "Prime"
            k -= 1
        demonym = code_of(doc[k].text) if k >= 0 and k not in country_by_token and doc[k].text[:1].isupper() else None
        codes: list[str] = []
        while k >= 0 and (k in country_by_token or doc[k].lower_ in {"and", ","}):
            cm = country_by_token.get(k)
            if cm is not None:
                if not codes or codes[0] != cm.code:
                    codes.insert(0, cm.code)
                k = cm.start - 1
            else:
                k -= 1
        j = t.i + 1
        pairs: list[tuple[Mention, str]] = []
        if len(codes) < 2 and j < len(doc) and doc[j].lower_ in {"of", "from"}:
            pairs = _interleaved(doc, j, by_start, country_by_token)
            if len(pairs) < 2:  # "the Foreign Ministers of Egypt and Greece, A and B"
                codes, j = _country_list(doc, j + 1, country_by_token)
                pairs = []
        if len(pairs) < 2 and len(codes) < 2 and head is None:
            _listed_counterparts(doc, t, by_start, mentions)  # "his counterparts A of Canada and B of Chile"
            continue
        if len(pairs) < 2 and len(codes) < 2 and head:
            _plural_portfolio_title(doc, t, words, head, by_start, codes[0] if codes else demonym)
            continue
        if len(pairs) < 2:
            listed = []
            j += j < len(doc) and doc[j].text == ","
            while j in by_start and len(listed) < len(codes):
                m = by_start[j]
                listed.append(m)
                j = max(m.end, m.context[1])
                while j < len(doc) and doc[j].lower_ in {",", "and"}:
                    j += 1
            if len(listed) != len(codes):
                continue
            pairs = list(zip(listed, codes, strict=True))
        title = " ".join([*words, head]) if head else None
        sent = sentence_of(doc, t.i).start
        before = [m for m in mentions if sent <= m.start < t.i]
        for m, code in pairs:
            m.title, m.country = title or m.title, code
            if head is None and before:
                m.counterpart_of = before[-1].start  # "his peers": the office of the one whose peers they are
            m.full_text = m.text  # "Syrian Foreign Ministers Omar Jaber" is no form of his name


def _listed_counterparts(doc: Any, t: Any, by_start: dict[int, Mention], mentions: list[Mention]) -> None:
    """ "his counterparts A of Canada and B of Colombia": each name listed right after "counterparts" or "peers"
    is a counterpart of the one named before in the sentence, not only the first."""
    j = t.i + 1 + (t.i + 1 < len(doc) and doc[t.i + 1].text == ",")
    listed = []
    while j in by_start:
        m = by_start[j]
        listed.append(m)
        j = max(m.end, m.context[1])
        while j < len(doc) and doc[j].lower_ in {",", "and"}:
            j += 1
    sent = sentence_of(doc, t.i).start
    before = [m for m in mentions if sent <= m.start < t.i]
    if len(listed) >= 2 and before:
        for m in listed:
            m.counterpart_of = before[-1].start


def _plural_portfolio_title(doc: Any, t: Any, words: list[str], head: str, by_start: dict[int, Mention],
                            country: str | None = None) -> None:
    """ "Ministers of Transport A and B": each name listed after a plural title with its portfolio takes the title
    in the singular, and the country of a demonym before it ("Bolivian Ministers A (Foreign Affairs), B (...)")."""
    portfolio = _lexicon()["portfolio"]
    j = t.i + 1
    tail: list[str] = []
    if j < len(doc) and doc[j].lower_ in {"of", "for"}:
        k = j + 1
        while k < len(doc) and (fold(doc[k].text) in portfolio and doc[k].text[:1].isupper()
                                or doc[k].lower_ in {"and", "the", "&"} and k + 1 < len(doc)
                                and fold(doc[k + 1].text) in portfolio):
            k += 1
        if k > j + 1:
            tail, j = [d.text for d in doc[j:k]], k
    listed = []
    own: dict[int, str] = {}
    while j in by_start:
        m = by_start[j]
        listed.append(m)
        j = max(m.end, m.context[1])
        close = next((k for k in range(m.end + 1, min(len(doc), m.end + 9)) if doc[k].text == ")"), None)
        if not tail and m.end < len(doc) and doc[m.end].text == "(" and close is not None and close > m.end + 1 \
                and all(fold(d.text) in portfolio or d.lower_ in {"and", "&", ","} for d in doc[m.end + 1:close]):
            own[m.start] = doc[m.end + 1:close].text  # "Ministers A (Foreign Affairs), B (Energy)": each his own
            j = max(j, close + 1)
        while j < len(doc) and doc[j].lower_ in {",", "and"}:
            j += 1
    if len(listed) >= 2:
        for m in listed:
            m.country = m.country or country
            if m.start in own:
                m.title = " ".join([*words, head, "of", own[m.start]])
            elif not m.title or t.text in m.title.split():  # "Ministers of Transport" read off the plural
                m.title = " ".join([*words, head, *tail])


def _name_part_mentions(doc: Any, people: list[PersonRecord], taken: set[int], country_tokens: set[int],
                        skip: list[tuple[int, int]]) -> None:
    """Bare surnames and given names the model did not tag ("Ishiba's visit") join the person they name,
    when exactly one person has that name part."""
    owners: dict[str, list[PersonRecord]] = {}
    for p in people:
        if len(p.tokens) < 2 and not (p.tokens and len(p.tokens[0]) >= 4 and any(m.full_text != m.text for m in p.mentions)):
            continue  # a one-word name joins its bare uses only when it was introduced with an honorific
        for part in p.tokens:
            if len(part) >= 2 and part not in PARTICLES:
                owners.setdefault(part, []).append(p)
    for i, text in enumerate(token_texts(doc)):
        if i in taken or i in country_tokens or not text[:1].isupper():
            continue
        cands = owners.get(fold(text))
        if not cands or len(cands) != 1:
            continue
        t = doc[i]
        if t.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() and doc[t.i + 1].pos_ == "PROPN" \
                and doc[t.i + 1].text not in {"'s", "’s"}:
            continue  # part of another name ("Ishiba Cabinet"?) — leave it
        if in_ranges(skip, t.idx, t.idx + len(t.text)):
            continue
        m = Mention(t.i, t.i + 1, t.text, sentence_of(t.doc, t.i).start, full_start=t.i, full_text=t.text, context=(t.i, t.i + 1))
        cands[0].mentions.append(m)
        taken.add(t.i)
    for p in people:
        p.mentions.sort(key=lambda m: m.start)


def _weak(doc: Any, p: PersonRecord) -> bool:
    """A one-word name with no title or honorific that is never a subject ("travel to Darwin") is no person."""
    if max(len(_name_key_tokens(m.text)) for m in p.mentions) > 1 or len(p.mentions) > 2:
        return False
    if any(m.start in _leader_surnames(doc, frozenset()) for m in p.mentions):
        return False  # a leader's surname the dictionary knows
    keep = _lexicon()["keep_if_single"]
    for m in p.mentions:
        if m.title or m.full_text != m.text or m.counterpart_of is not None or fold(m.text.split()[0]) in keep:
            return False  # titled, styled ("King Salman") or someone's counterpart
        if any(doc[i].dep_ in {"nsubj", "nsubjpass"} or doc[i].dep_ == "conj" and doc[i].head.dep_ in {"nsubj", "nsubjpass"}
               for i in range(m.start, m.end)):
            return False  # a subject, or joined to one: "Putin and Obama met"
    return True


def _named_place(doc: Any, p: PersonRecord) -> bool:
    """A name given no title that the source also writes as the start of a place's or a thing's name ("visit Al
    Udeid" where it wrote "Al Udeid Air Base", "Nelson Mandela" beside "Nelson Mandela Bay") names that place."""
    if any(m.title or m.full_text != m.text or m.counterpart_of is not None for m in p.mentions):
        return False
    text = doc_text(doc)
    not_names = _lexicon()["not_names"]
    for form in {m.text for m in p.mentions}:
        for hit in re.finditer(rf"{re.escape(form)}((?:\s+[A-Z][\w'’-]*)+)", text):
            if any(fold(w).rstrip(".") in not_names for w in hit.group(1).split()[:3]):
                return True
    return False


def _only_a_destination(doc: Any, p: PersonRecord) -> bool:
    """A name given no title, style or counterpart that the parse only ever finds where a place goes ("travel to
    Port Moresby, Kota Kinabalu and Puerto Princesa", "toured Jayawardenepura Kotte") is a place."""
    if any(m.title or m.full_text != m.text or m.counterpart_of is not None for m in p.mentions):
        return False
    lex = _lexicon()

    def placed(m: Mention) -> bool:
        root = next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end), doc[m.end - 1])
        while root.dep_ in {"conj", "appos"} and root.head.i != root.i:
            root = root.head  # "to A, B and C"
        head = root.head
        if root.dep_ == "pobj" and fold(head.text) in lex["place_preps"]:
            return True
        if root.dep_ == "pobj" and head.lower_ in {"to", "for"} and fold(head.head.lemma_) in lex["travel_verbs"]:
            return True
        return root.dep_ == "dobj" and fold(head.lemma_) in lex["travel_verbs"]

    return all(placed(m) for m in p.mentions)


def _is_analyst_title(title: str | None) -> bool:
    if not title:
        return False
    t = fold(title)
    return any(re.search(rf"\b{re.escape(a)}\b", t) for a in _lexicon()["analysts"])


def _previous_person(chosen: list[tuple[int, int]], s: int, sent_start: int) -> int | None:
    before = [cs for cs, _ce in chosen if sent_start <= cs < s]
    return before[-1] if before else None


def _resolve_titles(people: list[PersonRecord]) -> None:
    owner = {m.start: p for p in people for m in p.mentions}
    for p in people:
        titles = [m.title for m in p.mentions if m.title]
        if titles:
            # the fullest form of the title used ("Minister of Foreign Affairs" over "Minister")
            p.title = max(titles, key=lambda t: (len(t.split()) if len(t.split()) <= 14 else 0, -titles.index(t)))
        countries = [m.country for m in p.mentions if m.country]
        if countries:
            p.country = Counter(countries).most_common(1)[0][0]
            p.country_sure = p.country_stated = True
    for p in people:
        for m in p.mentions:
            if (m.counterpart or m.counterpart_of is not None) and not p.title:
                other = owner.get(m.counterpart_of) if m.counterpart_of is not None else None
                if other is None:  # the one whose counterpart he is, named by a bare surname ("Ouédraogo held ...")
                    before = [(q_m.start, q) for q in people for q_m in q.mentions
                              if q is not p and q_m.sent == m.sent and q_m.end <= m.full_start]
                    other = max(before, key=lambda sq: sq[0])[1] if before else None
                if other is not None and other is not p and other.title:
                    p.title, p.title_copied = _shared_office(other.title), True


def _shared_office(title: str) -> str:
    """The office a counterpart shares of a title that joins two ("Deputy Prime Minister and Foreign Minister"
    -> "Foreign Minister"): the last one, the office the two met in; a title with one head is kept whole
    ("Minister of Foreign Affairs and International Cooperation")."""
    heads = _lexicon()["head_words"]
    parts = [x.strip() for x in re.split(r"\s+and\s+|\s*/\s*|\s*,\s*", title) if x.strip()]
    with_head = [x for x in parts if any(fold(w) in heads for w in x.split() if w[:1].isupper())]
    if len(with_head) >= 2:
        return with_head[-1]
    if with_head and any(_names_country(w) for x in parts if x not in with_head for w in x.split()):
        return with_head[0]  # "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates": not his
    return title


def _plural_titles(doc: Any, people: list[PersonRecord], country_by_token: dict[int, Any]) -> None:
    """ "the two prime ministers", "the Vietnamese and Singaporean Prime Ministers": the office of people
    named without a title (in that sentence, or in the whole source when the count fits)."""
    lex = _lexicon()
    texts = token_texts(doc)
    # string tests first: a Token only for a plural of a title word
    for t in (doc[i] for i, low in enumerate(token_lowers(doc))
              if low.endswith("s") and fold(texts[i][:-1]) in lex["head_words"]):
        if t.tag_ not in {"NNS", "NNPS"}:
            continue
        if fold(t.text[:-1]) not in lex["head_words"]:
            continue
        singular = {"PM": "Prime Minister", "FM": "Foreign Minister"}.get(t.text[:-1], t.text[:-1])
        words = [c.text for c in t.children if c.dep_ in {"compound", "amod"} and c.i < t.i
                 and c.i not in country_by_token and c.lower_ not in {"two", "both"}] + [singular]
        title = " ".join(w[:1].upper() + w[1:] for w in words)
        if not _match_seq([*_tokenizer()(title)], 0, lex["heads"]):
            continue
        kids = [c for c in t.children if c.i < t.i]
        demonyms = {country_by_token[c.i].code for c in t.subtree if c.i < t.i and c.i in country_by_token}
        if not (any(c.lower_ == "two" for c in kids) or len(demonyms) >= 2):
            continue
        sent_start = sentence_of(doc, t.i).start
        untitled = [p for p in people if not p.title]
        here = [p for p in untitled if any(m.sent == sent_start for m in p.mentions)]
        targets = here if here else (untitled if len(untitled) == max(2, len(demonyms)) else [])
        for p in targets:
            p.title = title[:1].upper() + title[1:]


def _apply_actors(doc: Any, people: list[PersonRecord]) -> None:
    """The actor dictionary decides the country of a person it knows (the country does not change with
    the office), and gives the office held on the source's date as the title where the text gave none."""
    date = doc._.pub_date if doc.has_extension("pub_date") else None
    known = actor_index()
    leaders = _leader_surnames(doc, frozenset())
    for p in people:
        if p.analyst or any(m.analyst for m in p.mentions):
            continue
        names = sorted({m.text for m in p.mentions}, key=lambda t: (-len(name_words(t)), t))
        entry = known.find(names, date, p.title)
        if entry is None and all(len(name_words(n)) == 1 for n in names):
            full = next((leaders[m.start] for m in p.mentions if m.start in leaders), None)
            entry = known.find([full], date, p.title) if full else None  # "Putin", "Modi" in a story naming no one
            if entry is None:
                entry = _mononym(known, names, date)  # "Sugiono": a one-word name is the whole name
        if entry is None:
            continue
        if p.country_sure and p.country not in (entry.country, *entry.also) and p.title and not entry.in_office(date) \
                and not p.title[:1].islower() and not office_fits(entry.office, p.title):
            continue  # "Kenya's Trade Minister X" is not the Iraqi X who left office years before: a namesake
        p.country = entry.country
        p.country_sure = True
        p.actor = entry
        described = bool(p.title) and p.title[:1].islower()  # "Namibia's first female head of state": a description
        if entry.in_office(date) and p.title and not office_fits(entry.office, p.title):
            fitting = [t for m in p.mentions for t in (m.title, m.other_title) if t and office_fits(entry.office, t)]
            if fitting:  # "Ambassador X ..., the Minister of Foreign Affairs": the office held, of the titles given
                p.title = max(fitting, key=lambda t: len(t.split()))
        copied = p.title_copied and not office_fits(entry.office, p.title or "")  # his counterpart's office, not his
        if entry.in_office(date) and (not p.title or described or copied
                                      or _top_title_that_misfits(p.title, entry.office)):
            p.title = entry.office


def _mononym(known: Any, names: list[str], date: str | None) -> Actor | None:
    """The dictionary's entry for a person known by one name only ("Sugiono", "Boediono"): the written name is
    his whole name, so he is found out of office too (for the country), as a fuller name would be."""
    for name in names:
        entries = known.by_words.get(frozenset(name_words(name)), [])
        if entries and len({a.name for a in entries}) == 1 and len({a.country for a in entries}) == 1:
            current = [a for a in entries if a.in_office(date)]
            return max(current or entries, key=lambda a: a.start or "")
    return None


def _merge_same_actor(people: list[PersonRecord]) -> list[PersonRecord]:
    """Two forms of one name the text writes too differently to cluster ("Dato ... Hj Mohd Yusof" and "Datu ...
    Haji Mohd Yusof", "Faisal al Miqdad" and "Faysal Mikdad") that the dictionary finds as one person are one."""
    first: dict[str, PersonRecord] = {}
    out = []
    for p in people:
        key = p.actor.name if p.actor is not None else None
        q = first.get(key) if key else None
        if q is None:
            if key:
                first[key] = p
            out.append(p)
            continue
        q.mentions = sorted(q.mentions + p.mentions, key=lambda m: m.start)
        q.title = q.title or p.title
        q.country_stated = q.country_stated or p.country_stated
    return out


def _on_behalf_of_someone(doc: Any, people: list[PersonRecord]) -> None:
    """An official acting on behalf of a known leader is of that leader's country: "received by the Secretary
    General at the Presidency, X, on behalf of the Head of State, H.E. Paul Biya"."""
    starts = {k: q for q in people for m in q.mentions for k in (m.start, m.full_start)}
    for p in people:
        if p.country_sure:
            continue
        for m in p.mentions:
            k = max(m.end, m.context[1])
            k += k < len(doc) and doc[k].text == ","
            if [t.lower_ for t in doc[k:k + 3]] != ["on", "behalf", "of"]:
                continue
            q = next((starts[j] for j in range(k + 3, min(len(doc), k + 12)) if j in starts), None)
            if q is not None and q is not p and q.country and (q.country_sure or q.actor is not None):
                p.country, p.country_sure = q.country, True
                break


def _possessive_titles(doc: Any, people: list[PersonRecord]) -> None:
    """An official named as someone's ("X made the trip with his Minister of Defence, Y") is of the country of
    the person named last before him in the sentence, when that one's country is known."""
    spans = sorted((m.start, m.end, q) for q in people for m in q.mentions)
    for p in people:
        if p.country_sure or p.actor is not None:
            continue
        for m in p.mentions:
            if not m.title or m.counterpart_of is not None or m.full_start == 0 \
                    or doc[m.full_start - 1].lower_ not in {"his", "her"}:
                continue
            before = [q for s, e, q in spans if m.sent <= s and e <= m.full_start and q is not p]
            q = before[-1] if before else None
            if q is not None and q.country and (q.country_sure or q.actor is not None):
                p.country, p.country_sure = q.country, True
                break


LIST_JOINERS = {",", "and", "the", "&"}


def _delegation_countries(doc: Any, people: list[PersonRecord], redo_guesses: bool = False) -> None:
    """Officials listed after one whose country is known, each under a different office, are that one's
    delegation: "accompanied by Foreign Minister A and Security Secretary B", "the Foreign Minister, A, and
    the Head of Intelligence, B". One whose country the text does not state takes the country of the
    member listed before. Leaders are left out ("President A and Prime Minister B" are as often two
    countries' leaders side by side), and so are lists that are the two sides of one act ("co-chaired by
    A and B", "signed between A and B": titles.json two_side_words)."""
    lex = _lexicon()
    by_end = {end: (m, p) for p in people for m in p.mentions for end in {m.end, max(m.end, m.context[1])}}

    def listed_before(m: Mention) -> PersonRecord | None:
        k = m.full_start
        while k > 0 and m.full_start - k <= 3 and doc[k - 1].lower_ in LIST_JOINERS and k not in by_end:
            k -= 1
        if k in by_end and k < m.full_start and any(doc[i].lower_ in {",", "and", "&"} for i in range(k, m.full_start)):
            return by_end[k][1]
        return None

    def two_sides(m: Mention) -> bool:
        """The list is what a two-side word governs: "between A and B", "A and B met", "co-chaired by A and B"
        (a verb's subject or agent: "he will meet A and B" names one side)."""
        child = doc[m.start]
        for a in doc[m.start].ancestors:
            named = fold(a.lemma_) in lex["two_side_words"] or fold(a.text) in lex["two_side_words"]
            if named and (a.pos_ not in {"VERB", "AUX"} or child.dep_ in {"nsubj", "nsubjpass", "agent", "csubj"}):
                return True
            child = a
        return False

    def leader(title: str | None) -> bool:  # "Prime Minister", not "Deputy Prime Minister"
        return tuple(_words(title or "")) in lex["leaders"]

    if redo_guesses:  # after the sentences were read: all but the guesses are known
        known = {id(p) for p in people if p.country and not p.country_guessed}
    else:
        known = {id(p) for p in people if p.country and (p.country_sure or p.actor is not None)}
    for p in people:  # in text order, so a list of three passes the country along
        if id(p) in known or not p.title or leader(p.title) or redo_guesses and not p.country_guessed:
            continue
        votes = set()
        for m in p.mentions:
            q = listed_before(m)
            if q is not None and q is not p and id(q) in known and q.title and fold(q.title) != fold(p.title) \
                    and not two_sides(m):
                votes.add(q.country)
        if len(votes) == 1:
            p.country = votes.pop()
            known.add(id(p))


def _top_title_that_misfits(title: str, office: str) -> bool:
    """A leader's title or a style ("President", "Prince", "Head of State", "Chancellor") that is not the
    office the dictionary has the person holding that day: a misread (a neighbour's title, "the two
    Presidents", the Spanish "Canciller"), where a portfolio title ("Deputy Prime Minister") may be a second office."""
    lex = _lexicon()
    words = tuple(_words(title))
    top = words in lex["leaders"] or words in lex["styles"] or words in lex["title_heads_as_prefix"]
    return top and not office_fits(office, title)  # "General X" who is Prime Minister that day


def keep_known_countries(people: list[Any], records: list[PersonRecord]) -> None:
    """Put back the actor dictionary's country, or the one the text writes beside the name, on the exported
    people (``Person``) where a later guess (who visits whom) changed it: a head of government does not change
    country with an itinerary, nor does "Nigeria's High Commissioner to Namibia" when his minister visits."""
    known = {r.name: r.actor.country if r.actor is not None else r.country for r in records
             if r.actor is not None or r.country_stated and r.country}  # or the country the text writes beside him
    for person in people:
        if person.name in known:
            person.country = known[person.name]


def _resolve_countries(doc: Any, people: list[PersonRecord], country_by_token: dict[int, Any]) -> None:
    """People without a stated country take the country their sentences name most (demonyms count
    double, capitals half: they are mostly venues), less the countries of the other people named
    with them; failing that, the main country that the people they are named with do not hold."""
    ranking = doc_country_ranking(doc)
    mentions_in: dict[int, list[Any]] = {}
    for cm in {id(v): v for v in country_by_token.values()}.values():
        mentions_in.setdefault(sentence_of(doc, cm.start).start, []).append(cm)
    pending = sorted((p for p in people if not p.country), key=lambda p: -len(p.mentions))
    from briefing.extract.countries import home_country

    home = home_country(doc, doc._.bb_countries or [])
    # the sentence that introduces the first person named
    lead = {min((m.sent for q in people for m in q.mentions), default=-1)}
    weight = {"name": 1.0, "demonym": 2.0, "capital": 0.5, "place": 0.5}
    for p in pending:
        own_sents = {m.sent for m in p.mentions}
        votes: Counter = Counter()
        partners = set()
        for sent_start in own_sents:
            others_here = [(m, q) for q in people if q is not p for m in q.mentions if m.sent == sent_start]
            own_here = [m for m in p.mentions if m.sent == sent_start]
            for cm in mentions_in.get(sent_start, []):
                if any(m.context[0] <= cm.start < m.context[1] for m, _q in others_here):
                    continue  # "Mexico's Secretary ..." speaks of that other person
                if any(m.context[0] <= cm.start < m.context[1] for m in own_here):
                    continue  # his own title's country was read with the title: "envoy for Afghanistan" is not Afghan
                venue = cm.kind == "name" and cm.start > 0 and doc[cm.start - 1].lower_ in PLACE_PREPS
                owner = cm.end < len(doc) and doc[cm.end].text in {"'s", "’s"}  # "Pakistan's ..." as a demonym
                kind = "place" if venue else "demonym" if owner else cm.kind
                if cm.kind == "demonym" and any(_other_side(doc, cm.start, m) for m in own_here):
                    votes[cm.code] -= 1.0  # "X met Chilean officials": the ones met are Chilean, not X
                    partners.add(cm.code)
                    continue
                votes[cm.code] += weight.get(kind, 1.0)  # "in Afghanistan" is mostly a venue
            if _is_spokesperson(p.title):  # a spokesman speaks for the side whose official the sentence names
                sides = [q.country for _m, q in others_here if q.country and (q.country_sure or q.actor)]
                if sides:
                    votes[sides[0]] += 3.0
            for _m, q in others_here:
                if q.country:
                    votes[q.country] -= 1.5
            partners.update(q.country for _m, q in others_here if q.country)
        if home and p.title and own_sents & lead and home not in partners:
            votes[home] += 2.0  # a release names its own officials without their country
        best = [(v, -ranking.index(c) if c in ranking else -99, c) for c, v in votes.items() if v > 0]
        if best:
            p.country = max(best)[2]
        else:
            others = [c for c in ranking[:2] if c not in partners]
            if others:
                p.country = others[0]
                p.country_guessed = True


def _other_side(doc: Any, i: int, m: Mention) -> bool:
    """The country word at token i describes whom the person of mention m meets, not the person: "Ana Ruiz met
    Chilean officials", "X held talks with the Japanese delegation", "X was received by Omani officials"."""
    root = next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end), doc[m.end - 1])
    if root.dep_ not in {"nsubj", "nsubjpass"} or root.head.pos_ not in {"VERB", "AUX"}:
        return False
    verb, t = root.head, doc[i]
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.head.i == verb.i:
            return t.dep_ in {"dobj", "dative", "attr"}
        if t.dep_ == "pobj" and t.head.head.i == verb.i:
            return t.head.lower_ in {"with", "by", "to"}
        t = t.head
    return False


def _is_spokesperson(title: str | None) -> bool:
    return bool(title) and any(w.startswith("spokes") for w in fold(title).split())


def doc_country_ranking(doc: Any) -> list[str]:
    """Countries by how much the source names them (names and demonyms 1, capitals 0.5), most first."""
    score: Counter = Counter()
    first: dict[str, int] = {}
    for cm in doc._.bb_countries or []:
        score[cm.code] += 0.5 if cm.kind == "capital" else 1.0
        first.setdefault(cm.code, cm.start)
    return sorted(score, key=lambda c: (-score[c], first[c]))
