"""Import through the real worker: files in, failures listed, items appearing as sources land, cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QUrl

from briefing.library import Query
from briefing.model import Extraction
from tests.ui.conftest import SAMPLE, hand_made_source

ARTICLE = (
    "Singapore and Vietnam sign agreement on digital economy\n\n"
    "HANOI, 14 June 2023 - Singapore's Minister for Foreign Affairs Vivian Balakrishnan met Vietnamese "
    "Foreign Minister Bui Thanh Son in Hanoi on Wednesday. The two ministers signed a memorandum of "
    "understanding on digital economy cooperation. Bilateral trade reached USD 8.3 billion in 2022.\n"
)


def write_sources(folder, n: int, text: str = SAMPLE):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"readout-{i:03d}.txt"
        path.write_text(f"{text}\n\nReadout number {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


class HandExtract:
    """A stand-in for spaCy in the import process (picklable): what the extraction would find in SAMPLE."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def __call__(self, sources):
        for n, source in enumerate(sources):
            time.sleep(self.delay)
            if "Anna Lindqvist" not in source.text:  # not one of ours: nothing found
                yield Extraction()
                continue
            yield hand_made_source(int(source.sha256[:6], 16) + n, text=source.text)[1]


def hand_extract(delay: float = 0.0) -> HandExtract:
    return HandExtract(delay)


def test_import_through_worker_processes_lists_the_bad_files(make_library, open_window, qtbot, tmp_path):
    lib = make_library(1)
    before = {r.id: r for r in lib.sources()}
    items_before = lib.count(Query())
    window = open_window(lib)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "sg-vn.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really word")
    chosen = [folder / "sg-vn.txt", folder / "empty.txt", folder / "minutes.doc"]

    progress = []
    worker = window.import_paths(chosen)
    assert worker is not None
    worker.progress.connect(lambda done, total, path: progress.append((done, total, path)))
    with qtbot.waitSignal(worker.done, timeout=240_000) as blocker:
        pass
    report = blocker.args[0]
    assert not report.cancelled
    assert report.imported == [str(folder / "sg-vn.txt")]
    failed = {f.path: f.reason for f in report.failed}
    assert set(failed) == {str(folder / "empty.txt"), str(folder / "minutes.doc")}
    assert "empty" in failed[str(folder / "empty.txt")]
    assert ".docx" in failed[str(folder / "minutes.doc")]  # the reason says what to do

    # the failures panel names each file and its reason
    listed = dict(window.failures.failures())
    assert listed == failed
    assert window.failures_dock.isVisible()
    assert progress[-1][:2] == (3, 3)
    # what was there is untouched; the new source is in, the tree caught up
    assert {r.id: r for r in lib.sources() if r.id in before} == before
    assert len(lib.sources()) == len(before) + 1
    assert lib.count(Query()) >= items_before
    assert window.model.total == lib.count(Query())
    assert window.actions["undo"].text().replace("&", "") == "Undo Import 1 source"
    assert not window.progress.isVisible()


def test_items_appear_as_each_source_finishes(make_library, open_window, qtbot, tmp_path):
    lib = make_library(0)
    window = open_window(lib)
    paths = write_sources(tmp_path / "in", 4)
    seen_totals = []
    worker = window.import_paths([tmp_path / "in"], extract=hand_extract(delay=0.25))
    worker.sourceDone.connect(lambda _sid: seen_totals.append(window.model.total))
    # the tree grows while the import is still running
    qtbot.waitUntil(lambda: window.model.total > 0, timeout=30_000)
    assert window.worker is not None and window.progress.isVisible()
    with qtbot.waitSignal(worker.done, timeout=30_000) as blocker:
        pass
    assert len(blocker.args[0].imported) == len(paths)
    assert window.model.total == lib.count(Query()) > 0
    assert "Events" in window.model.index(0, 0).data()


def test_cancel_stops_cleanly_between_sources(make_library, open_window, qtbot, tmp_path):
    lib = make_library(0)
    window = open_window(lib)
    write_sources(tmp_path / "in", 12)
    worker = window.import_paths([tmp_path / "in"], extract=hand_extract(delay=0.15))
    with qtbot.waitSignal(worker.sourceDone, timeout=30_000):
        pass
    window.cancel_button.click()
    with qtbot.waitSignal(worker.done, timeout=30_000) as blocker:
        pass
    report = blocker.args[0]
    assert report.cancelled
    assert 1 <= len(report.imported) < 12
    # only whole sources: every source that is in has its items
    assert len(lib.sources()) == len(report.imported)
    assert all(s.item_count > 0 for s in lib.sources())
    assert window.worker is None
    assert "cancelled" in window.statusBar().currentMessage()


def test_dropping_files_on_the_window_imports_them(make_library, open_window, qtbot, tmp_path):
    lib = make_library(0)
    window = open_window(lib)
    paths = write_sources(tmp_path / "dropped", 2)

    class Drop:
        def __init__(self):
            self.data = QMimeData()
            self.data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
            self.accepted = False

        def mimeData(self):
            return self.data

        def acceptProposedAction(self):
            self.accepted = True

        def ignore(self):
            pass

    enter = Drop()
    window.dragEnterEvent(enter)
    assert enter.accepted
    import ui.workers

    ui.workers.ImportWorker.default_extract = hand_extract()
    try:
        drop = Drop()
        window.dropEvent(drop)
        worker = window.worker
        assert worker is not None
        with qtbot.waitSignal(worker.done, timeout=30_000) as blocker:
            pass
    finally:
        ui.workers.ImportWorker.default_extract = None
    assert len(blocker.args[0].imported) == 2


def test_a_second_import_waits_for_the_first(make_library, open_window, qtbot, tmp_path):
    lib = make_library(0)
    window = open_window(lib)
    write_sources(tmp_path / "a", 2)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "other.txt").write_text(SAMPLE.replace("Sweden", "Norway") + "\nOther.\n", encoding="utf-8")
    first = window.import_paths([tmp_path / "a"], extract=hand_extract(delay=0.1))
    assert window.import_paths([tmp_path / "b"], extract=hand_extract()) is None  # queued
    with qtbot.waitSignal(first.done, timeout=30_000):
        pass
    second = window.worker
    assert second is not None and second is not first
    with qtbot.waitSignal(second.done, timeout=30_000) as blocker:
        pass
    assert blocker.args[0].imported == [str(tmp_path / "b" / "other.txt")]
    assert len(lib.sources()) == 3


def test_first_run_opens_the_sample_library(qtbot, monkeypatch, isolated_home):
    import ui.workers
    from briefing.paths import default_library_path
    from briefing.settings import Settings
    from ui.app import open_window

    monkeypatch.setattr(ui.workers.ImportWorker, "default_extract", hand_extract())
    settings = Settings(own_country="GB")
    window = open_window(settings)
    qtbot.addWidget(window)
    assert window.library.path == default_library_path()
    worker = window.worker
    assert worker is not None  # the sample sources are being imported off the GUI thread
    with qtbot.waitSignal(worker.done, timeout=30_000) as blocker:
        pass
    assert len(blocker.args[0].imported) >= 1
    assert len(window.library.sources()) == len(blocker.args[0].imported)
    assert Settings.load().last_library == str(default_library_path())
    window.close()
