"""Import off the GUI thread and out of the GUI process.

The import runs in a separate process (``ui.import_job.run_import``): loading,
spaCy extraction and the library writes all happen there, on their own
connection to the library file (SQLite WAL), through the core's
``Library.import_iter`` — each source one transaction, the import one undoable
step. spaCy holds the interpreter lock while it parses, so a thread would still
freeze the window; a process cannot. A small QThread here waits on the
process's result queue (a blocking read that releases the lock) and turns
each message into a signal; the window refreshes its tree as each source
lands. ``cancel()`` sets an event the importer checks between sources: the
import stops after the source being written and nothing half-written is left.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module

from PySide6.QtCore import QThread, Signal

from briefing.library.records import ImportFailure, ImportReport
from ui import import_job, qt_fixes  # noqa: F401 - qt_fixes: see there

STOP_GRACE_S = 15.0  # after cancel, how long the current source may take before the process is stopped


def count_files(paths: list[str]) -> int:
    """How many files an import of ``paths`` will read (the import's own walk, without loading any)."""
    from briefing.loaders import iter_source_files

    try:
        return sum(1 for _ in iter_source_files(paths))
    except OSError:
        return 0


class ImportWorker(QThread):
    """One import. Connect the signals, ``start()``, and wait for ``done(report)``."""

    progress = Signal(int, int, str)  # done, total, current file
    sourceDone = Signal(int)  # id of a source now in the library
    failed = Signal(str, str)  # path, reason
    done = Signal(object)  # ImportReport (also after cancel or an unexpected error)

    default_extract = None  # tests may put a picklable stand-in for spaCy here

    def __init__(self, library_path, paths, *, marking: str = "UNCLASSIFIED", extract=None, parent=None):
        """``extract(sources) -> extractions`` (picklable) replaces spaCy in the import process (tests)."""
        super().__init__(parent)
        # a library file's path, or what opens a team library in the import process (its str() has no password)
        self.library_target = library_path if callable(library_path) else str(library_path)
        self.library_path = str(library_path)
        self.paths = [str(p) for p in paths]
        self.marking = marking
        self.custom_extract = extract
        self.report = ImportReport()
        # "spawn": a forked copy of a process running Qt threads is not safe.
        self._context = multiprocessing.get_context("spawn")
        self._cancel = self._context.Event()
        self._process = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        report = self.report
        messages = self._context.Queue()
        process = self._context.Process(
            target=import_job.run_import, name="briefing-import",
            args=(self.library_target, self.paths, self.marking, messages, self._cancel,
                  self.custom_extract or self.default_extract),
        )
        self._process = process
        try:
            # the count first, here (a walk of the folders takes milliseconds): the window shows "0 / N" at once,
            # not after the import process has started and loaded the language model (7-10 s)
            self.progress.emit(0, count_files(self.paths), "")
            process.start()
            ended = False
            cancel_seen_at = None
            while not ended:
                try:
                    message = messages.get(timeout=0.2)
                except queue_module.Empty:
                    if not process.is_alive():
                        try:  # its last words may still be in the pipe
                            message = messages.get(timeout=1.0)
                        except queue_module.Empty:
                            self._fail(report, self.library_path,
                                       f"the import process stopped unexpectedly (exit code {process.exitcode})")
                            break
                    else:
                        if self._cancel.is_set():
                            if cancel_seen_at is None:
                                cancel_seen_at = _now()
                            if _now() - cancel_seen_at > STOP_GRACE_S:
                                process.terminate()  # a source in SQLite is all or nothing: safe to stop
                                break
                        continue
                kind = message[0]
                if kind == "result":
                    _, path, status, reason, source_id, done, total = message
                    if status == "imported":
                        report.imported.append(path)
                        if reason:  # imported, nothing found in it: the panel says so and why
                            report.empty.append(ImportFailure(path, reason))
                            self.failed.emit(path, f"no items: {reason}")
                    elif status == "present":
                        report.present.append(path)
                    elif status == "skipped":
                        report.skipped.append(ImportFailure(path, reason or "skipped"))
                        self.failed.emit(path, f"skipped: {reason}")
                    else:
                        self._fail(report, path, reason or "failed")
                    if status in ("imported", "present") and source_id is not None:
                        self.sourceDone.emit(int(source_id))
                    self.progress.emit(done, total, path)
                elif kind == "error":
                    self._fail(report, self.library_path, message[1])
                elif kind == "end":
                    ended = True
        finally:
            process.join(timeout=STOP_GRACE_S)
            if process.is_alive():
                process.terminate()
                process.join()
            messages.close()
            messages.join_thread()
            report.cancelled = self._cancel.is_set()
            self.done.emit(report)

    def _fail(self, report: ImportReport, path: str, reason: str) -> None:
        report.failed.append(ImportFailure(path, reason))
        self.failed.emit(path, reason)


def _now() -> float:
    import time

    return time.monotonic()
