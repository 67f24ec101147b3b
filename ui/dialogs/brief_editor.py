"""The brief editor: the brief's lines in order (drag to reorder), each line's wording for this brief,
and the brief's purpose and key points.

Lines are shown exactly as the templates will print them (briefing.brief.context
builds them), with their citations. Changing a line's wording changes it for this
brief only (library.set_line_wording); the item keeps its own. Every change is one
undoable library step, so Edit > Undo covers the editor too.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing.brief.context import build_context
from briefing.settings import Settings

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the line dict (see templates/README.md)
_MIME = "application/x-briefing-line"
_KIND_LABEL = {"event": "Event", "agreement": "Agreement", "figure": "Figure", "topic": "Area", "person": "Person",
               "note": "Note"}


class BriefLinesModel(QAbstractListModel):
    """The brief's lines as built for the templates; drag and drop moves a line (library.move_line)."""

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.brief_id: int | None = None
        self.lines: list[dict] = []
        self.context: dict = {}

    def load(self, brief_id: int | None) -> None:
        self.beginResetModel()
        self.brief_id = brief_id
        if brief_id is None or self.library is None:
            self.context, self.lines = {}, []
        else:
            self.context = build_context(self.library, brief_id, own_country=Settings.load().own_country or "")
            self.lines = self.context["lines"]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cite = f"  {line['cite']}" if line["cite"] else ""
            return f"{index.row() + 1}. {_KIND_LABEL.get(line['kind'], line['kind'])}: {line['text']}{cite}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"Section: {line['section'].replace('_', ' ')}"
            if line["edited"]:
                tip += f"\nThis brief's wording; the item says: {line['generated']}"
            return tip
        if role == Qt.ItemDataRole.FontRole and line["edited"]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == LINE_ROLE:
            return line
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [_MIME]

    def mimeData(self, indexes):
        mime = QMimeData()
        ids = [str(self.lines[i.row()]["id"]) for i in indexes if i.isValid()]
        mime.setData(_MIME, ",".join(ids[:1]).encode())
        return mime

    def dropMimeData(self, data, action, row, column, parent):
        if action != Qt.DropAction.MoveAction or not data.hasFormat(_MIME) or self.brief_id is None:
            return False
        item_id = int(bytes(data.data(_MIME)).decode() or 0)
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.lines)
        self.move(item_id, row)
        return False  # moved by the library (its notice reloads the model): Qt must not remove the source row

    def moveRows(self, source_parent, source_row, count, destination_parent, destination_row):  # noqa: N802 - Qt
        """QListView's internal move asks for this first; the library does the move and announces it."""
        if count != 1 or source_parent.isValid() or not 0 <= source_row < len(self.lines):
            return False
        self.move(self.lines[source_row]["id"], destination_row)
        return True

    def move(self, item_id: int, row: int) -> bool:
        """Move the line for ``item_id`` to sit before ``row`` (a drop position, 0..len)."""
        old = next((i for i, ln in enumerate(self.lines) if ln["id"] == item_id), None)
        if old is None:
            return False
        new = row - 1 if row > old else row
        if new == old:
            return False
        self.library.move_line(self.brief_id, item_id, new)
        return True


class _Relay(QObject):
    """Carries library change notices to the GUI thread (the library may announce from a worker)."""

    changed = Signal(object)


class BriefEditor(QWidget):
    """Edit one brief: line order, line wording, purpose and key points."""

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.brief_id: int | None = None
        self._unsubscribe = None
        self._relay = _Relay(self)
        self._relay.changed.connect(self._on_change)

        self.model = BriefLinesModel(library, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._line_selected)

        self.up = QPushButton("Move &up", toolTip="Move the line up (or drag it)")
        self.down = QPushButton("Move &down", toolTip="Move the line down (or drag it)")
        self.up.clicked.connect(lambda: self._step(-1))
        self.down.clicked.connect(lambda: self._step(+1))
        moves = QHBoxLayout()
        self.count = QLabel()
        moves.addWidget(self.count, 1)
        moves.addWidget(self.up)
        moves.addWidget(self.down)

        self.wording = QPlainTextEdit(placeholderText="Select a line to change its wording for this brief")
        self.wording.setMaximumHeight(90)
        self.item_says = QLabel(wordWrap=True)
        self.item_says.setStyleSheet("color: palette(mid);")
        self.apply = QPushButton("&Apply wording", toolTip="Use this wording in this brief (the item is unchanged)")
        self.reset = QPushButton("&Reset to the item's wording")
        self.apply.clicked.connect(self.apply_wording)
        self.reset.clicked.connect(self.reset_wording)
        wording_buttons = QHBoxLayout()
        wording_buttons.addStretch(1)
        wording_buttons.addWidget(self.reset)
        wording_buttons.addWidget(self.apply)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<b>Lines</b> (in the order the brief prints them; drag to reorder)"))
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(moves)
        top_layout.addWidget(QLabel("Wording in this brief:"))
        top_layout.addWidget(self.wording)
        top_layout.addWidget(self.item_says)
        top_layout.addLayout(wording_buttons)

        self.purpose = QPlainTextEdit(placeholderText="Why the reader needs this brief")
        self.key_points = QPlainTextEdit(placeholderText="One key point per line")
        self.purpose.setMaximumHeight(80)
        bottom = QWidget()
        form = QFormLayout(bottom)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Purpose:", self.purpose)
        form.addRow("&Key points:", self.key_points)
        self.prefilled = QLabel(wordWrap=True)
        self.prefilled.setStyleSheet("color: palette(mid);")
        form.addRow("", self.prefilled)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([500, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        # Text fields save shortly after typing stops: one undoable step per pause, not per keystroke.
        self._save_timer = QTimer(self, singleShot=True, interval=800)
        self._save_timer.timeout.connect(self.save_text)
        self.purpose.textChanged.connect(self._text_edited)
        self.key_points.textChanged.connect(self._text_edited)
        self._loading = False
        self._set_enabled(False)

    # ------------------------------------------------------------------ brief in hand
    def set_library(self, library) -> None:
        self.save_text()
        self._unsubscribe_now()
        self.library = library
        self.model.library = library
        self.set_brief(None)

    def set_brief(self, brief_id: int | None) -> None:
        self.save_text()
        self._unsubscribe_now()
        self.brief_id = brief_id
        if brief_id is not None and self.library is not None:
            self._unsubscribe = self.library.subscribe(self._relay.changed.emit)
        self.reload()

    def _unsubscribe_now(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def closeEvent(self, event):  # noqa: N802 - Qt
        self.save_text()
        self._unsubscribe_now()
        super().closeEvent(event)

    def reload(self) -> None:
        selected = self.current_line()
        self.model.load(self.brief_id)
        self._set_enabled(self.brief_id is not None)
        n = len(self.model.lines)
        self.count.setText(f"{n} line{'s' if n != 1 else ''}" if self.brief_id is not None else "No brief")
        if selected is not None:
            self.select_item(selected["id"])
        if not self._save_timer.isActive() and not self.purpose.hasFocus() and not self.key_points.hasFocus():
            self._load_text()

    def _load_text(self) -> None:
        self._loading = True
        try:
            if self.brief_id is None:
                self.purpose.setPlainText("")
                self.key_points.setPlainText("")
                self.prefilled.setText("")
                return
            brief = self.library.brief(self.brief_id)
            self.purpose.setPlainText(brief.purpose or "")
            if brief.key_points:
                self.key_points.setPlainText(brief.key_points)
                self.prefilled.setText("")
            else:
                notes = [ln["text"] for ln in self.model.lines if ln["kind"] == "note"]
                self.key_points.setPlainText("\n".join(notes))
                self.prefilled.setText("Filled in from the brief's notes; edit to make them the brief's key points."
                                       if notes else "")
        finally:
            self._loading = False

    def _on_change(self, change) -> None:
        if change.what in ("picks", "briefs", "items-changed", "items-removed", "reset"):
            if self.brief_id is not None and not self._brief_exists(self.brief_id):
                # the brief went away (deleted, or its creation undone): follow the current one, if any
                self.brief_id = None
                self.set_brief(self.library.current_brief_id())
                return
            self.reload()

    def _brief_exists(self, brief_id: int) -> bool:
        return any(b.id == brief_id for b in self.library.briefs())

    def _set_enabled(self, on: bool) -> None:
        for w in (self.view, self.up, self.down, self.wording, self.apply, self.reset, self.purpose, self.key_points):
            w.setEnabled(on)

    # ------------------------------------------------------------------ lines
    def current_line(self) -> dict | None:
        index = self.view.currentIndex()
        return index.data(LINE_ROLE) if index.isValid() else None

    def select_item(self, item_id: int) -> None:
        for row, line in enumerate(self.model.lines):
            if line["id"] == item_id:
                self.view.setCurrentIndex(self.model.index(row))
                return

    def _line_selected(self, current, _previous=None) -> None:
        line = current.data(LINE_ROLE) if current.isValid() else None
        self.wording.setPlainText(line["text"] if line else "")
        self.item_says.setText(f"The item says: {line['generated']}" if line and line["edited"] else "")
        self.reset.setEnabled(bool(line and line["edited"]))

    def _step(self, delta: int) -> None:
        line = self.current_line()
        if line is None or self.brief_id is None:
            return
        row = self.view.currentIndex().row() + delta
        if 0 <= row < len(self.model.lines):
            self.library.move_line(self.brief_id, line["id"], row)
            self.select_item(line["id"])

    def apply_wording(self) -> None:
        line = self.current_line()
        if line is None or self.brief_id is None:
            return
        text = " ".join(self.wording.toPlainText().split())
        wording = None if not text or text == line["generated"] else text
        if wording != (line["text"] if line["edited"] else None):
            self.library.set_line_wording(self.brief_id, line["id"], wording)
            self.select_item(line["id"])

    def reset_wording(self) -> None:
        line = self.current_line()
        if line is not None and self.brief_id is not None and line["edited"]:
            self.library.set_line_wording(self.brief_id, line["id"], None)
            self.select_item(line["id"])

    # ------------------------------------------------------------------ purpose and key points
    def _text_edited(self) -> None:
        if not self._loading and self.brief_id is not None:
            self.prefilled.setText("")
            self._save_timer.start()

    def save_text(self) -> None:
        """Store purpose and key points if they changed (called after a pause in typing and on leaving)."""
        self._save_timer.stop()
        if self.brief_id is None or self.library is None or not self._brief_exists(self.brief_id):
            return
        brief = self.library.brief(self.brief_id)
        purpose = self.purpose.toPlainText().strip()
        key_points = self.key_points.toPlainText().strip()
        changed = {}
        if purpose != (brief.purpose or ""):
            changed["purpose"] = purpose
        if key_points != (brief.key_points or "") and not (self.prefilled.text() and not brief.key_points):
            changed["key_points"] = key_points
        if changed:
            self.library.update_brief(self.brief_id, **changed)
