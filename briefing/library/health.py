"""What is wrong with a library file, named as what it is: disk full, read-only, damaged.

SQLite reports these as error codes under generic messages ("database disk image is malformed"), and a
failed write can hide its cause behind a second error (a full disk rolls the transaction back itself, so
our ROLLBACK then says "no transaction is active"). Here each becomes one line an officer can act on, the
same in the window and on the command line. A damaged library is found when it is opened
(``PRAGMA quick_check``, bounded in time) and is then opened read-only: never written, with the last
backup offered (``briefing restore``).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from briefing.library.db import APPLICATION_ID, LibraryError

_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes (sqlite.org/rescode.html). The sqlite3 module names them only from Python
# 3.11; on 3.10 reading sqlite3.SQLITE_FULL would raise AttributeError while explaining the real error.
_READONLY, _IOERR, _CORRUPT, _FULL, _NOTADB = 8, 10, 11, 13, 26
QUICK_CHECK_SECONDS = 3.0  # a very large library is checked as far as this allows, then trusted


class DamagedLibrary(LibraryError):
    """A library file whose content is damaged (garbage inside, cut short); it is never written."""

    def __init__(self, path: str | Path, detail: str) -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(
            f"the library {path} is damaged ({detail}); it is opened read-only and nothing is written to it. "
            f"`briefing restore --latest` puts back the last backup (`briefing backup --list` lists them)")


class DiskFull(LibraryError):
    pass


class ReadOnly(LibraryError):
    pass


def looks_like_ours(path: str | Path) -> bool:
    """The file's header says it is an SQLite file with our application id (even if the rest is damaged)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return len(header) == 100 and header.startswith(_SQLITE_HEADER) and \
        int.from_bytes(header[68:72], "big") == APPLICATION_ID


def quick_check(conn: sqlite3.Connection, seconds: float = QUICK_CHECK_SECONDS) -> str | None:
    """The first problem ``PRAGMA quick_check`` finds, or None (sound, or not finished in ``seconds``)."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return None  # too large to check now: trusted, as before this check existed
        raise
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.set_progress_handler(None, 0)
    problems = [r[0] for r in rows if r and r[0] != "ok"]
    return "; ".join(problems)[:200] if problems else None


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # extended codes carry the primary in the low byte


def explain(exc: sqlite3.Error, path: str | Path) -> Exception:
    """The LibraryError naming what ``exc`` means for the library at ``path``; ``exc`` itself if nothing
    better can be said (a constraint, a locked file: callers handle those)."""
    code = _code(exc)
    text = str(exc)
    if code == _FULL or "disk is full" in text:
        return DiskFull(f"the disk holding {path} is full: the last change was not saved and the library is "
                        f"as it was before it; free some space and try again")
    if code == _READONLY or "readonly database" in text:
        return ReadOnly(f"the library {path} cannot be written (a read-only file, folder or disk); "
                        f"nothing was changed. Copy it somewhere writable to change it")
    if code in (_CORRUPT, _NOTADB) or "malformed" in text:
        return DamagedLibrary(path, text)
    if code == _IOERR or "disk I/O error" in text:
        return LibraryError(f"cannot read or write the library {path}: the disk reported an input/output "
                            f"error ({text}); nothing was changed")
    return exc
