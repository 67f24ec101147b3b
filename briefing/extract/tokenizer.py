"""The English tokenizer's customisations, and a tokenizer for rule modules that need one.

The model (``nlp.get_nlp``) applies ``customise`` to its own tokenizer. A rule module that splits
its lexicon phrases "the way the text is split" (people's titles and honorifics) takes
``english_tokenizer()``: the same rules on a blank English pipeline, so it needs neither the model
nor the pipeline, and the extraction stack stays one-way (nlp -> pipeline -> components -> rules).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from briefing.extract.rules import rules


def customise(nlp: Any) -> None:
    """Apply the program's tokenizer rules to ``nlp``'s tokenizer."""
    _split_glued_sentences(nlp)
    _whole_words(nlp)


@cache
def english_tokenizer() -> Any:
    """A tokenizer that splits text as the extraction's model does (without loading the model)."""
    from spacy.lang.en import English

    nlp = English()
    customise(nlp)
    return nlp.tokenizer


def _split_glued_sentences(nlp: Any) -> None:
    """Split "time.Vietnam" (a full stop with no space after it) so sentences are found in run-on text."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[a-z0-9%)])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _whole_words(nlp: Any) -> None:
    """Keep abbreviated honorifics and given names whole ("Hon.", "Amb.", "Ma.") so they do not end a sentence, and the
    event words the rules read as one word."""
    from spacy.symbols import ORTH

    honorifics = rules("honorifics.json")
    for prefix in [*honorifics["prefixes"], *honorifics.get("abbreviated_given_names", [])]:
        if prefix.endswith(".") and " " not in prefix and prefix.count(".") == 1 and len(prefix) > 2:
            nlp.tokenizer.add_special_case(prefix, [{ORTH: prefix}])
    for word in rules("event_triggers.json")["whole_words"]:
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
