"""The window's side of backups: a damaged library opened read-only with its newest backup offered, and
File ▸ Backups… listing, making and restoring them.

Every dialog opens for real and is answered from a timer (tests/ui/modal.py), armed before the window is
opened: the offer is asked as soon as the window is on screen. A handler that opens a further modal dialog
(Restore… asks "Put back the library…?") must let the closer's tick return first - Qt does not fire a
timer again while its own slot is still running, so a nested question would wait for ever.
"""

from __future__ import annotations

import random
import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.library import Library, LibraryError, Query
from briefing.library import backups as backup_store
from tests.ui.modal import ModalCloser
from tests.ui.test_window import group_index, item_rows

GARBAGE = random.Random(12).randbytes(8192)  # the same damage every run: what it hits stays readable


def content(library) -> tuple[int, list[str]]:
    """What an officer sees of a library: how many items, and which sources."""
    return library.count(Query()), sorted(s.title for s in library.sources())


def damage(path) -> bytes:
    """Garbage in the middle of a closed library file (as a failing disk or a bad copy leaves it)."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(GARBAGE)
    return path.read_bytes()


@pytest.fixture
def damaged(make_library, library_path):
    """(the damaged library, opened; what its backup holds; the damaged file's bytes)"""
    lib = make_library(6)
    lib.set_current_brief(lib.create_brief("Minister's visit"))
    lib.backup_now()
    in_backup = content(lib)
    lib.close()
    damaged_bytes = damage(library_path)
    opened = Library.open(library_path, seed=False)
    assert opened.damaged is not None, "the garbage did not damage the library: the test proves nothing"
    return opened, in_backup, damaged_bytes


def press(box: QWidget, text: str) -> bool:
    """Press the message box's button with that text (True: the handler closed the dialog itself)."""
    assert isinstance(box, QMessageBox), f"expected a question, got {type(box).__name__}"
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()
    return True


def test_a_damaged_library_says_so_offers_its_newest_backup_and_comes_back_writable(
        damaged, open_window, qtbot, library_path):
    library, in_backup, _bytes = damaged
    title_behind_offer = []

    def restore_it(box: QWidget) -> bool:
        title_behind_offer.append(box.parentWidget().windowTitle())
        return press(box, "Restore that backup")

    with ModalCloser(restore_it) as closer:
        window = open_window(library)
        qtbot.waitUntil(lambda: window.library.damaged is None, timeout=10_000)

    [offer] = closer.seen
    assert offer.title == "Damaged library" and "is damaged" in offer.text
    assert title_behind_offer == ["library (damaged: read-only) — Briefing Builder"]  # the window was up first
    assert window.windowTitle() == "library — Briefing Builder"
    assert content(window.library) == in_backup
    assert window.model.total == in_backup[0]
    assert group_index(window, "Agreements").data().endswith("(6)")
    note = window.add_note("Raise the visa waiver early.", "Talking point")  # writable again
    assert window.selected_item_ids() == [note]
    reopened = Library.open(library_path, seed=False)
    try:
        assert reopened.damaged is None and reopened.item(note).fields["text"] == "Raise the visa waiver early."
    finally:
        reopened.close()
    assert "before restore" in [b.reason for b in backup_store.list_backups(library_path)]  # the damaged one kept


def test_kept_read_only_a_damaged_library_is_shown_and_edits_are_refused_with_a_message(
        damaged, open_window, qtbot, library_path):
    library, _in_backup, damaged_bytes = damaged
    shown_before = content(library)

    def keep_read_only(box: QWidget) -> bool | None:
        return press(box, "Keep it read-only") if box.windowTitle() == "Damaged library" else None

    with ModalCloser(keep_read_only) as closer:
        window = open_window(library)
        qtbot.waitUntil(lambda: len(closer.seen) == 1)
        assert window.isVisible() and window.windowTitle() == "library (damaged: read-only) — Briefing Builder"
        assert window.model.total == shown_before[0]  # what can be read is shown

        events = item_rows(window, group_index(window, "Events"))
        window.tree.setFocus()
        window.tree.setCurrentIndex(events[0])
        item_id = window.model.item_id(events[0])
        qtbot.keyClick(window.tree, " ")  # tick it for the brief
        qtbot.waitUntil(lambda: len(closer.seen) == 2)

        form = window.detail.form
        original = form.editors["location"].value()
        form.editors["location"].edit.setText("Stockholm")
        form.editors["location"].edit.editingFinished.emit()
        qtbot.waitUntil(lambda: len(closer.seen) == 3)

    for refused in closer.seen[1:]:
        assert refused.cls == "QMessageBox" and refused.title == "Not saved"
        assert "is damaged" in refused.text and "File ▸ Backups…" in refused.text
    assert item_id not in library.picked_ids(library.current_brief_id())
    assert library.item(item_id).fields["location"] == original
    assert window.detail.form.editors["location"].value() == original  # the refused edit is not left on screen
    assert window.isVisible() and content(window.library) == shown_before
    assert library_path.read_bytes() == damaged_bytes  # never written


def test_a_newest_backup_itself_damaged_is_refused_once_and_the_window_stays_read_only(
        damaged, open_window, qtbot, library_path):
    library, _in_backup, damaged_bytes = damaged
    [newest] = backup_store.list_backups(library_path)
    damage(newest.path)

    def restore_it(box: QWidget) -> bool | None:
        return press(box, "Restore that backup") if box.windowTitle() == "Damaged library" else None

    with ModalCloser(restore_it) as closer:
        window = open_window(library)
        qtbot.waitUntil(lambda: len(closer.seen) == 2)
        qtbot.wait(300)  # the damaged library is open again: it is not offered the same backup again

    assert [s.title for s in closer.seen] == ["Damaged library", "Restore backup"]
    assert "could not be restored" in closer.seen[1].text and newest.path.name in closer.seen[1].text
    assert "itself damaged" in closer.seen[1].text
    assert window.isVisible() and window.windowTitle() == "library (damaged: read-only) — Briefing Builder"
    assert window.library.damaged is not None and window.model.total > 0
    assert library_path.read_bytes() == damaged_bytes


def test_the_offer_waits_for_the_window_to_show_and_is_dropped_with_the_window(
        damaged, settings, qtbot, library_path):
    from ui.main_window import MainWindow

    library, _in_backup, _bytes = damaged
    with ModalCloser(lambda box: press(box, "Keep it read-only")) as closer:
        window = MainWindow(library, settings)
        qtbot.addWidget(window)
        qtbot.wait(150)  # the event loop turns: nothing is asked over a window that is not on screen
        assert closer.seen == []
        window.show()
        qtbot.waitUntil(lambda: len(closer.seen) == 1)
        assert window.isVisible()

        again = MainWindow(Library.open(library_path, seed=False), settings)
        qtbot.addWidget(again)
        again.show()
        again.close()  # closed before its question came up: none comes
        qtbot.wait(150)
    assert len(closer.seen) == 1
    window.close()


def open_backups(window, handler) -> ModalCloser:
    with ModalCloser(handler) as closer:
        window.actions["backups"].trigger()
    assert closer.names()[0] == "BackupsDialog"
    return closer


def rows(dialog) -> list[tuple[str, backup_store.Backup]]:
    return [(dialog.list.item(i).text(), dialog.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(dialog.list.count())]


def test_the_backups_dialog_lists_them_newest_first_with_date_and_size_and_backs_up_now(
        make_library, open_window, library_path):
    lib = make_library(2)
    lib.backup_now()
    lib.add_note("between the two backups")
    lib.backup_now()
    window = open_window(lib)
    listed: list[list[tuple[str, backup_store.Backup]]] = []

    def look_and_back_up(dialog: QWidget) -> None:
        listed.append(rows(dialog))
        dialog.backup_button.click()
        listed.append(rows(dialog))  # then the closer closes the dialog

    open_backups(window, look_and_back_up)

    before, after = listed
    assert len(before) == 2 and len(after) == 3
    on_disk = backup_store.list_backups(library_path)
    assert [backup.path for _label, backup in after] == [b.path for b in on_disk]
    made = [backup.made for _label, backup in after]
    assert made == sorted(made, reverse=True)  # newest first
    assert after[1:] == before  # "Back up now" put the new one on top
    for label, backup in after:
        date = backup.made.astimezone().strftime("%Y-%m-%d %H:%M")
        size = f"({backup.size / 1024 ** 2:.1f} MB)"
        # two backups in one second are told apart by a counter in the file name, which shows after the reason
        assert re.fullmatch(rf"{re.escape(date)}  by hand( \d)?  {re.escape(size)}", label), label
        assert backup.size == backup.path.stat().st_size > 0
    with Library.open(after[0][1].path, seed=False) as newest:  # a whole library, as it is now
        assert content(newest) == content(lib)


def test_restoring_a_backup_from_the_dialog_reopens_the_library_with_its_content(
        make_library, open_window, qtbot, library_path):
    lib = make_library(2)
    lib.backup_now()
    in_older = content(lib)
    lib.add_note("after the older backup")
    lib.backup_now()
    window = open_window(lib)
    assert window.model.total == in_older[0] + 1

    def choose_older_and_confirm(dialog: QWidget) -> bool | None:
        if dialog.windowTitle() == "Backups":
            dialog.list.setCurrentRow(1)
            # Restore… asks a question of its own: let this tick end so the closer can answer it
            QTimer.singleShot(0, dialog.restore_button.click)
            return True
        assert dialog.windowTitle() == "Restore backup" and "Put back the library" in dialog.text()
        dialog.button(QMessageBox.StandardButton.Yes).click()
        return True

    with ModalCloser(choose_older_and_confirm) as closer:
        window.actions["backups"].trigger()
        qtbot.waitUntil(lambda: window.library is not lib, timeout=10_000)

    assert closer.names() == ["BackupsDialog", "QMessageBox"]
    with pytest.raises(LibraryError, match="closed"):
        lib.conn  # noqa: B018 - the window closed the library before putting the backup in its place
    assert content(window.library) == in_older
    assert window.model.total == in_older[0]
    assert "Restored library.sqlite3" in window.statusBar().currentMessage()
    assert not window.library.damaged
    window.add_note("written after the restore")  # the reopened library is the window's, writable
    assert window.library.count(Query()) == in_older[0] + 1
