"""Files to library: load, skip what is already there (by sha256, before extracting), extract in batches,
write each source in its own transaction.

The language model is loaded only when a file actually needs extracting
(``briefing.extract`` is imported lazily), so opening and querying a library
never pays for it.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefing.library.ingest import ContributionCache
from briefing.library.records import ImportResult
from briefing.model import DEFAULT_MARKING, Extraction, Source
from briefing.text import shown_path

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

BATCH_SIZE = 16
# Seconds one source may take in a worker before the worker is replaced and the source kept unanalysed
# ("took longer than N s"). A million characters takes about a minute here; a text that would take longer
# than this is a dump, not a source.
BUDGET_PER_SOURCE = 300.0


def list_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportResult]]:
    """The files under ``paths``, and what listing them settled: unreadable folders ("failed") and files of a
    type no loader reads ("skipped")."""
    from briefing.loaders import iter_source_files

    failures: list[ImportResult] = []
    files = list(iter_source_files(
        paths,
        on_error=lambda p, reason: failures.append(ImportResult(shown_path(p), "failed", reason)),
        on_skip=lambda p, reason: failures.append(ImportResult(shown_path(p), "skipped", reason))))
    return files, failures


def extractor() -> Callable[[list[Source]], Iterator[Extraction]]:
    from briefing.extract import extract_many

    return lambda sources: extract_many(sources, batch_size=BATCH_SIZE)


class ImportTarget(Protocol):
    """What an import writes into: the SQLite ``Library`` or the team library's ``PgStore``."""

    def source_id_for(self, sha256: str) -> int | None: ...

    def _add_source_in_step(self, source: Source, extraction: Extraction, step_id: int | None,
                            cache: ContributionCache | None = None) -> tuple[int, bool]: ...


def _extract_in_worker(sources: list[Source]) -> list[dict[str, Any]]:
    """A chunk per call: the worker runs spaCy's batched ``nlp.pipe`` over it and hands back plain data only
    (a few kB a source, where a parsed Doc would be a quarter of a megabyte to serialise and read back)."""
    from briefing.extract.runner import run_data

    return list(run_data(sources, batch_size=BATCH_SIZE))


def _warm_up() -> None:
    """Load the model once per worker process, before the first real source arrives."""
    _extract_in_worker([Source(path="warm-up.txt", text="The ministers met in Oslo on Monday.", sha256="0")])


def _start_worker(parent_pid: int, warm_up: bool) -> None:
    """A worker's first act: end when the importing process ends, however it ends (SIGKILL included)."""
    from briefing.lifetime import die_with_parent

    die_with_parent(parent_pid)
    if warm_up:
        _warm_up()


def can_fork() -> bool:
    """Forking copies only the calling thread: safe where fork exists and no other thread runs."""
    import multiprocessing
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class ProcessExtractor:
    """Extraction in ``workers`` processes, the caller loading files and writing to SQLite meanwhile.

    ``fork=True`` (only where ``can_fork()``): the model is loaded here first and the workers are forked
    with it, so they start at once and share its memory; otherwise they are spawned and load it themselves
    (safe beside threads: the window). Use as a context manager: the pool is gone when the ``with`` ends.
    """

    def __init__(self, workers: int, *, warm_up: bool = True, fork: bool = False,
                 budget: float = BUDGET_PER_SOURCE) -> None:
        self.workers = workers
        self.warm_up = warm_up
        self.fork = fork
        self.budget = budget
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0  # pools started so far: a chunk whose pool was replaced is sent to the new one
        self._froze = False

    # The importer may load and write while the workers extract the batches submitted before.
    eager = True

    @property
    def lookahead(self) -> int:
        """Batches kept in flight beyond the one being written: two per worker, so no worker waits for work
        while this process is held up writing (a checkpoint's disk flush)."""
        return 2 * self.workers

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context: BaseContext  # forking or spawning
        if self.fork:
            import gc

            from briefing.extract.nlp import get_nlp

            get_nlp()  # loaded once, here; the forked workers inherit it
            # The model's objects live as long as the process: out of the collector's sight, here as in the
            # workers, so the collections an import's many small objects cause do not walk them each time.
            gc.collect()
            gc.freeze()
            self._froze = True
            context, warm = multiprocessing.get_context("fork"), False
        else:
            context, warm = multiprocessing.get_context("spawn"), self.warm_up
        self._pool = pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                                initializer=_start_worker, initargs=(os.getpid(), warm))
        self._generation += 1
        return pool

    def _running(self) -> ProcessPoolExecutor:
        """The pool, started first if there is none."""
        return self._pool if self._pool is not None else self._start()

    def __call__(self, sources: list[Source]) -> Iterator[Extraction]:
        """Submit ``sources`` now (one chunk per worker) and return an iterator over their extractions."""
        pool = self._running()
        # One chunk per worker, in order, so results come back in the sources' order.
        size = max(1, -(-len(sources) // self.workers))
        chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
        futures = [(self._generation, pool.submit(_extract_in_worker, chunk)) for chunk in chunks]
        return self._results(chunks, futures)

    def _results(self, chunks: list[list[Source]],
                 futures: list[tuple[int, Future[list[dict[str, Any]]]]]) -> Iterator[Extraction]:
        try:
            for chunk, (generation, future) in zip(chunks, futures, strict=True):
                yield from self._wait(chunk, generation, future)
        finally:
            for _, future in futures:
                future.cancel()

    def _wait(self, chunk: list[Source], generation: int, future: Future[list[dict[str, Any]]]) -> list[Extraction]:
        """A chunk's extractions, within ``budget`` seconds a source; past it the stuck workers are replaced
        and the chunk's sources are tried one at a time, so only the slow one is kept unanalysed."""
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        from briefing.extract.assemble import extraction_from_data

        try:
            return [extraction_from_data(row) for row in future.result(timeout=self.budget * len(chunk))]
        except FutureTimeout:
            self._restart()
        except BrokenProcessPool:
            if generation != self._generation:  # its pool was replaced for another chunk's sake: send it again
                return self._wait(chunk, self._generation, self._running().submit(_extract_in_worker, chunk))
            self._restart()  # a worker died under it (a crash in a library): find which source did it
        except Exception as exc:  # noqa: BLE001 - a source's failure in a worker: its chunk is kept, unanalysed
            return [Extraction(analysed=False, note=f"not analysed ({type(exc).__name__})") for _ in chunk]
        return [self._alone(source) for source in chunk]

    def _alone(self, source: Source) -> Extraction:
        from concurrent.futures import TimeoutError as FutureTimeout

        from briefing.extract.assemble import extraction_from_data

        future = self._running().submit(_extract_in_worker, [source])
        try:
            return extraction_from_data(future.result(timeout=self.budget)[0])
        except FutureTimeout:
            self._restart()
            return Extraction(analysed=False, note=f"took longer than {self.budget:.0f} s to analyse; kept, not analysed")
        except Exception as exc:  # noqa: BLE001 - the worker crashed or failed on this one source
            self._restart()
            return Extraction(analysed=False, note=f"not analysed (the analysis failed: {type(exc).__name__})")

    def _restart(self) -> None:
        """Kill the pool's workers (one is stuck or dead) and start new ones."""
        pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):  # no public way to stop a busy worker
                process.kill()
            pool.shutdown(wait=True, cancel_futures=True)
        self._start()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._froze:
            import gc

            gc.unfreeze()
            self._froze = False

    def __enter__(self) -> ProcessExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _why_no_items(extraction: Extraction) -> str | None:
    """For a source imported with nothing in it, why (shown as a "no items:" line); None when it has items."""
    if extraction.items():
        return None
    return extraction.note or "nothing to extract"


def load_new(library: ImportTarget, path: Path, marking: str, seen: set[str]) -> Source | ImportResult:
    """The file as a Source to extract, or its settled result: failed to load, or already in the library.

    Duplicates are found by sha256 before any extraction; ``seen`` holds this import's own.
    """
    from briefing.loaders import LoadError, load

    try:
        source = load(path, marking=marking)
    except LoadError as exc:
        return ImportResult(exc.path, "failed", exc.reason)
    present = library.source_id_for(source.sha256)
    if present is not None or source.sha256 in seen:
        return ImportResult(str(path), "present", None, present)
    seen.add(source.sha256)
    return source


def load_batch(library: ImportTarget, paths: list[Path], marking: str, seen: set[str]) -> list[Source | ImportResult]:
    """``load_new`` of each file. A library that can look many up at once (the team library's
    ``source_ids_for``: one round trip to the server for the batch, not one a file) is asked once."""
    lookup = getattr(library, "source_ids_for", None)
    if lookup is None:
        return [load_new(library, path, marking, seen) for path in paths]
    from briefing.loaders import LoadError, load

    loaded: list[Source | ImportResult] = []
    for path in paths:
        try:
            loaded.append(load(path, marking=marking))
        except LoadError as exc:
            loaded.append(ImportResult(exc.path, "failed", exc.reason))
    held: dict[str, int | None] = lookup([s.sha256 for s in loaded if isinstance(s, Source)])
    settled: list[Source | ImportResult] = []
    for path, source in zip(paths, loaded, strict=True):
        if isinstance(source, Source):
            present = held.get(source.sha256)
            if present is not None or source.sha256 in seen:
                source = ImportResult(str(path), "present", None, present)
            else:
                seen.add(source.sha256)
        settled.append(source)
    return settled


def import_iter(
    library: ImportTarget,
    paths: Iterable[str | Path],
    *,
    marking: str = DEFAULT_MARKING,
    cancel: Callable[[], bool] | None = None,
    step_id: int | None = None,
    extract: Callable[[list[Source]], Iterator[Extraction]] | None = None,
) -> Iterator[ImportResult]:
    """Import files one batch at a time, yielding one ImportResult per file as it is settled.

    Stops between sources when ``cancel()`` turns true; sources already written stay, whole.
    """
    files, failures = list_files(paths)
    total = len(files) + len(failures)
    done = 0
    for failure in failures:
        done += 1
        yield ImportResult(failure.path, failure.status, failure.reason, done=done, total=total)
    seen: set[str] = set()
    extract = extract or extractor()
    # With an eager extractor (worker processes) the next batch is loaded and submitted before this one's
    # results are written, so loading and SQLite writes here overlap with extraction there.
    lookahead = getattr(extract, "lookahead", 1) if getattr(extract, "eager", False) else 0
    in_flight: deque[tuple[list[Source], Iterator[Extraction]]] = deque()

    cache = ContributionCache()

    def write(batch: list[Source], extractions: Iterator[Extraction]) -> Iterator[ImportResult]:
        nonlocal done
        for source, extraction in zip(batch, extractions, strict=True):
            source_id, new = library._add_source_in_step(source, extraction, step_id, cache)
            done += 1
            yield ImportResult(source.path, "imported" if new else "present", _why_no_items(extraction) if new else None,
                               source_id, done, total)
            if cancel and cancel():
                return

    # A batch of BATCH_SIZE for each worker: spaCy parses a batch of 16 faster per source than one of 8.
    batch_size = BATCH_SIZE * max(1, getattr(extract, "workers", 1))
    for start in range(0, len(files), batch_size):
        if cancel and cancel():
            return
        batch: list[Source] = []
        settled: list[ImportResult] = []
        for loaded in load_batch(library, files[start : start + batch_size], marking, seen):
            if isinstance(loaded, Source):
                batch.append(loaded)
            else:
                settled.append(loaded)
        for result in settled:
            done += 1
            yield ImportResult(result.path, result.status, result.reason, result.source_id, done, total)
        if batch:
            if cancel and cancel():
                return
            in_flight.append((batch, extract(batch)))
        while len(in_flight) > lookahead:
            yield from write(*in_flight.popleft())
            if cancel and cancel():
                return
    while in_flight:
        yield from write(*in_flight.popleft())
        if cancel and cancel():
            return


def extract_all(
    sources: list[Source],
    extract: Callable[[list[Source]], Iterator[Extraction]] | None = None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Extraction] | None:
    """Every source's extraction, in order, before anything is written (a re-extraction is one step on either
    backend); None when ``cancel()`` turned true on the way."""
    if extract is None:
        from briefing.extract import extract_many

        extract = extract_many
    extractions: list[Extraction] = []
    for n, (src, extraction) in enumerate(zip(sources, extract(sources), strict=True), 1):
        extractions.append(extraction)
        if progress:
            progress(n, len(sources), src.path)
        if cancel and cancel():
            return None
    return extractions
