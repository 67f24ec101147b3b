"""Run every benchmark in turn and print what each reports (`make bench`).

Benchmarks measure and report; none asserts. The slow ones take a size argument
so a quick look stays quick: `python bench/run_all.py --quick`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

# (script, arguments for a full run, arguments for a quick run)
BENCHMARKS = [
    ("bench_search.py", [], []),
    ("bench_render.py", [], []),
    ("bench_tree.py", [], []),
    ("bench_import_ui.py", [], []),
    ("bench_extract.py", ["--n", "1000"], ["--n", "100", "--workers", "0"]),
    ("score_dev.py", [], []),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs for the slow benchmarks")
    args = parser.parse_args(argv)
    failed = []
    for script, full, quick in BENCHMARKS:
        print(f"\n=== {script} ===", flush=True)
        code = subprocess.call([sys.executable, str(BENCH / script), *(quick if args.quick else full)])
        if code:
            failed.append(script)
    if failed:
        print(f"\nbenchmarks that did not finish: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
