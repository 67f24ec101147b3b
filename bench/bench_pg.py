"""The team library (PostgreSQL) beside the officer's own (SQLite): import throughput, first paint, filter.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pg.py [--sources 200] [--rounds 3]
        [--items 20000] [--dsn postgresql://postgres@127.0.0.1:PORT/postgres] [--skip-import] [--skip-tree]
        [--end-to-end [--jobs N]]

Without --dsn a throw-away server is started as the tests start theirs (scripts/pg-test-server.sh) and
removed at the end; --dsn names a superuser's server instead (the benchmark makes and drops databases and
roles on it). On PostgreSQL everything runs as an officer cleared to SECRET, through row-level security,
as a desk would.

(a) Import: N varied sources built from the sample and dev texts (as bench_extract.py builds them),
    extracted once by the model and kept in the temp folder, so the model's time is not in the figures:
    the same files go through the importer (loading, duplicate check, the store's write path) into a new
    SQLite library and a new team library, alternating, ``--rounds`` times. Reports each backend's best and
    spread, and PostgreSQL's rate as a share of SQLite's (the target is 0.9 or more), then counts the
    round trips to the server of one import (client waits in libpq's protocol trace: each time the client,
    having sent, turns to read the server's answer).
(c) End to end (``--end-to-end``): the same files imported as an officer imports them, ``briefing --library ...
    import`` with the real model and the command's default workers (``--jobs`` to choose), into a new SQLite
    library and a new team library, alternating: the rate an officer sees, and PostgreSQL's share of SQLite's.
(b) Tree: a 20,000-item library on each backend (bench_tree.py's hand-made extractions, built once: the
    SQLite file in the temp folder, the team library in a database kept on a --dsn server), then the
    window's tree model on it, offscreen: first paint (store opened to the tree's viewport painted) and
    filters, best and spread over ``--rounds``.

Measures and reports; asserts nothing. Timings on a shared 2-core machine are noisy: read the spread.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOME = Path(tempfile.gettempdir()) / "briefing-bench"
OFFICER = "bench_officer"


# --- the server -------------------------------------------------------------------------------------


@contextlib.contextmanager
def server(dsn: str | None) -> Iterator[str]:
    """A superuser's DSN: the one given, or a throw-away server started as tests/pg/conftest.py does."""
    if dsn:
        yield dsn
        return
    data = Path(tempfile.mkdtemp(prefix="bb-pg-bench-"))
    script = REPO / "scripts" / "pg-test-server.sh"
    done = subprocess.run(["bash", str(script), "start", str(data)], capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        subprocess.run(["bash", str(script), "stop", str(data)], capture_output=True, timeout=120)
        raise SystemExit(f"no PostgreSQL server: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
    try:
        yield done.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(script), "stop", str(data)], capture_output=True, timeout=120)


def _on_database(dsn: str, database: str, user: str | None = None) -> str:
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(dsn)
    login = user or str(params.get("user") or "postgres")
    return f"postgresql://{login}@{params.get('host') or '127.0.0.1'}:{params.get('port') or 5432}/{database}"


def team_library(admin_dsn: str, database: str, *, fresh: bool = True) -> str:
    """A team library in ``database`` (made anew when ``fresh``); the DSN of an officer cleared to SECRET."""
    import psycopg

    from briefing import team

    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if exists and fresh:
            conn.execute(f"DROP DATABASE {database} WITH (FORCE)")
        if not exists or fresh:
            conn.execute(f"CREATE DATABASE {database}")
    admin = _on_database(admin_dsn, database)
    if not team.init(admin):
        team.upgrade_schema(admin)  # a library kept from an earlier run: brought up to this program's schema
    team.add_user(admin, OFFICER, "SECRET")
    return _on_database(admin_dsn, database, OFFICER)


def drop_database(admin_dsn: str, database: str) -> None:
    import psycopg

    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


# --- round trips --------------------------------------------------------------------------------------


@contextlib.contextmanager
def traced(conn: Any) -> Iterator[Callable[[], dict[str, int]]]:
    """libpq's protocol trace of ``conn`` while the block runs; the callable counts it afterwards:
    round trips (a run of messages sent followed by the server's answer) and statements sent."""
    fd, name = tempfile.mkstemp(prefix="bb-pg-trace-")
    import psycopg

    conn.pgconn.trace(fd)
    conn.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS | psycopg.pq.Trace.REGRESS_MODE)
    counts: dict[str, int] = {}
    try:
        yield lambda: counts
    finally:
        conn.pgconn.untrace()
        os.close(fd)
        counts.update(count_trace(Path(name)))
        os.unlink(name)


def count_trace(path: Path) -> dict[str, int]:
    trips = statements = 0
    last = ""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            direction, _, rest = line.partition("\t")
            message = rest.split("\t", 2)[1] if rest.count("\t") >= 1 else ""
            if direction == "B" and last == "F":
                trips += 1
            if direction == "F" and message.startswith(("Query", "Bind")):  # one a statement run
                statements += 1
            if direction in ("F", "B"):
                last = direction
    return {"round_trips": trips, "statements": statements}


# --- (a) import -------------------------------------------------------------------------------------------


def prepared_sources(n: int) -> tuple[Path, dict[str, dict[str, Any]]]:
    """N source files (bench_extract's variants of the sample and dev texts) and, by sha256, each one's
    extraction as plain data: extracted by the model once, then read from the temp folder."""
    from bench_extract import build_sources

    from briefing.loaders import load

    folder = HOME / f"pg-sources-{n}"
    cache = HOME / f"pg-extractions-{n}.json"
    if not folder.is_dir() or len(list(folder.iterdir())) != n:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        build_sources(folder, n)
    extractions: dict[str, dict[str, Any]] = json.loads(cache.read_text()) if cache.exists() else {}
    sources = [load(path) for path in sorted(folder.iterdir())]
    missing = [s for s in sources if s.sha256 not in extractions]
    if missing:
        from briefing.extract.runner import run_data

        started = time.perf_counter()
        print(f"extracting {len(missing)} sources once (kept in {cache}) ...", flush=True)
        for source, data in zip(missing, run_data(missing), strict=True):
            extractions[source.sha256] = data
        cache.write_text(json.dumps(extractions))
        print(f"  extracted in {time.perf_counter() - started:.0f} s", flush=True)
    return folder, extractions


def cached_extractor(extractions: dict[str, dict[str, Any]]) -> Callable[[list[Any]], Iterator[Any]]:
    from briefing.extract.assemble import extraction_from_data

    def extract(sources: list[Any]) -> Iterator[Any]:
        return iter([extraction_from_data(extractions[s.sha256]) for s in sources])

    return extract


def backend_cpu(store: Any) -> float | None:
    """CPU seconds the server process of the store's connection has used (a local server only)."""
    conn = getattr(store, "_conn", None)
    if not hasattr(conn, "pgconn"):
        return None  # not a PostgreSQL connection
    try:
        fields = Path(f"/proc/{conn.info.backend_pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def import_into(store: Any, folder: Path, extractions: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Import every file of ``folder`` with its extraction given: wall seconds, this process's CPU seconds,
    the server process's (PostgreSQL on this machine), sources imported."""
    extract = cached_extractor(extractions)
    server_before = backend_cpu(store)
    cpu, started = time.process_time(), time.perf_counter()
    imported = sum(r.status == "imported" for r in store.import_iter([folder], extract=extract))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    server_after = backend_cpu(store)
    server = server_after - server_before if server_before is not None and server_after is not None else 0.0
    return {"wall": wall, "client": cpu, "server": server, "imported": imported}


def bench_import(admin_dsn: str, n: int, rounds: int) -> dict[str, Any]:
    from briefing.library import Library
    from briefing.library.pg import PgStore

    folder, extractions = prepared_sources(n)
    items = sum(len(x.get(k, [])) for x in extractions.values() for k in
                ("people", "events", "agreements", "figures", "topics"))
    print(f"\n(a) import of {n} sources ({items:,} extracted items), pre-extracted; {rounds} rounds")
    times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    cpu: dict[str, list[float]] = {"sqlite": [], "postgresql": []}  # client + server CPU seconds
    database = "bb_bench_import"
    for rnd in range(1, rounds + 1):
        with tempfile.TemporaryDirectory(prefix="bb-bench-lib-") as tmp:
            with Library.open(Path(tmp) / "library.sqlite3", seed=False) as lib:
                run = import_into(lib, folder, extractions)
            times["sqlite"].append(run["wall"])
            cpu["sqlite"].append(run["client"])
            print(f"  round {rnd} SQLite:     {run['wall']:6.2f} s  {run['imported'] / run['wall']:6.1f} sources/s  "
                  f"(CPU {run['client']:.2f} s)", flush=True)
        officer = team_library(admin_dsn, database)
        with PgStore.open(officer, listen=False) as store:
            run = import_into(store, folder, extractions)
        times["postgresql"].append(run["wall"])
        cpu["postgresql"].append(run["client"] + run["server"])
        print(f"  round {rnd} PostgreSQL: {run['wall']:6.2f} s  {run['imported'] / run['wall']:6.1f} sources/s  "
              f"(CPU {run['client']:.2f} s here, {run['server']:.2f} s in the server)", flush=True)
    officer = team_library(admin_dsn, database)
    with PgStore.open(officer, listen=False) as store, traced(store._conn) as counts:
        import_into(store, folder, extractions)
    trips = counts()
    drop_database(admin_dsn, database)
    best = {backend: min(t) for backend, t in times.items()}
    ratio = best["sqlite"] / best["postgresql"]
    print(f"  best SQLite {n / best['sqlite']:.1f} sources/s, PostgreSQL {n / best['postgresql']:.1f} sources/s: "
          f"PostgreSQL at {ratio:.2f} of SQLite's rate (target >= 0.9); rounds' ratios "
          f"{', '.join(f'{s / p:.2f}' for s, p in zip(times['sqlite'], times['postgresql'], strict=True))}")
    print(f"  CPU time (less sensitive to the machine's load): SQLite {min(cpu['sqlite']):.2f} s, PostgreSQL "
          f"{min(cpu['postgresql']):.2f} s client and server together: {min(cpu['sqlite']) / min(cpu['postgresql']):.2f}")
    print(f"  round trips of one import: {trips['round_trips']:,} ({trips['round_trips'] / n:.1f} a source), "
          f"statements sent: {trips['statements']:,} ({trips['statements'] / n:.1f} a source)")
    return {"times": times, "cpu": cpu, "ratio": ratio, **trips}


# --- (c) end to end: the import an officer runs ---------------------------------------------------------------


def server_cpu(admin_dsn: str) -> float | None:
    """CPU seconds the whole local server has used: its processes now, and those it has reaped (the import's
    backend ends with it); None for a server not on this machine (or not readable)."""
    import psycopg

    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        row = conn.execute("SELECT pg_backend_pid(), current_setting('data_directory')").fetchone()
    assert row is not None
    try:
        postmaster = int(Path(row[1], "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid, parent = int(stat.parent.name), int(fields[1])
            if pid == postmaster:
                total += sum(int(f) for f in fields[11:15]) / tick  # its own and its reaped children's
            elif parent == postmaster and pid != row[0]:
                total += (int(fields[11]) + int(fields[12])) / tick
        return total
    except (OSError, ValueError, IndexError):
        return None


def run_import(library: str, folder: Path, jobs: int | None) -> dict[str, float]:
    """``briefing --library LIBRARY import -q FOLDER`` as an officer runs it (the model extracting, default
    workers unless ``jobs``): wall seconds and the CPU seconds of the command and its worker processes."""
    command = [sys.executable, "-m", "briefing", "--library", library, "import", "-q", str(folder)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode != 0:
        raise SystemExit(f"briefing import failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return {"wall": wall, "cpu": (after.children_user - before.children_user) + (after.children_system - before.children_system)}


def bench_end_to_end(admin_dsn: str, n: int, rounds: int, jobs: int | None) -> dict[str, list[dict[str, float]]]:
    """The same N source files imported with the real model into a new SQLite library and a new team library,
    alternating, ``rounds`` times: the rate an officer sees, the model's time included."""
    folder, _ = prepared_sources(n)  # the files only: here the model extracts them again, as in use
    print(f"\n(c) end to end: `briefing --library ... import` of {n} sources, the model extracting "
          f"({'default workers' if jobs is None else f'--jobs {jobs}'}); {rounds} rounds")
    runs: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgresql": []}
    database = "bb_bench_e2e"
    for rnd in range(1, rounds + 1):
        with tempfile.TemporaryDirectory(prefix="bb-bench-e2e-") as tmp:
            run = run_import(str(Path(tmp) / "library.sqlite3"), folder, jobs)
        runs["sqlite"].append(run)
        print(f"  round {rnd} SQLite:     {run['wall']:6.2f} s  {n / run['wall']:5.1f} sources/s  "
              f"(CPU {run['cpu']:.1f} s, workers included)", flush=True)
        officer = team_library(admin_dsn, database)
        server_before = server_cpu(admin_dsn)
        run = run_import(officer, folder, jobs)
        server_after = server_cpu(admin_dsn)
        run["server"] = server_after - server_before if server_before is not None and server_after is not None else 0.0
        runs["postgresql"].append(run)
        print(f"  round {rnd} PostgreSQL: {run['wall']:6.2f} s  {n / run['wall']:5.1f} sources/s  "
              f"(CPU {run['cpu']:.1f} s, workers included, {run['server']:.1f} s in the server)", flush=True)
    drop_database(admin_dsn, database)
    best = {backend: min(r["wall"] for r in rs) for backend, rs in runs.items()}
    ratios = [s["wall"] / p["wall"] for s, p in zip(runs["sqlite"], runs["postgresql"], strict=True)]
    print(f"  best SQLite {n / best['sqlite']:.1f} sources/s, PostgreSQL {n / best['postgresql']:.1f} sources/s: "
          f"PostgreSQL at {best['sqlite'] / best['postgresql']:.2f} of SQLite's rate end to end; rounds' ratios "
          f"{', '.join(f'{r:.2f}' for r in ratios)}")
    return runs


# --- (b) the tree -----------------------------------------------------------------------------------------


def tree_sources(items: int, seed: int = 7) -> Iterator[tuple[Any, Any]]:
    """bench_tree.py's library, source by source: ten hand-made items each, made-up words so nothing merges."""
    import random

    from bench_tree import COUNTRIES, UNITS, word

    from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source

    rnd = random.Random(seed)
    for n in range(items // 10):
        a, b = rnd.sample(COUNTRIES, 2)
        year = 2000 + n % 25
        date = f"{year}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        text = (f"Readout {n}. On {date} the ministers of {a} and {b} met in the capital and signed "
                f"a memorandum on {word(rnd)} {word(rnd)}. Trade reached USD {n % 90 + 1} billion.")
        source = Source(path=f"/bench/readout-{n:05d}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                        title=f"Readout {n}: {a}–{b}", date=date, publisher="MFA")
        ev = Evidence.of(text, 0, 20)
        people = [Person(name=f"{word(rnd)} {word(rnd)}", title="Minister", country=c, evidence=[ev]) for c in (a, b, a)]
        events = [Event(type=kind, date=f"{year}-{(n + k) % 12 + 1:02d}-{(n * 3 + k) % 28 + 1:02d}", location=word(rnd),
                        participants=[people[k].name], actor=a, recipient=b, summary=f"{word(rnd)} {word(rnd)}",
                        evidence=[ev]) for k, kind in enumerate(("visit", "meeting", "signing"))]
        agreements = [Agreement(title=f"Memorandum on {word(rnd)} {word(rnd)}", kind="mou",
                                status=rnd.choice(["signed", "proposed", "agreed"]), date=date, parties=[a, b],
                                evidence=[ev]) for _k in range(2)]
        figures = [Figure(value=rnd.randint(10, 99) * 10.0 ** rnd.randint(0, 12), unit=rnd.choice(UNITS),
                          what=f"{word(rnd)} {word(rnd)}", evidence=[ev]) for _k in range(2)]
        yield source, Extraction(countries=[a, b], people=people, events=events, agreements=agreements, figures=figures)


def fill(store: Any, items: int, label: str) -> None:
    started = time.perf_counter()
    for n, (source, extraction) in enumerate(tree_sources(items)):
        store.add_source(source, extraction)
        if n % 500 == 499:
            print(f"  {label}: {n + 1} sources, {time.perf_counter() - started:.0f} s", flush=True)
    print(f"  {label}: built {store.count(None):,} items in {time.perf_counter() - started:.0f} s", flush=True)


def tree_libraries(admin_dsn: str, items: int) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """Openers of the two libraries of ``items`` items, built the first time (kept for later runs)."""
    from briefing.library import Library
    from briefing.library.pg import PgStore

    path = HOME / f"pg-twin-tree-{items}.sqlite3"
    if not path.exists():
        with Library.open(path, seed=False) as lib:
            fill(lib, items, "SQLite")
    database = f"bb_bench_tree_{items}"
    officer = team_library(admin_dsn, database, fresh=False)
    with PgStore.open(officer, listen=False) as store:
        if store.count(None) != items:
            store.close()
            officer = team_library(admin_dsn, database)
            with PgStore.open(officer, listen=False) as fresh:
                fill(fresh, items, "PostgreSQL")
    return (lambda: Library.open(path, seed=False)), (lambda: PgStore.open(officer))


class TreePane:
    """The window's tree as the window wires it (ui/main_window.py): the lazy model, its view and the filter
    bar. The window itself does not open a team library yet, so both backends are measured on this part."""

    def __init__(self, store: Any) -> None:
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        from briefing.library import Query
        from ui.filter_bar import FilterBar
        from ui.library_tree import LibraryTree
        from ui.tree_model import LibraryTreeModel

        self.store = store
        self.widget = QWidget()
        self.model = LibraryTreeModel(store, self.widget, own_country="SG")
        self.tree = LibraryTree()
        self.tree.setModel(self.model)
        self.filter_bar = FilterBar()
        self.filter_bar.countries_provider = lambda: [k for k, _l, _n in store.groups("country", Query()) if k]
        self.filter_bar.queryChanged.connect(self.on_query)
        self.model.countChanged.connect(self.update_count)
        layout = QVBoxLayout(self.widget)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree)
        self.expand_default()
        self.update_count()

    def on_query(self, query: Any) -> None:
        self.model.set_query(query)
        self.expand_default()

    def expand_default(self) -> None:
        if self.model.rowCount() <= 6:
            for row in range(self.model.rowCount()):
                self.tree.expand(self.model.index(row, 0))

    def update_count(self, *_args: Any) -> None:
        from briefing.library import Query

        total = self.store.count(Query()) if self.filter_bar.is_active() else self.model.total
        self.filter_bar.set_count(self.model.total, total)


def bench_window(open_store: Callable[[], Any]) -> dict[str, float]:
    """bench_tree.py's measures on one library: first paint (opening the store to the tree painted) and the
    filters, in seconds."""
    from bench_tree import paint_time
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    store = open_store()
    pane = TreePane(store)
    pane.widget.resize(1400, 860)
    pane.widget.show()
    viewport = pane.tree.viewport()
    figures = {"first paint": time.perf_counter() - started + paint_time(app, viewport, lambda: None)}
    rows = pane.model.rows_fetched
    pane.filter_bar.country.before_popup()  # what opening the country list does

    def filter_to(text: str | None = None, **combos: str) -> Callable[[], None]:
        def run() -> None:
            bar = pane.filter_bar
            if text is not None:
                bar.text.setText(text)
            for name, value in combos.items():
                combo = getattr(bar, name)
                combo.setCurrentIndex(combo.findData(value))
            bar.flush()
        return run

    for label, action in [("text 'memorandum 12'", filter_to("memorandum 12")), ("text 'minister'", filter_to("minister")),
                          ("clear", pane.filter_bar.clear), ("kind = agreement", filter_to(kind="agreement")),
                          ("country = VN", filter_to(country="VN")), ("clear", pane.filter_bar.clear)]:
        figures[f"filter {label}"] = paint_time(app, viewport, action)
    figures["filter worst"] = max(v for k, v in figures.items() if k.startswith("filter "))
    figures["rows fetched"] = rows
    pane.widget.close()
    pane.model.close()
    store.close()
    return figures


def bench_tree(admin_dsn: str, items: int, rounds: int) -> dict[str, dict[str, list[float]]]:
    from PySide6.QtCore import QCoreApplication

    print(f"\n(b) the window's tree on a {items:,}-item library (offscreen); {rounds} rounds")
    QCoreApplication.setOrganizationName("BriefingBuilderBench")
    QCoreApplication.setApplicationName("BriefingBuilderBench")
    openers = dict(zip(("SQLite", "PostgreSQL"), tree_libraries(admin_dsn, items), strict=True))
    runs: dict[str, dict[str, list[float]]] = {name: {} for name in openers}
    bench_window(openers["SQLite"])  # once unmeasured: Qt's first window loads fonts and styles
    for _round in range(rounds):
        for name, opener in openers.items():
            for label, seconds in bench_window(opener).items():  # each round opens the store anew
                runs[name].setdefault(label, []).append(seconds)
    for label in runs["SQLite"]:
        if label == "rows fetched":
            print(f"  rows fetched for the first paint: SQLite {runs['SQLite'][label][0]:.0f}, "
                  f"PostgreSQL {runs['PostgreSQL'][label][0]:.0f}")
        else:
            print(f"  {label:<27} SQLite {spread(runs['SQLite'][label]):<34} PostgreSQL {spread(runs['PostgreSQL'][label])}")
    return runs


def spread(values: Sequence[float], unit: float = 1000.0) -> str:
    """best (median, worst) in ms."""
    return f"{min(values) * unit:.0f} ms (median {statistics.median(values) * unit:.0f}, worst {max(values) * unit:.0f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200, help="sources to import (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="times each measurement runs (default 3)")
    parser.add_argument("--items", type=int, default=20_000, help="items in the tree's library (default 20,000)")
    parser.add_argument("--dsn", help="a superuser's DSN of a running server (else one is started)")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-tree", action="store_true")
    parser.add_argument("--end-to-end", action="store_true",
                        help="also (c): `briefing import` of the same files with the real model into each backend")
    parser.add_argument("--jobs", type=int, help="worker processes for (c) (default: the command's own default)")
    args = parser.parse_args(argv)
    HOME.mkdir(exist_ok=True)
    os.environ.setdefault("BRIEFING_HOME", str(HOME / "home"))
    with server(args.dsn) as admin_dsn:
        if not args.skip_import:
            bench_import(admin_dsn, args.sources, args.rounds)
        if not args.skip_tree:
            bench_tree(admin_dsn, args.items, args.rounds)
        if args.end_to_end:
            bench_end_to_end(admin_dsn, args.sources, args.rounds, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
