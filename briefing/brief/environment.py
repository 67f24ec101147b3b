"""The one Jinja environment every template renders in: sandboxed, strict about unknown names.

User templates come from a folder anyone can drop files into, so they run in
Jinja's SandboxedEnvironment (no ``__class__`` walks, no calling unsafe methods);
built-in templates use the same environment so a template behaves the same
whether it ships with the program or was copied into the user's folder.
StrictUndefined turns a misspelt variable into an error instead of a silent blank.
"""

from __future__ import annotations

from jinja2 import BaseLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefing.brief.text import format_date


def make_environment(*, autoescape: bool = True, loader: BaseLoader | None = None) -> SandboxedEnvironment:
    """A fresh sandboxed environment. Escaping is on: Word XML and HTML both need ``&`` and ``<`` escaped."""
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=autoescape,
        loader=loader,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["date"] = format_date
    return env
