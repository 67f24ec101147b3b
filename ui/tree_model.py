"""The library as a tree: a thin, lazy Qt adapter over the library's groups and queries.

Only ids are held: a group knows its sub-groups or the ids of its items, and
rows are fetched from the library by the page (``lib.rows``) into a small LRU
cache when a view asks for them. A group with thousands of items exposes its
first page and grows through ``canFetchMore``/``fetchMore`` as the view
scrolls, so a 20,000-item library paints as fast as a 20-item one.

Library changes arrive as ``Change`` values; the model re-asks the library for
the groups and ids it has already shown and turns the difference into
row insertions, removals and ``dataChanged`` — the view keeps its expanded
groups, selection and scroll position through imports, edits and undo.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from briefing.library import Query
from ui import qt_fixes  # noqa: F401 - before Qt calls back into Python (see qt_fixes)
from ui.countries import country_name
from ui.format import format_date, item_tooltip

ItemIdRole = Qt.ItemDataRole.UserRole + 1  # int item id (None on group rows)
KindRole = Qt.ItemDataRole.UserRole + 2  # item kind, or "group"
ItemRole = Qt.ItemDataRole.UserRole + 3  # the ItemRow (domain object) of an item row
GroupKeyRole = Qt.ItemDataRole.UserRole + 4  # (by, key) of a group row
SourceIdRole = Qt.ItemDataRole.UserRole + 5  # the source id of a "by source" group row

GROUPINGS = {
    # grouping -> the levels of groups above the items
    "kind": ("kind",),
    "source": ("source", "kind"),
    "country": ("country",),
    "date": ("date", "month"),
}
GROUPING_LABELS = {
    "kind": "Kind",
    "source": "Source",
    "country": "Counterpart country",
    "date": "Date",
}
COLUMNS = ("Title", "Date", "Type", "Status", "Counterpart", "Publisher")
COL_TITLE, COL_DATE, COL_TYPE, COL_STATUS, COL_COUNTERPART, COL_PUBLISHER = range(len(COLUMNS))
SOURCE_LABEL_CHARS = 90  # a source group's title is cut here, so its item count stays in sight

_F = Qt.ItemFlag
_NO_FLAGS = _F.NoItemFlags
_FLAGS = {
    # (item row?, check box?) -> flags
    (True, True): _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemNeverHasChildren | _F.ItemIsUserCheckable,
    (True, False): _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemNeverHasChildren,
    (False, True): _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsUserCheckable | _F.ItemIsAutoTristate,
    (False, False): _F.ItemIsEnabled | _F.ItemIsSelectable,
}
_R = Qt.ItemDataRole
# the roles this model answers; the view asks for many more on every paint
_ROLES = frozenset(int(r.value) if hasattr(r, "value") else int(r) for r in (
    _R.DisplayRole, _R.CheckStateRole, _R.ToolTipRole, _R.FontRole, _R.ForegroundRole,
    _R.UserRole + 1, _R.UserRole + 2, _R.UserRole + 3, _R.UserRole + 4, _R.UserRole + 5))

_DISPLAY, _FONT, _FOREGROUND = 0, 6, 9  # Qt.ItemDataRole values, compared as plain ints on the hot path

PAGE = 100  # rows exposed per fetchMore (the view lays out every exposed row of an open group)
ROW_BATCH = 100  # rows asked of the library at once
ROW_CACHE = 2000  # ItemRows kept


def restrict(q: Query, by: str, key) -> Query:
    """The query of a group: its parent's query narrowed to the group's key."""
    if by == "kind":
        return replace(q, kind=key)
    if by == "source":
        return replace(q, source_id=key)
    if by == "country":
        return replace(q, country=key)
    if by in ("date", "month"):
        if not key:
            return q
        # the stricter bound wins; a shorter date covers its whole year or month
        since = max(filter(None, (q.since, key)), key=lambda d: d + "-00-00"[len(d) - 4:])
        until = min(filter(None, (q.until, key)), key=lambda d: d + "-99-99"[len(d) - 4:])
        return replace(q, since=since, until=until)
    return q


class _Node:
    """A group row. Either ``groups`` (sub-groups) or ``ids`` (items) once loaded."""

    __slots__ = ("parent", "by", "key", "label", "count", "query", "level", "groups", "ids", "shown",
                 "ref", "_pos", "_all", "_check")

    def __init__(self, parent, by, key, label, count, query, level):
        self.parent: _Node | None = parent
        self.by = by
        self.key = key
        self.label = label
        self.count = count
        self.query: Query = query
        self.level = level
        self.groups: list[_Node] | None = None
        self.ids: list[int] | None = None
        self.shown = 0  # items exposed to the view (a prefix of ids)
        self.ref = _ItemRef(self)  # the internal pointer of this group's item rows (kept alive here)
        self._pos: dict[int, int] | None = None
        self._all: frozenset[int] | None = None  # every item id under this group (for the check state)
        self._check = None

    def row(self) -> int:
        siblings = self.parent.groups if self.parent is not None else None
        return siblings.index(self) if siblings else 0

    def pos(self, item_id: int) -> int | None:
        if self.ids is None:
            return None
        if self._pos is None:
            self._pos = {i: n for n, i in enumerate(self.ids)}
        return self._pos.get(item_id)

    def forget_ids(self) -> None:
        self._pos = None
        self._all = None
        self._check = None


class LibraryTreeModel(QAbstractItemModel):
    """Groups and items of the library, grouped by one of ``GROUPINGS``, narrowed by a ``Query``."""

    countChanged = Signal(int)  # items matching the filter
    pickedChanged = Signal(int)  # items in the current brief

    def __init__(self, library, parent=None, *, own_country: str | None = None):
        super().__init__(parent)
        self.library = library
        self.grouping = "kind"
        self.own_country = own_country
        self.base_query = Query()
        self.brief_id: int | None = None
        self.picked: set[int] = set()
        self.rows_fetched = 0  # ItemRows asked of the library: the laziness test reads it
        self.total = 0
        self._cache: OrderedDict[int, object] = OrderedDict()
        self._texts: dict[int, tuple[str, ...]] = {}  # display texts of the cached rows
        self._sources_read: dict[int, object] | None = None  # read when first needed (see _sources)
        self._root = _Node(None, None, None, "", 0, Query(), -1)
        self._unsubscribe = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._muted = QBrush(QColor("#6b6b6b"))
        self._warn = QBrush(QColor("#a15c00"))
        self._reload_root(reset=True)
        if library is not None:
            self._unsubscribe = library.subscribe(self._on_change)

    # -- configuration ---------------------------------------------------------------------------
    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def query(self) -> Query:
        return replace(self.base_query, own_country=self.own_country)

    def set_grouping(self, grouping: str) -> None:
        if grouping not in GROUPINGS or grouping == self.grouping:
            return
        self.grouping = grouping
        self._reload_root(reset=True)

    def set_query(self, q: Query) -> None:
        self.base_query = q
        self._reload_root(reset=True)

    def set_own_country(self, code: str | None) -> None:
        self.own_country = code
        self._texts.clear()
        self._reload_root(reset=True)

    def set_brief(self, brief_id: int | None) -> None:
        self.brief_id = brief_id
        self._reload_picks()

    def set_library(self, library) -> None:
        self.close()
        self.library = library
        self._cache.clear()
        self._texts.clear()
        self.brief_id = None
        self.picked = set()
        self._reload_root(reset=True)
        if library is not None:
            self._unsubscribe = library.subscribe(self._on_change)

    # -- loading -----------------------------------------------------------------------------------
    def _levels(self) -> tuple[str, ...]:
        return GROUPINGS[self.grouping]

    def _group_list(self, by: str, q: Query, top: bool) -> list[tuple]:
        """(key, label, count) of the groups to show; sources without items are listed too (not analysed)."""
        fresh = [(k, lab, c) for k, lab, c in self.library.groups(by, q) if c]
        if by == "source" and top and q == self.query() and self.base_query == Query():
            shown = {k for k, _l, _c in fresh}
            empty = [(s.id, s.title or s.path, 0) for s in self._sources.values() if s.id not in shown]
            no_source = [g for g in fresh if g[0] is None]
            fresh = [g for g in fresh if g[0] is not None] + empty + no_source
        return fresh

    def _load_groups(self, node: _Node) -> list[_Node]:
        level = node.level + 1
        by = self._levels()[level]
        q = node.query if node.parent is not None else self.query()
        return [_Node(node, by, key, label, count, restrict(q, by, key), level)
                for key, label, count in self._group_list(by, q, node.parent is None)]

    def _is_leaf_group(self, node: _Node) -> bool:
        # a group without a key ("No source", "Undated") cannot be narrowed further: it holds items
        return node.level == len(self._levels()) - 1 or node.key is None

    def _load_ids(self, node: _Node) -> list[int]:
        return list(self.library.group_ids(node.by, node.key, node.parent.query))

    def _reload_root(self, reset: bool) -> None:
        if reset:
            self.beginResetModel()
        self._root = _Node(None, None, None, "", 0, self.query(), -1)
        self._sources_read = None
        if self.library is not None:
            self._root.groups = self._load_groups(self._root)
            self.total = self.library.count(self.query())
        else:
            self._root.groups = []
            self.total = 0
        if reset:
            self.endResetModel()
        self.countChanged.emit(self.total)
        self._reload_picks(emit=False)

    def _reload_picks(self, emit: bool = True) -> None:
        lib = self.library
        if lib is not None and self.brief_id is not None:
            try:
                self.picked = set(lib.picked_ids(self.brief_id))
            except Exception:  # noqa: BLE001 - the brief is gone (deleted, undone): nothing picked
                self.picked = set()
        else:
            self.picked = set()
        self._forget_checks(self._root)
        if emit:
            self._emit_all_changed(self._root, roles=[Qt.ItemDataRole.CheckStateRole])
        self.pickedChanged.emit(len(self.picked))

    def _forget_checks(self, node: _Node) -> None:
        node._check = None
        for child in node.groups or ():
            self._forget_checks(child)

    def all_ids(self, node: _Node) -> frozenset[int]:
        """Every item under a group (not only the rows exposed yet)."""
        if node._all is None:
            if node.ids is not None:
                node._all = frozenset(node.ids)
            elif node.parent is None:
                node._all = frozenset(self.library.query(self.query()))
            else:
                node._all = frozenset(self._load_ids(node))
        return node._all

    # -- rows ----------------------------------------------------------------------------------------
    def row_for(self, item_id: int):
        """The ItemRow of an item; misses fetch a batch of its neighbours in one call."""
        row = self._cache.get(item_id)
        if row is not None:
            self._cache.move_to_end(item_id)
        return row

    def _fetch_rows(self, node: _Node, position: int):
        ids = node.ids
        start = max(0, position - ROW_BATCH // 4)
        batch = [i for i in ids[start:start + ROW_BATCH] if i not in self._cache]
        if node.ids[position] not in batch and node.ids[position] not in self._cache:
            batch.append(node.ids[position])
        if batch:
            rows = self.library.rows(batch)
            self.rows_fetched += len(rows)
            for row in rows:
                self._cache[row.id] = row
            while len(self._cache) > ROW_CACHE:
                old, _row = self._cache.popitem(last=False)
                self._texts.pop(old, None)
        return self._cache.get(ids[position])

    # -- Qt model API -------------------------------------------------------------------------------
    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or column < 0 or column >= len(COLUMNS):
            return QModelIndex()
        if parent.isValid():
            pnode = parent.internalPointer()
            if isinstance(pnode, _ItemRef):
                return QModelIndex()
            if pnode.groups is not None:
                if row < len(pnode.groups):
                    return self.createIndex(row, column, pnode.groups[row])
                return QModelIndex()
            if pnode.ids is not None and row < pnode.shown:
                return self.createIndex(row, column, pnode.ref)
            return QModelIndex()
        groups = self._root.groups or []
        if row < len(groups):
            return self.createIndex(row, column, groups[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        ptr = index.internalPointer()
        if isinstance(ptr, _ItemRef):
            node = ptr.node
            return self.createIndex(node.row(), 0, node)
        node = ptr.parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._root.groups or [])
        ptr = parent.internalPointer()
        if isinstance(ptr, _ItemRef):
            return 0
        if ptr.groups is not None:
            return len(ptr.groups)
        return ptr.shown

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._root.groups)
        ptr = parent.internalPointer()
        if isinstance(ptr, _ItemRef) or parent.column() > 0:
            return False
        return ptr.count > 0

    def canFetchMore(self, parent: QModelIndex) -> bool:
        if not parent.isValid():
            return False
        ptr = parent.internalPointer()
        if isinstance(ptr, _ItemRef):
            return False
        if self._is_leaf_group(ptr):
            return ptr.ids is None or ptr.shown < len(ptr.ids)
        return ptr.groups is None

    def fetchMore(self, parent: QModelIndex) -> None:
        if not parent.isValid():
            return
        node = parent.internalPointer()
        if isinstance(node, _ItemRef):
            return
        if not self._is_leaf_group(node):
            if node.groups is None:
                groups = self._load_groups(node)
                if groups:
                    self.beginInsertRows(parent, 0, len(groups) - 1)
                    node.groups = groups
                    self.endInsertRows()
                else:
                    node.groups = []
            return
        if node.ids is None:
            node.ids = self._load_ids(node)
            node.forget_ids()
        more = min(PAGE, len(node.ids) - node.shown)
        if more > 0:
            self.beginInsertRows(parent, node.shown, node.shown + more - 1)
            node.shown += more
            self.endInsertRows()

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # flags are asked for every painted cell: the combinations are computed once (enum arithmetic is slow)
        if not index.isValid():
            return _NO_FLAGS
        item = isinstance(index.internalPointer(), _ItemRef)
        checkable = index.column() == COL_TITLE and self.brief_id is not None
        return _FLAGS[item, checkable]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                COL_TITLE: "What the item is; the box adds it to the current brief",
                COL_DATE: "When (as precise as the source says)",
                COL_TYPE: "Event type, agreement kind, figure unit",
                COL_STATUS: "Held / planned, signed / proposed …",
                COL_COUNTERPART: "Countries involved other than your own",
            }.get(section)
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        ptr = index.internalPointer()
        if isinstance(ptr, _ItemRef):
            return self._item_data(ptr.node, index.row(), index.column(), role)
        return self._group_data(ptr, index.column(), role)

    def _item_data(self, node: _Node, position: int, column: int, role: int):
        if node.ids is None or position >= len(node.ids):
            return None
        item_id = node.ids[position]
        if role == ItemIdRole:
            return item_id
        if role == Qt.ItemDataRole.CheckStateRole:
            if column != COL_TITLE or self.brief_id is None:
                return None
            return Qt.CheckState.Checked if item_id in self.picked else Qt.CheckState.Unchecked
        if role == _DISPLAY:  # the hot path: texts made once per row and kept beside it
            texts = self._texts.get(item_id)
            if texts is None:
                row = self.row_for(item_id) or self._fetch_rows(node, position)
                if row is None:
                    return None
                texts = self._texts[item_id] = (
                    ("✎ " if row.edited else "") + (row.label or f"({row.kind})"), format_date(row.date),
                    row.type or "", row.status or "", self.counterpart(row.countries), row.source_ids)
            if column == COL_PUBLISHER:  # only asked for when the column shows (grouped by source)
                return self.publishers(texts[COL_PUBLISHER])
            return texts[column]
        if (role == _FONT and column != COL_TITLE) or (role == _FOREGROUND and column != COL_DATE):
            return None
        row = self.row_for(item_id) or self._fetch_rows(node, position)
        if row is None:
            return None
        if role == KindRole:
            return row.kind
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_tooltip(row, self.counterpart(row.countries))
        if role == Qt.ItemDataRole.FontRole and column == COL_TITLE and row.edited:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_DATE and not row.date:
            return self._muted
        return None

    @property
    def _sources(self) -> dict:
        """The library's sources by id, read at the first need after a change (50 ms for 2,000): the source
        groups and the Publisher column use them; the tree grouped by kind never asks."""
        if self._sources_read is None:
            self._sources_read = {s.id: s for s in self.library.sources()} if self.library is not None else {}
        return self._sources_read

    def publishers(self, source_ids) -> str:
        """Who published an item's sources: "Ministry of Foreign Affairs", "Reuters +2"."""
        names = list(dict.fromkeys(self._sources[i].publisher for i in source_ids
                                   if i in self._sources and self._sources[i].publisher))
        if not names:
            return ""
        return names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")

    def counterpart(self, countries) -> str:
        own = self.own_country
        return ", ".join(country_name(c) for c in countries if c and c != own)

    def _group_data(self, node: _Node, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return f"{self._group_label(node)}  ({node.count})"
            if node.by == "source" and node.key in self._sources:
                src = self._sources[node.key]
                if column == COL_DATE:
                    return format_date(src.date)
                if column == COL_PUBLISHER:
                    return src.publisher or ""
                if column == COL_STATUS:
                    return "not analysed" if not src.analysed else (src.marking if src.marking != "UNCLASSIFIED" else "")
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_TITLE and self.brief_id is not None:
            if node._check is None:
                ids = self.all_ids(node)
                picked = sum(1 for i in ids if i in self.picked) if len(ids) < len(self.picked) * 4 + 64 \
                    else len(ids & self.picked)
                node._check = (Qt.CheckState.Unchecked if picked == 0 else
                               Qt.CheckState.Checked if picked == len(ids) else Qt.CheckState.PartiallyChecked)
            return node._check
        if role == Qt.ItemDataRole.FontRole and column == COL_TITLE:
            return self._bold
        if role == KindRole:
            return "group"
        if role == GroupKeyRole:
            return (node.by, node.key)
        if role == SourceIdRole and node.by == "source":
            return node.key
        if role == Qt.ItemDataRole.ForegroundRole and node.by == "source" and column == COL_STATUS:
            src = self._sources.get(node.key)
            if src is not None and not src.analysed:
                return self._warn
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.by == "source" and node.key in self._sources:
                src = self._sources[node.key]
                tip = f"{src.title or src.path}\n{src.path}"
                if not src.analysed:
                    tip += f"\n⚠ {src.note or 'not analysed'}: items must be added by hand"
                return tip
            return f"{self._group_label(node)}: {node.count} item(s)"
        return None

    def _group_label(self, node: _Node) -> str:
        if node.by == "country":
            return country_name(node.key) if node.key else (node.label or "No country")
        label = node.label or "—"
        if node.by == "source" and len(label) > SOURCE_LABEL_CHARS:
            label = label[:SOURCE_LABEL_CHARS - 1].rstrip() + "…"
        if node.by == "source" and node.key in self._sources and not self._sources[node.key].analysed:
            return f"⚠ {label}"
        return label

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self.brief_id is None:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        ptr = index.internalPointer()
        ids = [ptr.node.ids[index.row()]] if isinstance(ptr, _ItemRef) else list(self.all_ids(ptr))
        if isinstance(ptr, _Node) and ptr._check == Qt.CheckState.Checked:
            state = Qt.CheckState.Unchecked  # a full group toggles off (Qt would ask PartiallyChecked)
        self.set_picked(ids, state != Qt.CheckState.Unchecked)
        return True

    def set_picked(self, ids, picked: bool) -> None:
        """Add items to / remove them from the current brief (one undoable step)."""
        if self.brief_id is None or not ids:
            return
        self.library.set_picked(self.brief_id, list(ids), picked)
        # the library announces "picks": _on_change refreshes the check boxes

    # -- lookups for the window ------------------------------------------------------------------------
    def item_id(self, index: QModelIndex) -> int | None:
        if index.isValid() and isinstance(index.internalPointer(), _ItemRef):
            node = index.internalPointer().node
            return node.ids[index.row()] if node.ids and index.row() < len(node.ids) else None
        return None

    def is_group(self, index: QModelIndex) -> bool:
        return index.isValid() and isinstance(index.internalPointer(), _Node)

    def group_item_ids(self, index: QModelIndex) -> list[int]:
        if self.is_group(index):
            return list(self.all_ids(index.internalPointer()))
        return []

    def find_item(self, item_id: int) -> QModelIndex:
        """The first row of an item, loading the groups and pages on its way (for 'select what I added')."""
        return self._find(self._root, QModelIndex(), item_id)

    def _find(self, node: _Node, parent: QModelIndex, item_id: int) -> QModelIndex:
        if node is not self._root and item_id not in self.all_ids(node):
            return QModelIndex()
        if node is not self._root and self._is_leaf_group(node):
            if node.ids is None:
                self.fetchMore(parent)
            pos = node.pos(item_id)
            if pos is None:
                return QModelIndex()
            while node.shown <= pos:
                self.fetchMore(parent)
            return self.index(pos, 0, parent)
        if node.groups is None:
            self.fetchMore(parent)
        for row, child in enumerate(node.groups or []):
            found = self._find(child, self.index(row, 0, parent), item_id)
            if found.isValid():
                return found
        return QModelIndex()

    # -- library changes ------------------------------------------------------------------------------
    def _on_change(self, change) -> None:
        what = change.what
        if what in ("picks", "briefs"):
            self._reload_picks()
            return
        ids = change.ids or ()
        if what == "sources-changed":  # a source's publisher or title: the rows' texts, not the items
            ids = ()
            self._texts.clear()
        if what == "reset":
            self._cache.clear()
            self._texts.clear()
        for item_id in ids:
            self._cache.pop(item_id, None)
            self._texts.pop(item_id, None)
        if what in ("sources-added", "sources-removed", "sources-changed", "reset") or self.grouping == "source":
            self._sources_read = None
        self.refresh()
        if what in ("reset", "sources-changed"):  # anything may have changed: repaint every row
            self._reload_picks(emit=False)
            self._emit_all_changed(self._root, roles=[])
        elif what in ("items-removed", "sources-removed"):
            self._reload_picks()
        elif ids:
            self._emit_items_changed(self._root, set(ids))

    def forget_rows(self) -> None:
        """Drop the cached rows (another connection may have changed them); shown rows are fetched again."""
        self._cache.clear()
        self._texts.clear()

    def refresh_sources(self) -> None:
        """Re-read the sources (titles, "not analysed" flags) the source groups show."""
        self._sources_read = None

    def refresh(self) -> None:
        """Bring the shown groups and rows in line with the library, keeping what the view has open."""
        self._sync_groups(self._root, QModelIndex(), self.query())
        self.total = self.library.count(self.query())
        self.countChanged.emit(self.total)

    def _sync_groups(self, node: _Node, parent: QModelIndex, q: Query) -> None:
        node.forget_ids()
        if node.groups is None:
            return
        level = node.level + 1
        by = self._levels()[level]
        fresh = self._group_list(by, q, node.parent is None)
        keys = [k for k, _l, _c in fresh]
        keyset = set(keys)
        # removals, last first so rows stay valid
        for row in range(len(node.groups) - 1, -1, -1):
            if node.groups[row].key not in keyset:
                self.beginRemoveRows(parent, row, row)
                del node.groups[row]
                self.endRemoveRows()
        # insertions in the library's order (kept groups keep their relative order)
        for target, (key, label, count) in enumerate(fresh):
            current = node.groups[target] if target < len(node.groups) else None
            if current is not None and current.key == key:
                continue
            existing = next((n for n in node.groups if n.key == key), None)
            if existing is not None:  # moved: take it out and put it back in its place
                old = node.groups.index(existing)
                if self.beginMoveRows(parent, old, old, parent, target if target < old else target + 1):
                    node.groups.insert(target, node.groups.pop(old))
                    self.endMoveRows()
                continue
            self.beginInsertRows(parent, target, target)
            node.groups.insert(target, _Node(node, by, key, label, count, restrict(q, by, key), level))
            self.endInsertRows()
        for row, (child, (_key, label, count)) in enumerate(zip(node.groups, fresh, strict=True)):
            changed = child.count != count or child.label != label
            child.count, child.label = count, label
            child.query = restrict(q, by, child.key)
            index = self.index(row, 0, parent)
            if self._is_leaf_group(child):
                self._sync_ids(child, index, q)
            else:
                self._sync_groups(child, index, child.query)
            if changed:
                self.dataChanged.emit(index, self.index(row, len(COLUMNS) - 1, parent))

    def _sync_ids(self, node: _Node, parent: QModelIndex, parent_query: Query) -> None:
        node.forget_ids()
        if node.ids is None:
            return
        new_ids = list(self.library.group_ids(node.by, node.key, parent_query))
        shown = node.ids[: node.shown]
        if new_ids[: len(shown)] == shown:
            node.ids = new_ids
            node.forget_ids()
            return
        new_set = set(new_ids)
        hidden = node.ids[node.shown:]
        row = len(shown) - 1
        while row >= 0:
            if shown[row] in new_set:
                row -= 1
                continue
            end = row
            while row > 0 and shown[row - 1] not in new_set:
                row -= 1
            self.beginRemoveRows(parent, row, end)  # one block of neighbours at a time
            del shown[row:end + 1]
            node.ids = shown + hidden
            node.shown = len(shown)
            node.forget_ids()
            self.endRemoveRows()
            row -= 1
        # what is left must appear in the same order in new_ids, else start the group over
        where = {i: n for n, i in enumerate(new_ids)}
        positions = [where[i] for i in shown]
        if positions != sorted(positions):
            if node.shown:
                self.beginRemoveRows(parent, 0, node.shown - 1)
                node.shown = 0
                node.ids = []
                self.endRemoveRows()
            node.ids = new_ids
            node.forget_ids()
            more = min(PAGE, len(new_ids))
            if more:
                self.beginInsertRows(parent, 0, more - 1)
                node.shown = more
                self.endInsertRows()
            return
        target_len = max(positions[-1] + 1 if positions else 0, min(len(new_ids), max(len(shown), 1)))
        target = new_ids[:target_len]
        keep = set(shown)
        current = list(shown)
        for pos, item_id in enumerate(target):
            if item_id in keep:
                continue
            self.beginInsertRows(parent, pos, pos)
            current.insert(pos, item_id)
            node.ids = current + new_ids[target_len:]
            node.shown = len(current)
            node.forget_ids()
            self.endInsertRows()
        node.ids = new_ids
        node.shown = target_len
        node.forget_ids()

    def _emit_items_changed(self, node: _Node, ids: set[int]) -> None:
        for child in node.groups or ():
            self._emit_items_changed(child, ids)
        if node.ids is not None and node.shown:
            parent = self._index_of(node)
            for item_id in ids:
                pos = node.pos(item_id)
                if pos is not None and pos < node.shown:
                    self.dataChanged.emit(self.index(pos, 0, parent), self.index(pos, len(COLUMNS) - 1, parent))

    def _emit_all_changed(self, node: _Node, roles) -> None:
        parent = self._index_of(node)
        count = len(node.groups) if node.groups is not None else node.shown
        if count:
            last_column = 0 if roles else len(COLUMNS) - 1  # only the ticks, or everything
            self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, last_column, parent), roles)
        for child in node.groups or ():
            self._emit_all_changed(child, roles)

    def _index_of(self, node: _Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def persistent(self, index: QModelIndex) -> QPersistentModelIndex:
        return QPersistentModelIndex(index)


class _ItemRef:
    """The internal pointer of an item row: the group it sits in (one shared object per group)."""

    __slots__ = ("node",)

    def __init__(self, node: _Node):
        self.node = node

