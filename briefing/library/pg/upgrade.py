"""Bringing a team library made by an older version of schema.sql up to date.

The tables have not changed since the first version; what has is the part of schema.sql after its heading
"functions, triggers, policies and grants": the row-security policies (cheap to test and estimated from
the tables' statistics), the marking-rank triggers (an import's new rows no longer make each item's
sources be read again) and the search functions (``bb_match_items``, ``bb_match_sources``). That part is written to be
run again over an older library (what it replaces is dropped first), and ``upgrade`` runs it, in one
transaction, as the library's owner: officers cannot change the schema.

Until the library is brought up to date, a store opened on it still works as before: it searches through
the search tables themselves (``read.has_matcher``) instead of the functions, more slowly.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import psycopg

SCHEMA_VERSION = 2
_HEADING = "\n-- --- functions, triggers, policies and grants"


def routines_sql() -> str:
    """The re-runnable part of schema.sql."""
    text = resources.files("briefing.library.pg").joinpath("schema.sql").read_text(encoding="utf-8")
    start = text.index(_HEADING)
    return "SET LOCAL search_path TO briefing, public;\n" + text[start:]


def is_current(conn: psycopg.Connection[Any]) -> bool:
    """Does the library hold what this version of schema.sql makes (its search functions)?"""
    row = conn.execute("SELECT to_regprocedure('briefing.bb_match_items(tsquery, tsquery, boolean)') IS NOT NULL").fetchone()
    return bool(row and row[0])


def may_upgrade(conn: psycopg.Connection[Any]) -> bool:
    """Is the logged-in role the owner of the library's schema (or a superuser)?"""
    row = conn.execute(
        "SELECT pg_has_role(current_user, n.nspowner, 'USAGE') OR r.rolsuper FROM pg_namespace n, pg_roles r "
        "WHERE n.nspname = 'briefing' AND r.rolname = current_user").fetchone()
    return bool(row and row[0])


def upgrade(conn: psycopg.Connection[Any]) -> bool:
    """Bring the library on ``conn`` (as its owner) up to date; False if it already was."""
    if is_current(conn):
        return False
    with conn.transaction():
        conn.execute(routines_sql())
        conn.execute("INSERT INTO briefing.meta (key, value) VALUES ('schema_version', %s) "
                     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(SCHEMA_VERSION),))
    return True
