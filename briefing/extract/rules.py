"""The extraction's rule files (``data/*.json``): read once, each checked against its schema.

A reader extends the word lists by editing the JSON files; a mistake there gives a
``RuleFileError`` naming the file and the entry, not a traceback from inside a pipeline
component. Every file in ``data/`` has a schema in ``briefing.extract.schemas``; keys
starting with ``_`` at the top of a file are comments.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


class RuleFileError(ValueError):
    """A rule file is missing, is not JSON, has no schema, or has an entry of the wrong shape."""


DataFileError = RuleFileError  # the name the figures', dates' and topics' readers used


def read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None


def _check_schema(name: str, data: Any) -> None:
    from pydantic import ValidationError

    from briefing.extract.schemas import SCHEMAS

    schema = SCHEMAS.get(name)
    if schema is None:
        raise RuleFileError(f"{name}: no schema describes this file (add one to briefing/extract/schemas.py)")
    if not isinstance(data, dict):
        raise RuleFileError(f"{name}: bad entry '<top level>': must be an object")
    try:
        schema.model_validate({k: v for k, v in data.items() if not k.startswith("_")})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "<top level>"
        raise RuleFileError(f"{name}: bad entry {where!r}: {first['msg']}") from None


def load_rules(name: str, path: Path | None = None) -> dict[str, Any]:
    """Read and check one rule file (``path`` overrides the packaged one, for tests and users)."""
    data = read_json(path or DATA_DIR / name)
    _check_schema(name, data)
    return data


@cache
def rules(name: str) -> dict[str, Any]:
    """The packaged rule file ``name``, checked against its schema once for each version of the data files
    (built.py keeps the fact that it passed; the check and the schemas' import cost a fifth of a second at
    every start otherwise)."""
    from briefing.extract.built import cached

    data = read_json(DATA_DIR / name)
    cached(f"checked-{name}", lambda: _check_schema(name, data) or True)
    return data


def data_files(directory: Path = DATA_DIR) -> list[Path]:
    return sorted(directory.glob("*.json"))


def validate_all(directory: Path | None = None) -> None:
    """Check every rule file in ``directory`` (the packaged ``data/``) against its schema; raises
    RuleFileError on the first bad one, or on a file no schema describes."""
    for path in data_files(directory or DATA_DIR):
        if directory is None:
            rules(path.name)
        else:
            load_rules(path.name, path)


# ---------------------------------------------------------------- the older interface, until its callers move


class Checker:
    """``check.fail("months.May", "must be a list")`` raises with the file named (extra checks beyond the schema)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, why: str) -> None:
        raise RuleFileError(f"{self.path.name}: bad entry {where!r}: {why}")

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


def load_checked(path: Path, validate: Callable[[Any, Checker], None] | None = None) -> Any:
    """Read ``path``, check it against the schema of its file name, then run ``validate`` if given."""
    data = load_rules(path.name, path)
    if validate is not None:
        validate(data, Checker(path))
    return data


@cache
def load_data(name: str, validate: Callable[[Any, Checker], None] | None = None) -> Any:
    """A packaged rule file checked against its schema (``validate``: the caller's own further checks)."""
    return load_checked(DATA_DIR / name, validate)
