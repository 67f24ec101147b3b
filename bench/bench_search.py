"""Full-text search over a 1,000-source library: how long a query takes (target: under 50 ms).

Builds the library in a temporary folder from varied synthetic texts and hand-made extractions
(no language model is loaded), then times accent-blind queries as the window and `briefing list
--text` run them. Prints median and worst times; asserts nothing.

    python bench/bench_search.py [--sources 1000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.library import Library, Query  # noqa: E402
from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source, Topic  # noqa: E402

FIRST = ["Radosław", "Anna", "Đinh", "Jonas", "Bui", "Vivian", "Maria", "Lars", "Siti", "Kenji", "Amina", "Pedro",
         "Zoë", "Ólafur", "Łucja", "Nguyễn", "Søren", "José", "Ahmed", "Chen"]
LAST = ["Sikorski", "Berg", "Tiến Dũng", "Støre", "Thanh Son", "Balakrishnan", "Silva", "Løkke", "Rahman", "Sato",
        "Mohamed", "Castillo", "Müller", "Grímsson", "Nowak", "Văn Thành", "Østergaard", "García", "Haddad", "Wei"]
PLACES = ["Tromsø", "Hanoi", "Kraków", "Oslo", "Jakarta", "Nairobi", "Lima", "Rabat", "São Paulo", "Reykjavík"]
COUNTRIES = ["PL", "VN", "NO", "SG", "ID", "KE", "PE", "MA", "BR", "IS", "DK", "JP"]
TOPICS = ["digital economy", "fisheries", "renewable energy", "defence cooperation", "education", "health",
          "maritime security", "trade facilitation", "climate finance", "tourism"]
FILLER = ("The two sides reviewed progress in bilateral relations and agreed to strengthen exchanges at all levels. "
          "Officials discussed regional developments, supply chains and the resumption of direct flights. ")


def build(path: Path, n_sources: int, seed: int = 7) -> Library:
    rng = random.Random(seed)
    lib = Library.open(path, seed=False)
    start = time.perf_counter()
    for n in range(n_sources):
        a, b = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2))
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        value = rng.randint(1, 900)
        sentences = [
            f"Minister {a} met {b} in {place} on {day}.",
            f"They signed a memorandum of understanding on {topic}.",
            f"Trade between the two countries reached {value} million USD last year.",
            FILLER * rng.randint(2, 6),
            f"Source number {n} also mentions {rng.choice(TOPICS)} and {rng.choice(PLACES)}.",
        ]
        text = " ".join(sentences)

        def ev(fragment: str, text: str = text) -> list[Evidence]:
            at = text.index(fragment)
            return [Evidence(at, at + len(fragment), fragment)]

        c1, c2 = rng.sample(COUNTRIES, 2)
        extraction = Extraction(
            countries=[c1, c2],
            people=[Person(a, title="Minister", country=c1, evidence=ev(a)), Person(b, country=c2, evidence=ev(b))],
            events=[Event("meeting", date=day, location=place, participants=[a, b], evidence=ev(sentences[0]))],
            agreements=[Agreement(f"Memorandum on {topic}", kind="mou", status="signed", date=day, parties=[c1, c2],
                                  evidence=ev(sentences[1]))],
            figures=[Figure(value * 1e6, "USD", "trade", evidence=ev(sentences[2]))],
            topics=[Topic(topic, evidence=ev(topic))],
        )
        source = Source(path=f"bench/{n:04}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                        title=f"Talks in {place} ({n})", date=day)
        lib._add_source_in_step(source, extraction, None)
    print(f"built {n_sources} sources, {lib.count()} items in {time.perf_counter() - start:.1f} s "
          f"({path.stat().st_size / 1e6:.1f} MB + WAL)")
    return lib


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        lib = build(Path(folder) / "bench.sqlite3", args.sources)
        queries = {
            "search 'radoslaw'": lambda: lib.search("radoslaw"),
            "search 'tromso dinh'": lambda: lib.search("tromso dinh"),
            "search prefix 'sikor'": lambda: lib.search("sikor"),
            "search 'fisheries'": lambda: lib.search("fisheries"),
            "sources 'supply chains'": lambda: lib.search_sources("supply chains"),
            "query text+kind 'oslo'": lambda: lib.query(Query(kind="event", text="oslo")),
            "query text+rows 'nowak'": lambda: lib.rows(lib.query(Query(text="nowak"))),
            "list all ids + 100 rows": lambda: lib.rows(lib.query()[:100]),
        }
        print(f"{'query':<28} {'hits':>6} {'median ms':>10} {'max ms':>8}")
        for name, fn in queries.items():
            hits = fn()
            times = timed(fn, args.repeat)
            print(f"{name:<28} {len(hits):>6} {statistics.median(times):>10.2f} {max(times):>8.2f}")
        print("language model loaded:", "spacy" in sys.modules)
        lib.close()
        # The whole command, as a user types it: process start, open, query, print.
        import subprocess

        command = [sys.executable, "-m", "briefing", "--library", str(Path(folder) / "bench.sqlite3"),
                   "list", "--text", "radoslaw"]
        root = Path(__file__).resolve().parent.parent
        times = timed(lambda: subprocess.run(command, cwd=root, capture_output=True, check=True), 5)
        print(f"`briefing list --text radoslaw` (whole process): median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
