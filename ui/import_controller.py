"""Imports started from the window: one at a time (later ones queue), progress and Cancel in the status bar,
problems in the failures panel, and the tree catching up while the import process writes."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QProgressBar, QPushButton, QStatusBar

from ui.failures_panel import FailuresPanel
from ui.workers import ImportWorker

REFRESH_MS = 300  # how often the tree catches up with an import that is writing sources


class ImportHost(Protocol):
    """What the controller needs of the window."""

    library: object
    settings: object

    def _catch_up(self) -> None: ...

    def show_message(self, text: str, timeout: int = 6000) -> None: ...


class ImportController(QObject):
    def __init__(self, host: ImportHost, status_bar: QStatusBar, failures: FailuresPanel, failures_dock: QDockWidget):
        super().__init__(host)
        self.host = host
        self.failures = failures
        self.failures_dock = failures_dock
        self.worker: ImportWorker | None = None
        self.last_report = None
        self._queue: list[tuple[list[str], object]] = []

        self.progress = QProgressBar(maximumWidth=220, textVisible=True)
        self.progress_file = QLabel(maximumWidth=320)
        self.cancel_button = QPushButton("Cancel", toolTip="Stop the import after the file being written")
        for widget in (self.progress, self.progress_file, self.cancel_button):
            widget.hide()
        status_bar.addPermanentWidget(self.progress_file)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)
        self.cancel_button.clicked.connect(lambda: self.cancel())

        self.refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self.refresh_timer.timeout.connect(lambda: self.host._catch_up())

    def start(self, paths, *, extract=None) -> ImportWorker | None:
        """Import files and folders off the GUI thread; returns the worker (None if queued)."""
        paths = [str(p) for p in paths]
        if not paths:
            return None
        if self.worker is not None:
            self._queue.append((paths, extract))
            self.host.show_message("Import queued: it starts when the current one ends")
            return None
        # a team library says how the import process logs in to it; a library file is opened by its path
        target = getattr(self.host.library, "import_target", None) or self.host.library.path
        worker = ImportWorker(target, paths, marking=self.host.settings.default_marking, extract=extract)
        worker.progress.connect(self._on_progress)
        worker.failed.connect(self._on_failed)
        worker.sourceDone.connect(self._on_source_done)
        worker.done.connect(self._on_done)
        self.worker = worker
        self.progress.setRange(0, 0)  # busy until the import process has counted the files (well under 1 s)
        self.progress.setFormat("counting…")
        self.progress_file.setText("Counting files…")
        for widget in (self.progress, self.progress_file, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        worker.start()
        return worker

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")
        if not path:  # counted; the first file waits for the language model
            self.progress_file.setText(f"{total} file{'s' if total != 1 else ''} to read — loading the language "
                                       "model…")
            self.progress_file.setToolTip("")
            return
        self.progress_file.setText(Path(path).name)
        self.progress_file.setToolTip(path)

    def _on_failed(self, path: str, reason: str) -> None:
        self.failures.add(path, reason)
        self.failures_dock.show()

    def _on_source_done(self, _source_id: int) -> None:
        if not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def _on_done(self, report) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self.refresh_timer.stop()
        self.host._catch_up()
        for widget in (self.progress, self.progress_file, self.cancel_button):
            widget.hide()
        parts = [f"{len(report.imported)} imported"]
        if report.present:
            parts.append(f"{len(report.present)} already in the library")
        if report.failed:
            parts.append(f"{len(report.failed)} failed (see Import problems)")
        self.host.show_message(("Import cancelled: " if report.cancelled else "Import finished: ") + ", ".join(parts),
                               10000)
        self.last_report = report
        if self._queue:
            paths, extract = self._queue.pop(0)
            self.start(paths, extract=extract)

    def cancel(self, wait: bool = False) -> None:
        self._queue.clear()
        if self.worker is None:
            return
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_file.setText("Cancelling…")
        if wait:
            self.worker.wait()
            worker, self.worker = self.worker, None
            worker.deleteLater()
