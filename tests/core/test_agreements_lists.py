"""Agreements in lists and list intros as real readouts write them (issue 10, helper 28): lines that carry a list
on after a semicolon, the intro's own documents, minutes of a session, long names of bodies, split prefixes.
Sentences are ours."""

from __future__ import annotations

from tests.core._extract_helpers import run


def _agreements(text: str, date: str = "2024-05-01"):
    return run(text, date=date).agreements


def _titles(items) -> list[str]:
    return [a.title for a in items]


def test_a_list_left_open_by_semicolons_goes_on_through_lines_that_open_with_another_noun():
    items = _agreements(
        "Laos and Chile signed several documents in Vientiane on Monday. After the talks the two presidents "
        "witnessed the signing of further documents:\n\n"
        "An agreement on cooperation in customs matters;\n\n"
        "A sports exchange document between the two youth ministries;\n\n"
        "A memorandum on flood early warning;\n\n"
        "An agreement between the national libraries of Laos and Chile.\n\n"
        "The Chilean president will travel on to Hanoi on Wednesday.")
    titles = " | ".join(_titles(items)).lower()
    for words in ("customs matters", "sports exchange document", "flood early warning", "national libraries"):
        assert words in titles, titles
    assert all(a.status == "signed" for a in items if "hanoi" not in a.title.lower())


def test_a_long_line_is_cut_at_the_end_of_a_name_not_inside_it():
    items = _agreements(
        "The following documents were signed:\n\n"
        "A memorandum of understanding between the Ministry of Mines and Energy of Namibia and the Ministry of "
        "Natural Resources of Ghana;\n\n"
        "An agreement on visa exemption for holders of diplomatic passports.")
    mines = next(a for a in items if "Mines" in a.title)
    assert mines.title.endswith("Natural Resources of Ghana"), mines.title


def test_the_minutes_of_a_session_signed_by_the_ministers_are_a_document():
    items = _agreements("The foreign ministers of Zambia and Namibia signed the agreed minutes of the fourth session "
                        "of their Joint Permanent Commission in Windhoek on Friday.")
    minutes = next(a for a in items if "minutes" in a.title.lower())
    assert minutes.status == "signed" and minutes.kind == "agreement"


def test_a_list_intro_keeps_its_own_document_but_not_the_plural_that_stands_for_the_lines():
    items = _agreements(
        "At the close of the Malawi-Zambia commission, the two ministers signed the Agreed Minutes of the session and witnessed "
        "the signing of the following instruments:\n"
        "- a Memorandum of Understanding on fisheries research;\n"
        "- an Agreement on air services.")
    titles = _titles(items)
    assert any("Agreed Minutes" in t for t in titles), titles
    assert any("fisheries research" in t for t in titles) and any("air services" in t for t in titles), titles
    assert not any("following" in t.lower() for t in titles), titles


def test_a_verb_with_a_hyphenated_prefix_is_one_commitment():
    items = _agreements("Peru and Chile agreed to re-establish the joint border committee and to co-host a trade fair.")
    titles = _titles(items)
    assert any(t.startswith("Re-establish the joint border committee") for t in titles), titles
    assert not any(t in {"Re", "Co", "-"} for t in titles), titles


def test_every_line_of_a_list_sealed_in_a_capital_is_signed_even_where_the_parser_breaks_a_line():
    items = _agreements(
        "Peru and Kenya seal 5 agreements\n\n"
        "The agreements sealed in Lima are:\n"
        "- Memorandum of Understanding (MOU) Fisheries Cooperation, which aims to share research on tuna stocks;\n"
        "- Air Services Agreement, which opens direct flights between the two capitals;\n"
        "- Agreement on Cooperation in Higher Education, which involves student exchanges.")
    titles = _titles(items)
    for words in ("Fisheries Cooperation", "Air Services Agreement", "Higher Education"):
        found = [a for a in items if words in a.title]
        assert found and found[0].status == "signed", (words, [(a.title, a.status) for a in items])
    assert not any("which" in t for t in titles), titles


def test_what_documents_to_be_signed_are_about_stays_in_the_title_past_an_acronym_in_brackets():
    items = _agreements("Oman and Kenya have agreed to sign new memorandums of understanding (MoUs) on the avoidance "
                        "of double taxation, the state news agency reported.")
    mou = next(a for a in items if a.kind == "mou")
    assert "double taxation" in mou.title and mou.status == "planned", mou


def test_a_planned_document_takes_no_date_from_the_report_that_tells_of_it():
    # published on a Wednesday: "reported on Monday" is the report's day, not a day the MoU is to be signed
    items = _agreements("Oman and Kenya will sign a memorandum of understanding on fisheries, the state news agency "
                        "reported on Monday.", date="2024-05-01")
    mou = next(a for a in items if a.kind == "mou")
    assert mou.status == "planned" and mou.date is None, mou


# ---------------------------------------------------------------- status from the clause, not from around it


def test_a_body_whose_meeting_dates_a_signing_is_not_signed_itself():
    items = _agreements("The record of talks was signed on Thursday in Lusaka, during the second meeting of the "
                        "Bilateral Joint Commission, by the foreign ministers of Zambia and Malawi.")
    assert not [a for a in items if "Commission" in a.title and a.status == "signed"], items


def test_the_entry_into_force_of_a_treaty_is_in_force_and_a_coming_one_is_planned():
    items = _agreements("Chile and Fiji welcomed the entry into force of their investment treaty. The extradition "
                        "treaty between Chile and Fiji, ratified by both parliaments, will enter into force on "
                        "1 January.", date="2024-09-10")
    assert next(a for a in items if "investment" in a.title.lower()).status == "in-force"
    coming = next(a for a in items if "extradition" in a.title.lower() or a.title.lower().startswith("treaty"))
    assert coming.status == "planned" and coming.date == "2025-01-01", coming


def test_the_entry_of_goods_under_an_agreement_is_no_entry_into_force():
    items = _agreements("Chile and Fiji discussed the entry of fresh produce under the phytosanitary protocol.")
    assert not [a for a in items if a.status == "in-force" and "entry" in a.title.lower()], items


def test_documents_expected_or_set_to_be_signed_are_planned():
    items = _agreements("The air services agreement between Chile and Fiji is expected to be signed next week. "
                        "At least nine cooperation agreements between Chile and Fiji are expected to be signed "
                        "during the visit.")
    air = next(a for a in items if "air services" in a.title.lower())
    assert air.status == "planned", air
    counted = next(a for a in items if "cooperation agreements" in a.title.lower())
    assert counted.status == "planned", counted


def test_a_renewal_still_to_come_is_planned():
    items = _agreements("Chile and Fiji said the president's visit will serve to renew the fisheries agreement "
                        "between the two countries.")
    fish = next(a for a in items if "fisheries" in a.title.lower())
    assert fish.status == "planned", fish


def test_authorisation_to_sign_a_deal_is_no_signing():
    items = _agreements("The Omani cabinet granted the trade ministry authorization to sign an investment "
                        "protection agreement with Chile.")
    deal = next(a for a in items if "investment" in a.title.lower())
    assert deal.status == "planned", deal


# ---------------------------------------------------------------- documents listed inside one sentence


def test_documents_listed_as_the_subject_of_a_count_take_the_counts_status():
    items = _agreements(
        "A work plan for the MoU on fisheries, an MoU on youth and sport, an MoU on boosting mining investment, "
        "an MoU on customs, as well as an agreement on a joint rail study were the six documents signed by "
        "Ghana and Peru on Tuesday.")
    for words in ("youth and sport", "mining investment", "customs", "joint rail study"):
        found = [a for a in items if words in a.title]
        assert found and found[0].status == "signed", (words, [(a.title, a.status) for a in items])


def test_documents_a_plural_encompasses_take_its_status():
    items = _agreements(
        "Ghana and Peru concluded bilateral agreements encompassing the Cocoa Research Initiative to share plant "
        "science, a visa waiver for service passport holders, and a memorandum of understanding to enhance "
        "cooperation in the fields of food safety and medicines.")
    mou = next(a for a in items if a.kind == "mou")
    assert mou.status == "signed" and "food safety" in mou.title, mou
    cocoa = next(a for a in items if "Cocoa" in a.title)
    assert cocoa.status == "signed", cocoa


def test_cultural_exchanges_give_a_listed_document_no_status_of_their_own():
    items = _agreements(
        "A programme of cultural exchanges between Ghana and Peru, an MoU on health cooperation and an MoU on "
        "trade were the documents signed by the two delegations.")
    health = next(a for a in items if "health" in a.title)
    assert health.status == "signed", health


# ---------------------------------------------------------------- bare documents: what the verb's phrases say


def test_what_a_bare_document_is_about_is_read_inside_the_bodies_it_was_signed_between():
    items = _agreements("Ghana and Peru held talks in Accra. An MoU was signed between the two foreign ministries on "
                        "political consultations.")
    mou = next(a for a in items if a.kind == "mou")
    assert mou.title == "MoU on political consultations" and mou.status == "signed", mou


def test_a_bare_document_to_be_signed_between_two_bodies_is_named_by_them():
    items = _agreements("A Memorandum of Understanding will also be signed between the Diplomatic Academy of Ghana "
                        "and the Foreign Service Institute of Peru.")
    mou = next(a for a in items if a.kind == "mou")
    assert "Diplomatic Academy of Ghana" in mou.title and mou.status == "planned", mou


def test_a_decision_to_sign_counted_agreements_is_planned():
    items = _agreements("Ghana and Peru confirmed the decision to sign 12 agreements on Saturday in various areas "
                        "during the state visit.", date="2024-05-16")
    counted = next(a for a in items if "agreements" in a.title.lower())
    assert counted.status == "planned" and counted.date == "2024-05-18", counted


def test_the_areas_a_counted_package_covers_are_no_documents_of_their_own():
    items = _agreements("Ghana and Peru signed nine agreements worth $2 billion on Monday. The minister said the "
                        "agreements covered mining, energy and fisheries.")
    assert not [a for a in items if a.title.lower().endswith(("on mining", "on energy", "on fisheries"))], items


def test_a_list_run_on_after_a_colon_gives_one_item_for_each_document_it_names():
    items = _agreements(
        "On this occasion, Ghana and Peru signed five cooperation documents in the following areas: Fisheries; "
        "Memorandum of Understanding on cooperation in mining research; Memorandum of Understanding on cocoa "
        "certification; Treaty on extradition of offenders (Extradition Treaty) and Treaty on mutual legal "
        "assistance in criminal matters (MLA Treaty).")
    titles = _titles(items)
    for words in ("mining research", "cocoa certification", "extradition of offenders", "mutual legal assistance"):
        found = [a for a in items if words in a.title]
        assert found and found[0].status == "signed", (words, titles)
    assert not any("(" in t or t.endswith("Treaty)") for t in titles), titles
    assert not any(t.lower() == "fisheries" for t in titles), titles


def test_a_document_signed_with_an_aim_is_named_by_the_aim():
    items = _agreements("Ghana and Peru signed a memorandum of understanding, aiming to deepen cooperation between "
                        "the two health ministries.")
    mou = next(a for a in items if a.kind == "mou")
    assert "health ministries" in mou.title, mou


def test_the_document_told_again_with_a_participle_after_a_comma_is_the_same_document():
    items = _agreements("Ghana and Peru signed a memorandum of understanding on health cooperation. The agreement, "
                        "signed in Accra today, covers primary healthcare and medical tourism.")
    assert len([a for a in items if a.kind in {"mou", "agreement"}]) == 1, items


# ---------------------------------------------------------------- a document told again, named, or described


def test_what_a_signed_document_commits_the_sides_to_is_its_content_not_another_commitment():
    items = _agreements("Ghana and Togo signed a memorandum on the coastal railway on Thursday, committing both "
                        "countries to link their lines at the border near Aflao by 2030.")
    assert [a.kind for a in items] == ["mou"], [(a.title, a.kind) for a in items]


def test_where_a_document_was_signed_is_no_part_of_its_title():
    items = _agreements("The presidents of Ghana and Togo signed a comprehensive bilateral agreement in Lome on "
                        "Friday.")
    assert not [a for a in items if "Lome" in a.title], items


def test_a_document_named_in_a_later_sentence_takes_the_name():
    items = _agreements("The presidents of Ghana and Togo signed a comprehensive bilateral agreement on Friday. "
                        "The agreement, known as the Volta Treaty after the river, was modelled on an older pact.")
    docs = [a for a in items if a.kind in {"agreement", "treaty"}]
    assert [a.title for a in docs] == ["Volta Treaty"] and docs[0].status == "signed", items


def test_a_quoted_name_runs_to_its_closing_quote():
    items = _agreements("Ghana and Togo signed a strategic cooperation document in Accra on Friday. The document "
                        "is entitled 'Action Plan for bilateral and regional strategic cooperation'.")
    assert [a.title for a in items if a.kind not in {"commitment"}] == [
        "Action Plan for bilateral and regional strategic cooperation"], items


def test_the_document_told_again_in_a_phrase_is_no_new_item():
    items = _agreements("Ghana and Togo signed a strategic cooperation document on Friday. In the 20-page "
                        "document, Ghana and Togo agreed to hold regular consultations on maritime security.")
    assert not [a for a in items if "20-page" in a.title], items


def test_ordinal_documents_say_what_they_are_about_in_their_own_clause():
    items = _agreements(
        "Nepal and Chile signed five documents on Monday. The minister of Nepal signed the document on the joint "
        "committee of the trade corridor. The second document signed by the two sides was related to the "
        "establishment of an expert exchange mechanism. The third document was signed by the secretaries for the "
        "export of dried ginger from Nepal to Chile.")
    titles = " | ".join(_titles(items))
    for words in ("joint committee of the trade corridor", "expert exchange mechanism", "dried ginger"):
        assert words in titles, titles


def test_a_possessive_inside_a_name_keeps_the_name_whole():
    items = _agreements("Nepal and Chile also signed the MoU on Industrial Workers' Exchange Program.")
    assert _titles(items) == ["MoU on Industrial Workers' Exchange Program"], _titles(items)


def test_a_list_as_follows_takes_lines_that_are_only_names():
    items = _agreements(
        "The list of MoUs/Agreements signed on the occasion is as follows:\n\n"
        "Second Phase of the Nepal-Chile Trade Agreement\n\n"
        "MoU on Cooperation in the field of Glaciology between the Survey of Nepal (SN), Ministry of Land\n\n"
        "Nepal-Chile Economic and Technical Cooperation Agreement\n\n"
        "Birgunj Dry Port Joint Venture Agreement between NDPB and CHL\n\n"
        "Furthermore, nine agreements were also signed between companies.")
    titles = _titles(items)
    assert "Second Phase of the Nepal-Chile Trade Agreement" in titles, titles
    assert "Nepal-Chile Economic and Technical Cooperation Agreement" in titles, titles
    assert any(t.startswith("Birgunj Dry Port Joint Venture Agreement") for t in titles), titles
    assert any(t.startswith("MoU on Cooperation in the field of Glaciology") and t.count("(") == t.count(")")
               for t in titles), titles
    assert not any("MoUs" in t for t in titles), titles


def test_a_body_that_agrees_is_no_agreement():
    items = _agreements("The Nepal-Chile Joint Commission on Trade agreed to set up a Nepal-Chile Business Council.")
    assert not [a for a in items if "Joint Commission" in a.title], items
    assert any("Business Council" in a.title for a in items), items


def test_such_a_document_points_back_at_its_kind():
    items = _agreements("Nepal and Chile signed a migration and mobility partnership on Monday. \"This is the first "
                        "such partnership Nepal has concluded with any country in Latin America,\" the minister said.")
    assert not [a for a in items if "such" in a.title.lower()], items


def test_related_documents_go_with_the_exchange_of_notes_and_say_what_both_are_about():
    items = _agreements("The Exchange of Notes and related documents on the extension of the Grant Aid will be signed "
                        "on July 26 between the foreign minister of Laos and the Ambassador of Korea.")
    docs = [a for a in items if a.kind == "agreement"]
    assert len(docs) == 1 and docs[0].title == "Exchange of Notes on the extension of the Grant Aid", docs
    assert docs[0].status == "planned", docs


def test_a_document_told_again_by_this_is_the_second_is_no_new_one():
    items = _agreements("Ghana and Togo signed a Memorandum of Understanding on a border data platform. This is the "
                        "second logistics-related agreement signed between the two nations in March.")
    assert [a.kind for a in items] == ["mou"], [(a.title, a.kind) for a in items]


def test_a_hyphen_joins_the_words_of_a_lower_case_documents_name():
    items = _agreements("Ghana inked the Sea-Air Logistics Model agreement with Togo on March 3.")
    assert any(a.title.startswith("Sea-Air Logistics Model") for a in items), _titles(items)


def test_what_two_sides_seek_to_do_is_asked_of_no_one():
    items = _agreements("Ghana and Togo agreed to enhance cooperation in port logistics as the two neighbours seek to "
                        "cement their ties.")
    assert not [a for a in items if a.kind == "proposal"], [(a.title, a.kind) for a in items]


def test_the_memorandum_told_again_with_its_short_name_is_no_new_one():
    items = _agreements("Ghana and Togo have signed an agreement to build an oil storage terminal near Lome port. The "
                        "signing of the Memorandum of Understanding (MoU) comes a month after the leaders met.")
    assert len(items) == 1, [(a.title, a.kind) for a in items]


def test_a_count_of_documents_listed_one_by_one_is_no_document_of_its_own():
    items = _agreements("Ghana and Peru signed four cooperation documents on Wednesday. An MoU on fisheries, an MoU on "
                        "cocoa research, an agreement on air services and a protocol on customs were the four documents "
                        "signed by the ministers.")
    assert not [a for a in items if "four" in a.title.lower()], _titles(items)
    assert len(items) == 4, _titles(items)


def test_a_count_with_only_a_few_told_singly_among_many_stays():
    items = _agreements("Ghana and Peru signed 30 cooperation documents worth $2 billion on Wednesday. The ministers "
                        "also signed an MoU on fisheries. Separately, an agreement on air services was signed.")
    assert any("30" in a.title for a in items), _titles(items)


def test_an_example_opener_is_no_part_of_a_title():
    items = _agreements("Ghana and Peru signed 30 cooperation documents on Wednesday, among them an MoU on fisheries "
                        "and an agreement on air services.")
    assert "MoU on fisheries" in _titles(items), _titles(items)


def test_a_document_meant_to_be_signed_is_not_signed():
    items = _agreements("The Nakamal Agreement between Vanuatu and Chile was meant to be signed during the prime "
                        "minister's visit this week.")
    assert next(a for a in items if "Nakamal" in a.title).status == "planned"


def test_a_numbered_list_of_sentences_names_each_document_up_to_its_verb():
    items = _agreements(
        "Here is the summary of the documents signed by Chile and Ghana at the joint meeting:\n\n"
        "1. The Interagency Agreement between Chile's Ministry of Women and Ghana's Department for Social Welfare "
        "targets the exchange of best practices.\n\n"
        "2. The Bilateral Commitment between the two transport ministries seeks to reduce theft of mobile phones.\n\n"
        "3. Likewise, a Memorandum of Understanding (MoU) has been inked between the two disaster agencies.")
    titles = _titles(items)
    assert "Interagency Agreement between Chile's Ministry of Women and Ghana's Department for Social Welfare" \
        in titles, titles
    assert "Bilateral Commitment between the two transport ministries" in titles, titles
    assert "Memorandum of Understanding" in titles and not any("Likewise" in t for t in titles), titles
    assert all(a.status == "signed" for a in items), [(a.title, a.status) for a in items]


def test_the_subjects_of_a_reviewed_agenda_are_no_agreements():
    items = _agreements(
        "The ministers of Chile and Ghana reviewed the whole bilateral agenda, with special focus on:\n\n"
        "- the deepening of the Tema channel to 16 metres;\n"
        "- the connectivity between the two capitals;\n"
        "- tourism, with more than 20,000 visitors in 2024.")
    assert not items, _titles(items)


def test_numbered_paragraphs_of_what_was_agreed_are_no_list_of_documents():
    items = _agreements(
        "The items covered under the declaration agreed by Chile and Ghana are listed below:\n\n"
        "1. The two parties agreed to put special emphasis on the reduction of inequality.\n\n"
        "2. They also inked an agreement between the national scholarship programmes of Chile and Ghana.")
    titles = _titles(items)
    assert not any(t.lower() in {"two parties", "they also"} or t.startswith("Chile–Ghana they") for t in titles), titles
    assert any("scholarship programmes" in t for t in titles), titles


def test_numbered_cabinet_decisions_are_read_one_by_one_not_as_titles():
    items = _agreements(
        "The Cabinet of Oman made the following decisions:\n"
        "1. Approval of a memorandum of understanding on political consultations between the foreign ministries of "
        "Oman and Chile.\n"
        "2. Renewal of a veterinary services cooperation agreement between Oman and Chile for five years.\n")
    titles = _titles(items)
    assert not any(t.startswith(("Approval", "Renewal")) for t in titles), titles
    mou = next(a for a in items if a.kind == "mou")
    assert mou.status == "agreed" and "political consultations" in mou.title, mou
    assert next(a for a in items if "veterinary" in a.title.lower()).status == "renewed"


def test_a_document_a_sentence_only_refers_to_is_no_new_item():
    items = _agreements("Chile and Ghana signed an MoU on food safety on Sunday. The leaders also discussed the "
                        "strategic partnership committee, as set out in the memorandum of understanding signed during "
                        "the previous visit in November.")
    assert [a.title for a in items if a.kind == "mou"] == ["MoU on food safety"], _titles(items)
