"""PgStore: the team library on a PostgreSQL server, for several officers at once.

Each officer connects as their own PostgreSQL role; the server's row-level security hides what is above
their clearance (schema.sql), so nothing here filters by marking. What differs from the SQLite library:

- every change records who made it; undo and redo are per officer (``pg.undo``) and never overwrite a
  colleague's later change;
- an edit may carry the item's version it was made on (``item_version``): when a colleague has changed
  the same field since, it is refused with ``EditConflict`` naming their change and the newer value;
- committed changes are announced to the other officers' stores with NOTIFY on the channel
  ``briefing_changes``; ``check_external_changes``/``wait_for_changes`` hand them to subscribers.

Adding a source runs the SQLite library's own ingest code (identity rules, combining, indexing) through
``compat.SqliteDialect``; the contributions and evidence of each item are written with executemany.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg

from briefing.library import copies, ingest, kinds, ops
from briefing.library import query as q
from briefing.library.db import LibraryError
from briefing.library.index import refresh_items, reindex_sources
from briefing.library.library import KIND_PLURALS, NotFound
from briefing.library.pg import read
from briefing.library.pg import undo as pg_undo
from briefing.library.pg import upgrade as pg_upgrade
from briefing.library.pg.batch import TAKE_IDS, PipelinedDialect, Prefetched, SearchBodies
from briefing.library.pg.briefs import TeamBriefs
from briefing.library.pg.compat import SqliteDialect
from briefing.library.pg.edits import TeamEdits
from briefing.library.pg.export import TeamExport
from briefing.library.pg.extraction import TeamExtraction
from briefing.library.pg.groups import TeamGroups
from briefing.library.pg.sources import TeamSources
from briefing.library.records import (
    Brief,
    BriefLine,
    BriefRow,
    Change,
    ImportReport,
    ImportResult,
    Item,
    ItemRow,
    SourceRecord,
    SourceRow,
)
from briefing.model import DEFAULT_MARKING, MARKINGS, Extraction, Source

log = logging.getLogger(__name__)

CHANNEL = "briefing_changes"
MAX_NOTIFIED_IDS = 400  # a NOTIFY payload is at most 8000 bytes: more ids become a "reset"
BRIEF_FIELDS = ("title", "recipient", "prepared_by", "marking", "purpose", "key_points", "date")


class EditConflict(LibraryError):
    """A colleague changed the field after the officer read it; the edit was not saved."""

    def __init__(self, message: str, *, item_id: int, field: str, by: str, step: str | None, value: Any) -> None:
        super().__init__(message)
        self.item_id = item_id
        self.field = field
        self.by = by
        self.step = step
        self.value = value  # the item's value now (what the window shows instead)


class NotOnTeamLibrary(LibraryError, AttributeError):
    """An operation of the SQLite library that the team library does not offer yet."""


class _Overtaken(Exception):
    """A colleague's change was committed while a source was written with the import's cache kept from before it."""


class Refused(LibraryError):
    """The server refused a change (a lost connection, a privilege the officer lacks); nothing was saved."""


def _reason(exc: psycopg.Error) -> str:
    return " ".join((exc.diag.message_primary or str(exc)).split())


def is_dsn(target: object) -> bool:
    """Does ``target`` (a --library value) name a PostgreSQL server rather than a file?"""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def _merge_keys(extraction: Extraction) -> set[str]:
    """The merge keys the items of an extraction are looked up by, but for events (theirs name the people
    the source's own persons become, known only as they are joined)."""
    keys: set[str] = set()
    for kind, item in extraction.items():
        if kind != "event":
            keys |= kinds.identity_keys(kind, {k: v for k, v in vars(item).items() if k != "evidence"}, {})
    return keys


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


class PgStore(TeamBriefs, TeamEdits, TeamExtraction, TeamExport, TeamGroups, TeamSources):  # a module each
    """The library's core operations on a team library (see ``briefing.library.store.CoreStore``)."""

    def __init__(self, conn: psycopg.Connection[Any], listener: psycopg.Connection[Any] | None) -> None:
        self._conn = conn
        self._db = SqliteDialect(conn)
        self._listener = listener
        self._lock = threading.RLock()
        self._subscribers: list[Callable[[Change], None]] = []
        self._pending: list[Change] = []
        self._step_id: int | None = None
        self._step_name: str | None = None
        self._cache_mark: tuple[int, int] = (0, -1)  # (import cache, the library's change count it is current at)
        self._search_bodies = SearchBodies()  # the items' search texts as last written here (batch.py)
        # What an import's prefetches read, kept while its cache is (batch.py, Prefetched): cleared with it
        self._prefetched = Prefetched()
        self._logged: tuple[int, set[int]] | None = None  # an import's step and the items its log holds (_logged_in)
        self._logging: set[int] = set()  # those the source being written logs (_write_source)
        row = conn.execute("SELECT session_user, bb_clearance()").fetchone()
        assert row is not None
        self.user: str = row[0]
        rank: int = row[1]
        self.clearance: str | None = MARKINGS[rank] if 0 <= rank < len(MARKINGS) else None

    @classmethod
    def open(cls, dsn: str, *, listen: bool = True) -> PgStore:
        """Connect to the team library at ``dsn``; LibraryError (one line) when that is not possible."""
        try:
            conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.OperationalError as exc:
            from briefing.team import redact

            raise LibraryError(f"cannot connect to {redact(dsn)}: {' '.join(str(exc).split())}") from exc
        try:
            if conn.execute("SELECT to_regclass('briefing.items')").fetchone() == (None,):
                raise LibraryError("this database holds no team library (`briefing team init` makes one)")
            conn.execute("SET search_path TO briefing, public")
            # No JIT compilation: the row-security policies' subqueries make the planner's cost of even a
            # look-up of a few rows pass jit_above_cost, and compiling took 0.1 s of a query of 2 ms.
            conn.execute("SET jit = off")
            # Another schema version than this program's is refused with one line; an older library opened
            # by its administrator is brought up to date (`briefing team init` does the same).
            pg_upgrade.check(conn)
            listener = None
            if listen:
                listener = psycopg.connect(dsn, autocommit=True)
                listener.execute(f"LISTEN {CHANNEL}")
            return cls(conn, listener)
        except BaseException:
            conn.close()
            raise

    @property
    def path(self) -> str:
        info = self._conn.info
        return f"postgresql://{self.user}@{info.host}:{info.port}/{info.dbname}"

    def close(self) -> None:
        with self._lock:
            for conn in (self._conn, self._listener):
                if conn is not None and not conn.closed:
                    conn.close()

    if not TYPE_CHECKING:  # at run time only: the type checker must still see what is missing

        def __getattr__(self, name: str) -> Any:
            if name.startswith("_"):
                raise AttributeError(name)
            raise NotOnTeamLibrary(f"'{name}' is not available on a team library yet")

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- steps and notifications -----------------------------------------------------------------

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[SqliteDialect]:
        """One named, undoable change of this officer's, in one transaction; nested steps join the outer."""
        with self._lock:
            if self._step_id is not None:
                yield self._db
                return
            try:
                with self._conn.transaction():
                    step_id = pg_undo.begin(self._conn, name, ingest.now())
                    self._conn.execute("SELECT set_config('briefing.step', %s, true), "
                                       "set_config('briefing.step_name', %s, true), "
                                       "set_config('briefing.count_at_end', 'on', true)", (str(step_id), name))
                    self._step_id, self._step_name = step_id, name
                    try:
                        yield self._db
                        pg_undo.finish(self._conn, step_id)
                        self._notify()
                        self._count_change()
                    finally:
                        self._step_id = self._step_name = None
            except psycopg.errors.UniqueViolation:
                self._pending.clear()
                raise  # add_source says what it means
            except psycopg.Error as exc:
                self._pending.clear()
                raise Refused(f"the team library refused '{name}': {_reason(exc)}") from exc
            except BaseException:
                self._pending.clear()
                raise
        self._flush()

    def _count_change(self) -> psycopg.Cursor[Any]:
        """Raise the library's change count if this transaction changed anything (schema.sql, change_count): the
        last statement before the commit, as it holds the count's row lock until then. The transaction has set
        ``briefing.count_at_end``. Its cursor gives the count after it (None: nothing was changed)."""
        return self._conn.execute("SELECT bb_count_change()")

    def _announce(self, what: str, ids: Iterable[int] = (), step: str | None = None) -> None:
        ids = tuple(ids)
        if ids or what in ("reset", "briefs"):
            self._pending.append(Change(what, ids, step or self._step_name))

    def _payloads(self) -> list[str]:
        payloads = []
        for change in self._pending:
            what, ids = (change.what, list(change.ids)) if len(change.ids) <= MAX_NOTIFIED_IDS else ("reset", [])
            payloads.append(json.dumps({"what": what, "ids": ids, "step": change.step, "by": self.user}))
        return payloads

    def _notify(self) -> None:
        """Tell the other officers' stores (delivered when this transaction commits), in one statement."""
        payloads = self._payloads()
        if payloads:
            self._conn.execute("SELECT pg_notify(%s, p) FROM unnest(%s::text[]) AS p", (CHANNEL, payloads))

    def _flush(self) -> None:
        changes, self._pending = self._pending, []
        for change in changes:
            for callback in list(self._subscribers):
                try:
                    callback(change)
                except Exception:  # a broken listener must not break the library
                    log.exception("library subscriber failed on %s", change)

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def wait_for_changes(self, timeout: float = 0.0) -> list[Change]:
        """Colleagues' changes committed since the last call (waiting up to ``timeout`` s for the first),
        also handed to subscribers."""
        if self._listener is None:
            return []
        own = self._conn.info.backend_pid
        changes: list[Change] = []
        with self._lock:
            gen = self._listener.notifies(timeout=timeout, stop_after=1) if timeout > 0 else iter(())
            received = list(gen)
            received += list(self._listener.notifies(timeout=0.01))  # whatever else has arrived with it
            for note in received:
                if note.pid == own:
                    continue  # this store's own change: announced when it committed
                try:
                    data = json.loads(note.payload)
                    changes.append(Change(data["what"], tuple(data["ids"]), data.get("step")))
                except (ValueError, KeyError, TypeError):
                    changes.append(Change("reset"))
        self._pending.extend(changes)
        self._flush()
        return changes

    def check_external_changes(self) -> bool:
        return bool(self.wait_for_changes(0.0))

    # --- sources ---------------------------------------------------------------------------------

    def source_id_for(self, sha256: str) -> int | None:
        with self._lock:
            row = self._conn.execute("SELECT id FROM sources WHERE sha256 = %s", (sha256,)).fetchone()
        return int(row[0]) if row else None

    def source_ids_for(self, sha256s: Sequence[str]) -> dict[str, int | None]:
        """``source_id_for`` of many documents in one round trip (an import's batch, ``importer.load_batch``)."""
        if not sha256s:
            return {}
        with self._lock:
            found = dict(self._conn.execute("SELECT sha256, id FROM sources WHERE sha256 = ANY(%s)",
                                            (list(sha256s),)).fetchall())
        return {sha: (int(found[sha]) if sha in found else None) for sha in sha256s}

    def add_source(self, source: Source, extraction: Extraction) -> tuple[int, bool]:
        """Add a source and its items as the step "Import <title>" (a marked source's title is not named:
        the step's name reaches every officer's notifications)."""
        present = self.source_id_for(source.sha256)
        if present is not None:
            return present, False
        self._check_cleared(source.marking)
        title = source.title or Path(source.path).name
        name = f"Import {title}" if source.marking == MARKINGS[0] else f"Import a {source.marking} source"
        try:
            with self.step(name):
                source_id = self._write_source(source, extraction)
        except psycopg.errors.UniqueViolation as exc:
            # The same document is held, at a marking this officer may not read.
            raise LibraryError(f"{source.path}: this document is already in the team library") from exc
        return source_id, True

    def import_iter(
        self,
        paths: Iterable[str | Path],
        *,
        marking: str = DEFAULT_MARKING,
        cancel: Callable[[], bool] | None = None,
        extract: Callable[[list[Source]], Iterator[Extraction]] | None = None,
        workers: int = 0,
    ) -> Iterator[ImportResult]:
        """Import files, one ImportResult per file: the SQLite library's import pipeline (``importer``),
        writing here. The whole import is one undoable step of this officer's ("Import 12 sources"), each
        source its own transaction; nobody's undo can take it apart while it runs."""
        from briefing.library import importer

        marking = " ".join((marking or DEFAULT_MARKING).upper().split())
        self._check_cleared(marking)
        with self._lock, self._conn.transaction():
            step_id = pg_undo.begin(self._conn, "Import", ingest.now(), running=True)
        imported = 0
        pool = importer.ProcessExtractor(workers, fork=importer.can_fork()) if workers > 0 and extract is None else None
        results = importer.import_iter(self, paths, marking=marking, cancel=cancel,
                                       step_id=step_id, extract=extract or pool)
        try:
            for result in results:
                imported += result.status == "imported"
                yield result
        finally:
            if pool is not None:
                pool.close()
            with self._lock, self._conn.transaction():
                if pg_undo.finish(self._conn, step_id):
                    self._conn.execute("UPDATE undo_steps SET name = %s WHERE id = %s",
                                       (f"Import {_plural(imported, 'source')}", step_id))

    def import_paths(self, paths: Iterable[str | Path], **options: Any) -> ImportReport:
        """``Library.import_paths`` (the same report from ``import_iter``), on the team library."""
        from briefing.library.library import Library

        return Library.import_paths(self, paths, **options)  # type: ignore[arg-type]  # Library's method run on a PgStore: it uses only import_iter

    def _add_source_in_step(self, source: Source, extraction: Extraction, step_id: int | None,
                            cache: object = None) -> tuple[int, bool]:
        """Write one source of an import in its own transaction, recorded into the import's step.

        ``cache``: the import's ``ingest.ContributionCache`` of the items it joins, kept from one source to
        the next while nobody else changes the library (``_cache_still_valid``)."""
        self._check_cleared(source.marking)
        kept = cache if isinstance(cache, ingest.ContributionCache) else None
        with self._lock:
            try:
                try:
                    result = self._add_source_once(source, extraction, step_id, kept)
                except _Overtaken:
                    # A colleague's change was committed while this source was written with what the cache
                    # had kept from before it: rolled back, and written again with every read made afresh.
                    log.debug("%s: written again, a colleague's change came in between", source.path)
                    self._pending.clear()
                    assert kept is not None
                    kept.clear()
                    self._prefetched.clear()
                    self._cache_mark = (0, -1)
                    result = self._add_source_once(source, extraction, step_id, kept)
            except BaseException:
                self._pending.clear()
                if kept is not None:
                    kept.clear()  # what it learnt in the failed transaction was rolled back
                self._prefetched.clear()
                raise
            finally:
                self._step_name = None
            self._flush()
        return result

    def _add_source_once(self, source: Source, extraction: Extraction, step_id: int | None,
                         kept: ingest.ContributionCache | None) -> tuple[int, bool]:
        with self._conn.transaction():
            # Is the source held already, and has anybody changed the library since the cache was filled? One
            # round trip, which also takes the ids of the source and its items if it is not held (in pipeline
            # mode); the step's settings, the notifications and the raising of the change count are sent with the
            # source's statements (_write_source), waiting for nothing.
            # The settings the source is written with are made in it too (transaction-local: if the source is held,
            # they go with the transaction, which writes nothing).
            pipelined = psycopg.Pipeline.is_supported()
            settings = (("briefing.count_at_end", "on"),
                        *((("briefing.step", str(step_id)), ("briefing.step_name", "Import")) if step_id is not None else ()))
            configs = self._configs(source, settings)
            row = self._conn.execute(
                "SELECT h.id, (SELECT n FROM change_count)"
                + "".join(f", CASE WHEN h.id IS NULL THEN {take} END" for take in (TAKE_IDS if pipelined else ()))
                + ", set_config(%s, %s, true)" * len(configs)
                + " FROM (SELECT (SELECT id FROM sources WHERE sha256 = %s) AS id) h",
                (*((max(1, len(extraction.items())),) if pipelined else ()), *(v for pair in configs for v in pair),
                 source.sha256)).fetchone()
            assert row is not None
            count = int(row[1])
            ids = (int(row[2]), [int(i) for i in row[3]]) if pipelined and row[2] is not None else None
            carried = kept is not None and self._cache_still_valid(kept, count)
            if kept is not None and not carried:
                kept.clear()
            if not carried:
                self._prefetched.clear()
            if row[0] is not None:
                if kept is not None:
                    self._cache_mark = (id(kept), count)
                return int(row[0]), False
            self._step_name = "Import"
            counted: list[psycopg.Cursor[Any]] = []

            def then() -> None:
                # The source's last statement: the join rank set back, the notifications and the change count raised
                # (schema.sql, bb_count_change: last, as it holds the count's row lock until the commit), in one.
                counted.append(self._conn.execute(
                    "SELECT set_config('briefing.join_rank', '', true), "
                    "(SELECT count(pg_notify(%s, p)) FROM unnest(%s::text[]) AS p), bb_count_change()",
                    (CHANNEL, self._payloads())))

            logged = self._logged_in(step_id)
            self._logging = set()
            source_id = self._write_source(source, extraction, kept, configured=True, then=then, logged=logged,
                                           prefetched=self._prefetched.for_rank(source.marking) if kept is not None else None,
                                           ids=ids)
            row = counted[0].fetchone()
            raised = row[2] if row else None
            if carried and raised is not None and raised != count + 1:
                raise _Overtaken  # see _cache_still_valid
            if kept is not None:  # current at the count read above, with this transaction's own change
                self._cache_mark = (id(kept), count + (raised is not None))
        if logged is not None:
            logged[1].update(self._logging)  # committed: the step's undo log holds them
        return source_id, True

    def _logged_in(self, step_id: int | None) -> tuple[int, set[int]] | None:
        """The step of an import and the items its undo log holds an image of (made, or updated once, by the
        sources written so far: known from committed transactions only, so a source rolled back adds none).
        None when no step is recorded."""
        if step_id is None:
            return None
        if self._logged is None or self._logged[0] != step_id:
            self._logged = (step_id, set())
        return self._logged

    def _cache_still_valid(self, cache: ingest.ContributionCache, count: int) -> bool:
        """Has nobody but this import changed the library since the cache was filled? ``count``: the library's
        change count (schema.sql, change_count) as this transaction's first statement sees it.

        Why the test is safe. Every transaction that changes a table an import reads raises the count by one,
        by updating its one row in that transaction, and a second one waits for the row until the first has
        committed: the counts go up in commit order, and a snapshot sees as many as it sees writing transactions
        committed (the count and the rows become visible at once, never one before the other). The cache is
        marked with the count it is current at (this import's own transactions included, each counted once):
        the count read now is that one only if no other change of this library has become visible since, and
        then every read the cache saved reads the same at the start of this transaction. A colleague's
        transaction in progress is not in sight then, for the cache nor for a read of the server. If it (or any
        other) commits while this source is being written, the cache could answer what a read made after that
        commit would answer otherwise; so the count this transaction raises its own to is checked before it
        commits: anything but one more than the count read at its start means another commit came in between,
        and the source is written again with an empty cache (``_Overtaken``). So an import with its cache kept
        reads what one without it would. Writers in other databases of the server, and autovacuum, leave the
        count alone: what the server's transaction ids, used here before, did not."""
        return self._cache_mark == (id(cache), count)

    def _write_source(self, source: Source, extraction: Extraction, cache: ingest.ContributionCache | None = None,
                      *, settings: Sequence[tuple[str, str]] = (), configured: bool = False,
                      then: Callable[[], None] | None = None,
                      logged: tuple[int, set[int]] | None = None, prefetched: Prefetched | None = None,
                      ids: tuple[int, list[int]] | None = None) -> int:
        """Write a source and its items; it joins only items of its own marking (schema.sql, join_rank):
        what a SECRET source says never becomes part of an item an OFFICIAL reader sees.

        ``settings``: transaction-local settings made first (``configured``: the caller has made them, and the
        join rank, with ``_configs``); ``then``: run once the source is written, its
        statements sent with the source's (in pipeline mode: waiting for no answer; there it also sets the join rank
        back, which is otherwise done here before it); ``logged``: the import's
        step (``briefing.step`` among the settings) and the items its undo log holds already (batch.py,
        ``PipelinedDialect``), those this source has logged left in ``_logging`` (the caller adds them once
        the transaction has committed); ``prefetched``: what the import's sources before read of the items they
        may join (batch.py, ``Prefetched``), kept by the caller while its cache is; ``ids``: the ids of the source
        and of the items it may create, taken by the caller (in pipeline mode only)."""
        configs = self._configs(source, settings)
        set_configs = "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(configs))
        values = [value for pair in configs for value in pair]
        if not psycopg.Pipeline.is_supported():  # a libpq older than 14: one statement at a time
            if not configured:
                self._conn.execute(set_configs, values)
            try:
                source_id = self._write_source_joined(self._db, source, extraction, cache)
            finally:
                if not self._conn.closed and self._conn.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS:
                    self._conn.execute("SELECT set_config('briefing.join_rank', '', true)")
            if then is not None:
                then()
            return source_id
        # In pipeline mode: the client waits for the server only where the ingest code reads (batch.py). If
        # anything fails, the transaction is rolled back, and the settings (transaction-local) with it.
        with self._conn.pipeline() as pipeline:
            if not configured:
                self._conn.execute(set_configs, values)
            db = PipelinedDialect(self._conn, pipeline, new_items=len(extraction.items()), bodies=self._search_bodies,
                                  logged=logged, prefetched=prefetched, ids=ids)
            source_id = self._write_source_joined(db, source, extraction, cache)
            db.flush()
            if then is not None:
                then()  # which sets the join rank back (in its one statement)
            else:
                self._conn.execute("SELECT set_config('briefing.join_rank', '', true)")
        if logged is not None:
            self._logging = db.logged_items()
        return source_id

    @staticmethod
    def _configs(source: Source, settings: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """The transaction-local settings a source is written with: the marking rank it joins items at, then ``settings``."""
        return [("briefing.join_rank", str(MARKINGS.index(source.marking))), *settings]

    def _write_source_joined(self, db: SqliteDialect, source: Source, extraction: Extraction,
                             cache: ingest.ContributionCache | None) -> int:
        # With a cache (an import's, or one for this source alone) the rows of all the source's items are
        # written together at its end, as an import into SQLite does: one multi-row INSERT a table.
        cache = cache if cache is not None else ingest.ContributionCache()
        source_id = ingest.insert_source(db, source, extraction)
        original = self._link_copy(db, source_id, source, cache)
        story = self._story_sources(db, original, cache) if original is not None else None
        pipelined = db if isinstance(db, PipelinedDialect) else None
        ingesting = ingest.Ingest(db, source_id, source, extraction, story=story, cache=cache,
                                  prefetch=pipelined.prefetch if pipelined is not None else None)
        if pipelined is not None:
            pipelined.prefetch(_merge_keys(extraction))
        touched = ingesting.run()
        self._announce("sources-added", [source_id])
        self._announce("items-added", sorted(ingesting.created))
        if touched - ingesting.created:
            self._announce("items-changed", sorted(touched - ingesting.created))
        return source_id

    @staticmethod
    def _story_sources(db: SqliteDialect, original: int, cache: ingest.ContributionCache) -> list[int]:
        """``copies.story_sources``: from the copy index ``_link_copy`` has just consulted, which holds every
        signed source in sight (a source's story is set with its signature) as the server does, this import's
        own included; read from the server when there is none."""
        index = cache.copies
        if index is None:
            return copies.story_sources(db, original)
        return [original, *sorted(s for s, o in zip(index.ids, index.originals, strict=True) if o == original and s != original)]

    def _check_cleared(self, marking: str) -> None:
        if marking not in MARKINGS:
            raise ValueError(f"unknown security marking {marking!r} (one of: {', '.join(MARKINGS)})")
        if self.clearance is None or MARKINGS.index(marking) > MARKINGS.index(self.clearance):
            raise LibraryError(f"{self.user} is cleared to {self.clearance or 'nothing'}: "
                               f"a {marking} source cannot be added by them")

    @staticmethod
    def _link_copy(db: SqliteDialect, source_id: int, source: Source, cache: ingest.ContributionCache) -> int | None:
        """Store the source's signature; link it to the first source of the story it copies, if any.

        The signatures read are kept in the cache for the import's next source."""
        sig = copies.signature(source.text)
        if sig is None:
            return None
        index = cache.copies
        if index is None:
            index = cache.copies = copies.CopyIndex.load(db)
        original = index.original_of(sig)
        db.execute("UPDATE sources SET signature = ?, shingles = ?, copy_of = ? WHERE id = ?",
                   (sig.hex(), sig.shingles, original, source_id))
        index.add(source_id, original or source_id, sig)
        return original

    def sources(self) -> list[SourceRow]:
        with self._lock:
            return read.sources(self._conn)

    def source(self, source_id: int) -> SourceRecord:
        with self._lock:
            record = read.source(self._conn, source_id)
        if record is None:
            raise NotFound(f"no source with id {source_id}")
        return record

    def delete_sources(self, source_ids: Sequence[int]) -> None:
        """Remove sources; items only they supported go too, unless an officer edited them."""
        ids = list(source_ids)
        with self.step(f"Remove {_plural(len(ids), 'source')}") as db:
            affected: set[int] = set()
            for sid in ids:
                self.source(sid)
                affected |= {r[0] for r in db.execute(
                    "SELECT item_id FROM contributions WHERE source_id = ? UNION "
                    "SELECT item_id FROM evidence WHERE source_id = ?", (sid, sid))}
            db.executemany("DELETE FROM sources WHERE id = ?", [(sid,) for sid in ids])
            gone = []
            for item_id in sorted(affected):
                ingest.recombine(db, item_id)
                row = db.execute("SELECT origin, edits, EXISTS (SELECT 1 FROM evidence WHERE item_id = items.id) "
                                 "FROM items WHERE id = ?", (item_id,)).fetchone()
                if row and row[0] == "machine" and row[1] == "{}" and not row[2]:
                    db.execute("DELETE FROM items WHERE id = ?", (item_id,))
                    gone.append(item_id)
            refresh_items(db, affected)
            self._announce("sources-removed", ids)
            self._announce("items-removed", gone)
            self._announce("items-changed", sorted(affected - set(gone)))

    # --- reading items ---------------------------------------------------------------------------

    def item(self, item_id: int) -> Item:
        found = self.items([item_id])
        if not found:
            raise NotFound(f"no item with id {item_id}")
        return found[0]

    def items(self, ids: Sequence[int]) -> list[Item]:
        with self._lock:
            return q.items(self._db, list(ids))

    def rows(self, ids: Sequence[int]) -> list[ItemRow]:
        with self._lock:
            return q.rows(self._db, list(ids))

    def query(self, query: q.Query | None = None) -> list[int]:
        with self._lock:
            return read.item_ids(self._conn, query)

    def count(self, query: q.Query | None = None) -> int:
        with self._lock:
            return read.count(self._conn, query)

    def search(self, text: str) -> list[int]:
        with self._lock:
            return read.search(self._conn, "items_fts", text)

    def search_sources(self, text: str) -> list[int]:
        with self._lock:
            return read.search(self._conn, "sources_fts", text)

    def statements(self, source_id: int, kind: str) -> list[tuple[int, dict[str, Any]]]:
        """(item id, what the source said of it) for each item of ``kind`` the source contributed to."""
        with self._lock:
            return [(int(r[0]), json.loads(r[1])) for r in self._conn.execute(
                "SELECT c.item_id, c.data FROM contributions c JOIN items i ON i.id = c.item_id "
                "WHERE c.source_id = %s AND i.kind = %s ORDER BY c.item_id", (source_id, kind))]

    def item_version(self, item_id: int) -> int:
        """The version of the item's edits; pass it with an edit to have a colleague's change refuse it."""
        with self._lock:
            row = self._conn.execute("SELECT version FROM items WHERE id = %s", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"no item with id {item_id}")
        return int(row[0])

    # --- changing items --------------------------------------------------------------------------

    def _kind(self, item_id: int) -> str:
        row = self._conn.execute("SELECT kind FROM items WHERE id = %s", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"no item with id {item_id}")
        return str(row[0])

    def edit(self, item_id: int, field: str, value: Any, *, version: int | None = None) -> None:
        self.edit_fields(item_id, {field: value}, version=version)

    def edit_fields(self, item_id: int, values: dict[str, Any], *, version: int | None = None) -> None:
        """Set fields of one item as one step. ``version``: the item's version the officer saw; a field a
        colleague has changed since raises EditConflict and nothing is saved."""
        with self._lock:
            kind = self._kind(item_id)
            checked = {f: kinds.check_edit(kind, f, v) for f, v in values.items()}
            with self.step(f"Edit {', '.join(checked)}"):
                row = self._conn.execute("SELECT version, machine, edits FROM items WHERE id = %s FOR UPDATE",
                                         (item_id,)).fetchone()
                if row is None:
                    raise NotFound(f"no item with id {item_id}")
                now, machine, edits = int(row[0]), json.loads(row[1]), json.loads(row[2])
                if version is not None and now != version:
                    self._refuse_conflict(item_id, kind, version, checked, machine, edits)
                self._apply_edits(item_id, machine, edits, checked)
                self._announce("items-changed", [item_id])

    def _apply_edits(self, item_id: int, machine: dict[str, Any], edits: dict[str, Any],
                     values: dict[str, Any]) -> None:
        for field, value in values.items():
            if field in machine and machine[field] == value:
                edits.pop(field, None)  # back to what the sources say: no longer an edit
            else:
                edits[field] = value
        self._db.execute("UPDATE items SET edits = ? WHERE id = ?", (json.dumps(edits, ensure_ascii=False), item_id))
        refresh_items(self._db, [item_id])

    def _refuse_conflict(self, item_id: int, kind: str, base: int, values: dict[str, Any],
                         machine: dict[str, Any], edits: dict[str, Any]) -> None:
        """Raise EditConflict if a field being edited was changed by someone after version ``base``."""
        row = self._conn.execute("SELECT edits FROM item_versions WHERE item_id = %s AND version = %s",
                                 (item_id, base)).fetchone()
        seen = json.loads(row[0]) if row else {}
        later = self._conn.execute(
            "SELECT edits, changed_by, step, changed_at FROM item_versions WHERE item_id = %s AND version > %s "
            "ORDER BY version", (item_id, base)).fetchall()
        for field in values:
            if edits.get(field) == seen.get(field):
                continue  # changed and changed back, or not changed at all: no conflict on this field
            previous, last = seen.get(field), None
            for version_edits, by, step, at in later:
                value = json.loads(version_edits).get(field)
                if value != previous:
                    last, previous = (by, step, at), value
            by, step, at = last if last is not None else ("someone", None, None)
            current = kinds.effective(kind, machine, edits).get(field)
            who = "you (elsewhere)" if by == self.user else by
            when = f" at {at:%H:%M}" if isinstance(at, datetime) else ""
            raise EditConflict(
                f"{who} changed the {field} of item {item_id}{when} ('{step or 'an edit'}') after you read it; "
                f"it is now {current!r}. Your edit was not saved: look at the new value and edit again",
                item_id=item_id, field=field, by=by, step=step, value=current)

    def add_note(self, text: str, title: str = "") -> int:
        return self.add_item("note", {"title": title, "text": text})

    def add_item(self, kind: str, fields: dict[str, Any]) -> int:
        """An item an officer adds by hand (no source: every officer sees it)."""
        values = {f: kinds.check_edit(kind, f, v) for f, v in fields.items()}
        with self.step("Add note" if kind == "note" else f"Add {kind}") as db:
            cursor = db.execute(
                "INSERT INTO items (kind, machine, edits, origin, created_at) VALUES (?, ?, '{}', 'user', ?)",
                (kind, json.dumps(values, ensure_ascii=False), ingest.now()))
            item_id = cursor.lastrowid
            assert item_id is not None
            refresh_items(db, [item_id])
            self._announce("items-added", [item_id])
        return item_id

    def delete_items(self, ids: Sequence[int]) -> None:
        ids = list(ids)
        with self._lock:
            kind_of = {i: self._kind(i) for i in ids}
            with self.step(f"Delete {_plural(len(ids), 'item')}") as db:
                dismissed = []
                for item_id in ids:
                    # Remember what each source said, so extracting the source again does not bring it back.
                    for source_id, data in db.execute(
                            "SELECT source_id, data FROM contributions WHERE item_id = ?", (item_id,)).fetchall():
                        dismissed.append((source_id, kind_of[item_id], kinds.fingerprint(kind_of[item_id],
                                                                                         json.loads(data))))
                db.executemany("INSERT OR IGNORE INTO dismissed (source_id, kind, fingerprint) VALUES (?, ?, ?)",
                               dismissed)
                db.executemany("DELETE FROM items WHERE id = ?", [(i,) for i in ids])
                refresh_items(db, ids)
                self._announce("items-removed", ids)

    def merge(self, ids: Sequence[int]) -> int:
        ids = list(dict.fromkeys(ids))
        with self._lock:
            kind_of = {i: self._kind(i) for i in ids}
            if len(ids) < 2:
                raise ValueError("merging needs at least two items")
            if len(set(kind_of.values())) > 1:
                raise ValueError("only items of the same kind can be merged")
            kind = kind_of[ids[0]]
            ranks = {r[0] for r in self._conn.execute("SELECT marking_rank FROM items WHERE id = ANY(%s)", (ids,))}
            if len(ranks) > 1:
                raise ValueError(f"these {KIND_PLURALS[kind]} come from sources of different markings "
                                 f"({', '.join(MARKINGS[r] for r in sorted(ranks))}): merged, the item would show what "
                                 f"the {MARKINGS[max(ranks)]} sources say to officers not cleared for them")
            with self.step(f"Merge {len(ids)} {KIND_PLURALS[kind]}") as db:
                changed = ops.merge(db, ids)
                self._announce("items-removed", ids[1:])
                self._announce("items-changed", sorted(changed))
        return ids[0]

    def split(self, item_id: int, evidence_ids: Sequence[int]) -> int:
        with self._lock:
            kind = self._kind(item_id)
            with self.step(f"Split {kind}") as db:
                new_id = ops.split(db, item_id, list(evidence_ids))
                self._announce("items-added", [new_id])
                self._announce("items-changed", [item_id])
        return new_id

    # --- undo --------------------------------------------------------------------------------------

    def undo(self) -> str | None:
        """Undo this officer's latest step (never a colleague's); UndoConflict if a colleague has since
        changed what it changed."""
        return self._undo_redo(undoing=True)

    def redo(self) -> str | None:
        return self._undo_redo(undoing=False)

    def _undo_redo(self, *, undoing: bool) -> str | None:
        with self._lock:
            with self._conn.transaction():
                step = pg_undo.latest(self._conn, pg_undo.DONE if undoing else pg_undo.UNDONE)
                if step is None:
                    return None
                step_id, name = step
                self._conn.execute("SELECT set_config('briefing.step_name', %s, true), "
                                   "set_config('briefing.count_at_end', 'on', true)",
                                   (f"{'Undo' if undoing else 'Redo'} {name}",))
                applied = pg_undo.apply(self._conn, step_id, name, undoing=undoing)
                refresh_items(self._db, applied.items)
                reindex_sources(self._db, applied.sources)
                self._conn.execute("SELECT bb_refresh_rank(%s)", (sorted(applied.items),))
                self._announce("reset", sorted(applied.items), name)
                self._notify()
                # The foreign keys apply deferred (pg_undo.apply) are checked now, not at the commit: they lock the
                # rows they point at, and no lock is to be waited for while the change count's row is held.
                self._conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
                self._count_change()
            self._flush()
        return name

    def undo_name(self) -> str | None:
        with self._lock:
            step = pg_undo.latest(self._conn, pg_undo.DONE, refuse_running=False)
        return step[1] if step else None

    def redo_name(self) -> str | None:
        with self._lock:
            step = pg_undo.latest(self._conn, pg_undo.UNDONE)
        return step[1] if step else None

    # --- briefs ------------------------------------------------------------------------------------

    def briefs(self) -> list[BriefRow]:
        with self._lock:
            return [BriefRow(*r) for r in self._conn.execute(
                "SELECT b.id, b.name, (SELECT count(*) FROM brief_lines l WHERE l.brief_id = b.id) FROM briefs b "
                "ORDER BY b.id")]

    def _brief_exists(self, brief_id: int) -> str:
        row = self._conn.execute("SELECT name FROM briefs WHERE id = %s", (brief_id,)).fetchone()
        if row is None:
            raise NotFound(f"no brief with id {brief_id}")
        return str(row[0])

    def create_brief(self, name: str) -> int:
        with self.step(f"New brief {name}") as db:
            brief_id = db.execute("INSERT INTO briefs (name, created_at) VALUES (?, ?)", (name, ingest.now())).lastrowid
            assert brief_id is not None
            self._announce("briefs", [brief_id])
        return brief_id

    def rename_brief(self, brief_id: int, name: str) -> None:
        with self._lock:
            self._brief_exists(brief_id)
            with self.step(f"Rename brief to {name}") as db:
                db.execute("UPDATE briefs SET name = ? WHERE id = ?", (name, brief_id))
                self._announce("briefs", [brief_id])

    def delete_brief(self, brief_id: int) -> None:
        with self._lock:
            name = self._brief_exists(brief_id)
            with self.step(f"Delete brief {name}") as db:
                db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,))
                self._announce("briefs", [brief_id])

    def brief(self, brief_id: int) -> Brief:
        """The brief with the lines this officer may see (a line on an item above their clearance is not
        shown to them)."""
        with self._lock:
            row = self._conn.execute(f"SELECT id, name, {', '.join(BRIEF_FIELDS)} FROM briefs WHERE id = %s",
                                     (brief_id,)).fetchone()
            if row is None:
                raise NotFound(f"no brief with id {brief_id}")
            lines = [BriefLine(*r) for r in self._conn.execute(
                "SELECT item_id, position, wording FROM brief_lines WHERE brief_id = %s ORDER BY position, item_id",
                (brief_id,))]
        return Brief(row[0], row[1], **dict(zip(BRIEF_FIELDS, row[2:], strict=True)), lines=lines)

    def update_brief(self, brief_id: int, **fields: Any) -> None:
        """Set a brief's title block (title, recipient, prepared_by, marking, purpose, key_points, date)."""
        unknown = set(fields) - set(BRIEF_FIELDS)
        if unknown:
            raise ValueError(f"a brief has no field {', '.join(sorted(unknown))} (fields: {', '.join(BRIEF_FIELDS)})")
        if "marking" in fields and fields["marking"] not in MARKINGS:
            raise ValueError(f"marking must be one of {', '.join(MARKINGS)}")
        with self._lock:
            self._brief_exists(brief_id)
            if not fields:
                return
            with self.step(f"Edit brief {', '.join(fields)}") as db:
                db.execute(f"UPDATE briefs SET {', '.join(f'{f} = ?' for f in fields)} WHERE id = ?",
                           (*fields.values(), brief_id))
                self._announce("briefs", [brief_id])

    def set_picked(self, brief_id: int, item_ids: Sequence[int], picked: bool) -> None:
        ids = list(item_ids)
        with self._lock:
            self._brief_exists(brief_id)
            with self.step(f"{'Pick' if picked else 'Unpick'} {_plural(len(ids), 'item')}") as db:
                if picked:
                    held = set(self.picked_ids(brief_id))
                    row = self._conn.execute("SELECT coalesce(max(position), -1) FROM brief_lines WHERE brief_id = %s",
                                             (brief_id,)).fetchone()
                    last = int(row[0]) if row else -1
                    new = []
                    for item_id in ids:
                        self._kind(item_id)
                        if item_id not in held:
                            last += 1
                            held.add(item_id)
                            new.append((brief_id, item_id, last))
                    db.executemany("INSERT INTO brief_lines (brief_id, item_id, position) VALUES (?, ?, ?)", new)
                else:
                    db.executemany("DELETE FROM brief_lines WHERE brief_id = ? AND item_id = ?",
                                   [(brief_id, i) for i in ids])
                self._announce("picks", ids)

    def picked_ids(self, brief_id: int) -> list[int]:
        with self._lock:
            return [r[0] for r in self._conn.execute(
                "SELECT item_id FROM brief_lines WHERE brief_id = %s ORDER BY position, item_id", (brief_id,))]

    def set_line_wording(self, brief_id: int, item_id: int, wording: str | None) -> None:
        with self.step("Edit wording") as db:
            db.execute("UPDATE brief_lines SET wording = ? WHERE brief_id = ? AND item_id = ?",
                       (wording, brief_id, item_id))
            self._announce("picks", [item_id])
