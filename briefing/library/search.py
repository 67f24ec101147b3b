"""Accent- and case-blind full-text search: text is folded in Python, indexed by SQLite FTS5.

FTS5's own ``remove_diacritics`` only strips marks that Unicode can decompose;
letters such as ł, đ and ø are whole letters, so they are mapped here by hand.
Both the indexed text and the query are folded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not split into a base letter and a combining mark.
_LETTERS = {
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss", "ẞ": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ĸ": "k", "ŋ": "ng", "Ŋ": "ng",
    "ʼ": "'", "’": "'", "‘": "'",
}
_TRANSLATE = str.maketrans(_LETTERS)


def fold(text: str | None) -> str:
    """Lower-case, accent-free form of ``text``: "Radosław Đinh Tromsø" -> "radoslaw dinh tromso"."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    if len(text) < 120:
        return _fold_short(text)
    if len(text) < 1000:
        return _fold_sentence(text)
    return _fold(text)


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return _fold(text)  # names and labels recur: fold each once


@lru_cache(maxsize=4096)
def _fold_sentence(text: str) -> str:
    return _fold(text)  # evidence sentences are indexed again each time another source joins their item


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_TRANSLATE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_TRANSLATE)


def _fold_run(match: re.Match[str]) -> str:
    return "".join(map(_fold_char, match.group()))


def _fold(text: str) -> str:
    # Character by character, only where the text is not ASCII (English sources: a few quotes and
    # accents): decomposing and dropping marks per character gives what it gives on the whole string.
    return _NON_ASCII.sub(_fold_run, text).casefold()


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression finding every word of ``text`` (folded); the last word as a prefix.

    Returns None when ``text`` holds no word (nothing to search for).
    ``"radoslaw sikor"`` -> ``"radoslaw" "sikor"*`` (as-you-type search).
    """
    found = words(text)
    if not found:
        return None
    terms = [f'"{w}"' for w in found]
    if prefix_last:
        terms[-1] += "*"
    return " ".join(terms)
