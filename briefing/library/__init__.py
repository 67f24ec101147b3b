"""The library: one SQLite file of sources, items, the user's edits, briefs and the undo history.

See CONTRACT.md for the API the window, the command line and brief rendering use.
"""

from briefing.library import records
from briefing.library.db import SCHEMA_VERSION, LibraryError
from briefing.library.library import Library, NotFound
from briefing.library.query import Query
from briefing.library.records import ImportReport, ImportResult, Item, ItemRow

__all__ = [
    "SCHEMA_VERSION", "ImportReport", "ImportResult", "Item", "ItemRow", "Library", "LibraryError", "NotFound",
    "Query", "records",
]
