"""The `briefing render` and `briefing summary` sub-commands (placeholder until rendering lands).

``add_parsers(subparsers, *, open_library, pdf_printer)`` adds them; ``open_library(args)`` returns
the Library the CLI opened, ``pdf_printer()`` returns ``html_to_pdf(html: str, out: Path)`` (imported
lazily from ui/ by briefing/cli.py, the one core module allowed to).
"""

from __future__ import annotations


def add_parsers(subparsers, *, open_library, pdf_printer) -> None:  # noqa: ARG001 - placeholder
    return None
