"""A text longer than the model takes in one piece (spaCy's max_length) is analysed in parts, not refused."""

from __future__ import annotations

import time

import pytest

from briefing.extract import extract_many
from briefing.extract.runner import split_text
from tests.core._extract_helpers import source, spans_ok

OPENING = ("Foreign Minister Lina Haddad of Jordan met Foreign Minister Pedro Alves of Brazil in Amman on Monday. "
           "The two ministers signed a memorandum of understanding on water management.\n\n")
CLOSING = ("\n\nPresident Amara Diallo of Senegal visited Tokyo on Friday and met Prime Minister Kenji Sato of Japan. "
           "Japan will provide $40 million for a desalination plant in Dakar.\n")


def annex(chars: int) -> str:
    """Paragraphs of long codes, as in an annexed register: many characters, few words for the parser."""
    row = " ".join(f"ref{n:04d}" + "x" * 60 for n in range(12)) + "\n\n"
    return row * (chars // len(row) + 1)


def test_parts_join_back_into_the_text_and_break_at_paragraphs_first():
    text = "First paragraph. It goes on.\n\nSecond one here. More text.\n\nThird."
    parts = split_text(text, 40)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 40 and text[o:o + len(p)] == p for o, p in parts)
    assert parts[0][1].endswith("\n\n")  # cut at the blank line, not mid-sentence


def test_a_paragraph_longer_than_the_limit_breaks_at_a_sentence_end():
    text = "One sentence ends here. " * 10
    parts = split_text(text, 100)
    assert "".join(p for _, p in parts) == text
    assert all(p.rstrip().endswith(".") for _, p in parts)


def test_a_short_text_is_one_part():
    assert split_text("Short.", 1000) == [(0, "Short.")]


@pytest.mark.slow
def test_a_text_of_1_2_million_characters_is_analysed_with_items_near_its_end():
    text = OPENING + annex(1_200_000) + CLOSING
    assert len(text) > 1_200_000
    short = source(OPENING + CLOSING, "2024-06-12")
    started = time.perf_counter()
    long_one, after = extract_many([source(text, "2024-06-12"), short], batch_size=2)
    assert time.perf_counter() - started < 240
    assert long_one.analysed and after.analysed  # the source after it is not lost either
    spans_ok(source(text, "2024-06-12"), long_one)
    near_end = len(text) - len(CLOSING)
    late_events = [e for e in long_one.events if e.evidence and e.evidence[0].start >= near_end]
    assert late_events and any(e.location == "Tokyo" for e in late_events)
    assert any(f.unit == "USD" and f.value == 40e6 and f.evidence[0].start >= near_end for f in long_one.figures)
    assert {"Lina Haddad", "Amara Diallo"} <= {p.name for p in long_one.people}
    assert {"JO", "BR", "SN", "JP"} <= set(long_one.countries)  # those of the first part and of the last
