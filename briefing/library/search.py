"""Accent- and case-blind full-text search: text is folded in Python, indexed by SQLite FTS5.

FTS5's own ``remove_diacritics`` only strips marks that Unicode can decompose;
letters such as ł, đ and ø are whole letters, so the program's one fold (``briefing.text.fold``) maps
them by hand. Both the indexed text and the query are folded the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "as fold" re-exports it (mypy --strict): the library and its tests take the fold from here, beside search
from briefing.text import fold as fold

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class SearchTerms:
    """What a search box's text asks for: every term in ``wanted`` and none in ``unwanted``.

    A term is a tuple of folded words, matched as a phrase (one word is a phrase of one);
    ``prefix`` says the last wanted term is still being typed and matches as a prefix.
    """

    wanted: tuple[tuple[str, ...], ...]
    unwanted: tuple[tuple[str, ...], ...]
    prefix: bool = False


# A piece of a search text: an optional "-" then a "quoted phrase" (its closing quote optional at the
# very end, while it is being typed) or a bare run of non-space characters.
_PIECE = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)(?P<closed>"?)|(?P<bare>[^\s"]+))')


def parse_search(text: str | None, *, prefix_last: bool = True) -> SearchTerms:
    """Split a search text into terms: words are AND'ed, "quoted phrases" match as phrases,
    ``-word`` / ``-"a phrase"`` exclude. ``"digital economy -china"`` wants both words, not china.

    Words are folded as the index is. The last wanted term is a prefix (as-you-type) when it ends the
    text and is not a closed phrase. A lone "-" or punctuation is nothing.
    """
    wanted: list[tuple[str, ...]] = []
    unwanted: list[tuple[str, ...]] = []
    prefix = False
    pieces = list(_PIECE.finditer(text or ""))
    for n, m in enumerate(pieces):
        body = m.group("phrase") if m.group("phrase") is not None else m.group("bare")
        term = tuple(words(body))
        if not term:
            continue
        if m.group("minus"):
            unwanted.append(term)
            continue
        wanted.append(term)
        is_last = n == len(pieces) - 1 and m.end() == len((text or "").rstrip())
        open_phrase = m.group("phrase") is not None and not m.group("closed")
        prefix = prefix_last and is_last and (m.group("bare") is not None or open_phrase)
    return SearchTerms(tuple(wanted), tuple(unwanted), prefix)


def _fts_phrase(term: tuple[str, ...]) -> str:
    return '"' + " ".join(term) + '"'


def fts_match(terms: SearchTerms) -> tuple[str | None, str | None]:
    """(MATCH expression every wanted term satisfies, MATCH expression any unwanted term satisfies).

    Either is None when there is no such term. Two expressions rather than one ``a NOT b``
    because FTS5 cannot start with NOT: ``-china`` alone must still exclude.
    """
    wanted = [_fts_phrase(t) for t in terms.wanted]
    if wanted and terms.prefix:
        wanted[-1] += "*"
    unwanted = [_fts_phrase(t) for t in terms.unwanted]
    return (" ".join(wanted) or None, " OR ".join(unwanted) or None)


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression finding every wanted term of ``text`` (folded; see ``parse_search``).

    Returns None when ``text`` wants no word (nothing to search for, or only exclusions).
    ``"radoslaw sikor"`` -> ``"radoslaw" "sikor"*`` (as-you-type search);
    ``'"digital economy" -china'`` -> ``"digital economy"`` (the exclusion is ``fts_match``'s second part).
    """
    return fts_match(parse_search(text, prefix_last=prefix_last))[0]
