"""Open modal dialogs for real and close them from a timer, as an officer pressing Cancel would.

Stubbing ``exec()`` hid a crash that happened only while the real dialog ran (the print preview's printer
was freed under it). ``ModalCloser`` lets the real ``exec()`` run: a QTimer looks for the modal dialog
every few milliseconds, hands it to a handler (which may look inside it, press a button, accept it) and
by default rejects it. Every dialog it met is recorded, so a test can assert the dialog really opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

Handler = Callable[[QWidget], bool | None]  # returns True when it closed the dialog itself


@dataclass
class Seen:
    cls: str
    title: str
    text: str = ""


@dataclass
class ModalCloser:
    """``with ModalCloser() as closer: action.trigger()`` — every modal dialog opened meanwhile is closed."""

    handler: Handler | None = None
    delay_ms: int = 30
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._timer = QTimer(interval=self.delay_ms)
        self._timer.timeout.connect(self._tick)
        self._handled: set[int] = set()

    def __enter__(self) -> ModalCloser:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()

    def names(self) -> list[str]:
        return [s.cls for s in self.seen]

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            self._handled.clear()
            return
        key = id(dialog)
        if key not in self._handled:
            self._handled.add(key)
            text = dialog.text() if hasattr(dialog, "text") and callable(dialog.text) else ""
            self.seen.append(Seen(type(dialog).__name__, dialog.windowTitle(), str(text)))
            if self.handler is not None and self.handler(dialog):
                return
        close(dialog)


def close(dialog: QWidget) -> None:
    """Cancel the dialog: reject() for QDialogs (file, message, input, print preview), close() otherwise."""
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()
