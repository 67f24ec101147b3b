"""`briefing library push LOCAL.sqlite postgresql://…`: an officer's own library moves into the team library.

Each source is added as the team library adds any source, from what the local library kept of its
extraction (each item's contribution and evidence for that source), so the team's identity rules join
it with what the desk already holds; a source the team already has is not added twice. Then the
officer's decisions about those sources' items are carried over, so that the team library shows them as
the officer's own library does:

- what they deleted (the local ``dismissed`` statements): the team item saying it is deleted, or, if
  colleagues' sources say it too, only this source's statement is taken out of it; either way the team
  library remembers it, so extracting the source again does not bring it back;
- what they split apart (``kept_apart``): a team item holding the quotes of two items the officer kept
  apart is split the same way, and the pair is remembered;
- what they merged: an item whose quotes the team holds in several items is joined again (only the
  officer's quotes move; a colleague's item is never merged whole into it);

then their edits (onto the team item holding the item's quotes), the notes and items they made by hand,
and their briefs (picked items, order, wording, title block). An item is found in the team library by
its quotes (the same span of the same source), else by what its source said of it (its fingerprint).
All of it is one step of the pushing officer's, in one transaction: undone whole, or not saved at all if
anything fails. Sources above the officer's clearance are left out, and said. Pushing the same library
again changes nothing: what the team library already shows as the officer's library does is left alone
(no step is recorded then).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing import model
from briefing.library import kinds
from briefing.library.db import LibraryError
from briefing.library.pg.store import BRIEF_FIELDS, PgStore
from briefing.library.query import Query
from briefing.library.records import Item
from briefing.model import MARKINGS, Evidence, Extraction, Source

_KIND_CLASSES: dict[str, type[Any]] = {
    "person": model.Person, "event": model.Event, "agreement": model.Agreement, "figure": model.Figure,
    "topic": model.Topic,
}
_LISTS = {"person": "people", "event": "events", "agreement": "agreements", "figure": "figures", "topic": "topics"}

Span = tuple[str, int, int]  # (kind, start, end) of a quote in one source


@dataclass
class PushReport:
    sources_added: int = 0
    sources_present: int = 0
    sources_above_clearance: list[str] = field(default_factory=list)
    edits_applied: int = 0
    edits_unplaced: int = 0  # edited items whose statements the team library does not hold (left out)
    items_made: int = 0  # notes and items added by hand
    briefs: int = 0
    deleted: int = 0  # statements the officer had deleted, taken out of the team library
    kept_apart: int = 0  # team items split as the officer had split them
    merged: int = 0  # items the officer had merged, joined in the team library
    # deletions, splits and merges the team library could not make as the officer had (said, not guessed)
    identity_unplaced: list[str] = field(default_factory=list)


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


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    """An older library file may not have the table yet (its migrations add it when it is next opened)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


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


def _main(placed: dict[int, list[int]]) -> int | None:
    """The team item holding most of an item's quotes (the oldest of equals)."""
    return min(placed, key=lambda item: (-len(placed[item]), item)) if placed else None


class _Pusher:
    def __init__(self, local: sqlite3.Connection, team: PgStore) -> None:
        self.local = local
        self.team = team
        self.report = PushReport()
        self.sources: dict[int, int] = {}  # local source id -> team source id
        self.items: dict[int, int] = {}  # local item id -> team item id
        self._quotes: dict[int, dict[Span, list[tuple[int, int]]]] = {}  # team source -> its quotes' holders
        self._hand_made: dict[str, list[Item]] | None = None

    def run(self) -> PushReport:
        for (source_id,) in self.local.execute("SELECT id FROM sources ORDER BY id").fetchall():
            self._source(source_id)
        # The officer's decisions on identity first: the edits and briefs then land on the items as they
        # stand in the officer's own library.
        self._deleted()
        self._kept_apart()
        self._merged()
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

    # --- finding a local item in the team library -----------------------------------------------------

    def _held(self, team_source: int) -> dict[Span, list[tuple[int, int]]]:
        """Each quote of a team source: the (team item, evidence id) holding it, by kind and span."""
        if team_source not in self._quotes:
            held: dict[Span, list[tuple[int, int]]] = {}
            for item in self.team.items(self.team.query(Query(source_id=team_source))):
                for quote in item.evidence:
                    if quote.source_id == team_source:
                        held.setdefault((item.kind, quote.start, quote.end), []).append((item.id, quote.id))
            self._quotes[team_source] = held
        return self._quotes[team_source]

    def _changed(self, *team_items: int) -> None:
        """These team items are about to be split, merged or deleted: where their sources' quotes are is read
        afresh when next asked."""
        for item in self.team.items(list(team_items)):
            for source_id in {q.source_id for q in item.evidence} | set(item.source_ids):
                self._quotes.pop(source_id, None)

    def _placed(self, item_id: int, kind: str) -> dict[int, list[int]]:
        """The team items holding this local item's quotes (of pushed sources): team item -> evidence ids.
        A span held by two team items of the kind at once says nothing about which is this one: left out."""
        placed: dict[int, list[int]] = {}
        for source_id, start, end in self.local.execute(
                'SELECT source_id, start, "end" FROM evidence WHERE item_id = ? ORDER BY id', (item_id,)).fetchall():
            team_source = self.sources.get(source_id)
            if team_source is None:
                continue
            holders = self._held(team_source).get((kind, start, end), [])
            if len(holders) == 1:
                team_item, quote = holders[0]
                placed.setdefault(team_item, []).append(quote)
        return placed

    def _team_item(self, item_id: int, kind: str) -> int | None:
        """The team item holding this item's quotes, else what one of its sources said of it (fingerprint)."""
        found = _main(self._placed(item_id, kind))
        if found is not None:
            return found
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

    def _local_kind(self, item_id: int) -> str:
        return str(self.local.execute("SELECT kind FROM items WHERE id = ?", (item_id,)).fetchone()[0])

    @staticmethod
    def _label(item: Item) -> str:
        return f"{item.kind} {kinds.label(item.kind, item.fields)!r}"

    # --- the officer's decisions on identity ------------------------------------------------------------

    def _deleted(self) -> None:
        """What the officer deleted from a pushed source is not in the team library either, and stays out."""
        if not _has_table(self.local, "dismissed"):
            return
        for source_id, kind, mark in self.local.execute(
                "SELECT source_id, kind, fingerprint FROM dismissed ORDER BY source_id, kind, fingerprint").fetchall():
            team_source = self.sources.get(source_id)
            if team_source is None:
                continue
            shown = {(k, start, end) for k, start, end in self.local.execute(
                'SELECT i.kind, e.start, e."end" FROM evidence e JOIN items i ON i.id = e.item_id '
                "WHERE e.source_id = ?", (source_id,))}
            for team_item, data in self.team.statements(team_source, kind):
                if kinds.fingerprint(kind, data) == mark:
                    self._take_out(team_item, team_source, shown)
            with self.team.step("Push") as db:  # joins the push's step
                db.execute("INSERT OR IGNORE INTO dismissed (source_id, kind, fingerprint) VALUES (?, ?, ?)",
                           (team_source, kind, mark))

    def _take_out(self, team_item: int, team_source: int, shown: set[Span]) -> None:
        """Take what ``team_source`` says out of the team item, but for the quotes the officer's library still
        shows (the other half of an item they split, say): the item goes if nothing else is left of it."""
        item = self.team.item(team_item)
        said = [q for q in item.evidence if q.source_id == team_source]
        gone = [q.id for q in said if (item.kind, q.start, q.end) not in shown]
        if said and not gone:
            return  # the officer's library still shows all of it
        self._changed(team_item)
        if len(gone) == len(item.evidence) and set(item.source_ids) <= {team_source}:
            self.team.delete_items([team_item])
        elif gone and len(gone) < len(item.evidence):
            self.team.delete_items([self.team.split(team_item, gone)])  # the rest stays (a colleague's source)
        else:
            self.report.identity_unplaced.append(
                f"deleted {self._label(item)}: the team library holds no quote of it to take out")
            return
        self.report.deleted += 1

    def _kept_apart(self) -> None:
        """Two items the officer split apart are two items in the team library too."""
        if not _has_table(self.local, "kept_apart"):
            return
        for a, b in self.local.execute("SELECT a, b FROM kept_apart ORDER BY a, b").fetchall():
            kind = self._local_kind(a)
            placed_a, placed_b = self._placed(a, kind), self._placed(b, kind)
            for team_item in sorted(set(placed_a) & set(placed_b)):
                moving = [q for q in placed_b[team_item] if q not in placed_a[team_item]]
                if not moving:
                    continue
                self._changed(team_item)
                self.team.split(team_item, moving)
                self.report.kept_apart += 1
            first, second = _main(self._placed(a, kind)), _main(self._placed(b, kind))
            if first is not None and second is not None and first != second:
                with self.team.step("Push") as db:  # joins the push's step
                    db.execute("INSERT OR IGNORE INTO kept_apart (a, b) VALUES (?, ?)",
                               (min(first, second), max(first, second)))

    def _local_items(self) -> Iterator[tuple[int, str]]:
        """The local items holding a quote of a pushed source."""
        pushed = sorted(self.sources)
        for start in range(0, len(pushed), 500):
            chunk = pushed[start:start + 500]
            yield from self.local.execute(
                f"SELECT DISTINCT i.id, i.kind FROM items i JOIN evidence e ON e.item_id = i.id "
                f"WHERE e.source_id IN ({','.join('?' * len(chunk))}) ORDER BY i.id", chunk).fetchall()

    def _merged(self) -> None:
        """An item whose quotes the team holds in several items (the officer merged them, or the team's rules
        kept them apart) is one item there too. Only the officer's quotes move: a team item also holding
        colleagues' quotes gives up just these."""
        seen: set[int] = set()
        for item_id, kind in self._local_items():
            if item_id in seen:
                continue
            seen.add(item_id)
            placed = self._placed(item_id, kind)
            if len(placed) < 2:
                continue
            markings = {m for source_id, m in self.local.execute(
                "SELECT DISTINCT s.id, s.marking FROM evidence e JOIN sources s ON s.id = e.source_id "
                "WHERE e.item_id = ?", (item_id,)) if source_id in self.sources}
            # Kept: an item holding only this item's quotes where there is one, so a colleague's is not taken whole.
            whole = {t for t, quotes in placed.items() if self._only(t, quotes)}
            keep = _main({t: q for t, q in placed.items() if t in whole} or placed)
            assert keep is not None
            if len(markings) > 1:  # the team library never joins what sources of different markings say
                self.report.identity_unplaced.append(
                    f"merged {self._label(self.team.item(keep))}: its sources are marked "
                    f"{' and '.join(sorted(markings, key=MARKINGS.index))}, which the team library keeps apart")
                continue
            for other in sorted(set(placed) - {keep}):
                self._changed(keep, other)
                piece = other if other in whole else self.team.split(other, placed[other])
                self.team.merge([keep, piece])
                self.report.merged += 1

    def _only(self, team_item: int, quotes: list[int]) -> bool:
        """Does the team item hold these quotes and nothing else (no other quote, no other source)?"""
        item = self.team.item(team_item)
        mine = [q for q in item.evidence if q.id in set(quotes)]
        return len(mine) == len(item.evidence) and set(item.source_ids) <= {q.source_id for q in mine}

    # --- the officer's own work -------------------------------------------------------------------------

    def _hand_made_items(self, kind: str) -> list[Item]:
        """The team's items of ``kind`` no source says anything of (notes, items added by hand)."""
        if self._hand_made is None:
            self._hand_made = {}
        if kind not in self._hand_made:
            ids = [r.id for r in self.team.rows(self.team.query(Query(kind=kind))) if not r.source_ids]
            self._hand_made[kind] = self.team.items(ids)
        return self._hand_made[kind]

    def _edits_and_hand_made(self) -> None:
        for item_id, kind, machine, edits, origin in self.local.execute(
                "SELECT id, kind, machine, edits, origin FROM items WHERE origin = 'user' OR edits != '{}' "
                "ORDER BY id").fetchall():
            edited = json.loads(edits)
            if origin == "user":
                machine_values = json.loads(machine)
                wanted = kinds.effective(kind, machine_values, edited)
                there = next((i for i in self._hand_made_items(kind) if i.fields == wanted), None)
                if there is not None:  # pushed before: nothing to add
                    self.items[item_id] = there.id
                    continue
                values = {k: v for k, v in machine_values.items() if k in kinds.field_names(kind)}
                self.items[item_id] = self.team.add_item(kind, values)
                self.report.items_made += 1
            else:
                team_item = self._team_item(item_id, kind)
                if team_item is None:
                    self.report.edits_unplaced += 1
                    continue
                self.items[item_id] = team_item
            if edited:
                now = self.team.item(self.items[item_id]).fields
                changes = {f: v for f, v in edited.items() if now.get(f) != v}
                if changes:
                    self.team.edit_fields(self.items[item_id], changes)
                    self.report.edits_applied += 1

    def _briefs(self) -> None:
        for brief_id, name, *values in self.local.execute(
                f"SELECT id, name, {', '.join(BRIEF_FIELDS)} FROM briefs ORDER BY id").fetchall():
            fields = dict(zip(BRIEF_FIELDS, values, strict=True))
            lines: list[tuple[int, str | None]] = []
            for item_id, wording, kind in self.local.execute(
                    "SELECT l.item_id, l.wording, i.kind FROM brief_lines l JOIN items i ON i.id = l.item_id "
                    "WHERE l.brief_id = ? ORDER BY l.position, l.item_id", (brief_id,)).fetchall():
                team_item = self.items.get(item_id) or self._team_item(item_id, kind)
                if team_item is not None and all(team_item != held for held, _ in lines):
                    lines.append((team_item, wording))
            names = {b.id: b.name for b in self.team.briefs()}
            if any(self._same_brief(team_brief, fields, lines) for team_brief, other in names.items()
                   if other.casefold() in (name.casefold(), f"{name} ({self.team.user})".casefold())):
                continue  # pushed before, and unchanged since
            if name.casefold() in {n.casefold() for n in names.values()}:
                name = f"{name} ({self.team.user})"
            team_brief = self.team.create_brief(name)
            self.team.update_brief(team_brief, **fields)
            for team_item, wording in lines:
                self.team.set_picked(team_brief, [team_item], True)
                if wording is not None:
                    self.team.set_line_wording(team_brief, team_item, wording)
            self.report.briefs += 1

    def _same_brief(self, team_brief: int, fields: dict[str, Any], lines: list[tuple[int, str | None]]) -> bool:
        brief = self.team.brief(team_brief)
        return (all(getattr(brief, f) == v for f, v in fields.items())
                and [(line.item_id, line.wording) for line in sorted(brief.lines, key=lambda x: x.position)] == lines)


def push(local_path: Path, team: PgStore) -> PushReport:
    """Merge the library file at ``local_path`` into the team library, as one undoable step."""
    local = _open_local(Path(local_path))
    try:
        with team.step(f"Push {Path(local_path).name}"):
            return _Pusher(local, team).run()
    finally:
        local.close()
