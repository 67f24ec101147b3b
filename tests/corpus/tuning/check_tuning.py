"""Check the tuning corpus with the dev checker's rules.

The shared checker (/work/shared/eval/dev/check_sources.py) only picks up stems that
start with "d", so it passes over t01..t50 without a word. This runs its check_doc
on every t* source here and prints the problems.

    .venv/bin/python tests/corpus/tuning/check_tuning.py
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

CHECKER = Path("/work/shared/eval/dev/check_sources.py")
HERE = Path(__file__).resolve().parent


def load_checker():
    spec = importlib.util.spec_from_file_location("check_sources", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    checker = load_checker()
    problems: list[str] = []
    sources = sorted(p for p in (HERE / "sources").iterdir() if p.name[:1] == "t" and p.name[1:3].isdigit())
    for src in sources:
        gold = HERE / "gold" / f"{src.stem}.json"
        if not gold.exists():
            problems.append(f"{src.name}: no gold file")
            continue
        checker.check_doc(gold, src, problems)
    print(f"{len(sources)} sources checked")
    print("\n".join(problems) or "OK: every gold parses, uses the vocabularies, and every quote is in the visible text")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
