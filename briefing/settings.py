"""User preferences, declared once: their names, types and defaults live here.

Stored as JSON in the user's config folder; the window and the command line
read the same file. Window geometry stays in QSettings (a Qt concern).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from briefing.paths import config_dir


@dataclass
class Settings:
    own_country: str | None = None  # ISO alpha-2: "counterpart" and the brief's "we" follow it
    prepared_by: str = ""
    default_marking: str = "UNCLASSIFIED"
    last_library: str | None = None
    recent_libraries: list[str] = field(default_factory=list)
    current_brief: dict[str, int] = field(default_factory=dict)  # library path -> brief id
    backups_keep: int = 7  # automatic backups kept per library (before upgrades, re-extract all, daily)
    # The team library last connected to: host, port, database, user - never the password (that is kept in
    # the system keyring, or asked for); on_team_library: the window was on it when it closed.
    team_connection: dict[str, str | int] | None = None
    on_team_library: bool = False

    @classmethod
    def file(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            raw = json.loads(cls.file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self) -> None:
        path = self.file()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)

    def remember_library(self, path: str, keep: int = 8) -> None:
        self.last_library = path
        self.recent_libraries = [path] + [p for p in self.recent_libraries if p != path][: keep - 1]
