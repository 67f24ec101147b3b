"""The team library as the window uses it: the store (PgStore) plus what is the window's own business.

The window was written against the officer's own library (``Library``). A team library's store offers the
core of it (``briefing.library.store.CoreStore``); everything else is asked of the store by name
(``supports``), so what a colleague adds to the store is used as soon as it is there. Kept here, on top:

- the current brief, which is one officer's choice and not the desk's: remembered in their settings;
- the tree's grouping by kind when the store cannot group (one count per kind: the items are not read);
- who is logged in and with what clearance, for the status bar;
- the version of the item the detail pane shows, sent with each edit typed into it: when a colleague has
  changed the same field since, the store refuses the edit naming them (``EditConflict``, a LibraryError that
  the window tells in a message, ``ui/library_faults.py``) and the pane re-reads to show the newer value.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from briefing.library.db import LibraryError
from briefing.library.query import KIND_LABELS, Query
from briefing.library.records import Change
from briefing.settings import Settings

NOT_YET = "not available on a team library yet"


def supports(library: Any, *operations: str) -> bool:
    """Does the library offer all these operations? Asked of the library itself (a team library's store
    answers for a missing one with an AttributeError), so no backend is named here."""
    return all(callable(getattr(library, name, None)) for name in operations)


class TeamLibrary:
    """A PgStore with the window's additions; any other attribute is the store's own."""

    damaged = None  # the server keeps the team library whole: never opened read-only as a damaged file is

    def __init__(self, store: Any, settings: Settings, place: str, import_target: Any = None) -> None:
        self.store = store
        self.settings = settings
        self.place = place  # "dbhost:5432"
        self.import_target = import_target  # opens the library in the import process (team_connection.TeamOpener)
        self._subscribers: list[Callable[[Change], None]] = []
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

    # --- change notices: the store's, and the window's own (the current brief) ---------------------
    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        stop_store = self.store.subscribe(callback)
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            stop_store()
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    # --- the current brief: this officer's, kept in their settings ---------------------------------
    def current_brief_id(self) -> int | None:
        if supports(self.store, "current_brief_id"):
            return self.store.current_brief_id()
        brief_id = self.settings.current_brief.get(self.path)
        return brief_id if brief_id in {b.id for b in self.store.briefs()} else None

    def set_current_brief(self, brief_id: int | None) -> None:
        if supports(self.store, "set_current_brief"):
            self.store.set_current_brief(brief_id)
            return
        if brief_id is None:
            self.settings.current_brief.pop(self.path, None)
        else:
            self.settings.current_brief[self.path] = brief_id
        self.settings.save()
        for callback in list(self._subscribers):
            callback(Change("briefs", () if brief_id is None else (brief_id,)))

    # --- the tree's groups ---------------------------------------------------------------------------
    def can_group(self, by: str) -> bool:
        return by == "kind" or supports(self.store, "groups", "group_ids")

    def groups(self, by: str, query: Query | None = None) -> list[tuple[Any, str, int]]:
        if supports(self.store, "groups"):
            return list(self.store.groups(by, query))
        if by != "kind":
            return []  # the window offers only grouping by kind here (can_group)
        base = query or Query()
        counts = ((kind, label, self.store.count(replace(base, kind=kind))) for kind, label in KIND_LABELS.items())
        return [group for group in counts if group[2]]

    def group_ids(self, by: str, key: Any, query: Query | None = None) -> list[int]:
        if supports(self.store, "group_ids"):
            return list(self.store.group_ids(by, key, query))
        if by != "kind":
            return []
        return list(self.store.query(replace(query or Query(), kind=key)))

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

    def edit_many(self, item_ids: Sequence[int], field: str, value: Any) -> None:
        """One step on a store that can; else item by item (each its own step: Undo takes back one)."""
        if supports(self.store, "edit_many"):
            self.store.edit_many(item_ids, field, value)
            return
        for item_id in item_ids:
            self.store.edit(item_id, field, value)
