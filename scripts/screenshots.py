"""Screenshots of the window on the sample library, made offscreen (``make screenshots``).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs]

A throw-away home folder gets a fresh library, which imports the sample sources
(``seeds/``) with the real extraction; the window is grouped by kind with an
agreement selected and its evidence highlighted in the source text.
Writes docs/window-by-kind.png (and docs/window-by-source.png).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def settle(app, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--country", default="SG", help="the user's own country (counterparts follow it)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    home = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    os.environ["BRIEFING_HOME"] = str(home)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    # window state of a first start: nothing remembered from earlier runs
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qsettings"))
    QCoreApplication.setOrganizationName("BriefingBuilderScreenshots")
    QCoreApplication.setApplicationName("BriefingBuilderScreenshots")
    app = QApplication.instance() or QApplication([])
    font = app.font()
    font.setPointSize(10)
    app.setFont(font)

    from briefing.library import Library, Query
    from briefing.paths import default_library_path
    from briefing.settings import Settings
    from ui.main_window import MainWindow

    library = Library.open(default_library_path(), seed=True)  # the sample sources, extracted here
    settings = Settings(own_country=args.country)
    window = MainWindow(library, settings)
    window.resize(1500, 900)
    window.splitter.setSizes([700, 800])
    window.show()
    settle(app)

    window.set_grouping("kind")
    agreements = library.query(Query(kind="agreement"))
    with_evidence = [i for i in agreements if library.item(i).evidence]
    chosen = (with_evidence or agreements or library.query(Query()))[:1]
    if chosen:
        window.select_item(chosen[0])
        # pick a few items for the brief, as an officer would
        picks = (library.query(Query(kind="event"))[:2] + agreements[:1])
        if picks:
            window.model.set_picked(picks, True)
        window.select_item(chosen[0])
    else:
        print("warning: the sample library has no items (is the extraction installed?)", file=sys.stderr)
    window.detail.item_page.setSizes([360, 500])
    settle(app)
    shot = out / "window-by-kind.png"
    window.grab().save(str(shot))
    print(f"wrote {shot}")

    window.set_grouping("source")
    window.tree.expandToDepth(1)
    if chosen:
        window.select_item(chosen[0])
    settle(app)
    shot = out / "window-by-source.png"
    window.grab().save(str(shot))
    print(f"wrote {shot}")
    # a source row: its citation details (editable) beside its text
    window.tree.setCurrentIndex(window.model.index(0, 0))
    settle(app)
    shot = out / "window-source-detail.png"
    window.grab().save(str(shot))
    print(f"wrote {shot}")
    print(f"library: {len(library.sources())} sources, {library.count(Query())} items "
          f"({', '.join(f'{label} {n}' for _k, label, n in library.groups('kind', Query()))})")
    window.close()


if __name__ == "__main__":
    main()
