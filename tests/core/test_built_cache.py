"""The extraction's built rule data is kept on disk and loaded at the next start, rebuilt whenever
what it was built from changes or the kept file is damaged."""

from __future__ import annotations

import shutil

import pytest

from briefing.extract import built


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("BRIEFING_NO_BUILD_CACHE", raising=False)
    built.fingerprint.cache_clear()
    yield tmp_path / "home"
    built.fingerprint.cache_clear()


def test_a_value_is_built_once_and_loaded_after(home):
    calls = []

    def build():
        calls.append(1)
        return {"heads": [("prime", "minister")], "words": frozenset({"h.e."})}

    first = built.cached("sample", build)
    second = built.cached("sample", build)
    assert first == second and len(calls) == 1
    assert len(list((home / "cache").glob("extract-sample-*.pickle"))) == 1


def test_a_damaged_kept_file_is_rebuilt(home):
    built.cached("sample", lambda: [1, 2, 3])
    kept = next((home / "cache").glob("extract-sample-*.pickle"))
    kept.write_bytes(b"\x80\x05garbage")
    assert built.cached("sample", lambda: [4]) == [4]
    assert built.cached("sample", lambda: [5]) == [4]


def test_a_changed_data_file_makes_a_new_value(home, tmp_path, monkeypatch):
    code = tmp_path / "extract"
    shutil.copytree(built.EXTRACT_DIR / "data", code / "data")
    monkeypatch.setattr(built, "EXTRACT_DIR", code)
    assert built.cached("sample", lambda: "old") == "old"
    (code / "data" / "titles.json").write_text((code / "data" / "titles.json").read_text() + " ")
    built.fingerprint.cache_clear()
    assert built.cached("sample", lambda: "new") == "new"
    assert len(list((home / "cache").glob("extract-sample-*.pickle"))) == 1  # the stale one is gone


def test_the_cache_can_be_turned_off(home, monkeypatch):
    monkeypatch.setenv("BRIEFING_NO_BUILD_CACHE", "1")
    assert built.cached("sample", lambda: "a") == "a"
    assert built.cached("sample", lambda: "b") == "b"
    assert not list((home / "cache").glob("extract-*.pickle"))


def test_the_users_own_actor_file_is_part_of_what_the_kept_data_was_built_from(home):
    before = built.fingerprint()
    (home / "actors.jsonl").write_text('{"name": "Ana Soares", "country": "AO", "offices": []}\n', encoding="utf-8")
    built.fingerprint.cache_clear()
    assert built.fingerprint() != before


def test_the_kept_people_lexicon_is_the_one_built(home):
    from briefing.extract import people

    fresh = people._build_lexicon()
    people._lexicon.cache_clear()
    try:
        first = people._lexicon()  # built and kept
        people._lexicon.cache_clear()
        second = people._lexicon()  # loaded
    finally:
        people._lexicon.cache_clear()
    assert first == fresh == second
    assert list((home / "cache").glob("extract-people-lexicon-*.pickle"))


def test_a_rule_file_is_checked_again_when_it_changes(home, tmp_path, monkeypatch):
    import json

    from briefing.extract import rules as rule_files

    code = tmp_path / "extract"
    shutil.copytree(built.EXTRACT_DIR / "data", code / "data")
    monkeypatch.setattr(built, "EXTRACT_DIR", code)
    monkeypatch.setattr(rule_files, "DATA_DIR", code / "data")
    rule_files.rules.cache_clear()
    try:
        assert rule_files.rules("units.json")  # checked, and the check kept
        assert list((home / "cache").glob("extract-checked-units.json-*.pickle"))
        data = json.loads((code / "data" / "units.json").read_text())
        first_list = next(k for k, v in data.items() if not k.startswith("_") and isinstance(v, (list, dict)))
        data[first_list] = 42  # the wrong shape
        (code / "data" / "units.json").write_text(json.dumps(data))
        built.fingerprint.cache_clear()
        rule_files.rules.cache_clear()
        with pytest.raises(rule_files.RuleFileError, match=r"units\.json: bad entry"):
            rule_files.rules("units.json")
    finally:
        rule_files.rules.cache_clear()
