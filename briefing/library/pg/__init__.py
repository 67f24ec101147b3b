"""The team library: the store on a PostgreSQL server (psycopg 3), clearance kept by the server.

``PgStore.open("postgresql://alice@dbhost/briefing")``; the schema is ``schema.sql``, made once by
``briefing team init`` (``briefing/team.py``).
"""

from briefing.library.pg.store import EditConflict, PgStore, is_dsn
from briefing.library.pg.undo import UndoConflict

__all__ = ["EditConflict", "PgStore", "UndoConflict", "is_dsn"]
