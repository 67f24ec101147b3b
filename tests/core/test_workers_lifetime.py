"""An import's worker processes end with it, however it ends: SIGKILL of the importing process included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    """The live processes whose parent is ``pid`` (zombies count as gone)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2 :].split()[0] != "Z"


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_import_is_killed(tmp_path, how):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(64):
        (folder / f"s{n:02}.txt").write_text(
            f" date 2024-03-{n % 28 + 1:02} The foreign ministers of Chile and Peru met in Lima on Monday "
            f"to discuss trade, item {n}. They agreed to hold the next round of talks in Santiago.\n" * 20,
            encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "import", "--library", str(tmp_path / "lib.sqlite"),
         str(folder), "--jobs", "2"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait(lambda: len(_children(proc.pid)) >= 2, 120), "the import never started its workers"
        workers = _children(proc.pid)
        os.kill(proc.pid, how)
        proc.wait(timeout=30)
        assert _wait(lambda: not any(_alive(w) for w in workers), 10), \
            f"workers left running after {how.name} of the import: {[w for w in workers if _alive(w)]}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
