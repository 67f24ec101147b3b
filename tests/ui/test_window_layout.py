"""The window's layout: kept when it changes, the Title column taking the room, publishers in their column,
and an import that shows a count at once."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QSettings, Qt

from tests.ui.test_import import hand_extract, write_sources
from tests.ui.test_window import group_index, item_rows
from ui.tree_model import COL_DATE, COL_PUBLISHER, COL_TITLE, COL_TYPE


def drag_splitter(qtbot, splitter, dx: int) -> None:
    """Drag the splitter's handle with the mouse, as an officer widening the detail pane would."""
    handle = splitter.handle(1)
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(dx // 2, 0))
    qtbot.mouseMove(handle, middle + QPoint(dx, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle + QPoint(dx, 0))


def test_layout_is_saved_when_it_changes_not_only_at_quit(make_library, open_window, qtbot, settings):
    from ui.main_window import MainWindow

    lib = make_library(2)
    window = open_window(lib)
    saves = window.window_state.saves
    window.tree.header().resizeSection(COL_DATE, 137)
    before = window.splitter.sizes()[0]
    drag_splitter(qtbot, window.splitter, -120)
    window.set_grouping("source")
    assert window.window_state.saves == saves  # debounced: not on every pixel of a drag
    qtbot.waitUntil(lambda: window.window_state.saves > saves, timeout=2000)
    assert QSettings().value("tree/grouping") == "source"
    dragged = window.splitter.sizes()[0]
    assert dragged < before - 60

    # the window is still open (no quit, no closeEvent): a second one starts from what was saved
    second = MainWindow(lib, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.tree.header().sectionSize(COL_DATE) == 137
    assert second.model.grouping == "source"
    qtbot.waitExposed(second)
    share = dragged / sum(window.splitter.sizes())
    assert abs(second.splitter.sizes()[0] / sum(second.splitter.sizes()) - share) < 0.03
    second.window_state.save()  # no other way to stop it closing the shared library with it
    second.hide()


def test_the_title_column_takes_the_room_when_the_pane_widens(make_library, open_window, qtbot):
    window = open_window(make_library(2))
    window.resize(1300, 700)
    qtbot.wait(50)
    narrow, pane = window.tree.header().sectionSize(COL_TITLE), window.tree.viewport().width()
    others = window.tree.header().sectionSize(COL_DATE)
    window.resize(1900, 700)
    qtbot.waitUntil(lambda: window.tree.viewport().width() > pane + 200, timeout=2000)
    grown = window.tree.viewport().width() - pane
    assert window.tree.header().sectionSize(COL_TITLE) - narrow >= grown - 2  # all of it goes to the titles
    assert window.tree.header().sectionSize(COL_DATE) == others  # the narrow columns keep their width


def test_source_groups_show_counts_and_the_publisher_in_its_own_column(make_library, open_window):
    lib = make_library(2)
    window = open_window(lib)
    window.set_grouping("source")
    group = window.model.index(0, 0)
    assert group.data().endswith(")") and "(" in group.data()  # "Readout 0: Sweden and Viet Nam  (5)"
    assert group.siblingAtColumn(COL_PUBLISHER).data() == "Ministry for Foreign Affairs"
    assert not group.siblingAtColumn(COL_TYPE).data()
    window.set_grouping("kind")
    agreement = item_rows(window, group_index(window, "Agreements"))[0]
    assert agreement.siblingAtColumn(COL_PUBLISHER).data() == "Ministry for Foreign Affairs"
    assert window.model.headerData(COL_PUBLISHER, Qt.Orientation.Horizontal) == "Publisher"


def test_import_shows_how_many_files_from_the_first_second(make_library, open_window, qtbot, tmp_path):
    window = open_window(make_library(1))
    paths = write_sources(tmp_path / "in", 4)
    started = time.monotonic()
    worker = window.import_paths([tmp_path / "in"], extract=hand_extract(delay=0.3))
    assert window.progress_file.text() == "Counting files…"
    with qtbot.waitSignal(worker.progress, timeout=5000) as first:
        pass
    assert time.monotonic() - started < 1.0  # counted before the import process starts, let alone its model
    assert first.args[:2] == [0, len(paths)]
    assert window.progress.format() == f"0 / {len(paths)}"
    assert "4 files to read" in window.progress_file.text()
    with qtbot.waitSignal(worker.done, timeout=30_000):
        pass


def test_one_word_for_people_in_the_tree_and_the_filter(make_library, open_window):
    window = open_window(make_library(1))
    kinds = [window.filter_bar.kind.itemText(i) for i in range(window.filter_bar.kind.count())]
    assert "People" in kinds and not any("Persons" in k for k in kinds)
    groups = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert any(g.startswith("People") for g in groups)


def test_a_source_row_shows_its_details_and_a_correction_reaches_the_tree(make_library, open_window, qtbot):
    lib = make_library(2)
    window = open_window(lib)
    window.set_grouping("source")
    group = window.model.index(0, 0)
    window.tree.setCurrentIndex(group)
    detail = window.detail.source_detail
    assert window.detail.stack.currentWidget() is window.detail.source_page and detail.isVisible()
    assert detail.fields["publisher"].value() == "Ministry for Foreign Affairs"
    detail._save("publisher", "Government Offices of Sweden")  # what the field's commit does
    qtbot.waitUntil(lambda: window.model.index(0, 0).siblingAtColumn(COL_PUBLISHER).data()
                    == "Government Offices of Sweden", timeout=1000)
    assert "Government Offices of Sweden" in window.detail.source_text.header.text()
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: window.model.index(0, 0).siblingAtColumn(COL_PUBLISHER).data()
                    == "Ministry for Foreign Affairs", timeout=1000)
