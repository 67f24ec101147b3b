"""Accent- and case-blind search, as-you-type, over items and sources."""

from __future__ import annotations

import pytest

from briefing.library import Library, Query
from briefing.library.search import fold, fts_query
from briefing.model import Evidence, Extraction, Person, Topic
from tests.core.test_library_fakes import extract_one, source


@pytest.mark.parametrize(("written", "typed"), [
    ("Radosław", "Radoslaw"), ("Đinh Tiến Dũng", "dinh tien dung"), ("Tromsø", "TROMSO"),
    ("Straße", "strasse"), ("Ærøskøbing", "aeroskobing"), ("Œuvre", "oeuvre"), ("São Tomé", "sao tome"),
    ("İstanbul", "istanbul"), ("Þórshöfn", "thorshofn"),
])
def test_fold_makes_written_and_typed_forms_equal(written, typed):
    assert fold(written) == fold(typed)


def test_fts_query_quotes_words_and_makes_the_last_a_prefix():
    assert fts_query('Radosław "Sik') == '"radoslaw" "sik"*'
    assert fts_query(" ,.; ") is None


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite3", seed=False)
    for n, (text, name) in enumerate([
        ("Radosław Sikorski met Đinh Tiến Dũng in Tromsø on 2024-05-02.", None),
        ("Anna Berg met Ola Nordmann in Oslo on 2024-05-03.", None),
        ("The minister spoke of salmon quotas.", "Jonas Gahr Støre"),
    ]):
        src = source(text, path=f"s{n}.txt")
        extraction = extract_one(src) if name is None else Extraction(people=[Person(name, evidence=[Evidence(0, len(text), text)])])
        library.add_source(src, extraction)
    yield library
    library.close()


def labels(lib, ids):
    return sorted(r.label for r in lib.rows(ids))


def test_search_ignores_accents_and_case(lib):
    assert labels(lib, lib.search("radoslaw")) == ["Meeting: Radosław Sikorski, Đinh Tiến Dũng (Tromsø)", "Radosław Sikorski"]
    assert labels(lib, lib.search("DINH")) == labels(lib, lib.search("Đinh"))
    assert "Meeting: Radosław Sikorski, Đinh Tiến Dũng (Tromsø)" in labels(lib, lib.search("tromso"))
    assert labels(lib, lib.search("store")) == ["Jonas Gahr Støre"]
    assert lib.search("zzz") == [] and lib.search("   ") == []


def test_search_as_you_type_and_all_words(lib):
    assert labels(lib, lib.search("radosl")) == labels(lib, lib.search("Radosław"))
    assert labels(lib, lib.search("sikorski oslo")) == []
    assert labels(lib, lib.search("berg nordm")) == ["Meeting: Anna Berg, Ola Nordmann (Oslo)"]


def test_search_finds_words_of_the_evidence(lib):
    # "salmon" is only in the sentence the person was found in (and the source's text).
    assert lib.search("salmon") == lib.search("Jonas") == lib.query(Query(text="minister spoke"))
    assert len(lib.search("salmon")) == 1 and len(lib.search_sources("salmon")) == 1


def test_query_text_combines_with_other_filters(lib):
    assert labels(lib, lib.query(Query(kind="person", text="radoslaw"))) == ["Radosław Sikorski"]


def test_search_follows_edits_and_undo(lib):
    [person] = lib.query(Query(kind="person", text="berg"))
    lib.edit(person, "name", "Anna Bergström")
    assert lib.search("bergstrom") == [person]
    lib.undo()
    assert lib.search("bergstrom") == []


def test_sources_are_searchable_accent_blind(lib):
    assert len(lib.search_sources("dung tromso")) == 1


def test_folding_keeps_other_scripts_and_strips_their_marks():
    from briefing.library.search import fold

    assert fold("Москва́ Ελλάδα Việt Nam Nguyễn Sing’oei e\u0301te\u0301") == "москва ελλαδα viet nam nguyen sing'oei ete"
    assert fold("ﬁnance Straße ŁÓDŹ") == "finance strasse lodz"


@pytest.fixture
def topics_lib(tmp_path):
    """Two topics whose evidence sentences share words but not phrases."""
    library = Library.open(tmp_path / "topics.sqlite3", seed=False)
    for n, (text, name) in enumerate([
        ("Ministers spoke about the digital economy.", "digital economy"),
        ("The economy of clean energy and digital tools was discussed.", "clean energy"),
        ("They signed deals on fisheries in the South China Sea.", "fisheries"),
    ]):
        src = source(text, path=f"t{n}.txt")
        library.add_source(src, Extraction(topics=[Topic(name, evidence=[Evidence(0, len(text), text)])]))
    yield library
    library.close()


def test_search_words_are_all_needed_phrases_match_whole_and_minus_excludes(topics_lib):
    lib = topics_lib
    # both words are in both sources' sentences: AND finds both, the phrase only the one that says it
    assert labels(lib, lib.search("digital economy")) == ["clean energy", "digital economy"]
    assert labels(lib, lib.search('"digital economy"')) == ["digital economy"]
    assert labels(lib, lib.search("digital -clean")) == ["digital economy"]
    assert labels(lib, lib.search('economy -"clean energy"')) == ["digital economy"]
    assert labels(lib, lib.search("fisheries -china")) == []


def test_the_filter_query_and_list_text_use_the_same_rules(topics_lib):
    lib = topics_lib
    assert labels(lib, lib.query(Query(text='"digital economy"'))) == ["digital economy"]
    # exclusions alone filter: everything but what names them
    assert labels(lib, lib.query(Query(text="-digital"))) == ["fisheries"]
    assert labels(lib, lib.query(Query(kind="topic", text="-"))) == []


def test_a_phrase_being_typed_is_a_prefix_a_closed_one_is_not():
    assert fts_query('"digital econ') == '"digital econ"*'
    assert fts_query('"digital econ"') == '"digital econ"'
    assert fts_query("trade -china") == '"trade"'
    assert fts_query("-china") is None
