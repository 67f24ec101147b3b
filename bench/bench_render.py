"""Times rendering a 500-line brief to .docx (target: under 1 s). Prints seconds; asserts nothing.

    .venv/bin/python bench/bench_render.py
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.brief.context import build_context  # noqa: E402
from briefing.brief.docx import render_docx  # noqa: E402
from briefing.library import Library, Query  # noqa: E402
from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source, Topic  # noqa: E402

LINES = 500
SECTORS = ("agriculture", "energy", "digital economy", "health", "education", "defence", "fisheries", "tourism",
           "transport", "finance", "water", "space", "culture", "customs", "labour")
PLACES = ("Hanoi", "Singapore", "Da Nang", "Jakarta", "Manila", "Bangkok", "Kuala Lumpur", "Tokyo", "Seoul", "Delhi",
          "Canberra", "Wellington", "Dhaka", "Colombo", "Yangon", "Vientiane", "Phnom Penh", "Dili", "Taipei", "Beijing")


def make_library(folder: Path) -> tuple[Library, int]:
    os.environ.setdefault("BRIEFING_HOME", str(folder / "home"))
    lib = Library.open(folder / "bench.sqlite3", seed=False)
    for s in range(len(PLACES)):  # twenty sources of fifty items each (the library merges some)
        text = f"Source {s}. " + " ".join(f"Sentence {i} about relations between the two countries." for i in range(60))
        ev = [Evidence.of(text, 0, 9)]
        people = [Person(f"Person {s}-{i}", "Minister of Trade", "VN", evidence=ev) for i in range(5)]
        extraction = Extraction(
            countries=["SG", "VN"], people=people,
            events=[Event("meeting", "held", f"{2000 + s}-0{1 + i % 9}-1{i % 9}", location="Hanoi",
                          participants=[people[i % 5].name, people[(i + 1) % 5].name], evidence=ev) for i in range(10)],
            agreements=[Agreement(f"{PLACES[s]} memorandum on {SECTORS[i]} cooperation", "mou",
                                  ("signed", "agreed", "proposed", "negotiating")[i % 4], f"{2000 + s}-0{1 + i % 9}",
                                  valid_to=f"20{20 + i}", parties=["SG", "VN"], evidence=ev) for i in range(15)],
            figures=[Figure(1.5e9 * (i + 1) + s * 1e7, "USD", f"{SECTORS[i]} trade via {PLACES[s]}", f"{2000 + s}",
                            evidence=ev)
                     for i in range(10)],
            topics=[Topic(f"{SECTORS[i]} in {PLACES[s]}", evidence=ev) for i in range(10)],
        )
        source = Source(f"/bench/{s}.txt", text, hashlib.sha256(text.encode()).hexdigest(), title=f"Source {s}",
                        date=f"{2000 + s}-01-01", publisher="Bench News")
        lib.add_source(source, extraction)
    brief_id = lib.create_brief("Bench")
    lib.set_picked(brief_id, lib.query(Query())[:LINES], True)
    return lib, brief_id


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lib, brief_id = make_library(folder)
        lines = len(lib.picked_ids(brief_id))
        for template in ("bilateral_brief", "visit_brief", "agreements_register"):
            times = []
            for _ in range(3):
                start = time.perf_counter()
                ctx = build_context(lib, brief_id, own_country="SG")
                render_docx(template, ctx, folder / f"{template}.docx")
                times.append(time.perf_counter() - start)
            size = (folder / f"{template}.docx").stat().st_size // 1024
            print(f"{template:22} {lines} lines: best {min(times):.2f} s, first {times[0]:.2f} s ({size} KiB)")
        start = time.perf_counter()
        build_context(lib, brief_id, own_country="SG")
        print(f"{'context only':22} {lines} lines: {time.perf_counter() - start:.3f} s")
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
