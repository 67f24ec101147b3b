"""The Library: one SQLite file holding sources, items, user edits, briefs and the undo history.

Every change goes through ``step(name)``: one transaction, recorded for undo,
announced to subscribers as a ``Change`` once committed. See CONTRACT.md.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from briefing import paths as app_paths
from briefing.library import backups, copies, db, export, health, ingest, kinds, undo
from briefing.library import query as q
from briefing.library.connection import inserted_id
from briefing.library.db import LibraryError
from briefing.library.index import refresh_items
from briefing.library.query import Query
from briefing.library.records import (
    Brief,
    BriefLine,
    BriefRow,
    Change,
    ImportFailure,
    ImportReport,
    ImportResult,
    Item,
    ItemRow,
    SourceRecord,
    SourceRow,
)
from briefing.library.undo import Applied  # by name: the method undo hides the module in the class
from briefing.model import DEFAULT_MARKING, MARKINGS, Extraction, Source
from briefing.text import plural

log = logging.getLogger(__name__)

BRIEF_FIELDS = ("title", "recipient", "prepared_by", "marking", "purpose", "key_points", "date")
KIND_PLURALS = {"person": "people", "event": "events", "agreement": "agreements", "figure": "figures",
                "topic": "topics", "note": "notes"}


class NotFound(LibraryError):
    """No item, source or brief with that id."""




class Library:
    def __init__(self, path: Path, conn: sqlite3.Connection, holder: db.StepHolder, damaged: str | None = None) -> None:
        self.damaged = damaged  # what is wrong with a damaged library (opened read-only, never written), or None
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = conn  # None once closed
        self._holder = holder
        self._lock = threading.RLock()
        self._transactions = 0  # transactions begun on this connection (an import's cache checks none came between)
        self._subscribers: list[Callable[[Change], None]] = []
        self._pending: list[Change] = []
        self._step_name: str | None = None  # the step being recorded, for the Changes it announces
        self._data_version = self._read_data_version()

    # --- opening -------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, seed: bool = True) -> Library:
        """Open the library at ``path`` (default: the user's); a new file gets the sample sources."""
        path = Path(path) if path is not None else app_paths.default_library_path()
        is_new = not path.exists() or path.stat().st_size == 0
        try:
            conn, holder = db.connect(path)
        except health.DamagedLibrary as exc:
            # Read what can still be read, write nothing: the officer restores a backup (``backups``).
            conn, holder = db.connect_read_only(path)
            return cls(path, conn, holder, damaged=exc.detail)
        lib = cls(path, conn, holder)
        try:
            lib._refresh_derived()
        except sqlite3.Error as exc:
            lib.close()
            raise LibraryError(f"cannot use the library {path}: {exc}") from exc
        if is_new and seed and app_paths.SEEDS_DIR.is_dir():
            lib._set_meta("seeds", "pending")
        if lib._meta("seeds") == "pending":  # also: a first start stopped half-way through the samples
            try:
                for result in lib.import_iter([app_paths.SEEDS_DIR], record=False):
                    if result.status == "failed":
                        log.warning("sample %s not imported: %s", result.path, result.reason)
                lib._set_meta("seeds", "done")
            except Exception:
                lib.close()
                raise
        elif not is_new:
            lib._daily_backup()
        return lib

    def _daily_backup(self) -> None:
        """Once a day while the program is used (a failed backup is logged, never in the way of work)."""
        try:
            held = self.conn.execute("SELECT 1 FROM sources UNION ALL SELECT 1 FROM items LIMIT 1").fetchone()
            if held and backups.due(self.path):
                self.backup_now("daily")
        except (LibraryError, OSError) as exc:
            log.warning("daily backup of %s failed: %s", self.path, exc)

    def backup_now(self, reason: str = "by hand") -> Path:
        """A backup of the library as it is now, kept with the automatic ones (``briefing.library.backups``)."""
        with self._lock:
            return backups.make(self.conn, self.path, reason)

    def list_backups(self) -> list[backups.Backup]:
        """This library's backups, newest first."""
        return backups.list_backups(self.path)

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str | None) -> None:
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _refresh_derived(self) -> None:
        """Rebuild list columns, merge keys and the search index if this program computes them differently
        from the one that wrote them (a new version: labels, dates or folding changed)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
        if row is not None and row[0] == str(kinds.DERIVED_VERSION):
            return
        from briefing.library.index import reindex_all

        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM items LIMIT 1").fetchone() or conn.execute(
                    "SELECT 1 FROM sources LIMIT 1").fetchone():
                reindex_all(conn)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('derived_version', ?)",
                         (str(kinds.DERIVED_VERSION),))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LibraryError(f"the library {self.path} is closed")
        return self._conn

    # --- steps, transactions, notifications -------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self.damaged is not None:
                raise health.DamagedLibrary(self.path, self.damaged)
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                self._transactions += 1
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                # SQLite ends a transaction itself on some errors (a full disk): our ROLLBACK would then fail
                # with "no transaction is active" and hide what happened.
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                self._pending.clear()
                if isinstance(exc, sqlite3.Error):
                    named = health.explain(exc, self.path)
                    if named is not exc:
                        raise named from exc
                raise
        self._flush()

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[sqlite3.Connection]:
        """One named, undoable change in one transaction; nested steps join the outer one."""
        with self._lock:
            if self._holder.step_id is not None:
                yield self.conn
                return
            with self._transaction() as conn:
                self._holder.step_id = undo.begin(conn, name, ingest.now())
                self._step_name = name
                try:
                    yield conn
                    undo.finish(conn, self._holder.step_id)
                finally:
                    self._holder.step_id = None
                    self._step_name = None

    def _announce(self, what: str, ids: Iterable[int] = (), step: str | None = None) -> None:
        ids = tuple(ids)
        if ids or what in ("reset", "briefs"):
            self._pending.append(Change(what, ids, step or self._step_name))

    def _flush(self) -> None:
        changes, self._pending = self._pending, []
        for change in changes:
            for callback in list(self._subscribers):
                try:
                    callback(change)
                except Exception:  # a broken listener must not break the library
                    log.exception("library subscriber failed on %s", change)

    def _read_data_version(self) -> int:
        try:
            version: int = self.conn.execute("PRAGMA data_version").fetchone()[0]
            return version
        except sqlite3.DatabaseError:
            if self.damaged is None:
                raise
            return 0  # a damaged library opened read-only: nobody writes to it, nothing to notice

    def check_external_changes(self) -> bool:
        """True (and a "reset" Change to subscribers) if another process or connection wrote to the library
        since the last check — e.g. `briefing undo` or an import worker while the window is open."""
        with self._lock:
            version = self._read_data_version()
            changed, self._data_version = version != self._data_version, version
        if changed:
            self._announce("reset")
            self._flush()
        return changed

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    # --- import -------------------------------------------------------------------------------------

    def has_sha256(self, sha256: str) -> bool:
        return self.source_id_for(sha256) is not None

    def source_id_for(self, sha256: str) -> int | None:
        with self._lock:
            row = self.conn.execute("SELECT id FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def add_source(self, source: Source, extraction: Extraction) -> tuple[int, bool]:
        """Add one source and its items (merged with what is there) as the step "Import <title>"."""
        present = self.source_id_for(source.sha256)
        if present is not None:
            return present, False
        with self.step(f"Import {source.title or Path(source.path).name}"):
            return self._add_source_in_step(source, extraction, self._holder.step_id)

    def _add_source_in_step(self, source: Source, extraction: Extraction, step_id: int | None,
                            cache: ingest.ContributionCache | None = None) -> tuple[int, bool]:
        """Write one source in its own transaction, recorded into ``step_id`` (None: not undoable).

        ``cache``: an import's contributions kept between its sources (see ``ingest.ContributionCache``)."""
        with self._lock:
            outer = self._holder.step_id
            if outer is not None and outer == step_id:
                return self._write_source(source, extraction)
            try:
                with self._transaction() as conn:
                    if cache is not None:
                        cache.check(conn, self._transactions)
                    self._holder.step_id = step_id
                    self._step_name = "Import" if step_id is not None else None
                    try:
                        return self._write_source(source, extraction, cache)
                    finally:
                        self._holder.step_id = outer
                        self._step_name = None
            except BaseException:
                if cache is not None:
                    cache.clear()  # what it learnt in the failed transaction was rolled back
                raise

    def _write_source(self, source: Source, extraction: Extraction,
                      cache: ingest.ContributionCache | None = None) -> tuple[int, bool]:
        conn = self.conn
        row = conn.execute("SELECT id FROM sources WHERE sha256 = ?", (source.sha256,)).fetchone()
        if row:
            return row[0], False
        source_id = ingest.insert_source(conn, source, extraction)
        original = self._link_copy(conn, source_id, source, cache)
        story = copies.story_sources(conn, original) if original is not None else None
        ingesting = ingest.Ingest(conn, source_id, source, extraction, cache=cache, story=story)
        touched = ingesting.run()
        self._announce("sources-added", [source_id])
        self._announce("items-added", sorted(ingesting.created))
        if touched - ingesting.created:
            self._announce("items-changed", sorted(touched - ingesting.created))
        return source_id, True

    @staticmethod
    def _link_copy(conn: sqlite3.Connection, source_id: int, source: Source, cache: ingest.ContributionCache | None) -> int | None:
        """Store the source's signature; if it is a near-identical copy of a story already held, link it to
        that story's first source and return that source's id."""
        sig = copies.signature(source.text)
        if sig is None:
            return None
        index = cache.copies if cache is not None else None
        if index is None:
            index = copies.CopyIndex.load(conn)
            if cache is not None:
                cache.copies = index
        original = index.original_of(sig)
        conn.execute("UPDATE sources SET signature = ?, shingles = ?, copy_of = ? WHERE id = ?",
                     (sig.hex(), sig.shingles, original, source_id))
        index.add(source_id, original or source_id, sig)
        return original

    def copies_of(self, source_id: int) -> list[int]:
        """The other sources of the same story (near-identical copies), the first imported first."""
        with self._lock:
            return copies.copies_of(self.conn, source_id)

    def import_iter(
        self,
        paths: Iterable[str | Path],
        *,
        marking: str = DEFAULT_MARKING,
        cancel: Callable[[], bool] | None = None,
        record: bool = True,
        extract: Callable[[list[Source]], Iterator[Extraction]] | None = None,
        workers: int = 0,
    ) -> Iterator[ImportResult]:
        """Import files, yielding one ImportResult per file (the window's worker drives this).

        The whole import is one undoable step ("Import 12 sources"), each source its own transaction:
        a cancelled or killed import leaves whole sources only. ``extract`` replaces the extraction
        (tests, benchmarks); by default ``briefing.extract.extract_many`` runs on batches, in this process
        (``workers=0``) or in that many worker processes while this one writes.
        """
        from briefing.library import importer

        marking = " ".join((marking or DEFAULT_MARKING).upper().split())
        if marking not in MARKINGS:
            raise ValueError(f"unknown security marking {marking!r} (one of: {', '.join(MARKINGS)})")
        step_id = None
        if record:
            with self._transaction() as conn:
                step_id = undo.begin(conn, "Import", ingest.now(), running=True)
        imported = 0
        # Worker processes, forked with the model loaded where that is safe (the command line), else spawned
        # (the window, whose threads a fork would not copy).
        pool = importer.ProcessExtractor(workers, fork=importer.can_fork()) if workers > 0 and extract is None else None
        results = importer.import_iter(self, paths, marking=marking, cancel=cancel, step_id=step_id,
                                       extract=extract or pool)
        try:
            for result in results:
                imported += result.status == "imported"
                yield result
        finally:
            if pool is not None:
                pool.close()
            if step_id is not None:
                with self._transaction() as conn:
                    if undo.finish(conn, step_id):
                        name = f"Import {plural(imported, 'source')}"
                        conn.execute("UPDATE undo_steps SET name = ? WHERE id = ?", (name, step_id))

    def import_paths(
        self,
        paths: Iterable[str | Path],
        *,
        marking: str = DEFAULT_MARKING,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        extract: Callable[[list[Source]], Iterator[Extraction]] | None = None,
        workers: int = 0,
    ) -> ImportReport:
        report = ImportReport()
        for result in self.import_iter(paths, marking=marking, cancel=cancel, extract=extract, workers=workers):
            if result.status == "imported":
                report.imported.append(result.path)
                if result.reason:
                    report.empty.append(ImportFailure(result.path, result.reason))
            elif result.status == "present":
                report.present.append(result.path)
            elif result.status == "skipped":
                report.skipped.append(ImportFailure(result.path, result.reason or "skipped"))
            else:
                report.failed.append(ImportFailure(result.path, result.reason or "failed"))
            if progress:
                progress(result.done, result.total, result.path)
        report.cancelled = bool(cancel and cancel())
        return report

    def _stored_source(self, source_id: int) -> Source:
        record = self.source(source_id)
        return Source(path=record.path, text=record.text, sha256=record.sha256, title=record.title,
                      date=record.date, publisher=record.publisher, author=record.author,
                      language=record.language, format=record.format, marking=record.marking, url=record.url)

    def reextract_many(
        self,
        source_ids: Sequence[int],
        *,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        extract: Callable[[list[Source]], Iterator[Extraction]] | None = None,
    ) -> int:
        """Re-extract several sources (after an upgrade of the extraction) as ONE undoable step; edits kept.

        Extraction runs first, outside any transaction; the writes then go in one transaction. Returns how
        many sources were re-extracted (fewer if ``cancel()`` turned true: then nothing is written).
        """
        sources = [self._stored_source(i) for i in source_ids]
        if len(sources) > 1 and set(source_ids) >= {s.id for s in self.sources()}:
            self.backup_now("before re-extract all")  # every source's items change at once
        from briefing.library.importer import extract_all

        extractions = extract_all(sources, extract, progress=progress, cancel=cancel)
        if extractions is None:
            return 0
        with self.step(f"Re-extract {plural(len(sources), 'source')}"):
            for source_id, extraction in zip(source_ids, extractions, strict=True):
                self.reextract(source_id, extraction)
        return len(sources)

    def reextract(self, source_id: int, extraction: Extraction | None = None) -> None:
        """Extract a source again: its machine values and evidence are replaced, the user's edits kept."""
        source = self._stored_source(source_id)
        if extraction is None:
            from briefing.extract import extract

            extraction = extract(source)
        with self.step(f"Re-extract {source.title or Path(source.path).name}") as conn:
            previous = {r[0] for r in conn.execute(
                "SELECT item_id FROM contributions WHERE source_id = ? UNION SELECT item_id FROM evidence "
                "WHERE source_id = ?", (source_id, source_id))}
            conn.execute("DELETE FROM contributions WHERE source_id = ?", (source_id,))
            conn.execute("DELETE FROM evidence WHERE source_id = ?", (source_id,))
            for item_id in previous:
                ingest.recombine(conn, item_id)
            conn.execute(
                "UPDATE sources SET analysed = ?, note = ?, countries = ? WHERE id = ?",
                (int(extraction.analysed), extraction.note, ingest._codes(extraction.countries), source_id),
            )
            ingesting = ingest.Ingest(conn, source_id, source, extraction, prefer=previous)
            touched = ingesting.run()
            self._announce("items-added", sorted(ingesting.created))
            gone = []
            for item_id in previous - touched:
                row = conn.execute(
                    "SELECT origin, edits, EXISTS (SELECT 1 FROM contributions WHERE item_id = items.id) "
                    "FROM items WHERE id = ?", (item_id,)).fetchone()
                if row and row[0] == "machine" and row[1] == "{}" and not row[2]:
                    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
                    gone.append(item_id)
            refresh_items(conn, previous | touched)
            self._announce("items-removed", gone)
            self._announce("items-changed", sorted((previous | touched) - set(gone) - ingesting.created))

    def delete_sources(self, source_ids: Sequence[int]) -> None:
        """Remove sources; items only they supported go too, unless the user edited them."""
        ids = list(source_ids)
        with self.step(f"Remove {plural(len(ids), 'source')}") as conn:
            affected: set[int] = set()
            for sid in ids:
                affected |= {r[0] for r in conn.execute(
                    "SELECT item_id FROM contributions WHERE source_id = ? UNION "
                    "SELECT item_id FROM evidence WHERE source_id = ?", (sid, sid))}
                conn.execute("DELETE FROM sources WHERE id = ?", (sid,))
            gone = []
            for item_id in affected:
                ingest.recombine(conn, item_id)
                row = conn.execute("SELECT origin, edits, EXISTS (SELECT 1 FROM evidence WHERE item_id = items.id) "
                                   "FROM items WHERE id = ?", (item_id,)).fetchone()
                if row and row[0] == "machine" and row[1] == "{}" and not row[2]:
                    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
                    gone.append(item_id)
            refresh_items(conn, affected)
            from briefing.library.index import reindex_sources

            reindex_sources(conn, ids)
            self._announce("sources-removed", ids)
            self._announce("items-removed", gone)
            self._announce("items-changed", sorted(affected - set(gone)))

    # --- reading -------------------------------------------------------------------------------------

    def sources(self) -> list[SourceRow]:
        with self._lock:
            return q.sources(self.conn)

    def source(self, source_id: int) -> SourceRecord:
        with self._lock:
            record = q.source(self.conn, source_id)
        if record is None:
            raise NotFound(f"no source with id {source_id}")
        return record

    def edit_source(self, source_id: int, values: dict[str, Any]) -> None:
        """Correct a source's citation details (``records.SOURCE_EDITABLE``) as one undoable step.

        ValueError names a field whose value cannot be stored; nothing is changed then."""
        from briefing.library.index import reindex_sources
        from briefing.library.records import check_source_edit

        with self._lock:
            self.source(source_id)  # NotFound first
            checked = {name: check_source_edit(name, value) for name, value in values.items()}
            if not checked:
                return
            with self.step(f"Edit source {', '.join(checked)}") as conn:
                assignments = ", ".join(f"{name} = ?" for name in checked)
                conn.execute(f"UPDATE sources SET {assignments} WHERE id = ?", [*checked.values(), source_id])
                reindex_sources(conn, [source_id])
                self._announce("sources-changed", [source_id])

    def item(self, item_id: int) -> Item:
        found = self.items([item_id])
        if not found:
            raise NotFound(f"no item with id {item_id}")
        return found[0]

    def items(self, ids: Sequence[int]) -> list[Item]:
        with self._lock:
            return q.items(self.conn, list(ids))

    def query(self, query: Query | None = None) -> list[int]:
        with self._lock:
            return q.query(self.conn, query)

    def count(self, query: Query | None = None) -> int:
        with self._lock:
            return q.count(self.conn, query)

    def rows(self, ids: Sequence[int]) -> list[ItemRow]:
        with self._lock:
            return q.rows(self.conn, list(ids))

    def search(self, text: str) -> list[int]:
        with self._lock:
            return q.search(self.conn, text)

    def search_sources(self, text: str) -> list[int]:
        with self._lock:
            return q.search_sources(self.conn, text)

    def groups(self, by: str, query: Query | None = None) -> list[tuple[Any, str, int]]:
        with self._lock:
            return q.groups(self.conn, by, query)

    def group_ids(self, by: str, key: Any, query: Query | None = None) -> list[int]:
        with self._lock:
            return q.group_ids(self.conn, by, key, query)

    # --- changing items ------------------------------------------------------------------------------

    def _kind(self, item_id: int) -> str:
        row = self.conn.execute("SELECT kind FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"no item with id {item_id}")
        kind: str = row[0]
        return kind

    def edit(self, item_id: int, field: str, value: Any) -> None:
        self.edit_fields(item_id, {field: value})

    def edit_fields(self, item_id: int, values: dict[str, Any]) -> None:
        """Set several fields of one item in one step ("Edit title, date")."""
        with self._lock:
            kind = self._kind(item_id)
            checked = {f: kinds.check_edit(kind, f, v) for f, v in values.items()}
            with self.step(f"Edit {', '.join(checked)}") as conn:
                self._apply_edits(conn, item_id, checked)
                self._announce("items-changed", [item_id])

    def edit_many(self, item_ids: Sequence[int], field: str, value: Any) -> None:
        ids = list(item_ids)
        with self._lock:
            checked = {i: kinds.check_edit(self._kind(i), field, value) for i in ids}
            with self.step(f"Edit {field} of {plural(len(ids), 'item')}") as conn:
                for item_id, v in checked.items():
                    self._apply_edits(conn, item_id, {field: v})
                self._announce("items-changed", ids)

    def _apply_edits(self, conn: sqlite3.Connection, item_id: int, values: dict[str, Any]) -> None:
        machine_json, edits_json = conn.execute("SELECT machine, edits FROM items WHERE id = ?", (item_id,)).fetchone()
        machine, edits = json.loads(machine_json), json.loads(edits_json)
        for field, value in values.items():
            if field in machine and machine[field] == value:
                edits.pop(field, None)  # back to what the source says: no longer an edit
            else:
                edits[field] = value
        conn.execute("UPDATE items SET edits = ? WHERE id = ?", (json.dumps(edits, ensure_ascii=False), item_id))
        refresh_items(conn, [item_id])

    def revert(self, item_id: int, fields: Sequence[str] | None = None) -> None:
        """Drop the user's edits (all, or of these fields): the item shows the sources' values again."""
        with self._lock:
            self._kind(item_id)
            with self.step("Revert " + (", ".join(fields) if fields else "edits")) as conn:
                edits = json.loads(conn.execute("SELECT edits FROM items WHERE id = ?", (item_id,)).fetchone()[0])
                for field in list(fields or edits):
                    edits.pop(field, None)
                conn.execute("UPDATE items SET edits = ? WHERE id = ?", (json.dumps(edits), item_id))
                refresh_items(conn, [item_id])
                self._announce("items-changed", [item_id])

    def add_note(self, text: str, title: str = "") -> int:
        return self.add_item("note", {"title": title, "text": text})

    def add_item(self, kind: str, fields: dict[str, Any]) -> int:
        """An item the user adds by hand (no source); its values count as the user's."""
        values = {f: kinds.check_edit(kind, f, v) for f, v in fields.items()}
        with self.step("Add note" if kind == "note" else f"Add {kind}") as conn:
            item_id = inserted_id(conn.execute(
                "INSERT INTO items (kind, machine, edits, origin, created_at) VALUES (?, ?, '{}', 'user', ?)",
                (kind, json.dumps(values, ensure_ascii=False), ingest.now()),
            ))
            refresh_items(conn, [item_id])
            self._announce("items-added", [item_id])
        return item_id

    def delete_items(self, ids: Sequence[int]) -> None:
        ids = list(ids)
        with self.step(f"Delete {plural(len(ids), 'item')}") as conn:
            for item_id in ids:
                # Remember what each source said, so extracting the source again does not bring it back.
                kind = self._kind(item_id)
                for source_id, data in conn.execute(
                        "SELECT source_id, data FROM contributions WHERE item_id = ?", (item_id,)).fetchall():
                    mark = kinds.fingerprint(kind, json.loads(data))
                    if not conn.execute("SELECT 1 FROM dismissed WHERE source_id = ? AND kind = ? AND fingerprint = ?",
                                        (source_id, kind, mark)).fetchone():
                        conn.execute("INSERT INTO dismissed (source_id, kind, fingerprint) VALUES (?, ?, ?)",
                                     (source_id, kind, mark))
                conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
            refresh_items(conn, ids)
            self._announce("items-removed", ids)

    def merge(self, ids: Sequence[int]) -> int:
        """Join items the extraction kept apart into the first: evidence, sources, aliases gathered."""
        from briefing.library import ops

        ids = list(dict.fromkeys(ids))
        with self._lock:
            kind_of = {i: self._kind(i) for i in ids}
            if len(ids) < 2:
                raise ValueError("merging needs at least two items")
            if len(set(kind_of.values())) > 1:
                raise ValueError("only items of the same kind can be merged")
            kind = kind_of[ids[0]]
            with self.step(f"Merge {plural(len(ids), kind, KIND_PLURALS[kind])}") as conn:
                changed = ops.merge(conn, ids)
                self._announce("items-removed", ids[1:])
                self._announce("items-changed", sorted(changed))
        return ids[0]

    def split(self, item_id: int, evidence_ids: Sequence[int]) -> int:
        """Move these pieces of evidence (and what their sources said) to a new item; returns its id."""
        from briefing.library import ops

        with self._lock:
            kind = self._kind(item_id)
            with self.step(f"Split {kind}") as conn:
                new_id = ops.split(conn, item_id, list(evidence_ids))
                self._announce("items-added", [new_id])
                self._announce("items-changed", [item_id])
        return new_id

    # --- undo -----------------------------------------------------------------------------------------

    def undo(self) -> str | None:
        return self._undo_redo(undo.undo)

    def redo(self) -> str | None:
        return self._undo_redo(undo.redo)

    def _undo_redo(self, action: Callable[[sqlite3.Connection], Applied | None]) -> str | None:
        with self._lock, self._transaction() as conn:
            applied = action(conn)
            if applied is None:
                return None
            self._announce("reset", sorted(applied.items), applied.name)
        return applied.name

    def undo_name(self) -> str | None:
        with self._lock:
            return undo.undo_name(self.conn)

    def redo_name(self) -> str | None:
        with self._lock:
            return undo.redo_name(self.conn)

    # --- briefs ---------------------------------------------------------------------------------------

    def briefs(self) -> list[BriefRow]:
        with self._lock:
            return [BriefRow(*r) for r in self.conn.execute(
                "SELECT b.id, b.name, (SELECT count(*) FROM brief_lines l WHERE l.brief_id = b.id) FROM briefs b "
                "ORDER BY b.id")]

    def _brief_exists(self, brief_id: int) -> None:
        if not self.conn.execute("SELECT 1 FROM briefs WHERE id = ?", (brief_id,)).fetchone():
            raise NotFound(f"no brief with id {brief_id}")

    def create_brief(self, name: str) -> int:
        with self.step(f"New brief {name}") as conn:
            brief_id = inserted_id(conn.execute("INSERT INTO briefs (name, created_at) VALUES (?, ?)", (name, ingest.now())))
            self._announce("briefs", [brief_id])
        return brief_id

    def rename_brief(self, brief_id: int, name: str) -> None:
        with self._lock:
            self._brief_exists(brief_id)
            with self.step(f"Rename brief to {name}") as conn:
                conn.execute("UPDATE briefs SET name = ? WHERE id = ?", (name, brief_id))
                self._announce("briefs", [brief_id])

    def duplicate_brief(self, brief_id: int, name: str) -> int:
        with self._lock:
            self._brief_exists(brief_id)
            cols = ", ".join(BRIEF_FIELDS)
            with self.step(f"Duplicate brief as {name}") as conn:
                new_id = inserted_id(conn.execute(
                    f"INSERT INTO briefs (name, {cols}, created_at) SELECT ?, {cols}, ? FROM briefs WHERE id = ?",
                    (name, ingest.now(), brief_id)))
                conn.execute("INSERT INTO brief_lines (brief_id, item_id, position, wording) "
                             "SELECT ?, item_id, position, wording FROM brief_lines WHERE brief_id = ?", (new_id, brief_id))
                self._announce("briefs", [new_id])
        return new_id

    def delete_brief(self, brief_id: int) -> None:
        with self._lock:
            self._brief_exists(brief_id)
            name = self.conn.execute("SELECT name FROM briefs WHERE id = ?", (brief_id,)).fetchone()[0]
            with self.step(f"Delete brief {name}") as conn:
                conn.execute("DELETE FROM briefs WHERE id = ?", (brief_id,))
                self._announce("briefs", [brief_id])

    def brief(self, brief_id: int) -> Brief:
        with self._lock:
            row = self.conn.execute(f"SELECT id, name, {', '.join(BRIEF_FIELDS)} FROM briefs WHERE id = ?",
                                    (brief_id,)).fetchone()
            if row is None:
                raise NotFound(f"no brief with id {brief_id}")
            lines = [BriefLine(*r) for r in self.conn.execute(
                "SELECT item_id, position, wording FROM brief_lines WHERE brief_id = ? ORDER BY position, item_id",
                (brief_id,))]
        return Brief(row[0], row[1], **dict(zip(BRIEF_FIELDS, row[2:], strict=True)), lines=lines)

    def update_brief(self, brief_id: int, **fields: Any) -> None:
        unknown = set(fields) - set(BRIEF_FIELDS)
        if unknown:
            raise ValueError(f"a brief has no field {', '.join(sorted(unknown))} (fields: {', '.join(BRIEF_FIELDS)})")
        if "marking" in fields and fields["marking"] not in MARKINGS:
            raise ValueError(f"marking must be one of {', '.join(MARKINGS)}")
        with self._lock:
            self._brief_exists(brief_id)
            with self.step(f"Edit brief {', '.join(fields)}") as conn:
                for field, value in fields.items():
                    conn.execute(f"UPDATE briefs SET {field} = ? WHERE id = ?", (value, brief_id))
                self._announce("briefs", [brief_id])

    def set_picked(self, brief_id: int, item_ids: Sequence[int], picked: bool) -> None:
        ids = list(item_ids)
        with self._lock:
            self._brief_exists(brief_id)
            verb = "Pick" if picked else "Unpick"
            with self.step(f"{verb} {plural(len(ids), 'item')}") as conn:
                if picked:
                    last = conn.execute("SELECT coalesce(max(position), -1) FROM brief_lines WHERE brief_id = ?",
                                        (brief_id,)).fetchone()[0]
                    for item_id in ids:
                        self._kind(item_id)
                        if not conn.execute("SELECT 1 FROM brief_lines WHERE brief_id = ? AND item_id = ?",
                                            (brief_id, item_id)).fetchone():
                            last += 1
                            conn.execute("INSERT INTO brief_lines (brief_id, item_id, position) VALUES (?, ?, ?)",
                                         (brief_id, item_id, last))
                else:
                    for item_id in ids:
                        conn.execute("DELETE FROM brief_lines WHERE brief_id = ? AND item_id = ?", (brief_id, item_id))
                self._announce("picks", ids)

    def brief_id_named(self, name: str) -> int | None:
        """The brief with this name (case-blind), or None."""
        with self._lock:
            row = self.conn.execute("SELECT id FROM briefs WHERE lower(name) = lower(?) ORDER BY id LIMIT 1",
                                    (name.strip(),)).fetchone()
        return row[0] if row else None

    def picked_ids(self, brief_id: int) -> list[int]:
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT item_id FROM brief_lines WHERE brief_id = ? ORDER BY position, item_id", (brief_id,))]

    def current_brief_id(self) -> int | None:
        """The brief the user is working on (shared by window and command line; not an undoable step)."""
        with self._lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'current_brief'").fetchone()
            if row is None or row[0] is None:
                return None
            brief_id = int(row[0])
            exists = self.conn.execute("SELECT 1 FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        return brief_id if exists else None

    def set_current_brief(self, brief_id: int | None) -> None:
        with self._lock:
            if brief_id is not None:
                self._brief_exists(brief_id)
            with self._transaction() as conn:
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('current_brief', ?)",
                             (None if brief_id is None else str(brief_id),))
                self._announce("briefs", [] if brief_id is None else [brief_id])

    def set_line_wording(self, brief_id: int, item_id: int, wording: str | None) -> None:
        with self.step("Edit wording") as conn:
            conn.execute("UPDATE brief_lines SET wording = ? WHERE brief_id = ? AND item_id = ?",
                         (wording, brief_id, item_id))
            self._announce("picks", [item_id])

    def move_line(self, brief_id: int, item_id: int, new_position: int) -> None:
        """Move a picked item to ``new_position`` (0-based) in the brief's order."""
        with self._lock:
            order = self.picked_ids(brief_id)
            if item_id not in order:
                raise NotFound(f"item {item_id} is not in brief {brief_id}")
            order.remove(item_id)
            order.insert(max(0, min(new_position, len(order))), item_id)
            with self.step("Move line") as conn:
                for position, iid in enumerate(order):
                    conn.execute("UPDATE brief_lines SET position = ? WHERE brief_id = ? AND item_id = ? "
                                 "AND position != ?", (position, brief_id, iid, position))
                self._announce("picks", [item_id])

    # --- out ------------------------------------------------------------------------------------------

    def export_json(self, path: str | Path) -> Path:
        with self._lock:
            return export.export_json(self.conn, Path(path))

    def export_csv(self, folder: str | Path) -> list[Path]:
        with self._lock:
            return export.export_csv(self.conn, Path(folder))

    def backup(self, dest_path: str | Path) -> None:
        """A consistent copy of the library (SQLite's online backup), safe while it is in use."""
        dest_path = Path(dest_path)
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            target = sqlite3.connect(str(dest_path))
            try:
                self.conn.backup(target)
            finally:
                target.close()
