"""The registered spaCy pipeline components (imported lazily, by pipeline.build)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from briefing.extract import agreements, countries, events, layout, people


@Language.component("bb_layout")
def bb_layout(doc: Any) -> Any:
    return layout.set_layout(doc)


@Language.factory("bb_countries")
def make_bb_countries(nlp: Language, name: str) -> Any:
    matcher = countries.build_matcher(nlp)

    def bb_countries(doc: Any) -> Any:
        doc._.bb_countries = countries.find_mentions(doc, matcher)
        return doc

    return bb_countries


@Language.component("bb_people")
def bb_people(doc: Any) -> Any:
    doc._.bb_people = people.find_people(doc)
    return doc


@Language.component("bb_events")
def bb_events(doc: Any) -> Any:
    doc._.bb_events = events.find_events(doc)
    return doc


@Language.component("bb_agreements")
def bb_agreements(doc: Any) -> Any:
    doc._.bb_agreements = agreements.find_agreements(doc)
    return doc
