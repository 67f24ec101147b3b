"""Re-extraction on the team library: a source's statements replaced by a new extraction, officers' work kept.

The SQLite library's own rules do the work (``ingest``: recombining items, joining the new statements to
the items that held the old ones), run through ``compat.SqliteDialect`` as an import is. As when a source
is added, the source joins only items of its own marking (``briefing.join_rank``), so what a SECRET source
says never becomes part of an item an OFFICIAL officer reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from briefing.library import ingest
from briefing.library.importer import extract_all
from briefing.library.index import refresh_items
from briefing.library.pg.compat import SqliteDialect
from briefing.library.pg.parts import StoreParts
from briefing.model import MARKINGS, Extraction, Source
from briefing.text import plural

Extractor = Callable[[list[Source]], Iterator[Extraction]]


class TeamExtraction(StoreParts):
    def _stored_source(self, source_id: int) -> Source:
        record = self.source(source_id)
        return Source(path=record.path, text=record.text, sha256=record.sha256, title=record.title,
                      date=record.date, publisher=record.publisher, author=record.author,
                      language=record.language, format=record.format, marking=record.marking, url=record.url)

    def reextract(self, source_id: int, extraction: Extraction | None = None) -> None:
        """Extract a source again (or take ``extraction``): its statements and evidence are replaced, the
        officers' edits kept, and items it alone gave that nobody edited go when it no longer gives them."""
        source = self._stored_source(source_id)
        if extraction is None:
            from briefing.extract import extract

            extraction = extract(source)
        with self._lock, self.step(f"Re-extract {source.title or Path(source.path).name}") as db:
            self._conn.execute("SELECT set_config('briefing.join_rank', %s, true)",
                               (str(MARKINGS.index(source.marking)),))
            try:
                self._replace_statements(db, source_id, source, extraction)
            finally:  # the rest of the step (its undo record) must see every item again
                self._conn.execute("SELECT set_config('briefing.join_rank', '', true)")

    def _replace_statements(self, db: SqliteDialect, source_id: int, source: Source, extraction: Extraction) -> None:
        previous = {int(r[0]) for r in db.execute(
            "SELECT item_id FROM contributions WHERE source_id = ? UNION SELECT item_id FROM evidence "
            "WHERE source_id = ?", (source_id, source_id))}
        db.execute("DELETE FROM contributions WHERE source_id = ?", (source_id,))
        db.execute("DELETE FROM evidence WHERE source_id = ?", (source_id,))
        for item_id in sorted(previous):
            ingest.recombine(db, item_id)
        db.execute("UPDATE sources SET analysed = ?, note = ?, countries = ? WHERE id = ?",
                   (int(extraction.analysed), extraction.note, ingest._codes(extraction.countries), source_id))
        ingesting = ingest.Ingest(db, source_id, source, extraction, prefer=previous)
        touched = ingesting.run()
        gone = [item_id for item_id in sorted(previous - touched) if self._unwanted(db, item_id)]
        db.executemany("DELETE FROM items WHERE id = ?", [(item_id,) for item_id in gone])
        refresh_items(db, previous | touched)
        self._announce("items-added", sorted(ingesting.created))
        self._announce("items-removed", gone)
        self._announce("items-changed", sorted((previous | touched) - set(gone) - ingesting.created))

    @staticmethod
    def _unwanted(db: SqliteDialect, item_id: int) -> bool:
        """An item the extraction made, nobody edited, and no source states any more."""
        row = db.execute("SELECT origin, edits, EXISTS (SELECT 1 FROM contributions WHERE item_id = items.id) "
                         "FROM items WHERE id = ?", (item_id,)).fetchone()
        return bool(row and row[0] == "machine" and row[1] == "{}" and not row[2])

    def reextract_many(self, source_ids: Sequence[int], *,
                       progress: Callable[[int, int, str], None] | None = None,
                       cancel: Callable[[], bool] | None = None, extract: Extractor | None = None) -> int:
        """Re-extract several sources as ONE undoable step; returns how many (0 if ``cancel()`` turned true
        while extracting: nothing is written then). Extraction runs first, outside any transaction."""
        sources = [self._stored_source(i) for i in source_ids]
        extractions = extract_all(sources, extract, progress=progress, cancel=cancel)
        if extractions is None:
            return 0
        with self.step(f"Re-extract {plural(len(sources), 'source')}"):
            for source_id, extraction in zip(source_ids, extractions, strict=True):
                self.reextract(source_id, extraction)
        return len(sources)
