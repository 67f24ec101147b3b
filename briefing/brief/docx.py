"""Renders a Word template (docxtpl) with a brief's context into a .docx, safely.

Checks the template before rendering (every tag whole in one Word run, every
tag closed), renders in the shared sandboxed environment, checks the result
for tags left unrendered, fills the table of contents with the headings, and
writes to a temporary file in the destination folder that is renamed into
place: a failed render never leaves a half-written or partial file.
"""

from __future__ import annotations

import copy
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from briefing.brief.environment import make_environment
from briefing.brief.errors import TemplateError
from briefing.brief.templates import TemplateInfo, find_template

TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
OPENER_RE = re.compile(r"\{[{%#]")
_HEADER_FOOTER = ("/header", "/footer")
_W_P, _W_R, _W_T, _W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:rPr")


def _parts(document) -> Iterator:
    """The body part and every header and footer part of a python-docx Document."""
    yield document.part
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(_HEADER_FOOTER):
            yield rel.target_part


def _runs(paragraph) -> list:
    return [r for r in paragraph.iter(_W_R)]


def _run_text(run) -> str:
    return "".join(t.text or "" for t in run.iter(_W_T))


def _merge_same_format_runs(paragraph) -> None:
    """Join neighbouring runs that look the same (Word splits runs for spell-check and edit history).

    Runs with different formatting stay apart: a tag across them is reported, not silently restyled.
    """
    for proof in paragraph.findall(qn("w:proofErr")):
        paragraph.remove(proof)
    previous = None
    for child in list(paragraph):
        simple = child.tag == _W_R and all(c.tag in (_W_RPR, _W_T) for c in child) and child.find(_W_T) is not None
        if not simple:
            previous = None
            continue
        if previous is not None:
            a, b = previous.find(_W_RPR), child.find(_W_RPR)
            same = (a is None and b is None) or (
                a is not None and b is not None and _rpr_key(a) == _rpr_key(b))
            if same:
                target = previous.findall(_W_T)[-1]
                target.text = (target.text or "") + _run_text(child)
                target.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                paragraph.remove(child)
                continue
        previous = child


def _rpr_key(rpr) -> bytes:
    """Formatting of a run, ignoring the proofing/edit-session marks Word sprinkles in."""
    clone = copy.deepcopy(rpr)
    for tag in ("w:lang", "w:noProof", "w:rFonts"):
        for el in clone.findall(qn(tag)):
            if tag != "w:rFonts" or not el.attrib.keys() - {qn("w:hint")}:
                clone.remove(el)
    from lxml import etree

    return etree.tostring(clone, method="c14n")


def _check_tags(template: str, document) -> list[str]:
    """Every tag whole in one run and closed within its paragraph; returns all tags seen, in order."""
    seen: list[str] = []
    for part in _parts(document):
        for paragraph in part.element.iter(_W_P):
            runs = _runs(paragraph)
            texts = [_run_text(r) for r in runs]
            joined = "".join(texts)
            if "{" not in joined and "}" not in joined:
                continue
            _merge_same_format_runs(paragraph)
            runs = _runs(paragraph)
            texts = [_run_text(r) for r in runs]
            joined = "".join(texts)
            owner = []  # run index of each character
            for i, text in enumerate(texts):
                owner += [i] * len(text)
            covered = set()
            for m in TAG_RE.finditer(joined):
                tag = m.group(0)
                seen.append(tag)
                covered.update(range(m.start(), m.end()))
                if owner[m.start()] != owner[m.end() - 1]:
                    raise TemplateError(template, tag, "the tag is split across differently formatted pieces of text "
                                        "(Word runs); select the whole tag in Word and give it one formatting, "
                                        "or retype it in one go")
            for m in OPENER_RE.finditer(joined):
                if m.start() not in covered:
                    fragment = joined[m.start(): m.start() + 40].strip()
                    raise TemplateError(template, fragment, "the tag is not closed within its paragraph "
                                        "(a '{{' needs '}}', a '{%' needs '%}')")
    return seen


def _tag_naming(tags: list[str], name: str) -> str | None:
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    for tag in tags:
        if word.search(tag):
            return tag
    return None


def _unclosed_block(tags: list[str]) -> str | None:
    """The innermost block tag ({% for %}, {% if %}...) that has no end tag."""
    stack: list[str] = []
    for tag in tags:
        m = re.match(r"\{%[-+]?\s*(?:[ptrc]\s+)?(\w+)", tag)
        if not m:
            continue
        word = m.group(1)
        if word in ("for", "if", "macro", "block", "with", "filter", "call", "set") and not (
                word == "set" and "=" in tag):
            stack.append(tag)
        elif word.startswith("end") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _explain(template: str, exc: Exception, tags: list[str]) -> TemplateError:
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateError(template, _tag_naming(tags, "__class__") or _first_with(tags, "__"),
                             f"blocked by the sandbox: {exc}")
    if isinstance(exc, jinja2.exceptions.UndefinedError):
        message = str(exc)
        m = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
        tag = _tag_naming(tags, m.group(1)) if m else None
        hint = " (see templates/README.md for the names a template can use)"
        return TemplateError(template, tag, f"unknown name: {message}{hint}")
    if isinstance(exc, jinja2.exceptions.TemplateSyntaxError):
        message = exc.message or str(exc)
        tag = _unclosed_block(tags) if "end of template" in message or "looking for" in message else None
        return TemplateError(template, tag or _bad_tag(tags), f"broken tag: {message}")
    return TemplateError(template, None, f"{type(exc).__name__}: {exc}")


_BLOCKS = ("for", "if", "macro", "block", "with", "filter", "call")
_DOCXTPL_TAGS = ("cellbg", "colspan", "hm", "vm")  # rewritten by docxtpl before Jinja sees them


def _bad_tag(tags: list[str]) -> str | None:
    """The first tag that does not parse on its own (each block opener given its end tag to try)."""
    env = make_environment()
    for tag in tags:
        source = re.sub(r"^\{%([-+]?)\s*[ptrc]\s+", r"{%\1 ", tag)  # docxtpl's {%p / {%tr / {%tc prefixes
        m = re.match(r"\{%[-+]?\s*(\w+)", source)
        word = m.group(1) if m else None
        if word in _DOCXTPL_TAGS or (word and (word.startswith("end") or word in ("else", "elif"))):
            continue
        if word in _BLOCKS:
            source += f"{{% end{word} %}}"
        try:
            env.parse(source)
        except jinja2.exceptions.TemplateSyntaxError:
            return tag
    return None


def _first_with(tags: list[str], text: str) -> str | None:
    return next((t for t in tags if text in t), None)


def _leftovers(document) -> str | None:
    for part in _parts(document):
        for paragraph in part.element.iter(_W_P):
            text = "".join(t.text or "" for t in paragraph.iter(_W_T))
            m = re.search(r"\{[{%].{0,40}", text)
            if m:
                return m.group(0)
    return None


def _fill_toc(document) -> None:
    """Replace the template's TOC field with the contents list itself: one TOC 1/TOC 2 paragraph per
    heading, linked to a bookmark on the heading, with a PAGEREF field for its page number.

    Why not leave Word's TOC field: LibreOffice shows a TOC field's stored text without updating it, so
    the contents would be empty (or page-less) there; PAGEREF fields are computed by LibreOffice on
    layout and by Word on opening (updateFields is set in the template) and when printing.
    """
    body = document.element.body
    field_paragraph = None
    for paragraph in body.iter(_W_P):
        if any("TOC" in (i.text or "") for i in paragraph.iter(qn("w:instrText"))):
            field_paragraph = paragraph
            break
    if field_paragraph is None:
        return
    headings = []
    started = False
    for paragraph in body.iter(_W_P):
        if paragraph is field_paragraph:
            started = True
            continue
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        level = {"Heading1": 1, "Heading2": 2}.get(style.get(qn("w:val")) if style is not None else "", 0)
        text = "".join(t.text or "" for t in paragraph.iter(_W_T)).strip()
        if started and level and text:
            headings.append((level, text, paragraph))
    if not headings:
        return
    runs = list(field_paragraph.iter(_W_R))
    separate_at = next(i for i, r in enumerate(runs)
                       if any(f.get(qn("w:fldCharType")) == "separate" for f in r.iter(qn("w:fldChar"))))
    style_run = copy.deepcopy(runs[separate_at])
    for child in list(style_run):
        if child.tag != _W_RPR:
            style_run.remove(child)
    template = copy.deepcopy(field_paragraph)
    for r in list(template.iter(_W_R)):
        r.getparent().remove(r)
    for r in runs:
        r.getparent().remove(r)
    entries = []
    for n, (level, text, heading) in enumerate(headings, start=1):
        name = f"_TocBrief{n:04d}"
        start = heading.makeelement(qn("w:bookmarkStart"), {qn("w:id"): str(9000 + n), qn("w:name"): name})
        ppr = heading.find(qn("w:pPr"))
        (ppr.addnext if ppr is not None else (lambda el, h=heading: h.insert(0, el)))(start)
        heading.append(heading.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): str(9000 + n)}))
        entry = field_paragraph if n == 1 else copy.deepcopy(template)
        _set_style(entry, f"TOC{level}")
        link = entry.makeelement(qn("w:hyperlink"), {qn("w:anchor"): name, qn("w:history"): "1"})
        link.append(_text_run(style_run, text))
        entry.append(link)
        tab = copy.deepcopy(style_run)
        tab.append(tab.makeelement(qn("w:tab"), {}))
        entry.append(tab)
        for piece in _pageref(style_run, name):
            entry.append(piece)
        entries.append(entry)
    for previous, entry in zip(entries, entries[1:], strict=False):
        previous.addnext(entry)


def _pageref(style_run, bookmark: str) -> list:
    def fld(kind: str):
        run = copy.deepcopy(style_run)
        run.append(run.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))
        return run

    instr = copy.deepcopy(style_run)
    el = instr.makeelement(qn("w:instrText"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
    el.text = f" PAGEREF {bookmark} \\h "
    instr.append(el)
    return [fld("begin"), instr, fld("separate"), _text_run(style_run, ""), fld("end")]


_TCPR_ORDER = {qn(f"w:{t}"): i for i, t in enumerate((
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"))}


def _fix_cell_properties(document) -> None:
    """docxtpl's {% cellbg %} puts <w:shd> first in a cell's properties; Word wants schema order."""
    for tc_pr in document.element.body.iter(qn("w:tcPr")):
        children = list(tc_pr)
        ordered = sorted(children, key=lambda el: _TCPR_ORDER.get(el.tag, len(_TCPR_ORDER)))
        if ordered != children:
            for el in children:
                tc_pr.remove(el)
            for el in ordered:
                tc_pr.append(el)


def _set_style(paragraph, style_id: str) -> None:
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = paragraph.makeelement(qn("w:pPr"), {})
        paragraph.insert(0, ppr)
    style = ppr.find(qn("w:pStyle"))
    if style is None:
        style = ppr.makeelement(qn("w:pStyle"), {})
        ppr.insert(0, style)
    style.set(qn("w:val"), style_id)


def _text_run(template_run, text: str):
    run = copy.deepcopy(template_run)
    t = run.makeelement(_W_T, {})
    t.text = text
    run.append(t)
    return run


def _defuse(value):
    """Values never hold tags: a '{{' or '{%' in a source's text gets an invisible zero-width space, so the
    check for unrendered tags in the output only ever finds the template's own."""
    if isinstance(value, str):
        return value.replace("{{", "{\u200b{").replace("{%", "{\u200b%") if "{" in value else value
    if isinstance(value, dict):
        return {k: _defuse(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_defuse(v) for v in value]
    return value


def render_to_bytes(template: TemplateInfo | str | Path, context: dict) -> bytes:
    """The rendered .docx as bytes; TemplateError naming the template and tag when it cannot be rendered."""
    info = template if isinstance(template, TemplateInfo) else find_template(template)
    label = info.name
    try:
        tpl = DocxTemplate(str(info.path))
        document = tpl.get_docx()
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(label, None, f"cannot be opened as a Word document ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises assorted errors on damaged files
        raise TemplateError(label, None, f"cannot be opened as a Word document ({type(exc).__name__})") from None
    tags = _check_tags(label, document)
    try:
        tpl.render(_defuse(context), jinja_env=make_environment(autoescape=True))
    except jinja2.exceptions.TemplateError as exc:
        raise _explain(label, exc, tags) from None
    except Exception as exc:  # noqa: BLE001 - a user template can make docxtpl/lxml fail in many ways
        raise TemplateError(label, None, f"cannot be rendered ({type(exc).__name__}: {exc})") from None
    leftover = _leftovers(tpl.docx)
    if leftover:
        raise TemplateError(label, leftover, "a tag was left unrendered (is it split across Word runs?)")
    _fill_toc(tpl.docx)
    _fix_cell_properties(tpl.docx)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def write_atomically(data: bytes, out_path: Path) -> Path:
    """Write to a temporary file in the same folder, then rename over ``out_path`` (never half a file)."""
    out_path = Path(out_path).expanduser()
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"Folder does not exist: {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.stem}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


def render_docx(template: TemplateInfo | str | Path, context: dict, out_path: Path) -> Path:
    """Render ``template`` with ``context`` into ``out_path`` (atomically). Raises TemplateError or OSError."""
    return write_atomically(render_to_bytes(template, context), Path(out_path))
