"""The real window driven as an officer would: pick, edit, undo, filter, regroup, add, merge, split, restart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from briefing.library import Library, Query
from ui.tree_model import COL_COUNTERPART, COL_TITLE, GroupKeyRole


def top_labels(window) -> list[str]:
    model = window.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def group_index(window, prefix: str) -> QModelIndex:
    model = window.model
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        if index.data().startswith(prefix):
            return index
    raise AssertionError(f"no group {prefix!r} in {top_labels(window)}")


def item_rows(window, group: QModelIndex) -> list[QModelIndex]:
    model = window.model
    if model.canFetchMore(group):
        model.fetchMore(group)
    return [model.index(r, 0, group) for r in range(model.rowCount(group))]


def first_of_kind(lib, kind: str) -> int:
    return lib.query(Query(kind=kind))[0]


def test_window_shows_the_library_grouped_by_kind_with_counterparts(make_library, open_window):
    lib = make_library(3)
    window = open_window(lib)
    assert top_labels(window)[:2] == ["Events  (3)", "Agreements  (3)"]
    rows = item_rows(window, group_index(window, "Agreements"))
    assert rows[-1].data() == "MoU on green energy cooperation"  # oldest last
    # own country is Sweden: the counterpart is Viet Nam only
    counterpart = rows[0].siblingAtColumn(COL_COUNTERPART).data()
    assert "Vietnam" in counterpart or "Viet" in counterpart
    assert "Sweden" not in counterpart
    assert window.filter_bar.count.text() == f"{lib.count(Query())} items"


def test_check_and_uncheck_across_two_briefs_survive_restart(make_library, open_window, library_path):
    lib = make_library(3)
    window = open_window(lib)
    model = window.model
    events = item_rows(window, group_index(window, "Events"))
    first_brief = window.briefs_bar.current_id()

    assert model.setData(events[0], Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert events[0].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # the group shows "some picked"
    assert group_index(window, "Events").data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert "1" in window.briefs_bar.count.text()

    second = window.briefs_bar.create("Visit brief")
    assert window.briefs_bar.current_id() == second
    events = item_rows(window, group_index(window, "Events"))
    assert events[0].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked  # a fresh brief
    agreements = group_index(window, "Agreements")
    model.setData(agreements, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # the whole group
    assert agreements.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert set(lib.picked_ids(second)) == set(lib.query(Query(kind="agreement")))

    # uncheck one of them again
    agreement_rows = item_rows(window, group_index(window, "Agreements"))
    model.setData(agreement_rows[0], Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert len(lib.picked_ids(second)) == 2
    assert group_index(window, "Agreements").data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked

    # back to the first brief: its own pick only
    window.briefs_bar.select(first_brief)
    assert model.picked == set(lib.picked_ids(first_brief)) and len(model.picked) == 1
    window.briefs_bar.select(second)
    window.close()

    reopened = Library.open(library_path, seed=False)
    window2 = open_window(reopened)
    assert window2.briefs_bar.current_id() == second
    assert [window2.briefs_bar.combo.itemText(i) for i in range(window2.briefs_bar.combo.count())] == \
        ["My brief", "Visit brief"]
    assert len(window2.model.picked) == 2
    assert "2" in window2.briefs_bar.count.text()


def test_space_toggles_the_selected_rows_and_delete_is_undoable(make_library, open_window, qtbot):
    lib = make_library(3)
    window = open_window(lib)
    events = item_rows(window, group_index(window, "Events"))
    window.tree.setFocus()
    window.tree.setCurrentIndex(events[1])
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    item_id = window.model.item_id(events[1])
    assert item_id in lib.picked_ids(window.briefs_bar.current_id())
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    assert item_id not in lib.picked_ids(window.briefs_bar.current_id())

    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert lib.query(Query(kind="event")).count(item_id) == 0
    assert group_index(window, "Events").data().endswith("(2)")
    assert window.actions["undo"].text().replace("&", "") == "Undo Delete 1 item"
    window.actions["undo"].trigger()
    assert item_id in lib.query(Query(kind="event"))
    assert group_index(window, "Events").data().endswith("(3)")


def test_edit_in_the_detail_pane_then_undo_and_redo(make_library, open_window):
    lib = make_library(2)
    window = open_window(lib)
    agreement_id = first_of_kind(lib, "agreement")
    assert window.select_item(agreement_id)
    form = window.detail.form
    assert form.item.id == agreement_id
    title = form.editors["title"]
    original = title.value()
    title.edit.setText("Green Energy Partnership")
    title.edit.editingFinished.emit()
    assert lib.item(agreement_id).fields["title"] == "Green Energy Partnership"
    assert window.actions["undo"].text().replace("&", "") == "Undo Edit title"
    index = window.model.find_item(agreement_id)
    assert index.data().startswith("✎ Green Energy Partnership")  # edited rows are flagged

    status = form.editors["status"]
    status.combo.setCurrentIndex(status.combo.findData("proposed"))
    status.combo.activated.emit(status.combo.currentIndex())
    assert lib.item(agreement_id).fields["status"] == "proposed"

    window.actions["undo"].trigger()
    assert lib.item(agreement_id).fields["status"] == "signed"
    window.actions["undo"].trigger()
    assert lib.item(agreement_id).fields["title"] == original
    assert title.edit.text() == original  # the form follows the undo
    assert window.actions["redo"].text().replace("&", "") == "Redo Edit title"
    window.actions["redo"].trigger()
    assert lib.item(agreement_id).fields["title"] == "Green Energy Partnership"
    assert title.edit.text() == "Green Energy Partnership"


def test_detail_pane_highlights_the_evidence_in_the_source(make_library, open_window):
    lib = make_library(1)
    window = open_window(lib)
    agreement_id = first_of_kind(lib, "agreement")
    window.select_item(agreement_id)
    pane = window.detail.source
    selections = pane.text.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == \
        "signed a Memorandum of Understanding on green energy cooperation"
    assert "Readout 0" in pane.header.text() and "UNCLASSIFIED" in pane.header.text()
    assert "/sources/readout-000.txt" in pane.header.text()


def test_date_editor_keeps_the_precision(make_library, open_window):
    lib = make_library(1)
    window = open_window(lib)
    event_id = first_of_kind(lib, "event")
    window.select_item(event_id)
    date = window.detail.form.editors["date"]
    assert date.value() == "2024-03-01"
    date.precision.setCurrentIndex(date.precision.findData(7))
    date.precision.activated.emit(date.precision.currentIndex())
    assert lib.item(event_id).fields["date"] == "2024-03"
    assert window.model.find_item(event_id).siblingAtColumn(1).data() == "Mar 2024"


def test_filter_is_accent_blind_and_keeps_parents_with_a_count(make_library, open_window):
    lib = make_library(3)
    window = open_window(lib)
    total = lib.count(Query())
    window.filter_bar.text.setText("bui thanh son 1")
    window.filter_bar.flush()
    assert top_labels(window) == ["Events  (1)", "People  (1)"]
    assert window.model.total == 2
    assert window.filter_bar.count.text() == f"2 of {total}"
    people = item_rows(window, group_index(window, "People"))
    assert [r.data() for r in people] == ["Bùi Thanh Sơn 1"]

    window.filter_bar.clear()
    window.filter_bar.kind.setCurrentIndex(window.filter_bar.kind.findData("figure"))
    assert top_labels(window) == ["Figures  (1)"]  # the same figure in three sources is one item
    window.filter_bar.clear()
    window.filter_bar.since.setText("2024-03-02")
    window.filter_bar.flush()
    assert window.model.total == lib.count(Query(since="2024-03-02"))
    window.filter_bar.clear()
    assert window.model.total == total


def test_regroup_keeps_the_picks_and_offers_every_grouping(make_library, open_window):
    lib = make_library(2)
    window = open_window(lib)
    agreement_id = first_of_kind(lib, "agreement")
    window.model.set_picked([agreement_id], True)

    window.set_grouping("source")
    labels = top_labels(window)
    assert labels[0].startswith("Readout 1: Sweden and Viet Nam")
    source = window.model.index(0, 0)
    kinds = item_rows(window, source)
    assert [k.data() for k in kinds][:2] == ["Events  (1)", "Agreements  (1)"]

    window.set_grouping("country")
    labels = top_labels(window)
    assert labels[0].startswith("Vietnam") or labels[0].startswith("Viet")
    assert not any(label.startswith("Sweden") for label in labels)  # own country is not a counterpart

    window.set_grouping("date")
    assert top_labels(window)[0].startswith("2024")
    year = window.model.index(0, 0)
    months = item_rows(window, year)
    assert months[0].data().startswith("March 2024")

    window.set_grouping("kind")
    index = window.model.find_item(agreement_id)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert window.actions["group_kind"].isChecked()


def test_add_note_event_and_agreement_by_hand(make_library, open_window):
    lib = make_library(1)
    window = open_window(lib)
    note_id = window.add_note("Raise the visa waiver early in the meeting.", "Talking point")
    assert "Notes  (1)" in top_labels(window)
    assert window.selected_item_ids() == [note_id]
    assert window.detail.form.editors["text"].value() == "Raise the visa waiver early in the meeting."
    assert window.actions["undo"].text().replace("&", "") == "Undo Add note"

    event_id = window.add_item("event")
    assert window.selected_item_ids() == [event_id]
    location = window.detail.form.editors["location"]
    location.edit.setText("Stockholm")
    location.edit.editingFinished.emit()
    assert lib.item(event_id).fields["location"] == "Stockholm"
    window.add_item("agreement")
    assert group_index(window, "Agreements").data().endswith("(2)")


def test_merge_and_split_people(make_library, open_window):
    lib = make_library(2)
    window = open_window(lib)
    people = [i for i in lib.query(Query(kind="person")) if lib.item(i).fields["name"].startswith("Anna")]
    assert len(people) == 2
    rows = [window.model.find_item(i) for i in people]
    selection = window.tree.selectionModel()
    selection.clearSelection()
    for index in rows:
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert sorted(window.selected_item_ids()) == sorted(people)
    assert window.detail.stack.currentWidget() is window.detail.multi
    assert window.detail.multi.merge.isEnabled()
    window.detail.multi.merge.click()
    remaining = [i for i in lib.query(Query(kind="person")) if lib.item(i).fields["name"].startswith("Anna")]
    assert len(remaining) == 1
    merged = lib.item(remaining[0])
    assert len(merged.evidence) == 2
    assert window.selected_item_ids() == [merged.id]

    form = window.detail.form
    assert form.evidence.count() == 2
    form.evidence.item(1).setSelected(True)
    assert form.split_button.isEnabled()
    form.split_button.click()
    anna = [i for i in lib.query(Query(kind="person")) if lib.item(i).fields["name"].startswith("Anna")]
    assert len(anna) == 2
    assert window.actions["undo"].text().replace("&", "") == "Undo Split person"
    window.actions["undo"].trigger()
    assert len([i for i in lib.query(Query(kind="person")) if lib.item(i).fields["name"].startswith("Anna")]) == 1


def test_bulk_status_and_uncheck_from_the_multi_selection(make_library, open_window):
    lib = make_library(3)
    window = open_window(lib)
    agreements = item_rows(window, group_index(window, "Agreements"))
    selection = window.tree.selectionModel()
    for index in agreements:
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    multi = window.detail.multi
    multi.check.click()
    assert len(lib.picked_ids(window.briefs_bar.current_id())) == 3
    multi.status.setCurrentIndex(multi.status.findData("in-force"))
    multi.status.activated.emit(multi.status.currentIndex())
    assert {lib.item(i).fields["status"] for i in lib.query(Query(kind="agreement"))} == {"in-force"}
    multi.uncheck.click()
    assert lib.picked_ids(window.briefs_bar.current_id()) == []


def test_restart_finds_edits_notes_briefs_and_window_state(make_library, open_window, library_path):
    lib = make_library(2)
    window = open_window(lib)
    agreement_id = first_of_kind(lib, "agreement")
    lib.edit(agreement_id, "title", "Edited title")
    note_id = window.add_note("Remember the trade figures.")
    brief = window.briefs_bar.create("Minister's visit")
    window.model.set_picked([note_id, agreement_id], True)
    window.set_grouping("date")
    window.splitter.setSizes([400, 900])
    sizes = window.splitter.sizes()
    window.close()

    window2 = open_window(Library.open(library_path, seed=False))
    lib2 = window2.library
    assert lib2.item(agreement_id).fields["title"] == "Edited title"
    assert lib2.item(note_id).fields["text"] == "Remember the trade figures."
    assert window2.briefs_bar.current_id() == brief
    assert window2.model.picked == {note_id, agreement_id}
    assert window2.model.grouping == "date"
    # the screen may clamp the window's size; the split between tree and detail keeps its proportion
    restored = window2.splitter.sizes()
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02


def test_own_country_changes_the_counterpart(make_library, open_window):
    lib = make_library(1)
    window = open_window(lib)
    index = window.model.find_item(first_of_kind(lib, "agreement"))
    assert "Sweden" not in index.siblingAtColumn(COL_COUNTERPART).data()
    window.set_own_country("VN")
    index = window.model.find_item(first_of_kind(lib, "agreement"))
    assert index.siblingAtColumn(COL_COUNTERPART).data() == "Sweden"


def test_backup_writes_a_library_that_opens(make_library, open_window, tmp_path):
    lib = make_library(1)
    window = open_window(lib)
    target = tmp_path / "copy.sqlite3"
    window.backup_to(target)
    with Library.open(target, seed=False) as copy:
        assert copy.count(Query()) == lib.count(Query())


def test_switching_library_and_recent_list(make_library, open_window, tmp_path, settings):
    lib = make_library(1)
    window = open_window(lib)
    other = tmp_path / "other.sqlite3"
    assert window.switch_library(other)
    assert window.model.total == 0
    assert window.briefs_bar.current_id() is not None  # a fresh library gets a brief to fill
    assert settings.recent_libraries[0] == str(other)
    assert window.windowTitle().startswith("other")


def test_about_names_the_version(make_library, open_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import briefing

    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.update(text=text))
    window = open_window(make_library(0))
    window.actions["about"].trigger()
    assert briefing.__version__ in shown["text"]
    assert {"File", "Edit", "View", "Help"} <= {a.text().replace("&", "") for a in window.menuBar().actions()}
    assert window.actions["find"].shortcut().toString() == "Ctrl+F"
    assert window.actions["undo"].shortcut().toString() == "Ctrl+Z"
    assert QApplication.instance() is not None
    assert COL_TITLE == 0


def test_sources_not_analysed_are_flagged(make_library, open_window):
    import hashlib

    from briefing.model import Extraction, Source

    lib = make_library(1)
    text = "Le ministre des Affaires étrangères a rencontré son homologue."
    lib.add_source(Source(path="/sources/communique.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                          title="Communiqué", language="fr"),
                   Extraction(analysed=False, note="not analysed (language: fr)"))
    window = open_window(lib)
    assert window.not_analysed.isVisibleTo(window) and "1 source not analysed" in window.not_analysed.text()
    window.set_grouping("source")
    labels = top_labels(window)
    assert "⚠ Communiqué  (0)" in labels
    index = window.model.index(labels.index("⚠ Communiqué  (0)"), 0)
    assert index.siblingAtColumn(3).data() == "not analysed"
    window.tree.setCurrentIndex(index)
    assert window.detail.stack.currentWidget() is window.detail.source_page
    assert "not analysed" in window.detail.source_text.header.text()
    assert window.detail.source_detail.source_id == index.data(GroupKeyRole)[1]  # its citation details, to correct


def test_deleting_the_current_brief_moves_to_another(make_library, open_window, qtbot):
    lib = make_library(1)
    window = open_window(lib)
    first = window.briefs_bar.current_id()
    second = window.briefs_bar.create("Second")
    window.briefs_bar.delete(confirm=False)
    qtbot.waitUntil(lambda: window.model.brief_id == first)
    assert lib.current_brief_id() == first
    window.actions["undo"].trigger()  # the brief comes back
    assert second in [b.id for b in lib.briefs()]
