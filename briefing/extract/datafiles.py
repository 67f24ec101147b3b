"""Load the extractors' JSON rule files (briefing/extract/data/*.json), checked on load.

A reader extends the vocabularies by editing those files; a mistake there must
give a message naming the file and the bad entry, never a traceback from deep
inside an extractor.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A rule file is missing, is not JSON, or has an entry of the wrong shape."""


class Checker:
    """Passed to a validator: ``check.fail("months.May", "must be a list")`` raises with the file named."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, why: str) -> None:
        raise DataFileError(f"{self.path.name}: bad entry {where!r}: {why}")

    def str_list(self, where: str, value: Any, *, allow_empty: bool = True) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            self.fail(where, "must be a list of non-empty strings")
        if not allow_empty and not value:
            self.fail(where, "must not be empty")
        return value

    def mapping(self, where: str, value: Any) -> dict:
        if not isinstance(value, dict):
            self.fail(where, "must be an object")
        return value


def read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None


def load_checked(path: Path, validate: Callable[[Any, Checker], None]) -> Any:
    """Read ``path`` and run ``validate(data, checker)``; raises DataFileError naming the file."""
    data = read_json(path)
    check = Checker(path)
    if not isinstance(data, dict):
        check.fail("<top level>", "must be an object")
    validate(data, check)
    return data


@cache
def load_data(name: str, validate: Callable[[Any, Checker], None]) -> Any:
    """A rule file of the package, validated once per process."""
    return load_checked(DATA_DIR / name, validate)
