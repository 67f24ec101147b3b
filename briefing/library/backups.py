"""Backups made without being asked: before a schema upgrade, before re-extracting every source, and once a
day while the program is used; the last few kept (``Settings.backups_keep``).

Each is a whole, consistent copy through SQLite's online backup API (safe while the library is open and
in use), in the user data folder under ``backups/<library>-<hash of its path>/``, named by the time it was
made and why. ``restore`` puts one back over the library file, keeping what was there as one more backup
(unless that file is too damaged to copy, in which case its bytes are kept as they are).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from briefing import paths as app_paths
from briefing.library.db import LibraryError

SUFFIX = ".sqlite3"
DAILY = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime  # UTC
    reason: str
    size: int

    @property
    def label(self) -> str:
        local = self.made.astimezone()
        return f"{local:%Y-%m-%d %H:%M}  {self.reason}  ({self.size / 1024**2:.1f} MB)"


def folder_for(library_path: str | Path) -> Path:
    """Where the backups of the library at ``library_path`` are kept (one folder per library file)."""
    resolved = Path(library_path).expanduser().resolve()
    key = hashlib.sha1(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return app_paths.data_dir() / "backups" / f"{resolved.stem}-{key}"


def keep_count() -> int:
    from briefing.settings import Settings

    return max(1, int(getattr(Settings.load(), "backups_keep", 7) or 7))


def make(conn: sqlite3.Connection, library_path: str | Path, reason: str, *, keep: int | None = None) -> Path:
    """Copy the library that ``conn`` has open into a new backup; the oldest beyond ``keep`` are removed."""
    folder = folder_for(library_path)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc)
    target = folder / f"{now.strftime(_STAMP)}-{_slug(reason)}{SUFFIX}"
    n = 1
    while target.exists():  # two in the same second
        target = folder / f"{now.strftime(_STAMP)}-{_slug(reason)}-{n}{SUFFIX}"
        n += 1
    partial = target.with_suffix(".part")
    copy = sqlite3.connect(str(partial))
    try:
        conn.backup(copy)
    except sqlite3.Error as exc:
        copy.close()
        partial.unlink(missing_ok=True)
        raise LibraryError(f"could not back up {library_path}: {exc}") from exc
    with contextlib.suppress(sqlite3.Error):
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
    copy.close()
    os.replace(partial, target)
    prune(library_path, keep if keep is not None else keep_count())
    return target


def _slug(reason: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in reason.lower()).strip("-")[:40] or "backup"


def list_backups(library_path: str | Path) -> list[Backup]:
    """The library's backups, newest first."""
    folder = folder_for(library_path)
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else []:
        stamp, _, reason = path.stem.partition("-")
        try:
            made = datetime.strptime(stamp, _STAMP).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        info = path.stat()
        found.append((info.st_mtime_ns, Backup(path, made, reason.replace("-", " "), info.st_size)))
    return [b for _, b in sorted(found, key=lambda pair: (pair[1].made, pair[0]), reverse=True)]


def prune(library_path: str | Path, keep: int) -> None:
    for old in list_backups(library_path)[keep:]:
        old.path.unlink(missing_ok=True)


def due(library_path: str | Path, every: timedelta = DAILY) -> bool:
    """True when the newest backup is older than ``every`` (or there is none)."""
    backups = list_backups(library_path)
    return not backups or datetime.now(timezone.utc) - backups[0].made >= every


def find(library_path: str | Path, name: str | None) -> Backup:
    """A backup by file name or path (None: the newest)."""
    backups = list_backups(library_path)
    if not backups:
        raise LibraryError(f"there are no backups of {library_path} yet")
    if name is None:
        return backups[0]
    for backup in backups:
        if name in (backup.path.name, str(backup.path), backup.path.stem):
            return backup
    raise LibraryError(f"no backup named {name!r} (`briefing backup --list` lists them)")


def restore(backup: Backup, library_path: str | Path) -> Path:
    """Put ``backup`` back as the library at ``library_path`` (closed by every program first).

    What was there is kept as a backup named "before restore", so a restore can itself be undone."""
    from briefing.library.health import looks_like_ours, quick_check

    library_path = Path(library_path)
    check = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        problem = quick_check(check, seconds=30)
    except sqlite3.Error as exc:
        problem = str(exc)
    finally:
        check.close()
    if problem or not looks_like_ours(backup.path):
        raise LibraryError(f"the backup {backup.path.name} is itself damaged ({problem or 'not a library'}); "
                           f"choose another")
    if library_path.exists():
        _keep_current(library_path)
    fd, tmp = tempfile.mkstemp(prefix=f".{library_path.stem}.", suffix=".restoring", dir=library_path.parent)
    os.close(fd)
    try:
        shutil.copyfile(backup.path, tmp)
        for extra in ("-wal", "-shm"):  # the damaged file's journal must not be replayed over the backup
            Path(f"{library_path}{extra}").unlink(missing_ok=True)
        os.replace(tmp, library_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return library_path


def _keep_current(library_path: Path) -> None:
    try:
        conn = sqlite3.connect(f"{library_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            make(conn, library_path, "before restore", keep=max(keep_count(), 2))
            return
        finally:
            conn.close()
    except (sqlite3.Error, LibraryError):
        pass  # too damaged to copy through SQLite: keep its bytes
    folder = folder_for(library_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime(_STAMP)
    shutil.copyfile(library_path, folder / f"{stamp}-damaged-before-restore.damaged")
