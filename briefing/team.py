"""`briefing team`: set up a team library on a PostgreSQL server and add the officers who use it.

A desk administrator runs, once, as a PostgreSQL role that may create roles and owns the database::

    briefing team init postgresql://admin@dbhost/briefing
    briefing team add-user alice --clearance SECRET --library postgresql://admin@dbhost/briefing

``init`` creates the schema (briefing/library/pg/schema.sql), the markings in their order and the group
role ``briefing_officer``; run on an existing team library it brings its schema up to date
(briefing/library/pg/upgrade.py, whose ``SCHEMA_VERSION`` is the version recorded). ``add-user`` makes an
officer a login role in that group with a clearance.
The server, not the program, then keeps every source above an officer's clearance out of their sight.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any

from briefing.library.db import LibraryError
from briefing.model import MARKINGS

if TYPE_CHECKING:
    import psycopg

OFFICER_GROUP = "briefing_officer"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class TeamError(LibraryError):
    """A team library that cannot be set up as asked (one line, for the command line)."""


def schema_sql() -> str:
    return resources.files("briefing.library.pg").joinpath("schema.sql").read_text(encoding="utf-8")


def _connect(dsn: str) -> psycopg.Connection[Any]:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise TeamError("the team library needs psycopg (pip install 'psycopg[binary]')") from exc
    try:
        return psycopg.connect(dsn, autocommit=False)
    except psycopg.OperationalError as exc:
        raise TeamError(f"cannot connect to {redact(dsn)}: {' '.join(str(exc).split())}") from exc


def redact(dsn: str) -> str:
    """The DSN without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


def is_initialised(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT to_regclass('briefing.meta') IS NOT NULL").fetchone()
    return bool(row and row[0])


def init(dsn: str) -> bool:
    """Create the team library's schema, markings and officer group in the database at ``dsn``.

    Returns False (and changes nothing) when the database already holds a team library (``upgrade_schema``
    brings that one up to date)."""
    from psycopg import errors

    from briefing.library.pg.upgrade import SCHEMA_VERSION

    with _connect(dsn) as conn:
        if is_initialised(conn):
            return False
        try:
            with conn.transaction():
                if not _role_exists(conn, OFFICER_GROUP):
                    conn.execute(f"CREATE ROLE {OFFICER_GROUP} NOLOGIN")
                conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
                conn.execute(schema_sql())
                conn.cursor().executemany("INSERT INTO briefing.markings (name, rank) VALUES (%s, %s)",
                                          [(name, rank) for rank, name in enumerate(MARKINGS)])
                conn.execute("INSERT INTO briefing.meta (key, value) VALUES ('schema_version', %s)",
                             (str(SCHEMA_VERSION),))
        except errors.InsufficientPrivilege as exc:
            raise TeamError(f"{redact(dsn)}: the administrator's role may not set up the library "
                            f"({exc.diag.message_primary}); it needs CREATEROLE and to own the database") from exc
    return True


def upgrade_schema(dsn: str) -> tuple[int, int]:
    """Bring the schema of the team library at ``dsn`` up to this program's version, as its owner:
    (the version it recorded, the version it has now: the same when nothing changed). A library newer than this
    program is refused (one line)."""
    from psycopg import errors

    from briefing.library.pg import upgrade

    with _connect(dsn) as conn:
        if not is_initialised(conn):
            raise TeamError(f"{redact(dsn)} holds no team library")
        before = upgrade.recorded_version(conn)
        try:
            upgrade.upgrade(conn)
        except upgrade.SchemaMismatch as exc:
            raise TeamError(f"{redact(dsn)}: {exc}") from exc
        except errors.InsufficientPrivilege as exc:
            raise TeamError(f"{redact(dsn)}: only the team library's owner may bring its schema up to date "
                            f"({exc.diag.message_primary})") from exc
        return before, upgrade.recorded_version(conn)


def _role_exists(conn: psycopg.Connection[Any], name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise TeamError(f"an officer's name is lower-case letters, digits and _ (at most 63), not {name!r}")
    if name.startswith("pg_") or name == OFFICER_GROUP:
        raise TeamError(f"{name!r} is reserved")
    return name


def check_clearance(level: str) -> str:
    marking = " ".join(level.upper().replace("_", " ").split())
    if marking not in MARKINGS:
        raise TeamError(f"unknown clearance {level!r} (one of: {', '.join(MARKINGS)})")
    return marking


def add_user(dsn: str, name: str, clearance: str, password: str | None = None) -> bool:
    """Make ``name`` an officer of the team library with ``clearance`` (a marking); True if the role is new.

    An existing role keeps its password (unless one is given) and gets the new clearance."""
    from psycopg import errors, sql

    name = check_role_name(name)
    level = check_clearance(clearance)
    with _connect(dsn) as conn:
        if not is_initialised(conn):
            raise TeamError(f"{redact(dsn)} holds no team library yet: run `briefing team init` first")
        role = sql.Identifier(name)
        try:
            with conn.transaction():
                new = not _role_exists(conn, name)
                if new:
                    conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(role))
                if password is not None:
                    conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password)))
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(OFFICER_GROUP), role))
                before = conn.execute("SELECT level FROM briefing.clearances WHERE role = %s", (name,)).fetchone()
                if before is not None and MARKINGS.index(level) < MARKINGS.index(before[0]):
                    # Their undo history holds images of rows they may no longer read: it goes.
                    conn.execute("DELETE FROM briefing.undo_steps WHERE owner = %s", (name,))
                conn.execute("INSERT INTO briefing.clearances (role, level) VALUES (%s, %s) "
                             "ON CONFLICT (role) DO UPDATE SET level = EXCLUDED.level", (name, level))
        except errors.InsufficientPrivilege as exc:
            raise TeamError(f"{redact(dsn)}: may not add officers ({exc.diag.message_primary})") from exc
    return new


def clearances(dsn: str) -> list[tuple[str, str]]:
    """(officer, clearance) for every officer, as the administrator sees them."""
    with _connect(dsn) as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT role, level FROM briefing.clearances ORDER BY role")]


# --- the command line: `briefing team ...` --------------------------------------------------------------


def add_parser(sub: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `briefing team init|add-user|users` and `briefing library push` on the command line."""
    help_text = "move your own library into a team library (sources once, edits, notes and briefs kept)"
    library = sub.add_parser("library", help=help_text, description=help_text)
    add_common(library)
    library.set_defaults(func=cmd_library)
    actions = library.add_subparsers(dest="library_command", metavar="ACTION")
    actions.required = True
    p = actions.add_parser("push", help=help_text, description=help_text + ", as one step you can undo")
    p.add_argument("local", metavar="LOCAL", help="your library file (e.g. the one `briefing backup --list` names)")
    p.add_argument("dsn", metavar="DSN", help="the team library, as you: postgresql://YOU@HOST/DATABASE")

    help_text = "set up a team library on a PostgreSQL server and add its officers (for the desk administrator)"
    team = sub.add_parser("team", help=help_text, description=help_text)
    add_common(team)
    team.set_defaults(func=cmd_team)
    actions = team.add_subparsers(dest="team_command", metavar="ACTION")
    actions.required = True
    p = actions.add_parser("init", help="create the team library in a database, or bring its schema up to date",
                           description="create the schema, the markings and the officer group in DSN; on a team "
                                       "library made by an older version, bring its schema up to date")
    p.add_argument("dsn", metavar="DSN", help="postgresql://ADMIN@HOST/DATABASE (a role that may create roles)")
    p = actions.add_parser("add-user", help="add an officer, or change their clearance",
                           description="make NAME an officer of the team library, cleared to LEVEL")
    p.add_argument("name", metavar="NAME", help="the officer's PostgreSQL role (lower case)")
    p.add_argument("--clearance", required=True, metavar="LEVEL", help=f"one of: {', '.join(MARKINGS)}")
    p.add_argument("--password", action="store_true", help="ask for the officer's password (else: set none)")
    p.add_argument("--dsn", metavar="DSN", help="the administrator's DSN (default: --library or BRIEFING_LIBRARY)")
    p = actions.add_parser("users", help="list the officers and their clearances")
    p.add_argument("--dsn", metavar="DSN", help="the administrator's DSN (default: --library or BRIEFING_LIBRARY)")


def _admin_dsn(args: argparse.Namespace) -> str:
    if getattr(args, "dsn", None):
        return str(args.dsn)
    dsn = getattr(args, "library", None) or os.environ.get("BRIEFING_LIBRARY")
    if not dsn or not str(dsn).startswith(("postgresql://", "postgres://")):
        raise TeamError("give the team library's DSN: --dsn postgresql://ADMIN@HOST/DATABASE")
    return str(dsn)


def cmd_team(args: argparse.Namespace) -> int:
    import psycopg

    try:
        if args.team_command == "init":
            _init_or_upgrade(args.dsn)
        elif args.team_command == "add-user":
            password = getpass.getpass(f"password for {args.name}: ") if args.password else None
            new = add_user(_admin_dsn(args), args.name, args.clearance, password)
            level = check_clearance(args.clearance)
            print(f"{'added' if new else 'updated'} {args.name}, cleared to {level}")
        else:
            for name, level in clearances(_admin_dsn(args)):
                print(f"{name}\t{level}")
    except psycopg.Error as exc:
        raise TeamError(" ".join(str(exc).split())) from exc
    return 0


def _init_or_upgrade(dsn: str) -> None:
    if init(dsn):
        print(f"team library made in {redact(dsn)}")
        return
    before, after = upgrade_schema(dsn)
    if before != after:
        print(f"{redact(dsn)}: the team library's schema brought up to date (version {before} -> {after})")
    else:
        print(f"{redact(dsn)} already holds a team library of this version ({after}): nothing changed")


def cmd_library(args: argparse.Namespace) -> int:
    from pathlib import Path

    from briefing.library.pg import PgStore
    from briefing.library.pg.push import push

    with PgStore.open(args.dsn, listen=False) as store:
        report = push(Path(args.local).expanduser(), store)
    print(f"Pushed {args.local} as {store.user}: {report.sources_added} sources added, {report.sources_present} "
          f"already there, {report.edits_applied} edits, {report.items_made} notes and hand-made items, "
          f"{report.briefs} briefs.")
    if report.deleted or report.kept_apart or report.merged:
        print(f"  as in your library: {report.deleted} deleted, {report.kept_apart} kept apart, "
              f"{report.merged} merged")
    for what in report.identity_unplaced:
        print(f"  not done: {what}")
    for path in report.sources_above_clearance:
        print(f"  left out (above your clearance, {store.clearance}): {path}")
    if report.edits_unplaced:
        print(f"  {report.edits_unplaced} edited items were not found in the team library and were left out")
    return 0
