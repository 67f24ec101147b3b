"""The officer's workspace: the library tree, the detail pane, briefs, filters, import and the menus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import briefing
from briefing.library import Query
from briefing.library.kind_rules import new_item_fields, split_by_status
from briefing.library.records import Change
from briefing.paths import SEEDS_DIR
from ui import qt_fixes  # noqa: F401 - before Qt calls back into Python (see qt_fixes)
from ui.brief_actions import BriefActions
from ui.briefs_bar import BriefsBar
from ui.detail_view import DetailView
from ui.dialogs.note_dialog import NoteDialog
from ui.failures_panel import FailuresPanel
from ui.filter_bar import FilterBar
from ui.format import KIND_LABELS
from ui.import_controller import ImportController
from ui.library_faults import report_library_faults
from ui.library_tree import LibraryTree
from ui.library_watch import LibraryWatcher
from ui.preferences import PreferencesDialog
from ui.team_session import TeamSession
from ui.tree_model import COL_PUBLISHER, GROUPING_LABELS, GroupKeyRole, LibraryTreeModel
from ui.window_menus import fill_recent, make_actions, make_menus
from ui.window_state import WindowState
from ui.workers import ImportWorker

LIBRARY_FILTER = "Briefing libraries (*.sqlite3 *.sqlite *.db);;All files (*)"
IMPORT_FILTER = "Sources (*.txt *.text *.md *.markdown *.html *.htm *.docx *.pdf *.eml);;All files (*)"


class MainWindow(QMainWindow):
    """Open on a Library (and the user's Settings); closes the library when the window closes."""

    def __init__(self, library, settings, parent=None):
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self._unsubscribe = None
        self._closed = False
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)

        # -- widgets ---------------------------------------------------------------------------------
        self.model = LibraryTreeModel(library, self, own_country=settings.own_country)
        self.tree = LibraryTree()
        self.tree.setModel(self.model)

        self.briefs_bar = BriefsBar(library)
        self.group_combo = QComboBox(toolTip="How the tree groups the items (Ctrl+1 … Ctrl+4)")
        for key, label in GROUPING_LABELS.items():
            self.group_combo.addItem(label, key)
        self.filter_bar = FilterBar()
        self.filter_bar.countries_provider = self.library_countries
        self.detail = DetailView(library)
        self.failures = FailuresPanel()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 0)
        row = QHBoxLayout()
        row.addWidget(self.briefs_bar)
        row.addStretch(1)
        row.addWidget(QLabel("Group by:"))
        row.addWidget(self.group_combo)
        top_layout.addLayout(row)
        top_layout.addWidget(self.filter_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.failures_dock = QDockWidget("Import problems", self)
        self.failures_dock.setObjectName("failures")
        self.failures_dock.setWidget(self.failures)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.failures_dock)
        self.failures_dock.hide()

        # status bar: messages, sources not analysed, then the import's progress and Cancel
        self.status_label = QLabel()
        self.not_analysed = QLabel()
        self.not_analysed.setStyleSheet("color: #a15c00")
        self.not_analysed.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.not_analysed)
        self.imports = ImportController(self, self.statusBar(), self.failures, self.failures_dock)
        self.progress, self.progress_file = self.imports.progress, self.imports.progress_file
        self.cancel_button = self.imports.cancel_button

        # other connections' commits (the command line, another window); our import has its own catch-up
        self.watcher = LibraryWatcher(self, paused=lambda: self.worker is not None)
        self.brief_actions = BriefActions(self, self.briefs_bar)
        self.window_state = WindowState(self, self.splitter, self.detail.item_page, self.tree.header(),
                                        grouping=lambda: self.model.grouping)

        self.actions: dict[str, QAction] = {}  # by name; filled by make_actions
        make_actions(self)
        make_menus(self)
        self.team = TeamSession(self)  # File ▸ Connect to team library…, and which library is open, as whom

        # -- wiring ---------------------------------------------------------------------------------
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.tree.toggleRequested.connect(self.toggle_checked)
        self.tree.deleteRequested.connect(self.delete_selected)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.group_combo.activated.connect(lambda _i: self.set_grouping(self.group_combo.currentData()))
        self.filter_bar.queryChanged.connect(self._on_query)
        self.filter_bar.text.returnPressed.connect(self.filter_bar.flush)
        self.briefs_bar.briefChanged.connect(self._on_brief_changed)
        self.model.countChanged.connect(self._update_count)
        self.model.pickedChanged.connect(self.briefs_bar.set_count)
        self.model.modelReset.connect(self._after_reset)
        self.detail.splitRequested.connect(self.split_item)
        self.detail.checkRequested.connect(self.set_checked)
        self.detail.deleteRequested.connect(self.delete_selected)
        self.detail.mergeRequested.connect(self.merge_selected)
        self.detail.statusRequested.connect(self.set_status)

        report_library_faults(self, reread=self._show_library_as_it_is)  # a refused write (damaged, full disk)
        self._attach_library(library)
        self._restore_state()

    # ================================================================ library
    def _attach_library(self, library) -> None:
        self.library = library
        self._unsubscribe = library.subscribe(self._on_change)
        self.watcher.watch(library)
        self.brief_actions.set_library(library)
        self.briefs_bar.set_library(library)
        if library.damaged is not None:
            pass  # opened read-only: nothing is written, not even a first brief
        elif not library.briefs():
            brief_id = library.create_brief("My brief")
            library.set_current_brief(brief_id)
            self.briefs_bar.reload()
        elif library.current_brief_id() is None:
            library.set_current_brief(library.briefs()[0].id)
            self.briefs_bar.reload()
        self.model.set_brief(self.briefs_bar.current_id())
        self._update_countries()
        self._update_sources_note()
        self._update_undo()
        self._update_count()
        self._expand_default()
        self._update_title()
        self.team.library_attached(library)
        if library.damaged is not None:
            from ui.dialogs.backups import RestoreOffer

            RestoreOffer(self, library, self.restore_backup)  # asked once the window is on screen

    def _detach_library(self) -> None:
        self.watcher.stop()
        self.cancel_import(wait=True)
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        self.brief_actions.close_editor()

    def switch_library(self, path) -> bool:
        """Open another library file in this window (the current one is closed)."""
        from briefing.library import Library
        from briefing.library.db import LibraryError

        path = Path(path)
        try:
            new = Library.open(path, seed=False)
        except (LibraryError, OSError) as exc:
            QMessageBox.warning(self, "Open library", f"Cannot open {path}:\n{exc}")
            return False
        self.settings.on_team_library = False
        self.replace_library(new)
        self.settings.remember_library(str(path))
        self.settings.save()
        fill_recent(self)
        self.show_message(f"Opened {path}")
        return True

    def replace_library(self, new) -> None:
        """Show ``new`` (an own library file or a team library) instead of the library open now, closing it."""
        self._detach_library()
        old = self.library
        self.model.set_library(new)
        self.detail.set_library(new)
        self.filter_bar.clear()
        self.failures.clear()
        self._attach_library(new)
        if old is not None:
            old.close()
        fill_recent(self)

    def _update_title(self) -> None:
        damaged = " (damaged: read-only)" if self.library.damaged is not None else ""
        self.setWindowTitle(f"{Path(self.library.path).stem}{damaged} — Briefing Builder")
        self.setWindowFilePath(str(self.library.path))

    # ================================================================ state
    @property
    def worker(self) -> ImportWorker | None:
        """The import running now, if any."""
        return self.imports.worker

    @property
    def _refresh_timer(self) -> QTimer:
        return self.imports.refresh_timer

    @property
    def last_report(self):
        return self.imports.last_report

    def _restore_state(self) -> None:
        grouping = self.window_state.restore()
        self.tree.set_column_modes()  # a saved header brings back its own resize modes
        self.failures_dock.hide()
        self.set_grouping(grouping if grouping in GROUPING_LABELS else "kind", force=True)

    def save_state(self) -> None:
        self.window_state.save()

    def closeEvent(self, event) -> None:
        self._closed = True
        self.save_state()
        self._detach_library()
        self.model.set_library(None)  # empty before the library closes: a last paint must not read from it
        if self.library is not None:
            self.library.close()
        super().closeEvent(event)

    # ================================================================ tree
    def set_grouping(self, grouping: str, force: bool = False) -> None:
        if grouping not in GROUPING_LABELS:
            return
        self.group_combo.setCurrentIndex(self.group_combo.findData(grouping))
        # who published a source matters when the tree lists sources; beside items it would crowd the titles
        self.tree.setColumnHidden(COL_PUBLISHER, grouping != "source")
        self.actions[f"group_{grouping}"].setChecked(True)
        if grouping != self.model.grouping or force:
            selected = self.selected_item_ids()
            self.model.set_grouping(grouping)
            self.window_state.changed()
            self._expand_default()
            if len(selected) == 1:
                self.select_item(selected[0])

    def _expand_default(self) -> None:
        """Open the top groups when there are few of them (kinds): items show at once."""
        if self.model.rowCount() <= 6:
            for row in range(self.model.rowCount()):
                self.tree.expand(self.model.index(row, 0))

    def _after_reset(self) -> None:
        self.detail.show_nothing()

    def _on_query(self, q: Query) -> None:
        self.model.set_query(q)
        self._expand_default()

    def _update_count(self, *_args) -> None:
        if self.library is None:
            return
        total = self.library.count(Query()) if self.filter_bar.is_active() else self.model.total
        self.filter_bar.set_count(self.model.total, total)

    def _update_sources_note(self) -> None:
        """A standing reminder of sources the extraction could not read (other languages, no text)."""
        skipped = [s for s in self.library.sources() if not s.analysed]
        self.not_analysed.setVisible(bool(skipped))
        self.not_analysed.setText(f"⚠ {len(skipped)} source{'s' if len(skipped) != 1 else ''} not analysed")
        self.not_analysed.setToolTip("These sources are stored but no items were taken from them; group by source "
                                     "to see them and add items by hand:\n" +
                                     "\n".join(f"{s.title or s.path} — {s.note or 'not analysed'}"
                                               for s in skipped[:20]))

    def _update_countries(self) -> None:
        self.filter_bar.countries_changed()

    def library_countries(self) -> list[str]:
        return [key for key, _label, _n in self.library.groups("country", Query()) if key]

    def selected_indexes(self) -> list[QModelIndex]:
        return [i for i in self.tree.selectionModel().selectedRows(0)]

    def selected_item_ids(self) -> list[int]:
        out: list[int] = []
        for index in self.selected_indexes():
            item_id = self.model.item_id(index)
            if item_id is not None and item_id not in out:
                out.append(item_id)
        return out

    def _selected_ids_with_groups(self) -> list[int]:
        out = dict.fromkeys(self.selected_item_ids())
        for index in self.selected_indexes():
            if self.model.is_group(index):
                out.update(dict.fromkeys(self.model.group_item_ids(index)))
        return list(out)

    def select_item(self, item_id: int) -> bool:
        index = self.model.find_item(item_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def _on_selection(self, *_args) -> None:
        ids = self.selected_item_ids()
        if len(ids) == 1:
            self.detail.show_item(ids[0])
        elif len(ids) > 1:
            self.detail.show_items(ids)
        else:
            indexes = self.selected_indexes()
            if len(indexes) == 1 and self.model.grouping == "source" and self.model.is_group(indexes[0]):
                by, key = indexes[0].data(GroupKeyRole)
                if by == "source" and key is not None:
                    self.detail.show_source(key)
                    return
            self.detail.show_nothing()
        self._update_selection_actions()

    def _update_selection_actions(self) -> None:
        ids = self.selected_item_ids()
        self.actions["delete"].setEnabled(bool(ids))
        self.actions["merge"].setEnabled(len(ids) > 1)
        self.actions["split"].setEnabled(len(ids) == 1)

    def _on_double_click(self, index: QModelIndex) -> None:
        if self.model.item_id(index) is not None:
            self.detail.form.setFocus()

    # ================================================================ library changes
    def _on_change(self, change: Change) -> None:
        self._update_undo()
        if change.what in ("briefs", "picks", "reset"):
            if self.library.current_brief_id() is None and self.library.briefs():
                # the current brief went away (deleted, or its creation undone): move to another one
                QTimer.singleShot(0, self._ensure_current_brief)
            self.briefs_bar.reload()
            if self.briefs_bar.current_id() != self.model.brief_id:
                self.model.set_brief(self.briefs_bar.current_id())
        if change.what in ("sources-added", "sources-removed", "reset"):
            self._update_countries()
            self._update_sources_note()
        if change.what not in ("briefs", "picks"):
            self.detail.refresh(change)
            self._update_count()

    def _ensure_current_brief(self) -> None:
        if self._closed or self.library is None:
            return
        if self.library.current_brief_id() is None:
            briefs = self.library.briefs()
            if briefs:
                self.briefs_bar.select(briefs[-1].id)

    def _update_undo(self) -> None:
        undo_name = self.library.undo_name() if self.library else None
        redo_name = self.library.redo_name() if self.library else None
        self.actions["undo"].setText(f"&Undo {undo_name}" if undo_name else "&Undo")
        self.actions["undo"].setEnabled(undo_name is not None)
        self.actions["redo"].setText(f"&Redo {redo_name}" if redo_name else "&Redo")
        self.actions["redo"].setEnabled(redo_name is not None)

    def _on_brief_changed(self, brief_id) -> None:
        self.model.set_brief(brief_id)
        self.brief_actions.follow_brief(brief_id)

    # ================================================================ edits
    def undo(self) -> None:
        name = self.library.undo()
        self.show_message(f"Undone: {name}" if name else "Nothing to undo")

    def redo(self) -> None:
        name = self.library.redo()
        self.show_message(f"Redone: {name}" if name else "Nothing to redo")

    def toggle_checked(self) -> None:
        ids = self._selected_ids_with_groups()
        if not ids:
            return
        picked = self.model.picked
        self.set_checked(not all(i in picked for i in ids))

    def set_checked(self, checked: bool) -> None:
        ids = self._selected_ids_with_groups()
        if ids and self.model.brief_id is not None:
            self.model.set_picked(ids, checked)

    def delete_selected(self) -> None:
        ids = self.selected_item_ids()
        if not ids:
            return
        self.library.delete_items(ids)
        self.show_message(f"Deleted {len(ids)} item{'s' if len(ids) != 1 else ''} — Undo (Ctrl+Z) brings "
                          f"{'them' if len(ids) != 1 else 'it'} back")

    def merge_selected(self) -> None:
        ids = self.selected_item_ids()
        if len(ids) < 2:
            return
        try:
            kept = self.library.merge(ids)
        except ValueError as exc:
            QMessageBox.information(self, "Merge", str(exc).capitalize())
            return
        self.select_item(kept)
        self.show_message(f"Merged {len(ids)} items — Undo separates them again")

    def split_dialog(self) -> None:
        ids = self.selected_item_ids()
        if len(ids) != 1:
            return
        item = self.library.item(ids[0])
        if len(item.evidence) < 2:
            QMessageBox.information(self, "Split", "This item has a single piece of evidence: nothing to split.")
            return
        QMessageBox.information(self, "Split", "Select the pieces of evidence that belong to a separate item in the "
                                "Evidence list of the detail pane, then press “Split selected evidence”.")
        self.detail.form.evidence.setFocus()

    def split_item(self, item_id: int, evidence_ids: list) -> None:
        try:
            new_id = self.library.split(item_id, evidence_ids)
        except ValueError as exc:
            QMessageBox.information(self, "Split", str(exc).capitalize())
            return
        self.select_item(new_id)
        self.show_message("Split into a new item — Undo joins them again")

    def set_status(self, status: str) -> None:
        fitting, other = split_by_status(self.library.rows(self.selected_item_ids()), status)
        if fitting:
            self.library.edit_many(fitting, "status", status)
        skipped = len(other)
        self.show_message(f"Status “{status}” set on {len(fitting)} item(s)" +
                          (f"; {skipped} skipped (no such status for their kind)" if skipped else ""))

    def add_note(self, text: str, title: str = "") -> int:
        item_id = self.library.add_note(text, title)
        self.select_item(item_id)
        return item_id

    def add_note_dialog(self) -> None:
        dialog = NoteDialog(self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                title, text = dialog.note()
                if text or title:
                    self.add_note(text, title)
        finally:
            dialog.deleteLater()

    def add_item(self, kind: str) -> int:
        item_id = self.library.add_item(kind, new_item_fields(kind))
        self.select_item(item_id)
        self.detail.form.setFocus()
        self.show_message(f"Added a {KIND_LABELS[kind].lower()}: fill in its fields on the right")
        return item_id

    # ================================================================ import
    def import_paths(self, paths, *, extract=None) -> ImportWorker | None:
        """Import files and folders off the GUI thread; returns the worker (None if queued)."""
        if not self.team.can_import():
            self.show_message("Importing from the window is not available on a team library yet: "
                              "`briefing import --library postgresql://…` imports into it")
            return None
        return self.imports.start(paths, extract=extract)

    def _catch_up(self) -> None:
        """Another connection (the import) wrote to the library: re-read what the window shows."""
        if self.library is None:
            return
        self.model.forget_rows()
        self.model.refresh_sources()
        self.model.refresh()
        self.detail.refresh(Change("reset"))
        self._update_countries()
        self._update_sources_note()
        self._update_undo()
        self._update_count()
        self._expand_default()

    def cancel_import(self, wait: bool = False) -> None:
        self.imports.cancel(wait=wait)

    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import files", str(Path.home()), IMPORT_FILTER)
        if files:
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import folder", str(Path.home()))
        if folder:
            self.import_paths([folder])

    def import_seeds(self) -> ImportWorker | None:
        if SEEDS_DIR.is_dir():
            return self.import_paths([str(SEEDS_DIR)])
        return None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # ================================================================ file menu
    def open_library_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open library", str(Path(self.library.path).parent),
                                              LIBRARY_FILTER)
        if path:
            self.switch_library(path)

    def new_library_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New library", str(Path(self.library.path).parent /
                                                                       "new-library.sqlite3"), LIBRARY_FILTER)
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(self, "New library", f"{path} exists already; use Open library to open it.")
            return
        self.switch_library(path)

    def backup_dialog(self) -> None:
        suggested = Path.home() / f"{Path(self.library.path).stem}-backup-{dt.date.today().isoformat()}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(self, "Back up library", str(suggested), LIBRARY_FILTER)
        if path:
            self.backup_to(path)

    def backups_dialog(self) -> None:
        from ui.dialogs.backups import BackupsDialog

        BackupsDialog(self.library, self.restore_backup, self).exec()

    def restore_backup(self, backup) -> bool:
        """Put ``backup`` back as this window's library: close it, restore the file, open it again."""
        from briefing.library import Library
        from briefing.library import backups as backup_store
        from briefing.library.db import LibraryError

        path = Path(self.library.path)
        if self.worker is not None:
            QMessageBox.warning(self, "Restore backup", "Wait for the import to finish (or cancel it) first.")
            return False
        self._detach_library()
        self.library.close()
        try:
            backup_store.restore(backup, path)
        except (LibraryError, OSError) as exc:
            QMessageBox.warning(self, "Restore backup", f"The backup could not be restored:\n{exc}")
        new = Library.open(path, seed=False)  # restored, or the library as it was if the restore failed
        self.model.set_library(new)
        self.detail.set_library(new)
        self.failures.clear()
        self._attach_library(new)
        self.show_message(f"Restored {path.name} from the backup of {backup.label.split('  ')[0]}")
        return True

    def _show_library_as_it_is(self) -> None:
        """After a refused write: the tree and the form show what the library holds, not what was typed."""
        self._catch_up()
        if self.detail.item_id is not None:
            self.detail.show_item(self.detail.item_id)

    def backup_to(self, path) -> None:
        try:
            self.library.backup(path)
        except Exception as exc:  # noqa: BLE001 - tell the user, keep working
            QMessageBox.warning(self, "Back up library", f"The backup could not be written:\n{exc}")
            return
        self.show_message(f"Library backed up to {path}")

    def export_json_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export JSON", str(Path.home() / "library.json"),
                                              "JSON (*.json)")
        if path:
            try:
                self.library.export_json(path)
            except Exception as exc:  # noqa: BLE001
                QMessageBox.warning(self, "Export JSON", f"Could not export:\n{exc}")
                return
            self.show_message(f"Exported to {path}")

    def preferences_dialog(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.apply()
            self.set_own_country(self.settings.own_country)

    def set_own_country(self, code: str | None) -> None:
        self.settings.own_country = code
        self.model.set_own_country(code)
        self._expand_default()

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()

    # ================================================================ help
    def about(self) -> None:
        QMessageBox.about(
            self, "About Briefing Builder",
            f"<h3>Briefing Builder {briefing.__version__}</h3>"
            "<p>Turns articles, readouts and press releases into briefing notes: it finds the events, "
            "agreements, people and figures in your sources, lets you check and correct them, and writes "
            "the picked items into a Word brief.</p><p>Works entirely offline.</p>"
            f"<p>Library: <code>{self.library.path}</code></p>")

    def show_message(self, text: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout)
