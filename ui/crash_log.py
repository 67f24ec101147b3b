"""A crash leaves a report behind: ``faulthandler`` writes the Python stacks of every thread to a file in
the user data folder when the process dies of a fatal signal (a segfault in Qt, an abort). A clean exit
removes the file, so a file with something in it at the next start means the last run crashed, and the
window offers to show it.
"""

from __future__ import annotations

import atexit
import datetime as dt
import faulthandler
from pathlib import Path
from typing import TextIO

from briefing.paths import data_dir

LOG_NAME = "crash.log"
PREVIOUS_NAME = "crash-previous.log"

_log: TextIO | None = None  # kept open for the life of the process: faulthandler writes to its descriptor


def log_path() -> Path:
    return data_dir() / LOG_NAME


def start() -> str | None:
    """Arm the crash log for this run; returns the report the previous run left, if it crashed."""
    global _log
    path = log_path()
    previous = None
    if path.exists():
        previous = path.read_text(encoding="utf-8", errors="replace")
        if crashed(previous):
            path.replace(path.with_name(PREVIOUS_NAME))  # kept for the officer to send on
        else:
            previous = None  # killed or logged out, not crashed: nothing to report, an older report kept
    _log = path.open("w", encoding="utf-8")
    _log.write(f"Briefing Builder started {dt.datetime.now().isoformat(timespec='seconds')}\n")
    _log.flush()
    faulthandler.enable(_log, all_threads=True)
    atexit.register(stop)
    return previous


def stop() -> None:
    """A clean exit: disarm and remove the log (a report exists only after a crash)."""
    global _log
    if _log is None:
        return
    faulthandler.disable()
    _log.close()
    _log = None
    log_path().unlink(missing_ok=True)


def crashed(report: str | None) -> bool:
    """Whether a log holds a crash (more than the start line a killed but not crashed run leaves)."""
    return bool(report) and "Fatal Python error" in report
