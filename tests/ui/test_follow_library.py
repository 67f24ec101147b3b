"""The open window follows what others write to its library file: the command line, another window."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from briefing.library import Library, Query
from tests.ui.test_window import group_index, item_rows


def shown_titles(window, group: str) -> str:
    """The titles of the rows the tree has fetched in a group, as one text."""
    return "\n".join(index.data() for index in item_rows(window, group_index(window, group)))


def test_edit_and_brief_made_outside_show_within_a_second(make_library, open_window, library_path, qtbot):
    lib = make_library(2)
    for n in range(60):  # more agreements than the pane shows at once
        lib.add_item("agreement", {"title": f"Agreement number {n:02d}", "kind": "agreement", "status": "signed",
                                   "date": f"2023-{n % 12 + 1:02d}-01"})
    window = open_window(lib)
    window.resize(1200, 500)  # fewer rows than the tree holds: there is a scroll position to keep
    item_id = lib.query(Query(kind="agreement"))[45]
    assert window.select_item(item_id)
    bar = window.tree.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    scrolled_to = bar.value()

    outside = Library.open(library_path, seed=False)  # another connection: as `briefing edit` would open it
    try:
        started = time.monotonic()
        outside.edit(item_id, "title", "Framework Agreement edited on the command line")
        brief = outside.create_brief("Minister's visit")
        outside.set_picked(brief, [item_id], True)
        outside.set_current_brief(brief)
    finally:
        outside.close()

    qtbot.waitUntil(lambda: "Framework Agreement edited on the command line" in window.model.find_item(item_id).data(),
                    timeout=1000)
    qtbot.waitUntil(lambda: window.briefs_bar.combo.findText("Minister's visit") >= 0, timeout=1000)
    took = time.monotonic() - started
    assert took < 1.0
    assert window.briefs_bar.current_id() == brief  # made current outside: the window's ticks follow it
    index = window.model.find_item(item_id)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert window.selected_item_ids() == [item_id]  # the officer's place is kept
    assert bar.value() == scrolled_to
    assert window.detail.item_id == item_id
    assert "Framework Agreement edited on the command line" in window.detail.form.item.fields["title"]


def test_undo_outside_shows_and_updates_the_undo_menu(make_library, open_window, library_path, qtbot):
    lib = make_library(2)
    window = open_window(lib)
    item_id = lib.query(Query(kind="agreement"))[0]
    outside = Library.open(library_path, seed=False)
    try:
        outside.edit(item_id, "title", "Renamed outside")
        qtbot.waitUntil(lambda: "Renamed outside" in shown_titles(window, "Agreements"), timeout=1000)
        assert window.actions["undo"].isEnabled() and "Undo" in window.actions["undo"].text()
        outside.undo()
    finally:
        outside.close()
    qtbot.waitUntil(lambda: "Renamed outside" not in shown_titles(window, "Agreements"), timeout=1000)


def test_a_write_elsewhere_leaves_what_the_officer_is_typing(make_library, open_window, library_path, qtbot):
    lib = make_library(2)
    window = open_window(lib)
    agreements = lib.query(Query(kind="agreement"))
    window.select_item(agreements[0])
    title = window.detail.form.editors["title"]
    title.set_value("Half-typed tit")  # not committed yet
    outside = Library.open(library_path, seed=False)
    try:
        outside.add_note("A note from the command line")
    finally:
        outside.close()
    qtbot.waitUntil(lambda: window.model.total == lib.count(Query()), timeout=1000)
    qtbot.wait(600)
    assert title.value() == "Half-typed tit"


def test_the_command_line_edit_pick_and_undo_show_in_the_open_window(make_library, open_window, library_path, qtbot):
    import subprocess
    import sys

    lib = make_library(2)
    window = open_window(lib)
    item_id = lib.query(Query(kind="agreement"))[0]

    def briefing(*args: str) -> None:
        result = subprocess.run([sys.executable, "-m", "briefing.cli", *args, "--library", str(library_path)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr

    briefing("edit", str(item_id), "--set", "title=Edited on the command line")
    qtbot.waitUntil(lambda: "Edited on the command line" in window.model.find_item(item_id).data(), timeout=1000)
    briefing("pick", str(item_id), "--brief", "Made on the command line")
    qtbot.waitUntil(lambda: window.briefs_bar.combo.findText("Made on the command line") >= 0, timeout=1000)
    briefing("undo")
    briefing("undo")
    qtbot.waitUntil(lambda: "Edited on the command line" not in window.model.find_item(item_id).data(), timeout=1000)
