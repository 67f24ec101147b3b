"""The window's layout — geometry, docks, splitters, tree columns, grouping — kept in QSettings.

Saved a moment after each change (debounced), not only on a clean quit: a crash, a kill or a logout used to
lose the officer's column widths and splitter positions.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

SAVE_DELAY_MS = 600  # after the last drag of a splitter or column edge


def _bytes(value) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


class WindowState(QObject):
    """Restores the layout once, then saves it whenever it changes."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, detail_splitter: QSplitter, header: QHeaderView,
                 grouping=lambda: "kind"):
        super().__init__(window)
        self.window = window
        self.splitter = splitter
        self.detail_splitter = detail_splitter
        self.header = header
        self.grouping = grouping
        self.saves = 0  # how many times the layout was written (tests, and to see the debounce work)
        self._restoring = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        splitter.splitterMoved.connect(self.changed)
        detail_splitter.splitterMoved.connect(self.changed)
        header.sectionResized.connect(self.changed)
        header.sectionMoved.connect(self.changed)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Move,
                                                        QEvent.Type.WindowStateChange):
            self.changed()
        return False

    def changed(self, *_args) -> None:
        """Something in the layout moved: save it once things settle."""
        if not self._restoring:
            self._timer.start()

    def restore(self, default_size=(1400, 860), default_split=(660, 740)) -> str | None:
        """Put the saved layout back; returns the saved grouping (None when there is none)."""
        s = QSettings()
        self._restoring = True
        try:
            geometry = _bytes(s.value("window/geometry"))
            if geometry is not None:
                self.window.restoreGeometry(geometry)
            else:
                self.window.resize(*default_size)
            state = _bytes(s.value("window/state"))
            if state is not None:
                self.window.restoreState(state)
            splitter = _bytes(s.value("window/splitter"))
            if splitter is not None:
                self.splitter.restoreState(splitter)
            else:
                self.splitter.setSizes(list(default_split))
            header = _bytes(s.value("window/header"))
            if header is not None:
                self.header.restoreState(header)
            detail = _bytes(s.value("window/detail_splitter"))
            if detail is not None:
                self.detail_splitter.restoreState(detail)
            grouping = s.value("tree/grouping")
        finally:
            self._restoring = False
        return grouping if isinstance(grouping, str) else None

    def save(self) -> None:
        self._timer.stop()
        s = QSettings()
        s.setValue("window/geometry", self.window.saveGeometry())
        s.setValue("window/state", self.window.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/header", self.header.saveState())
        s.setValue("window/detail_splitter", self.detail_splitter.saveState())
        s.setValue("tree/grouping", self.grouping())
        s.sync()
        self.saves += 1
