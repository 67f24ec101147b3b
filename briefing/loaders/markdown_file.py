"""Markdown (.md): the words without the markup.

Headings, emphasis, code marks, link targets, images, rules and HTML comments go;
link text stays; a paragraph wrapped over several source lines becomes one line;
list items and table rows keep their own lines. YAML front matter gives title, date,
author, publisher (or source, site, outlet) and URL (or link, canonical).
"""

from __future__ import annotations

import re

from .common import Loaded, clean_text, decode_text, squash_spaces
from .meta import find_dateline, guess_title, iso_date, web_address

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ATX_EMPTY = re.compile(r"^ {0,3}#{1,6}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]+\S+.*$")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")

_INLINE = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1"),  # [text](url "t")
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <http://autolink>
    (re.compile(r"`{1,3}([^`]+)`{1,3}"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"</?(?:br|b|i|em|strong|u|sup|sub|span|p|div)\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
]


def strip_inline(text: str) -> str:
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)  # where an image or tag stood


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields, text[m.end():]


def markdown_to_text(source: str) -> tuple[str, str]:
    """(plain text, first heading)."""
    out: list[str] = []  # output lines; "" separates paragraphs
    heading = ""
    in_fence = False
    joinable = False  # may the next plain line continue the previous one?
    for raw in source.split("\n"):
        if _FENCE.match(raw):
            in_fence = not in_fence
            out.append("")
            joinable = False
            continue
        if in_fence:
            out.append(raw.rstrip())
            continue
        line = _QUOTE.sub("", raw)
        if not line.strip():
            out.append("")
            joinable = False
            continue
        if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_SEP.match(line) or _ATX_EMPTY.match(line):
            out.append("")
            joinable = False
            continue
        if _SETEXT.match(line) and joinable and out and out[-1]:
            # the line above was a heading
            if not heading and line.strip().startswith("="):
                heading = squash_spaces(out[-1])
            out.append("")
            joinable = False
            continue
        m = _ATX.match(line)
        if m:
            text = strip_inline(m.group(2)).strip()
            if not heading and len(m.group(1)) == 1:
                heading = squash_spaces(text)
            out += ["", text, ""]
            joinable = False
            continue
        text = strip_inline(line).rstrip()
        if _LIST.match(line) or line.lstrip().startswith("|"):
            out.append(text.strip() if not _LIST.match(line) else text)
            joinable = bool(_LIST.match(line))  # a list item may wrap onto the next line
            continue
        if joinable and out and out[-1]:
            out[-1] = out[-1].rstrip() + " " + text.strip()
        else:
            out.append(text.strip())
        joinable = True
    return clean_text("\n".join(out)), heading


def load_markdown(data: bytes) -> Loaded:
    source = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    fields, source = _front_matter(source)
    text, heading = markdown_to_text(source)
    title = strip_inline(fields.get("title", "")) or heading or guess_title(text)
    return Loaded(
        text=text,
        title=squash_spaces(title),
        date=(iso_date(fields["date"]) if fields.get("date") else None) or find_dateline(text),
        author=fields.get("author") or None,
        publisher=next((fields[k] for k in ("publisher", "source", "site", "outlet") if fields.get(k)), None),
        url=next((web_address(fields[k]) for k in ("url", "link", "canonical") if web_address(fields.get(k))), None),
    )
