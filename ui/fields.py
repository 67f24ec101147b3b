"""Editors for one field each: they show a value and emit ``committed(value)`` once the user is done.

Every widget commits on its natural "done" moment (Enter or leaving a line,
choosing from a list, leaving a text box), so each change becomes one undo
step in the library, never one per keystroke.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.countries import all_countries, country_name


class Field(QWidget):
    committed = Signal(object)

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def _commit(self, *_args) -> None:
        if self.value() != self._shown:
            self._shown = self.value()
            self.committed.emit(self._shown)

    _shown = None


def _wrap(widget: QWidget, owner: QWidget) -> None:
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    owner.setFocusProxy(widget)


class TextField(Field):
    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText=placeholder)
        _wrap(self.edit, self)
        self.edit.editingFinished.connect(self._commit)

    def value(self):
        return self.edit.text().strip() or None

    def set_value(self, value) -> None:
        self._shown = value if value not in ("",) else None
        text = "" if value is None else str(value)
        if self.edit.text() != text:
            self.edit.setText(text)
            self.edit.setCursorPosition(0)


class RequiredTextField(TextField):
    """A title or name: an empty value is refused (the old one comes back)."""

    def value(self):
        return self.edit.text().strip()

    def _commit(self, *_args) -> None:
        if not self.value():
            self.set_value(self._shown)
            return
        super()._commit()


class NumberField(TextField):
    def __init__(self, parent=None):
        super().__init__(parent)
        validator = QDoubleValidator(self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.edit.setValidator(validator)

    def value(self):
        text = self.edit.text().strip().replace(",", "")
        try:
            number = float(text)
        except ValueError:
            return self._shown
        return int(number) if number.is_integer() and isinstance(self._shown, int) else number

    def set_value(self, value) -> None:
        self._shown = value
        if value is None:
            text = ""
        elif isinstance(value, float) and value.is_integer():
            text = f"{int(value)}"
        else:
            text = f"{value:g}" if isinstance(value, float) else str(value)
        if self.edit.text() != text:
            self.edit.setText(text)


class LongTextField(Field):
    """Several lines; committed when the box loses focus."""

    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self.edit = QPlainTextEdit(placeholderText=placeholder)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(160)
        _wrap(self.edit, self)
        self.edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.FocusOut:
            self._commit()
        return False

    def value(self):
        return self.edit.toPlainText().strip()

    def set_value(self, value) -> None:
        self._shown = value or ""
        if self.edit.toPlainText() != (value or ""):
            self.edit.setPlainText(value or "")


class ChoiceField(Field):
    """A value from a vocabulary, shown as a list; a value outside it is kept and shown as it is."""

    def __init__(self, choices, parent=None, *, allow_empty: bool = False, editable: bool = False):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setEditable(editable)
        self.choices = list(choices)
        self.allow_empty = allow_empty
        _wrap(self.combo, self)
        self._fill(None)
        self.combo.activated.connect(self._commit)
        if editable:
            self.combo.lineEdit().editingFinished.connect(self._commit)

    def _fill(self, current) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.allow_empty:
            self.combo.addItem("—", None)
        for choice in self.choices:
            self.combo.addItem(str(choice), choice)
        if current is not None and current not in self.choices:
            self.combo.addItem(str(current), current)
        self.combo.blockSignals(False)

    def value(self):
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            return text or None
        return self.combo.currentData()

    def set_value(self, value) -> None:
        self._shown = value
        if self.combo.findData(value) < 0:
            self._fill(value)
        self.combo.blockSignals(True)
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index)
        if self.combo.isEditable():
            self.combo.setEditText("" if value is None else str(value))
        self.combo.blockSignals(False)


class CountryField(ChoiceField):
    def __init__(self, parent=None):
        super().__init__([], parent, allow_empty=True)

    def _fill(self, current) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("—", None)
        for code, name in all_countries():
            self.combo.addItem(f"{name} ({code})", code)
        if current and self.combo.findData(current) < 0:
            self.combo.addItem(current, current)
        self.combo.blockSignals(False)


_UNSET = QDate(1000, 1, 1)
PRECISIONS = (("Unknown", None), ("Year", 4), ("Month", 7), ("Day", 10))
_FORMATS = {4: "yyyy", 7: "MMM yyyy", 10: "d MMM yyyy"}


class DateField(Field):
    """A date with its precision: year, month or day (ISO strings of length 4, 7 or 10), or unknown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.precision = QComboBox(toolTip="How precise the date is")
        for label, length in PRECISIONS:
            self.precision.addItem(label, length)
        self.date = QDateEdit(calendarPopup=True)
        self.date.setMinimumDate(_UNSET)
        self.date.setSpecialValueText("—")  # shown while the date is unknown
        self.date.setDate(_UNSET)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.precision)
        self.setFocusProxy(self.date)
        self.precision.activated.connect(self._on_precision)
        self.date.editingFinished.connect(self._commit)
        self.date.dateChanged.connect(self._on_date_changed)

    def _on_precision(self, *_args) -> None:
        if self.precision.currentData() is not None and self.date.date() == _UNSET:
            self.date.setDate(QDate.currentDate())
        elif self.precision.currentData() is None:
            self.date.setDate(_UNSET)
        self._apply_format()
        self._commit()

    def _on_date_changed(self, *_args) -> None:
        # the calendar popup does not finish editing; commit when it closes on a pick
        if self.date.calendarWidget().isVisible():
            return
        if not self.date.hasFocus():
            self._commit()

    def _apply_format(self) -> None:
        length = self.precision.currentData()
        self.date.setEnabled(length is not None)
        self.date.setDisplayFormat(_FORMATS.get(length, "d MMM yyyy"))

    def value(self):
        length = self.precision.currentData()
        if length is None:
            return None
        return self.date.date().toString("yyyy-MM-dd")[:length]

    def set_value(self, value) -> None:
        self._shown = value
        self.blockSignals(True)
        self.date.blockSignals(True)
        self.precision.blockSignals(True)
        length = len(value) if value and len(value) in (4, 7, 10) else None
        self.precision.setCurrentIndex(self.precision.findData(length))
        if not length:
            self.date.setDate(_UNSET)
        else:
            padded = value + "-01-01"[len(value) - 4:] if length < 10 else value
            try:
                d = dt.date.fromisoformat(padded)
                self.date.setDate(QDate(d.year, d.month, d.day))
            except ValueError:
                pass
        self._apply_format()
        self.date.blockSignals(False)
        self.precision.blockSignals(False)
        self.blockSignals(False)


class ListField(Field):
    """A short list of strings: add, edit in place, remove. ``countries=True`` offers a country list."""

    def __init__(self, parent=None, *, countries: bool = False, what: str = "entry"):
        super().__init__(parent)
        self.countries = countries
        self.what = what
        self.list = QListWidget()
        self.list.setMaximumHeight(64)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(f"Double-click to edit; + adds, − removes the selected {what}")
        add = QToolButton(text="+", toolTip=f"Add a {what}")
        remove = QToolButton(text="−", toolTip=f"Remove the selected {what}")
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        self.list.itemChanged.connect(self._commit)

    def _item(self, value: str) -> QListWidgetItem:
        item = QListWidgetItem(f"{country_name(value)} ({value})" if self.countries else value)
        item.setData(Qt.ItemDataRole.UserRole, value)
        if not self.countries:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def value(self):
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            value = item.data(Qt.ItemDataRole.UserRole) if self.countries else item.text().strip()
            if value and value not in out:
                out.append(value)
        return out

    def set_value(self, value) -> None:
        value = list(value or [])
        self._shown = value
        if self.value() == value:
            return
        self.list.blockSignals(True)
        self.list.clear()
        for v in value:
            self.list.addItem(self._item(str(v)))
        self.list.blockSignals(False)

    def add_value(self, value: str) -> None:
        if value:
            self.list.blockSignals(True)
            self.list.addItem(self._item(value))
            self.list.blockSignals(False)
            self._commit()

    def _add(self) -> None:
        if self.countries:
            names = [f"{name} ({code})" for code, name in all_countries()]
            choice, ok = QInputDialog.getItem(self, "Add country", "Country:", names, 0, False)
            if ok and choice:
                self.add_value(choice.rsplit("(", 1)[1].rstrip(")"))
            return
        text, ok = QInputDialog.getText(self, f"Add {self.what}", f"New {self.what}:")
        if ok and text.strip():
            self.add_value(text.strip())

    def _remove(self) -> None:
        rows = sorted({self.list.row(i) for i in self.list.selectedItems()}, reverse=True)
        if not rows:
            return
        self.list.blockSignals(True)
        for row in rows:
            self.list.takeItem(row)
        self.list.blockSignals(False)
        self._commit()
