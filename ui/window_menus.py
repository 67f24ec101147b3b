"""The window's actions and menus: every command an officer can choose, with its shortcut and tip.

The actions call the window's own methods (and its brief actions); ``window.actions`` keeps them by name
for the menus, for enabling and disabling, and for the tests' sweep of every action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ui.tree_model import GROUPING_LABELS


def _action(window, name, text, slot=None, shortcut=None, tip=None, checkable=False) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.setCheckable(checkable)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    window.actions[name] = action
    window.addAction(action)
    return action


def make_actions(window) -> None:
    """Every command of the window as a named QAction in ``window.actions`` (menus and shortcuts use them)."""
    window.actions.clear()

    def a(*args, **kwargs) -> QAction:
        return _action(window, *args, **kwargs)

    S = QKeySequence.StandardKey
    a("open_library", "&Open library…", window.open_library_dialog, S.Open, "Open another library file")
    a("new_library", "&New library…", window.new_library_dialog, S.New, "Start an empty library file")
    a("connect_team", "&Connect to team library…", lambda: window.team.connect_dialog(), None,
      "Open the desk's shared library on its PostgreSQL server, logged in as yourself")
    a("open_own_library", "Open o&wn library", lambda: window.team.open_own(), None,
      "Back from the team library to your own library file")
    a("import_files", "&Import files…", window.import_files_dialog, "Ctrl+I",
      "Read articles, readouts and press releases (txt, md, html, docx, pdf, eml)")
    a("import_folder", "Import &folder…", window.import_folder_dialog, "Ctrl+Shift+I",
      "Read every supported file in a folder and its sub-folders")
    a("backup", "&Back up library…", window.backup_dialog, None, "Save a consistent copy of the library")
    a("backups", "Bac&kups…", window.backups_dialog, None,
      "The library's backups (made daily, before upgrades and before re-extracting everything); restore one")
    a("export_json", "Export as &JSON…", window.export_json_dialog, None, "Everything extracted, as JSON")
    a("preferences", "&Preferences…", window.preferences_dialog, S.Preferences, "Your country, name, marking")
    a("quit", "&Quit", window.close, S.Quit)
    a("undo", "&Undo", window.undo, S.Undo, "Undo the last change")
    a("redo", "&Redo", window.redo, "Ctrl+Shift+Z", "Redo what was undone")
    window.actions["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a("find", "&Filter…", window.focus_filter, S.Find, "Type to keep only the matching items")
    a("clear_filter", "Clear filters", window.filter_bar.clear, "Ctrl+Shift+F")
    a("add_note", "Add &note…", window.add_note_dialog, "Ctrl+Shift+N", "A key point or talking point of your own")
    a("add_event", "Add &event", lambda: window.add_item("event"), None, "An event the sources missed")
    a("add_agreement", "Add a&greement", lambda: window.add_item("agreement"), None,
      "An agreement the sources missed")
    a("check", "Add to &brief / remove", window.toggle_checked, None,
      "Tick or untick the selected items for the current brief (Space)")
    window.actions["check"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    a("delete", "&Delete", window.delete_selected, QKeySequence.StandardKey.Delete,
      "Delete the selected items (Delete); Undo restores them")
    window.actions["delete"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the tree takes the key
    a("merge", "&Merge selected", window.merge_selected, "Ctrl+M", "Make the selected items (same kind) one item")
    a("split", "&Split…", window.split_dialog, None, "Move some of an item's evidence to a new item")
    a("expand_all", "&Expand groups", lambda: window.tree.expandToDepth(0), None)
    a("collapse_all", "&Collapse all", window.tree.collapseAll, None)
    a("show_failures", "Import &problems", None, None, "Files that could not be imported", checkable=True)
    window.actions["show_failures"].toggled.connect(window.failures_dock.setVisible)
    window.failures_dock.visibilityChanged.connect(window.actions["show_failures"].setChecked)
    window.group_actions = QActionGroup(window)
    for n, (key, label) in enumerate(GROUPING_LABELS.items(), start=1):
        act = a(f"group_{key}", f"Group by {label.lower()}", lambda key=key: window.set_grouping(key),
                f"Ctrl+{n}", checkable=True)
        window.group_actions.addAction(act)
    a("new_brief", "&New brief…", window.briefs_bar.create)
    a("rename_brief", "&Rename brief…", window.briefs_bar.rename)
    a("duplicate_brief", "D&uplicate brief…", window.briefs_bar.duplicate)
    a("delete_brief", "De&lete brief…", window.briefs_bar.delete)
    a("edit_brief", "&Edit brief…", window.brief_actions.edit_brief, "Ctrl+E", "Title, recipient, purpose, order and wording")
    a("build_brief", "&Build briefing…", window.brief_actions.build_brief, "Ctrl+B", "Render the brief into a Word document")
    a("print_summary", "&Print summary…", window.brief_actions.print_summary, S.Print, "Print a summary of the picked items")
    a("export_pdf", "Export &PDF…", window.brief_actions.export_pdf, None, "Save the summary as PDF")
    a("about", "&About Briefing Builder", window.about)

def make_menus(window) -> None:
    """The menu bar, built from ``window.actions``."""
    bar = window.menuBar()
    A = window.actions
    file_menu = bar.addMenu("&File")
    file_menu.setToolTipsVisible(True)  # a command a team library cannot do yet says so in its tip
    for name in ("open_library", "new_library"):
        file_menu.addAction(A[name])
    window.recent_menu = file_menu.addMenu("Recent libraries")
    file_menu.addSeparator()
    for name in ("connect_team", "open_own_library"):
        file_menu.addAction(A[name])
    file_menu.addSeparator()
    for name in ("import_files", "import_folder"):
        file_menu.addAction(A[name])
    file_menu.addSeparator()
    for name in ("backup", "backups", "export_json"):
        file_menu.addAction(A[name])
    file_menu.addSeparator()
    file_menu.addAction(A["preferences"])
    file_menu.addSeparator()
    file_menu.addAction(A["quit"])
    fill_recent(window)

    edit = bar.addMenu("&Edit")
    for name in ("undo", "redo", None, "find", "clear_filter", None, "add_note", "add_event", "add_agreement", None,
                 "check", "merge", "split", "delete"):
        edit.addSeparator() if name is None else edit.addAction(A[name])
    window.actions["check"].setShortcut(QKeySequence("Space"))  # shown in the menu; the tree handles the key

    view = bar.addMenu("&View")
    view.setToolTipsVisible(True)
    for act in window.group_actions.actions():
        view.addAction(act)
    view.addSeparator()
    view.addAction(A["expand_all"])
    view.addAction(A["collapse_all"])
    view.addSeparator()
    view.addAction(A["show_failures"])

    brief = bar.addMenu("&Brief")
    brief.setToolTipsVisible(True)
    for name in ("new_brief", "rename_brief", "duplicate_brief", "delete_brief", None, "edit_brief",
                 "build_brief", None, "print_summary", "export_pdf"):
        brief.addSeparator() if name is None else brief.addAction(A[name])

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(A["about"])

def fill_recent(window) -> None:
    """The File ▸ Recent libraries sub-menu, without the library open now."""
    window.recent_menu.clear()
    current = str(window.library.path) if window.library is not None else None
    recent = [p for p in window.settings.recent_libraries if p != current]
    for path in recent:
        act = window.recent_menu.addAction(path)
        act.triggered.connect(lambda _c=False, p=path: window.switch_library(p))
    window.recent_menu.setEnabled(bool(recent))
