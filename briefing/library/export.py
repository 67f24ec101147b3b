"""Export of items: one CSV file per kind, or the JSON interchange form of shared/spec/extraction.md."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from briefing import model
from briefing.library import kinds
from briefing.library import query as q
from briefing.library.records import Item

CSV_FILES = {
    "event": "events.csv", "agreement": "agreements.csv", "person": "people.csv",
    "figure": "figures.csv", "topic": "topics.csv", "note": "notes.csv",
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def export_csv(conn: sqlite3.Connection, folder: Path) -> list[Path]:
    """Write one CSV per kind that has items (UTF-8 with BOM, so spreadsheet programs read accents)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    titles = {s.id: s.title or Path(s.path).name for s in q.sources(conn)}
    written = []
    for kind, filename in CSV_FILES.items():
        ids = q.query(conn, q.Query(kind=kind))
        if not ids:
            continue
        names = list(kinds.field_names(kind))
        path = folder / filename
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", *names, "countries", "edited", "sources", "evidence"])
            rows = {r.id: r for r in q.rows(conn, ids)}
            for item in q.items(conn, ids):
                row = rows[item.id]
                writer.writerow([
                    item.id, *(_cell(item.fields.get(n)) for n in names), _cell(list(row.countries)),
                    "yes" if item.edited else "", _cell([titles.get(s, str(s)) for s in item.source_ids]),
                    " | ".join(e.text for e in item.evidence),
                ])
        written.append(path)
    return written


def _evidence(item: Item, source_id: int) -> list[model.Evidence]:
    return [model.Evidence(e.start, e.end, e.text) for e in item.evidence if e.source_id == source_id]


def _build(kind: str, fields: dict[str, Any], evidence: list[model.Evidence]) -> model.ExtractedItem:
    cls = kinds.DATACLASSES[kind]
    values = {k: v for k, v in fields.items() if k in kinds.field_names(kind)}
    if kind == "figure" and values.get("value") is None:
        values["value"] = 0.0
    return cls(**values, evidence=evidence)


def _add_to(extraction: model.Extraction, item: model.ExtractedItem) -> None:
    """Put ``item`` in the extraction's list of its kind."""
    if isinstance(item, model.Person):
        extraction.people.append(item)
    elif isinstance(item, model.Event):
        extraction.events.append(item)
    elif isinstance(item, model.Agreement):
        extraction.agreements.append(item)
    elif isinstance(item, model.Figure):
        extraction.figures.append(item)
    else:
        extraction.topics.append(item)


def unique_ids(stems: list[str]) -> list[str]:
    """File stems made unique where two files share one: "report", "report-2", ..."""
    seen: dict[str, int] = defaultdict(int)
    taken = set(stems)
    out = []
    for stem in stems:
        seen[stem] += 1
        if seen[stem] == 1:
            out.append(stem)
            continue
        n = seen[stem]
        while f"{stem}-{n}" in taken:
            n += 1
        taken.add(f"{stem}-{n}")
        out.append(f"{stem}-{n}")
    return out


def documents(conn: sqlite3.Connection) -> dict[str, Any]:
    """The library as {"documents": [...]}: each source with the items it gave (effective values, user
    edits included, evidence from that source); items added by hand and notes under "unsourced"."""
    sources = sorted(q.sources(conn), key=lambda s: s.id)
    # A source deleted (by another process) since the list was read is left out, not a crash on None.
    records = [r for r in (q.source(conn, s.id) for s in sources) if r is not None]
    all_items = {i.id: i for i in q.items(conn, q.query(conn, None))}
    by_source: dict[int, list[Item]] = defaultdict(list)
    for item in sorted(all_items.values(), key=lambda i: i.id):
        for sid in item.source_ids:
            by_source[sid].append(item)
    ids = unique_ids([Path(r.path).stem for r in records])
    docs = []
    for doc_id, rec in zip(ids, records, strict=True):
        src = model.Source(path=rec.path, text=rec.text, sha256=rec.sha256, title=rec.title, date=rec.date,
                           publisher=rec.publisher, author=rec.author, language=rec.language, format=rec.format,
                           marking=rec.marking)
        countries = conn.execute("SELECT countries FROM sources WHERE id = ?", (rec.id,)).fetchone()[0]
        extraction = model.Extraction(countries=[c for c in countries.split("|") if c], analysed=rec.analysed,
                                      note=rec.note)
        for item in by_source.get(rec.id, []):
            if item.kind == "note":
                continue
            _add_to(extraction, _build(item.kind, item.fields, _evidence(item, rec.id)))
        doc = model.document_to_spec(src, extraction, doc_id)
        doc["library_ids"] = {kind: [i.id for i in by_source.get(rec.id, []) if i.kind == kind]
                              for kind in ("person", "event", "agreement", "figure", "topic")}
        docs.append(doc)
    unsourced = [
        {"id": i.id, "kind": i.kind, **i.fields} for i in all_items.values() if not i.source_ids
    ]
    return {"documents": docs, "unsourced": unsourced}


def export_json(conn: sqlite3.Connection, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(documents(conn), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path
