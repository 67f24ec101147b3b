"""Export of the team library: the same CSV files and JSON interchange form as the SQLite library's export.

The files are made by ``briefing.library.export``'s own rules (columns, cells, the spec's documents);
only the reading is the team library's, so an export holds what the officer may see and nothing else:
row-level security has already left out the sources above their clearance and the items they gave.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from briefing import model
from briefing.library import export, kinds
from briefing.library.pg.parts import StoreParts
from briefing.library.query import Query
from briefing.library.records import Item

_LISTS = {"person": "people", "event": "events", "agreement": "agreements", "figure": "figures", "topic": "topics"}


class TeamExport(StoreParts):
    def export_csv(self, folder: str | Path) -> list[Path]:
        """One CSV file per kind that has items (UTF-8 with BOM, so spreadsheet programs read accents)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock:
            titles = {s.id: s.title or Path(s.path).name for s in self.sources()}
            written = []
            for kind, filename in export.CSV_FILES.items():
                ids = self.query(Query(kind=kind))
                if ids:
                    written.append(self._write_csv(folder / filename, kind, ids, titles))
        return written

    def _write_csv(self, path: Path, kind: str, ids: list[int], titles: dict[int, str]) -> Path:
        names = list(kinds.field_names(kind))
        rows = {r.id: r for r in self.rows(ids)}
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", *names, "countries", "edited", "sources", "evidence"])
            for item in self.items(ids):
                writer.writerow([
                    item.id, *(export._cell(item.fields.get(n)) for n in names),
                    export._cell(list(rows[item.id].countries)), "yes" if item.edited else "",
                    export._cell([titles.get(s, str(s)) for s in item.source_ids]),
                    " | ".join(e.text for e in item.evidence),
                ])
        return path

    def export_json(self, path: str | Path) -> Path:
        """{"documents": [...], "unsourced": [...]}, written whole or not at all (``export.export_json``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            data = self._documents()
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
        return path

    def _documents(self) -> dict[str, Any]:
        """Each source with the items it gave (effective values, evidence from that source); items added by
        hand under "unsourced" (see ``export.documents``)."""
        records = [self.source(s.id) for s in sorted(self.sources(), key=lambda s: s.id)]
        countries = dict(self._conn.execute("SELECT id, countries FROM sources").fetchall())
        everything = self.items(self.query())  # newest first, as the SQLite export lists the unsourced
        by_source: dict[int, list[Item]] = defaultdict(list)
        for item in sorted(everything, key=lambda i: i.id):
            for sid in item.source_ids:
                by_source[sid].append(item)
        docs = []
        for doc_id, rec in zip(export.unique_ids([Path(r.path).stem for r in records]), records, strict=True):
            src = model.Source(path=rec.path, text=rec.text, sha256=rec.sha256, title=rec.title, date=rec.date,
                               publisher=rec.publisher, author=rec.author, language=rec.language, format=rec.format,
                               marking=rec.marking)
            extraction = model.Extraction(countries=[c for c in (countries.get(rec.id) or "").split("|") if c],
                                          analysed=rec.analysed, note=rec.note)
            for item in by_source.get(rec.id, []):
                if item.kind in _LISTS:
                    getattr(extraction, _LISTS[item.kind]).append(
                        export._build(item.kind, item.fields, export._evidence(item, rec.id)))
            doc = model.document_to_spec(src, extraction, doc_id)
            doc["library_ids"] = {kind: [i.id for i in by_source.get(rec.id, []) if i.kind == kind] for kind in _LISTS}
            docs.append(doc)
        unsourced = [{"id": i.id, "kind": i.kind, **i.fields} for i in everything if not i.source_ids]
        return {"documents": docs, "unsourced": unsourced}
