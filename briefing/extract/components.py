"""The registered spaCy pipeline components (imported lazily, by pipeline.build)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from spacy.language import Language

from briefing.extract import agreements, countries, events, layout, people

log = logging.getLogger(__name__)


def _guarded(attr: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    """A rule that trips over an odd document loses its own items for that document, never the batch."""

    def wrap(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        @wraps(fn)
        def run(doc: Any) -> Any:
            try:
                return fn(doc)
            except Exception:  # noqa: BLE001 - one document's oddity must not stop an import of many
                log.exception("extraction step %s failed on a document; its %s are left empty", fn.__name__, attr)
                setattr(doc._, attr, [])
                return doc

        return run

    return wrap


@Language.component("bb_layout")
def bb_layout(doc: Any) -> Any:
    return layout.set_layout(doc)


@Language.factory("bb_countries")
def make_bb_countries(nlp: Language, name: str) -> Any:
    matcher = countries.build_matcher(nlp)

    @_guarded("bb_countries")
    def bb_countries(doc: Any) -> Any:
        doc._.bb_countries = countries.find_mentions(doc, matcher)
        # what bb_figures reads: a bare "$" is the publishing country's dollar; relative periods need the date
        doc.user_data["currency_country"] = countries.home_country(doc, doc._.bb_countries)
        doc.user_data["pub_date"] = doc._.pub_date
        return doc

    return bb_countries


@Language.component("bb_people")
@_guarded("bb_people")
def bb_people(doc: Any) -> Any:
    doc._.bb_people = people.find_people(doc)
    return doc


@Language.component("bb_events")
@_guarded("bb_events")
def bb_events(doc: Any) -> Any:
    doc._.bb_events = events.find_events(doc)
    return doc


@Language.component("bb_agreements")
@_guarded("bb_agreements")
def bb_agreements(doc: Any) -> Any:
    doc._.bb_agreements = agreements.find_agreements(doc)
    return doc


@Language.component("bb_assemble")
def bb_assemble(doc: Any) -> Any:
    """Build the Extraction inside the pipeline, so worker processes (n_process > 1) return plain data."""
    from briefing.extract.assemble import build_extraction, extraction_to_data

    try:
        extraction = build_extraction(doc)
    except Exception:  # noqa: BLE001 - never lose the batch over one document
        log.exception("assembling a document's extraction failed; it is left empty")
        from briefing.model import Extraction

        extraction = Extraction(note="extraction failed on this document")
    doc.user_data["bb_extraction"] = extraction_to_data(extraction)
    # the rule objects are not serialisable: drop them once the Extraction is built
    for name in ("bb_countries", "bb_people", "bb_events", "bb_agreements", "figures", "topics"):
        if doc.has_extension(name):
            setattr(doc._, name, None)
    # and the per-Doc caches the components kept (sentences, token strings...): all "bb_" keys but the result
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("bb_") and k != "bb_extraction"]:
        del doc.user_data[key]
    return doc
