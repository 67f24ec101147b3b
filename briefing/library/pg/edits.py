"""Corrections on the team library beyond the core (store.py): reverting, one field of many items, a source's details.

Each is one undoable step of the officer who made it, like the core's edits. Reverting and editing many
items go through the same write as ``PgStore.edit_fields`` (``_apply_edits``), so every change of an
item's edits is a new version recorded with who made it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from briefing.library import kinds
from briefing.library.db import LibraryError
from briefing.library.index import reindex_sources
from briefing.library.pg.parts import StoreParts
from briefing.library.records import check_source_edit
from briefing.model import MARKINGS
from briefing.text import plural


class TeamEdits(StoreParts):
    def revert(self, item_id: int, fields: Sequence[str] | None = None) -> None:
        """Drop the officers' edits of the item (all of them, or of these fields): the sources' values show again."""
        with self._lock:
            self._kind(item_id)  # NotFound first
            with self.step("Revert " + (", ".join(fields) if fields else "edits")):
                row = self._conn.execute("SELECT edits FROM items WHERE id = %s FOR UPDATE", (item_id,)).fetchone()
                assert row is not None
                edits: dict[str, Any] = json.loads(row[0])
                for field in list(fields or edits):
                    edits.pop(field, None)
                self._apply_edits(item_id, {}, edits, {})
                self._announce("items-changed", [item_id])

    def edit_many(self, item_ids: Sequence[int], field: str, value: Any) -> None:
        """Set one field of several items as one step ("Edit status of 3 items")."""
        ids = list(item_ids)
        with self._lock:
            checked = {i: kinds.check_edit(self._kind(i), field, value) for i in ids}
            with self.step(f"Edit {field} of {plural(len(ids), 'item')}"):
                rows = self._conn.execute("SELECT id, machine, edits FROM items WHERE id = ANY(%s) ORDER BY id "
                                          "FOR UPDATE", (ids,)).fetchall()
                for item_id, machine, edits in rows:
                    self._apply_edits(item_id, json.loads(machine), json.loads(edits), {field: checked[item_id]})
                self._announce("items-changed", ids)

    def edit_source(self, source_id: int, values: dict[str, Any]) -> None:
        """Correct a source's citation details (``records.SOURCE_EDITABLE``) as one undoable step.

        ValueError names a value that cannot be stored; a marking above the officer's own clearance is
        refused (they would lose sight of the source). Nothing is changed then."""
        with self._lock:
            self.source(source_id)  # NotFound first
            checked = {name: check_source_edit(name, value) for name, value in values.items()}
            marking = checked.get("marking")
            if marking is not None and (self.clearance is None or MARKINGS.index(marking) > MARKINGS.index(self.clearance)):
                raise LibraryError(f"{self.user} is cleared to {self.clearance or 'nothing'}: marking the source "
                                   f"{marking} would put it out of their sight")
            if not checked:
                return
            with self.step(f"Edit source {', '.join(checked)}") as db:
                assignments = ", ".join(f"{name} = %s" for name in checked)
                self._conn.execute(f"UPDATE sources SET {assignments} WHERE id = %s", [*checked.values(), source_id])
                reindex_sources(db, [source_id])
                self._announce("sources-changed", [source_id])
