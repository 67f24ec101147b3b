"""Country names for ISO 3166-1 alpha-2 codes, from Qt's own locale tables (no data file to keep)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale


@cache
def all_countries() -> list[tuple[str, str]]:
    """(code, name) for every country Qt knows, sorted by name."""
    out = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and code.isupper():
            out[code] = QLocale.territoryToString(territory)
    return sorted(out.items(), key=lambda pair: pair[1])


@cache
def country_name(code: str | None) -> str:
    if not code:
        return ""
    territory = QLocale.codeToTerritory(code.upper())
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def guess_own_country() -> str | None:
    """The country of the system locale, a fair first guess for the user's own."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if len(code) == 2 else None


def names(codes) -> str:
    return ", ".join(country_name(c) for c in codes)
