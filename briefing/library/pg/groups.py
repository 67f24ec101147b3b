"""The tree's groups on the team library: by kind, source, country, year or month, with their counts.

The same groups, labels and order as ``briefing.library.query.groups`` on SQLite, in PostgreSQL's dialect
(``read.where`` gives the filter's conditions). Row-level security has already left out what the officer
may not see, so the counts are of what they can open.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from briefing.library.pg import read
from briefing.library.pg.parts import StoreParts
from briefing.library.query import KIND_LABELS, Query, month_label

_UNSOURCED = ("NOT EXISTS (SELECT 1 FROM contributions c WHERE c.item_id = i.id) "
              "AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.item_id = i.id)")
# An item's month: "2021-06" (from "2021-06-21"), or its year alone when that is all it is dated to.
_MONTH = "CASE WHEN length(i.date) >= 7 THEN substr(i.date, 1, 7) ELSE i.date END"


def _and(clause: str) -> str:
    return f"{clause} AND" if clause else " WHERE"


class TeamGroups(StoreParts):
    def groups(self, by: str, query: Query | None = None) -> list[tuple[Any, str, int]]:
        """(key, label, count) for each group of the items ``query`` selects; ``group_ids`` gives the members."""
        query = query or Query()
        clause, args = read.where(query)
        with self._lock:
            if by == "kind":
                counts = dict(self._conn.execute(f"SELECT i.kind, count(*) FROM items i{clause} GROUP BY i.kind",
                                                 args).fetchall())
                return [(k, label, counts[k]) for k, label in KIND_LABELS.items() if k in counts]
            if by == "source":
                return self._source_groups(clause, args)
            if by == "country":
                return self._country_groups(clause, args, (query.own_country or "").upper())
            if by in ("date", "year", "month"):
                key = "substr(i.date, 1, 4)" if by != "month" else _MONTH
                rows = self._conn.execute(
                    f"SELECT g.key, count(*) FROM (SELECT {key} AS key FROM items i{clause}) g "
                    f"GROUP BY g.key ORDER BY g.key IS NULL, g.key DESC", args).fetchall()
                label = month_label if by == "month" else (lambda k: k or "Undated")
                return [(k, label(k), n) for k, n in rows]
        raise ValueError(f"cannot group by {by!r} (source, kind, country, date, month)")

    def _source_groups(self, clause: str, args: list[Any]) -> list[tuple[Any, str, int]]:
        rows = self._conn.execute(
            f"SELECT s.id, s.title, s.path, count(DISTINCT x.item_id) FROM "
            f"(SELECT item_id, source_id FROM contributions UNION SELECT item_id, source_id FROM evidence) x "
            f"JOIN sources s ON s.id = x.source_id WHERE x.item_id IN (SELECT i.id FROM items i{clause}) "
            f"GROUP BY s.id ORDER BY s.date IS NULL, s.date DESC, s.id", args).fetchall()
        out: list[tuple[Any, str, int]] = [(r[0], r[1] or r[2], r[3]) for r in rows]
        row = self._conn.execute(f"SELECT count(*) FROM items i{_and(clause)} {_UNSOURCED}", args).fetchone()
        if row and row[0]:
            out.append((None, "No source (added by hand)", row[0]))
        return out

    def _country_groups(self, clause: str, args: list[Any], own: str) -> list[tuple[Any, str, int]]:
        """Each country the items involve (the officer's own left out), most items first."""
        counter: Counter[str] = Counter()
        none = 0
        for (codes,) in self._conn.execute(f"SELECT i.countries FROM items i{clause}", args):
            found = [c for c in (codes or "").split("|") if c and c != own]
            counter.update(found)
            none += not found
        out: list[tuple[Any, str, int]] = [
            (code, code, n) for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
        if none:
            out.append((None, "No country", none))
        return out

    def group_ids(self, by: str, key: Any, query: Query | None = None) -> list[int]:
        """The items of one group, in the list's order (newest first)."""
        query = query or Query()
        if by == "kind":
            return self.query(replace(query, kind=key))
        if by == "source" and key is not None:
            return self.query(replace(query, source_id=key))
        if by == "country" and key is not None:
            return self.query(replace(query, country=key))
        clause, args = read.where(query)
        extra: list[Any] = []
        if by == "source":
            condition = _UNSOURCED
        elif by == "country":
            condition, extra = "(i.countries = '' OR i.countries = %s)", [f"|{(query.own_country or '').upper()}|"]
        elif by in ("date", "year", "month"):
            if key is None:
                condition = "i.date IS NULL"
            elif by == "month" and len(key) == 4:
                condition, extra = "i.date = %s", [key]  # dated to the year only
            else:
                condition, extra = "substr(i.date, 1, %s) = %s", [len(key), key]
        else:
            raise ValueError(f"cannot group by {by!r} (source, kind, country, date, month)")
        with self._lock:
            return [r[0] for r in self._conn.execute(
                f"SELECT i.id FROM items i{_and(clause)} {condition}{read.ORDER}", [*args, *extra])]
