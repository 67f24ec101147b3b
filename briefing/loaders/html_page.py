"""Saved web pages (.html, .htm): the article alone, through trafilatura.

Menus, tickers, sidebars, related-links lists, cookie banners, scripts and styles
are left out; title, publication date, site name, byline and address (og:url, the
canonical link) come from the page's metadata (Open Graph, article:published_time, JSON-LD).
"""

from __future__ import annotations

import re

from .common import Loaded, Refused, decode_text, paragraphs_text, squash_spaces
from .meta import find_dateline, guess_title, iso_date, web_address

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]\s+")
# Only page metadata, never a guess from the body or the URL: a wrong date is worse than none.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe")
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "br", "dd", "dt", "figcaption", "body",
}


def decode_html(data: bytes) -> str:
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace") if m else None
    return decode_text(data, declared=declared)


def _plain_fallback(html: str) -> str:
    """All visible text, block by block, for pages (or mail bodies) trafilatura finds no article in."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises ParserError / ValueError on empty or odd documents
        return ""
    for element in list(tree.iter(*_DROP_TAGS)):
        element.drop_tree()
    parts: list[str] = []

    def walk(element) -> None:  # iterative-safe depth: lxml caps tree depth on parse
        stack = [(element, False)]
        while stack:
            node, closing = stack.pop()
            if closing:
                if node.tail:
                    parts.append(node.tail)
                continue
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if node.text and tag:
                parts.append(node.text)
            stack.append((node, True))
            for child in reversed(list(node)):
                stack.append((child, False))

    body = tree.find("body")
    walk(body if body is not None else tree)
    blocks = re.split(r"\n\s*\n", "".join(parts))
    return paragraphs_text([squash_spaces(b) for b in blocks])


# Above this many characters a page is read by the linear fallback alone: trafilatura's time grows faster
# than the page (measured 8.5 s at 5 MB, 103 s at 20 MB, over 10 minutes at 50 MB on a one-line page), while
# lxml's walk stays linear (2.5 s at 20 MB). No article an officer saves is near it; a dump or a
# hostile page is, and must not stall the import.
LARGE_PAGE = 1_000_000


def html_to_text(html: str, *, page: bool = True) -> str:
    """The main text, one paragraph per block, paragraphs separated by a blank line.

    ``page=False`` is for an e-mail body: it has no site furniture to lose, so when
    trafilatura keeps much less than all the visible text, all the visible text is kept.
    """
    import trafilatura

    if len(html) > LARGE_PAGE:
        return _plain_fallback(html)

    text = trafilatura.extract(
        html,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    text = paragraphs_text(text.split("\n")) if text and text.strip() else ""
    if not text or not page:
        everything = _plain_fallback(html)
        if len(text) < 0.6 * len(everything):
            return everything
    return text


def _site_from_title(html: str, title: str) -> str | None:
    """'Story headline – Manila Courier' -> 'Manila Courier' (only when the headline is known
    and the rest is a short name, so "Kenya - Ethiopia agree" gives nothing)."""
    m = _TITLE_TAG.search(html[:20000])
    if not m or not title:
        return None
    import html as html_lib

    full = squash_spaces(html_lib.unescape(m.group(1)))
    parts = _TITLE_SEPARATORS.split(full)
    site = parts[-1] if len(parts) >= 2 else ""
    if full.startswith(title) and site and site not in title and len(site.split()) <= 6:
        return site
    return None


def _head(html: str) -> str:
    """The page for its metadata: a large page's <head> alone (meta and og: tags live there)."""
    if len(html) <= LARGE_PAGE:
        return html
    end = html.find("</head>", 0, LARGE_PAGE)
    return html[: end + len("</head>")] + "</html>" if end >= 0 else html[:LARGE_PAGE]


def load_html(data: bytes) -> Loaded:
    import trafilatura

    html = decode_html(data)
    if not html.strip():
        raise Refused("empty file")
    try:
        meta = trafilatura.extract_metadata(_head(html), date_config=_DATE_PARAMS)
    except Exception:  # metadata is a bonus; a page without it still loads
        meta = None
    text = html_to_text(html)
    if not text:
        raise Refused("no readable text in this web page")
    title = squash_spaces(meta.title or "") if meta else ""
    site = (meta.sitename or None) if meta else None
    if not site or ("." in site and " " not in site):  # only a host name: the <title> may say better
        site = _site_from_title(html, title) or site
    date = iso_date(meta.date) if meta and meta.date else None
    return Loaded(
        text=text,
        title=title or guess_title(text),
        date=date or find_dateline(text),
        publisher=site,
        author=(meta.author or None) if meta else None,
        url=web_address(meta.url) if meta else None,
    )
