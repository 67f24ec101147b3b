"""The `briefing` command: import sources, list and correct items, undo, export, extract without a library.

Errors a user can cause (a missing file, a bad field, an unknown id, a file that
is not a library) print one line, ``briefing: error: ...``, never a traceback.
Commands that do not extract never import the language model.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.model import ITEM_KINDS, MARKINGS
from briefing.text import plural

PROG = "briefing"
VERSION = f"{PROG} {__version__}"
AUTO_WORKERS_FROM = 32  # files in one import from which extraction runs in two worker processes


class UserError(Exception):
    """A mistake in how the command was called; printed as one line."""


# --- helpers -----------------------------------------------------------------------------------------


def _library_path(args: argparse.Namespace) -> Path | None:
    value = getattr(args, "library", None)
    return Path(value).expanduser() if value else None


def _team_dsn(args: argparse.Namespace) -> str | None:
    """The team library the command is given (--library or BRIEFING_LIBRARY postgresql://…), or None."""
    team = getattr(args, "library", None) or os.environ.get("BRIEFING_LIBRARY")
    return team if isinstance(team, str) and team.startswith(("postgresql://", "postgres://")) else None


def open_library(args: argparse.Namespace, *, create: bool = False):
    """The library the command works on: --library PATH, else the user's (made, with samples, on first use)."""
    from briefing.library import Library

    team = _team_dsn(args)
    if team is not None:
        from briefing.library.pg import PgStore  # a team library (briefing/library/pg): every library command

        return PgStore.open(team)
    path = _library_path(args)
    if path is None:
        return _warn_if_damaged(Library.open(None))
    if not path.exists() and not create:
        raise UserError(f"no library at {path} (`briefing import --library {path} FILES` creates one)")
    return _warn_if_damaged(Library.open(path, seed=False))


def _warn_if_damaged(lib):
    if lib.damaged is not None:
        print(f"{PROG}: warning: the library {lib.path} is damaged ({lib.damaged}); it is opened read-only. "
              f"`briefing restore --latest` puts back the last backup", file=sys.stderr)
    return lib


def _pdf_printer():
    """The window's HTML-to-PDF printer, imported only when a PDF is asked for (the one core use of ui/)."""
    from ui.printer import html_to_pdf

    return html_to_pdf


def _progress_bar(done: int, total: int, current: str) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    name = Path(current).name[:40]
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
    if done >= total:
        sys.stderr.write("\r" + " " * (width + 60) + "\r")
    sys.stderr.flush()


def _parse_value(text: str) -> Any:
    """VALUE of --set: JSON for lists and null (participants=["A","B"], date=null), else the text itself."""
    stripped = text.strip()
    if stripped.startswith(("[", "{")) or stripped == "null":
        try:
            return json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise UserError(f"cannot read {text!r} as JSON: {exc.msg}") from None
    return text


def _iso_date(text: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text.strip()):
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return text.strip()


def _item_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an item id: {text!r}") from None


# --- commands -----------------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    with open_library(args, create=True) as lib:
        progress = _progress_bar if sys.stderr.isatty() and not args.quiet else None
        try:
            report = lib.import_paths([Path(p) for p in args.paths], marking=args.marking, progress=progress,
                                      workers=_jobs(args.jobs, [Path(p) for p in args.paths]))
        except KeyboardInterrupt:
            if progress:
                sys.stderr.write("\n")
            print("Import interrupted; the sources imported so far are kept.", file=sys.stderr)
            return 130
    parts = [f"Imported {plural(len(report.imported), 'source')}"]
    parts.append(f"{len(report.present)} already present")
    parts.append(f"{len(report.failed)} failed")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    if report.empty:
        parts.append(f"{len(report.empty)} with no items")
    print(", ".join(parts) + ".")
    for path in report.present:
        print(f"  already present: {path}")
    for failure in report.failed:
        print(f"  failed: {failure.path}: {failure.reason}")
    for skipped in report.skipped:
        print(f"  skipped: {skipped.path}: {skipped.reason}")
    for empty in report.empty:
        print(f"  no items: {empty.path}: {empty.reason}")
    return 1 if report.failed else 0


def _jobs(jobs: int | None, paths: list[Path]) -> int:
    """Worker processes for extraction: as asked, else two for a large import on a machine with two cores.

    Measured with bench/bench_extract.py on 2 cores, 1,000 sources: about 80 s with two workers (forked
    with the model loaded, parsing while this process loads and writes), against about 120 s for the bare
    model alone in one process.
    A small import uses one worker, forked once the model is loaded here (as quick as analysing in this
    process), so each source still has its time budget (``importer.BUDGET_PER_SOURCE``); ``--jobs 0``
    analyses in this process, with no budget.
    """
    if jobs is not None:
        return max(0, jobs)
    from briefing.library.importer import can_fork

    if not can_fork():
        return 0
    if (os.cpu_count() or 1) < 2:
        return 1
    from briefing.loaders import iter_source_files

    return 2 if sum(1 for _ in iter_source_files(paths)) >= AUTO_WORKERS_FROM else 1


def cmd_list(args: argparse.Namespace) -> int:
    from briefing.library import Query

    query = Query(kind=args.type, country=args.country, since=args.since, until=args.until, status=args.status,
                  text=args.text, source_id=args.source)
    with open_library(args) as lib:
        ids = lib.query(query)
        shown = ids[: args.limit] if args.limit else ids
        rows = lib.rows(shown)
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], ensure_ascii=False, indent=2, default=list))
        return 0
    if not rows:
        print("No items match.")
        return 0
    width = max(len(str(r.id)) for r in rows)
    for r in rows:
        mark = "*" if r.edited else " "
        status = r.status or (r.type if r.kind == "person" else None)
        status = f"  [{status}]" if status else ""
        print(f"{r.id:>{width}}{mark} {r.kind:<9} {r.date or '-':<10}  {r.label}{status}")
    if len(shown) < len(ids):
        print(f"... {len(ids) - len(shown)} more (use --limit 0 for all)")
    return 0


def _fmt(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return str(value)


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        item = lib.item(args.id)
        titles = {sid: (lib.source(sid).title or Path(lib.source(sid).path).name) for sid in item.source_ids}
    if args.json:
        print(json.dumps({"id": item.id, "kind": item.kind, "fields": item.fields, "machine": item.machine,
                          "edits": item.edits, "evidence": [e.__dict__ for e in item.evidence],
                          "source_ids": item.source_ids}, ensure_ascii=False, indent=2))
        return 0
    print(f"{item.kind.capitalize()} {item.id}" + ("  (edited)" if item.edited else ""))
    width = max(len(name) for name in item.fields)
    for name, value in item.fields.items():
        edited = "  (edited; sources say: " + _fmt(item.machine.get(name)) + ")" if name in item.edits else ""
        print(f"  {name:<{width}}  {_fmt(value)}{edited}")
    history = item.machine.get("titles") or []
    if item.kind == "person" and history:
        print("  titles held:")
        for entry in history:
            when = entry.get("date") or "undated"
            if entry.get("last"):
                when += f" to {entry['last']}"
            print(f"    {when}: {_fmt(entry.get('title'))} ({_fmt(entry.get('country'))})")
    if item.source_ids:
        print("Sources:")
        for sid in item.source_ids:
            print(f"  [{sid}] {titles[sid]}")
    if item.evidence:
        print("Evidence:")
        for ev in item.evidence:
            text = " ".join(ev.text.split())
            print(f"  #{ev.id} [{ev.source_id}] {titles.get(ev.source_id, '')} ({ev.start}-{ev.end}):\n      \"{text}\"")
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    from briefing.brief.context import citation
    from briefing.brief.text import format_date

    values: dict[str, Any] = {}
    for assignment in args.set or []:
        field, sep, value = assignment.partition("=")
        if not sep or not field.strip():
            raise UserError(f"--set takes FIELD=VALUE, not {assignment!r}")
        values[field.strip()] = value
    with open_library(args) as lib:
        if values:
            try:
                lib.edit_source(args.id, values)
            except ValueError as exc:
                raise UserError(str(exc)) from None
        s = lib.source(args.id)
    for label, value in (("title", s.title), ("publisher", s.publisher), ("author", s.author), ("url", s.url),
                         ("date", s.date), ("accessed", s.accessed), ("marking", s.marking), ("file", s.path),
                         ("items", s.item_count)):
        print(f"  {label:<9}  {_fmt(value)}")
    cited = citation(s.title or s.file_name, s.publisher or "", s.author or "", format_date(s.date), s.url or "",
                     format_date(s.accessed), s.file_name)
    print(f"Cited as: {cited}")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        rows = lib.sources()
    if not rows:
        print("No sources.")
    for s in rows:
        note = f"  ({s.note})" if s.note else ""
        print(f"{s.id:>4} {s.date or '-':<10} {s.item_count:>3} items  {s.title or Path(s.path).name}{note}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    if not args.set and not args.revert:
        raise UserError("nothing to change: give --set FIELD=VALUE or --revert FIELD")
    values: dict[str, Any] = {}
    for assignment in args.set or []:
        field, sep, value = assignment.partition("=")
        if not sep or not field.strip():
            raise UserError(f"--set takes FIELD=VALUE, not {assignment!r}")
        values[field.strip()] = _parse_value(value)
    with open_library(args) as lib:
        if args.revert:
            lib.revert(args.id, None if "all" in args.revert else args.revert)
        if values:
            lib.edit_fields(args.id, values)
        row = lib.rows([args.id])[0]
    print(f"{row.id} {row.kind} {row.date or '-'}  {row.label}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        name = lib.undo() if args.command == "undo" else lib.redo()
    if name is None:
        print("Nothing to undo." if args.command == "undo" else "Nothing to redo.")
        return 0
    print(("Undone: " if args.command == "undo" else "Redone: ") + name)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        kept = lib.merge(args.ids)
        row = lib.rows([kept])[0]
    print(f"Merged into {row.id}: {row.label}")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        new_id = lib.split(args.id, args.evidence)
        row = lib.rows([new_id])[0]
    print(f"Split off {row.id}: {row.label}")
    return 0


def cmd_reextract(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        ids = [s.id for s in lib.sources()] if args.all else args.ids
        if not ids:
            raise UserError("name the sources to re-extract (ids from `briefing sources`) or give --all")
        for source_id in ids:
            lib.source(source_id)  # NotFound before any work
        progress = _progress_bar if sys.stderr.isatty() else None
        done = lib.reextract_many(ids, progress=progress)
    print(f"Re-extracted {plural(done, 'source')}; your edits are kept (`briefing undo` to go back).")
    return 0


def _no_backups_of_a_team_library(args: argparse.Namespace) -> None:
    if _team_dsn(args) is not None:
        raise UserError("a team library is kept on its PostgreSQL server: the desk administrator backs it up "
                        "and restores it there (pg_dump, pg_restore), not `briefing backup`")


def cmd_backup(args: argparse.Namespace) -> int:
    from briefing.library import backups

    _no_backups_of_a_team_library(args)
    path = _library_path(args) or _default_library()
    if args.list:
        found = backups.list_backups(path)
        if not found:
            print(f"No backups of {path} yet.")
        for backup in found:
            print(f"{backup.path.name}  {backup.label}")
        return 0
    with open_library(args) as lib:
        made = lib.backup_now()
    print(f"Backed up to {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from briefing.library import backups

    _no_backups_of_a_team_library(args)
    if not args.name and not args.latest:
        raise UserError("name the backup to restore (`briefing backup --list`) or give --latest")
    path = _library_path(args) or _default_library()
    chosen = backups.find(path, None if args.latest else args.name)
    backups.restore(chosen, path)
    print(f"Restored {path} from the backup of {chosen.label.strip()}; what was there is kept as a backup.")
    return 0


def _default_library() -> Path:
    from briefing.paths import default_library_path

    return default_library_path()


def cmd_pick(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        brief_id = lib.brief_id_named(args.brief) if args.brief else lib.current_brief_id()
        if brief_id is None and args.remove:
            raise UserError(f"no brief named {args.brief!r}" if args.brief else "no current brief: give --brief NAME")
        for item_id in args.ids:
            lib.item(item_id)  # NotFound before anything changes
        verb = "Unpick" if args.remove else "Pick"
        created = brief_id is None
        with lib.step(f"{verb} {plural(len(args.ids), 'item')}"):  # a new brief and its picks: one step
            if brief_id is None:
                brief_id = lib.create_brief(args.brief or "Brief")
            lib.set_picked(brief_id, args.ids, not args.remove)
        switched = lib.current_brief_id() != brief_id
        lib.set_current_brief(brief_id)
        brief = lib.brief(brief_id)
    print(f"Brief {brief.name!r} ({brief.id}) now has {plural(len(brief.lines), 'item')}.")
    # Rendering without --brief uses the current brief: say when that changed, so nobody renders the wrong one.
    if created:
        print(f"Made the new brief {brief.name!r} the current brief.")
    elif switched:
        print(f"{brief.name!r} is now the current brief.")
    return 0


def cmd_briefs(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        rows, current = lib.briefs(), lib.current_brief_id()
        wanted = args.show if args.show is not None else args.name
        if wanted is not None:
            brief_id = lib.brief_id_named(wanted) if not wanted.isdigit() else int(wanted)
            if brief_id is None:
                names = ", ".join(repr(r.name) for r in rows) or "none yet"
                raise UserError(f"no brief named {wanted!r} (briefs: {names})")
            brief = lib.brief(brief_id)
            labels = {r.id: r for r in lib.rows([line.item_id for line in brief.lines])}
            print(f"{brief.name} ({brief.id}): {brief.title or '(no title)'} - {brief.marking}")
            for line in brief.lines:
                row = labels[line.item_id]
                print(f"  {row.id:>4} {row.kind:<9} {row.date or '-':<10} {line.wording or row.label}")
            return 0
    if not rows:
        print("No briefs yet (`briefing pick ID... --brief NAME` starts one).")
    for row in rows:
        print(f"{'*' if row.id == current else ' '}{row.id:>4} {row.name}  ({plural(row.item_count, 'item')})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if args.csv:
            written = lib.export_csv(Path(args.csv))
            print(f"Wrote {plural(len(written), 'file')} to {args.csv}: " + ", ".join(p.name for p in written))
        else:
            lib.export_json(Path(args.json))
            print(f"Wrote {args.json}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract without a library: the spec's JSON ({"documents": [...]}) or a short summary per file."""
    from briefing.library.export import unique_ids
    from briefing.loaders import LoadError, iter_source_files, load
    from briefing.model import document_to_spec

    if args.output and not Path(args.output).expanduser().resolve().parent.is_dir():
        raise UserError(f"{args.output}: the folder does not exist")  # say so before the long extraction
    failed = 0
    files = list(iter_source_files([Path(p) for p in args.paths], on_error=lambda p, reason: _warn(f"{p}: {reason}")))
    for path in args.paths:
        if not Path(path).exists():
            _warn(f"{path}: file not found")
            failed += 1
    sources = []
    for path in files:
        try:
            sources.append(load(path))
        except LoadError as exc:
            _warn(str(exc))
            failed += 1
    from briefing.extract import extract_many

    ids = unique_ids([s.stem for s in sources])
    documents = []
    for doc_id, source, extraction in zip(ids, sources, extract_many(sources), strict=True):
        documents.append(document_to_spec(source, extraction, doc_id))
    if args.json or args.output:
        text = json.dumps({"documents": documents}, ensure_ascii=False, indent=2)
        if args.output:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
    else:
        for doc in documents:
            counts = ", ".join(f"{plural(len(doc[k]), k[:-1], k) if k != 'people' else plural(len(doc[k]), 'person', 'people')}"
                               for k in ("people", "events", "agreements", "figures", "topics"))
            print(f"{doc['path']}: {doc['date'] or 'undated'}; {counts}" + (f" ({doc['note']})" if doc["note"] else ""))
    return 1 if failed else 0


def _warn(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


# --- the parser ------------------------------------------------------------------------------------


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS,
                        help="the library file (default: the one in your user data folder)")
    parser.add_argument("--version", action="version", version=VERSION)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Briefing Builder: read sources about relations between countries, keep what they say "
                    "(events, agreements, people, figures, topics) in a library, and build briefings from it.",
    )
    parser.add_argument("--library", metavar="PATH", default=None,
                        help="the library file (default: the one in your user data folder), or a team library: "
                             "postgresql://USER@HOST/DATABASE")
    parser.add_argument("--version", action="version", version=VERSION)
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, help_text: str, func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _add_common(p)
        p.set_defaults(func=func)
        return p

    p = command("import", "import files and folders of sources into the library", cmd_import)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--marking", default="UNCLASSIFIED", type=str.upper, choices=MARKINGS, metavar="MARKING",
                   help=f"security marking of these sources ({', '.join(MARKINGS)})")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("-j", "--jobs", type=int, metavar="N",
                   help=f"analyse in N worker processes, each source within a time budget (default: 2 for "
                        f"{AUTO_WORKERS_FROM} files or more on a multi-core machine, else 1; 0: in this process, no budget)")

    p = command("list", "list items, newest first", cmd_list)
    p.add_argument("--type", choices=ITEM_KINDS, help="only items of this kind")
    p.add_argument("--country", metavar="CODE", help="only items involving this country (ISO code, e.g. VN)")
    p.add_argument("--since", metavar="DATE", type=_iso_date, help="only items dated on or after DATE (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", type=_iso_date, help="only items dated on or before DATE")
    p.add_argument("--status", help="only items with this status (held, planned, signed...)")
    p.add_argument("--text", metavar="WORDS", help='only items mentioning all these words, "quoted phrases" as '
                   'phrases, none of the -words (accents and case ignored; start with a -word as --text=-word)')
    p.add_argument("--source", type=int, metavar="ID", help="only items from this source (see `briefing sources`)")
    p.add_argument("--limit", type=int, default=0, help="show at most this many (0: all)")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")

    p = command("show", "show one item: every field and its evidence", cmd_show)
    p.add_argument("id", type=_item_id, metavar="ID")
    p.add_argument("--json", action="store_true", help="print the item as JSON")

    command("sources", "list the sources in the library", cmd_sources)

    p = command("source", "show a source as a brief cites it, or correct its details", cmd_source)
    p.add_argument("id", type=int, metavar="SOURCE_ID")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE",
                   help="correct a detail (one undoable step): title, publisher, author, url, date, accessed, "
                        "marking; an empty VALUE clears it")

    p = command("edit", "correct an item's fields (undoable)", cmd_edit)
    p.add_argument("id", type=_item_id, metavar="ID")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE",
                   help='set a field; lists as JSON: participants=["A","B"] (repeatable)')
    p.add_argument("--revert", action="append", metavar="FIELD",
                   help="go back to what the sources say for FIELD ('all' for every field)")

    command("undo", "undo the last change (shared with the window)", cmd_undo)
    command("redo", "redo the last undone change", cmd_undo)

    p = command("merge", "merge items that are one (the first id is kept)", cmd_merge)
    p.add_argument("ids", nargs="+", type=_item_id, metavar="ID")

    p = command("split", "split evidence off an item into a new one", cmd_split)
    p.add_argument("id", type=_item_id, metavar="ID")
    p.add_argument("--evidence", type=int, nargs="+", required=True, metavar="EVIDENCE_ID",
                   help="the evidence to move (its #numbers in `briefing show`)")

    p = command("reextract", "extract sources again (after an upgrade); your edits are kept", cmd_reextract)
    p.add_argument("ids", nargs="*", type=int, metavar="SOURCE_ID")
    p.add_argument("--all", action="store_true", help="every source in the library")

    p = command("pick", "put items into a brief (the current one, or --brief NAME, made if new)", cmd_pick)
    p.add_argument("ids", nargs="+", type=_item_id, metavar="ID")
    p.add_argument("--brief", metavar="NAME", help="the brief (made if there is none of that name)")
    p.add_argument("--remove", action="store_true", help="take the items out instead")

    p = command("briefs", "list the briefs (* = current) or show one", cmd_briefs)
    p.add_argument("name", nargs="?", metavar="NAME_OR_ID", help="show this brief: its items, in order")
    p.add_argument("--show", metavar="NAME_OR_ID", help="the same as giving NAME_OR_ID")

    p = command("export", "export items as CSV (one file per kind) or as JSON", cmd_export)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--csv", metavar="DIR", help="write one CSV file per kind into DIR")
    group.add_argument("--json", metavar="FILE", help="write the JSON interchange form to FILE")

    p = command("extract", "extract items from files without a library", cmd_extract)
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--json", action="store_true", help='print {"documents": [...]} (the interchange form)')
    p.add_argument("-o", "--output", metavar="FILE", help="write the JSON to FILE instead of the screen")

    p = command("backup", "back up the library now, or list its backups", cmd_backup)
    p.add_argument("--list", action="store_true", help="list the backups (made before upgrades, before "
                   "re-extracting everything, and daily), newest first")

    p = command("restore", "put a backup back as the library (close the window first)", cmd_restore)
    p.add_argument("name", nargs="?", metavar="BACKUP", help="the backup's file name (see `briefing backup --list`)")
    p.add_argument("--latest", action="store_true", help="the newest backup")

    from briefing import team

    team.add_parser(sub, _add_common)

    from briefing.brief.commands import add_parsers

    before = set(sub.choices)
    add_parsers(sub, open_library=open_library, pdf_printer=_pdf_printer)
    for name in set(sub.choices) - before:
        extra = sub.choices[name]
        if not any("--library" in a.option_strings for a in extra._actions):
            extra.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help="the library file")
        if not any("--version" in a.option_strings for a in extra._actions):
            extra.add_argument("--version", action="version", version=VERSION)
    return parser


def _user_errors() -> tuple[type[BaseException], ...]:
    from briefing.library import LibraryError

    errors: list[type[BaseException]] = [UserError, LibraryError, ValueError, OSError, sqlite3.OperationalError]
    try:
        from briefing.loaders import LoadError

        errors.append(LoadError)
    except ImportError:
        pass
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("BRIEFING_DEBUG"))
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if debug:
            raise
        if isinstance(exc, sqlite3.Error):  # disk full, read-only, damaged: said as what it is
            from briefing.library.health import explain

            exc = explain(exc, _library_path(args) or "the library")
        if isinstance(exc, _user_errors()):
            message = str(exc)
            if isinstance(exc, OSError) and exc.filename and exc.strerror:
                message = f"{exc.filename}: {exc.strerror}"
            elif isinstance(exc, sqlite3.OperationalError) and "locked" in message:
                message = "the library is busy (another program is writing to it); try again"
            print(f"{PROG}: error: {message}", file=sys.stderr)
            return 1
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (run with BRIEFING_DEBUG=1 for details)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
