"""Check a part of our corpus with the shared dev checker's rules: every gold parses, uses the spec's
vocabularies, and every evidence quote is in the visible text of its source.

The shared checker (shared/eval/dev/check_sources.py) only picks up stems that start with "d", so it
passes over t01..t50 and b01..b32 without a word. This runs its ``check_doc`` on every source of a part.

    .venv/bin/python tests/corpus/check_corpus.py tuning      # or: blind (its writer only), or both
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKER = HERE.parents[2] / "shared" / "eval" / "dev" / "check_sources.py"


def load_checker():
    spec = importlib.util.spec_from_file_location("check_sources", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_part(checker, part: Path, problems: list[str]) -> int:
    sources = sorted(p for p in (part / "sources").iterdir() if p.is_file() and not p.name.startswith("."))
    for src in sources:
        gold = part / "gold" / f"{src.stem}.json"
        if not gold.exists():
            problems.append(f"{src.name}: no gold file")
            continue
        checker.check_doc(gold, src, problems)
    return len(sources)


def main(argv: list[str]) -> int:
    parts = argv or ["tuning"]
    checker = load_checker()
    problems: list[str] = []
    for name in parts:
        print(f"{name}: {check_part(checker, HERE / name, problems)} sources checked")
    print("\n".join(problems) or "OK: every gold parses, uses the vocabularies, and every quote is in the visible text")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
