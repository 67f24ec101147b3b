"""The library tree view: Space ticks the selected rows for the brief, Delete deletes them."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QStyledItemDelegate, QTreeView

from ui.tree_model import COL_COUNTERPART, COL_DATE, COL_PUBLISHER, COL_STATUS, COL_TITLE, COL_TYPE, KindRole

DEFAULT_WIDTHS = {COL_DATE: 92, COL_TYPE: 92, COL_STATUS: 84, COL_COUNTERPART: 100, COL_PUBLISHER: 150}
TITLE_MIN = 220  # below this the Title column stops shrinking and the tree scrolls sideways instead
_COUNT = re.compile(r"(.*?)(\s+\(\d+\))$", re.DOTALL)


class TitleDelegate(QStyledItemDelegate):
    """A group's title is cut before its item count, so "(12)" always shows however long the title."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt
        super().initStyleOption(option, index)
        if index.column() != COL_TITLE or index.data(KindRole) != "group":
            return
        found = _COUNT.match(option.text or "")
        if found is None:
            return
        label, count = found.groups()
        style = option.widget.style() if option.widget is not None else QApplication.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget).width()
        metrics = option.fontMetrics
        room -= metrics.horizontalAdvance(count) + metrics.horizontalAdvance(" ")
        option.text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(room, 0)) + count


class LibraryTree(QTreeView):
    toggleRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUniformRowHeights(True)  # lets a view of thousands of rows lay out in no time
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header().setSectionsMovable(True)
        self.setItemDelegateForColumn(COL_TITLE, TitleDelegate(self))
        self.header().sectionResized.connect(self._on_section_resized)

    def setModel(self, model) -> None:  # noqa: N802 - Qt
        super().setModel(model)
        self.set_column_modes()
        for column, width in DEFAULT_WIDTHS.items():
            self.header().resizeSection(column, width)

    def set_column_modes(self) -> None:
        """Every column keeps the width it is given except Title, which takes the room the others leave
        (never less than TITLE_MIN): widen the pane and the titles show more. Called again after a saved
        header state is restored, which brings its own modes back."""
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.fit_title()

    def fit_title(self) -> None:
        header = self.header()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != COL_TITLE and not header.isSectionHidden(c))
        width = max(TITLE_MIN, self.viewport().width() - others)
        if header.sectionSize(COL_TITLE) != width:
            header.resizeSection(COL_TITLE, width)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != COL_TITLE:  # another column widened or narrowed: Title gives or takes the difference
            self.fit_title()

    def setColumnHidden(self, column: int, hide: bool) -> None:  # noqa: N802 - Qt
        super().setColumnHidden(column, hide)
        self.fit_title()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt
        super().resizeEvent(event)
        self.fit_title()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggleRequested.emit()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)
