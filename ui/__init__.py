"""The window (PySide6): widgets, Qt item models over the core, and the import worker."""

from ui import qt_fixes  # noqa: F401 - before any signal is emitted (see qt_fixes)
