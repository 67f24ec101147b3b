"""The extraction's start-up: loading the model, adding our components, and the first document, in a fresh
process each time, with the built rule data kept on disk (warm) and without it (cold).

    .venv/bin/python bench/bench_startup.py [--runs 5]

Every command that extracts (an import, a re-extraction, the window's import process, each import worker)
pays this once. Reports the median and the spread of each phase; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy  # noqa: F401
t1 = time.perf_counter()
from briefing.extract import nlp as N
N.register_extensions()
model = N._load_model()
t2 = time.perf_counter()
from briefing.extract.tokenizer import customise
from briefing.extract.pipeline import build
customise(model)
build(model)
t3 = time.perf_counter()
model("President Ana Soares of Angola met President Kofi Mensah of Ghana in Accra on Monday and signed a "
      "memorandum on trade worth $5 million.")
t4 = time.perf_counter()
print(json.dumps({"import spaCy": t1 - t0, "load the model": t2 - t1, "add our components": t3 - t2,
                  "first document": t4 - t3, "total": t4 - t0}))
"""


def run_once(home: Path, cold: bool) -> dict[str, float]:
    env = dict(os.environ, BRIEFING_HOME=str(home), PYTHONPATH=str(REPO))
    if cold:
        env["BRIEFING_NO_BUILD_CACHE"] = "1"
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        run_once(home, cold=False)  # fills the cache
        results = {"cold (no kept rule data)": [], "warm (rule data kept on disk)": []}
        for _ in range(args.runs):  # alternate, so a drift of the shared machine touches both alike
            results["cold (no kept rule data)"].append(run_once(home, cold=True))
            results["warm (rule data kept on disk)"].append(run_once(home, cold=False))
    for name, runs in results.items():
        print(f"{name}, {len(runs)} fresh processes, median (min-max) in seconds:")
        for phase in runs[0]:
            values = [r[phase] for r in runs]
            print(f"  {phase:20s} {statistics.median(values):6.2f}  ({min(values):.2f}-{max(values):.2f})")


if __name__ == "__main__":
    main()
