"""`briefing team`: set up a team library on a PostgreSQL server and add the officers who use it.

A desk administrator runs, once, as a PostgreSQL role that may create roles and owns the database::

    briefing team init postgresql://admin@dbhost/briefing
    briefing team add-user alice --clearance SECRET --library postgresql://admin@dbhost/briefing

``init`` creates the schema (briefing/library/pg/schema.sql), the markings in their order and the group
role ``briefing_officer``; ``add-user`` makes an officer a login role in that group with a clearance.
The server, not the program, then keeps every source above an officer's clearance out of their sight.
"""

from __future__ import annotations

import re
from importlib import resources

from briefing.model import MARKINGS

OFFICER_GROUP = "briefing_officer"
SCHEMA_VERSION = 1
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class TeamError(Exception):
    """A team library that cannot be set up as asked (one line, for the command line)."""


def schema_sql() -> str:
    return resources.files("briefing.library.pg").joinpath("schema.sql").read_text(encoding="utf-8")


def _connect(dsn: str):  # -> psycopg.Connection, typed loosely: psycopg is imported only here
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


def is_initialised(conn) -> bool:
    return conn.execute("SELECT to_regclass('briefing.meta') IS NOT NULL").fetchone()[0]


def init(dsn: str) -> bool:
    """Create the team library's schema, markings and officer group in the database at ``dsn``.

    Returns False (and changes nothing) when the database already holds a team library."""
    from psycopg import errors

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


def _role_exists(conn, name: str) -> bool:
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
                conn.execute("INSERT INTO briefing.clearances (role, level) VALUES (%s, %s) "
                             "ON CONFLICT (role) DO UPDATE SET level = EXCLUDED.level", (name, level))
        except errors.InsufficientPrivilege as exc:
            raise TeamError(f"{redact(dsn)}: may not add officers ({exc.diag.message_primary})") from exc
    return new


def clearances(dsn: str) -> list[tuple[str, str]]:
    """(officer, clearance) for every officer, as the administrator sees them."""
    with _connect(dsn) as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT role, level FROM briefing.clearances ORDER BY role")]
