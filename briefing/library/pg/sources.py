"""Sources on the team library beyond the core (store.py): a document already held, and the copies of a story.

A near-identical copy of a story (the same wire text under another site's furniture) is linked to the
story's first source when it is added (``copies``, run by the shared import code); here the links are read.
An officer sees only the copies their clearance lets them see: row-level security leaves out the others.
"""

from __future__ import annotations

from briefing.library import copies
from briefing.library.pg.parts import StoreParts


class TeamSources(StoreParts):
    def has_sha256(self, sha256: str) -> bool:
        """Is the document with these bytes in the team library (as far as this officer can see)?"""
        with self._lock:
            return self._conn.execute("SELECT 1 FROM sources WHERE sha256 = %s", (sha256,)).fetchone() is not None

    def copies_of(self, source_id: int) -> list[int]:
        """The other sources of the same story (near-identical copies), the first imported first."""
        with self._lock:
            return copies.copies_of(self._db, source_id)
