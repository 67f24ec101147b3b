"""Which files an import covers: named files as given, folders walked without recursion."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path


def _skip_name(name: str) -> bool:
    # hidden files and folders (.git, .DS_Store) and Office lock files (~$report.docx)
    return name.startswith((".", "~$"))


def walk_sources(
    paths: Iterable[str | Path],
    suffixes: frozenset[str],
    on_error: Callable[[Path, str], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
) -> Iterator[Path]:
    """The files to import under ``paths``; ``on_skip(path, reason)`` hears of each file a folder holds that
    is not imported (a type no loader reads), so no file is passed over without a word."""
    seen_files: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except OSError:
            yield path  # load() reports "file not found" / the OS reason, naming it
            continue
        if not stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key not in seen_files:
                seen_files.add(key)
                yield path
            continue
        for found in _walk_folder(path, suffixes, on_error, on_skip):
            try:
                found_info = found.stat()
            except OSError:
                continue
            key = (found_info.st_dev, found_info.st_ino)
            if key not in seen_files:
                seen_files.add(key)
                yield found


def _walk_folder(root: Path, suffixes: frozenset[str], on_error, on_skip=None) -> Iterator[Path]:
    """Depth first, entries sorted by name; each real folder visited once (symlink loops end)."""
    visited: set[tuple[int, int]] = set()
    stack: list[Path] = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError as exc:
            if on_error:
                on_error(folder, exc.strerror or str(exc))
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:
            continue
        visited.add(key)
        try:
            with os.scandir(folder) as entries:
                children = sorted(entries, key=lambda e: (e.name.casefold(), e.name))
        except OSError as exc:
            if on_error:
                on_error(folder, f"cannot read folder: {exc.strerror or exc}")
            continue
        subfolders: list[Path] = []
        for entry in children:
            if _skip_name(entry.name):
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks; loops are caught by `visited`
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                subfolders.append(folder / entry.name)
            elif is_file and Path(entry.name).suffix.lower() in suffixes:
                yield folder / entry.name
            elif is_file and on_skip:
                suffix = Path(entry.name).suffix.lower()
                on_skip(folder / entry.name, f"unsupported file type ({suffix})" if suffix else "no file extension")
        stack.extend(reversed(subfolders))
