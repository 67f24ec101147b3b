"""The window (PySide6): widgets, Qt item models over the core, and the import worker.

Kept empty of imports so the import process (``ui.import_job``) starts without Qt;
modules that use Qt import ``ui.qt_fixes`` first.
"""
