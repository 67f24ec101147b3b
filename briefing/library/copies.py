"""Near-identical copies of one story: the same wire text under another outlet's page furniture.

Syndication is common: five outlets run one agency story with their own headline, byline, captions,
share buttons and "READ MORE" lines, some cut short. The library keeps each copy as a source (it is what
the officer imported, and each outlet can be cited) but links it to the first copy it holds
(``sources.copy_of``) and joins the copy's items to that story's items, so a brief shows one visit citing
five sources rather than five visits.

A copy is found by MinHash over five-word shingles of the folded text: each source stores a signature
of ``PERMUTATIONS`` minimums (hex, in ``sources.signature``) and its shingle count. Two texts are copies
when the shorter is mostly inside the longer (containment, estimated from the signatures' agreement and
the two counts): furniture adds shingles to each side without removing the shared body, and a copy cut
off half-way still lies inside the whole story.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import numpy as np

from briefing.library.connection import Connection
from briefing.library.search import fold

PERMUTATIONS = 128
SHINGLE_WORDS = 5
# The shorter text's shingles that must lie inside the longer: furniture and a cut-off tail stay under
# this; two different stories of one outlet share little more than the furniture.
MIN_CONTAINMENT = 0.6
# Texts with fewer shingles than this (a headline, a caption-only page) are never called copies.
MIN_SHINGLES = 40

# Multiply-shift hashing, one odd multiplier and one offset a permutation, wrapping at 2**64.
_rng = np.random.default_rng(20261202)  # fixed: signatures stored in a library must stay comparable
_A = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_CHUNK = 4096  # shingles hashed at once: bounds the matrix a very long text would make
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    minimums: np.ndarray  # PERMUTATIONS unsigned 32-bit values
    shingles: int

    def hex(self) -> str:
        return self.minimums.astype(">u4").tobytes().hex()

    @classmethod
    def from_hex(cls, text: str, shingles: int) -> Signature:
        return cls(np.frombuffer(bytes.fromhex(text), dtype=">u4").astype(np.uint32), shingles)


def signature(text: str) -> Signature | None:
    """The text's MinHash signature, or None for a text too short to be called anyone's copy."""
    words = _WORD.findall(fold(text))
    hashes = {zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
              for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(hashes) < MIN_SHINGLES:
        return None
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    minimums = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK, None]
            minimums = np.minimum(minimums, ((chunk * _A + _B) >> np.uint64(32)).min(axis=0))
    return Signature(minimums.astype(np.uint32), len(hashes))


def containment(a: Signature, b: Signature) -> float:
    """The share of the smaller text's shingles that lie in the other (an estimate)."""
    jaccard = float(np.count_nonzero(a.minimums == b.minimums)) / PERMUTATIONS
    shared = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    return shared / min(a.shingles, b.shingles)


@dataclass
class CopyIndex:
    """The signatures of a library's sources, kept in memory for the length of an import.

    The signatures are rows of a matrix that grows by doubling: an import compares each new source with all
    the sources before it, and stacking the rows again at every source cost more than the comparison."""

    ids: list[int] = field(default_factory=list)
    originals: list[int] = field(default_factory=list)  # each source's story: itself, or what it copies
    _matrix: np.ndarray = field(default_factory=lambda: np.empty((64, PERMUTATIONS), dtype=np.uint32))
    _counts: np.ndarray = field(default_factory=lambda: np.empty(64, dtype=float))

    @classmethod
    def load(cls, conn: Connection) -> CopyIndex:
        index = cls()
        for source_id, copy_of, text, count in conn.execute(
                "SELECT id, copy_of, signature, shingles FROM sources WHERE signature IS NOT NULL ORDER BY id"):
            index.add(source_id, copy_of or source_id, Signature.from_hex(text, count))
        return index

    def add(self, source_id: int, original: int, sig: Signature) -> None:
        n = len(self.ids)
        if n == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.empty_like(self._matrix)])
            self._counts = np.concatenate([self._counts, np.empty_like(self._counts)])
        self._matrix[n] = sig.minimums
        self._counts[n] = sig.shingles
        self.ids.append(source_id)
        self.originals.append(original)

    def original_of(self, sig: Signature) -> int | None:
        """The first source of the story ``sig`` is a copy of, or None."""
        n = len(self.ids)
        if not n:
            return None
        jaccard = np.count_nonzero(self._matrix[:n] == sig.minimums, axis=1) / PERMUTATIONS
        counts = self._counts[:n]
        shared = jaccard * (counts + sig.shingles) / (1.0 + jaccard)
        share = shared / np.minimum(counts, sig.shingles)
        best = int(np.argmax(share))
        if share[best] < MIN_CONTAINMENT:
            return None
        return self.originals[best]


def story_sources(conn: Connection, original: int) -> list[int]:
    """Every source of the story whose first source is ``original``, that one first."""
    rows = conn.execute("SELECT id FROM sources WHERE copy_of = ? ORDER BY id", (original,)).fetchall()
    return [original, *(r[0] for r in rows)]


def copies_of(conn: Connection, source_id: int) -> list[int]:
    """The other sources of the same story as ``source_id`` (none: an empty list)."""
    row = conn.execute("SELECT copy_of FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        return []
    original = row[0] or source_id
    return [s for s in story_sources(conn, original) if s != source_id]
