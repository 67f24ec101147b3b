"""The registered spaCy pipeline components (imported lazily, by ``pipeline.build``).

Every rule step is registered the same way: a factory named after the Doc extension it fills,
whose component runs the step behind one error guard. A step that trips over an odd document
loses its own items for that document and nothing else: the other steps, the other documents
and the batch go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from briefing.extract import agreements, assemble, countries, events, figures, layout, people, topics

log = logging.getLogger(__name__)

Step = Callable[[Any], list[Any]]


def _countries(nlp: Language) -> Step:
    matcher = countries.build_matcher(nlp)

    def step(doc: Any) -> list[Any]:
        matches = matcher(doc)
        countries.tag_entities(doc, matches)  # before anything reads doc.ents (people, events, topics)
        return countries.find_mentions(doc, matcher, matches)

    return step


def _layout(doc: Any) -> list[tuple[int, int]]:
    layout.set_layout(doc)  # sentence starts; the ranges that are not content
    return doc._.bb_skip


def _figures(doc: Any) -> list[Any]:
    # a bare "$" is the publishing country's dollar, else that of the countries the text is about
    mentions = doc._.bb_countries or []
    home = countries.home_country(doc, mentions)
    return figures.extract_figures(doc, currency_country=home, pub_date=doc._.pub_date, countries=mentions)


# component name -> (the Doc extension it fills, how to make its step from the loaded model); the rule
# functions are looked up when a document runs, not when the model is built
STEPS: dict[str, tuple[str, Callable[[Language], Step]]] = {
    "bb_layout": ("bb_skip", lambda nlp: _layout),
    "bb_countries": ("bb_countries", _countries),
    "bb_people": ("bb_people", lambda nlp: lambda doc: people.find_people(doc)),
    "bb_events": ("bb_events", lambda nlp: lambda doc: events.find_events(doc)),
    "bb_agreements": ("bb_agreements", lambda nlp: lambda doc: agreements.find_agreements(doc)),
    "bb_figures": ("bb_figures", lambda nlp: _figures),
    "bb_topics": ("bb_topics", lambda nlp: lambda doc: topics.extract_topics(doc)),
}


def guarded(name: str, extension: str, step: Step) -> Callable[[Any], Any]:
    """The component: ``doc._.<extension> = step(doc)``, or ``[]`` when the step raises on this document."""

    def component(doc: Any) -> Any:
        try:
            found = step(doc)
        except Exception:  # noqa: BLE001 - one document's oddity must not stop an import of many
            log.exception("extraction step %s failed on a document; its items are left empty", name)
            found = []
        setattr(doc._, extension, found)
        return doc

    return component


def _register(component: str, extension: str, make_step: Callable[[Language], Step]) -> None:
    def factory(nlp: Language, name: str) -> Callable[[Any], Any]:
        return guarded(name, extension, make_step(nlp))

    Language.factory(component, func=factory)


for _component, (_extension, _make) in STEPS.items():
    _register(_component, _extension, _make)


@Language.component("bb_assemble")
def bb_assemble(doc: Any) -> Any:
    """Build the Extraction inside the pipeline, so worker processes (n_process > 1) return plain data."""
    try:
        extraction = assemble.build_extraction(doc)
    except Exception:  # noqa: BLE001 - never lose the batch over one document
        log.exception("assembling a document's extraction failed; it is left empty")
        from briefing.model import Extraction

        extraction = Extraction(note="extraction failed on this document")
    doc.user_data["bb_extraction"] = assemble.extraction_to_data(extraction)
    # the rule objects are not serialisable: drop them once the Extraction is built
    for extension, _ in STEPS.values():
        setattr(doc._, extension, None)
    # and the per-Doc caches the components kept (sentences, token strings...): all "bb_" keys but the result
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("bb_") and k != "bb_extraction"]:
        del doc.user_data[key]
    return doc
