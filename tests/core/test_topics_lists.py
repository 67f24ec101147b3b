"""Topics cut from the lists real readouts write (issue 10): where an item ends, which words around it are no part
of it, and which phrases are no topic at all. Every sentence is our own."""

from __future__ import annotations

from tests.core._extract_helpers import run


def topics(text: str, pair: tuple[str, str] = ("Chile", "Peru")) -> list[str]:
    opening = f"Ministers meet\n\nThe foreign ministers of {pair[0]} and {pair[1]} met in the capital on Monday. "
    return [t.name for t in run(opening + text, date="2024-05-01").topics]


def test_a_list_inside_a_list_item_gives_its_items():
    found = topics("They agreed to work together on matters of shared concern, such as water management.")
    assert [t for t in found if t.startswith("water")]
    assert not [t for t in found if t.startswith(("such", "matters"))]


def test_a_frame_inside_an_item_is_dropped():
    found = topics("Kenya will seek investment in its priority sectors like leather processing and aquaculture.",
                   ("Kenya", "Ghana"))
    assert "leather processing" in found and "aquaculture" in found
    assert not [t for t in found if "sectors" in t]


def test_the_sectors_word_that_closes_a_list_is_no_part_of_its_last_item():
    found = topics("Both sides want closer cooperation in the rail, aviation and shipping sectors.")
    assert "shipping" in found
    assert not [t for t in found if t.endswith(("sectors", "sector"))]


def test_an_adjective_before_fields_names_its_area():
    found = topics("They pledged closer cooperation in the cultural and humanitarian fields.")
    assert "culture" in found
    assert [t for t in found if t.startswith("humanitarian")]
    assert "humanitarian fields" not in found


def test_a_lone_economic_in_a_list_of_fields_is_the_economy():
    found = topics("They talked about ways of expanding ties in the economic, energy and fisheries fields.")
    assert "economy" in found


def test_economic_cooperation_alone_names_no_area():
    found = topics("The two ministers said that economic cooperation had grown since the last session.")
    assert "economic cooperation" not in found


def test_how_much_more_is_no_topic():
    found = topics("Both sides called for wider political contacts and broader cooperation in the fishing sector.")
    assert "broader" not in found
    assert [t for t in found if t.startswith("fish")]


def test_how_many_areas_is_no_topic():
    found = topics("The envoy briefed the minister on the partnership in multiple domains.")
    assert not [t for t in found if "domains" in t or t == "multiple"]


def test_which_way_cooperation_runs_is_no_topic():
    found = topics("The presidents called for cooperation in both directions in areas such as ports and railways.")
    assert "directions" not in found
    assert "railway" in [t.lower() for t in found] or "railways" in found


def test_the_portfolios_of_lower_case_ministers_are_offices_not_topics():
    found = topics("The president travelled with the ministers of Foreign Affairs, Agriculture, Health, Energy and "
                   "Mines, and Tourism.")
    assert not {"agriculture", "health", "energy", "tourism"} & {t.lower() for t in found}


def test_a_phrase_that_only_adds_words_about_the_talk_is_the_known_topic():
    found = topics("Chile announced new investment in renewable energy projects in the north of Peru.")
    assert "renewable energy" in found
    assert "renewable energy projects" not in found


def test_defending_rights_is_no_defence():
    found = topics("The ministers restated their attachment to the defence and protection of human rights.")
    assert "defence" not in found
    assert "human rights" in found


def test_security_challenges_are_security():
    found = topics("The officials discussed security challenges along the shared border.")
    assert "security" in found
    assert "security challenges" not in found


def test_where_a_visitor_landed_is_no_topic():
    found = topics("The president arrived at Kiroro Air Base on Sunday evening for a two-day visit.")
    assert not [t for t in found if "Air Base" in t]


def test_the_formula_of_sovereignty_is_one_topic():
    found = topics("The ministers reaffirmed respect for the sovereignty, unity, independence and territorial integrity "
                   "of all states in the region.")
    assert found.count("sovereignty and territorial integrity") == 1
    assert "independence" not in found and "territorial integrity" not in found


def test_youth_and_sport_is_one_area():
    found = topics("The documents to be signed cover fisheries, youth and sports, and culture.")
    assert "youth and sport" in found
    assert "youth" not in found


def test_how_old_or_close_ties_are_is_no_topic():
    found = topics("The talks covered the deep-rooted bilateral ties, the close historical relations between the two "
                   "peoples and their time-tested strategic cooperation.")
    assert not [t for t in found if t.startswith(("deep", "close", "historical", "strategic coop", "time"))]


def test_a_quality_before_an_area_adjective_is_dropped():
    found = topics("They reviewed the areas of strategic economic cooperation, notably fisheries.")
    assert "strategic economy" not in found
    assert "fisheries" in found


def test_each_side_s_own_fields_are_no_topic():
    found = topics("The two sides agreed to take forward practical cooperation in respective fields.")
    assert not [t for t in found if "fields" in t or t == "respective"]


def test_an_ordinal_opening_a_sentence_is_no_topic():
    found = topics("The first cooperation concerns ports. The third cooperation concerns vaccines and biotechnology.")
    assert "third" not in found and "first" not in found
    assert "biotechnology" in found


def test_the_topic_words_of_a_meeting_s_name_are_its_name():
    found = topics("Their ministers met at the G20 Trade, Investment and Industry Ministerial Meeting in Bali.")
    assert not {"trade", "investment", "industry"} & set(found)


def test_one_country_s_own_agency_is_no_topic():
    found = topics("The Ghana Revenue Authority and the Togolese Revenue Office signed a pact on customs data.",
                   ("Ghana", "Togo"))
    assert "customs" in found
    assert not [t for t in found if "Revenue" in t]


def test_a_national_council_is_a_state_s_organ_not_a_topic():
    found = topics("The National Security Council of Togo reviewed border security on Tuesday.", ("Ghana", "Togo"))
    assert "border security" in found
    assert not [t for t in found if "Council" in t]


def test_who_took_the_picture_is_no_topic():
    found = topics("They signed an agreement on fisheries.\n\nImage Credit: Sudan News Agency\n\n"
                   "Photo: Energy Ministry | Credit: Ukraine Presidency\n", ("Egypt", "Tunisia"))
    assert "fisheries" in found
    assert not {"Sudan", "Ukraine", "energy"} & set(found)


def test_a_strip_named_by_its_situation_is_the_known_issue():
    found = topics("They discussed the dire situation in the Gaza Strip and the Gaza Strip ceasefire talks.",
                   ("Kuwait", "Egypt"))
    assert len([t for t in found if t.startswith("Gaza")]) == 1


def test_joint_coordination_and_updates_are_no_topics():
    found = topics("They stressed joint coordination at international forums and shared updates on the situation in "
                   "Sudan.", ("Kuwait", "Egypt"))
    assert not {"joint coordination", "coordination", "updates"} & set(found)


def test_paired_portfolios_are_one_area():
    found = topics("They agreed to cooperate in education and training, radio and television, and works and housing.")
    assert "training" not in found and "radio" not in found and "works" not in found
    assert {"education", "broadcasting", "housing"} <= set(found)


def test_cross_border_cooperation_keeps_its_head():
    found = topics("Both sides pledged closer cross-border cooperation along their shared frontier.")
    assert "cross-border" not in found
    assert "cross-border cooperation" in found


def test_a_list_told_before_the_agenda_words_gives_its_items():
    found = [t.name for t in run("Cocoa, fertiliser and rail links on the agenda as Togo's leader visits\n\n"
                                 "Togolese President Faure Gnassingbe held talks with Ghanaian President John Mahama "
                                 "in Accra on Monday.", date="2024-05-01").topics]
    assert "cocoa" in [t.lower() for t in found] and [t for t in found if t.lower().startswith("fertili")]
    assert [t for t in found if t.startswith("rail")]


def test_a_list_before_were_discussed_gives_its_items():
    found = topics("Seed certification, cattle transhumance and border security were also discussed.")
    assert {"seed certification", "border security"} <= set(found)
    assert [t for t in found if "transhumance" in t]


def test_the_agenda_of_a_body_is_no_list_close():
    found = topics("She held talks with her Peruvian counterpart, Ana Ruiz, on the agenda of the Joint Commission.")
    assert not [t for t in found if "counterpart" in t]


def test_compounds_of_a_known_area_are_that_area():
    found = topics("India will finance new water pipes in Port Louis and extend the visa-on-arrival facility.",
                   ("India", "Mauritius"))
    assert [t for t in found if t.startswith("water")]
    assert "visas" in found


def test_a_partnership_s_level_is_its_name():
    found = topics("They agreed to deepen their comprehensive strategic partnership.")
    assert [t for t in found if t.endswith("strategic partnership")]


def test_the_use_of_a_resource_is_the_resource():
    found = topics("The council discussed deeper cooperation in trade, as well as joint use of water and energy "
                   "resources in the region.")
    assert "water" in [t.lower() for t in found] or [t for t in found if t.startswith("water")]
    assert not [t for t in found if t.startswith("joint use")]


def test_acts_on_a_relation_are_no_topics():
    found = topics("The presidents signed an Agreement on Deepening and Expanding Allied Relations and an exchange of "
                   "notes on road transport.")
    assert not [t for t in found if t.lower().startswith(("deepening", "expanding", "notes"))]


def test_an_adjective_before_priorities_names_its_area():
    found = topics("Regional trade and environmental priorities were also discussed.")
    assert "environmental priorities" not in found
    assert [t for t in found if t.startswith("environment")]


def test_a_list_item_ending_in_projects_is_its_subject():
    found = topics("The two leaders reviewed progress on major energy infrastructure projects.")
    assert "energy infrastructure" in found
    assert not [t for t in found if t.endswith("projects")]


def test_a_block_of_other_stories_under_their_times_is_no_topic():
    found = topics("They discussed trade.\n\n01:09\nMalawi and Zambia sign agreement on cross-border gas project\n"
                   "00:51\nKenya says it plans to cut budget support by a third\n")
    assert "trade" in found
    assert not [t for t in found if "gas" in t or "budget" in t]


def test_a_body_named_by_its_sector_in_lower_case_is_an_office():
    found = topics("Officials from the national security agency and the tourism board attended. The delegation also "
                   "included officials of the ministries of health, agriculture and mines.")
    assert not {"security", "tourism", "health", "agriculture", "mines"} & set(found)


def test_the_sector_s_authorities_at_work_name_the_sector():
    found = topics("The ministers agreed that their interior and transport authorities should prepare the summer "
                   "crossing season.")
    assert "transport" in found


def test_a_quality_before_an_area_is_dropped_and_a_relational_adjective_kept():
    found = topics("They witnessed a landmark defence industry cooperation and set up long-term collaboration in "
                   "shipbuilding. They reviewed the electrical interconnection project.")
    assert "defence industry" in found
    assert not [t for t in found if t.startswith(("landmark", "long-term"))]
    assert "electrical interconnection" in found or [t for t in found if t.startswith("electric")]


def test_who_tells_the_story_is_no_topic():
    found = topics("Both sides agreed to expand fisheries cooperation, the Royal Cabinet said in a statement. "
                   "According to the Presidential Commission, the talks also covered tourism.")
    assert "fisheries" in found and "tourism" in found
    assert not [t for t in found if "Cabinet" in t or "Commission" in t]


def test_a_partnership_of_qualities_keeps_its_head():
    found = topics("They reaffirmed their all-weather strategic cooperative partnership.")
    assert "strategic cooperative partnership" in found


def test_flood_defences_are_no_defence_and_oil_palm_is_palm_oil():
    found = topics("The Dutch side offered its expertise in flood defence systems and in support for oil palm "
                   "smallholders, and cooperation in the socio-cultural field.", ("Indonesia", "the Netherlands"))
    assert "defence" not in found and "oil" not in found
    assert "floods" in found and "palm oil" in found and "culture" in found


def test_areas_listed_one_to_a_line_are_read():
    found = topics("The two prime ministers agreed on long-term collaboration in:\n\n"
                   "  • Healthcare\n  • Quarrying and mining\n  • Diaspora affairs\n"
                   "  • Defence and security: joint training of officers\n\nThe next session will be held in Lima.")
    assert {"healthcare", "quarrying", "mining"} <= set(found)
    assert [t for t in found if t.startswith("diaspora")]


def test_a_bullet_about_a_document_is_not_read_as_an_area():
    found = topics("The documents exchanged cover the following areas:\n"
                   "- a credit facility agreement with the State Bank of Peru to finance new water pipes;\n"
                   "- training of Chilean diplomats at the Foreign Service Institute;\n")
    assert not [t for t in found if "credit facility agreement" in t or t.lower() == "chilean diplomats"]


def test_plural_titles_in_a_list_are_people_not_topics():
    found = topics("The meeting was attended by authorities from both countries, including Ministers of State, "
                   "provincial governors and border mayors.")
    assert not [t for t in found if t.lower().startswith(("ministers", "governors", "mayors", "provincial"))]


def test_in_this_regard_is_no_topic():
    found = topics("They signed an MoU on lithium, a significant step towards strategic cooperation in this regard.")
    assert "regard" not in found and "lithium" in found


def test_an_official_programme_keeps_its_name():
    found = topics("Japan will provide coastal radars under its Official Security Assistance programme.",
                   ("Japan", "the Philippines"))
    assert [t for t in found if "Security Assistance" in t or t == "security assistance"]


def test_a_known_body_written_in_full_is_one_topic():
    found = topics("They discussed the leadership of both countries in the Central American Integration System and "
                   "the Central American Integration System summit.", ("Guatemala", "Honduras"))
    assert len([t for t in found if "Integration System" in t or t == "SICA"]) == 1


def test_a_space_that_is_a_place_is_no_space_cooperation():
    found = topics("They described the border as a noble space for trade and families.")
    assert not [t for t in found if t.startswith("space")]
    assert "space" in topics("They agreed to cooperate in agriculture, space and energy.")
