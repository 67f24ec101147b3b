"""How text is folded and a typed search is read; searching a library runs on both backends in
``tests/pg/store_suite/test_search_and_queries.py``."""

from __future__ import annotations

import pytest

from briefing.library.search import fold, fts_query


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


def test_folding_keeps_other_scripts_and_strips_their_marks():
    from briefing.library.search import fold

    assert fold("Москва́ Ελλάδα Việt Nam Nguyễn Sing’oei e\u0301te\u0301") == "москва ελλαδα viet nam nguyen sing'oei ete"
    assert fold("ﬁnance Straße ŁÓDŹ") == "finance strasse lodz"


def test_a_phrase_being_typed_is_a_prefix_a_closed_one_is_not():
    assert fts_query('"digital econ') == '"digital econ"*'
    assert fts_query('"digital econ"') == '"digital econ"'
    assert fts_query("trade -china") == '"trade"'
    assert fts_query("-china") is None
