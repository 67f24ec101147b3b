"""Files an import could not take, each with its reason; the library is left as it was for them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class FailuresPanel(QWidget):
    """A two-column list (file, reason). A flat list widget is right here: a handful of rows, no library data."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.clear_button = QPushButton("Clear", toolTip="Empty this list")
        top.addWidget(self.summary, 1)
        top.addWidget(self.clear_button)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["File", "Reason", "Folder"])
        self.list.setAlternatingRowColors(True)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.setToolTip("These files were not imported; nothing in the library was changed for them")
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.clear_button.clicked.connect(self.clear)
        self._update()

    def add(self, path: str, reason: str) -> None:
        p = Path(path)
        row = QTreeWidgetItem([p.name, reason, str(p.parent)])
        row.setToolTip(0, path)
        row.setToolTip(1, reason)
        row.setData(0, Qt.ItemDataRole.UserRole, path)
        self.list.addTopLevelItem(row)
        self._update()

    def failures(self) -> list[tuple[str, str]]:
        out = []
        for n in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(n)
            out.append((row.data(0, Qt.ItemDataRole.UserRole), row.text(1)))
        return out

    def clear(self) -> None:
        self.list.clear()
        self._update()

    def _update(self) -> None:
        n = self.list.topLevelItemCount()
        self.summary.setText(f"{n} file{'s' if n != 1 else ''} could not be imported" if n else "No failed imports")
