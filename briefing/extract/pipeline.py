"""The extraction pipeline: which components run, in what order, around the model's own.

The order is configuration, not code scattered in the components: each entry
names a registered spaCy factory and where it goes relative to the model's
pipes. ``build`` adds them to a loaded model.
"""

from __future__ import annotations

from typing import Any

# (component name, placement relative to the model's pipes)
COMPONENTS: list[tuple[str, dict[str, Any]]] = [
    ("bb_layout", {"before": "parser"}),          # sentence breaks at blank lines/bullets; credit lines, footers
    # country mentions -> ISO codes; tags the countries, capitals and demonyms the model missed as entities
    # (data/countries.json), right after the model's NER, before any other component reads the entities
    ("bb_countries", {"after": "ner"}),
    ("bb_people", {"last": True}),              # people: names, titles, countries, aliases
    ("bb_events", {"last": True}),              # events: type, status, date, participants
    ("bb_agreements", {"last": True}),          # agreements: title, kind, status, validity
    ("bb_figures", {"last": True}),             # money, percentages, counts (briefing.extract.figures)
    ("bb_topics", {"last": True}),              # areas of cooperation and issues (briefing.extract.topics)
    ("bb_assemble", {"last": True}),            # the Extraction, kept as plain data on the Doc
]

# Model parts the extraction does not read (kept small: the benchmark compares against the same model).
DISABLED: list[str] = []


def build(nlp: Any) -> Any:
    """Add the Briefing Builder components to ``nlp`` in the configured order."""
    from briefing.extract import components  # noqa: F401  (registers the factories)

    for name, where in COMPONENTS:
        if name in nlp.pipe_names:
            continue
        nlp.add_pipe(name, **where)
    for name in DISABLED:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp
