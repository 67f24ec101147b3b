"""Run the pipeline over sources: one Extraction per source, in order, streaming.

The top of the extraction stack: it loads the model (``nlp``) and feeds it Docs. A text longer
than the model takes in one piece (``nlp.max_length``, spaCy's error E088) is analysed, not
refused: it is cut at paragraph breaks (then sentence ends) into parts under the limit, each part
is analysed, and the parts' items are joined with their evidence offsets moved into the whole text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from briefing.extract.assemble import extraction_from_data, extraction_to_data
from briefing.model import Extraction, Source

# A cut a part may end at, best first: a blank line, a line break, a sentence end, a space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])[\"”’)]*\s+"), re.compile(r"\s+"))


def run(sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Extraction]:
    """One Extraction per source, in order; ``sources`` is read only as the pipe needs it.

    Sources not in English go through as empty Docs (nothing to parse) and come back with a note.
    """
    for data in run_data(sources, batch_size=batch_size, n_process=n_process):
        yield extraction_from_data(data)


@dataclass(frozen=True)
class _Part:
    english: bool
    language: str
    offset: int  # where this part starts in its source's text
    last: bool  # the source's last part


def run_data(sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """``run``, each Extraction as the plain data ``extraction_to_data`` gives (what a worker sends back)."""
    from briefing.extract.nlp import get_nlp

    nlp = None

    def docs() -> Iterator[tuple[Any, _Part]]:
        nonlocal nlp
        for s in sources:
            if nlp is None:
                nlp = get_nlp()
            english = (s.language or "en").lower().startswith("en")
            text = (s.text or "") if english else ""
            parts = split_text(text, nlp.max_length)
            for n, (offset, part) in enumerate(parts):
                yield _make_doc(nlp, s, part), _Part(english, s.language, offset, n == len(parts) - 1)

    stream = docs()
    first = next(stream, None)  # the model loads here, before any worker is started
    if first is None:
        return
    pieces: list[tuple[int, dict[str, Any]]] = []
    for doc, part in nlp.pipe(_chain(first, stream), batch_size=batch_size, n_process=n_process, as_tuples=True):
        if not part.english:
            yield extraction_to_data(Extraction(analysed=False, note=f"not analysed (language: {part.language})"))
            continue
        pieces.append((part.offset, doc.user_data["bb_extraction"]))
        if part.last:
            yield pieces[0][1] if len(pieces) == 1 else join_parts(pieces)
            pieces = []


def _make_doc(nlp: Any, source: Source, text: str) -> Any:
    doc = nlp.make_doc(text)
    doc.user_data["bb_text"] = text  # what layout.doc_text would rebuild from the tokens (spaCy keeps it whole)
    doc._.pub_date = source.date
    doc._.source_title = source.title or ""
    doc._.source_format = source.format or "txt"
    return doc


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


# ---------------------------------------------------------------- long texts


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` as (offset, part) pieces of at most ``limit`` characters that join back into it, each cut
    at the last paragraph break before the limit, else the last line break, sentence end or space."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        parts.append((start, text[start:end]))
        start = end
    parts.append((start, text[start:]))
    return parts


def _cut(text: str, start: int, stop: int) -> int:
    """Where a part that begins at ``start`` ends: after the last good break in its second half."""
    window = text[start:stop]
    half = len(window) // 2
    for cut in _CUTS:
        last = None
        for last in cut.finditer(window, half):  # noqa: B007 - the last match is the one wanted
            pass
        if last is not None and last.end() < len(window):
            return start + last.end()
    return stop  # one run of characters longer than half the limit: cut it where it is


def join_parts(pieces: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One source's extraction from its parts' (offset, plain extraction): evidence moved by each part's
    offset; a person or a topic found in several parts is one item with the evidence of all."""
    joined: dict[str, Any] = {"analysed": True, "note": None, "countries": [], "people": [], "events": [],
                              "agreements": [], "figures": [], "topics": []}
    countries: Counter[str] = Counter()
    for offset, data in pieces:
        for code in data.get("countries", []):
            countries[code] += 1
        for kind in ("people", "events", "agreements", "figures", "topics"):
            for row in data.get(kind, []):
                joined[kind].append(_moved(row, offset))
    joined["countries"] = [code for code, _ in countries.most_common()]
    joined["people"] = _merged(joined["people"], "name")
    joined["topics"] = _merged(joined["topics"], "name")
    if not any(joined[k] for k in ("people", "events", "agreements", "figures", "topics")):
        joined["note"] = next((d.get("note") for _, d in pieces if d.get("note")), None)
    return joined


def _moved(row: dict[str, Any], offset: int) -> dict[str, Any]:
    row = dict(row)
    row["evidence"] = [{"start": e["start"] + offset, "end": e["end"] + offset, "text": e["text"]}
                       for e in row.get("evidence", [])]
    return row


def _merged(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    by_key: dict[str, dict[str, Any]] = {}
    for row in rows:
        kept = by_key.setdefault(row[key], row)
        if kept is row:
            continue
        kept["evidence"] += [e for e in row["evidence"] if e not in kept["evidence"]]
        for name, value in row.items():
            if kept.get(name) in (None, "") and value not in (None, ""):
                kept[name] = value  # a title or country one part knows and another did not
            elif isinstance(value, list) and name != "evidence":
                kept[name] = kept[name] + [v for v in value if v not in kept[name]]
    return list(by_key.values())
