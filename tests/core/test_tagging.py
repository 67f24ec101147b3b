"""The indexed attribute-ruler matcher gives the model's own tags, parts of speech and lemmas, faster.

Every rule that reads a part of speech or a lemma stands on the attribute ruler; a matcher that
disagreed with spaCy's on one token would move events and people without any rule changing. So the
check is exact, over every source of our own corpus: the same matches, and the same POS, morphology
and lemma on every token.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.extract.nlp import _load_model, get_nlp
from briefing.extract.tagging import compile_ruler, speed_up

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "tuning" / "sources"


@pytest.fixture(scope="module")
def stock():
    """The model as spaCy ships it: its own Matcher in the attribute ruler."""
    return _load_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".md"})
    assert len(paths) >= 30, "the tuning corpus is where the comparison draws its text from"
    return [p.read_text(encoding="utf-8") for p in paths]


def test_the_program_s_model_uses_the_indexed_matcher():
    ruler = get_nlp().get_pipe("attribute_ruler")
    assert "match" in vars(ruler), "the attribute ruler still matches through spaCy's Matcher (speed_up did nothing)"


def test_same_matches_as_spacy_on_the_corpus(stock, texts):
    ruler = stock.get_pipe("attribute_ruler")
    fast = compile_ruler(ruler)
    parsed = list(stock.pipe(texts, disable=["attribute_ruler", "lemmatizer"]))
    tokens = 0
    for doc in parsed:
        assert fast(doc) == sorted(set(ruler.match(doc))), doc.text[:80]
        tokens += len(doc)
    assert tokens > 10_000


def test_same_pos_morphology_and_lemmas_as_the_stock_model(stock, texts):
    ours = _load_model()
    assert speed_up(ours)
    for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in a] == \
               [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in b]


def test_a_rule_added_later_still_wins(stock):
    """The ruler's order holds: a rule added after the model's own overrides them, as in spaCy."""
    nlp = _load_model()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "talks"}]], {"POS": "PROPN"})
    assert speed_up(nlp)
    doc = nlp("The talks ended on Monday.")
    assert doc[1].pos_ == "PROPN"


def test_a_pattern_beyond_it_leaves_the_ruler_as_spacy_made_it():
    nlp = _load_model()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "talks", "OP": "+"}]], {"POS": "PROPN"})
    assert not speed_up(nlp)
    assert "match" not in vars(nlp.get_pipe("attribute_ruler"))
    assert nlp("The talks ended.")[1].pos_ == "PROPN"
