"""Score the extraction with the shared scorer on each gold set, side by side.

    .venv/bin/python bench/score_dev.py                 # dev, tuning and blind, one table
    .venv/bin/python bench/score_dev.py --set tuning    # one set (dev, own, tuning, blind); repeatable
    .venv/bin/python bench/score_dev.py --set tuning --verbose   # every miss and false positive
    .venv/bin/python bench/score_dev.py --own           # the same as --set own

The sets:
  dev     shared/seeds + shared/eval/dev (the two samples and ten dev sources)
  own     tests/gold (five small sources of ours)
  tuning  tests/corpus/tuning (what rules are written against)
  blind   tests/corpus/blind (never used to choose a rule: score it only when a body of work is done)

Runs ``briefing.extract`` over the sources, writes the spec JSON export to a
temporary file and runs ``shared/eval/score.py GOLD EXPORT --json`` on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KINDS = ("people", "events", "agreements", "figures", "topics")
DEFAULT_SETS = ("dev", "tuning", "blind")


def shared_dir() -> Path | None:
    for candidate in (REPO.parent / "shared", Path("/work/shared")):
        if (candidate / "eval" / "score.py").exists():
            return candidate
    return None


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def dev_sources(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt")) + _files(shared / "eval" / "dev" / "sources")


def own_sources() -> list[Path]:
    return _files(REPO / "tests" / "gold" / "sources")


def corpus_dir(name: str) -> Path:
    return REPO / "tests" / "corpus" / name


def gold_set(name: str, shared: Path) -> tuple[Path, list[Path]]:
    """The gold folder and the source files of one named set."""
    if name == "dev":
        return shared / "eval" / "dev" / "gold", dev_sources(shared)
    if name == "own":
        return REPO / "tests" / "gold" / "gold", own_sources()
    folder = corpus_dir(name)
    sources = _files(folder / "sources")
    gold = folder / "gold"
    # a source whose gold is not written yet is not scored (the writers commit in batches)
    return gold, [p for p in sources if (gold / f"{p.stem}.json").exists()]


def export(paths: list[Path]) -> tuple[dict, float]:
    from briefing.extract import extract_many
    from briefing.loaders import load
    from briefing.model import document_to_spec

    sources = [load(p) for p in paths]
    t0 = time.perf_counter()
    extractions = list(extract_many(sources))
    elapsed = time.perf_counter() - t0
    docs = [document_to_spec(s, x) for s, x in zip(sources, extractions, strict=True)]
    return {"documents": docs}, elapsed


def score(gold_dir: Path, paths: list[Path], scorer: Path, verbose: bool = False) -> dict:
    data, elapsed = export(paths)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        out = fh.name
    if gold_dir.is_dir() and len(list(gold_dir.glob("*.json"))) != len(paths):
        # score only the gold of the sources we ran (a partly written set), in a folder of its own
        scoped = Path(tempfile.mkdtemp(prefix="gold-"))
        for p in paths:
            (scoped / f"{p.stem}.json").write_bytes((gold_dir / f"{p.stem}.json").read_bytes())
        gold_dir = scoped
    args = [sys.executable, str(scorer), str(gold_dir), out, "--json"] + (["--verbose"] if verbose else [])
    proc = subprocess.run(args, capture_output=True, text=True, check=True)
    if verbose:
        print(proc.stderr, file=sys.stderr)
    report = json.loads(proc.stdout)
    report["seconds"] = round(elapsed, 2)
    report["sources"] = len(paths)
    return report


def summary(report: dict) -> str:
    parts = [f"overall={report['overall_f1']:.3f}"]
    for key in KINDS:
        parts.append(f"{key}={report[key]['f1']:.3f}")
    parts.append(f"attributes={report['attributes']:.3f}")
    return "  ".join(parts)


def table(reports: dict[str, dict]) -> str:
    """The README's quality table: one row a set."""
    head = "| F1 | sources | overall | " + " | ".join(KINDS) + " | attributes |"
    rule = "|---" * (len(KINDS) + 4) + "|"
    rows = [head, rule]
    for name, r in reports.items():
        cells = [name, str(r.get("sources", "")), f"**{r['overall_f1']:.3f}**"]
        cells += [f"{r[k]['f1']:.3f}" for k in KINDS] + [f"{r['attributes']:.3f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="sets", action="append", choices=("dev", "own", "tuning", "blind"),
                    help="score this set (repeatable); default: dev, tuning and blind")
    ap.add_argument("--own", action="store_true", help="the same as --set own")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the full reports")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("shared/ (with eval/score.py) not found beside the repository", file=sys.stderr)
        return 2
    scorer = shared / "eval" / "score.py"
    names = list(args.sets or (["own"] if args.own else DEFAULT_SETS))
    reports: dict[str, dict] = {}
    for name in names:
        gold, paths = gold_set(name, shared)
        if not paths:
            print(f"{name}: no sources with gold yet ({gold})", file=sys.stderr)
            continue
        reports[name] = score(gold, paths, scorer, args.verbose)
    if args.json:
        print(json.dumps(reports if len(reports) > 1 else next(iter(reports.values()), {}), indent=2))
    elif len(reports) == 1:
        print(summary(next(iter(reports.values()))))
    else:
        print(table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
