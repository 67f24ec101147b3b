"""Shared helpers for the extraction tests: one model per test session (the extract module caches it)."""

from __future__ import annotations

import hashlib

from briefing.extract import extract
from briefing.model import Extraction, Source


def source(text: str, date: str | None = "2024-06-12", *, title: str = "", fmt: str = "txt", language: str = "en",
           path: str = "mem.txt") -> Source:
    return Source(path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title=title, date=date,
                  format=fmt, language=language)


def run(text: str, date: str | None = "2024-06-12", **kw) -> Extraction:
    return extract(source(text, date, **kw))


def person(x: Extraction, name: str):
    found = [p for p in x.people if p.name == name]
    assert found, f"no person {name!r} in {[p.name for p in x.people]}"
    return found[0]


def spans_ok(src: Source, x: Extraction) -> None:
    """Every evidence span points at the stored text."""
    for _kind, item in x.items():
        for ev in item.evidence:
            assert src.text[ev.start:ev.end] == ev.text
