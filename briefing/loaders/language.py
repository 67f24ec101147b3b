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


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('en', 'fr', ...); short or unsure texts give 'en'."""
    sample = _NOISE.sub(" ", text[:SAMPLE_CHARS])
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return "en"
    code, confidence = _model().classify(sample)
    if code != "en" and confidence < MIN_CONFIDENCE:
        return "en"
    return code
