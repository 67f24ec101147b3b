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


# Glyph widths in ems, rounded up to cover Calibri (Carlito, LibreOffice's stand-in, has its metrics) and the
# wider DejaVu Sans that LibreOffice falls back to where neither is installed: a word measured here fits.
_NARROW = set("ijlI.,;:'!|")
_MIDDLE = set("frt()[]- ")
_WIDE = set("mwMW@%")
_EM_LOWER, _EM_UPPER, _EM_DIGIT, _EM_NARROW, _EM_MIDDLE, _EM_WIDE = 0.62, 0.74, 0.64, 0.3, 0.43, 0.98
_TWIPS_PER_PT = 20
_CELL_PADDING_TWIPS = 2 * 108 + 40  # Word's default left and right cell margins (0.19 cm each), and a little air
_DEFAULT_FONT_PT = 10.0  # the size Word gives text that no style sizes
_BOLD = 1.07


def word_width_pt(word: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of ``word`` in points at ``size_pt``, a safe estimate (never much below the real)."""
    ems = 0.0
    for char in word:
        if char in _NARROW:
            ems += _EM_NARROW
        elif char in _MIDDLE:
            ems += _EM_MIDDLE
        elif char in _WIDE:
            ems += _EM_WIDE
        elif char.isdigit():
            ems += _EM_DIGIT
        elif char.isupper():
            ems += _EM_UPPER
        else:
            ems += _EM_LOWER
    return ems * size_pt * (_BOLD if bold else 1.0)


def _run_size(run, default: float) -> tuple[float, bool]:
    rpr = run.find(_W_RPR)
    size, bold = default, False
    if rpr is not None:
        sz = rpr.find(qn("w:sz"))
        if sz is not None and (sz.get(qn("w:val")) or "").isdigit():
            size = int(sz.get(qn("w:val"))) / 2
        b = rpr.find(qn("w:b"))
        bold = b is not None and b.get(qn("w:val")) not in ("0", "false")
    return size, bold


def _body_font_size(document) -> float:
    """The size text takes when its run says none: the Normal style's, else the document default's."""
    normal = document.styles["Normal"].font.size if "Normal" in [s.name for s in document.styles] else None
    if normal is not None:
        return normal.pt
    size = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    if size is not None and (size.get(qn("w:val")) or "").isdigit():
        return int(size.get(qn("w:val"))) / 2
    return _DEFAULT_FONT_PT


def _longest_word_twips(cell, default_size: float) -> int:
    widest = 0.0
    for run in cell.iter(_W_R):
        size, bold = _run_size(run, default_size)
        for word in _run_text(run).split():
            widest = max(widest, word_width_pt(word, size, bold))
    return int(widest * _TWIPS_PER_PT) + _CELL_PADDING_TWIPS if widest else 0


def fit_columns(document) -> None:
    """Widen every fixed-layout table column that is too narrow for its longest word ("Established" must not
    print as "Establishe d"), taking the room from columns that have more than their longest word needs.

    The table keeps its total width; a column never shrinks below its own longest word. Word reads the cell
    widths, LibreOffice the grid: both are set.
    """
    default_size = _body_font_size(document)
    for table in document.element.body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is None:
            continue
        cols = grid.findall(qn("w:gridCol"))
        widths = [int(c.get(qn("w:w")) or 0) for c in cols]
        if len(widths) < 2 or not all(widths):
            continue
        need = [0] * len(widths)
        for row in table.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if len(cells) != len(widths):
                continue  # merged cells: leave the table as designed
            for i, cell in enumerate(cells):
                need[i] = max(need[i], _longest_word_twips(cell, default_size))
        fitted = _share_width(widths, need)
        if fitted == widths:
            continue
        for col, width in zip(cols, fitted, strict=True):
            col.set(qn("w:w"), str(width))
        for row in table.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if len(cells) != len(fitted):
                continue
            for cell, width in zip(cells, fitted, strict=True):
                tc_w = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                if tc_w is not None:
                    tc_w.set(qn("w:w"), str(width))
                    tc_w.set(qn("w:type"), "dxa")


def _share_width(widths: list[int], need: list[int]) -> list[int]:
    """Columns below their need get it; the others give up their room beyond their need, in proportion."""
    total = sum(widths)
    short = sum(max(0, n - w) for w, n in zip(widths, need, strict=True))
    if not short:
        return widths
    spare = [max(0, w - n) for w, n in zip(widths, need, strict=True)]
    room = sum(spare)
    if room <= 0:
        return widths  # nothing can give: the words are longer than the page is wide
    take = min(short, room)
    fitted = [max(w, n) if n > w else w - (s * take) // room for w, n, s in zip(widths, need, spare, strict=True)]
    fitted[max(range(len(fitted)), key=lambda i: spare[i])] += total - sum(fitted)  # rounding: same total
    return fitted


_KEPT_STYLES = ("ListBullet", "ListNumber", "Source")


def _keep_list_ends_together(document) -> None:
    """A list's first two and last two paragraphs stay on one page, and a table's last two rows, so no page
    holds a single line of a list or table (a last page with one source on it); headings already keep with
    what follows (their style)."""
    runs: list[list] = []
    previous_style = None
    for paragraph in document.element.body.iterchildren(_W_P):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = style.get(qn("w:val")) if style is not None else None
        if name in _KEPT_STYLES and name == previous_style:
            runs[-1].append(paragraph)
        elif name in _KEPT_STYLES:
            runs.append([paragraph])
        previous_style = name
    for run in runs:
        if len(run) < 2:
            continue
        for paragraph in {id(p): p for p in (run[0], run[-2])}.values():
            paragraph.find(qn("w:pPr")).get_or_add_keepNext()  # python-docx puts it in schema order
    for table in document.element.body.iter(qn("w:tbl")):  # a table's last row does not sit alone either
        rows = table.findall(qn("w:tr"))
        if len(rows) >= 3:
            for paragraph in rows[-2].iter(_W_P):
                paragraph.get_or_add_pPr().get_or_add_keepNext()


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
    """The rendered .docx as bytes; TemplateError naming the template and tag when it cannot be rendered,
    RenderLimitError when it runs past its time, memory or output limit (``briefing.brief.limits``)."""
    from briefing.brief.limits import run_limited

    info = template if isinstance(template, TemplateInfo) else find_template(template)
    return run_limited(render_here, info, context, label=info.name)


def render_here(info: TemplateInfo, context: dict) -> bytes:
    """``render_to_bytes`` in this process, with no limits: what the limited child runs."""
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
    fit_columns(tpl.docx)
    _keep_list_ends_together(tpl.docx)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _umask() -> int:
    """The process's umask (only readable by setting it: set and put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(data: bytes, out_path: Path) -> Path:
    """Write to a temporary file in the same folder, then rename over ``out_path`` (never half a file).

    The file gets the permissions any new file of the user gets (0666 less the umask), not the
    temporary file's private 0600: a brief is written to be shared."""
    out_path = Path(out_path).expanduser()
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"Folder does not exist: {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.stem}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.chmod(fh.fileno(), 0o666 & ~_umask())
            os.fsync(fh.fileno())
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


def render_docx(template: TemplateInfo | str | Path, context: dict, out_path: Path) -> Path:
    """Render ``template`` with ``context`` into ``out_path`` (atomically). Raises TemplateError or OSError."""
    return write_atomically(render_to_bytes(template, context), Path(out_path))
