"""Score the extraction on the dev set (and on our own gold set) with the shared scorer.

    .venv/bin/python bench/score_dev.py            # dev: shared seeds + eval/dev sources
    .venv/bin/python bench/score_dev.py --own      # tests/gold (our own sources and answers)
    .venv/bin/python bench/score_dev.py --verbose  # list every miss and false positive

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


def shared_dir() -> Path | None:
    for candidate in (REPO.parent / "shared", Path("/work/shared")):
        if (candidate / "eval" / "score.py").exists():
            return candidate
    return None


def dev_sources(shared: Path) -> list[Path]:
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "eval" / "dev" / "sources").iterdir())
    return [f for f in files if f.is_file() and not f.name.startswith(".")]


def own_sources() -> list[Path]:
    return sorted(p for p in (REPO / "tests" / "gold" / "sources").iterdir() if p.is_file())


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
    args = [sys.executable, str(scorer), str(gold_dir), out, "--json"] + (["--verbose"] if verbose else [])
    proc = subprocess.run(args, capture_output=True, text=True, check=True)
    if verbose:
        print(proc.stderr, file=sys.stderr)
    report = json.loads(proc.stdout)
    report["seconds"] = round(elapsed, 2)
    return report


def summary(report: dict) -> str:
    parts = [f"overall={report['overall_f1']:.3f}"]
    for key in ("people", "events", "agreements", "figures", "topics"):
        parts.append(f"{key}={report[key]['f1']:.3f}")
    parts.append(f"attributes={report['attributes']:.3f}")
    return "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--own", action="store_true", help="score tests/gold instead of the dev set")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the full report")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("shared/ (with eval/score.py) not found beside the repository", file=sys.stderr)
        return 2
    scorer = shared / "eval" / "score.py"
    if args.own:
        report = score(REPO / "tests" / "gold" / "gold", own_sources(), scorer, args.verbose)
    else:
        report = score(shared / "eval" / "dev" / "gold", dev_sources(shared), scorer, args.verbose)
    print(json.dumps(report, indent=2) if args.json else summary(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
