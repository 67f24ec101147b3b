"""Writing one source and its extraction into the library, joining what other sources already said.

Identity rules (each checked only against items no part of this source has
already contributed to, so two items one source keeps apart stay apart):

- people: the same name or alias (folded), or one name's words all within the
  other's ("Balakrishnan" / "Vivian Balakrishnan") with no conflicting country (a lone
  word with no country to confirm it only when it points at one person alone);
- events: the same type group (visit | meeting, talks, call | signing | other),
  the same date to the shorter precision and the same encounter (two people in
  common, or a lone person on a side of at most two); undated events need the
  same two or more people;
- agreements: titles sharing 60 % of their content words, at least one of them about the subject (not
  "memorandum", "agreement"...) unless the dates agree; parties (else the sources' countries)
  overlapping; not signed on different days;
- figures: value within 1 %, the same unit, a similar "what", overlapping countries, the same period;
- topics: the same content words.
"""

from __future__ import annotations

import bisect
import json
import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, Final, Literal

from briefing.library import kinds
from briefing.library.connection import Connection, inserted_id
from briefing.library.copies import CopyIndex
from briefing.library.index import (
    MAX_INDEXED_EVIDENCE,
    Indexed,
    has_fts,
    index_new_item,
    read_indexed,
    refresh_items,
    reindex_sources,
    write_indexed,
)
from briefing.library.search import fold
from briefing.model import Agreement, Event, Evidence, ExtractedItem, Extraction, Person, Source

log = logging.getLogger(__name__)

# Whether a new contribution's values (first) state the item held with these (second): True, False, or
# WEAK (a lone surname: it counts only when it points at one item alone).
Matcher = Callable[[dict[str, Any], dict[str, Any]], bool | Literal["weak"]]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def insert_source(conn: Connection, source: Source, extraction: Extraction) -> int:
    cur = conn.execute(
        "INSERT INTO sources (sha256, path, title, date, publisher, author, language, format, marking, text, "
        "analysed, note, countries, imported_at, url, accessed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source.sha256, source.path, source.title or "", source.date, source.publisher, source.author,
            source.language or "en", source.format or "txt", source.marking, source.text,
            int(extraction.analysed), extraction.note, _codes(extraction.countries), (stamp := now()),
            getattr(source, "url", None), stamp[:10],  # accessed: the day it was imported
        ),
    )
    source_id = inserted_id(cur)
    reindex_sources(conn, [source_id])
    return source_id


def _codes(countries: list[str]) -> str:
    codes = sorted({c.upper() for c in countries if c})
    return "|" + "|".join(codes) + "|" if codes else ""


class Ingest:
    """Adds one source's items; ``prefer`` are items that held this source before a re-extraction."""

    def __init__(self, conn: Connection, source_id: int, source: Source, extraction: Extraction,
                 prefer: set[int] | None = None, cache: ContributionCache | None = None,
                 story: list[int] | None = None, prefetch: Callable[[set[str]], None] | None = None) -> None:
        self.conn = conn
        # Told the merge keys of the source's events before any is joined (the team library reads the items
        # filed under them in one query, rather than one query an event); None: nothing to tell.
        self.prefetch = prefetch
        # The other sources of the same story when this one is a near-identical copy (briefing.library.copies):
        # an item stated by the same sentence there is the same item here.
        self.story = [s for s in (story or []) if s != source_id]
        self._story_items: dict[str, dict[str, list[int]]] = {}
        self.cache = cache
        self.source_id = source_id
        self.source = source
        self.extraction = extraction
        self.prefer = prefer or set()
        self.touched: set[int] = set()
        self.created: set[int] = set()  # new items (the others in touched existed and gained a source)
        self._new_machine: dict[int, dict[str, Any]] = {}  # the created items' machine values
        self.has_fts = has_fts(conn)
        self._contributions: list[tuple[int, int, str]] = []  # rows not yet written (see _write_pending)
        self._evidence: list[tuple[int, int, int, int, str]] = []
        # With a cache: this source's evidence as ``read_story_evidence`` would read it back, by kind, handed to
        # the cache once written, so a later copy of the story in the same import need not read it (``run``).
        self._story_rows: dict[str, list[tuple[int, str]]] = {}
        self._edits: dict[int, dict[str, Any]] = {}  # the user's edits of the items found to join
        self.person_ids: dict[str, int] = {}  # folded name or alias in this source -> person item
        self.source_countries = sorted({c.upper() for c in extraction.countries if c})
        # What the user deleted from this source before (only a source extracted again has any): one query.
        self.dismissed = set(conn.execute(
            "SELECT kind, fingerprint FROM dismissed WHERE source_id = ?", (source_id,)).fetchall())

    def run(self) -> set[int]:
        for person in self.extraction.people:
            self._person(person)
        # An event's values depend on the people joined above, not on the other events: all worked out first.
        events = [(event, self._event(event)) for event in self.extraction.events]
        if self.prefetch is not None and events:
            self.prefetch({key for _, data in events for key in kinds.lookup_keys("event", data)[0]})
        for event, data in events:
            self._add("event", event, data, _same_event)
        for agreement in self.extraction.agreements:
            self._add("agreement", agreement, self._agreement_data(agreement), self._agreement_matches)
        for figure in self.extraction.figures:
            self._add("figure", figure, self._data(figure), self._figure_matches)
        for topic in self.extraction.topics:
            self._add("topic", topic, self._data(topic), lambda new, old: True)
        self._write_pending()
        if self.cache is not None:
            self.cache.wrote_story(self.source_id, self.source.marking, self._story_rows)
        return self.touched

    def _write_pending(self) -> None:
        if self._contributions:
            self.conn.executemany("INSERT INTO contributions (item_id, source_id, data) VALUES (?, ?, ?)",
                                  self._contributions)
        if self._evidence:
            self.conn.executemany(
                'INSERT INTO evidence (item_id, source_id, start, "end", text) VALUES (?, ?, ?, ?, ?)', self._evidence)
        self._contributions, self._evidence = [], []

    # --- the kinds -----------------------------------------------------------------------------------

    def _data(self, item: ExtractedItem) -> dict[str, Any]:
        # The item's fields, lists copied (a shallow asdict: no field of an item is itself a dataclass)
        data = {k: list(v) if isinstance(v, list) else v for k, v in vars(item).items() if k != "evidence"}
        data["countries"] = self.source_countries
        return data

    def _person(self, person: Person) -> None:
        data = self._data(person)
        data["countries"] = [person.country.upper()] if person.country else []
        item_id = self._add("person", person, data, _same_person)
        if item_id is None:
            return
        for name in [person.name, *person.aliases]:
            if fold(name).strip():
                self.person_ids.setdefault(fold(name).strip(), item_id)

    def _event(self, event: Event) -> dict[str, Any]:
        """What this source says of an event, its people named as the library knows them."""
        data = self._data(event)
        ids: list[int] = []
        names: list[str] = []
        for name in event.participants:
            pid = self.person_ids.get(fold(name).strip())
            if pid is None:
                names.append(name)
            elif pid not in ids:
                ids.append(pid)
                names.append(self._person_name(pid) or name)  # "Smith" here, "Alice Smith" in the library
        data["participant_ids"] = ids
        data["participants"] = list(dict.fromkeys(names))
        for role in ("actor", "recipient"):
            pid = self.person_ids.get(fold(data.get(role)).strip()) if data.get(role) else None
            if pid is not None:
                data[role] = self._person_name(pid) or data[role]
        countries: set[str] = set()
        for pid in ids:
            row = self.conn.execute("SELECT countries FROM items WHERE id = ?", (pid,)).fetchone()
            countries.update(c for c in (row[0] if row else "").split("|") if c)
        data["countries"] = sorted(countries) or self.source_countries
        return data

    def _person_name(self, person_id: int) -> str | None:
        known = self.cache.views(person_id) if self.cache is not None else None
        if known:  # as the user corrected it, else as the sources said it: the first view
            return known[0].get("name")
        row = self.conn.execute("SELECT machine, edits FROM items WHERE id = ?", (person_id,)).fetchone()
        return kinds.effective("person", json.loads(row[0]), json.loads(row[1])).get("name") if row else None

    def _agreement_data(self, agreement: Agreement) -> dict[str, Any]:
        data = self._data(agreement)
        data["countries"] = sorted({p.upper() for p in agreement.parties}) or self.source_countries
        return data

    @staticmethod
    def _agreement_matches(new: dict[str, Any], old: dict[str, Any]) -> bool:
        words_new, words_old = kinds.content_words(new.get("title")), kinds.content_words(old.get("title"))
        if kinds.jaccard(words_new, words_old) < 0.6:
            return False
        # Whose agreement: the parties, else the countries the sources were about.
        a = set(new.get("parties") or []) or set(new.get("countries") or [])
        b = set(old.get("parties") or []) or set(old.get("countries") or [])
        if a and b and not a & b:
            return False
        dated = new.get("date") and old.get("date")
        if dated and not kinds.dates_agree(new["date"], old["date"]) and "signed" in (new.get("status"), old.get("status")):
            return False  # signed on another day: another document (a renewal is its own item)
        # "Memorandum of Understanding" alone says too little to join on: it needs a word of what about,
        # or the same date.
        specific = (words_new & words_old) - kinds.GENERIC_AGREEMENT_WORDS
        return bool(specific) or bool(dated and kinds.dates_agree(new["date"], old["date"]))

    @staticmethod
    def _figure_matches(new: dict[str, Any], old: dict[str, Any]) -> bool:
        if new.get("unit") != old.get("unit") or new.get("value") is None or old.get("value") is None:
            return False
        a, b = float(new["value"]), float(old["value"])
        if abs(a - b) > 0.01 * max(abs(a), abs(b)):
            return False
        # The same number about the same thing, in sources about the same countries, for the same period.
        wa, wb = kinds.content_words(new.get("what")), kinds.content_words(old.get("what"))
        if kinds.jaccard(wa, wb) < 0.5:
            return False
        ca, cb = set(new.get("countries") or []), set(old.get("countries") or [])
        if ca and cb and not ca & cb:
            return False
        return not (new.get("period") and old.get("period") and fold(new["period"]) != fold(old["period"]))

    # --- matching and writing -----------------------------------------------------------------------

    def _dismissed(self, kind: str, data: dict[str, Any]) -> bool:
        return bool(self.dismissed) and (kind, kinds.fingerprint(kind, data)) in self.dismissed

    def _add(self, kind: str, item: ExtractedItem, data: dict[str, Any], matches: Matcher) -> int | None:
        if self._dismissed(kind, data):
            return None  # the user deleted what this source says here
        evidence = fix_evidence(self.source.text, item.evidence, self.source.path)
        item_id = self._from_story(kind, data, evidence, matches) if self.story else None
        if item_id is None:
            item_id = self._find(kind, data, matches)
        if item_id is None:
            item_id = self._insert_item(kind, data)
            self.created.add(item_id)
        stored = json.dumps(data, ensure_ascii=False)
        evidence_rows = [(item_id, self.source_id, e.start, e.end, e.text) for e in evidence]
        texts = [e.text for e in evidence]
        self._contributions.append((item_id, self.source_id, stored))
        self._evidence += evidence_rows
        if self.cache is not None:
            self._story_rows.setdefault(kind, []).extend((item_id, fold(text).strip()) for text in texts)
        if self.cache is None:
            self._write_pending()  # recombine and refresh_items read them back
        # else written together when the source is done: the cache holds what they would give
        if item_id in self.created:
            if self.cache is not None:
                self.cache.created(item_id, kind, (self.source.date, self.source_id, stored), self._new_machine[item_id])
            # Keys now, so a later item of this source (an event's participant) finds it.
            indexed = index_new_item(self.conn, item_id, kind, self._new_machine[item_id], texts)
            if self.cache is not None:
                self.cache.indexed(item_id, indexed)
        elif self.cache is not None:
            machine = self.cache.recombine(self.conn, item_id, kind, (self.source.date, self.source_id, stored))
            self.cache.reindex(self.conn, item_id, kind, machine, self._edits.get(item_id, {}), texts, self.has_fts)
        else:
            recombine(self.conn, item_id, kind)
            refresh_items(self.conn, [item_id])
        self.touched.add(item_id)
        return item_id

    def _from_story(self, kind: str, data: dict[str, Any], evidence: list[Evidence], matches: Matcher) -> int | None:
        """The item of this story's other copies that the same sentence states, if any.

        Several items may share a sentence ("met A, B and C": three meetings): then the one whose values
        match, else the first this source has not joined yet."""
        by_text = self._story_items.get(kind)
        if by_text is None:
            by_text = {}
            for item_id, text in sorted(self._story_evidence(kind)):
                ids = by_text.setdefault(text, [])
                if item_id not in ids:
                    ids.append(item_id)
            self._story_items[kind] = by_text
        candidates = [i for e in evidence for i in by_text.get(fold(e.text).strip(), []) if i not in self.touched]
        candidates = list(dict.fromkeys(candidates))
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        for item_id in candidates:
            views = self.cache.views(item_id) if self.cache is not None else None  # as last read or written here
            if views is None:
                row = self.conn.execute("SELECT machine, edits FROM items WHERE id = ?", (item_id,)).fetchone()
                views = candidate_views(kind, json.loads(row[0]), json.loads(row[1]))[1] if row else []
            if any(matches(data, old) for old in views):
                return item_id
        return candidates[0]

    def _story_evidence(self, kind: str) -> list[tuple[int, str]]:
        """(item id, folded evidence text) of every item of ``kind`` the story's other sources state.

        An import's copies of one story each read the evidence of all the copies before them: kept in the
        import's cache, each copy's evidence is read and folded once, not once for every later copy."""
        if self.cache is not None:
            return self.cache.story_evidence(self.conn, self.story, kind, self.source.marking)
        return [row for held in read_story_evidence(self.conn, self.story).values() for row in held.get(kind, [])]

    def _insert_item(self, kind: str, data: dict[str, Any]) -> int:
        """A new item, its machine values and list columns written at once: what ``recombine`` and
        ``refresh_items`` would make of its one contribution, without reading it back."""
        machine = kinds.combine(kind, [(self.source.date, data)])
        row = kinds.row_values(kind, machine, {})
        item_id = inserted_id(self.conn.execute(
            "INSERT INTO items (kind, machine, edits, origin, created_at, date, label, status, type, countries) "
            "VALUES (?, ?, '{}', 'machine', ?, ?, ?, ?, ?, ?)",
            (kind, json.dumps(machine, ensure_ascii=False), now(), row["date"], row["label"], row["status"],
             row["type"], row["countries"]),
        ))
        self._new_machine[item_id] = machine
        return item_id

    def _find(self, kind: str, data: dict[str, Any], matches: Matcher) -> int | None:
        keys, prefixes = kinds.lookup_keys(kind, data)
        if not keys and not prefixes:
            return None
        where = [f"key IN ({','.join('?' * len(keys))})"] if keys else []
        where += ["(key >= ? AND key < ?)"] * len(prefixes)
        ranges = [bound for p in prefixes for bound in (p, p[:-1] + chr(ord(p[-1]) + 1))]
        # "+i.kind": found through the keys' index, never by reading every item of the kind
        # Items this source already joined are passed over: it never merges two of its own items (all its
        # contributions are made here; a re-extraction deletes the old ones first).
        rows = self.conn.execute(
            f"SELECT i.id, i.machine, i.edits FROM items i WHERE i.id IN "
            f"(SELECT item_id FROM item_keys WHERE {' OR '.join(where)}) AND +i.kind = ? ORDER BY i.id",
            (*keys, *ranges, kind),
        ).fetchall()
        strong: list[int] = []
        weak: list[int] = []
        for item_id, machine_json, edits_json in rows:
            if item_id in self.touched:
                continue
            if self.cache is not None:
                edits, views = self.cache.parsed(kind, item_id, machine_json, edits_json)
                self._edits[item_id] = edits
            else:
                edits, views = candidate_views(kind, json.loads(machine_json), json.loads(edits_json))
            found: bool | Literal["weak"] = False
            for old in views:
                result = matches(data, old)
                if result and result != WEAK:
                    found = True
                    break
                found = found or result
            if found == WEAK:
                weak.append(item_id)
            elif found:
                strong.append(item_id)
        # A weak match (a lone surname) counts only when it points at one item alone.
        candidates = strong or (weak if len(weak) == 1 else [])
        if not candidates:
            return None
        preferred = [c for c in candidates if c in self.prefer]
        if preferred:
            return preferred[0]
        if self.prefer:
            apart = self._kept_apart_from_preferred()
            candidates = [c for c in candidates if c not in apart]
        return candidates[0] if candidates else None

    def _kept_apart_from_preferred(self) -> set[int]:
        marks = ",".join("?" * len(self.prefer))
        rows = self.conn.execute(
            f"SELECT a, b FROM kept_apart WHERE a IN ({marks}) OR b IN ({marks})", (*self.prefer, *self.prefer)
        )
        return {x for a, b in rows for x in (a, b)} - self.prefer


def read_story_evidence(conn: Connection, sources: list[int]) -> dict[int, dict[str, list[tuple[int, str]]]]:
    """Per source, per kind: (item id, folded evidence text) of the items the source states."""
    found: dict[int, dict[str, list[tuple[int, str]]]] = {s: {} for s in sources}
    marks = ",".join("?" * len(sources))
    for source_id, item_id, kind, text in conn.execute(
            f"SELECT e.source_id, e.item_id, i.kind, e.text FROM evidence e JOIN items i ON i.id = e.item_id "
            f"WHERE e.source_id IN ({marks})", tuple(sources)):
        found[source_id].setdefault(kind, []).append((item_id, fold(text).strip()))
    return found


def candidate_views(kind: str, machine: dict[str, Any], edits: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An item's edits, and the values a new contribution is matched against: as the user corrected it,
    else as the sources said it (a source may still use the old name)."""
    views = []
    for values in (edits, {}) if edits else ({},):
        old = kinds.effective(kind, machine, values)
        for extra in ("participant_ids", "countries"):
            old[extra] = machine.get(extra)
        views.append(old)
    return edits, views


WEAK: Final = "weak"


def _same_person(new: dict[str, Any], old: dict[str, Any]) -> bool | Literal["weak"]:
    new_names, old_names = set(kinds.person_names(new)), set(kinds.person_names(old))
    if new_names & old_names:
        return True
    a, b = (new.get("country") or "").upper(), (old.get("country") or "").upper()
    if a and b and a != b:
        return False
    first, second = set(fold(new.get("name")).split()), set(fold(old.get("name")).split())
    if not first or not second or not (first <= second or second <= first):
        return False
    if min(len(first), len(second)) > 1 or (a and a == b):
        return True
    # A lone surname ("Lee") with no country to confirm it: only if no one else bears it.
    return WEAK


def _same_event(new: dict[str, Any], old: dict[str, Any]) -> bool:
    if kinds.event_group(new.get("type")) != kinds.event_group(old.get("type")):
        return False
    a, b = set(new.get("participant_ids") or []), set(old.get("participant_ids") or [])
    if not a and not b:
        # Nobody named on either side: the same day and place.
        return (
            bool(new.get("date")) and new.get("date") == old.get("date") and len(new["date"]) == 10
            and fold(new.get("location")) == fold(old.get("location"))
        )
    if not new.get("date") or not old.get("date"):
        return a == b and len(a) >= 2
    return kinds.dates_agree(new["date"], old["date"]) and kinds.participants_match(a, b)


def fix_evidence(text: str, evidence: list[Evidence], path: str = "") -> list[Evidence]:
    """Evidence whose span is the text it quotes; a misplaced quote is found again, a missing one dropped."""
    out = []
    for ev in evidence:
        if 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.text:
            out.append(ev)
            continue
        at = text.find(ev.text) if ev.text else -1
        if at >= 0:
            out.append(Evidence(at, at + len(ev.text), ev.text))
        else:
            log.warning("%s: evidence %r is not in the source's text; dropped", path, ev.text[:60])
    return out


class ContributionCache:
    """The contributions of the items an import keeps joining, decoded and in combining order.

    Joining the three-hundredth source to "trade" then reads nothing back: the new contribution is put in
    its place and the item combined again. It is kept only while this import alone writes: ``check`` (at
    the start of each source's transaction) forgets everything when another connection has committed
    (``PRAGMA data_version``) or this one ran another transaction since the last source; a source whose
    transaction fails is forgotten with everything else.
    """

    MAX_ROWS = 50_000  # a bound on memory: the least recently joined items go first
    MAX_PARSED = 20_000
    MAX_STORY_SOURCES = 2_000

    def __init__(self) -> None:
        # per item: its contributions in order (a person) or their running Combination (any other kind)
        self._items: OrderedDict[int, list[tuple[str, int, str | None, dict[str, Any]]] | kinds.Combination] = \
            OrderedDict()
        self._rows = 0
        self._mark: tuple[int, int] | None = None
        self._parsed: dict[int, tuple[str, str, tuple[dict[str, Any], list[dict[str, Any]]]]] = {}
        self._indexed: dict[int, Indexed] = {}  # what the library holds of each item's derived rows
        self.copies: CopyIndex | None = None  # the sources' signatures, to find copies of one story
        # per source: the (item id, folded text) of its evidence, by kind (Ingest._story_evidence)
        self._story: OrderedDict[int, dict[str, list[tuple[int, str]]]] = OrderedDict()
        self._story_marking: dict[int, str] = {}  # of the sources whose evidence was kept as written (wrote_story)

    def check(self, conn: sqlite3.Connection, transaction: int) -> None:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if self._mark != (version, transaction - 1):
            self.clear()
        self._mark = (version, transaction)

    def parsed(self, kind: str, item_id: int, machine: str, edits: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """``candidate_views`` of an item, from memory while its stored text is unchanged (read them,
        never change them)."""
        hit = self._parsed.get(item_id)
        if hit is not None and hit[0] == machine and hit[1] == edits:
            return hit[2]
        views = candidate_views(kind, json.loads(machine), json.loads(edits))
        self._parsed[item_id] = (machine, edits, views)
        if len(self._parsed) > self.MAX_PARSED:
            self._parsed.pop(next(iter(self._parsed)))
        return views

    def views(self, item_id: int) -> list[dict[str, Any]] | None:
        """The candidate views last read or written for an item (None: not known here)."""
        hit = self._parsed.get(item_id)
        return hit[2][1] if hit is not None else None

    def story_evidence(self, conn: Connection, sources: list[int], kind: str, marking: str) -> list[tuple[int, str]]:
        """``read_story_evidence`` of ``sources`` for ``kind``, reading only the sources not already held (a
        source's evidence is written with it and stays as it is while this import alone writes) for a source
        of ``marking``."""
        missing = [s for s in sources if s not in self._story or self._story_marking.get(s, marking) != marking]
        for source_id in missing:
            self._story_marking.pop(source_id, None)
        if missing:
            self._story.update(read_story_evidence(conn, missing))
        for source_id in sources:
            self._story.move_to_end(source_id)
        rows = [row for source_id in sources for row in self._story[source_id].get(kind, [])]
        while len(self._story) > self.MAX_STORY_SOURCES:
            self._story_marking.pop(self._story.popitem(last=False)[0], None)
        return rows

    def wrote_story(self, source_id: int, marking: str, rows: dict[str, list[tuple[int, str]]]) -> None:
        """A source written in this import: its evidence, as ``read_story_evidence`` gives it, for the later
        copies of its story of the same marking (the team library shows a source being added only the items of
        its own marking); the cache is emptied if the transaction fails, with everything else here."""
        self._story[source_id] = rows
        self._story_marking[source_id] = marking
        self._story.move_to_end(source_id)
        while len(self._story) > self.MAX_STORY_SOURCES:
            self._story_marking.pop(self._story.popitem(last=False)[0], None)

    def clear(self) -> None:
        self.copies = None
        self._story.clear()
        self._story_marking.clear()
        self._indexed.clear()
        self._parsed.clear()
        self._items.clear()
        self._rows = 0
        self._mark = None

    def recombine(self, conn: Connection, item_id: int, kind: str,
                  added: tuple[str | None, int, str]) -> dict[str, Any]:
        """``recombine`` for an item that has just gained the contribution ``added`` (date, source id, data)."""
        held = self._items.get(item_id)
        if held is None:  # the new contribution is not written yet (see Ingest._write_pending)
            rows = [(date or "", sid, date, json.loads(data)) for date, sid, data in _contributions(conn, item_id)]
            if kind == "person":
                held = rows
            else:
                held = kinds.Combination(kind)
                for order_date, sid, date, data in rows:
                    held.add((order_date, sid), date, data)
            self._items[item_id] = held
            self._rows += len(rows)
        else:
            self._items.move_to_end(item_id)
        date, sid, data = added
        if isinstance(held, kinds.Combination):  # any kind but a person (see above)
            held.add((date or "", sid), date, json.loads(data))
        else:  # a person's titles over time are combined whole
            bisect.insort(held, (date or "", sid, date, json.loads(data)), key=lambda r: (r[0], r[1]))
        self._rows += 1
        self._trim()
        if isinstance(held, kinds.Combination):
            return held.values()
        return kinds.combine(kind, [(date, data) for _, _, date, data in held])

    def created(self, item_id: int, kind: str, added: tuple[str | None, int, str], machine: dict[str, Any]) -> None:
        """An item the source being written has made, with its one contribution ``added`` (date, source id, data;
        written at the source's end) and its ``machine`` values (written with it, no edits): held as reading its
        contributions and columns back would give them, so the next source to join it in this import need not read
        them (a round trip each on the team library)."""
        machine_json = json.dumps(machine, ensure_ascii=False)  # the text Ingest._insert_item wrote
        self._parsed[item_id] = (machine_json, "{}", candidate_views(kind, json.loads(machine_json), {}))
        if len(self._parsed) > self.MAX_PARSED:
            self._parsed.pop(next(iter(self._parsed)))
        date, sid, data = added
        held: list[tuple[str, int, str | None, dict[str, Any]]] | kinds.Combination
        if kind == "person":
            held = [(date or "", sid, date, json.loads(data))]
        else:
            held = kinds.Combination(kind)
            held.add((date or "", sid), date, json.loads(data))
        self._items[item_id] = held
        self._items.move_to_end(item_id)
        self._rows += 1
        self._trim()

    def _trim(self) -> None:
        while self._rows > self.MAX_ROWS and len(self._items) > 1:
            dropped_id, dropped = self._items.popitem(last=False)
            self._rows -= dropped.count if isinstance(dropped, kinds.Combination) else len(dropped)
            self._indexed.pop(dropped_id, None)

    def indexed(self, item_id: int, entry: Indexed) -> None:
        self._indexed[item_id] = entry

    def reindex(self, conn: Connection, item_id: int, kind: str, machine: dict[str, Any],
                edits: dict[str, Any], new_evidence: list[str], fts: bool) -> None:
        """Write an item's new machine values and whatever of its list columns, keys and search row they
        change, comparing with what is remembered of it rather than reading it back."""
        entry = self._indexed.get(item_id)
        if entry is None:
            entry = read_indexed(conn, item_id, fts)  # this source's evidence is not written yet
        evidence = entry.evidence if len(entry.evidence) >= MAX_INDEXED_EVIDENCE else \
            (entry.evidence + new_evidence)[:MAX_INDEXED_EVIDENCE]
        machine_json = json.dumps(machine, ensure_ascii=False)
        seen = self._parsed.get(item_id)
        stored = seen[0] if seen is not None else None  # the machine text the merge query just read
        self._indexed[item_id] = write_indexed(conn, item_id, kind, machine, machine_json, edits, evidence, entry, fts,
                                               stored_json=stored)
        if seen is not None:  # the next source to meet this item need not decode what was just written
            self._parsed[item_id] = (machine_json, seen[1], candidate_views(kind, machine, edits))


def recombine(conn: Connection, item_id: int, kind: str | None = None) -> None:
    """Set an item's machine values from its contributions (oldest source first); none left: keep them."""
    if kind is None:
        kind = conn.execute("SELECT kind FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    rows = _contributions(conn, item_id)
    if not rows:
        return
    machine = kinds.combine(kind, [(date, json.loads(data)) for date, _, data in rows])
    conn.execute("UPDATE items SET machine = ? WHERE id = ?", (json.dumps(machine, ensure_ascii=False), item_id))


def _contributions(conn: Connection, item_id: int) -> list[tuple[str | None, int, str]]:
    """An item's contributions as (source date, source id, data), in combining order (oldest source first)."""
    return conn.execute(
        "SELECT s.date, s.id, c.data FROM contributions c JOIN sources s ON s.id = c.source_id "
        "WHERE c.item_id = ? ORDER BY coalesce(s.date, ''), s.id", (item_id,)).fetchall()
