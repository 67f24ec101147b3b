"""The template context: one structure built from a brief, its lines in order, grouped, cited."""

from __future__ import annotations

import pytest

from briefing.brief.context import CONTEXT_KEYS, TOC_MIN_LINES, build_context
from briefing.brief.errors import BriefError, MarkingError
from briefing.brief.marking import check_marking, highest, rank
from tests.core.test_brief_fixtures import OUTSIDE, make_library


@pytest.fixture
def lib(tmp_path):
    library, brief_id, ids = make_library(tmp_path / "lib.sqlite3")
    yield library, brief_id, ids
    library.close()


def test_context_has_exactly_the_documented_sections(lib):
    library, brief_id, _ = lib
    ctx = build_context(library, brief_id, own_country="SG")
    assert tuple(ctx) == CONTEXT_KEYS


def test_lines_follow_the_brief_order_and_are_grouped(lib):
    library, brief_id, ids = lib
    library.move_line(brief_id, ids["cyber security"], 0)
    ctx = build_context(library, brief_id, own_country="SG")
    assert [ln["id"] for ln in ctx["lines"]] == library.picked_ids(brief_id)
    assert ctx["lines"][0]["text"] == "Cyber security"
    assert [ln["text"] for ln in ctx["areas"]] == ["Cyber security"]
    assert {ln["section"] for ln in ctx["exchanges"]} == {"exchanges"}
    assert [ln["title"] for ln in ctx["proposals"]] == ["Joint working group on digital economy"]
    assert "Study Visit Programme" in [ln["title"] for ln in ctx["agreements"]]
    assert OUTSIDE not in str(ctx)


def test_brief_wording_replaces_the_generated_sentence_without_touching_the_item(lib):
    library, brief_id, ids = lib
    ctx = build_context(library, brief_id, own_country="SG")
    (figure,) = ctx["figures"]
    assert figure["text"] == "Two-way trade stood at US$6.2 billion in 2020"
    assert figure["generated"] == "Bilateral trade: US$6.2 billion (2020)"
    assert library.item(ids["bilateral trade"]).fields["what"] == "bilateral trade"


def test_sources_are_numbered_in_order_of_first_citation(lib):
    library, brief_id, ids = lib
    ctx = build_context(library, brief_id, own_country="SG")
    assert [s["n"] for s in ctx["sources"]] == [1, 2]
    assert ctx["sources"][0]["title"] == "Singapore and Vietnam agree to set up working groups"
    assert ctx["sources"][0]["publisher"] == "The Straits Times"
    assert ctx["sources"][0]["date_text"] == "23 June 2021"
    by_id = {ln["id"]: ln for ln in ctx["lines"]}
    assert by_id[ids["Ministers met in Hanoi"]]["cite"] == "[1]"
    assert by_id[ids["Green Economy Partnership"]]["cite"] == "[2]"
    # brief order changes the numbering: the readout first cited first becomes [1]
    library.move_line(brief_id, ids["Green Economy Partnership"], 0)
    ctx = build_context(library, brief_id, own_country="SG")
    assert ctx["sources"][0]["publisher"] == "MFA"


def test_people_have_titles_countries_names_and_our_country_is_we(lib):
    library, brief_id, ids = lib
    ctx = build_context(library, brief_id, own_country="SG")
    meeting = next(ln for ln in ctx["exchanges"] if ln["id"] == ids["Ministers met in Hanoi"])
    assert meeting["participants"] == ["Foreign Minister Vivian Balakrishnan", "Foreign Minister Bui Thanh Son"]
    assert meeting["place"] == "Hanoi"
    assert ctx["people"][0]["text"] == "Bui Thanh Son, Foreign Minister (Vietnam)"
    assert ctx["meta"]["we"] == "Singapore"
    assert ctx["meta"]["counterparts"] == ["Vietnam"]
    assert ctx["proposals"][0]["text"] == "Joint working group on digital economy (proposed by Vietnam to us)"
    other = build_context(library, brief_id, own_country="VN")
    assert other["meta"]["we"] == "Vietnam"
    assert other["proposals"][0]["text"] == "Joint working group on digital economy (our proposal to Singapore)"


def test_meta_comes_from_the_brief_and_overrides_win(lib):
    library, brief_id, _ = lib
    ctx = build_context(library, brief_id, own_country="SG")
    assert ctx["meta"]["title"] == "Visit of the Vietnamese Foreign Minister"
    assert ctx["meta"]["date_text"] == "20 November 2026"
    assert ctx["key_points"] == ["Relations are warm", "Digital economy is the growth area"]
    ctx = build_context(library, brief_id, own_country="SG", overrides={"title": "Other", "marking": "SECRET"})
    assert (ctx["meta"]["title"], ctx["meta"]["marking"]) == ("Other", "SECRET")


def test_talking_points_are_open_commitments_not_later_signed(lib):
    library, brief_id, ids = lib
    ctx = build_context(library, brief_id, own_country="SG")
    open_titles = {ln.get("title") or ln["text"] for ln in ctx["talking_points"]}
    assert "Joint working group on digital economy" in open_titles  # proposed
    assert "Mutual recognition of health certificates" in open_titles  # agreed
    assert "Green Economy Partnership" in open_titles  # negotiating
    assert "Study Visit Programme" not in open_titles  # renewed: done
    # the health certificates deal is signed later: no longer a talking point
    library.add_item("agreement", {"title": "Mutual recognition of health certificates", "kind": "agreement",
                                   "status": "signed", "date": "2022-01-10"})
    ctx = build_context(library, brief_id, own_country="SG")
    assert "Mutual recognition of health certificates" not in {ln.get("title") for ln in ctx["talking_points"]}


def test_register_is_sorted_and_marks_expired_and_expiring(lib):
    library, brief_id, _ = lib
    ctx = build_context(library, brief_id, own_country="SG")
    dates = [ln["date"] for ln in ctx["register"]]
    assert dates == sorted(dates)
    by_title = {ln["title"]: ln for ln in ctx["register"]}
    assert by_title["Study Visit Programme"]["expired"]  # valid to 2023, brief dated 2026-11-20
    assert by_title["Mutual recognition of health certificates"]["expiring"]  # to March 2027
    assert not by_title["Green Economy Partnership"]["expired"] and not by_title["Green Economy Partnership"]["expiring"]
    later = build_context(library, brief_id, own_country="SG", overrides={"date": "2020-01-01"})
    assert not any(ln["expired"] or ln["expiring"] for ln in later["register"])


def test_notes_become_key_points_until_the_officer_writes_some(lib):
    library, brief_id, _ = lib
    note = library.add_note("Vietnam wants quick progress on digital trade")
    library.set_picked(brief_id, [note], True)
    library.update_brief(brief_id, key_points="")
    ctx = build_context(library, brief_id, own_country="SG")
    assert ctx["key_points"] == ["Vietnam wants quick progress on digital trade"]
    assert ctx["notes"] == []
    library.update_brief(brief_id, key_points="Our own point")
    ctx = build_context(library, brief_id, own_country="SG")
    assert ctx["key_points"] == ["Our own point"]
    assert [n["text"] for n in ctx["notes"]] == ["Vietnam wants quick progress on digital trade"]


def test_items_without_a_brief_and_long_briefs_get_a_table_of_contents(lib):
    library, _, ids = lib
    ctx = build_context(library, None, item_ids=[ids["cyber security"], ids[OUTSIDE]], own_country="SG")
    assert [ln["text"] for ln in ctx["lines"]] == ["Cyber security", OUTSIDE]
    assert not ctx["meta"]["toc"]
    many = [library.add_note(f"note {i}") for i in range(TOC_MIN_LINES + 1)]
    assert build_context(library, None, item_ids=many, own_country="SG")["meta"]["toc"]


def test_unknown_brief_is_a_clear_error(lib):
    library, _, _ = lib
    with pytest.raises(BriefError, match="No brief with id 999"):
        build_context(library, 999, own_country="SG")


def test_marking_order_and_refusal():
    assert rank("UNCLASSIFIED") < rank("OFFICIAL") < rank("SECRET") < rank("TOP SECRET")
    assert highest(["OFFICIAL", "confidential", "UNCLASSIFIED"]) == "CONFIDENTIAL"
    assert check_marking("SECRET", ["CONFIDENTIAL"]) == "CONFIDENTIAL"
    with pytest.raises(MarkingError, match="marked OFFICIAL but cites sources marked CONFIDENTIAL"):
        check_marking("OFFICIAL", {"[2] Readout": "CONFIDENTIAL", "[1] News": "UNCLASSIFIED"})
    check_marking("OFFICIAL", ["CONFIDENTIAL"], allow_lower=True)
    with pytest.raises(MarkingError):  # an unknown source marking is treated as the highest
        check_marking("SECRET", ["EYES ONLY"])


def test_prepared_by_falls_back_to_the_preferences(lib):
    from briefing.settings import Settings

    library, brief_id, _ = lib
    settings = Settings.load()
    settings.prepared_by = "A. Officer"
    settings.save()
    assert build_context(library, brief_id, own_country="SG")["meta"]["prepared_by"] == "South-East Asia desk"
    library.update_brief(brief_id, prepared_by="")
    assert build_context(library, brief_id, own_country="SG")["meta"]["prepared_by"] == "A. Officer"


def test_event_lines_read_as_sentences_with_titles_unless_the_officer_wrote_a_summary(lib):
    library, brief_id, ids = lib
    meeting = ids["Ministers met in Hanoi"]
    ctx = build_context(library, brief_id, own_country="SG")
    texts = {ln["id"]: ln["text"] for ln in ctx["exchanges"]}
    # the extractor's summary is a label; the brief writes a sentence from the fields
    assert texts[meeting] == ("Meeting between Foreign Minister Vivian Balakrishnan and "
                              "Foreign Minister Bui Thanh Son in Hanoi")
    assert texts[ids["call"]].startswith("Planned call with Foreign Minister Bui Thanh Son")
    library.edit(meeting, "summary", "The two ministers reviewed the Strategic Partnership")
    ctx = build_context(library, brief_id, own_country="SG")
    texts = {ln["id"]: ln["text"] for ln in ctx["exchanges"]}
    assert texts[meeting] == "The two ministers reviewed the Strategic Partnership"


def test_the_exchanges_headline_is_the_event_in_a_word_unless_the_officer_worded_it(lib):
    library, brief_id, ids = lib
    meeting, call = ids["Ministers met in Hanoi"], ids["call"]
    heads = {ln["id"]: ln["headline"] for ln in build_context(library, brief_id, own_country="SG")["exchanges"]}
    assert heads[meeting] == "Meeting" and heads[call] == "Planned call"
    library.set_line_wording(brief_id, meeting, "Talks on the green economy")
    heads = {ln["id"]: ln["headline"] for ln in build_context(library, brief_id, own_country="SG")["exchanges"]}
    assert heads[meeting] == "Talks on the green economy"
