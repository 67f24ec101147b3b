"""A process killed in the middle of an import leaves a library that opens, holding whole sources only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing.library import Library, Query

REPO = Path(__file__).resolve().parents[2]

IMPORTER = """
import sys
from pathlib import Path
from briefing.library import Library
from tests.core.test_library_fakes import fake_extract, write

folder = Path(sys.argv[2])
files = [write(folder, f"{n:04}.txt", f"Person{n} Smith met Guest{n} Jones on 2021-06-{n % 28 + 1:02}. "
               f"They signed the Trade{n} Agreement. Trade grew {n} percent in goods.") for n in range(400)]
lib = Library.open(Path(sys.argv[1]), seed=False)
for result in lib.import_iter(files, extract=fake_extract):
    print(result.done, flush=True)
"""


def test_kill_mid_import_leaves_whole_sources(tmp_path):
    path = tmp_path / "lib.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(path), str(tmp_path / "in")], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line or int(line) >= 40:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the importer ended before it was killed"
    with Library.open(path, seed=False) as lib:
        conn = lib.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        sources = lib.sources()
        assert 40 <= len(sources) < 400
        for src in sources:
            assert src.item_count == 5, src  # two people, the meeting, the agreement, the figure
            items = lib.items(lib.query(Query(source_id=src.id)))
            text = lib.source(src.id).text
            assert all(item.evidence for item in items)
            assert all(text[e.start:e.end] == e.text for item in items for e in item.evidence)
        # The interrupted import is still one undoable step.
        assert lib.undo_name() == "Import"
        lib.undo()
        assert lib.sources() == [] and lib.query() == []
