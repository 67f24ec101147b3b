"""Finds the templates an officer can choose: the built-in ones and those in the user's templates folder.

A Word template names and describes itself in its document properties (File >
Properties in Word: Subject = the name shown, Comments = the description), or
in a sidecar ``<name>.json`` ({"label": ..., "description": ...}) next to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing.brief.errors import BriefError
from briefing.paths import BUILTIN_TEMPLATES_DIR, user_templates_dir

DEFAULT_TEMPLATE = "bilateral_brief"
SUMMARY_TEMPLATE = "summary.html.j2"


@dataclass(frozen=True)
class TemplateInfo:
    name: str  # what --template takes: the file name without .docx
    label: str  # what the dialog shows
    description: str
    path: Path
    builtin: bool

    @property
    def display(self) -> str:
        return self.label if self.builtin else f"{self.label} (your template)"


def _describe(path: Path) -> tuple[str, str]:
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            raw = json.loads(sidecar.read_text(encoding="utf-8"))
            return str(raw.get("label") or path.stem), str(raw.get("description") or "")
        except (OSError, ValueError, AttributeError):
            pass
    try:
        from docx import Document

        props = Document(str(path)).core_properties
        label = (props.subject or "").strip() or path.stem.replace("_", " ").capitalize()
        return label, (props.comments or "").strip()
    except Exception as exc:  # noqa: BLE001 - any unreadable file is listed with the reason, never crashes the list
        return path.stem, f"Cannot be read as a Word document ({type(exc).__name__})."


def _scan(folder: Path, builtin: bool) -> list[TemplateInfo]:
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.docx")):
        if path.name.startswith(("~$", ".")):  # Word's lock files and our own partial writes
            continue
        label, description = _describe(path)
        out.append(TemplateInfo(path.stem, label, description, path, builtin))
    return out


_BUILTIN_ORDER = ("bilateral_brief", "visit_brief", "agreements_register")


def list_templates(user_dir: Path | None = None) -> list[TemplateInfo]:
    """Built-in templates first (the bilateral brief leading), then the user's; a user template whose
    name clashes with a built-in one is listed as ``user:<name>``."""
    builtin = sorted(_scan(BUILTIN_TEMPLATES_DIR, True),
                     key=lambda t: (_BUILTIN_ORDER.index(t.name) if t.name in _BUILTIN_ORDER else 99, t.name))
    taken = {t.name for t in builtin}
    users = []
    for t in _scan(user_dir if user_dir is not None else user_templates_dir(), False):
        if t.name in taken:
            t = TemplateInfo(f"user:{t.name}", t.label, t.description, t.path, False)
        users.append(t)
    return builtin + users


def find_template(name: str | Path | None, user_dir: Path | None = None) -> TemplateInfo:
    """A template by name (file stem, 'user:name' or its label, any case) or by path to a .docx file."""
    if name is None or str(name).strip() == "":
        name = DEFAULT_TEMPLATE
    text = str(name).strip()
    path = Path(text).expanduser()
    if path.suffix.lower() == ".docx" and path.is_file():
        label, description = _describe(path)
        return TemplateInfo(path.stem, label, description, path, False)
    templates = list_templates(user_dir)
    key = text.lower().replace("-", "_").replace(" ", "_").removesuffix(".docx")
    for t in templates:
        if key in (t.name.lower(), t.label.lower().replace(" ", "_")):
            return t
    names = ", ".join(t.name for t in templates)
    raise BriefError(f"No template named '{text}'; available: {names}")


def summary_template_path() -> Path:
    """The summary's HTML template: the user's copy if they made one, else the built-in one."""
    user = user_templates_dir() / SUMMARY_TEMPLATE
    return user if user.is_file() else BUILTIN_TEMPLATES_DIR / SUMMARY_TEMPLATE
