"""A real PostgreSQL server for the team library's tests, started once for the test session.

BRIEFING_TEST_PG_DSN names a server to use instead (a superuser's DSN: the tests make databases and
roles). Otherwise scripts/pg-test-server.sh installs PostgreSQL where it may, starts a throw-away
cluster and removes it at the end. The tests skip, saying why, only when that is impossible here.
Each test gets its own database, set up by `briefing team init`, with officers made by `team add-user`.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "pg-test-server.sh"
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The DSN of a superuser on a running server."""
    given = os.environ.get("BRIEFING_TEST_PG_DSN")
    if given:
        yield given
        return
    # Not under pytest's own temporary folder: that is private to us, and the server runs as `postgres`.
    data = Path(tempfile.mkdtemp(prefix="bb-pg-"))
    done = subprocess.run(["bash", str(SCRIPT), "start", str(data)], capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["no message"])[-1]
        subprocess.run(["bash", str(SCRIPT), "stop", str(data)], capture_output=True, timeout=120)
        if done.returncode == 3:
            pytest.skip(f"no PostgreSQL server for the team library tests: {why}")
        pytest.fail(f"scripts/pg-test-server.sh failed ({done.returncode}): {why}")
    try:
        yield done.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(data)], capture_output=True, timeout=120)


def _with_database(dsn: str, database: str, user: str | None = None) -> str:
    """The URL of ``database`` on the server of ``dsn``, as ``user`` (default: the DSN's own user)."""
    from urllib.parse import quote

    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(dsn)
    login = quote(str(user or params.get("user") or "postgres"))
    if user is None and params.get("password"):
        login += ":" + quote(str(params["password"]))
    host = params.get("host") or "127.0.0.1"
    port = params.get("port") or 5432
    return f"postgresql://{login}@{host}:{port}/{database}"


class Team:
    """A team library in its own database: the administrator's DSN and a DSN per officer."""

    def __init__(self, admin_dsn: str, database: str) -> None:
        self.admin = admin_dsn
        self.database = database
        self.prefix = database.replace("bb_test_", "t")  # roles are per server: names per database

    def add(self, name: str, clearance: str) -> str:
        from briefing import team

        role = f"{self.prefix}_{name}"
        team.add_user(self.admin, role, clearance)
        return _with_database(self.admin, self.database, role)


@pytest.fixture
def team_library(pg_server: str) -> Iterator[Team]:
    """A new team library (`briefing team init` on a new database)."""
    from briefing import team

    database = f"bb_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {database}")
    admin = _with_database(pg_server, database)
    assert team.init(admin)
    yield Team(admin, database)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        prefix = database.replace("bb_test_", "t") + "_"
        for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (prefix,)).fetchall():
            conn.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def open_store(team_library: Team) -> Iterator[Callable[[str, str], object]]:
    """open_store(name, clearance) -> a PgStore logged in as a new officer; all closed at the end."""
    from briefing.library.pg import PgStore

    opened: list[PgStore] = []

    def open_(name: str, clearance: str) -> PgStore:
        store = PgStore.open(team_library.add(name, clearance))
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()
