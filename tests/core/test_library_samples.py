"""The sample sources through the real loaders and extraction: every item's evidence is its source's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.library import Library
from briefing.paths import SEEDS_DIR

DEV_SOURCES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "sources"


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory):
    path = tmp_path_factory.mktemp("samples") / "lib.sqlite3"
    lib = Library.open(path, seed=True)  # a new library imports seeds/ by itself
    report = lib.import_paths([DEV_SOURCES] if DEV_SOURCES.is_dir() else [])
    yield lib, report
    lib.close()


def test_a_new_library_holds_the_samples(sample_library):
    lib, report = sample_library
    seeds = sorted(p.name for p in SEEDS_DIR.iterdir() if p.is_file())
    assert {Path(s.path).name for s in lib.sources()} >= set(seeds)
    assert report.failed == []
    assert lib.undo_name() != "Import 2 sources"  # the samples are not an undoable step of the user's


def test_every_item_of_the_samples_has_evidence_equal_to_its_span(sample_library):
    lib, _ = sample_library
    items = lib.items(lib.query())
    if not any(item.evidence for item in items):
        pytest.skip("the extraction found no items in the samples (placeholder extraction)")
    texts = {s.id: lib.source(s.id).text for s in lib.sources()}
    checked = 0
    for item in items:
        for ev in item.evidence:
            assert texts[ev.source_id][ev.start:ev.end] == ev.text, (item.kind, item.fields, ev)
            checked += 1
    assert checked >= len([i for i in items if i.kind != "note"])
