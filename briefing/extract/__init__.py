"""Extraction: a Source in, an Extraction out.

Public API (stable):
    extract(source) -> Extraction
    extract_many(sources, *, batch_size=..., n_process=1) -> Iterator[Extraction]  (same order)

The spaCy model and the pipeline components load on the first call, never on
import: the other commands of the program must not pay for them. Each source's
Doc is made from ``source.text`` unchanged, so every evidence span satisfies
``source.text[start:end] == evidence.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from briefing.model import Extraction, Source


def extract(source: Source) -> Extraction:
    return next(extract_many([source]))


def extract_many(sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Extraction]:
    """One Extraction per source, in order. Sources not in English are passed over with a note."""
    from briefing.extract.runner import run

    yield from run(sources, batch_size=batch_size, n_process=n_process)
