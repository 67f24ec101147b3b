"""`briefing library push LOCAL.sqlite postgresql://…`: an officer's own library moves into the team library.

Each source is added as the team library adds any source, from what the local library kept of its
extraction (each item's contribution and evidence for that source), so the team's identity rules join
it with what the desk already holds; a source the team already has is not added twice. Then the
officer's work is carried over: their edits (onto the team item that received the same source's
statement), the notes and items they made by hand, and their briefs (picked items, order, wording,
title block). All of it is one step of the pushing officer's, in one transaction: undone whole, or
not saved at all if anything fails. Sources above the officer's clearance are left out, and said.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing import model
from briefing.library import kinds
from briefing.library.db import LibraryError
from briefing.library.pg.store import BRIEF_FIELDS, PgStore
from briefing.model import MARKINGS, Evidence, Extraction, Source

_KIND_CLASSES: dict[str, type[Any]] = {
    "person": model.Person, "event": model.Event, "agreement": model.Agreement, "figure": model.Figure,
    "topic": model.Topic,
}
_LISTS = {"person": "people", "event": "events", "agreement": "agreements", "figure": "figures", "topic": "topics"}


@dataclass
class PushReport:
    sources_added: int = 0
    sources_present: int = 0
    sources_above_clearance: list[str] = field(default_factory=list)
    edits_applied: int = 0
    edits_unplaced: int = 0  # edited items whose statements the team library does not hold (left out)
    items_made: int = 0  # notes and items added by hand
    briefs: int = 0


def _open_local(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise LibraryError(f"no library at {path}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("SELECT 1 FROM contributions LIMIT 1")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path} is not a Briefing Builder library ({exc})") from exc
    return conn


def _model_item(kind: str, data: dict[str, Any], evidence: list[Evidence]) -> Any:
    cls = _KIND_CLASSES[kind]
    names = {f.name for f in dataclasses.fields(cls)} - {"evidence"}
    return cls(**{k: v for k, v in data.items() if k in names}, evidence=evidence)


def local_extraction(conn: sqlite3.Connection, source_id: int) -> Extraction:
    """What the local library kept of a source's extraction, as an Extraction again."""
    analysed, note, countries = conn.execute("SELECT analysed, note, countries FROM sources WHERE id = ?",
                                             (source_id,)).fetchone()
    out = Extraction(countries=[c for c in (countries or "").split("|") if c], analysed=bool(analysed), note=note)
    evidence: dict[int, list[Evidence]] = {}
    for item_id, start, end, text in conn.execute(
            'SELECT item_id, start, "end", text FROM evidence WHERE source_id = ? ORDER BY id', (source_id,)):
        evidence.setdefault(item_id, []).append(Evidence(start, end, text))
    for item_id, kind, data in conn.execute(
            "SELECT c.item_id, i.kind, c.data FROM contributions c JOIN items i ON i.id = c.item_id "
            "WHERE c.source_id = ? ORDER BY c.item_id", (source_id,)):
        if kind in _LISTS:
            getattr(out, _LISTS[kind]).append(_model_item(kind, json.loads(data), evidence.get(item_id, [])))
    return out


def _local_source(conn: sqlite3.Connection, source_id: int) -> Source:
    row = conn.execute("SELECT path, text, sha256, title, date, publisher, author, language, format, marking, url "
                       "FROM sources WHERE id = ?", (source_id,)).fetchone()
    return Source(path=row[0], text=row[1], sha256=row[2], title=row[3], date=row[4], publisher=row[5],
                  author=row[6], language=row[7], format=row[8], marking=row[9], url=row[10])


class _Pusher:
    def __init__(self, local: sqlite3.Connection, team: PgStore) -> None:
        self.local = local
        self.team = team
        self.report = PushReport()
        self.sources: dict[int, int] = {}  # local source id -> team source id
        self.items: dict[int, int] = {}  # local item id -> team item id

    def run(self) -> PushReport:
        for (source_id,) in self.local.execute("SELECT id FROM sources ORDER BY id").fetchall():
            self._source(source_id)
        self._edits_and_hand_made()
        self._briefs()
        return self.report

    def _source(self, source_id: int) -> None:
        src = _local_source(self.local, source_id)
        cleared = self.team.clearance
        if cleared is None or MARKINGS.index(src.marking) > MARKINGS.index(cleared):
            self.report.sources_above_clearance.append(src.path)
            return
        team_id, new = self.team.add_source(src, local_extraction(self.local, source_id))
        self.sources[source_id] = team_id
        if new:
            self.report.sources_added += 1
        else:
            self.report.sources_present += 1

    def _team_item(self, item_id: int, kind: str) -> int | None:
        """The team item holding what one of this item's sources said of it (matched by fingerprint)."""
        for source_id, data in self.local.execute(
                "SELECT source_id, data FROM contributions WHERE item_id = ? ORDER BY source_id", (item_id,)):
            team_source = self.sources.get(source_id)
            if team_source is None:
                continue
            mark = kinds.fingerprint(kind, json.loads(data))
            for team_item, team_data in self.team.statements(team_source, kind):
                if kinds.fingerprint(kind, team_data) == mark:
                    return team_item
        return None

    def _edits_and_hand_made(self) -> None:
        for item_id, kind, machine, edits, origin in self.local.execute(
                "SELECT id, kind, machine, edits, origin FROM items WHERE origin = 'user' OR edits != '{}' "
                "ORDER BY id").fetchall():
            edited = json.loads(edits)
            if origin == "user":
                values = {k: v for k, v in json.loads(machine).items() if k in kinds.field_names(kind)}
                self.items[item_id] = self.team.add_item(kind, values)
                self.report.items_made += 1
            else:
                team_item = self._team_item(item_id, kind)
                if team_item is None:
                    self.report.edits_unplaced += 1
                    continue
                self.items[item_id] = team_item
            if edited:
                self.team.edit_fields(self.items[item_id], edited)
                self.report.edits_applied += 1

    def _briefs(self) -> None:
        names = {b.name.casefold() for b in self.team.briefs()}
        for brief_id, name, *values in self.local.execute(
                f"SELECT id, name, {', '.join(BRIEF_FIELDS)} FROM briefs ORDER BY id").fetchall():
            if name.casefold() in names:
                name = f"{name} ({self.team.user})"
            team_brief = self.team.create_brief(name)
            self.team.update_brief(team_brief, **dict(zip(BRIEF_FIELDS, values, strict=True)))
            lines = self.local.execute("SELECT l.item_id, l.wording, i.kind FROM brief_lines l JOIN items i "
                                       "ON i.id = l.item_id WHERE l.brief_id = ? ORDER BY l.position, l.item_id",
                                       (brief_id,)).fetchall()
            for item_id, wording, kind in lines:
                team_item = self.items.get(item_id) or self._team_item(item_id, kind)
                if team_item is None or team_item in self.team.picked_ids(team_brief):
                    continue
                self.team.set_picked(team_brief, [team_item], True)
                if wording is not None:
                    self.team.set_line_wording(team_brief, team_item, wording)
            self.report.briefs += 1


def push(local_path: Path, team: PgStore) -> PushReport:
    """Merge the library file at ``local_path`` into the team library, as one undoable step."""
    local = _open_local(Path(local_path))
    try:
        with team.step(f"Push {Path(local_path).name}"):
            return _Pusher(local, team).run()
    finally:
        local.close()
