"""A source that takes longer than its time budget is kept unanalysed with the reason, its worker replaced; the
other sources of the batch are analysed as usual (real workers, a real long text, a low budget)."""

from __future__ import annotations

import time

import pytest

from briefing.library.importer import ProcessExtractor, can_fork
from briefing.model import Source

QUICK = "The foreign ministers of Chile and Peru met in Lima on Monday and agreed to cooperate on mining."


def _source(name: str, text: str) -> Source:
    return Source(path=name, text=text, sha256=name, date="2024-03-05")


@pytest.mark.slow
@pytest.mark.skipif(not can_fork(), reason="the forked workers need fork and a single thread")
def test_a_source_past_its_budget_is_kept_unanalysed_and_the_rest_are_analysed():
    slow_text = "\n\n".join(f"{QUICK} Paragraph {n} adds talks on fisheries and ports." for n in range(4000))
    sources = [_source("a.txt", QUICK), _source("slow.txt", slow_text), _source("b.txt", QUICK)]
    started = time.monotonic()
    with ProcessExtractor(1, fork=True, budget=3.0) as extract:
        results = list(extract(sources))
        again = list(extract([_source("c.txt", QUICK)]))  # the replaced worker takes the next batch
    assert time.monotonic() - started < 60
    quick_a, slow, quick_b = results
    assert quick_a.analysed and quick_a.events and quick_b.analysed and quick_b.events
    assert not slow.analysed and "took longer than 3 s" in (slow.note or "")
    assert again[0].analysed and again[0].events
