"""Does the window stay responsive while it imports? The longest event-loop stall during 100 sources.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_import_ui.py [--sources 100]

A QTimer ticks every 10 ms in the GUI thread and records the gaps between ticks
while the real window imports 100 text sources through its real worker
(loading, extraction and writes in the import process). Prints the
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TICK_MS = 10


def make_sources(folder: Path, n: int) -> list[Path]:
    """n distinct text sources made from the sample and dev texts (a different closing line each)."""
    texts = []
    for candidate in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT.parent / "shared" / "eval" / "dev" /
                                                                       "sources").glob("*.txt")):
        texts.append(candidate.read_bytes())
    if not texts:
        texts = [b"Foreign Minister Anna Lindqvist of Sweden met Viet Nam's Bui Thanh Son in Hanoi on 12 March 2024. "
                 b"They signed a memorandum of understanding on green energy cooperation."]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"source-{i:03d}.txt"
        path.write_bytes(texts[i % len(texts)] + f"\n\n(Reference {i:03d}.)\n".encode())
        out.append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=100)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="briefing-import-bench-"))
    os.environ["BRIEFING_HOME"] = str(work / "home")
    folder = work / "sources"
    make_sources(folder, args.sources)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("BriefingBuilderBench")
    QCoreApplication.setApplicationName("BriefingBuilderBench")
    app = QApplication.instance() or QApplication([])

    from briefing.library import Library, Query
    from briefing.settings import Settings
    from ui.main_window import MainWindow

    lib = Library.open(work / "library.sqlite3", seed=False)
    window = MainWindow(lib, Settings(own_country="GB"))
    window.resize(1400, 860)
    window.show()
    app.processEvents()

    extract = None  # the real extraction (spaCy), in the import process

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    long_gaps: list[tuple[float, float]] = []  # (seconds since start, gap ms)

    def tick():
        now = clock.nsecsElapsed()
        gap = (now - last[0]) / 1e6
        gaps.append(gap)
        if gap > 50:
            long_gaps.append((time.perf_counter() - started, gap))
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()

    catch_up: list[float] = []
    original = window._catch_up

    def timed_catch_up():
        t0 = time.perf_counter()
        original()
        catch_up.append((time.perf_counter() - t0) * 1000)

    window._catch_up = timed_catch_up
    window._refresh_timer.timeout.disconnect()
    window._refresh_timer.timeout.connect(timed_catch_up)
    done = {}
    started = time.perf_counter()
    first_item = {}
    started = time.perf_counter()
    worker = window.import_paths([folder], extract=extract)
    worker.done.connect(lambda report: done.setdefault("report", report))
    worker.sourceDone.connect(lambda _sid: first_item.setdefault("t", time.perf_counter() - started))
    while "report" not in done:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    for _ in range(20):  # let the window catch up with the last source
        app.processEvents()
    timer.stop()

    report = done["report"]
    stall = max(gaps) - TICK_MS if gaps else 0.0
    print(f"imported {len(report.imported)} of {args.sources} sources in {elapsed:.1f} s "
          f"(import process); "
          f"first source in the tree after {first_item.get('t', float('nan')):.1f} s; "
          f"{lib.count(Query()):,} items; {len(report.failed)} failed")
    print(f"event loop: {len(gaps)} ticks of {TICK_MS} ms, longest gap {max(gaps):.0f} ms "
          f"(stall {stall:.0f} ms), median {statistics.median(gaps):.1f} ms, "
          f"gaps > 50 ms: {sum(g > 50 for g in gaps)}, > 100 ms: {sum(g > 100 for g in gaps)}")
    reasons = sorted({f.reason for f in report.failed})
    if reasons:
        print("failures:", "; ".join(reasons)[:500])
    slow = sorted(catch_up, reverse=True)[:5]
    print(f"window catch-ups: {len(catch_up)}, slowest {', '.join(f'{t:.0f}' for t in slow)} ms")
    print("gaps over 50 ms at (s since start, ms):", ", ".join(f"{t:.1f}:{g:.0f}" for t, g in long_gaps))
    print(f"tree shows {window.model.total:,} items (library: {lib.count(Query()):,})")
    window.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
