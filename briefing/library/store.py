"""The store: the library's operations as one interface, whichever backend holds the data.

Both ``Library`` (SQLite, one officer's file, ``briefing/library/library.py``) and ``PgStore``
(PostgreSQL, a desk's shared library, ``briefing/library/pg/``) offer the whole ``Store``; the same
test-suite (``tests/pg/store_suite``) runs on both. The parts are separate protocols so code can ask for
only what it uses (brief rendering reads items and briefs; the tree reads items and follows changes).
Operations beyond ``Store`` that one backend has and the other may not (a file's backups, say) are asked
for with ``supports``.

Every mutating call is one named undoable step in one transaction, announced to subscribers as a
``Change`` once committed. Ids are the backend's own; records are those of ``records.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

from briefing.library.query import Query
from briefing.library.records import Brief, BriefRow, Change, Item, ItemRow, SourceRecord, SourceRow
from briefing.model import Extraction, Source


def supports(store: object, *operations: str) -> bool:
    """Does ``store`` offer every one of these operations (method names: "groups", "export_csv", "backup_now")?

    Asked of the store itself, so no backend is named by the caller: a team library's store answers for an
    operation it lacks with an AttributeError (``pg.store.NotOnTeamLibrary``), as any object does."""
    return all(callable(getattr(store, name, None)) for name in operations)


@runtime_checkable
class SourceStore(Protocol):
    """Sources and, with each, what its extraction said (the per-source contributions to items)."""

    def add_source(self, source: Source, extraction: Extraction) -> tuple[int, bool]:
        """Add a source and its items (joined with those already held) as one step; (source id, new?)."""
        ...

    def source_id_for(self, sha256: str) -> int | None: ...

    def sources(self) -> list[SourceRow]: ...

    def source(self, source_id: int) -> SourceRecord:
        """NotFound when there is no such source (or the reader may not see it)."""
        ...

    def delete_sources(self, source_ids: Sequence[int]) -> None: ...


@runtime_checkable
class ItemReader(Protocol):
    """Items: light rows for lists, whole items for detail views, filtered queries, full-text search."""

    def item(self, item_id: int) -> Item: ...

    def items(self, ids: Sequence[int]) -> list[Item]: ...

    def rows(self, ids: Sequence[int]) -> list[ItemRow]: ...

    def query(self, query: Query | None = None) -> list[int]:
        """Item ids, newest first (undated last), then by id."""
        ...

    def count(self, query: Query | None = None) -> int: ...

    def search(self, text: str) -> list[int]:
        """Items holding every word and "phrase" of ``text`` and no -word, accent/case blind, best first."""
        ...

    def search_sources(self, text: str) -> list[int]: ...


@runtime_checkable
class ItemEditor(Protocol):
    """Officers' corrections: edits laid over what the sources said, notes, hand-made items, identity."""

    def edit(self, item_id: int, field: str, value: Any) -> None: ...

    def edit_fields(self, item_id: int, values: dict[str, Any]) -> None: ...

    def add_note(self, text: str, title: str = "") -> int: ...

    def add_item(self, kind: str, fields: dict[str, Any]) -> int: ...

    def delete_items(self, ids: Sequence[int]) -> None: ...

    def merge(self, ids: Sequence[int]) -> int:
        """Join items into the first; returns its id."""
        ...

    def split(self, item_id: int, evidence_ids: Sequence[int]) -> int:
        """Move these pieces of evidence to a new item; returns its id."""
        ...


@runtime_checkable
class UndoHistory(Protocol):
    """Undo and redo of whole steps. On a shared library, each officer undoes only their own steps."""

    def undo(self) -> str | None:
        """Undo the latest step; its name, or None when there is nothing to undo."""
        ...

    def redo(self) -> str | None: ...

    def undo_name(self) -> str | None: ...

    def redo_name(self) -> str | None: ...


@runtime_checkable
class BriefStore(Protocol):
    """Briefs: picked sets of items in order, with their own wording."""

    def briefs(self) -> list[BriefRow]: ...

    def create_brief(self, name: str) -> int: ...

    def rename_brief(self, brief_id: int, name: str) -> None: ...

    def delete_brief(self, brief_id: int) -> None: ...

    def brief(self, brief_id: int) -> Brief: ...

    def set_picked(self, brief_id: int, item_ids: Sequence[int], picked: bool) -> None: ...

    def picked_ids(self, brief_id: int) -> list[int]: ...

    def set_line_wording(self, brief_id: int, item_id: int, wording: str | None) -> None: ...


@runtime_checkable
class ChangeFeed(Protocol):
    """Changes as they are committed: this connection's at once, others' when checked for."""

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback`` with each Change; returns the function that stops it."""
        ...

    def check_external_changes(self) -> bool:
        """True (and the Changes to subscribers) if another connection committed since the last check."""
        ...


@runtime_checkable
class CoreStore(SourceStore, ItemReader, ItemEditor, UndoHistory, BriefStore, ChangeFeed, Protocol):
    """What both backends offer: the interface the team library is built on."""

    def close(self) -> None: ...


@runtime_checkable
class Store(CoreStore, Protocol):
    """The whole library as the window and the command line use it today (the SQLite ``Library``)."""

    def revert(self, item_id: int, fields: Sequence[str] | None = None) -> None: ...

    def groups(self, by: str, query: Query | None = None) -> list[tuple[Any, str, int]]: ...

    def group_ids(self, by: str, key: Any, query: Query | None = None) -> list[int]: ...

    def reextract(self, source_id: int, extraction: Extraction | None = None) -> None: ...

    def edit_source(self, source_id: int, values: dict[str, Any]) -> None: ...

    def duplicate_brief(self, brief_id: int, name: str) -> int: ...

    def update_brief(self, brief_id: int, **fields: Any) -> None: ...

    def move_line(self, brief_id: int, item_id: int, new_position: int) -> None: ...

    def brief_id_named(self, name: str) -> int | None: ...

    def current_brief_id(self) -> int | None: ...

    def set_current_brief(self, brief_id: int | None) -> None: ...
