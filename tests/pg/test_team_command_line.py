"""What the command line says of a team library where it differs from an officer's own file."""

from __future__ import annotations

import pytest

from briefing.cli import main
from briefing.library.store import supports


@pytest.mark.parametrize("command", [["backup"], ["backup", "--list"], ["restore", "--latest"]])
def test_backups_of_a_team_library_are_the_servers_and_the_command_says_so(team_library, capsys, command):
    dsn = team_library.add("alice", "OFFICIAL")
    assert main(["--library", dsn, *command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "desk administrator backs it up" in err and "pg_dump" in err


def test_the_file_only_operations_are_the_ones_a_team_library_lacks(open_store):
    alice = open_store("alice", "OFFICIAL")
    assert not supports(alice, "backup_now") and not supports(alice, "list_backups")
    assert supports(alice, "export_csv", "export_json", "reextract_many", "current_brief_id", "groups", "revert")
