"""The model's attribute ruler: spaCy's Matcher against the indexed matcher (briefing/extract/tagging.py).

    .venv/bin/python bench/bench_tagging.py [--rounds 3]

Parses the sample, dev and tuning-corpus sources once (without the ruler), then times both matchers over
the same Docs, alternating, and reports ms per document for each (best round). Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from bench_extract import base_texts

    from briefing.extract.nlp import _load_model
    from briefing.extract.tagging import compile_ruler

    corpus = sorted((REPO / "tests" / "corpus" / "tuning" / "sources").glob("*.txt"))
    texts = base_texts() + [p.read_text(encoding="utf-8") for p in corpus]
    nlp = _load_model()
    docs = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"]))
    ruler = nlp.get_pipe("attribute_ruler")
    fast = compile_ruler(ruler)
    best = {"Matcher": float("inf"), "indexed": float("inf")}
    for _ in range(args.rounds):
        for name, match in (("Matcher", ruler.match), ("indexed", fast)):
            start = time.perf_counter()
            for doc in docs:
                match(doc)
            best[name] = min(best[name], time.perf_counter() - start)
    tokens = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {tokens:,} tokens")
    for name, seconds in best.items():
        print(f"  {name:8s} {seconds / len(docs) * 1000:6.2f} ms/document")
    print(f"  speed-up x{best['Matcher'] / best['indexed']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
