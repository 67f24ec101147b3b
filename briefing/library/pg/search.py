"""Full-text search on PostgreSQL giving the SQLite library's answers to the same search text.

The SQLite library indexes text folded by ``briefing.text.fold`` (through ``briefing.library.search``)
and lets FTS5's unicode61 tokenizer split it: runs of letters and digits are words, everything else
(``_`` included) separates them. PostgreSQL's own parser would keep ``gov.sg``, ``3.5`` or an e-mail
address whole, so the words are split here, the same way, before ``to_tsvector`` sees them; the
``bb_simple`` configuration (unaccent, then simple) adds nothing to text already folded, but lets a
plain SQL query typed by hand match accent-blind too.

The query syntax is the one ``briefing.library.search.parse_search`` reads: words AND'ed, "quoted
phrases" as phrases (``<->``), ``-word`` excluded, the last word a prefix while it is being typed.
"""

from __future__ import annotations

import re

from briefing.library.search import SearchTerms

_TOKEN = re.compile(r"[^\W_]+")
# For ASCII text (two thirds of an import's search rows): every byte but a letter or a digit made a space, then
# split: the same words as _TOKEN in under a third of its time
_ASCII_SEPARATORS = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def tokens(folded: str | None) -> list[str]:
    """The words of already folded text as SQLite's unicode61 tokenizer finds them."""
    if not folded:
        return []
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_SEPARATORS).decode("ascii").split()
    return _TOKEN.findall(folded)


def _phrase(term: tuple[str, ...], prefix: bool) -> str | None:
    words = [w for part in term for w in tokens(part)]
    if not words:
        return None
    quoted = [f"'{w}'" for w in words]  # a token holds letters and digits only: nothing to escape
    if prefix:
        quoted[-1] += ":*"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"


def tsquery(terms: SearchTerms) -> tuple[str | None, str | None]:
    """(tsquery text every wanted term satisfies, tsquery text any unwanted term satisfies); None: no term."""
    wanted = [_phrase(t, terms.prefix and n == len(terms.wanted) - 1) for n, t in enumerate(terms.wanted)]
    unwanted = [_phrase(t, False) for t in terms.unwanted]
    want = [w for w in wanted if w]
    avoid = [u for u in unwanted if u]
    return (" & ".join(want) or None, " | ".join(avoid) or None)
