"""Brief in, document out: the steps the window and the command line share.

context (one place) -> marking check -> Word template or HTML summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.brief.context import build_context
from briefing.brief.docx import render_docx, render_to_bytes
from briefing.brief.marking import check_marking, validate
from briefing.brief.summary import render_summary_html
from briefing.brief.templates import TemplateInfo


def source_markings(context: dict[str, Any]) -> dict[str, str]:
    """{cited source's title: its marking} for the marking check and its message."""
    return {f"[{s['n']}] {s['title']}": s["marking"] for s in context["sources"]}


def check_context_marking(context: dict[str, Any], allow_lower: bool = False) -> str:
    """Validate the brief's marking and compare it with its cited sources'; MarkingError if lower."""
    context["meta"]["marking"] = validate(context["meta"]["marking"])
    return check_marking(context["meta"]["marking"], source_markings(context), allow_lower)


def prepare(library, brief_id: int | None, *, item_ids=None, overrides=None, own_country=None,
            allow_lower_marking: bool = False) -> dict[str, Any]:
    context = build_context(library, brief_id, item_ids=item_ids, own_country=own_country, overrides=overrides)
    check_context_marking(context, allow_lower_marking)
    return context


def render_brief(library, brief_id: int | None, template: TemplateInfo | str | Path | None, out_path: Path, *,
                 item_ids=None, overrides=None, own_country=None, allow_lower_marking: bool = False) -> Path:
    """Render a brief through a Word template into ``out_path`` (written atomically)."""
    context = prepare(library, brief_id, item_ids=item_ids, overrides=overrides, own_country=own_country,
                      allow_lower_marking=allow_lower_marking)
    return render_docx(template, context, out_path)


def preview_bytes(context: dict[str, Any], template: TemplateInfo | str | Path | None) -> bytes:
    return render_to_bytes(template, context)


def summary_html(library, brief_id: int | None, *, item_ids=None, overrides=None, own_country=None,
                 allow_lower_marking: bool = False) -> str:
    context = prepare(library, brief_id, item_ids=item_ids, overrides=overrides, own_country=own_country,
                      allow_lower_marking=allow_lower_marking)
    return render_summary_html(context)
