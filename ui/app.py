"""Start the window: the Qt application, the user's settings, the library (the sample one on first run)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import briefing
from briefing.paths import APP_NAME, default_library_path
from briefing.settings import Settings
from ui import crash_log, qt_fixes  # noqa: F401 - qt_fixes before Qt calls back into Python (see qt_fixes)

ORGANIZATION = "BriefingBuilder"


def ask_own_country(settings: Settings, parent=None) -> None:
    """First run: ask whose officer this is (Cancel keeps it unset; Preferences can set it later)."""
    from ui.preferences import OwnCountryDialog

    dialog = OwnCountryDialog(settings.own_country, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        settings.own_country = dialog.country()
        settings.save()


def open_window(settings: Settings, library_path: Path | None = None):
    """The main window on the library at ``library_path`` (default: the last one, else the user's)."""
    from briefing.library import Library
    from ui.main_window import MainWindow

    path = Path(library_path or settings.last_library or default_library_path())
    is_new = not path.exists() or path.stat().st_size == 0
    library = Library.open(path, seed=False)  # the sample sources are imported off the GUI thread below
    settings.remember_library(str(path))
    settings.save()
    window = MainWindow(library, settings)
    if is_new and path == default_library_path():
        window.import_seeds()
    # back on the team library it was on when it closed: once the window is up (it may ask for the password)
    QTimer.singleShot(0, window.team.reopen_last)
    return window


def main(argv: list[str] | None = None) -> int:
    argv = list(argv if argv is not None else sys.argv)
    logging.basicConfig(level=logging.WARNING)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(briefing.__version__)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationDisplayName("Briefing Builder")
    last_report = crash_log.start()  # before anything that could crash

    settings = Settings.load()
    if settings.own_country is None:
        ask_own_country(settings)
    library_path = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("-") else None
    try:
        window = open_window(settings, library_path)
    except Exception as exc:  # noqa: BLE001 - a clear message instead of a traceback
        QMessageBox.critical(None, "Briefing Builder", f"The library could not be opened:\n{exc}")
        return 1
    window.show()
    if crash_log.crashed(last_report):
        QTimer.singleShot(0, lambda: offer_last_crash(last_report, window))
    code = app.exec()
    crash_log.stop()
    return code


def offer_last_crash(report: str, parent) -> None:
    from ui.dialogs.crash_report import offer_crash_report

    offer_crash_report(report, str(crash_log.log_path().with_name(crash_log.PREVIOUS_NAME)), parent)
