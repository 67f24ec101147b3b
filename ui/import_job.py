"""What a worker process does: run the extraction on one loaded source.

Kept free of Qt so the worker processes start light; spaCy runs only there,
never in the window's process, so the event loop is never held by the model.
Sources and extractions are plain dataclasses and cross the process boundary
pickled.
"""

from __future__ import annotations

from briefing.model import Extraction, Source


def warm_up() -> None:
    """Load the language model once per worker process, before the first file arrives."""
    try:
        from briefing.extract import extract

        extract(Source(path="warm-up.txt", text="The ministers met in Paris on 3 May 2021.", sha256="0"))
    except Exception:  # noqa: BLE001 - a failure shows on the first file, with its reason
        pass


def extract_one(source: Source) -> Extraction:
    """The extraction of one source; an extractor failure leaves it stored but marked not analysed."""
    from briefing.extract import extract

    try:
        return extract(source)
    except Exception as exc:  # noqa: BLE001 - the text is still worth keeping
        return Extraction(analysed=False, note=f"not analysed (extraction failed: {type(exc).__name__}: {exc})")
