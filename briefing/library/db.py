"""The SQLite file: connection settings, the schema and its ordered migrations.

The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[n]`` takes a
database from version ``n`` to ``n + 1``. A new file runs them all, an old one
the ones it lacks, each in one transaction. ``PRAGMA application_id`` marks
the file as ours, so a foreign SQLite file is refused instead of altered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing.library.search import fold

APPLICATION_ID = 0x42424C42  # "BBLB": Briefing Builder LiBrary


class LibraryError(Exception):
    """A library file that cannot be used (not a library, newer schema, unreadable, no such item)."""


# Tables whose rows every undoable step records (the undo log keeps their before-images).
TRACKED_TABLES = ("sources", "items", "contributions", "evidence", "briefs", "brief_lines", "kept_apart", "dismissed")

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    date TEXT,
    publisher TEXT,
    author TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    format TEXT NOT NULL DEFAULT 'txt',
    marking TEXT NOT NULL DEFAULT 'UNCLASSIFIED',
    text TEXT NOT NULL,
    analysed INTEGER NOT NULL DEFAULT 1,
    note TEXT,
    countries TEXT NOT NULL DEFAULT '',          -- "|SG|VN|": the source's main parties
    imported_at TEXT NOT NULL
);

-- One item = one person, event, agreement, figure, topic or note, whatever the number of sources.
CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    machine TEXT NOT NULL DEFAULT '{}',          -- JSON: values combined from the contributions
    edits TEXT NOT NULL DEFAULT '{}',            -- JSON: the user's values, laid over machine
    origin TEXT NOT NULL DEFAULT 'machine',      -- 'machine' or 'user' (notes, items added by hand)
    date TEXT,                                   -- the effective values a list shows and sorts by
    label TEXT NOT NULL DEFAULT '',
    status TEXT,
    type TEXT,
    countries TEXT NOT NULL DEFAULT '',          -- "|SG|VN|"
    created_at TEXT NOT NULL
);
CREATE INDEX items_kind_date ON items (kind, date);
CREATE INDEX items_date ON items (date);

-- What one source said about one item (the extracted values); re-extraction replaces these only.
CREATE TABLE contributions (
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    PRIMARY KEY (item_id, source_id)
);
CREATE INDEX contributions_source ON contributions (source_id);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX evidence_item ON evidence (item_id);
CREATE INDEX evidence_source ON evidence (source_id);

-- Derived lookup keys for merging across sources ("pn:vivian balakrishnan", "ep:12"); rebuilt, never undone.
CREATE TABLE item_keys (
    key TEXT NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE
);
CREATE INDEX item_keys_key ON item_keys (key);
CREATE INDEX item_keys_item ON item_keys (item_id);

CREATE TABLE briefs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT '',
    prepared_by TEXT NOT NULL DEFAULT '',
    marking TEXT NOT NULL DEFAULT 'UNCLASSIFIED',
    purpose TEXT NOT NULL DEFAULT '',
    key_points TEXT NOT NULL DEFAULT '',
    date TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE brief_lines (
    brief_id INTEGER NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    wording TEXT,
    PRIMARY KEY (brief_id, item_id)
);

-- Undo history: one row per named step; the log keeps, per row a step touched, its image before
-- the step (NULL: the step inserted it) and, once undone, its image after (NULL: the step deleted it).
CREATE TABLE undo_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE undo_log (
    step_id INTEGER NOT NULL REFERENCES undo_steps (id) ON DELETE CASCADE,
    tbl TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    before TEXT,
    after TEXT,
    PRIMARY KEY (step_id, tbl, row_id)
);
"""

_V2 = """
-- Accent-blind full-text search over folded text (see search.py); rows are rebuilt from items/sources.
CREATE VIRTUAL TABLE items_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE sources_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

-- Items the user split apart: automatic merging never joins them again.
CREATE TABLE kept_apart (
    a INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    PRIMARY KEY (a, b)
);
"""


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one (executescript would commit the migration's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip() and not all(not ln.strip() or ln.strip().startswith("--") for ln in statement.splitlines()):
        raise ValueError(f"incomplete SQL statement: {statement[:80]!r}")


def _migrate_1(conn: sqlite3.Connection) -> None:
    run_script(conn, _V1)


def _migrate_2(conn: sqlite3.Connection) -> None:
    """Version 2: full-text search and kept-apart pairs; existing items and sources get indexed."""
    run_script(conn, _V2)
    from briefing.library.index import reindex_all

    reindex_all(conn)


def _migrate_3(conn: sqlite3.Connection) -> None:
    """Version 3: a step still being recorded (an import running in another thread or process) is marked
    running (done = 2) with its process id, so nobody undoes it half-way."""
    conn.execute("ALTER TABLE undo_steps ADD COLUMN owner_pid INTEGER")


def _migrate_4(conn: sqlite3.Connection) -> None:
    """Version 4: what the user deleted stays deleted when its source is extracted again."""
    run_script(conn, """
CREATE TABLE dismissed (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (source_id, kind, fingerprint)
);
""")


def _migrate_5(conn: sqlite3.Connection) -> None:
    """Version 5: what a brief needs to cite a source — its URL and the date it was accessed (imported,
    unless the officer says otherwise). Sources imported before keep their import date as access date."""
    conn.execute("ALTER TABLE sources ADD COLUMN url TEXT")
    conn.execute("ALTER TABLE sources ADD COLUMN accessed TEXT")
    conn.execute("UPDATE sources SET accessed = substr(imported_at, 1, 10)")


def _migrate_6(conn: sqlite3.Connection) -> None:
    """Version 6: near-identical copies of one story (syndicated wire copy) are linked to the first copy
    (``copy_of``), found through each source's MinHash signature (``briefing.library.copies``)."""
    conn.execute("ALTER TABLE sources ADD COLUMN copy_of INTEGER REFERENCES sources (id) ON DELETE SET NULL")
    conn.execute("ALTER TABLE sources ADD COLUMN signature TEXT")
    conn.execute("ALTER TABLE sources ADD COLUMN shingles INTEGER")
    conn.execute("CREATE INDEX sources_copy_of ON sources (copy_of)")
    from briefing.library.copies import signature

    for source_id, text in conn.execute("SELECT id, text FROM sources").fetchall():
        sig = signature(text)
        if sig is not None:
            conn.execute("UPDATE sources SET signature = ?, shingles = ? WHERE id = ?", (sig.hex(), sig.shingles, source_id))


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migrate_1, _migrate_2, _migrate_3, _migrate_4, _migrate_5, _migrate_6,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StepHolder:
    """The undo step the connection is recording into (None: not recording); read by the triggers."""

    def __init__(self) -> None:
        self.step_id: int | None = None

    def __call__(self) -> int | None:
        return self.step_id


def connect(path: Path) -> tuple[sqlite3.Connection, StepHolder]:
    """Open (creating if needed) and migrate the library at ``path``; LibraryError if it is not one."""
    path = Path(path)
    is_new = not path.exists() or path.stat().st_size == 0
    if not is_new and path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    if is_new:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10.0)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open {path}: {exc}") from exc
    holder = StepHolder()
    conn.create_function("undo_step", 0, holder)
    conn.create_function("fold", 1, fold, deterministic=True)
    from briefing.library import health

    try:
        _check_and_migrate(conn, path)
    except sqlite3.DatabaseError as exc:  # locked, read-only, disk full, damaged: a library we cannot use now
        conn.close()
        named = health.explain(exc, path)
        if isinstance(named, health.DamagedLibrary) and not health.looks_like_ours(path):
            raise LibraryError(f"{path} is not a Briefing Builder library ({exc})") from exc
        if named is not exc:
            raise named from exc
        if isinstance(exc, sqlite3.OperationalError):
            raise LibraryError(f"cannot use the library {path}: {exc}") from exc
        if health.looks_like_ours(path):  # ours by its header: damaged, not foreign
            raise health.DamagedLibrary(path, str(exc)) from exc
        raise LibraryError(f"{path} is not a Briefing Builder library ({exc})") from exc
    except LibraryError:
        conn.close()
        raise
    return conn, holder


def connect_read_only(path: Path) -> tuple[sqlite3.Connection, StepHolder]:
    """A damaged library, opened so that nothing can be written to it (reading what can still be read)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open {path}: {exc}") from exc
    holder = StepHolder()
    conn.create_function("undo_step", 0, holder)
    conn.create_function("fold", 1, fold, deterministic=True)
    return conn, holder


def _check_and_migrate(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID and (tables or version):
        raise LibraryError(f"{path} is not a Briefing Builder library")
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path} was made by a newer version of Briefing Builder (library version {version}, "
            f"this program reads up to {SCHEMA_VERSION})"
        )
    from briefing.library import backups, health

    if version:  # an existing library: never migrate or write into a damaged one
        problem = health.quick_check(conn)
        if problem is not None:
            raise health.DamagedLibrary(path, problem)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if version < SCHEMA_VERSION:
        if version:
            backups.make(conn, path, f"before-upgrade-v{version}")
        migrate(conn, version)


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Run the migrations after ``version``, each in its own transaction."""
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](conn)
            _create_undo_triggers(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _create_undo_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create, for every tracked table present, triggers copying touched rows into undo_log.

    Only the first image of a row per step is kept (INSERT OR IGNORE): that is its state before the step.
    The after-images are read when the step is undone (the rows are then exactly as the step left them).
    """
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in TRACKED_TABLES:
        for op in ("ins", "upd", "del"):
            conn.execute(f"DROP TRIGGER IF EXISTS undo_{table}_{op}")
        if table not in present:
            continue
        image = "json_object('rowid', old.rowid, " + ", ".join(f"'{c}', old.\"{c}\"" for c in columns(conn, table)) + ")"
        log = "INSERT OR IGNORE INTO undo_log (step_id, tbl, row_id, before) VALUES (undo_step(), "
        conn.execute(
            f"CREATE TRIGGER undo_{table}_ins AFTER INSERT ON {table} WHEN undo_step() IS NOT NULL "
            f"BEGIN {log}'{table}', new.rowid, NULL); END"
        )
        for op, when in (("upd", "UPDATE"), ("del", "DELETE")):
            conn.execute(
                f"CREATE TRIGGER undo_{table}_{op} BEFORE {when} ON {table} WHEN undo_step() IS NOT NULL "
                f"BEGIN {log}'{table}', old.rowid, {image}); END"
            )
