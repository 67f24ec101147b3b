"""The library tree view: Space ticks the selected rows for the brief, Delete deletes them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from ui.tree_model import COL_COUNTERPART, COL_DATE, COL_PUBLISHER, COL_STATUS, COL_TITLE, COL_TYPE

DEFAULT_WIDTHS = {COL_DATE: 100, COL_TYPE: 96, COL_STATUS: 84, COL_COUNTERPART: 110, COL_PUBLISHER: 150}


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

    def setModel(self, model) -> None:  # noqa: N802 - Qt
        super().setModel(model)
        self.set_column_modes()
        for column, width in DEFAULT_WIDTHS.items():
            self.header().resizeSection(column, width)

    def set_column_modes(self) -> None:
        """The Title column takes the room the others leave: widen the pane and the titles show more.
        (Called again after a saved header state is restored, which brings its own modes back.)"""
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggleRequested.emit()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)
