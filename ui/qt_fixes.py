"""A guard against a reference-counting fault in some PySide6 releases (seen in 6.12.0 on Python 3.11).

There ``SignalInstance.emit()`` returns ``True`` without taking a reference, so
every ``emit`` from Python code takes one away from ``True``; after a few
thousand emits (an import, a long session) the interpreter aborts with
"deallocating True or False". At import, one probe emit tells whether this
PySide6 has the fault; only then is ``emit`` wrapped to give the reference back.
A fixed PySide6 is left alone.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 8


class _Probe(QObject):
    ping = Signal()


def emit_leaks_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:  # give back what the probe took
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= _PROBES


def install() -> bool:
    """Wrap ``SignalInstance.emit`` if this PySide6 needs it; True when the wrapper is in place."""
    if getattr(SignalInstance.emit, "_briefing_fixed", False):
        return True
    if not emit_leaks_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    emit._briefing_fixed = True
    SignalInstance.emit = emit
    return True


INSTALLED = install()
