"""The team library as the window uses it: the store (PgStore) plus what is the window's own business.

The window was written against the officer's own library (``Library``). A team library's store offers the
core of it (``briefing.library.store.CoreStore``) and more as it is written; what a command needs is asked
of the store by name (``supports``), so an operation added to the store is used as soon as it is there.
Kept here, on top of the store:

- who is logged in and with what clearance, for the status bar;
- the version of the item the detail pane shows, sent with each edit typed into it: when a colleague has
  changed the same field since, the store refuses the edit naming them (``EditConflict``, a LibraryError that
  the window tells in a message, ``ui/library_faults.py``) and the pane re-reads to show the newer value;
- how the window's import process logs in to the library (``import_target``);
- the officer's current brief, which the store keeps in the settings file, copied into the window's own
  Settings too: the window saves that object (Preferences, switching library) and must not write back an
  older choice over the store's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from briefing.library.db import LibraryError
from briefing.library.store import supports
from briefing.settings import Settings

NOT_YET = "not available on a team library yet"

__all__ = ["NOT_YET", "TeamLibrary", "supports"]


class TeamLibrary:
    """A PgStore with the window's additions; any other attribute is the store's own."""

    damaged = None  # the server keeps the team library whole: never opened read-only as a damaged file is

    def __init__(self, store: Any, settings: Settings, place: str, import_target: Any = None) -> None:
        self.store = store
        self.settings = settings
        self.place = place  # "dbhost:5432"
        self.import_target = import_target  # opens the library in the import process (team_connection.TeamOpener)
        self._seen: dict[int, int] = {}  # item id -> the version of it last read for the detail pane

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "store":
            raise AttributeError(name)
        return getattr(self.store, name)

    # --- who and where -----------------------------------------------------------------------------
    @property
    def path(self) -> str:
        return str(self.store.path)  # postgresql://alice@dbhost:5432/briefing (never a password)

    @property
    def database(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def describe(self) -> str:
        """The status bar's words: which library, as whom, cleared to what."""
        return f"Team library {self.database} on {self.place} — {self.store.user} ({self.store.clearance or 'no clearance'})"

    def set_current_brief(self, brief_id: int | None) -> None:
        self.store.set_current_brief(brief_id)
        if brief_id is None:
            self.settings.current_brief.pop(self.path, None)
        else:
            self.settings.current_brief[self.path] = brief_id

    # --- reading and editing one item: edits carry the version read ------------------------------------
    def items(self, ids: Sequence[int]) -> list[Any]:
        """Items; reading one (the detail pane does) notes its version first, so that a colleague's commit
        in between makes the officer's edit refused rather than silently laid over it."""
        ids = list(ids)
        if len(ids) == 1 and supports(self.store, "item_version"):
            with contextlib.suppress(LibraryError):  # gone: items() answers with nothing
                self._seen[ids[0]] = self.store.item_version(ids[0])
        return list(self.store.items(ids))

    def edit(self, item_id: int, field: str, value: Any) -> None:
        self.edit_fields(item_id, {field: value})

    def edit_fields(self, item_id: int, values: dict[str, Any]) -> None:
        version = self._seen.get(item_id)
        if version is None:
            self.store.edit_fields(item_id, values)
        else:
            self.store.edit_fields(item_id, values, version=version)
