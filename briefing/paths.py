"""Where the program keeps its files: the one place that resolves user folders.

``BRIEFING_HOME`` overrides the per-user data folder (tests and portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "BriefingBuilder"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
BUILTIN_TEMPLATES_DIR = PROJECT_ROOT / "templates"


def data_dir() -> Path:
    override = os.environ.get("BRIEFING_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("BRIEFING_HOME")
    path = Path(override) / "config" if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_library_path() -> Path:
    return data_dir() / "library.sqlite3"


def user_templates_dir() -> Path:
    path = data_dir() / "templates"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """What the program can rebuild from its own files (the extraction's built rule data)."""
    override = os.environ.get("BRIEFING_HOME")
    path = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
