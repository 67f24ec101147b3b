"""Briefs on the team library, beyond the core (store.py): copies, the order of lines, names, the current brief.

A brief belongs to the desk: every officer sees it (a line on an item above their clearance excepted) and
changes to it are undoable steps of whoever made them. Which brief an officer is working on is theirs
alone, not the desk's: it is kept in their settings on their computer (``Settings.current_brief``, by the
library's address), where the window and the command line both read it, and is not an undoable step.
"""

from __future__ import annotations

from briefing.library.library import BRIEF_FIELDS, NotFound
from briefing.library.pg.parts import StoreParts
from briefing.settings import Settings


class TeamBriefs(StoreParts):
    def duplicate_brief(self, brief_id: int, name: str) -> int:
        """A copy of the brief (title block, lines, their order and wording) under a new name."""
        from briefing.library import ingest

        columns = ", ".join(BRIEF_FIELDS)
        with self._lock:
            self._brief_exists(brief_id)
            with self.step(f"Duplicate brief as {name}"):
                row = self._conn.execute(
                    f"INSERT INTO briefs (name, {columns}, created_at) SELECT %s, {columns}, %s FROM briefs "
                    f"WHERE id = %s RETURNING id", (name, ingest.now(), brief_id)).fetchone()
                assert row is not None
                new_id = int(row[0])
                # Only the lines this officer can see are copied: a copy must not carry what they cannot read.
                self._conn.execute(
                    "INSERT INTO brief_lines (brief_id, item_id, position, wording) "
                    "SELECT %s, item_id, position, wording FROM brief_lines WHERE brief_id = %s", (new_id, brief_id))
                self._announce("briefs", [new_id])
        return new_id

    def move_line(self, brief_id: int, item_id: int, new_position: int) -> None:
        """Move a picked item to ``new_position`` (0-based, clamped to the ends) in the brief's order."""
        with self._lock:
            order = self.picked_ids(brief_id)
            if item_id not in order:
                raise NotFound(f"item {item_id} is not in brief {brief_id}")
            order.remove(item_id)
            order.insert(max(0, min(new_position, len(order))), item_id)
            with self.step("Move line"):
                # Lines kept out of sight (on items above the officer's clearance) keep their numbers; only the
                # lines whose place changed are written, so the step's undo touches only those.
                self._conn.execute(
                    "UPDATE brief_lines l SET position = n.ord - 1 FROM unnest(%s::bigint[]) WITH ORDINALITY "
                    "AS n (item_id, ord) WHERE l.brief_id = %s AND l.item_id = n.item_id AND l.position <> n.ord - 1",
                    (order, brief_id))
                self._announce("picks", [item_id])

    def brief_id_named(self, name: str) -> int | None:
        """The brief with this name (case-blind, the oldest if several share it), or None."""
        with self._lock:
            row = self._conn.execute("SELECT id FROM briefs WHERE lower(name) = lower(%s) ORDER BY id LIMIT 1",
                                     (name.strip(),)).fetchone()
        return int(row[0]) if row else None

    def current_brief_id(self) -> int | None:
        """The brief this officer is working on (None if none, or if it has been deleted since)."""
        brief_id = Settings.load().current_brief.get(self.path)
        if brief_id is None:
            return None
        with self._lock:
            held = self._conn.execute("SELECT 1 FROM briefs WHERE id = %s", (brief_id,)).fetchone()
        return brief_id if held else None

    def set_current_brief(self, brief_id: int | None) -> None:
        with self._lock:
            if brief_id is not None:
                self._brief_exists(brief_id)
            settings = Settings.load()  # read afresh: the window may have saved other settings meanwhile
            if brief_id is None:
                settings.current_brief.pop(self.path, None)
            else:
                settings.current_brief[self.path] = brief_id
            settings.save()
            self._announce("briefs", [] if brief_id is None else [brief_id])
        self._flush()
