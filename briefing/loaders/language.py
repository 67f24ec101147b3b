"""Offline language identification (py3langid ships its model inside the wheel)."""

from __future__ import annotations

import re
import threading

# Below this many letters a guess is noise; such snippets are taken as English.
MIN_LETTERS = 60
# A non-English guess must be this sure (normalised probability) to win over English.
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 1500  # some 250 words: langid is as sure of them as of a whole article, at a third of the cost

_lock = threading.Lock()
_identifier = None


def _model():
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


_NOISE = re.compile(r"https?://\S+|\S+@\S+|[\d_]+")


_WORD = re.compile(r"[a-z]+")
# The commonest English words: a fifth of running English text, next to none of French, Spanish or German.
_ENGLISH_WORDS = frozenset(["the", "and", "of", "to", "in", "is", "was", "for", "with", "that", "by", "said",
                            "his", "their", "its", "on", "at", "as", "are", "were", "be", "has", "have"])
ENGLISH_SHARE = 0.12  # of the sample's words; below it, langid decides
ENGLISH_MIN_WORDS = 40


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('en', 'fr', ...); short or unsure texts give 'en'."""
    sample = _NOISE.sub(" ", text[:SAMPLE_CHARS])
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return "en"
    words = _WORD.findall(sample.lower())
    if len(words) >= ENGLISH_MIN_WORDS and sum(w in _ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return "en"  # plainly English: langid (a byte-by-byte walk in Python) is not needed to say so
    code, confidence = _model().classify(sample)
    if code != "en" and confidence < MIN_CONFIDENCE:
        return "en"
    return code
