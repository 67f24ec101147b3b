"""The right-hand pane: the selected item's fields, editable, beside its source with the evidence lit.

One item: a form of fitting editors (lists for vocabularies, a date with its
precision, participants, parties, topics, validity) and the source text with
every piece of evidence highlighted and the first one scrolled into view.
Several items: a short list and bulk actions. A source row: the source itself.
Every edit goes to the library at once, as one named undoable step.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.library import NotFound
from briefing.model import AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_STATUSES, EVENT_TYPES
from ui.countries import country_name
from ui.fields import (
    ChoiceField,
    CountryField,
    DateField,
    ListField,
    LongTextField,
    NumberField,
    RequiredTextField,
    TextField,
)
from ui.format import KIND_LABELS, format_date
from ui.source_detail import SourceDetail

UNITS = ("USD", "EUR", "GBP", "JPY", "CNY", "SGD", "VND", "INR", "AUD", "percent", "count", "tonnes", "km", "MW")

# kind -> [(field, label, editor factory, tooltip)]
FORMS = {
    "event": [
        ("type", "Type", lambda: ChoiceField(EVENT_TYPES), "What kind of event"),
        ("status", "Status", lambda: ChoiceField(EVENT_STATUSES), "Held already, or planned"),
        ("date", "Date", DateField, "When it happened or is planned, as precise as known"),
        ("date_end", "Until", DateField, "Last day of a visit or conference"),
        ("location", "Location", TextField, "City or venue"),
        ("participants", "Participants", lambda: ListField(what="participant"), "People taking part"),
        ("actor", "Actor", TextField, "The visitor, the caller, the guest"),
        ("recipient", "Host / recipient", TextField, "The host, the one called"),
        ("summary", "Summary", LongTextField, "One or two sentences an officer can reuse"),
        ("plover_type", "PLOVER type", TextField, "Event ontology category (CONSULT, AGREE, …)"),
        ("plover_mode", "PLOVER mode", TextField, "visit, host, phone, …"),
        ("cameo", "CAMEO", TextField, "CAMEO code, e.g. 042"),
    ],
    "agreement": [
        ("title", "Title", RequiredTextField, "The agreement's name"),
        ("kind", "Kind", lambda: ChoiceField(AGREEMENT_KINDS), "Treaty, MoU, programme …"),
        ("status", "Status", lambda: ChoiceField(AGREEMENT_STATUSES), "Where it stands"),
        ("date", "Date", DateField, "When it was signed, agreed or proposed"),
        ("valid_from", "Valid from", DateField, "Start of validity"),
        ("valid_to", "Valid to", DateField, "End of validity"),
        ("parties", "Parties", lambda: ListField(countries=True, what="party"), "Countries bound by it"),
        ("topics", "Topics", lambda: ListField(what="topic"), "What it covers"),
        ("history", "Builds on", lambda: ListField(what="earlier date"), "Earlier agreements it renews or extends"),
        ("proposer", "Proposed by", TextField, "For a proposal: who asked"),
        ("addressee", "Proposed to", TextField, "For a proposal: whom"),
    ],
    "person": [
        ("name", "Name", RequiredTextField, "Full name"),
        ("title", "Title", TextField, "Office held, e.g. Minister for Foreign Affairs"),
        ("country", "Country", CountryField, "The country the person represents"),
        ("aliases", "Also called", lambda: ListField(what="name"), "Other spellings and short forms"),
    ],
    "figure": [
        ("value", "Value", NumberField, "The number as stated"),
        ("unit", "Unit", lambda: ChoiceField(UNITS, editable=True), "Currency code, percent, count or a unit"),
        ("what", "What", TextField, "What the number measures"),
        ("period", "Period", TextField, "Year or period the figure refers to"),
    ],
    "topic": [
        ("name", "Name", RequiredTextField, "The topic"),
    ],
    "note": [
        ("title", "Title", TextField, "A short heading"),
        ("text", "Text", LongTextField, "Your key point or talking point"),
    ],
}

EVIDENCE = QColor("#fff2a8")
EVIDENCE_CURRENT = QColor("#ffc857")
MARKING_COLOURS = {"UNCLASSIFIED": "#2e7d32", "OFFICIAL": "#1565c0", "RESTRICTED": "#ef6c00",
                   "CONFIDENTIAL": "#c62828", "SECRET": "#6a1b9a", "TOP SECRET": "#000000"}


def _utf16(text: str, index: int) -> int:
    """Python string index -> Qt text position (Qt counts UTF-16 units)."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


class SourcePane(QWidget):
    """A source's facts and text, with evidence spans highlighted."""

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.record = None
        self.spans: list[tuple[int, int]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chooser = QComboBox(toolTip="The item was found in several sources: show this one")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(20)
        self.header = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setToolTip("The source as stored; highlighted: the evidence for the selected item")
        layout.addWidget(self.chooser)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.chooser.hide()
        self.chooser.activated.connect(self._on_choose)
        self._item = None

    def show_source(self, source_id: int | None, spans=(), current: int = 0) -> None:
        self.record = self.library.source(source_id) if source_id is not None else None
        record = self.record
        if record is None:
            self.header.setText("<i>No source: added by hand.</i>")
            self.text.setPlainText("")
            return
        colour = MARKING_COLOURS.get(record.marking, "#444")
        facts = " · ".join(html.escape(x) for x in (format_date(record.date), record.publisher or "", record.author or "")
                           if x)
        status = "" if record.analysed else (
            f"<br><span style='color:#a15c00'>⚠ {html.escape(record.note or 'not analysed')} — add items by hand</span>")
        self.header.setText(
            f"<b>{html.escape(record.title or Path(record.path).name)}"
            f"</b><br>{facts}{' · ' if facts else ''}"
            f"<span style='color:{colour}; font-weight:bold'>{html.escape(record.marking)}</span><br>"
            f"<span style='color:#666'>{html.escape(record.path)}</span>{status}")
        self.header.setToolTip(record.path)
        self.text.setPlainText(record.text)
        self.spans = [(_utf16(record.text, s), _utf16(record.text, e)) for s, e in spans]
        self.highlight(current)

    def highlight(self, current: int = 0) -> None:
        selections = []
        for n, (start, end) in enumerate(self.spans):
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(EVIDENCE_CURRENT if n == current else EVIDENCE)
            sel.format = fmt
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.text.setExtraSelections(selections)
        if self.spans and 0 <= current < len(self.spans):
            start, end = self.spans[current]
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(end)
            self.text.setTextCursor(cursor)
            cursor.setPosition(start)
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
            self.text.ensureCursorVisible()

    # -- for an item -------------------------------------------------------------------------------
    def show_item(self, item, evidence_index: int = 0) -> None:
        self._item = item
        source_ids = list(dict.fromkeys([e.source_id for e in item.evidence] + list(item.source_ids)))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for sid in source_ids:
            rec = self.library.source(sid)
            if rec is not None:
                self.chooser.addItem(f"{format_date(rec.date)}  {rec.title or rec.path}".strip(), sid)
        self.chooser.blockSignals(False)
        self.chooser.setVisible(self.chooser.count() > 1)
        chosen = item.evidence[evidence_index].source_id if item.evidence else (source_ids[0] if source_ids else None)
        self._show_item_source(chosen, evidence_index)

    def _show_item_source(self, source_id, evidence_index: int | None = None) -> None:
        item = self._item
        pieces = [e for e in item.evidence if e.source_id == source_id]
        current = 0
        if evidence_index is not None and item.evidence:
            wanted = item.evidence[evidence_index]
            current = next((n for n, e in enumerate(pieces) if e.id == wanted.id), 0)
        index = self.chooser.findData(source_id)
        if index >= 0:
            self.chooser.setCurrentIndex(index)
        self.show_source(source_id, [(e.start, e.end) for e in pieces], current)

    def _on_choose(self, _index: int) -> None:
        if self._item is not None:
            self._show_item_source(self.chooser.currentData())


class ItemForm(QWidget):
    """The fields of one item, each saved to the library as soon as the user is done with it."""

    splitRequested = Signal(int, list)  # item id, evidence ids
    evidenceChosen = Signal(int)  # index in item.evidence

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.item = None
        self.kind = None
        self.editors: dict[str, object] = {}
        self.labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        outer.addWidget(self.heading)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addWidget(self.form_host)
        self.evidence_label = QLabel("<b>Evidence</b>")
        self.evidence = QListWidget(toolTip="Where the item was found; click to show it in the source. "
                                            "Select pieces and Split to make them a separate item.")
        self.evidence.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.evidence.setWordWrap(True)
        self.evidence.setMaximumHeight(150)
        self.split_button = QPushButton("Split selected evidence into a new item",
                                        toolTip="The selected pieces of evidence become an item of their own")
        outer.addWidget(self.evidence_label)
        outer.addWidget(self.evidence)
        outer.addWidget(self.split_button)
        outer.addStretch(1)
        self.evidence.currentRowChanged.connect(self._on_evidence_row)
        self.evidence.itemSelectionChanged.connect(self._update_split)
        self.split_button.clicked.connect(self._split)

    def show_item(self, item) -> None:
        if item.kind != self.kind:
            self._build(item.kind)
        shown = [self.evidence.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.evidence.count())]
        same = self.item is not None and self.item.id == item.id and shown == [e.id for e in item.evidence]
        self.item = item
        edited = " <span style='color:#a15c00'>✎ edited</span>" if item.edited else ""
        self.heading.setText(f"<span style='font-size:13pt'><b>{KIND_LABELS.get(item.kind, item.kind)}</b></span>"
                             f"{edited}")
        for name, editor in self.editors.items():
            editor.set_value(item.fields.get(name))
            label = self.labels[name]
            base = label.property("base")
            if name in item.edits:
                label.setText(f"<i>{base}</i> ✎")
                machine = item.machine.get(name)
                label.setToolTip(f"Edited by you. Extracted value: {machine!r}" if machine not in (None, "", [])
                                 else "Edited by you")
            else:
                label.setText(base)
                label.setToolTip(label.property("tip"))
        if not same:
            self.evidence.blockSignals(True)
            self.evidence.clear()
            for ev in item.evidence:
                entry = QListWidgetItem(f"“{ev.text.strip()}”")
                entry.setData(Qt.ItemDataRole.UserRole, ev.id)
                entry.setToolTip(ev.text)
                self.evidence.addItem(entry)
            self.evidence.blockSignals(False)
        has = bool(item.evidence)
        self.evidence_label.setVisible(has)
        self.evidence.setVisible(has)
        self.split_button.setVisible(len(item.evidence) > 1)
        self._update_split()

    def _build(self, kind: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.labels.clear()
        self.kind = kind
        for name, label, factory, tip in FORMS.get(kind, []):
            editor = factory()
            editor.setToolTip(tip)
            editor.committed.connect(lambda value, name=name: self._save(name, value))
            caption = QLabel(label)
            caption.setProperty("base", label)
            caption.setProperty("tip", tip)
            caption.setToolTip(tip)
            self.form.addRow(caption, editor)
            self.editors[name] = editor
            self.labels[name] = caption

    def _save(self, name: str, value) -> None:
        if self.item is None:
            return
        if self.item.fields.get(name) == value or (not self.item.fields.get(name) and not value):
            return
        self.library.edit(self.item.id, name, value)

    def _on_evidence_row(self, row: int) -> None:
        if row >= 0:
            self.evidenceChosen.emit(row)

    def _update_split(self) -> None:
        n = len(self.evidence.selectedItems())
        self.split_button.setEnabled(self.item is not None and 0 < n < self.evidence.count())

    def _split(self) -> None:
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.evidence.selectedItems()]
        if self.item is not None and ids:
            self.splitRequested.emit(self.item.id, ids)


class MultiPane(QWidget):
    """Several rows selected: what they are, and what can be done to all of them."""

    checkRequested = Signal(bool)
    deleteRequested = Signal()
    mergeRequested = Signal()
    statusRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.list = QListWidget(toolTip="The selected items")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        row1 = QHBoxLayout()
        self.check = QPushButton("Add to brief", toolTip="Tick all of them (Space)")
        self.uncheck = QPushButton("Remove from brief", toolTip="Untick all of them")
        self.merge = QPushButton("Merge", toolTip="Make them one item (same kind only); Undo separates them again")
        self.delete = QPushButton("Delete", toolTip="Delete them from the library (Delete); Undo brings them back")
        for b in (self.check, self.uncheck, self.merge, self.delete):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        self.status = QComboBox(toolTip="Set this status on every selected event or agreement")
        self.status.addItem("Set status…", None)
        for status in dict.fromkeys(EVENT_STATUSES + AGREEMENT_STATUSES):
            self.status.addItem(status, status)
        row2.addWidget(self.status)
        row2.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self.check.clicked.connect(lambda: self.checkRequested.emit(True))
        self.uncheck.clicked.connect(lambda: self.checkRequested.emit(False))
        self.delete.clicked.connect(self.deleteRequested)
        self.merge.clicked.connect(self.mergeRequested)
        self.status.activated.connect(self._on_status)

    def show_rows(self, rows, total: int) -> None:
        self.title.setText(f"<b>{total} items selected</b>")
        self.list.clear()
        for row in rows[:200]:
            self.list.addItem(f"{KIND_LABELS.get(row.kind, row.kind)} · {format_date(row.date)} · {row.label}")
        if total > 200:
            self.list.addItem(f"… and {total - 200} more")
        kinds = {r.kind for r in rows}
        self.merge.setEnabled(len(kinds) == 1 and total > 1 and kinds != {"note"})
        self.status.setEnabled(bool(kinds & {"event", "agreement"}))
        self.status.setCurrentIndex(0)

    def _on_status(self, _index: int) -> None:
        status = self.status.currentData()
        if status:
            self.statusRequested.emit(status)
        self.status.setCurrentIndex(0)


class DetailView(QWidget):
    """Shows what the tree's selection is: nothing, one item, several items or a source."""

    splitRequested = Signal(int, list)
    checkRequested = Signal(bool)
    deleteRequested = Signal()
    mergeRequested = Signal()
    statusRequested = Signal(str)

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.item_id: int | None = None
        self.source_id: int | None = None
        self.selected: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        self.empty = QLabel("Select an item in the tree to see and edit it here.\n\n"
                            "Import sources with File ▸ Import, or drop files on the window.",
                            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.setStyleSheet("color: #777")

        self.item_page = QSplitter(Qt.Orientation.Horizontal)
        self.item_page.setChildrenCollapsible(False)
        self.form = ItemForm(library)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(280)
        self.source = SourcePane(library)
        self.item_page.addWidget(scroll)
        self.item_page.addWidget(self.source)
        self.item_page.setStretchFactor(0, 2)
        self.item_page.setStretchFactor(1, 3)

        self.multi = MultiPane()
        # a source row: its citation details (editable) beside its text
        self.source_page = QSplitter(Qt.Orientation.Horizontal)
        self.source_page.setChildrenCollapsible(False)
        self.source_scroll = QScrollArea()
        self.source_scroll.setWidgetResizable(True)
        self.source_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.source_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.source_scroll.setMinimumWidth(280)
        self.source_detail = SourceDetail(library)
        self.source_scroll.setWidget(self.source_detail)
        self.source_text = SourcePane(library)
        self.source_page.addWidget(self.source_scroll)
        self.source_page.addWidget(self.source_text)
        self.source_page.setStretchFactor(0, 2)
        self.source_page.setStretchFactor(1, 3)

        for page in (self.empty, self.item_page, self.multi, self.source_page):
            self.stack.addWidget(page)

        self.form.splitRequested.connect(self.splitRequested)
        self.form.evidenceChosen.connect(self._on_evidence)
        self.multi.checkRequested.connect(self.checkRequested)
        self.multi.deleteRequested.connect(self.deleteRequested)
        self.multi.mergeRequested.connect(self.mergeRequested)
        self.multi.statusRequested.connect(self.statusRequested)

    def set_library(self, library) -> None:
        self.library = library
        self.form.library = library
        self.source.library = library
        self.source_text.library = library
        old = self.source_scroll.takeWidget()  # it listens to the old library: a new one for the new
        self.source_detail = SourceDetail(library)
        self.source_scroll.setWidget(self.source_detail)
        if old is not None:
            old.deleteLater()
        self.show_nothing()

    # -- what to show --------------------------------------------------------------------------------
    def show_nothing(self) -> None:
        self.item_id = None
        self.source_id = None
        self.selected = []
        self.stack.setCurrentWidget(self.empty)

    def show_item(self, item_id: int) -> None:
        items = self.library.items([item_id])
        if not items:
            self.show_nothing()
            return
        item = items[0]
        first = self.item_id != item_id
        self.item_id = item_id
        self.source_id = None
        self.selected = [item_id]
        self.form.show_item(item)
        if first or [e.id for e in item.evidence] != [e.id for e in (self.source._item.evidence if self.source._item
                                                                      else [])]:
            self.source.show_item(item)
        else:
            self.source._item = item
        self.stack.setCurrentWidget(self.item_page)

    def show_items(self, item_ids: list[int]) -> None:
        self.item_id = None
        self.source_id = None
        self.selected = list(item_ids)
        self.multi.show_rows(self.library.rows(item_ids[:200]), len(item_ids))
        self.stack.setCurrentWidget(self.multi)

    def show_source(self, source_id: int) -> None:
        self.item_id = None
        self.selected = []
        self.source_id = source_id
        self.source_detail.set_source(source_id)
        self.source_text.show_source(source_id)
        self.stack.setCurrentWidget(self.source_page)

    def refresh(self, change) -> None:
        """After a library change: show the current item's new values (or nothing if it is gone)."""
        if self.source_id is not None and change.what in ("sources-changed", "sources-removed", "reset"):
            try:
                self.source_text.show_source(self.source_id)  # the header: title, publisher, marking
            except NotFound:  # the source went away (undo of its import, the command line)
                self.show_nothing()
        if self.item_id is not None:
            if change.what == "reset" and self._unchanged(self.item_id):
                return  # another connection wrote something else: leave the form (and what is typed in it) be
            if change.what == "reset" or self.item_id in (change.ids or ()) or change.what == "items-removed":
                self.show_item(self.item_id)
        elif self.selected and change.what in ("items-changed", "items-removed", "reset"):
            rows = self.library.rows(self.selected)
            self.selected = [r.id for r in rows]
            if len(self.selected) > 1:
                self.show_items(self.selected)
            elif self.selected:
                self.show_item(self.selected[0])
            else:
                self.show_nothing()

    def _unchanged(self, item_id: int) -> bool:
        """Whether the library holds the item exactly as the form shows it."""
        items = self.library.items([item_id])
        return bool(items) and self.form.item is not None and items[0] == self.form.item

    def _on_evidence(self, index: int) -> None:
        item = self.form.item
        if item is not None:
            self.source.show_item(item, index)

    def evidence_text_selection(self) -> str:
        return self.source.text.textCursor().selectedText()

    def country_label(self, code: str) -> str:
        return country_name(code)
