"""A team library whose schema is not this program's: the Connect dialog says so in one line (whom to ask, or
that a newer program made it) and the window stays on the officer's own library. The real dialog and server."""

from __future__ import annotations

from urllib.parse import urlsplit

import psycopg
import pytest

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")
pytest.importorskip("keyring", reason="keyring is not installed (pip install -e .)")

from tests.pg import test_schema_upgrade as first_version  # noqa: E402
from tests.ui import test_team_window as team_window  # noqa: E402
from tests.ui.test_team_window import PASSWORD, connect_window, tree_titles  # noqa: E402

# the fixtures of the window's team library tests: the real server, a team library, the own window; and a
# team library made by the first version of schema.sql (tests/pg)
pg_server = team_window.pg_server
team_library = team_window.team_library
memory_keyring = team_window.memory_keyring
own_window = team_window.own_window
old_library = first_version.old_library


def _record(dsn: str, version: int) -> None:
    with psycopg.connect(dsn) as conn:
        conn.execute("UPDATE briefing.meta SET value = %s WHERE key = 'schema_version'", (str(version),))


def _officer(library) -> str:
    from briefing import team

    url = library.add("alice", "SECRET")
    team.add_user(library.admin, urlsplit(url).username, "SECRET", password=PASSWORD)
    return url


@pytest.mark.parametrize("made_by", ["an older program", "a newer program"])
def test_a_library_of_another_schema_is_said_in_one_line_in_the_dialog(made_by, own_window, qtbot, request):
    from briefing import team
    from briefing.library.pg import upgrade

    library = request.getfixturevalue("old_library" if made_by == "an older program" else "team_library")
    version = 1 if made_by == "an older program" else upgrade.SCHEMA_VERSION + 1
    if made_by == "a newer program":
        _record(library.admin, version)
    officer = _officer(library)
    own_titles = tree_titles(own_window)

    result = connect_window(own_window, qtbot, officer)

    error = result["error"]
    assert result["open"] and "\n" not in error and PASSWORD not in error
    if made_by == "an older program":
        assert error.startswith(f"The team library's schema is older than this program (version {version}; this "
                                f"program needs {upgrade.SCHEMA_VERSION}): ask the desk administrator to run "
                                "`briefing team init postgresql://ADMIN@")
        assert error.endswith(f"/{library.database}`.")
    else:
        assert error.startswith(f"The team library's schema is newer than this program (version {version};")
    assert not own_window.team.on_team and "Own library" in own_window.team.label.text()
    assert tree_titles(own_window) == own_titles

    if made_by == "an older program":
        assert team.upgrade_schema(library.admin) == (1, upgrade.SCHEMA_VERSION)  # `briefing team init`
    else:
        _record(library.admin, upgrade.SCHEMA_VERSION)  # as if this program were the newer one
    connect_window(own_window, qtbot, officer)
    assert own_window.team.on_team
