"""A guard against a reference-counting fault in PySide6 6.12.0 (seen on Python 3.11).

There, ``SignalInstance.emit()`` returns ``True`` without taking a reference,
and every Python method Qt calls that returns ``None`` (a slot, a model's
``data()`` for a role it does not answer) gives one reference too many back to
``None``. After a few thousand such calls — one import, a minute of scrolling —
the interpreter aborts with "deallocating None" or "deallocating True or False".
Earlier releases (6.11.3 tested) are sound; the project should pin
``PySide6-Essentials<6.12`` until a fixed release.

The guard probes both faults once at import. If either shows, it does what
Python 3.12 does for every interpreter: makes ``None``, ``True`` and ``False``
practically immortal by raising their reference counts far out of reach, so the
lost references can never bring them to zero. These three objects are never
freed in a running interpreter anyway; nothing else is touched. Python 3.12 and
later need nothing (those objects are immortal there).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Signal

_PROBES = 16
_HEADROOM = 1 << 40  # ~10^12 lost references before the count could reach zero


class _Probe(QObject):
    ping = Signal()


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 1

    def data(self, index, role=0):
        return None


def _lost(obj, action) -> int:
    before = sys.getrefcount(obj)
    for _ in range(_PROBES):
        action()
    return before - sys.getrefcount(obj)


def faults() -> dict[str, int]:
    """References lost by ``_PROBES`` emits and by ``_PROBES`` None-returning calls from Qt."""
    probe = _Probe()
    model = _NoneModel()
    index = model.index(0)
    return {
        "emit": _lost(True, probe.ping.emit),
        "none": _lost(None, lambda: index.data(0)),
    }


def _raise_refcount(obj, amount: int) -> None:
    # CPython keeps an object's reference count in its first word (ob_refcnt)
    cell = ctypes.c_ssize_t.from_address(id(obj))
    cell.value += amount


def install() -> bool:
    """True when the guard was needed (and is now in place)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    found = faults()
    if max(found.values()) < _PROBES // 2:
        return False
    for obj in (None, True, False):
        if sys.getrefcount(obj) < _HEADROOM:
            _raise_refcount(obj, _HEADROOM)
    return True


INSTALLED = install()
