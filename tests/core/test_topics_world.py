"""Topics as real pages write them (issue 10): fragments that real ministry releases, wire copy and local papers
made into topics, and names the vocabulary must find as written; each tested on sentences of our own."""

from __future__ import annotations

from tests.core._extract_helpers import run


def topics(text: str, pair: tuple[str, str]) -> list[str]:
    """The topics of a short story: a headline and a meeting of the pair's ministers (a story with no diplomatic
    event is passed over), then the text."""
    opening = f"Ministers meet\n\nThe foreign ministers of {pair[0]} and {pair[1]} met in the capital on Monday. "
    return [t.name for t in run(opening + text, date="2024-05-01").topics]


def test_a_preposition_opening_a_list_item_is_not_part_of_the_topic():
    found = topics("The foreign ministers of Bolivia and Paraguay discussed priority issues such as cooperation on "
                   "migration, border security, and against arms smuggling.", ('Bolivia', 'Paraguay'))
    assert [t for t in found if t.startswith("arms")]
    assert not [t for t in found if t.startswith("against")]


def test_an_act_with_its_object_cut_off_is_no_topic():
    found = topics("The ministers of Bolivia and Paraguay talked about priority issues, such as the strengthening of "
                   "cooperation on river transport.", ('Bolivia', 'Paraguay'))
    assert not [t for t in found if t.endswith(" of") or t.startswith("strengthening")]


def test_who_said_it_after_a_list_is_not_a_topic():
    found = topics("Botswana and Namibia are also drafting agreements to widen cooperation in mining and water, the "
                   "presidency said.", ('Botswana', 'Namibia'))
    assert "mining" in found and "presidency" not in found


def test_a_country_in_a_list_of_areas_is_a_party_not_a_topic():
    found = topics("Oman signed deals with Kuwait covering several sectors, including former rival Bahrain, energy "
                   "and shipping.", ('Oman', 'Kuwait'))
    assert not [t for t in found if "Bahrain" in t]


def test_two_known_areas_written_in_capitals_are_two_topics():
    found = topics("The ministers of Ghana and Togo agreed on the need to expand their cooperation on Culture, Trade, "
                   "Investment, Tourism and Education.", ('Ghana', 'Togo'))
    assert "Tourism and Education" not in found
    assert {"tourism", "education"} <= {t.lower() for t in found}


def test_a_body_inside_an_office_name_is_not_a_topic():
    found = topics("Turkmenistan and the United Kingdom signed a cooperation programme between the Ministry of Foreign "
                   "Affairs of Turkmenistan and the Foreign, Commonwealth and Development Office for 2025-2026.", ('Turkmenistan', 'the United Kingdom'))
    assert "Commonwealth" not in found


def test_how_close_ties_are_is_not_what_they_are_about():
    found = topics("Malta and Tunisia have longstanding ties, significant trade and healthy interdependent "
                   "cooperation, and agreed to deepen labour cooperation.", ('Malta', 'Tunisia'))
    assert not [t for t in found if t.lower() in {"longstanding", "significant trade", "healthy interdependent"}]
    assert "labour" in found


def test_covid_written_in_lower_case_is_still_covid():
    found = topics("Brazil and Paraguay agreed that regional cooperation to tackle the covid-19 pandemic is a "
                   "priority.", ('Brazil', 'Paraguay'))
    assert [t for t in found if t.lower().startswith("covid")]


def test_a_range_of_things_is_not_a_topic():
    found = topics("The presidents of Brazil and Paraguay discussed a series of topics and noted agreements covering "
                   "a wide spectrum including energy and transport.", ('Brazil', 'Paraguay'))
    assert not [t for t in found if t in {"series of topics", "wide spectrum"}]
    assert "energy" in found


def test_a_misspelt_body_before_its_known_acronym_is_the_acronym():
    found = topics("The Philippines and Malaysia, partners in the Association of Southeast Asian Nation (ASEAN), "
                   "agreed to cooperate on fisheries.", ('the Philippines', 'Malaysia'))
    assert "ASEAN" in found
    assert not [t for t in found if t.startswith("Association")]
