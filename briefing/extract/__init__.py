"""Extraction: a Source in, an Extraction out (placeholder until the pipeline lands).

Public API (stable):
    extract(source) -> Extraction
    extract_many(sources, *, batch_size=..., n_process=1) -> Iterator[Extraction]  (same order)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from briefing.model import Extraction, Source


def extract(source: Source) -> Extraction:
    return next(extract_many([source]))


def extract_many(sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Extraction]:
    for source in sources:
        if source.language != "en":
            yield Extraction(analysed=False, note=f"not analysed (language: {source.language})")
        else:
            yield Extraction()
