"""Writing a source to the team library in few round trips to the server.

The shared ingest code (``briefing.library.ingest``) speaks to its connection one statement at a time, as
suits SQLite in the same process. Over a network each statement would be a round trip, about 150 for one
source. Here a source is written in psycopg's pipeline mode, and most statements cost none:

- statements whose answer nobody reads (the UPDATEs, DELETEs and plain INSERTs of items, keys, evidence)
  are queued and sent together; the client waits for the server only when the ingest code reads something
  back (a SELECT, an INSERT's new id). The server runs them in the order sent, so a read still sees every
  write before it;
- the search rows (``items_fts``, ``sources_fts``), deleted and written again for every item a source
  joins, are kept here and written at the end in two statements a table (``flush``), or earlier when a
  statement names the table; a row whose text only grew at its end (a new quote) is updated in a third,
  its tsvector extended by the new words' (``_grow``: parsing the text was most of a search row's cost);
- the items the source may join are read in one query before it joins any (``prefetch``: those filed under
  the merge keys of its people, agreements, figures and topics; each item once, with its keys), the ones it creates are remembered as
  written, and the ingest code's look-ups by key and its reads of an item's columns (an event participant's
  name and countries, an item's list columns) are answered from that memory. The statements that write
  items as the ingest code writes them keep it up to date; any other write to ``items`` forgets it.
  (So a source's transaction reads these items as they were when it began, as a transaction at REPEATABLE
  READ would: a colleague's change committed meanwhile is not mixed into it half-way.)

- the ids of the source and of the items it may create are taken from the sequences in one query, so
  inserting one does not wait for its id, and the source's text is not read back to be indexed; the source's
  INSERT is held until the next statement, so its signature's UPDATE goes into it; a new source has nothing
  dismissed (not read) and new rows no search row to delete (not deleted);
- the updates of an item's columns and merge keys are held and sent together, a statement each kind, before
  the next statement the server runs (``_send_held``); the four reads of an item's derived rows (``index.read_indexed``) go in one round trip;
  a near-copy of a story reads the quotes of the story's items once for all kinds.

What the server holds at the end of the source's transaction is the same as statement by statement.
The statements are recognised by their text as the shared modules write them: one written otherwise is
simply sent as it is (correct, one round trip more); tests/pg/test_import_batched.py checks that the same
items come out as on SQLite and that a source stays under 40 round trips.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from briefing.library.index import MAX_INDEXED_EVIDENCE
from briefing.library.pg.compat import Constant, Cursor, SqliteDialect, translate
from briefing.library.pg.search import tokens

Params = Sequence[Any] | dict[str, Any]

_ANSWERS = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b", re.I)
_FTS_TABLES = ("items_fts", "sources_fts")
_FTS_DELETE = re.compile(r"^\s*DELETE FROM (items_fts|sources_fts) WHERE rowid = \?\s*$", re.I)
_FTS_INSERT = re.compile(r"^\s*INSERT INTO (items_fts|sources_fts) \(rowid, body\) VALUES \(\?, \?\)\s*$", re.I)
_DELETES = re.compile(r"^\s*DELETE\b", re.I)  # a cascade may reach the search rows

_WRITES_ITEMS = re.compile(r"^\s*(UPDATE|DELETE\s+FROM|INSERT(\s+OR\s+\w+)?\s+INTO)\s+items\b", re.I)
_INSERT_ITEM = re.compile(r"^\s*INSERT INTO items \(([\w, ]+)\) VALUES \(((?:\?|'[^']*')(?:, (?:\?|'[^']*'))*)\)\s*$",
                          re.I)
# The columns of items an import's INSERT names (all text): held and inserted together (``_send_held``).
_TEXT_ITEM_COLUMNS = frozenset({"kind", "machine", "edits", "origin", "created_at", "date", "label", "status", "type",
                                "countries"})
_UPDATE_ITEM = re.compile(r"^\s*UPDATE items SET ((?:\w+ = (?:\?|:\w+)(?:, )?)+) WHERE id = (\?|:\w+)\s*$", re.I)
# ingest.Ingest._find: the items filed under a contribution's merge keys (no prefix ranges), of one kind.
_FIND = re.compile(r"^SELECT i\.id, i\.machine, i\.edits FROM items i WHERE i\.id IN \(SELECT item_id FROM item_keys "
                   r"WHERE key IN \(\?(?:,\?)*\)\) AND \+?i\.kind = \? ORDER BY i\.id$")
# index.read_indexed reads an item's derived rows in four statements in a row: when the first is run, the
# others are sent with it, and answered from what came back if they follow unchanged, no write between.
_READ_AHEAD = {
    "SELECT date, label, status, type, countries FROM items WHERE id = ?": (
        ("SELECT key FROM item_keys WHERE item_id = ?", ()),
        ("SELECT text FROM evidence WHERE item_id = ? ORDER BY id LIMIT ?", (MAX_INDEXED_EVIDENCE,)),
        ("SELECT body FROM items_fts WHERE rowid = ?", ()),
    ),
}
# ingest.Ingest._from_story: the items of one kind quoted in a story's other copies (once per kind).
_STORY = re.compile(r"^\s*SELECT e\.item_id, e\.text FROM evidence e JOIN items i ON i\.id = e\.item_id "
                    r"WHERE e\.source_id IN \(\?(?:,\?)*\) AND i\.kind = \? ORDER BY e\.item_id\s*$")
_ITEM_COLUMNS = ("kind", "machine", "edits", "date", "label", "status", "type", "countries")
# Writes held back and sent together, one statement each kind (``_send_held``), before the next statement the
# server runs: the ingest code's updates of an item's machine values and list columns (index.write_indexed)
# and its merge keys, a statement a row each. Only the statements of new items (their ids taken beforehand,
# nothing else refers to them yet) pass them.
_HELD_UPDATES = {
    "UPDATE items SET machine = ?, date = ?, label = ?, status = ?, type = ?, countries = ? WHERE id = ?":
        ("machine", "date", "label", "status", "type", "countries"),
    "UPDATE items SET machine = ? WHERE id = ?": ("machine",),
}
_KEY_INSERT = "INSERT INTO item_keys (key, item_id) VALUES (?, ?)"
_WRITES_KEYS = re.compile(r"^\s*(UPDATE|DELETE\s+FROM|INSERT(\s+OR\s+\w+)?\s+INTO)\s+item_keys\b", re.I)
_KEY_DELETE = "DELETE FROM item_keys WHERE item_id = ? AND key = ?"
# The item of each row read, looked up by its id once that row is found (OFFSET 0 keeps the planner from
# turning the join around): while a library is being filled its statistics lag behind, and a join planned
# from them read every item and, for each, the whole key index (40 ms a source, growing with the library).
_EACH_ITEM = "CROSS JOIN LATERAL (SELECT {columns} FROM items i WHERE i.id = {id} OFFSET 0) i"
_READ_ITEM = re.compile(r"^\s*SELECT ([\w, ]+) FROM items WHERE id = \?\s*$", re.I)
# ingest.insert_source, and index.reindex_sources reading the new source's text straight back.
_INSERT_SOURCE = re.compile(r"^\s*INSERT INTO sources \(([\w, ]+)\) VALUES \((\?(?:, \?)*)\)\s*$", re.I)
_UPDATE_SOURCE = re.compile(r"^UPDATE sources SET (\w+ = \?(?:, \w+ = \?)*) WHERE id = \?$")
_READ_SOURCE = re.compile(r"^\s*SELECT ([\w, ]+) FROM sources WHERE id = \?\s*$", re.I)
_WRITES_SOURCES = re.compile(r"^\s*(UPDATE|DELETE\s+FROM|INSERT(\s+OR\s+\w+)?\s+INTO)\s+sources\b", re.I)
# ingest.Ingest: what the user deleted from the source before. A source inserted here has none: its id was taken
# here and nothing else in its transaction writes ``dismissed``.
_READ_DISMISSED = "SELECT kind, fingerprint FROM dismissed WHERE source_id = ?"
_WRITES_DISMISSED = re.compile(r"^\s*(UPDATE|DELETE\s+FROM|INSERT(\s+OR\s+\w+)?\s+INTO)\s+dismissed\b", re.I)


# The ids of a new source and of the N items it may create (N the one parameter), taken at once.
TAKE_IDS = ("nextval(pg_get_serial_sequence('briefing.sources', 'id'))",
            "ARRAY(SELECT nextval(pg_get_serial_sequence('briefing.items', 'id')) FROM generate_series(1, %s))")


class Answered(Cursor):
    """The result of a statement answered here, without the server (``rows``: what it returns)."""

    def __init__(self, rows: list[tuple[Any, ...]] | None = None) -> None:  # not Cursor's: there is no cursor
        self._rows = rows or []
        self.lastrowid: int | None = None

    @property
    def rowcount(self) -> int:
        return len(self._rows)

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


def same_positions(text: str, count: int) -> bool:
    """Is the tsvector of ``text`` (a search row's words, as ``search.tokens`` splits them, joined by spaces;
    ``count`` of them) made by appending one of its last words to one of the words before the same as
    to_tsvector of it all? Where the words are ASCII, the server's parser takes each for one token (a lexeme,
    lower-cased, at the next position), and the two differ only for a word there 256 times or more."""
    if not text.isascii():
        return False
    return count < 256 or max(Counter(text.lower().split()).values()) < 256


class SearchBodies:
    """What this store last wrote of the items' search rows (at most ``limit``, the least recently written
    forgotten first): per row its text, its words joined and how many. A hint for ``PipelinedDialect._grow``,
    which the server checks."""

    def __init__(self, limit: int = 5_000) -> None:
        self._rows: OrderedDict[int, tuple[str, str, int]] = OrderedDict()
        self._limit = limit

    def before(self, rowid: int, body: str) -> tuple[int, str, int] | None:
        """If ``body`` is the text last written for the row, a space and more: that text's length, its words
        (joined) and how many; else None."""
        held = self._rows.get(rowid)
        if held is None:
            return None
        text, words, count = held
        if len(body) <= len(text) or body[len(text)] != " " or not body.startswith(text):
            return None
        return len(text), words, count

    def wrote(self, rowid: int, body: str | None, words: str = "", count: int = 0) -> None:
        if body is None:
            self._rows.pop(rowid, None)
            return
        self._rows[rowid] = (body, words, count)
        self._rows.move_to_end(rowid)
        while len(self._rows) > self._limit:
            self._rows.popitem(last=False)


class Prefetched:
    """What an import's prefetches read (``PipelinedDialect.prefetch``), kept from one source to the next: the items
    filed under each merge key read, and those items' columns, both kept up to date with what the import writes
    (the keys it adds and removes, the columns it sets). Valid only while nobody else changes the library and the
    sources join at one marking rank: the store clears it whenever its import cache is cleared (a colleague's
    commit, a failed source) and when the rank changes (``for_rank``). An agreement title's word files dozens
    of agreements; without this each source read them all again (16,516 rows for 200 sources' 2,814 keys)."""

    MAX_ITEMS = 50_000  # a bound on memory: past it, everything is read again

    def __init__(self) -> None:
        self.rank: str | None = None
        self.filed: dict[str, list[int]] = {}  # key -> the items filed under it
        self.items: dict[int, dict[str, Any]] = {}  # item id -> its columns (those of _ITEM_COLUMNS at least)

    def clear(self) -> None:
        self.filed.clear()
        self.items.clear()

    def for_rank(self, rank: str) -> Prefetched:
        """Itself for a source joining at ``rank`` (the items in sight are those of its rank), emptied if the last
        source joined at another or it holds too much."""
        if rank != self.rank or len(self.items) > self.MAX_ITEMS:
            self.clear()
            self.rank = rank
        return self


class PipelinedCursor(Cursor):
    """A statement's result in pipeline mode: the rows are waited for only when they are read."""

    def __init__(self, cursor: psycopg.Cursor[Any], pipeline: psycopg.Pipeline, *, returns_id: bool,
                 answers: bool) -> None:  # not Cursor's: that one reads every answer at once
        self._cursor = cursor
        self._pipeline = pipeline
        self._answers = answers  # a statement that returns rows (else there is nothing to wait for)
        self.lastrowid: int | None = None
        if returns_id:
            row = cursor.fetchone()
            self.lastrowid = int(row[0]) if row else None

    @property
    def rowcount(self) -> int:
        self._pipeline.sync()  # the count is known once the server has run the statement
        return self._cursor.rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cursor.fetchone() if self._answers else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cursor.fetchall() if self._answers else []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


class PipelinedDialect(SqliteDialect):
    """``SqliteDialect`` on a connection in pipeline mode (``pipeline``, held by the caller) for the writing of
    one source; ``flush`` before the pipeline ends."""

    def __init__(self, conn: psycopg.Connection[Any], pipeline: psycopg.Pipeline, *, new_items: int = 1,
                 bodies: SearchBodies | None = None, logged: tuple[int, set[int]] | None = None,
                 prefetched: Prefetched | None = None, ids: tuple[int, list[int]] | None = None) -> None:
        super().__init__(conn)
        # (the running step, the items whose image before it its undo log holds, by transactions committed): their
        # updates here are made with the undo trigger quiet (``_send_held``); None: every update is logged
        self._logged = logged
        self._updates: list[psycopg.Cursor[Any]] = []  # the held updates sent with the step's logging: ids returned
        self._created: list[int] = []  # the items inserted here
        self._quiet = False  # the step's logging is off (``_send_held``, ``_loud``)
        # The items inserted here, held until the next statement the server runs: (columns, values as written) ->
        # (id, parameters) a row
        self._held_new: dict[tuple[tuple[str, ...], str], list[tuple[Any, ...]]] = {}
        self._pipeline = pipeline
        self._bodies = bodies  # the items' search texts as this store last wrote them (``flush``)
        self.grown = 0  # search rows written by appending to their tsvector (``flush``)
        self._new_items = max(1, new_items)  # at most this many items will be created (ids are taken at once)
        self._item_ids: list[int] = []
        # The ids of the source and of the items it may create, taken by the caller in the round trip before
        # (``PgStore._add_source_once``); else taken as the source is inserted (``_insert_source``)
        self._ids = ids
        self._sources: dict[int, dict[str, Any]] = {}  # the source inserted here: its columns as written
        self._no_dismissed: set[int] = set()  # the source inserted here, while nothing here wrote ``dismissed``
        # The source's INSERT, held until the next statement the server runs (``_send_held``), so that the update of
        # its signature (``PgStore._link_copy``) is made in it: (its id, column -> value)
        self._held_source: tuple[int, dict[str, Any]] | None = None
        self._ahead: dict[tuple[str, tuple[Any, ...]], Cursor] = {}  # statements sent before they were run
        # A story's other copies: (their source ids) -> kind -> (item id, quote) of every item they quote
        self._story: dict[tuple[Any, ...], dict[str, list[tuple[Any, ...]]]] = {}
        # per search table: rowid -> the body to write (None: deleted); the rowids to delete first
        self._fts: dict[str, dict[int, str | None]] = {table: {} for table in _FTS_TABLES}
        self._fts_deleted: dict[str, set[int]] = {table: set() for table in _FTS_TABLES}
        # per search table: the rowids of the sources and items inserted here, while no search row of theirs is sent
        self._fresh: dict[str, set[int]] = {table: set() for table in _FTS_TABLES}
        # Items read or written here: their columns, kept up to date. With ``prefetched``, an import's, kept from
        # one source to the next (and then so are the keys filed, always: a key is answered when it is filed).
        self._known: dict[int, dict[str, Any]] = prefetched.items if prefetched is not None else {}
        # The items filed under the merge keys of the source's own items, read once before it joins any
        # (``prefetch``), and kept up to date with the keys written here: key -> their ids (columns: ``_known``).
        self._filed: dict[str, list[int]] | None = prefetched.filed if prefetched is not None else None
        self._held_items: dict[int, dict[str, Any]] = {}  # item id -> its columns' new values
        self._held_keys: dict[tuple[str, int], bool] = {}  # (key, item id) -> added (True) or removed

    def execute(self, sql: str, params: Params = ()) -> Cursor | Constant:
        sent = self._ahead.pop((sql, tuple(params)), None) if not isinstance(params, dict) else None
        if sent is not None:
            return sent
        if not sql.lstrip()[:6].upper().startswith("SELECT"):
            self._ahead.clear()  # what was read ahead may be changed by this
        held = _HELD_UPDATES.get(sql)
        if held is not None and not isinstance(params, dict):
            self._held_items.setdefault(int(params[-1]), {}).update(zip(held, params[:-1], strict=True))
            self._remember(sql, params, None)
            return Answered()
        if sql in _READ_AHEAD and not isinstance(params, dict):
            self._read_ahead(sql, tuple(params))
        answered = self._answer(sql, params)
        if answered is not None:
            return answered
        insert = _INSERT_ITEM.match(sql)
        if insert is not None and not isinstance(params, dict):
            return self._insert_item(insert, params)
        inserted_source = _INSERT_SOURCE.match(sql)
        if inserted_source is not None and not isinstance(params, dict):
            return self._insert_source(inserted_source, params)
        held_source = _UPDATE_SOURCE.match(sql) if self._held_source is not None else None
        if held_source is not None and self._held_source is not None and not isinstance(params, dict) \
                and params[-1] == self._held_source[0]:
            new_id, values = self._held_source
            columns = [c.split(" = ")[0] for c in held_source.group(1).split(", ")]
            values.update(zip(columns, params[:-1], strict=True))
            if new_id in self._sources:
                self._sources[new_id].update(zip(columns, params[:-1], strict=True))
            return Answered()
        if _WRITES_SOURCES.match(sql):
            self._sources.clear()  # what is remembered of the source may change
        if _WRITES_DISMISSED.match(sql):
            self._no_dismissed.clear()
        if _WRITES_KEYS.match(sql) and self._filed is not None:
            self._filed.clear()  # keys written otherwise than held (_hold_keys): read from the server again
        statement = translate(sql)
        if statement.constant is not None:
            return Constant(statement.constant)
        self._send_held()
        if any(table in sql for table in _FTS_TABLES) or _DELETES.match(sql):
            self.flush()
        if statement.sql.lstrip()[:6].upper() != "SELECT" and not any(table in sql for table in _FTS_TABLES):
            self._loud()  # a write the undo log may have to see
        cursor = self.pg.cursor()
        cursor.execute(statement.sql, statement.params(params) if params else None)
        result = PipelinedCursor(cursor, self._pipeline, returns_id=statement.returns_id,
                                 answers=bool(_ANSWERS.search(statement.sql)))
        self._remember(sql, params, result.lastrowid)
        return result

    def executemany(self, sql: str, seq: Iterable[Params]) -> Cursor:
        self._ahead.clear()
        if sql in (_KEY_INSERT, _KEY_DELETE):
            self._hold_keys(sql == _KEY_INSERT, seq)
            return Answered()
        self._send_held()
        if _FTS_INSERT.match(sql) or _FTS_DELETE.match(sql):
            for params in seq:
                self.execute(sql, params)
            return Answered()
        if any(table in sql for table in _FTS_TABLES) or _DELETES.match(sql):
            self.flush()
        if _WRITES_ITEMS.match(sql):
            self._forget()
        elif _WRITES_KEYS.match(sql) and self._filed is not None:
            self._filed.clear()
        if _WRITES_SOURCES.match(sql):
            self._sources.clear()
        if _WRITES_DISMISSED.match(sql):
            self._no_dismissed.clear()
        self._loud()
        super().executemany(sql, seq)  # no statement of the write path reads what an executemany returns
        return Answered()

    def _hold_keys(self, adding: bool, rows: Iterable[Params]) -> None:
        for row in rows:
            assert not isinstance(row, dict), "the merge keys are written with positional parameters"
            key, item_id = (row[0], int(row[1])) if adding else (row[1], int(row[0]))
            if not adding and self._held_keys.get((key, item_id)) is True:
                del self._held_keys[(key, item_id)]  # added, then removed before it was sent: never sent
            else:
                self._held_keys[(key, item_id)] = adding
            filed = self._filed.get(key) if self._filed is not None else None
            if filed is None:
                continue
            assert self._filed is not None
            if not adding:
                if item_id in filed:
                    filed.remove(item_id)
            elif item_id not in filed:
                known = self._known.get(item_id)
                if known is not None and all(c in known for c in _ITEM_COLUMNS):
                    filed.append(item_id)
                else:
                    del self._filed[key]  # read from the server when next wanted

    def _send_held(self) -> None:
        """Send the writes held back (``_HELD_UPDATES``): the source inserted here (with the columns set since),
        removed keys, added keys, then the items' columns, a statement each (per set of columns for the items)."""
        if self._held_source is not None or self._held_keys or self._held_new:
            self._loud()
        if self._held_source is not None:
            new_id, values = self._held_source
            self._held_source = None
            names = ", ".join(f'"{c}"' for c in values)
            self.pg.cursor().execute(f"INSERT INTO sources (id, {names}) VALUES (%s{', %s' * len(values)})",
                                     (new_id, *values.values()))
        for (columns, marks), rows in self._held_new.items():
            # One statement for the new items of one shape: their values a binary array a column (``?``), the
            # constants of the statement as written ('{}') in the SELECT.
            numbers = iter(range(1, len(columns) + 1))
            selected = [f"u.c{next(numbers)}" if mark == "?" else mark for mark in (m.strip() for m in marks.split(", "))]
            given = [f"c{n}" for n in range(1, sum(m.strip() == "?" for m in marks.split(", ")) + 1)]
            self.pg.cursor().execute(
                f"INSERT INTO items (id, {', '.join(columns)}) SELECT u.id, {', '.join(selected)} "
                f"FROM unnest(%b::bigint[]{', %b::text[]' * len(given)}) AS u (id, {', '.join(given)})",
                [list(column) for column in zip(*rows, strict=True)])
        self._held_new = {}
        removed = [key for key, adding in self._held_keys.items() if not adding]
        added = [key for key, adding in self._held_keys.items() if adding]
        self._held_keys = {}
        if removed:
            self.pg.execute("DELETE FROM item_keys k USING unnest(%b::text[], %b::bigint[]) AS d (key, item_id) "
                            "WHERE k.item_id = d.item_id AND k.key = d.key",
                            ([k for k, _ in removed], [i for _, i in removed]))
        if added:
            SqliteDialect.executemany(self, _KEY_INSERT, added)
        by_columns: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = {}
        for item_id, values in self._held_items.items():
            by_columns.setdefault(tuple(sorted(values)), []).append((item_id, values))
        self._held_items = {}
        # An item the step has logged already (made by it, or updated in an earlier source of it) is updated with
        # the undo trigger quiet: its image before the step is in the log, and the trigger would build the row's
        # image again only to find that (ON CONFLICT DO NOTHING), 30-60 us a row. The others are logged as ever,
        # and the ids they return are the ones logged (``logged_items``).
        logged = self._logged[1] if self._logged is not None else set()
        quiet: list[tuple[tuple[str, ...], list[tuple[int, dict[str, Any]]]]] = []
        for columns, rows in by_columns.items():
            old = [row for row in rows if row[0] in logged]
            if old:
                quiet.append((columns, old))
            rows = [row for row in rows if row[0] not in logged]
            if rows:
                self._loud()
                self._updates.append(self._update_items(columns, rows, returning=self._logged is not None))
        for columns, rows in quiet:
            # The first turns the logging off, in the statement itself (a CTE, run before its rows are changed and
            # so before its row triggers fire at its end); it stays off until a write it must log (``_loud``).
            self._update_items(columns, rows, quieting=not self._quiet)
            self._quiet = True

    def _loud(self) -> None:
        """Before a write the undo log must see: the step's logging back on, if it was made quiet (``_send_held``:
        it stays off through the reads that follow, and through writes of the search rows, which it does not log)."""
        if self._quiet and self._logged is not None:
            self.pg.execute("SELECT set_config('briefing.step', %s, true)", (str(self._logged[0]),))
            self._quiet = False

    def _update_items(self, columns: tuple[str, ...], rows: list[tuple[int, dict[str, Any]]], *,
                      returning: bool = False, quieting: bool = False) -> psycopg.Cursor[Any]:
        quoted = [f'"{c}"' for c in columns]
        cursor = self.pg.cursor()
        cursor.execute(
            ("WITH quiet AS MATERIALIZED (SELECT set_config('briefing.step', '', true)) " if quieting else "")
            + f"UPDATE items AS i SET {', '.join(f'{q} = u.{q}' for q in quoted)} "
            f"FROM unnest(%b::bigint[], {', '.join(['%b::text[]'] * len(columns))}) AS u (id, {', '.join(quoted)})"
            f"{', quiet' if quieting else ''} WHERE i.id = u.id{' RETURNING i.id' if returning else ''}",
            [[item_id for item_id, _ in rows], *([values[c] for _, values in rows] for c in columns)])
        return cursor

    def logged_items(self) -> set[int]:
        """The items the step's undo log holds an image of through this source's statements: those it inserted
        and those its held updates changed with the step's logging on. Read once the pipeline is synced."""
        found = set(self._created)
        for cursor in self._updates:
            found.update(int(row[0]) for row in cursor.fetchall())
        return found

    def flush(self) -> None:
        """Send the writes held back, and the search rows kept so far: the deleted ones' DELETE, then one
        INSERT of the rest. An item's search row whose text grew at its end (a new quote of the item, most
        rewrites in an import) is updated instead, its tsvector extended by the new words' (``_grow``)."""
        self._send_held()
        for table in _FTS_TABLES:
            rows, deleted = self._fts[table], self._fts_deleted[table]
            if table == "items_fts" and self._bodies is not None:
                self._grow(rows, deleted)
            if deleted:
                self.pg.execute(f"DELETE FROM {table} WHERE rowid = ANY(%b::bigint[])", (sorted(deleted),))
            written = [(rowid, body, tokens(body)) for rowid, body in rows.items() if body is not None]
            self._fresh[table].difference_update(rowid for rowid, _, _ in written)
            if written:
                self.pg.execute(
                    f"INSERT INTO {table} (rowid, body, tsv) SELECT r, b, to_tsvector('bb_simple', w) "
                    "FROM unnest(%b::bigint[], %b::text[], %b::text[]) AS u (r, b, w)",
                    ([r for r, _, _ in written], [b for _, b, _ in written], [" ".join(w) for _, _, w in written]))
            if table == "items_fts" and self._bodies is not None:
                for rowid in deleted:
                    self._bodies.wrote(rowid, None)
                for rowid, body, words in written:
                    self._bodies.wrote(rowid, body, " ".join(words), len(words))
            rows.clear()
            deleted.clear()

    def _grow(self, rows: dict[int, str | None], deleted: set[int]) -> None:
        """Write the search rows (of ``rows``, deleted first: ``deleted``) whose new text is the one this store
        last wrote, a space and more words, as an UPDATE that appends the new words' tsvector to the row's:
        to_tsvector parses the new words only (its parsing is most of the server's time of a search row), and
        ``tsv || to_tsvector(new words)`` is to_tsvector of the whole text (the positions of the new words
        shifted by the last one of the old, both capped at 16383 alike) wherever no word is there 256 times
        or more (to_tsvector keeps 255 positions of a word, || 256): ``same_positions``. The server appends
        only where the row holds that text (compared there: a colleague, or a rolled-back transaction, may
        have written another), and writes the whole text's tsvector otherwise, or the row where it is gone.
        What is written is taken out of ``rows`` and ``deleted``."""
        assert self._bodies is not None
        grown: list[tuple[int, str, int, str, str, int]] = []
        for rowid, body in rows.items():
            before = self._bodies.before(rowid, body) if body is not None and rowid in deleted else None
            if before is None or not body or not body.isascii():
                continue
            length, old_words, old_count = before
            more = tokens(body[length + 1:])
            words = " ".join(w for w in (old_words, " ".join(more)) if w)
            if same_positions(words, old_count + len(more)):
                grown.append((rowid, body, length, " ".join(more), words, old_count + len(more)))
        if not grown:
            return
        for rowid, *_ in grown:
            del rows[rowid]
            deleted.discard(rowid)
        self.pg.execute(
            "WITH u AS (SELECT * FROM unnest(%b::bigint[], %b::text[], %b::int[], %b::text[], %b::text[]) "
            "AS u (r, b, n, more, w)), "
            "grown AS (UPDATE items_fts f SET body = u.b, tsv = CASE WHEN length(f.body) = u.n "
            "AND starts_with(u.b, f.body || ' ') THEN f.tsv || to_tsvector('bb_simple', u.more) "
            "ELSE to_tsvector('bb_simple', u.w) END FROM u WHERE f.rowid = u.r RETURNING f.rowid) "
            "INSERT INTO items_fts (rowid, body, tsv) SELECT u.r, u.b, to_tsvector('bb_simple', u.w) FROM u "
            "WHERE u.r NOT IN (SELECT g.rowid FROM grown g)",
            [[g[0] for g in grown], [g[1] for g in grown], [g[2] for g in grown], [g[3] for g in grown],
             [g[4] for g in grown]])
        for rowid, body, _, _, words, count in grown:
            self._bodies.wrote(rowid, body, words, count)
        self.grown += len(grown)

    def _story_quotes(self, story: tuple[Any, ...], kind: str) -> list[tuple[Any, ...]]:
        """The quotes of the story's items of ``kind``, all kinds read in one query the first time. Nothing
        the source writes changes them: its own quotes are not among them, and items keep their kind."""
        if story not in self._story:
            self._send_held()
            by_kind: dict[str, list[tuple[Any, ...]]] = {}
            for item_id, text, item_kind in self.pg.execute(
                    f"SELECT e.item_id, e.text, i.kind FROM evidence e {_EACH_ITEM.format(columns='i.kind', id='e.item_id')} "
                    "WHERE e.source_id = ANY(%s) ORDER BY e.item_id", (list(story),)).fetchall():
                by_kind.setdefault(item_kind, []).append((item_id, text))
            self._story[story] = by_kind
        return list(self._story[story].get(kind, []))

    def _read_ahead(self, sql: str, params: tuple[Any, ...]) -> None:
        """Send the statements that follow ``sql`` (``_READ_AHEAD``) now, in the same round trip as it."""
        self._ahead.clear()
        self._send_held()
        for following, extra in _READ_AHEAD[sql]:
            if any(table in following for table in _FTS_TABLES):
                self.flush()
            statement = translate(following)
            cursor = self.pg.cursor()
            cursor.execute(statement.sql, (*params, *extra))
            self._ahead[(following, (*params, *extra))] = PipelinedCursor(cursor, self._pipeline, returns_id=False,
                                                                          answers=True)

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read at once the items filed under ``keys``, to answer the ingest code's look-ups by them.

        Call it before the source joins any item of the kinds filed under them (again for more keys, as for
        the events once the people are joined). Answering from these rows later is what the server would
        answer for every item this source has not touched: only the ones it touched (made, joined) have
        changed since, and the ingest code passes over those (a source never joins two of its own items)."""
        filed = self._filed = {} if self._filed is None else self._filed
        wanted = sorted(set(keys) - filed.keys())
        filed.update({key: [] for key in wanted})
        if not wanted:
            return
        self._send_held()
        # An item once with all the keys it is filed under among these (a word of an agreement's title files
        # dozens of agreements: read per key, each item's columns came back once for each of its keys, 94 rows
        # a call where 15 items were meant).
        for keys, item_id, *values in self.pg.execute(
                f"SELECT k.keys, i.id, {', '.join(f'i.{c}' for c in _ITEM_COLUMNS)} FROM "
                "(SELECT item_id, array_agg(key) AS keys FROM item_keys WHERE key = ANY(%b::text[]) GROUP BY item_id) k "
                f"{_EACH_ITEM.format(columns=', '.join(f'i.{c}' for c in ('id', *_ITEM_COLUMNS)), id='k.item_id')}",
                (wanted,)).fetchall():
            # An item written here already is known as written (the server answers the same, this transaction's writes
            # included); kept in ``_known`` while it is kept up to date (``_remember``), else filed under nothing.
            known = self._known.setdefault(int(item_id), dict(zip(_ITEM_COLUMNS, values, strict=True)))
            if all(c in known for c in _ITEM_COLUMNS):
                for key in keys:
                    filed[key].append(int(item_id))
            else:
                for key in keys:
                    filed.pop(key, None)

    def _insert_source(self, insert: re.Match[str], params: Sequence[Any]) -> Cursor:
        """The source inserted with an id taken beforehand, in the round trip that takes the ids of the items
        it may create: the client waits neither for its id nor to read its text back (``_answer``)."""
        if self._ids is not None:
            (new_id, self._item_ids), self._ids, self._new_items = self._ids, None, 1
        else:
            row = self.pg.execute(f"SELECT {', '.join(TAKE_IDS)}", (self._new_items,)).fetchone()
            assert row is not None
            new_id = int(row[0])
            self._item_ids, self._new_items = [int(i) for i in row[1]], 1
        self._send_held()
        columns = [c.strip() for c in insert.group(1).split(",")]
        self._held_source = (new_id, dict(zip(columns, params, strict=True)))
        self._sources = {new_id: dict(self._held_source[1])}
        self._no_dismissed = {new_id}
        self._fresh["sources_fts"].add(new_id)
        result = Answered()
        result.lastrowid = new_id
        return result

    def _insert_item(self, insert: re.Match[str], params: Sequence[Any]) -> Cursor:
        """An item inserted with an id taken beforehand, so the client need not wait to learn it."""
        if not self._item_ids:
            # One round trip for the ids of all the items this source may create (the unused are skipped).
            self._item_ids = [int(r[0]) for r in self.pg.execute(
                "SELECT nextval(pg_get_serial_sequence('briefing.items', 'id')) FROM generate_series(1, %s)",
                (self._new_items,)).fetchall()]
            self._new_items = 1
        new_id = self._item_ids.pop(0)
        self._fresh["items_fts"].add(new_id)
        self._created.append(new_id)
        columns = tuple(c.strip() for c in insert.group(1).split(","))
        if set(columns) <= _TEXT_ITEM_COLUMNS:  # held, and sent with the source's other new items (_send_held)
            self._held_new.setdefault((columns, insert.group(2)), []).append((new_id, *params))
        else:
            self._loud()
            statement = translate(f"INSERT INTO items (id, {insert.group(1)}) VALUES (?, {insert.group(2)})")
            self.pg.cursor().execute(statement.sql.removesuffix(" RETURNING id"), (new_id, *params))
        result = Answered()
        result.lastrowid = new_id
        self._remember(insert.group(0), params, new_id)
        return result

    def _answer(self, sql: str, params: Params) -> Cursor | None:
        """The statement's result when it needs no round trip: a search row kept for ``flush``, or an item
        this source created read back."""
        fts = _FTS_DELETE.match(sql) or _FTS_INSERT.match(sql)
        if fts is not None and not isinstance(params, dict):
            table, rowid = fts.group(1).lower(), int(params[0])
            if sql.lstrip().upper().startswith("DELETE"):
                if rowid not in self._fresh[table]:  # a row made here has no search row to delete yet
                    self._fts_deleted[table].add(rowid)
                self._fts[table][rowid] = None
            else:
                self._fts[table][rowid] = str(params[1])
            return Answered()
        if self._filed is not None and _FIND.match(sql) and not isinstance(params, dict):
            *keys, kind = params
            if all(key in self._filed for key in keys):
                found = {i for key in keys for i in self._filed[key] if self._known[i]["kind"] == kind}
                return Answered([(i, self._known[i]["machine"], self._known[i]["edits"]) for i in sorted(found)])
        if _STORY.match(sql) and not isinstance(params, dict):
            return Answered(self._story_quotes(tuple(params[:-1]), str(params[-1])))
        if sql == _READ_DISMISSED and not isinstance(params, dict) and int(params[0]) in self._no_dismissed:
            return Answered([])
        source = _READ_SOURCE.match(sql)
        if source is not None and not isinstance(params, dict) and int(params[0]) in self._sources:
            written = self._sources[int(params[0])]
            columns = [c.strip() for c in source.group(1).split(",")]
            if all(c in written for c in columns):
                return Answered([tuple(written[c] for c in columns)])
        read = _READ_ITEM.match(sql)
        if read is not None and not isinstance(params, dict):
            known = self._known.get(int(params[0]))
            columns = [c.strip() for c in read.group(1).split(",")]
            if known is not None and all(c in known for c in columns):
                return Answered([tuple(known[c] for c in columns)])
        return None

    def _remember(self, sql: str, params: Params, new_id: int | None) -> None:
        """Keep the columns of an item this source inserts, and follow the updates of its columns."""
        if not _WRITES_ITEMS.match(sql):
            return
        insert, update = _INSERT_ITEM.match(sql), _UPDATE_ITEM.match(sql)
        if insert is not None and new_id is not None and not isinstance(params, dict):
            values = iter(params)
            columns = [c.strip() for c in insert.group(1).split(",")]
            marks = [m.strip() for m in insert.group(2).split(", ")]
            if len(columns) == len(marks) and marks.count("?") == len(params):
                self._known[new_id] = {c: next(values) if m == "?" else m[1:-1]
                                         for c, m in zip(columns, marks, strict=True)}
                return
        elif update is not None:
            assignments = [a.split(" = ") for a in update.group(1).rstrip(", ").split(", ")]
            named = isinstance(params, dict)
            given: dict[Any, Any] = dict(params) if isinstance(params, dict) else dict(enumerate(params))
            keys: list[Any] = [m[1:] if named else n for n, (_, m) in enumerate(assignments)]
            id_key: Any = update.group(2)[1:] if named else len(assignments)
            if all(k in given for k in [*keys, id_key]):
                known = self._known.get(int(given[id_key]))
                if known is not None:
                    known.update({c: given[k] for (c, _), k in zip(assignments, keys, strict=True)})
                return  # an item not known here: nothing of it is remembered
        self._forget()  # a write to items not understood here: read them from the server again

    def _forget(self) -> None:
        """Forget every item's columns read or written here, and the keys filed (answered from those)."""
        self._known.clear()
        if self._filed is not None:
            self._filed.clear()
