"""The source detail view: where a source comes from, as a brief will cite it, and the officer's corrections.

Shown when a source row is selected. The citation details (title, publisher, author, URL, publication
and access dates, marking) are editable; each change is saved at once as one named undoable step of the
library (the same history as item edits, so Edit ▸ Undo takes it back). The file, format, language and
item count are only shown. Under the form, "Cited as" shows the source exactly as the
Sources list of a brief prints it.

    detail = SourceDetail(library, parent)
    detail.set_source(source_id)      # None: empty
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from briefing.brief.context import citation
from briefing.brief.text import format_date
from briefing.library import NotFound
from briefing.model import MARKINGS
from ui.fields import ChoiceField, DateField, Field, TextField

# (field, label, editor factory, tooltip): the details a citation is made of, in the order it prints them.
EDITABLE = [
    ("publisher", "Publisher", lambda: TextField(placeholder="Outlet, agency or ministry"),
     "Who published it: the newspaper, news agency or ministry"),
    ("title", "Title", lambda: TextField(placeholder="Headline (empty: the file name stands in)"),
     "The headline or subject, as the brief cites it"),
    ("author", "Author", lambda: TextField(placeholder="Byline"), "Who wrote it"),
    ("date", "Published", DateField, "When it was published, as precise as known"),
    ("url", "URL", lambda: TextField(placeholder="https://…"), "Where it can be read again"),
    ("accessed", "Accessed", DateField, "The day it was read (imported, unless you say otherwise)"),
    ("marking", "Marking", lambda: ChoiceField(MARKINGS), "Its security marking: a brief citing it is marked at least as high"),
]


class SourceDetail(QWidget):
    """One source's details; ``set_source(id)`` shows a source, ``set_source(None)`` nothing."""

    edited = Signal(int)  # a source's details were changed here (its id)
    _library_changed = Signal(object)  # library Changes, handed to the GUI thread

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.source_id: int | None = None
        self.heading = QLabel(objectName="sourceHeading", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, Field] = {}
        for name, label, factory, tip in EDITABLE:
            editor = factory()
            editor.setToolTip(tip)
            editor.setObjectName(f"source_{name}")
            editor.committed.connect(lambda value, field=name: self._save(field, value))
            self.fields[name] = editor
            form.addRow(label, editor)
        self.file = self._info_label("The imported file; hover for its full path")
        self.kind = self._info_label("Format and language of the text")
        self.items = self._info_label("How many items the library holds from it")
        form.addRow("File", self.file)
        form.addRow("Format", self.kind)
        form.addRow("Items", self.items)
        self.problem = QLabel(objectName="sourceProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #a01010;")
        self.problem.hide()
        self.cited_as = QLabel(objectName="citedAs", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.cited_as.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cited_as.setToolTip("How the Sources list of a brief prints this source")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel("<b>Cited as</b>"))
        layout.addWidget(self.cited_as)
        layout.addStretch(1)
        self._library_changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        unsubscribe = library.subscribe(self._library_changed.emit)
        self.destroyed.connect(lambda *_: unsubscribe())
        self.set_source(None)

    @staticmethod
    def _info_label(tip: str) -> QLabel:
        label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText, toolTip=tip)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- showing -------------------------------------------------------------------------------------

    def set_source(self, source_id: int | None) -> None:
        """Show this source (None: an empty, disabled form)."""
        self.source_id = source_id
        self.problem.hide()
        record = None
        if source_id is not None:
            try:
                record = self.library.source(source_id)
            except NotFound:  # removed meanwhile (undo of its import, another window)
                record = None
        if record is None:
            self.source_id = None
            self.heading.setText("No source selected")
            for editor in self.fields.values():
                editor.set_value(None)
                editor.setEnabled(False)
            for label in (self.file, self.kind, self.items, self.cited_as):
                label.setText("")
            return
        self.heading.setText(record.title or record.file_name)
        for name, editor in self.fields.items():
            editor.setEnabled(True)
            editor.set_value(getattr(record, name) or (None if name != "marking" else MARKINGS[0]))
        self.file.setText(record.file_name)
        self.file.setToolTip(record.path)
        self.kind.setText(f"{record.format}, {record.language}" + (f" — {record.note}" if record.note else ""))
        self.items.setText(f"{record.item_count} item{'s' if record.item_count != 1 else ''}")
        self.cited_as.setText(_cited_as(record))

    def refresh(self, change) -> None:
        """After a library change (an edit here, undo, another window or the command line): show it."""
        if self.source_id is None:
            return
        if change.what in ("reset", "sources-removed") or self.source_id in (change.ids or ()):
            self.set_source(self.source_id)

    # --- editing -------------------------------------------------------------------------------------

    def _save(self, name: str, value) -> None:
        if self.source_id is None:
            return
        try:
            self.library.edit_source(self.source_id, {name: value})
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.set_source(self.source_id)  # the stored value comes back
            self.problem.show()
            return
        self.problem.hide()
        self.set_source(self.source_id)
        self.edited.emit(self.source_id)


def _cited_as(record) -> str:
    text = citation(record.title or record.file_name, record.publisher or "", record.author or "",
                    format_date(record.date), record.url or "", format_date(record.accessed), record.file_name)
    return text + (f" ({record.marking})" if record.marking != MARKINGS[0] else "")
