"""The filter row above the tree: as-you-type text, kind, date range, country, status and a count."""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from briefing.library import Query
from briefing.model import AGREEMENT_STATUSES, EVENT_STATUSES
from ui.countries import country_name
from ui.format import KIND_PLURALS

_DATE = QRegularExpression(r"^\d{4}(-\d{2}(-\d{2})?)?$|^$")
_DATE_OK = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DEBOUNCE_MS = 120


class LazyCombo(QComboBox):
    """A combo box that fills itself when opened: the country list costs a pass over the library."""

    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self.before_popup = None

    def showPopup(self) -> None:
        if self.before_popup is not None:
            self.before_popup()
        super().showPopup()


class FilterBar(QWidget):
    """Emits ``queryChanged(Query)`` a moment after the user stops typing or picks a filter."""

    queryChanged = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.text = QLineEdit(placeholderText="Filter: names, places, words in the sources…  (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.text.setToolTip("Shows items whose text or source contains every word typed; accents and case are ignored")
        self.text.setMinimumWidth(220)

        self.kind = QComboBox(toolTip="Only items of this kind")
        self.kind.addItem("All kinds", None)
        for kind in ("event", "agreement", "person", "figure", "topic", "note"):
            self.kind.addItem(KIND_PLURALS[kind], kind)

        validator = QRegularExpressionValidator(_DATE, self)
        self.since = QLineEdit(placeholderText="from", toolTip="From this date: 2021, 2021-06 or 2021-06-21")
        self.until = QLineEdit(placeholderText="to", toolTip="Up to this date: 2021, 2021-06 or 2021-06-21")
        for edit in (self.since, self.until):
            edit.setValidator(validator)
            edit.setMaximumWidth(88)
            edit.setClearButtonEnabled(True)

        self.country = LazyCombo(toolTip="Only items involving this country")
        self.country.before_popup = self._fill_countries
        self.countries_provider = None  # () -> country codes in the library; asked when the list opens
        self._countries_stale = True
        self.country.setMinimumContentsLength(12)
        self.country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.country.addItem("All countries", None)

        self.status = QComboBox(toolTip="Only events or agreements with this status")
        self.status.addItem("Any status", None)
        for status in dict.fromkeys(EVENT_STATUSES + AGREEMENT_STATUSES):
            self.status.addItem(status, status)

        self.clear_button = QToolButton(text="Clear", toolTip="Show everything again")
        self.clear_button.setAutoRaise(True)
        self.count = QLabel(toolTip="Items shown / in the library")
        self.count.setMinimumWidth(90)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout.addWidget(self.text, 3)
        layout.addWidget(self.kind)
        layout.addWidget(QLabel("Dates"))
        layout.addWidget(self.since)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.until)
        layout.addWidget(self.country)
        layout.addWidget(self.status)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.count)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.text.textChanged.connect(self._timer.start)
        self.since.textChanged.connect(self._timer.start)
        self.until.textChanged.connect(self._timer.start)
        for combo in (self.kind, self.country, self.status):
            combo.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self._last: Query | None = None

    # -- state -------------------------------------------------------------------------------------
    def query(self) -> Query:
        def date(edit: QLineEdit) -> str | None:
            value = edit.text().strip()
            return value if _DATE_OK.match(value) else None

        text = self.text.text().strip()
        return Query(
            kind=self.kind.currentData(),
            country=self.country.currentData(),
            since=date(self.since),
            until=date(self.until),
            status=self.status.currentData(),
            text=text or None,
        )

    def is_active(self) -> bool:
        return self.query() != Query()

    def clear(self) -> None:
        for widget in (self.text, self.since, self.until):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.kind, self.country, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._emit()

    def flush(self) -> None:
        """Apply what is typed now (tests and Enter don't wait for the pause)."""
        self._timer.stop()
        self._emit()

    def countries_changed(self) -> None:
        """The library changed: the country list is rebuilt next time it is opened."""
        self._countries_stale = True

    def _fill_countries(self) -> None:
        if self._countries_stale and self.countries_provider is not None:
            self.set_countries(self.countries_provider())

    def set_countries(self, codes) -> None:
        self._countries_stale = False
        """The countries offered: those present in the library."""
        current = self.country.currentData()
        self.country.blockSignals(True)
        self.country.clear()
        self.country.addItem("All countries", None)
        for code in sorted((c for c in codes if c), key=country_name):
            self.country.addItem(country_name(code), code)
        index = self.country.findData(current)
        self.country.setCurrentIndex(max(index, 0))
        self.country.blockSignals(False)

    def set_count(self, shown: int, total: int | None) -> None:
        if total is None or shown == total and not self.is_active():
            self.count.setText(f"{shown:,} items")
        else:
            self.count.setText(f"{shown:,} of {total:,}")

    def _emit(self) -> None:
        q = self.query()
        if q != self._last:
            self._last = q
            self.queryChanged.emit(q)
