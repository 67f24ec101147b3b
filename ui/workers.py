"""Import off the GUI thread: a QThread drives the library's importer, extraction runs in worker processes.

spaCy holds the interpreter lock while it parses, so extraction in a thread
would still freeze the window. The import thread opens its own connection to
the library file (SQLite WAL lets the window keep reading), lets the core's
``Library.import_iter`` load files and write each source in its own
transaction — the whole import one undoable step — and hands each batch's
extraction to a small pool of worker processes (``ui.import_job``). The window
is told per file (``progress``, ``sourceDone``, ``failed``) and refreshes its
tree as each source lands. ``cancel()`` stops after the source being written;
nothing half-written is ever left.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QThread, Signal

from briefing.library.records import ImportFailure, ImportReport
from briefing.model import Extraction
from ui import import_job


class _Stopped(Exception):
    """Cancel reached a file that had not started: end the import where it stands."""


def default_worker_count(files: int) -> int:
    cpus = os.cpu_count() or 1
    return max(1, min(files, cpus, 3))


class ImportWorker(QThread):
    """One import. Connect the signals, ``start()``, and wait for ``done(report)``."""

    progress = Signal(int, int, str)  # done, total, current file
    sourceDone = Signal(int)  # id of a source now in the library
    failed = Signal(str, str)  # path, reason
    done = Signal(object)  # ImportReport (also after cancel or an unexpected error)

    def __init__(self, library_path, paths, *, marking: str = "UNCLASSIFIED", processes: int | None = None,
                 extract=None, parent=None):
        """``extract(sources) -> extractions`` replaces the worker processes (tests, benchmarks)."""
        super().__init__(parent)
        self.library_path = str(library_path)
        self.paths = [str(p) for p in paths]
        self.marking = marking
        self.processes = processes
        self.custom_extract = extract
        self.report = ImportReport()
        self._cancelled = False
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []

    # -- control (GUI thread) --------------------------------------------------------------------------
    def cancel(self) -> None:
        self._cancelled = True
        for future in list(self._futures):
            future.cancel()

    def is_cancelled(self) -> bool:
        return self._cancelled

    # -- the thread ---------------------------------------------------------------------------------------
    def run(self) -> None:
        from briefing.library import Library

        report = self.report
        library = None
        try:
            library = Library.open(self.library_path, seed=False)
            extract = self.custom_extract or self._extract_in_processes
            for result in library.import_iter(self.paths, marking=self.marking, cancel=self.is_cancelled,
                                              extract=extract):
                if result.status == "imported":
                    report.imported.append(result.path)
                elif result.status == "present":
                    report.present.append(result.path)
                else:
                    report.failed.append(ImportFailure(result.path, result.reason or "failed"))
                    self.failed.emit(result.path, result.reason or "failed")
                if result.status in ("imported", "present") and result.source_id is not None:
                    self.sourceDone.emit(int(result.source_id))
                self.progress.emit(result.done, result.total, result.path)
        except _Stopped:
            pass
        except Exception as exc:  # noqa: BLE001 - the import ends with a reason, the window stays up
            report.failed.append(ImportFailure(self.library_path, f"import stopped: {type(exc).__name__}: {exc}"))
            self.failed.emit(self.library_path, f"import stopped: {type(exc).__name__}: {exc}")
        finally:
            report.cancelled = self._cancelled
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
            if library is not None:
                library.close()
            self.done.emit(report)

    def _extract_in_processes(self, sources):
        """The extraction of a batch, in order, computed by the worker processes."""
        if self._pool is None:
            # "spawn": a forked copy of a process that runs Qt threads is not safe.
            self._pool = ProcessPoolExecutor(
                max_workers=self.processes or default_worker_count(len(self.paths) * 4),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=import_job.warm_up,
            )
        futures = [self._pool.submit(import_job.extract_one, source) for source in sources]
        self._futures = futures
        for source, future in zip(sources, futures, strict=True):
            try:
                yield future.result()
            except CancelledError:
                raise _Stopped() from None
            except BrokenProcessPool as exc:
                yield Extraction(analysed=False, note=f"not analysed (the analysis process stopped: {exc})")
            except Exception as exc:  # noqa: BLE001
                yield Extraction(analysed=False, note=f"not analysed ({type(exc).__name__} in {source.path})")
