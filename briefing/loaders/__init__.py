"""Turn files into Sources: one small loader per format, one entry point.

>>> source = load("readout.docx", marking="RESTRICTED")

Formats: .txt/.text (the ` date YYYY-MM-DD ` header line becomes the date), .md/.markdown,
.html/.htm (the article only, via trafilatura), .docx (paragraphs and tables in order),
.pdf (the text layer, re-flowed into paragraphs) and .eml (one body part; forwarded
releases keep their content). The text is cleaned once here, because extraction keeps
character offsets into it.

Every failure is a ``LoadError`` whose ``str()`` is one line naming the file and the
reason, e.g. "report.pdf: no text layer (scanned?)"; an import goes on with the other
files. Reasons: "file not found", "empty file", "binary file, not a text document",
"unsupported file type '.xyz' (supported: ...)", "file is 63 MB, larger than the 50 MB
limit", "not a valid Word document (corrupt or not a .docx)", "zip bomb: ...", "XML entity
declarations are not allowed (possible entity-expansion attack)", "not a valid PDF
(corrupt or not a PDF)", "encrypted PDF (password protected); remove the password and
import again", "no text layer (scanned?)", "not a valid e-mail message", "no text in
this e-mail", and a few more of the same kind.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..model import DEFAULT_MARKING, MARKINGS, Source
from ..text import shown_path
from .common import DEFAULT_MAX_BYTES, Loaded, LoadError, Refused, describe_size
from .email_msg import load_eml
from .files import walk_sources
from .html_page import load_html
from .language import detect_language
from .markdown_file import load_markdown
from .meta import find_dateline
from .pdf_doc import load_pdf
from .text_file import load_text
from .word_doc import load_docx

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "LoadError", "detect_language", "iter_source_files", "load",
]

# suffix -> (Source.format, loader)
_LOADERS: dict[str, tuple[str, Callable[[bytes], Loaded]]] = {
    ".txt": ("txt", load_text),
    ".text": ("txt", load_text),
    ".md": ("md", load_markdown),
    ".markdown": ("md", load_markdown),
    ".html": ("html", load_html),
    ".htm": ("html", load_html),
    ".docx": ("docx", load_docx),
    ".pdf": ("pdf", load_pdf),
    ".eml": ("eml", load_eml),
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_LOADERS)
_HINTS = {
    ".doc": "; save it as .docx in Word and import that",
    ".rtf": "; save it as .docx or .txt and import that",
    ".msg": "; save the Outlook message as .eml and import that",
    ".odt": "; save it as .docx and import that",
}


def _unsupported(suffix: str) -> str:
    listed = ", ".join(sorted(SUPPORTED_SUFFIXES))
    shown = f"'{suffix}'" if suffix else "(no extension)"
    return f"unsupported file type {shown} (supported: {listed}){_HINTS.get(suffix, '')}"


def _normalise_marking(marking: str) -> str:
    value = " ".join((marking or DEFAULT_MARKING).upper().split())
    if value not in MARKINGS:
        raise ValueError(f"unknown security marking {marking!r} (one of: {', '.join(MARKINGS)})")
    return value


def load(path: str | Path, *, marking: str = DEFAULT_MARKING, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file into a Source, or raise LoadError naming the file and the reason.

    The size is checked before anything is read. ``marking`` must be one of
    ``model.MARKINGS`` (any case); an unknown one is a ValueError (the caller's mistake,
    not the file's).
    """
    marking = _normalise_marking(marking)
    shown = shown_path(path)  # non-UTF-8 bytes and control characters escaped: printable, storable
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        info = p.stat()
    except FileNotFoundError:
        raise LoadError(shown, "file not found") from None
    except OSError as exc:
        raise LoadError(shown, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(shown, "is a folder (import the folder to read the files in it)")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(shown, "not a regular file")
    if suffix not in _LOADERS:
        raise LoadError(shown, _unsupported(suffix))
    if info.st_size == 0:
        raise LoadError(shown, "empty file")
    if info.st_size > max_bytes:
        raise LoadError(shown, f"file is {describe_size(info.st_size)}, larger than the {describe_size(max_bytes)} limit")
    data = _read(p, shown, max_bytes)
    fmt, loader = _LOADERS[suffix]
    try:
        loaded = loader(data)
    except Refused as exc:
        raise LoadError(shown, exc.reason) from None
    except MemoryError:
        raise LoadError(shown, "too large to read in the memory available") from None
    except RecursionError:
        raise LoadError(shown, "too deeply nested to read (corrupt or hostile file)") from None
    if not loaded.text.strip():
        raise LoadError(shown, "empty file" if not data.strip() else "no readable text")
    language = detect_language(loaded.text)
    date = loaded.date
    if date is None and language != "en":  # a dateline in the source's own language
        date = find_dateline(loaded.text, language)
    return Source(
        path=shown,
        text=loaded.text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=loaded.title,
        date=date,
        publisher=loaded.publisher,
        author=loaded.author,
        language=language,
        format=fmt,
        marking=marking,
        url=loaded.url,
    )


def _read(p: Path, shown: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (+1 to notice a file that grew since stat)."""
    try:
        with open(p, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(shown, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise LoadError(shown, f"file is larger than the {describe_size(max_bytes)} limit")
    if not data:
        raise LoadError(shown, "empty file")
    return data


def iter_source_files(
    paths: Iterable[str | Path], *, on_error: Callable[[Path, str], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
) -> Iterator[Path]:
    """The files an import of ``paths`` covers, each once, in a stable order.

    A file named explicitly is yielded as given, whatever its type (so ``load`` can say
    "unsupported file type" or "file not found" about it). A folder is walked
    recursively, entries sorted by name, and yields only files with a supported suffix
    (``SUPPORTED_SUFFIXES``); other files there are passed to ``on_skip(path, reason)`` when
    given; hidden files and folders (``.git``) and Office lock files (``~$x.docx``) are left out unsaid. Symlinked folders are
    followed but every real folder is visited once, so symlink loops end; the walk uses
    no recursion, so very deep trees are fine. A folder that cannot be read is passed to
    ``on_error(path, reason)`` when given, and skipped.
    """
    return walk_sources(paths, SUPPORTED_SUFFIXES, on_error, on_skip)


