"""Every menu action and tool button of the window, triggered on a library like the sample one.

Modal dialogs open for real and are cancelled by a timer (tests/ui/modal.py). A crash kills the run, and
pytest-qt fails the test on any exception raised in a slot. tests/ui/test_xcb_window.py runs this file
again on the real xcb platform under Xvfb.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from tests.core.test_brief_fixtures import make_library
from tests.ui.modal import ModalCloser

# What an officer sees when choosing these (the rest change the window or library without a dialog).
EXPECTED_DIALOG = {
    "open_library": "QFileDialog", "new_library": "QFileDialog", "connect_team": "ConnectTeamDialog",
    "import_files": "QFileDialog",
    "import_folder": "QFileDialog", "backup": "QFileDialog", "backups": "BackupsDialog", "export_json": "QFileDialog",
    "preferences": "PreferencesDialog", "add_note": "NoteDialog", "build_brief": "BuildBriefDialog",
    "print_summary": "SummaryPreviewDialog", "export_pdf": "QFileDialog", "about": "QMessageBox",
    "new_brief": "QInputDialog", "rename_brief": "QInputDialog", "duplicate_brief": "QInputDialog",
    "delete_brief": "QMessageBox", "split": "QMessageBox",
}


@pytest.fixture(scope="session")
def sample_library_file(tmp_path_factory):
    """The sample library a first start makes (seeds/ through the real extraction), built once a session."""
    import os

    from briefing.library import Library, Query

    folder = tmp_path_factory.mktemp("sample")
    old = os.environ.get("BRIEFING_HOME")
    os.environ["BRIEFING_HOME"] = str(folder / "home")  # the session has no per-test home yet
    try:
        library = Library.open(folder / "sample.sqlite3", seed=True)
    finally:
        if old is None:
            os.environ.pop("BRIEFING_HOME")
        else:
            os.environ["BRIEFING_HOME"] = old
    brief = library.create_brief("Minister's visit")
    library.set_current_brief(brief)
    library.set_picked(brief, library.query(Query(kind="event"))[:2] + library.query(Query(kind="agreement"))[:2],
                       True)
    assert library.count(Query()) > 10, "the sample sources gave no items: is the extraction broken?"
    library.close()
    return folder / "sample.sqlite3"


@pytest.fixture(params=["sample", "hand-made"])
def window(request, open_window, tmp_path, settings):
    """The window on the sample library, and on a hand-made one with two markings and a worded brief; one
    other library in File ▸ Recent libraries."""
    import shutil

    from briefing.library import Library

    settings.remember_library(str(tmp_path / "other.sqlite3"))

    if request.param == "sample":
        path = tmp_path / "sample.sqlite3"
        shutil.copy(request.getfixturevalue("sample_library_file"), path)
        library = Library.open(path, seed=False)
    else:
        library, _brief_id, _ids = make_library(tmp_path / "hand-made.sqlite3")
    return open_window(library)


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action a menu holds, its sub-menus' too, in menu order."""
    out: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            out.extend(menu_actions(action.menu()))
        elif not action.isSeparator():
            out.append(action)
    return out


def all_actions(window) -> list[QAction]:
    actions: list[QAction] = []
    for top in window.menuBar().actions():
        actions.extend(menu_actions(top.menu()))
    for bar in window.findChildren(QToolBar):
        actions.extend(a for a in bar.actions() if not a.isSeparator())
    return list(dict.fromkeys(actions))


def select_items(window, n: int) -> None:
    """Select the first n item rows of the first group that holds n of them."""
    model = window.model
    window.tree.clearSelection()
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        window.tree.expand(group)
        if model.rowCount(group) >= n:
            for child in range(n):
                window.tree.selectionModel().select(
                    model.index(child, 0, group),
                    window.tree.selectionModel().SelectionFlag.Select | window.tree.selectionModel().SelectionFlag.Rows)
            return


def test_every_menu_action_and_tool_button(window, qtbot):
    names = {action: name for name, action in window.actions.items()}
    actions = all_actions(window)
    assert len(actions) >= 30 and window.actions["print_summary"] in actions
    quit_action = window.actions["quit"]
    opened: dict[str, list[str]] = {}
    recent = window.recent_menu.actions()
    assert len(recent) == 1
    for action in actions:
        if action is quit_action or action in recent:  # switching library comes last
            continue
        select_items(window, 2 if names.get(action) == "merge" else 1)
        with ModalCloser() as closer:
            action.trigger()
            qtbot.wait(60)  # dialogs opened a moment later (queued) are met too
        opened[names.get(action, action.text())] = closer.names()
    for name, dialog in EXPECTED_DIALOG.items():
        assert dialog in opened[name], f"{name} opened {opened[name]}"
    for button in window.findChildren(QToolButton):
        if button.isVisible() and button.isEnabled() and button.defaultAction() is None:
            with ModalCloser():
                button.click()
                qtbot.wait(60)
    assert window.isVisible()
    recent[0].trigger()
    assert window.library.path.name == "other.sqlite3" and window.model.total == 0
    window.actions["undo"].trigger()  # on the new, empty library: nothing to undo, no error
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_every_button_of_the_detail_pane_for_each_kind_and_a_source(window, qtbot):
    from PySide6.QtWidgets import QAbstractButton

    model = window.model
    pressed = 0
    targets = []
    for row in range(model.rowCount()):  # the first item of each kind group
        group = model.index(row, 0)
        window.tree.expand(group)
        if model.rowCount(group):
            targets.append(window.model.item_id(model.index(0, 0, group)))
    for item_id in targets:
        if not window.select_item(item_id):
            continue
        qtbot.wait(50)  # the form for this kind is laid out and shown
        for button in window.detail.findChildren(QAbstractButton):
            if button.isVisible() and button.isEnabled() and not button.isCheckable():
                with ModalCloser():
                    button.click()
                    qtbot.wait(30)
                pressed += 1
                window.select_item(item_id)  # a button may have moved the selection (split, delete)
    window.set_grouping("source")
    window.tree.setCurrentIndex(model.index(0, 0))
    assert window.detail.stack.currentWidget() is window.detail.source_page
    for button in window.detail.source_page.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled():
            with ModalCloser():
                button.click()
                qtbot.wait(30)
            pressed += 1
    assert pressed >= 5
    assert window.isVisible()
