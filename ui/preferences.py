"""The user's preferences: own country (asked on first run), name for briefs, default marking."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from briefing.model import MARKINGS
from ui.countries import all_countries, guess_own_country


def country_combo(current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)  # type to find
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("— not set —", None)
    for code, name in all_countries():
        combo.addItem(f"{name} ({code})", code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.completer().setFilterMode(combo.completer().filterMode().MatchContains)
    return combo


def combo_code(combo: QComboBox) -> str | None:
    index = combo.findText(combo.currentText())
    return combo.itemData(index) if index >= 0 else combo.currentData()


class OwnCountryDialog(QDialog):
    """First run: whose officer is this? "Counterpart" and the brief's point of view follow the answer."""

    def __init__(self, current: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Your country")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Which country do you work for?\n\n"
                                "Items show the other countries involved as the counterpart, and briefs\n"
                                "are written from your country's point of view. You can change it later\n"
                                "in Preferences."))
        self.combo = country_combo(current or guess_own_country())
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def country(self) -> str | None:
        return combo_code(self.combo)


class PreferencesDialog(QDialog):
    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.country = country_combo(settings.own_country)
        self.country.setToolTip("Your own country: the counterpart is every other country an item involves")
        self.prepared_by = QLineEdit(settings.prepared_by, toolTip="Shown as 'Prepared by' on new briefs")
        self.marking = QComboBox(toolTip="The marking given to imported files that carry none")
        self.marking.addItems(MARKINGS)
        self.marking.setCurrentText(settings.default_marking)
        form.addRow("Your country", self.country)
        form.addRow("Prepared by", self.prepared_by)
        form.addRow("Default marking for imports", self.marking)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        """Copy the dialog's values into the settings and save them."""
        self.settings.own_country = combo_code(self.country)
        self.settings.prepared_by = self.prepared_by.text().strip()
        self.settings.default_marking = self.marking.currentText()
        self.settings.save()
