"""The `briefing render` and `briefing summary` sub-commands.

``add_parsers(subparsers, *, open_library, pdf_printer)`` adds them; ``open_library(args)`` returns
the Library the CLI opened, ``pdf_printer()`` returns ``html_to_pdf(html: str, out: Path)`` (imported
lazily from ui/ by briefing/cli.py, the one core module allowed to). Every user mistake ends in one
line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.model import ITEM_KINDS, MARKINGS

EXIT_ERROR = 1
SELECT_FILTERS = ("kind", "country", "since", "until", "status", "text", "source_id")


def add_parsers(subparsers, *, open_library, pdf_printer) -> None:
    render = subparsers.add_parser(
        "render", help="render a brief into a Word document through a template",
        description="Render a brief into a Word (.docx) document. Without --brief: the current brief; "
                    "with no current brief (or an empty one), or when selection filters are given, every item "
                    "the filters select (all items by default).")
    _brief_options(render)
    render.add_argument("--template", metavar="NAME", default=None,
                        help="template name or path to a .docx (default: bilateral_brief; see --list-templates)")
    render.add_argument("--list-templates", action="store_true", help="list the templates and exit")
    render.add_argument("-o", "--output", type=Path, help="the .docx file to write")
    render.add_argument("--keep-empty", dest="keep_empty", action="store_true",
                        help="keep the headings of empty sections, saying they are empty (default: leave them out)")
    render.set_defaults(func=lambda args: _render(args, open_library))

    summary = subparsers.add_parser(
        "summary", help="write a one-to-two page summary of a brief as PDF or HTML",
        description="Write the printed summary of a brief as PDF (-o x.pdf) or HTML (-o x.html).")
    _brief_options(summary)
    summary.add_argument("-o", "--output", type=Path, required=True, help="summary.pdf or summary.html")
    summary.set_defaults(func=lambda args: _summary(args, open_library, pdf_printer))


def _brief_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--brief", metavar="NAME", help="the brief's name (or id); default: the current brief")
    parser.add_argument("--title", help="title (instead of the brief's own)")
    parser.add_argument("--recipient", help="who the brief is for")
    parser.add_argument("--prepared-by", dest="prepared_by", help="author line")
    parser.add_argument("--marking", type=str.upper, metavar="MARKING",
                        help=f"security marking: {', '.join(MARKINGS)}")
    parser.add_argument("--date", help="the brief's date, YYYY-MM-DD (default: the brief's, else today)")
    parser.add_argument("--allow-lower-marking", action="store_true",
                        help="accept a marking lower than the highest marking of the cited sources")
    group = parser.add_argument_group("selection filters, as in `briefing list` (used when no brief is rendered)")
    group.add_argument("--type", "--kind", dest="kind", choices=ITEM_KINDS, help="only items of this kind")
    group.add_argument("--country", metavar="CODE", type=str.upper, help="only items involving this country (ISO code)")
    group.add_argument("--since", help="from this date (YYYY[-MM[-DD]])")
    group.add_argument("--until", help="up to this date")
    group.add_argument("--status", help="event or agreement status")
    group.add_argument("--text", metavar="WORDS", help="only items mentioning all these words")
    group.add_argument("--source", dest="source_id", type=int, metavar="ID", help="only items from this source")


def _fail(command: str, message) -> int:
    from briefing.brief.errors import MarkingError

    if isinstance(message, MarkingError):
        message = f"{message} (--allow-lower-marking)"
    print(f"briefing {command}: {message}", file=sys.stderr)
    return EXIT_ERROR


def _overrides(args) -> dict:
    return {k: getattr(args, k, None) for k in ("title", "recipient", "prepared_by", "marking", "date", "keep_empty")}


def _select(library, args) -> tuple[int | None, list[int] | None, str]:
    """(brief_id, item_ids, what) for the brief the command renders; BriefError if the name is unknown."""
    from briefing.brief.errors import BriefError

    if args.brief:
        wanted = args.brief.strip()
        briefs = library.briefs()
        for row in briefs:
            if row.name.lower() == wanted.lower() or (wanted.isdigit() and row.id == int(wanted)):
                return row.id, None, f"brief '{row.name}'"
        names = ", ".join(f"'{b.name}'" for b in briefs) or "none yet"
        raise BriefError(f"No brief named '{wanted}' (briefs: {names})")
    filters = {k: getattr(args, k, None) for k in SELECT_FILTERS if getattr(args, k, None)}
    current = library.current_brief_id()
    if current is not None and not filters and library.picked_ids(current):
        return current, None, f"current brief '{library.brief(current).name}'"
    from briefing.library import Query

    ids = library.query(Query(**filters))
    if not ids:
        raise BriefError("No items selected: nothing to render (check the filters)")
    return None, ids, f"{len(ids)} selected item{'s' if len(ids) != 1 else ''}"


def _render(args, open_library) -> int:
    from briefing.brief.errors import BriefError
    from briefing.brief.templates import find_template, list_templates

    if args.list_templates:
        for t in list_templates():
            print(f"{t.name:24} {t.display}: {t.description}")
        return 0
    if args.output is None:
        return _fail("render", "give the file to write with -o brief.docx")
    if args.output.suffix.lower() != ".docx":
        return _fail("render", f"{args.output}: the output must be a .docx file")
    try:
        from briefing.brief.build import render_brief

        template = find_template(args.template)
        library = open_library(args)
        brief_id, item_ids, what = _select(library, args)
        out = render_brief(library, brief_id, template, args.output, item_ids=item_ids, overrides=_overrides(args),
                           allow_lower_marking=args.allow_lower_marking)
    except BriefError as exc:
        return _fail("render", exc)
    except OSError as exc:
        return _fail("render", f"cannot write {args.output}: {exc.strerror or exc}")
    print(f"Wrote {out} ({what}, template {template.name})")
    return 0


def _summary(args, open_library, pdf_printer) -> int:
    from briefing.brief.errors import BriefError

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        return _fail("summary", f"{args.output}: the output must end in .pdf or .html")
    try:
        from briefing.brief.build import summary_html
        from briefing.brief.docx import write_atomically

        library = open_library(args)
        brief_id, item_ids, what = _select(library, args)
        html = summary_html(library, brief_id, item_ids=item_ids, overrides=_overrides(args),
                            allow_lower_marking=args.allow_lower_marking)
        if suffix == ".pdf":
            try:
                html_to_pdf = pdf_printer()
            except ImportError as exc:
                return _fail("summary", f"PDF output needs Qt (PySide6), which is not available ({exc}); "
                                        "write .html instead")
            html_to_pdf(html, args.output)
        else:
            write_atomically(html.encode("utf-8"), args.output)
    except BriefError as exc:
        return _fail("summary", exc)
    except OSError as exc:
        return _fail("summary", f"cannot write {args.output}: {exc.strerror or exc}")
    print(f"Wrote {args.output} ({what})")
    return 0
