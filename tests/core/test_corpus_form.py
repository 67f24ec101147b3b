"""Our corpus is well formed: every source has gold in the spec's form, its quotes are in the visible text,
the stems and pairs are as the README says, and no pair kept for scoring was written about."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
RESERVED = REPO.parent / "shared" / "eval" / "reserved-pairs.md"


def _parts() -> dict[str, list[Path]]:
    return {name: sorted(p for p in (CORPUS / name / "sources").iterdir() if p.is_file())
            for name in ("tuning", "blind")}


def test_the_corpus_has_its_two_parts_of_the_promised_size_each_source_with_gold():
    parts = _parts()
    assert len(parts["tuning"]) >= 50 and len(parts["blind"]) >= 30
    for name, sources in parts.items():
        for source in sources:
            gold = json.loads((CORPUS / name / "gold" / f"{source.stem}.json").read_text(encoding="utf-8"))
            assert gold["id"] == source.stem
    countries = {tuple(sorted(json.loads(g.read_text(encoding="utf-8")).get("countries") or []))
                 for name in parts for g in (CORPUS / name / "gold").glob("*.json")}
    assert len(countries) >= 50


def test_no_source_is_about_a_pair_kept_for_scoring():
    if not RESERVED.exists():
        pytest.skip("shared/eval/reserved-pairs.md is not beside the repository")
    text = RESERVED.read_text(encoding="utf-8")
    reserved = {frozenset(pair.split("-")) for pair in __import__("re").findall(r"\b[A-Z]{2}-[A-Z]{2}\b", text)}
    for name in ("tuning", "blind"):
        for gold in (CORPUS / name / "gold").glob("*.json"):
            countries = json.loads(gold.read_text(encoding="utf-8")).get("countries") or []
            if len(countries) == 2:
                assert frozenset(countries) not in reserved, gold.name


def test_every_quote_is_in_its_source_and_every_value_in_the_vocabularies():
    checker_path = REPO.parent / "shared" / "eval" / "dev" / "check_sources.py"
    if not checker_path.exists():
        pytest.skip("the shared checker is not beside the repository")
    for module in ("pycountry", "markdown_it", "pypdf", "docx"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"the shared checker needs {module}")
    spec = importlib.util.spec_from_file_location("check_corpus", CORPUS / "check_corpus.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    problems: list[str] = []
    checker = check.load_checker()
    for name in ("tuning", "blind"):
        check.check_part(checker, CORPUS / name, problems)
    assert not problems, problems[:10]
