"""The printed summary: the brief's context through an HTML Jinja2 template (templates/summary.html.j2).

The HTML is printed by ui/printer.py (Qt's rich text engine) for the print
preview and for PDF export; the command line writes the HTML itself on request.
The page marking travels in ``<meta name="marking">`` so the printer can put it
in every page's header and footer.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from briefing.brief.environment import make_environment
from briefing.brief.errors import TemplateError
from briefing.brief.templates import summary_template_path


def render_summary_html(context: dict, template_path: Path | None = None) -> str:
    """The summary's HTML, rendered in a child process under the template limits (``briefing.brief.limits``)."""
    from briefing.brief.limits import run_limited

    path = Path(template_path) if template_path else summary_template_path()
    return run_limited(summary_here, context, path, label=path.name)


def summary_here(context: dict, path: Path) -> str:
    """``render_summary_html`` in this process, with no limits: what the limited child runs."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(path.name, None, f"cannot be read ({exc})") from None
    env = make_environment(autoescape=True)
    try:
        return env.from_string(source).render(context)
    except jinja2.exceptions.TemplateSyntaxError as exc:
        line = source.splitlines()[exc.lineno - 1].strip() if exc.lineno else None
        raise TemplateError(path.name, line, f"broken tag on line {exc.lineno}: {exc.message}") from None
    except jinja2.exceptions.TemplateError as exc:
        raise TemplateError(path.name, None, str(exc)) from None
