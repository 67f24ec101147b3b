"""The dev set score (shared/eval) must not fall below a floor raised as the extraction improves."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DEV_FLOOR = 0.92   # measured 0.960 (bench/score_dev.py, 2026-12-03)
OWN_FLOOR = 0.94   # measured 0.958 on tests/gold
# Our own corpus (tests/corpus): floors a little under what was measured on 2026-12-03, raised as it improves.
TUNING_FLOOR = 0.88   # measured 0.897 with t51-t74 added untuned, 0.911 at the sixth session's end
BLIND_FLOOR = 0.78    # measured 0.835 on b01-b56 (0.810 on b01-b32), 2026-12-03; scored, never tuned on


def _score_dev():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import score_dev
    finally:
        sys.path.pop(0)
    return score_dev


def _score(own: bool) -> dict:
    score_dev = _score_dev()
    scorer = SHARED / "eval" / "score.py"
    if own:
        return score_dev.score(REPO / "tests" / "gold" / "gold", score_dev.own_sources(), scorer)
    return score_dev.score(SHARED / "eval" / "dev" / "gold", score_dev.dev_sources(SHARED), scorer)


@pytest.mark.slow
def test_dev_overall_stays_above_the_floor():
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("shared/ not beside the repository")
    report = _score(own=False)
    assert report["overall_f1"] >= DEV_FLOOR, report
    assert report["people"]["f1"] >= 0.95 and report["events"]["f1"] >= 0.85
    assert report["agreements"]["f1"] >= 0.80 and report["attributes"] >= 0.85


@pytest.mark.slow
def test_own_gold_overall_stays_above_the_floor():
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("the shared scorer is not beside the repository")
    report = _score(own=True)
    assert report["overall_f1"] >= OWN_FLOOR, report


@pytest.mark.slow
@pytest.mark.parametrize("part, floor", [("tuning", TUNING_FLOOR), ("blind", BLIND_FLOOR)])
def test_our_corpus_stays_above_its_floor(part, floor):
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("the shared scorer is not beside the repository")
    score_dev = _score_dev()
    gold, paths = score_dev.gold_set(part, SHARED)
    report = score_dev.score(gold, paths, SHARED / "eval" / "score.py")
    assert report["overall_f1"] >= floor, {k: report[k] for k in ("overall_f1", "attributes")}
