"""The import process: the whole import — loading, extraction (spaCy), writing — runs here, not in the window.

Kept free of Qt so it starts light. spaCy and the loaders hold the interpreter
lock for long stretches; in their own process they cannot stall the window's
event loop at all. This process opens its own connection to the library file
(SQLite WAL lets the window go on reading) and drives the core's
``Library.import_iter``: each source is written in its own transaction and the
whole import is one undoable step. What becomes of each file is sent back on a
queue as plain tuples; a cancel event is checked between sources.
"""

from __future__ import annotations

import os
import traceback

# The import is background work: it yields the processor to the window, and its numeric
# libraries keep to one thread so they do not crowd out the window's process on small machines.
NICENESS = 10
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def _be_background() -> None:
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):  # not on this platform, or not allowed: run at normal priority
        pass


def run_import(library_path, paths: list[str], marking: str, queue, cancel, extract=None) -> None:
    """Import ``paths``; put ("result", path, status, reason, source_id, done, total) per file on ``queue``,
    ("error", reason) if the import stops early, and always ("end", cancelled) last. ``library_path``: the
    library file, or a callable that opens a team library (``ui.team_connection.TeamOpener``)."""
    _be_background()
    from briefing.lifetime import die_with_parent

    die_with_parent()  # the window gone (closed, crashed, killed), its import goes too
    library = None
    try:
        from briefing.library import Library

        library = library_path() if callable(library_path) else Library.open(library_path, seed=False)
        for r in library.import_iter(paths, marking=marking, cancel=cancel.is_set, extract=extract):
            queue.put(("result", r.path, r.status, r.reason, r.source_id, r.done, r.total))
    except Exception as exc:  # noqa: BLE001 - reported to the window as a reason, with the details kept
        queue.put(("error", f"import stopped: {type(exc).__name__}: {exc}", traceback.format_exc()))
    finally:
        if library is not None:
            library.close()
        queue.put(("end", cancel.is_set()))
