"""The tree model stays lazy on big libraries and follows library changes without resetting the view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeView

from briefing.library import Query
from briefing.library.records import ItemRow
from tests.ui.conftest import hand_made_source
from ui.tree_model import PAGE, LibraryTreeModel


class BigFakeLibrary:
    """The read side of the library contract over 20,000 made-up items, counting what is asked of it."""

    KINDS = ("event", "agreement", "person", "figure", "note")

    def __init__(self, n: int = 20_000):
        self.kind_of = {i: self.KINDS[i % len(self.KINDS)] for i in range(1, n + 1)}
        self.rows_asked = 0

    def _ids(self, q: Query | None) -> list[int]:
        kind = q.kind if q else None
        return [i for i, k in self.kind_of.items() if kind is None or k == kind]

    def groups(self, by, q=None):
        assert by == "kind"
        ids = self._ids(q)
        return [(k, k.title() + "s", sum(1 for i in ids if self.kind_of[i] == k)) for k in self.KINDS]

    def group_ids(self, by, key, q=None):
        return [i for i in self._ids(q) if self.kind_of[i] == key]

    def query(self, q=None):
        return self._ids(q)

    def count(self, q=None):
        return len(self._ids(q))

    def rows(self, ids):
        self.rows_asked += len(ids)
        return [ItemRow(id=i, kind=self.kind_of[i], date="2024-01-01", label=f"Item {i}", status=None, type=None,
                        countries=("FR",), edited=False, source_ids=(1,)) for i in ids]

    def picked_ids(self, brief_id):
        return []

    def sources(self):
        return []

    def subscribe(self, callback):
        return lambda: None


def test_painting_twenty_thousand_items_fetches_only_the_visible_pages(qtbot):
    lib = BigFakeLibrary()
    model = LibraryTreeModel(lib)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    for row in range(model.rowCount()):
        view.expand(model.index(row, 0))
    view.viewport().repaint()
    QApplication.processEvents()
    # every group holds 4,000 items, but only a page of each is exposed and only painted rows are fetched
    assert model.rowCount(model.index(0, 0)) < 4000
    assert model.rowCount(model.index(0, 0)) % PAGE == 0
    assert 0 < lib.rows_asked <= 300
    assert lib.rows_asked == model.rows_fetched

    # scrolling to the end of the first group exposes the next page, still without fetching everything
    view.scrollTo(model.index(PAGE - 1, 0, model.index(0, 0)))
    QApplication.processEvents()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert lib.rows_asked <= 1000
    model.close()


def _load_bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "bench_tree.py"
    spec = importlib.util.spec_from_file_location("bench_tree", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_first_paint_of_the_window_fetches_a_few_hundred_rows(tmp_path, open_window):
    from briefing.library import Library

    bench = _load_bench()
    path = tmp_path / "big.sqlite3"
    bench.build(path, 1000)  # the benchmark's library, smaller: 1,000 distinct items, no model
    lib = Library.open(path, seed=False)
    total = lib.count(Query())
    assert total >= 900
    window = open_window(lib)
    window.tree.viewport().repaint()
    QApplication.processEvents()
    assert 0 < window.model.rows_fetched <= 300
    assert window.model.rows_fetched < total / 2


def test_new_sources_insert_rows_without_resetting_the_view(make_library, open_window, qtbot):
    lib = make_library(2)
    window = open_window(lib)
    model = window.model
    resets, inserted, removed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((parent.data(), first, last)))
    model.rowsRemoved.connect(lambda parent, first, last: removed.append((parent.data(), first, last)))
    events = model.index(0, 0)
    assert events.data() == "Events  (2)"
    selected_id = model.item_id(model.index(1, 0, events))
    window.select_item(selected_id)

    source, extraction = hand_made_source(7, date="2025-01-05")  # newest: goes first
    lib.add_source(source, extraction)
    assert resets == []
    assert model.index(0, 0).data() == "Events  (3)"
    assert window.tree.isExpanded(model.index(0, 0))
    assert ("Events  (3)", 0, 0) in inserted
    assert window.selected_item_ids() == [selected_id]  # the selection stayed on its item

    # deleting removes just that row
    new_event = model.item_id(model.index(0, 0, model.index(0, 0)))
    lib.delete_items([new_event])
    assert resets == []
    assert ("Events  (2)", 0, 0) in removed
    assert window.selected_item_ids() == [selected_id]


def test_an_edit_that_moves_an_item_keeps_the_rows_consistent(make_library, open_window):
    lib = make_library(3)
    window = open_window(lib)
    model = window.model
    events = model.index(0, 0)
    ids = [model.item_id(model.index(r, 0, events)) for r in range(model.rowCount(events))]
    lib.edit(ids[-1], "date", "2030-01-01")  # the oldest becomes the newest
    events = model.index(0, 0)
    shown = [model.item_id(model.index(r, 0, events)) for r in range(model.rowCount(events))]
    assert shown == lib.query(Query(kind="event"))
    assert model.index(0, 1, events).data() == "1 Jan 2030"


def test_group_check_box_is_tri_state(make_library, open_window):
    lib = make_library(2)
    window = open_window(lib)
    model = window.model
    agreements = model.index(1, 0)
    assert agreements.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(model.index(0, 0, agreements) if model.rowCount(agreements) else agreements,
                  Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert agreements.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    model.setData(agreements, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert agreements.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.setData(agreements, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # a click on a full box
    assert agreements.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert lib.picked_ids(window.briefs_bar.current_id()) == []
