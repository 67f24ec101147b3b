"""What every loader shares: the error type, size limits, decoding and text clean-up.

Source text is cleaned ONCE, here and in the loaders, because extraction stores
character offsets into it: line ends become ``\\n``, paragraphs are separated by
one blank line, invisible characters go.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefing.text import shown_path

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MB
# An archive (.docx) may not expand beyond this, nor by more than this ratio per part.
MAX_UNZIPPED_BYTES = 200 * MB
MAX_ZIP_RATIO = 100
# Stored text beyond this is refused rather than slowing every later step.
MAX_TEXT_CHARS = 5_000_000


class LoadError(Exception):
    """A file that cannot be imported; ``str(e)`` is the one line shown to the user."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = shown_path(path)  # printable whatever the name holds (idempotent)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # picklable, so a worker process can hand it back
        return (type(self), (self.path, self.reason))


class Refused(Exception):
    """Raised inside a loader (which does not know the path as given); ``load`` adds the path."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass
class Loaded:
    """What a format loader finds; ``load`` turns it into a Source."""

    text: str
    title: str = ""
    date: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None


def describe_size(n: int) -> str:
    """'50 MB', '1.5 MB', '300 KB' or '12 bytes' — for limits stated in messages."""
    if n >= MB:
        value = n / MB
        return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


# ---------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# For text in the Latin script charset-normalizer often names a sibling of Windows-1252 (cp1250,
# cp775, latin-1...) that reads the common letters the same; cp1252 is what such files almost
# always are, so it wins unless another candidate reads as more letters (Polish ł in cp1250).
BINARY = "binary file, not a text document"


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII-heavy UTF-16 without a BOM shows NULs in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, codec in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if nuls > 0.4 * half:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


class _KeepBadOnly(dict):
    """str.translate table deleting every character except controls (bar white space) and U+FFFD."""

    def __missing__(self, code: int) -> int | None:
        kept = code if (code < 32 and chr(code) not in "\t\n\r\f\v") or code == 0xFFFD else None
        self[code] = kept  # decided once per character
        return kept


_KEEP_BAD_ONLY = _KeepBadOnly()


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace are rare in any real text."""
    sample = text[:20000]
    if not sample:
        return False
    # Counted in C: every character but the bad ones is deleted, what is left is counted.
    bad = len(sample.translate(_KEEP_BAD_ONLY))
    return "\x00" in sample or bad > max(2, len(sample) // 200)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes of a text file to str: BOMs, UTF-8, a declared charset, then detection.

    Raises Refused(BINARY) for anything that is not text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise Refused(BINARY) from None
            return _checked(text)
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise Refused(BINARY)
        return _checked(text)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    import charset_normalizer

    results = charset_normalizer.from_bytes(data[: 2 * MB])
    best = results.best()
    if best is None:
        raise Refused(BINARY)
    try:
        guessed = data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        raise Refused(BINARY) from None
    if not _latin_script(guessed):  # Cyrillic, Greek, Arabic, CJK...: trust the detector
        return _checked(guessed)
    chosen, score = guessed, _plausibility(guessed)
    for encoding in ["cp1252", *(m.encoding for m in results)]:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        plausible = _plausibility(text)
        if _latin_script(text) and (plausible > score or (plausible == score and encoding == "cp1252")):
            chosen, score = text, plausible
    return _checked(chosen)


def _latin_script(text: str) -> bool:
    letters = {ch for ch in text[:100000] if ord(ch) > 127 and ch.isalpha()}
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _plausibility(text: str) -> int:
    """How many non-ASCII characters are letters or typographic punctuation (’ “ ” – € …)."""
    return sum(1 for ch in text if ord(ch) > 127 and (ch.isalpha() or ch in "‘’‚“”„–—…€£¥«»°·•"))


def _checked(text: str) -> str:
    if _looks_binary(text):
        raise Refused(BINARY)
    return text


# ---------------------------------------------------------------- clean-up

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# str.translate looks every character up in its table: only worth it when one of them is there
_TRANSLATED = re.compile("[" + "".join(map(chr, [*_INVISIBLE, *_SPACES])) + "]")


def clean_text(text: str) -> str:
    """One canonical form: NFC, ``\\n`` line ends, no invisible characters or trailing
    spaces, at most one blank line between paragraphs, no blank lines at either end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    if _TRANSLATED.search(text):
        text = text.translate(_INVISIBLE).translate(_SPACES)
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n").rstrip()


def paragraphs_text(paragraphs: list[str]) -> str:
    """Paragraphs (each possibly several lines) joined by one blank line."""
    return clean_text("\n\n".join(p.strip() for p in paragraphs if p and p.strip()))


def squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_GLUED_SENTENCE = re.compile(r"(\S*[a-z]{2}[.!?])(?=[A-Z][a-z])")
_GLUED_AT = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")  # what every glued sentence holds, found without backtracking


def mend_glued_sentences(text: str) -> str:
    """Put back the space lost between sentences in scraped text ("past time.Vietnam is" ->
    "past time. Vietnam is"), so sentences split where the writer meant; web and mail
    addresses are left alone."""

    def space(m: re.Match) -> str:
        token = m.group(1)
        if "://" in token or "@" in token or token.lower().startswith("www."):
            return token
        return token + " "

    if not _GLUED_AT.search(text):
        return text  # most text: the \S* of the full pattern would be tried at every character for nothing
    return _GLUED_SENTENCE.sub(space, text)
