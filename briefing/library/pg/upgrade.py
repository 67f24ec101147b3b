"""The team library's schema version: which one this program needs, and bringing an older library up to it.

``SCHEMA_VERSION`` is the one number: ``briefing team init`` records it in a new library (``briefing.meta``),
and a store refuses a library of another version with one line (``check``): an older one until the desk
administrator runs ``briefing team init`` on it again, a newer one always (this program does not know what
it holds). Raise it with every change of schema.sql, so that libraries made before the change are brought up
to date.

The tables of the first version have not changed; what has is the part of schema.sql after its heading
"functions, triggers, policies and grants": in version 2 the row-security policies (cheap to test and
estimated from the tables' statistics), the marking-rank triggers (an import's new rows no longer make each
item's sources be read again) and the search functions (``bb_match_items``, ``bb_match_sources``);
in version 3 the item counts of the sources listing (``bb_source_item_counts``); in version 4 the undo
log's statement trigger for the many rows an import inserts at once (``bb_log_inserted``); in version 5 the
library's change count (``change_count``, raised by every transaction that changes what an import reads: an
import keeps its cache while nobody else changed this library, whatever other databases of the server do),
whose two tables that part makes where they are missing; in version 6 the undo log's image after the step of
the rows an import inserts, taken as they are inserted (``bb_log_inserted``, ``bb_log_row``); in version 7 the
marking-rank trigger of inserted rows looking their items and sources up by id (``bb_rank_after_insert``: it read
every item and every source at each statement of an import while the statistics said the tables were small); in
version 8 the row-security policies of the merge keys and search rows, testing each row's item by id (the same
reason: a hash of every item in sight at each statement).
That part is written
to be run again over an older library (what it replaces is dropped first), and ``upgrade`` runs it, in one
transaction, as the library's owner: officers cannot change the schema. A store opened by the owner on an
older library brings it up to date itself.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import psycopg

from briefing.library.db import LibraryError

SCHEMA_VERSION = 8
_HEADING = "\n-- --- functions, triggers, policies and grants"
_SEARCH_FUNCTION = "briefing.bb_match_items(tsquery, tsquery, boolean)"  # new in version 2


class SchemaMismatch(LibraryError):
    """The team library's schema is not the one this program reads (one line, for the officer)."""


def routines_sql() -> str:
    """The re-runnable part of schema.sql."""
    text = resources.files("briefing.library.pg").joinpath("schema.sql").read_text(encoding="utf-8")
    start = text.index(_HEADING)
    return "SET LOCAL search_path TO briefing, public;\n" + text[start:]


def _versions(conn: psycopg.Connection[Any]) -> tuple[int, int]:
    """(the version the library holds, the version recorded in it). Until `team init` recorded this module's
    number it recorded 1 whatever schema it wrote: a library holding the search functions is version 2 at least."""
    row = conn.execute("SELECT (SELECT value FROM briefing.meta WHERE key = 'schema_version'), "
                       "to_regprocedure(%s) IS NOT NULL", (_SEARCH_FUNCTION,)).fetchone()
    recorded = int(row[0]) if row and row[0] and str(row[0]).isdigit() else 1
    return (max(recorded, 2) if row and row[1] else recorded), recorded


def library_version(conn: psycopg.Connection[Any]) -> int:
    """The schema version of the team library on ``conn``."""
    return _versions(conn)[0]


def recorded_version(conn: psycopg.Connection[Any]) -> int:
    """The schema version recorded in the library (``upgrade`` runs schema.sql's re-runnable part over a library
    that does not record this program's)."""
    return _versions(conn)[1]


def is_current(conn: psycopg.Connection[Any]) -> bool:
    """Does the library hold what this version of schema.sql makes?"""
    return library_version(conn) == SCHEMA_VERSION


def may_upgrade(conn: psycopg.Connection[Any]) -> bool:
    """Is the logged-in role the owner of the library's schema (or a superuser)?"""
    row = conn.execute(
        "SELECT pg_has_role(current_user, n.nspowner, 'USAGE') OR r.rolsuper FROM pg_namespace n, pg_roles r "
        "WHERE n.nspname = 'briefing' AND r.rolname = current_user").fetchone()
    return bool(row and row[0])


def _where(conn: psycopg.Connection[Any]) -> str:
    info = conn.info
    return f"{info.host}:{info.port}/{info.dbname}"


def too_new(conn: psycopg.Connection[Any], version: int) -> SchemaMismatch:
    return SchemaMismatch(f"the team library's schema is newer than this program (version {version}; this program "
                          f"reads version {SCHEMA_VERSION}): use the newer Briefing Builder that made it")


def too_old(conn: psycopg.Connection[Any], version: int) -> SchemaMismatch:
    return SchemaMismatch(f"the team library's schema is older than this program (version {version}; this program "
                          f"needs {SCHEMA_VERSION}): ask the desk administrator to run "
                          f"`briefing team init postgresql://ADMIN@{_where(conn)}`")


def check(conn: psycopg.Connection[Any]) -> None:
    """As a store opens: a library of this program's version passes, an older one is brought up to date when
    the owner opens it and refused otherwise, a newer one is refused (SchemaMismatch, one line)."""
    version = library_version(conn)
    if version > SCHEMA_VERSION:
        raise too_new(conn, version)
    if version < SCHEMA_VERSION:
        if not may_upgrade(conn):
            raise too_old(conn, version)
        upgrade(conn)


def upgrade(conn: psycopg.Connection[Any]) -> bool:
    """Bring the library on ``conn`` (as its owner) up to date; False if it already was (nothing changed).

    A library that does not record this version has the re-runnable part of schema.sql run over it again,
    also one whose functions are already there (it may hold an earlier text of them). A newer library is
    refused (SchemaMismatch)."""
    version, recorded = _versions(conn)
    if version > SCHEMA_VERSION:
        raise too_new(conn, version)
    if recorded == SCHEMA_VERSION:
        return False
    with conn.transaction():
        conn.execute(routines_sql())
        conn.execute("INSERT INTO briefing.meta (key, value) VALUES ('schema_version', %s) "
                     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(SCHEMA_VERSION),))
    return True
