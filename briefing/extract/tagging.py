"""The model's attribute ruler (fine tag -> coarse POS, morphology and lemma exceptions), matched faster.

The English model maps its tags to parts of speech with an ``AttributeRuler``: 180 one- and two-token
patterns run through spaCy's general ``Matcher``, which tests every pattern at every token. Measured
on our sources that costs about 9 ms a document, a tenth of the whole model's time, for what is in
the end a table lookup. ``speed_up(nlp)`` keeps the ruler (its patterns, the way it sets attributes,
its order: a later rule wins) and replaces only how it finds its matches: each pattern is indexed by
the exact value its first token must have (its lower-case form, else its tag, else its dependency
label), so a token is tested only against the patterns that can start at it. The matches, and so
every token's POS, morphology and lemma, are the same as the Matcher's (tests/core/test_tagging.py
checks that on our corpus); a ruler with a pattern this does not understand is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# The token attributes the model's patterns test, read once per document as hashes.
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # first-token attributes a pattern can be looked up by, best first

Test = Callable[[int, Any], bool]  # (the attribute's hash, the vocabulary's strings) -> matches


class Unsupported(ValueError):
    """A pattern uses something the fast matcher does not do (an operator, another attribute)."""


@dataclass
class _Pattern:
    attr_id: int  # the ruler's rule number: later rules win
    length: int  # tokens
    # what is left to test once the pattern is a candidate at a start: (token offset, column in _ATTRS, test)
    rest: list[tuple[int, int, Test]]


@dataclass
class FastMatch:
    """A drop-in for ``AttributeRuler.match``: the same (rule, key, start, end) list, sorted the same way."""

    keys: list[int]  # the match key of each rule, as the Matcher would report it
    by_value: list[tuple[int, dict[int, list[_Pattern]]]] = field(default_factory=list)  # (column, hash -> patterns)
    unindexed: list[_Pattern] = field(default_factory=list)
    # The patterns that can start at a token, by the token's attributes
    _starting: dict[tuple[int, ...], list[_Pattern]] = field(default_factory=dict)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import IDS

        if not len(doc):
            return []
        rows = [tuple(r) for r in doc.to_array([IDS[a] for a in _ATTRS]).tolist()]
        strings = doc.vocab.strings
        n = len(rows)
        found: set[tuple[int, int, int, int]] = set()
        for start, row in enumerate(rows):
            starting = self._starting.get(row)
            if starting is None:
                starting = self._starting_at(row, strings)
            for pattern in starting:
                end = start + pattern.length
                if not pattern.rest or (end <= n and all(test(rows[start + k][column], strings)
                                                         for k, column, test in pattern.rest)):
                    found.add((pattern.attr_id, self.keys[pattern.attr_id], start, end))
        return sorted(found)

    def _starting_at(self, row: tuple[int, ...], strings: Any) -> list[_Pattern]:
        """The patterns whose first token ``row`` matches, with only their later tokens' tests left; kept
        by the token's attributes, so a word's regex tests run once, not at each of its occurrences."""
        candidates = [p for column, table in self.by_value for p in table.get(row[column], ())]
        hit = []
        for pattern in candidates + self.unindexed:
            if all(test(row[column], strings) for k, column, test in pattern.rest if k == 0):
                hit.append(_Pattern(pattern.attr_id, pattern.length, [r for r in pattern.rest if r[0] > 0]))
        if len(self._starting) > 200_000:  # a bound on memory over a long import; refilled as needed
            self._starting.clear()
        self._starting[row] = hit
        return hit


def _test(attr: str, value: Any, strings: Any) -> tuple[Test, set[int] | None]:
    """The test for one attribute of a token pattern, and the exact hashes that pass it when it is a set."""
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        want = int(value)
        return (lambda got, _s: got == want), {want}
    if isinstance(value, str):
        h = strings[value] if value else 0
        return (lambda got, _s: got == h), {h}
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            hashes = {strings[v] if v else 0 for v in arg}
            return (lambda got, _s: got in hashes), hashes
        if op == "NOT_IN":
            hashes = {strings[v] if v else 0 for v in arg}
            return (lambda got, _s: got not in hashes), None
        if op == "REGEX":
            rx = re.compile(arg)
            return (lambda got, s: bool(rx.search(s[got] if got else ""))), None
    raise Unsupported(f"{attr} {value!r}")


def compile_ruler(ruler: Any) -> FastMatch:
    """A FastMatch for ``ruler``'s patterns; ``Unsupported`` when one is beyond it."""
    strings = ruler.vocab.strings
    fast = FastMatch(keys=[strings[str(i)] for i in range(len(ruler.attrs))])
    tables: dict[int, dict[int, list[_Pattern]]] = {}
    for attr_id in range(len(ruler.attrs)):
        for token_patterns in ruler.matcher.get(strings[str(attr_id)])[1]:
            if not token_patterns:
                raise Unsupported("an empty pattern")
            rest: list[tuple[int, int, Test]] = []
            first_sets: dict[int, set[int]] = {}
            for k, token in enumerate(token_patterns):
                for attr, value in token.items():
                    if attr not in _ATTRS:
                        raise Unsupported(attr)
                    test, exact = _test(attr, value, strings)
                    rest.append((k, _ATTRS.index(attr), test))
                    if k == 0 and exact is not None:
                        first_sets[_ATTRS.index(attr)] = exact
            column = next((_ATTRS.index(a) for a in _INDEXED if _ATTRS.index(a) in first_sets), None)
            if column is None:
                fast.unindexed.append(_Pattern(attr_id, len(token_patterns), rest))
                continue
            # Found through the index, the first token has passed that test already.
            pattern = _Pattern(attr_id, len(token_patterns), [r for r in rest if (r[0], r[1]) != (0, column)])
            for h in first_sets[column]:
                tables.setdefault(column, {}).setdefault(h, []).append(pattern)
    fast.by_value = sorted(tables.items())
    return fast


def speed_up(nlp: Any) -> bool:
    """Give the model's attribute ruler the indexed matcher; False (ruler untouched) when there is none or
    one of its patterns is beyond the fast matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = compile_ruler(ruler)
    except (Unsupported, KeyError, TypeError):
        return False
    ruler.match = fast  # the ruler's __call__ asks self.match for its matches, then applies them as before
    return True
