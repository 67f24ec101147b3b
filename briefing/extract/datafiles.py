"""Moved into ``briefing.extract.rules`` (one reader and one schema per rule file); this name stays
only for the modules not yet switched over (dates.py)."""

from briefing.extract.rules import DATA_DIR, Checker, DataFileError, load_checked, load_data, read_json

__all__ = ["DATA_DIR", "Checker", "DataFileError", "load_checked", "load_data", "read_json"]
