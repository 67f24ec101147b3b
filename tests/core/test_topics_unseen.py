"""Topics on writing no rule was tuned on (issue 10, second reading of real wire copy and readouts): generic
nouns that end a list item, courtesies, offices and one country's agencies, acronyms after their names, and
named frameworks with no trigger phrase. Every sentence here is ours."""

from __future__ import annotations

from tests.core._extract_helpers import run


def topics(text: str, pair: tuple[str, str]) -> list[str]:
    """The topics of a short story: a headline and a meeting of the pair's ministers (a story with no diplomatic
    event is passed over), then the text."""
    opening = f"Ministers meet\n\nThe foreign ministers of {pair[0]} and {pair[1]} met in the capital on Monday. "
    return [t.name for t in run(opening + text, date="2024-05-01").topics]


# ---------------------------------------------------------------- generic heads and empty nouns


def test_a_generic_noun_ending_a_list_item_is_dropped():
    found = topics("The ministers discussed the fisheries security environment and nuclear safety issues.",
                   ("Chile", "Peru"))
    assert "fisheries security" in found or "fisheries" in found
    assert "nuclear safety" in found
    assert not [t for t in found if t.endswith(("environment", "issues"))]


def test_an_adjective_before_a_generic_noun_is_no_topic():
    found = topics("They discussed a detailed report on the harbour, and agreed to coordinate on balanced approaches "
                   "to irrigation.", ("Chile", "Peru"))
    assert not [t for t in found if "report" in t or "approach" in t]


def test_a_relational_adjective_before_a_generic_noun_keeps_the_item():
    found = topics("The envoys discussed military-technical issues and border demarcation.", ("Chile", "Peru"))
    assert [t for t in found if t.startswith("military-technical")]


def test_a_known_adjective_before_opportunities_is_its_area():
    found = topics("The delegations discussed the logistic opportunities and the fisheries projects.", ("Chile", "Peru"))
    assert "logistics" in found


def test_words_about_the_talk_are_no_topics():
    found = topics("They discussed the scope for joint work, in order to widen cooperation in the region, and "
                   "agreed on a joint agenda for mining.", ("Chile", "Peru"))
    assert not {"scope", "order", "region", "joint agenda"} & set(found)
    found = topics("They signed a memorandum on flood prevention and response and one on mining.", ("Chile", "Peru"))
    assert "response" not in found
    assert "mining" in found


def test_cooperation_spelt_with_a_hyphen_is_still_no_topic():
    found = topics("The two ministers discussed co-operation between their ports authorities.", ("Chile", "Peru"))
    assert "co-operation" not in found


def test_a_judgement_of_size_is_no_part_of_the_topic():
    found = topics("Both welcomed the vast infrastructure programme and the deep ties between the two peoples.",
                   ("Chile", "Peru"))
    assert "vast infrastructure" not in found and "deep" not in found


# ---------------------------------------------------------------- courtesies, offices, one country's bodies


def test_good_health_wished_to_a_host_is_a_courtesy():
    found = topics("The envoy wished the king good health and the people of Bhutan lasting prosperity. They "
                   "discussed hydropower.", ("Nepal", "Bhutan"))
    assert "health" not in found and "hydropower" in found


def test_a_commission_after_an_office_is_the_office_not_a_topic():
    found = topics("Vice-Chairman of the Planning Commission Ravi Das met the delegation to discuss railways.",
                   ("Nepal", "Bhutan"))
    assert "Planning Commission" not in found


def test_one_countrys_authority_is_no_shared_body():
    found = topics("Officials of the Nepali Investment Promotion Authority briefed them on hydropower.",
                   ("Nepal", "Bhutan"))
    assert not [t for t in found if "Authority" in t]


def test_a_joint_commission_of_two_countries_stays():
    found = topics("They reviewed the work of the Nepal–Bhutan Joint Commission on hydropower.", ("Nepal", "Bhutan"))
    assert [t for t in found if t.endswith("Joint Commission")]


def test_topic_words_in_an_envoys_remit_are_no_topics():
    found = topics("They met the Special Coordinator for Global Energy Security and Infrastructure, Ana Ruiz, and "
                   "discussed tourism.", ("Chile", "Peru"))
    assert "energy security" not in found and "infrastructure" not in found
    assert "tourism" in found


def test_a_topic_word_opening_a_place_name_is_the_place():
    found = topics("Greater Lima and Metro Lima hosted the talks, which covered fisheries.", ("Chile", "Peru"))
    assert "urban rail" not in found


# ---------------------------------------------------------------- one topic, not two


def test_a_name_and_its_known_acronym_are_one_topic():
    found = topics("They urged all states to sign the Comprehensive Test Ban Treaty (CTBT) and discussed trade.",
                   ("Chile", "Peru"))
    assert len([t for t in found if "Test Ban" in t or t == "CTBT"]) == 1


def test_a_name_cut_from_a_known_body_adds_no_topic():
    found = topics("They stressed freedom of navigation, including under the United Nations Convention on the Law "
                   "of the Sea.", ("Chile", "Peru"))
    assert "United Nations Convention" not in found


def test_a_vocabulary_word_overlapping_a_body_is_the_body():
    found = topics("Bhutan welcomed Nepal's role in Belt and Road construction and in tourism.", ("Nepal", "Bhutan"))
    assert "roads" not in found and "tourism" in found


# ---------------------------------------------------------------- named frameworks, no trigger phrase


def test_named_frameworks_without_a_trigger_phrase():
    found = topics("Both sides backed a return to the Six-Party Talks, the Five-Point Consensus on Myanmar, the "
                   "voice of the Global South and closer work in the Nuclear Suppliers Group.", ("Chile", "Peru"))
    for name in ("Six-Party Talks", "Five-Point Consensus", "Global South", "Nuclear Suppliers Group"):
        assert name in found, (name, found)


def test_a_named_conflict_and_a_plus_three_grouping():
    found = topics("They voiced concern over the Israel-Iran conflict and praised the ASEAN Plus Three rice reserve.",
                   ("Chile", "Peru"))
    assert "Israel-Iran conflict" in found and "ASEAN Plus Three" in found


# ---------------------------------------------------------------- lists with no trigger phrase


def test_an_unknown_item_in_a_list_of_known_areas_is_a_topic():
    found = topics("Their talks, held in a warm atmosphere, stressed trade, tourism, education and beekeeping.",
                   ("Nepal", "Bhutan"))
    assert "beekeeping" in found and "trade" in found


def test_a_list_of_known_areas_brings_no_name_act_or_value_with_it():
    found = topics("They reaffirmed respect for sovereignty, unity and territorial integrity, and backed energy, "
                   "electricity and the return of the seasonal workers, and the Rice and Tea Corridor.",
                   ("Nepal", "Bhutan"))
    assert not {"unity", "return", "Rice"} & set(found)


def test_immigration_is_a_topic_of_its_own():
    found = topics("The discussion covered trade, culture, defence and immigration.", ("Nepal", "Bhutan"))
    assert "immigration" in found


def test_the_climate_for_something_is_not_climate_change():
    found = topics("They welcomed the better climate for investment and a climate of trust, and discussed fisheries.",
                   ("Nepal", "Bhutan"))
    assert "climate change" not in found


def test_items_on_an_agenda_are_no_topic_and_infrastructural_work_is_infrastructure():
    found = topics("They went through key agenda items and agreed on infrastructural development in the hills.",
                   ("Nepal", "Bhutan"))
    assert not [t for t in found if "items" in t or "agenda" in t]
    assert "infrastructure" in found


def test_a_body_word_opening_a_countrys_formal_name_is_the_country():
    found = topics("The Prime Minister of the Commonwealth of Dominica and his host discussed fisheries.",
                   ("Dominica", "Barbados"))
    assert "Commonwealth" not in found and "fisheries" in found


def test_a_topic_word_in_an_office_or_a_bodys_name_is_no_topic():
    found = topics("Investment, Trade and Industry Minister Aziz Musa, the national security adviser and the head of "
                   "the Bhutan External Trade Organization joined talks on hydropower.", ("Nepal", "Bhutan"))
    assert not {"trade", "investment", "security"} & set(found)
    assert "hydropower" in found


def test_the_ministers_of_an_area_still_name_the_area():
    found = topics("They agreed to hold a meeting of their foreign and defence ministers in Thimphu.",
                   ("Nepal", "Bhutan"))
    assert "defence" in found
