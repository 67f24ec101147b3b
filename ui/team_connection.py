"""Connecting the window to a team library: where it is, the officer's password, and what went wrong.

The connection (host, port, database, user name) is remembered in the settings; the password never is. It
goes to the system keyring when there is a usable one (the Secret Service, macOS Keychain, Windows
Credential Locker), otherwise it is asked for at each connection. Failures become one line an officer can act
on ("Wrong password for alice"), not psycopg's paragraph. No Qt here: the dialog and the window use it.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from briefing.library.db import LibraryError

if TYPE_CHECKING:  # psycopg and the store load when a team library is opened, not with the window
    from briefing.library.pg import PgStore

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Briefing Builder team library"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5  # an unreachable server says so after this, rather than freezing the window


class ConnectFailed(Exception):
    """The team library could not be opened; ``str()`` is one line for the officer. ``unreachable``: the
    server did not answer at all (rather than refusing the officer)."""

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable


# what libpq says when nothing answers at that address (as opposed to a server that refuses a login)
UNREACHABLE_SIGNS = ("connection refused", "could not translate host name", "timeout expired",
                     "name or service not known", "no route to host", "network is unreachable",
                     "server closed the connection", "failed to resolve host", "temporary failure in name resolution")
# why it did not answer, in the officer's words (the first sign found in what libpq said)
_WHY_UNREACHABLE = (
    ("connection refused", "connection refused"),
    ("timeout expired", f"no answer within {CONNECT_TIMEOUT_S} s"),
    ("could not translate host name", "no such host name"),
    ("failed to resolve host", "no such host name"),
    ("name or service not known", "no such host name"),
    ("temporary failure in name resolution", "host names cannot be looked up now"),
    ("no route to host", "no route to host"),
    ("network is unreachable", "the network is unreachable"),
    ("server closed the connection", "it closed the connection"),
)


@dataclass(frozen=True)
class TeamConnection:
    """Where a team library is and who logs in to it (no password: see ``stored_password``)."""

    host: str
    port: int
    database: str
    user: str

    @property
    def place(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def keyring_key(self) -> str:
        """The keyring's user name for this login: one password per officer, server and database."""
        return f"{self.user}@{self.place}/{self.database}"

    def dsn(self, password: str | None) -> str:
        login = quote(self.user, safe="")
        if password:
            login += ":" + quote(password, safe="")
        return (f"postgresql://{login}@{quote(self.host, safe='')}:{self.port}/{quote(self.database, safe='')}"
                f"?connect_timeout={CONNECT_TIMEOUT_S}&application_name=Briefing%20Builder")

    def to_settings(self) -> dict[str, str | int]:
        return {"host": self.host, "port": self.port, "database": self.database, "user": self.user}

    @classmethod
    def from_settings(cls, saved: dict[str, Any] | None) -> TeamConnection | None:
        if not saved:
            return None
        try:
            return cls(str(saved["host"]), int(saved.get("port") or DEFAULT_PORT), str(saved["database"]),
                       str(saved["user"]))
        except (KeyError, TypeError, ValueError):
            return None  # an older or hand-edited settings file: connect afresh


def connect(connection: TeamConnection, password: str | None) -> PgStore:
    """Open the team library; ConnectFailed with one clear line when that is not possible."""
    missing = [name for name, value in (("the server", connection.host), ("the database", connection.database),
                                        ("your user name", connection.user)) if not value.strip()]
    if missing:
        raise ConnectFailed(f"Fill in {' and '.join(missing)}.")
    import psycopg

    from briefing.library.pg import PgStore
    from briefing.library.pg.upgrade import SchemaMismatch

    try:
        return PgStore.open(connection.dsn(password))
    except SchemaMismatch as exc:  # already what the officer can do about it (and names no password)
        text = " ".join(str(exc).split())
        raise ConnectFailed(text[:1].upper() + text[1:] + ".") from exc
    except (LibraryError, psycopg.Error) as exc:  # psycopg's own: a server that is not PostgreSQL, a lost line
        raise ConnectFailed(explain(connection, str(exc)), unreachable=is_unreachable(str(exc))) from exc


def explain(connection: TeamConnection, reason: str) -> str:
    """What psycopg or the store said, as the one thing the officer can do about it."""
    text = " ".join(reason.split())
    low = text.lower()
    user, db, place = connection.user, connection.database, connection.place
    if "authentication failed" in low:
        return f"Wrong password for {user} on {place} (or no such officer): check both and try again."
    if "no password supplied" in low or "password is required" in low:
        return f"{place} asks for {user}'s password: type it in."
    if "role" in low and "does not exist" in low:
        return f"{user} is not an officer of this server ({place}): ask the desk administrator to add you."
    if "database" in low and "does not exist" in low:
        return f"There is no database {db} on {place}: check its name."
    if "holds no team library" in low:
        return f"The database {db} on {place} holds no team library yet: the administrator runs `briefing team init`."
    if "permission denied" in low:
        return (f"{user} may not use the team library in {db} on {place}: ask the desk administrator to add you "
                "as an officer.")
    if is_unreachable(text):
        why = next((words for sign, words in _WHY_UNREACHABLE if sign in low), "no answer")
        return f"The server {place} cannot be reached: {why} (is it running, and is its name right?)."
    return text if place in text or connection.host in text else f"{place}: {text}"


class TeamOpener:
    """How the window's import process opens the team library for itself (it cannot share the window's
    connection). Picklable, and handed to that process through a pipe - never its command line; printed, it
    shows no password."""

    def __init__(self, connection: TeamConnection, password: str | None) -> None:
        self.connection = connection
        self._password = password

    def __call__(self) -> PgStore:
        from briefing.library.pg import PgStore

        return PgStore.open(self.connection.dsn(self._password), listen=False)

    def __str__(self) -> str:
        c = self.connection
        return f"postgresql://{c.user}@{c.place}/{c.database}"


def is_unreachable(reason: str) -> bool:
    low = reason.lower()
    return any(sign in low for sign in UNREACHABLE_SIGNS)


# --- the system keyring ----------------------------------------------------------------------------


def keyring_usable() -> bool:
    """Is there a keyring that keeps secrets (not keyring's "fail" or a null backend)?"""
    try:
        import keyring
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
        return float(backend.priority) > 0 and type(backend).__module__ not in ("keyring.backends.fail",
                                                                               "keyring.backends.null")
    except Exception:  # noqa: BLE001 - a broken backend (no D-Bus session): as if there were none
        log.info("no usable keyring", exc_info=True)
        return False


def stored_password(connection: TeamConnection) -> str | None:
    if not keyring_usable():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, connection.keyring_key)
    except Exception:  # noqa: BLE001 - a locked or broken keyring: ask for the password instead
        log.info("the keyring could not be read", exc_info=True)
        return None


def store_password(connection: TeamConnection, password: str) -> bool:
    """Keep the password in the keyring; False when there is none (the officer is asked next time)."""
    if not password or not keyring_usable():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, connection.keyring_key, password)
    except Exception:  # noqa: BLE001 - a refused or locked keyring: asked for next time, nothing lost
        log.info("the keyring refused the password", exc_info=True)
        return False
    return True


def forget_password(connection: TeamConnection) -> None:
    """Drop a password the server refused, so the next start asks instead of failing again."""
    if not keyring_usable():
        return
    import keyring

    with contextlib.suppress(Exception):
        keyring.delete_password(KEYRING_SERVICE, connection.keyring_key)
