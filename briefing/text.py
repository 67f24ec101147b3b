"""Folding text for comparison: the one ``fold`` of the program, at its lowest layer.

Case-, accent- and apostrophe-blind: "Radosław Đinh Tromsø’s" -> "radoslaw dinh tromso's". NFKD only
splits letters that Unicode can decompose; letters such as ł, đ and ø are whole letters, so they are
mapped by hand. Names, labels and sentences recur, so short texts are folded once each.
"""

from __future__ import annotations

import os
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
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str | None) -> str:
    """Lower-case, accent-free form of ``text`` (empty for None)."""
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
    return _fold(text)


@lru_cache(maxsize=4096)
def _fold_sentence(text: str) -> str:
    return _fold(text)


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_TRANSLATE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_TRANSLATE)


def _fold_run(match: re.Match[str]) -> str:
    return "".join(map(_fold_char, match.group()))


def _fold(text: str) -> str:
    # character by character, only where the text is not ASCII: decomposing and dropping marks per
    # character gives what it gives on the whole string
    return _NON_ASCII.sub(_fold_run, text).casefold()


def shown_path(path: str | bytes | os.PathLike) -> str:
    """A file name as it can be printed on one line: bytes that are not UTF-8 as ``\\xff``, control and
    direction characters escaped (``\\n``, ``\\x1b``, ``\\u202e``), so a crafted name can neither break a
    summary's encoding nor forge a line of it."""
    raw = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if isinstance(raw, bytes):
        raw = os.fsdecode(raw)
    text = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (
        f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")


def plural(n: int, word: str, plural_form: str | None = None) -> str:
    """ "1 source", "3 sources" (the name of an undo step, a summary line)."""
    return f"{n} {word if n == 1 else (plural_form or word + 's')}"
