"""Small wording helpers for briefs: dates as officers write them, figures, lists and country names."""

from __future__ import annotations

import calendar
import json
from datetime import date
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")

# Units a figure may carry besides ISO 4217 codes; the currency symbols officers expect for the common ones.
_CURRENCY_PREFIX = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "SGD": "S$", "AUD": "A$", "CAD": "C$"}


@cache
def _country_names() -> dict[str, str]:
    raw = json.loads((_DATA / "countries.json").read_text(encoding="utf-8"))
    names = raw.get("names")
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise ValueError(f"{_DATA / 'countries.json'}: 'names' must map ISO codes to names")
    return names


def country_name(code: str | None) -> str:
    """English short name for an ISO 3166-1 alpha-2 code; the code itself when unknown."""
    if not code:
        return ""
    return _country_names().get(code.upper(), code)


def join_words(words: list[str], last: str = "and") -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def format_date(value: str | None) -> str:
    """'2021-06-21' -> '21 June 2021'; '2021-06' -> 'June 2021'; '2021' stays; None -> ''."""
    if not value:
        return ""
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {int(parts[0])}"
        if len(parts) == 2:
            return f"{calendar.month_name[int(parts[1])]} {int(parts[0])}"
    except (ValueError, IndexError):
        return str(value)
    return str(value)


def period_end(value: str | None) -> date | None:
    """The last day a partial ISO date covers ('2023' -> 2023-12-31), so 'valid to 2023' means through 2023."""
    if not value:
        return None
    parts = str(value).split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def period_start(value: str | None) -> date | None:
    if not value:
        return None
    parts = str(value).split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def format_number(value: float) -> str:
    """1234567 -> '1.2 million'; 2500 -> '2,500'; 3.0 -> '3'."""
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            scaled = value / size
            return f"{scaled:,.1f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(value: float | None, unit: str | None) -> str:
    """A figure as it reads in a brief: 'US$ 6.2 billion', '12.5%', '1,200 tonnes'."""
    if value is None:
        return ""
    unit = (unit or "").strip()
    number = format_number(float(value))
    if unit == "percent":
        return f"{number}%"
    if unit in ("", "count"):
        return number
    if len(unit) == 3 and unit.isupper():
        prefix = _CURRENCY_PREFIX.get(unit, unit)
        return f"{prefix} {number}" if len(prefix) > 1 and prefix.isalpha() else f"{prefix}{number}"
    return f"{number} {unit}"


def kind_label(kind: str | None) -> str:
    """Agreement kinds and statuses as words: 'mou' -> 'MoU', 'working-group' -> 'Working group'."""
    if not kind:
        return ""
    special = {"mou": "MoU", "in-force": "In force"}
    if kind in special:
        return special[kind]
    return kind.replace("-", " ").capitalize()
