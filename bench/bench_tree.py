"""How fast the window is on a big library: first paint, filter, rows fetched (offscreen, figures printed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_tree.py [--items 20000] [--fresh]

The library is built once from hand-made extractions (no language model) and kept in
the temp folder, so later runs measure the window only. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COUNTRIES = ["SG", "VN", "FR", "DE", "JP", "IN", "BR", "KE", "AU", "CA", "MX", "ID", "TH", "PH", "MY", "KR"]
SYLLABLES = ["ka", "lo", "mi", "ren", "su", "ta", "vo", "zel", "an", "bri", "cor", "dun", "el", "fa", "gor", "hu",
             "is", "jan", "kel", "lum", "mar", "nor", "os", "pel", "qui", "ros", "sen", "tor", "ul", "vin", "wen", "yar"]
UNITS = ["USD", "EUR", "GBP", "JPY", "SGD", "percent", "count", "tonnes", "km", "MW"]


def word(rnd) -> str:
    """A made-up word: items that share no words are not merged, so the library keeps every item."""
    return "".join(rnd.choice(SYLLABLES) for _ in range(3)).capitalize()


def build(path: Path, items: int, seed: int = 7) -> None:
    from briefing.library import Library
    from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source

    rnd = random.Random(seed)
    per_source = 10
    started = time.perf_counter()
    with Library.open(path, seed=False) as lib:
        for n in range(items // per_source):
            a, b = rnd.sample(COUNTRIES, 2)
            year = 2000 + n % 25
            date = f"{year}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
            text = (f"Readout {n}. On {date} the ministers of {a} and {b} met in the capital and signed "
                    f"a memorandum on {word(rnd)} {word(rnd)}. Trade reached USD {n % 90 + 1} billion.")
            source = Source(path=f"/bench/readout-{n:05d}.txt", text=text,
                            sha256=hashlib.sha256(text.encode()).hexdigest(), title=f"Readout {n}: {a}–{b}",
                            date=date, publisher="MFA")
            ev = Evidence.of(text, 0, 20)
            people = [Person(name=f"{word(rnd)} {word(rnd)}", title="Minister", country=c, evidence=[ev])
                      for c in (a, b, a)]
            events = []
            for k, kind in enumerate(("visit", "meeting", "signing")):
                events.append(Event(type=kind, date=f"{year}-{(n + k) % 12 + 1:02d}-{(n * 3 + k) % 28 + 1:02d}",
                                    location=word(rnd), participants=[people[k].name], actor=a, recipient=b,
                                    summary=f"{word(rnd)} {word(rnd)}", evidence=[ev]))
            agreements = [Agreement(title=f"Memorandum on {word(rnd)} {word(rnd)}", kind="mou",
                                    status=rnd.choice(["signed", "proposed", "agreed"]), date=date, parties=[a, b],
                                    evidence=[ev]) for _k in range(2)]
            figures = [Figure(value=rnd.randint(10, 99) * 10.0 ** rnd.randint(0, 12), unit=rnd.choice(UNITS),
                              what=f"{word(rnd)} {word(rnd)}", evidence=[ev]) for _k in range(2)]
            lib.add_source(source, Extraction(countries=[a, b], people=people, events=events, agreements=agreements,
                                              figures=figures))
            if n % 200 == 199:
                print(f"  {n + 1} sources, {lib.count(None):,} items, {time.perf_counter() - started:.0f} s",
                      flush=True)
        count = lib.count(None)
    print(f"built {count:,} items in {time.perf_counter() - started:.1f} s -> {path}")


def paint_time(app, widget, action) -> float:
    """Seconds from ``action()`` until ``widget`` has painted."""
    from PySide6.QtCore import QEvent, QObject

    painted = []

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    start = time.perf_counter()
    action()
    widget.update()
    deadline = start + 30
    while not painted and time.perf_counter() < deadline:
        app.processEvents()
    widget.removeEventFilter(watch)
    return (painted[0] if painted else time.perf_counter()) - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--fresh", action="store_true", help="rebuild the library")
    args = parser.parse_args()

    home = Path(tempfile.gettempdir()) / "briefing-bench"
    home.mkdir(exist_ok=True)
    os.environ.setdefault("BRIEFING_HOME", str(home / "home"))
    path = home / f"tree-{args.items}.sqlite3"
    if args.fresh and path.exists():
        path.unlink()
    if not path.exists():
        build(path, args.items)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("BriefingBuilderBench")
    QCoreApplication.setApplicationName("BriefingBuilderBench")
    app = QApplication.instance() or QApplication([])

    from briefing.library import Library
    from briefing.settings import Settings
    from ui.main_window import MainWindow

    lib = Library.open(path, seed=False)
    total = lib.count(None)
    holder = {}

    def open_and_show():
        window = MainWindow(lib, Settings(own_country="SG"))
        window.resize(1400, 860)
        window.show()
        holder["window"] = window

    # first paint of the whole window, library open to tree painted

    started = time.perf_counter()
    open_and_show()
    window = holder["window"]
    viewport = window.tree.viewport()
    first_paint = time.perf_counter() - started + paint_time(app, viewport, lambda: None)
    fetched = window.model.rows_fetched
    print(f"library: {total:,} items")
    print(f"first paint: {first_paint * 1000:.0f} ms   rows fetched after first paint: {fetched}")

    def filter_to(text=None, **kw):
        def run():
            bar = window.filter_bar
            if text is not None:
                bar.text.setText(text)
            for name, value in kw.items():
                combo = getattr(bar, name)
                combo.setCurrentIndex(combo.findData(value))
            bar.flush()
        return run

    started = time.perf_counter()
    window.filter_bar.country.before_popup()  # what opening the country list does
    print(f"country list filled on first opening: {(time.perf_counter() - started) * 1000:.0f} ms")
    results = []
    for label, action in [
        ("text 'memorandum 12'", filter_to("memorandum 12")),
        ("text 'minister'", filter_to("minister")),
        ("clear", window.filter_bar.clear),
        ("kind = agreement", filter_to(kind="agreement")),
        ("country = VN", filter_to(country="VN")),
        ("clear", window.filter_bar.clear),
    ]:
        seconds = paint_time(app, viewport, action)
        results.append(seconds)
        print(f"filter {label:<22} {seconds * 1000:6.0f} ms   {window.model.total:,} items shown")
    print(f"filter worst: {max(results) * 1000:.0f} ms")

    for grouping in ("source", "country", "date", "kind"):
        seconds = paint_time(app, viewport, lambda g=grouping: window.set_grouping(g))
        print(f"regroup by {grouping:<8} {seconds * 1000:6.0f} ms")

    # scroll through the first big group: rows come by the page
    before = window.model.rows_fetched
    seconds = paint_time(app, viewport, lambda: window.tree.verticalScrollBar().setValue(
        window.tree.verticalScrollBar().maximum()))
    print(f"scroll to end: {seconds * 1000:.0f} ms, {window.model.rows_fetched - before} more rows fetched")
    print(f"rows fetched in all: {window.model.rows_fetched:,} of {total:,}")
    window.close()


if __name__ == "__main__":
    main()
