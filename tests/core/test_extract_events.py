"""Events: typed, held or planned, dated against the publication date, with participants and roles."""

from __future__ import annotations

from tests.core._extract_helpers import run


def by_type(x, etype):
    return [e for e in x.events if e.type == etype]


def test_met_a_b_and_c_is_three_meetings():
    x = run("Foreign Minister Lars Berg of Norway met President Ana Lima, Prime Minister Rui Sousa and Speaker Eva "
            "Nunes of Portugal during his visit to Lisbon, which began on Sunday.", date="2024-05-08")
    meetings = by_type(x, "meeting")
    partners = sorted(e.participants[1] for e in meetings)
    assert partners == ["Ana Lima", "Eva Nunes", "Rui Sousa"]
    assert all(e.participants[0] == "Lars Berg" and e.actor == "Lars Berg" for e in meetings)
    visit = by_type(x, "visit")[0]
    assert visit.participants == ["Lars Berg"] and visit.date == "2024-05-05"  # "began on Sunday", backwards


def test_held_on_monday_looks_back_planned_on_monday_looks_forward():
    held = run("Foreign Minister Lars Berg of Norway met Foreign Minister Ana Lima of Portugal in Oslo on Monday.",
               date="2021-06-23")
    assert [(e.status, e.date) for e in held.events] == [("held", "2021-06-21")]
    planned = run("Foreign Minister Lars Berg of Norway will meet Foreign Minister Ana Lima of Portugal in Oslo on Monday.",
                  date="2021-06-23")
    e = planned.events[0]
    assert (e.status, e.date) == ("planned", "2021-06-28")
    assert e.cameo == "036"  # intent to meet


def test_phone_call_caller_and_called():
    x = run("Madrid, 14/03/2024\n\nThe Minister for Foreign Affairs, José Luis Vega, spoke by telephone this afternoon "
            "with the Minister of Foreign Affairs of Morocco, Karim Alaoui.", date=None)
    call = by_type(x, "call")[0]
    assert call.actor == "José Luis Vega" and call.recipient == "Karim Alaoui"
    assert (call.plover_type, call.plover_mode, call.cameo) == ("CONSULT", "phone", "041")


def test_received_means_hosted():
    x = run("Dr. Omar Fathy, Minister of Foreign Affairs of Egypt, received Sheikh Saud bin Ali Al Thani, Minister of "
            "State of Qatar, at Tahrir Palace today for talks.", date="2024-09-09")
    e = x.events[0]
    assert e.actor == "Saud bin Ali Al Thani" and e.recipient == "Omar Fathy"
    assert e.plover_mode == "host" and e.date == "2024-09-09"


def test_state_visit_with_a_date_range_and_a_planned_signing():
    x = run("Prime Minister Tom Reid today announced that President Ana Soares of Timor-Leste will make a State Visit "
            "to Australia from 17 to 20 March 2025. The Prime Minister will hold talks with the President at "
            "Parliament House on 18 March. The two leaders are expected to sign a new Defence Cooperation Agreement.",
            date="2025-03-03")
    visit = by_type(x, "visit")[0]
    assert (visit.status, visit.date, visit.date_end) == ("planned", "2025-03-17", "2025-03-20")
    talks = by_type(x, "talks")[0]
    assert talks.date == "2025-03-18" and set(talks.participants) == {"Tom Reid", "Ana Soares"}
    signing = by_type(x, "signing")[0]
    assert signing.status == "planned" and signing.cameo == "030"


def test_sports_and_weather_yield_nothing():
    x = run("SANTIAGO – Chile beat Peru 2-1 in a friendly on Tuesday night, giving coach Marta Ruiz her first win. "
            "A crowd of 23,614 watched as 31 millimetres of rain fell. The two teams meet again in Lima on Saturday. "
            "Her Peruvian counterpart, Jorge Salas, said his side had switched off.", date="2025-06-11")
    assert x.items() == [] and x.countries == []
    assert x.note == "no diplomatic content found"


def test_same_meeting_told_twice_is_one_event():
    x = run("President Ana Lima of Brazil met President Jorge Peña of Argentina in Brasília on Monday. "
            "In his meeting with Ms Lima, Mr Peña praised the trade figures.", date="2024-04-10")
    assert len([e for e in x.events if e.type in {"meeting", "talks"}]) == 1


def test_wire_dateline_does_not_hide_the_subject():
    x = run("BEIJING, May 16 (Xinhua) -- Chinese President Xi Jinping held talks with Russian President Vladimir Putin "
            "in Beijing on Thursday. The two heads of state signed a joint statement on their partnership.",
            date="2024-05-16")
    talks = by_type(x, "talks")[0]
    assert talks.participants == ["Xi Jinping", "Vladimir Putin"] and talks.date == "2024-05-16"
    assert by_type(x, "signing")[0].participants == ["Xi Jinping", "Vladimir Putin"]  # "the two heads of state"
    assert sorted(x.countries) == ["CN", "RU"]


def test_a_visitor_is_not_from_the_country_visited():
    x = run("External Affairs Minister Dr. S. Jaishankar of India will pay an official visit to Singapore from 23-25 "
            "March 2024. During the visit, he will call on Prime Minister Lawrence Wong.", date="2024-03-21")
    people = {p.name: p for p in x.people}
    assert people["S. Jaishankar"].title == "External Affairs Minister" and people["S. Jaishankar"].country == "IN"
    assert people["Lawrence Wong"].country == "SG"
    visit = by_type(x, "visit")[0]
    assert (visit.status, visit.date, visit.date_end, visit.location) == ("planned", "2024-03-23", "2024-03-25", "Singapore")
    meeting = by_type(x, "meeting")[0]
    assert (meeting.actor, meeting.recipient, meeting.status) == ("S. Jaishankar", "Lawrence Wong", "planned")


def test_business_sport_and_council_news_yield_nothing():
    for text in ("Striker Marco Rossi signed a three-year contract with Juventus on Monday. Rossi agreed to a pay cut "
                 "to complete the move from Napoli.",
                 "Shares of Acme Corp rose 5% after the company agreed to buy rival Beta Inc for $2.3 billion. The "
                 "merger agreement will be signed next month.",
                 "The city council agreed to extend the bus network. Mayor Ana Torres will visit the depot on Friday."):
        x = run(text, date="2024-06-12")
        assert x.items() == [], text


def test_phone_calls_told_as_ministries_write_them():
    told = [
        "Foreign Minister Ana Soares of Angola held a telephone talk with Foreign Minister Kofi Mensah of Ghana.",
        "Foreign Minister Ana Soares of Angola received a telephone call from Foreign Minister Kofi Mensah of Ghana.",
        "Foreign Minister Kofi Mensah of Ghana called Foreign Minister Ana Soares of Angola today and briefed her "
        "on the elections.",
        "Foreign Minister Kofi Mensah of Ghana called his counterpart, Ana Soares of Angola, on Tuesday.",
    ]
    for text in told:
        x = run(text, date="2025-05-16")
        assert [(e.type, sorted(e.participants)) for e in x.events] == [("call", ["Ana Soares", "Kofi Mensah"])], text


def test_calling_on_someone_is_a_visit_to_them_and_calling_someone_names_is_no_event():
    x = run("President Ana Soares of Angola called on President Kofi Mensah of Ghana at the State House.",
            date="2025-05-16")
    assert [e.type for e in x.events] == ["meeting"]
    x = run("President Ana Soares of Angola called President Kofi Mensah of Ghana a true friend of Angola.",
            date="2025-05-16")
    assert x.events == []


def test_speaking_at_a_forum_is_taking_part_in_it():
    x = run("Chief Adviser Rahim Uddin of Bangladesh delivered the keynote at the 30th Future of Asia Forum in Tokyo "
            "on Thursday.", date="2025-05-31")
    assert [(e.type, e.participants, e.date) for e in x.events] == [("conference", ["Rahim Uddin"], "2025-05-29")]


def test_joining_a_sitting_told_before_is_that_sitting():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana held talks in Accra on Saturday. "
            "Foreign Minister Rui Costa of Angola had met his Ghanaian counterpart on Friday to prepare the summit, "
            "and national security adviser Ama Owusu of Ghana joined the leaders' talks.", date="2025-05-18")
    talks = by_type(x, "talks")
    assert len(talks) == 1 and talks[0].date == "2025-05-17"


def test_a_conference_told_again_for_one_of_its_people_is_one_conference():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana will attend the regional summit in "
            "Lusaka on Monday. Soares will also address a summit session on trade on Monday.", date="2025-05-18")
    assert len(by_type(x, "conference")) == 1


def test_a_joint_statement_is_the_pairs_statement():
    x = run("President Ana Soares of Angola held talks with President Kofi Mensah of Ghana in Accra on Friday. "
            "The two sides also issued a joint statement.", date="2025-05-17")
    statements = by_type(x, "statement")
    assert [(sorted(e.participants), e.date) for e in statements] == [(["Ana Soares", "Kofi Mensah"], "2025-05-16")]
    x = run("According to a joint statement, Angola and Ghana will open embassies.", date="2025-05-17")
    assert by_type(x, "statement") == []


def test_a_participle_after_the_main_clause_shares_its_status():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana agreed on Saturday to build a "
            "closer partnership, issuing their first joint press statement since 2008.", date="2025-05-18")
    assert [(e.status, e.date) for e in by_type(x, "statement")] == [("held", "2025-05-17")]


def test_a_person_named_by_kind_and_country_is_that_countrys_person():
    x = run("Foreign Minister Ana Soares of Angola paid an official visit to Ghana today. The Angolan official was "
            "received by the President of Ghana, Kofi Mensah.", date="2025-05-17")
    assert [sorted(e.participants) for e in by_type(x, "meeting")] == [["Ana Soares", "Kofi Mensah"]]


def test_the_visit_of_someone_to_a_place_tells_that_visit():
    x = run("Trade was discussed during the official visit of Foreign Minister Ana Soares of Angola to Accra on "
            "Tuesday, at the invitation of Foreign Minister Kofi Mensah of Ghana.", date="2025-05-21")
    assert [(e.participants, e.date) for e in by_type(x, "visit")] == [(["Ana Soares"], "2025-05-20")]


def test_a_plan_slated_for_a_date_is_the_event_its_subject_names_once():
    x = run("The upcoming visit of President Ana Soares of Angola to Ghana is slated for March.", date="2025-05-14")
    assert [(e.type, e.status) for e in x.events] == [("visit", "planned")]
    x = run("The conference of the Angola-Ghana joint commission is slated for July in Accra.", date="2025-05-14")
    assert [(e.type, e.status, e.date) for e in x.events] == [("conference", "planned", "2025-07")]


def test_courtesy_calls_on_two_people_are_one_call_on_each():
    x = run("Foreign Minister Rui Costa of Angola arrived in Accra on an official visit to Ghana. During the visit, "
            "Costa paid a courtesy call on Prime Minister Kofi Mensah and Chief of Defence Staff General Ama "
            "Owusu.", date="2025-05-14")
    meetings = sorted(sorted(e.participants) for e in by_type(x, "meeting"))
    assert meetings == [["Ama Owusu", "Rui Costa"], ["Kofi Mensah", "Rui Costa"]]


def test_a_participle_describing_a_thing_is_no_ceremony():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana met in Accra today. The trade between "
            "the two countries is still modest, and the two sides wish to increase it using the Unity Bridge over "
            "the Volta river, inaugurated in 2010.", date="2025-05-14")
    assert by_type(x, "ceremony") == []


def test_ministers_instructed_to_convene_a_commission_plan_it():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana instructed their foreign ministers, "
            "Rui Costa of Angola and Ama Owusu of Ghana, to convene the joint commission of cooperation this year.",
            date="2025-05-14")
    assert [e.status for e in by_type(x, "conference")] == ["planned"]


def test_sittings_named_with_their_people():
    x = run("The third Angola-Ghana strategic dialogue concluded in Accra on Tuesday with both foreign ministers, "
            "Ana Soares and Kofi Mensah, pledging closer ties.", date="2025-05-17")
    assert [sorted(e.participants) for e in x.events] == [["Ana Soares", "Kofi Mensah"]]
    x = run("The meeting of President Ana Soares of Angola and President Kofi Mensah of Ghana will take place in "
            "Accra on Friday.", date="2025-05-17")
    assert [(e.type, sorted(e.participants)) for e in x.events] == [("meeting", ["Ana Soares", "Kofi Mensah"])]


def test_a_wreath_laying_is_a_ceremony():
    x = run("President Ana Soares of Angola attended a wreath-laying at the Independence Memorial in Accra on Friday.",
            date="2025-05-17")
    assert [(e.type, e.participants) for e in x.events] == [("ceremony", ["Ana Soares"])]


def test_a_deal_signed_by_company_people_alone_is_no_event_between_countries():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana held talks in Luanda on Wednesday. "
            "The two leaders watched as Aerobus chief executive Lena Varga and airline officials signed the "
            "aircraft deal.", date="2025-05-15")
    assert [e.type for e in x.events] == ["talks"]


def test_a_visit_told_again_as_beginning_dates_it_and_she_is_the_subject_described():
    x = run("Yesterday, the President of Angola, Ana Soares, concluded her official visit to Ghana. The visit began "
            "on 10 May with an official reception at the State House, where President Soares was welcomed by the "
            "President of Ghana, Kofi Mensah. During this meeting, President Mensah decorated President Soares with "
            "the Order of the Star. Afterwards, the President of Angola visited the Government Palace, "
            "where she met with the Prime Minister of Ghana, Ama Owusu.", date="2025-05-12")
    assert [e.date for e in by_type(x, "visit")] == ["2025-05-10"]
    assert ["Ama Owusu", "Ana Soares"] in [sorted(e.participants) for e in by_type(x, "meeting")]


def test_a_ceremonial_welcome_accorded_is_a_ceremony():
    x = run("President Ana Soares of Angola will be accorded a ceremonial welcome at the State House in Accra on "
            "May 3.", date="2025-04-30")
    assert [(e.type, e.status, e.participants) for e in x.events] == [("ceremony", "planned", ["Ana Soares"])]


def test_an_event_without_named_people_is_titled_by_its_own_name_or_its_countries():
    x = run("The two countries will also celebrate their anniversaries, including the “Spotlight Angola in Ghana” "
            "slated for October.", date="2023-08-28")
    assert [e.summary for e in x.events] == ["Spotlight Angola in Ghana: planned event"]
    x = run("The next trilateral summit will be held in Cairo next year, Angola and Ghana said.", date="2023-08-28")
    assert [e.summary for e in x.events] == ["Angola and Ghana: planned conference in Cairo"]


def test_a_lede_and_the_paragraph_after_it_are_one_sitting_even_when_one_names_a_companion():
    x = run("Foreign Minister Lena Varga of Hungary met Foreign Minister Tomas Ruiz of Chile in Santiago on "
            "Thursday, with Deputy Minister Pal Kovacs of Hungary at her side.\n\n"
            "The two ministers held talks on trade, mining and student exchanges.", date="2025-04-11")
    sittings = [e for e in x.events if e.type in {"meeting", "talks"}]
    assert len(sittings) == 1, [(e.type, e.participants) for e in x.events]
    assert {"Lena Varga", "Tomas Ruiz"} <= set(sittings[0].participants) and sittings[0].date == "2025-04-10"


def test_granting_an_audience_is_a_meeting_the_granter_hosts_one_per_guest():
    x = run("On Tuesday the President of Gabon, Marc Obame, granted an audience to the Foreign Minister of Chad, "
            "Ali Mahamat.\n\n"
            "The same day President Marc Obame also granted separate audiences to the Director-General of the "
            "FAO, Rosa Lind, and the Trade Minister of Benin, Paul Houngbo.", date="2025-03-13")
    met = sorted((e.participants[1], e.date, e.actor) for e in x.events if e.type == "meeting")
    assert [m[0] for m in met] == ["Ali Mahamat", "Paul Houngbo", "Rosa Lind"], [(e.type, e.participants) for e in x.events]
    assert all(m[1] == "2025-03-11" and m[2] == "Marc Obame" for m in met)
    assert all(e.plover_mode == "host" for e in x.events if e.type == "meeting")


def test_separate_meetings_with_counterparts_from_two_countries_named_later():
    x = run("Security and trade dominated on Monday, in Lusaka, the separate meetings between the Zambian "
            "President, Peter Banda, and his counterparts from Malawi and Botswana.\n\n"
            "The presidents of Malawi, Joyce Phiri, and Botswana, David Kgari, later opened a trade fair.",
            date="2025-06-18")
    met = sorted(tuple(e.participants) for e in x.events if e.type == "meeting")
    assert met == [("Peter Banda", "David Kgari"), ("Peter Banda", "Joyce Phiri")], \
        [(e.type, e.participants) for e in x.events]
    assert all(e.date == "2025-06-16" for e in x.events if e.type == "meeting")


def test_peers_listed_with_their_countries_each_a_meeting():
    x = run("Foreign Minister Ana Ortiz of Uruguay met her peers from Bolivia and Paraguay, Luis Quispe and "
            "Marta Benitez, in Quito on Friday.\n\n"
            "President Jorge Silva of Uruguay will meet his peers Carlos Mamani of Bolivia and Rosa Duarte of "
            "Paraguay next month.", date="2025-05-10")
    held = sorted(tuple(e.participants) for e in x.events if e.type == "meeting" and e.status == "held")
    planned = sorted(tuple(e.participants) for e in x.events if e.type == "meeting" and e.status == "planned")
    assert held == [("Ana Ortiz", "Luis Quispe"), ("Ana Ortiz", "Marta Benitez")], [(e.type, e.participants) for e in x.events]
    assert planned == [("Jorge Silva", "Carlos Mamani"), ("Jorge Silva", "Rosa Duarte")]


def test_accompanying_the_president_in_meetings_makes_them_the_president_s():
    x = run("In the afternoon, the Foreign Minister, Ana Ortiz, accompanied the President of the Republic, Jorge "
            "Silva, in bilateral meetings with President Pablo Vera of Ecuador and President Elena Ruiz of Panama.",
            date="2025-05-10")
    met = [e for e in x.events if e.type == "meeting"]
    assert met and all(e.participants[0] == "Jorge Silva" for e in met), [(e.type, e.participants) for e in x.events]
    assert {"Pablo Vera"} <= {p for e in met for p in e.participants}


def test_a_headline_in_the_present_above_its_date_line_tells_what_happened():
    x = run("Minister Ortiz meets with foreign ministers from Bolivia and Paraguay in Quito\n"
            "Friday, May 9, 2025\n\n"
            "Foreign Minister Ana Ortiz of Uruguay met her peers from Bolivia and Paraguay, Luis Quispe and "
            "Marta Benitez, in Quito on Friday.", date="2025-05-09")
    assert x.events and all(e.status == "held" for e in x.events), [(e.type, e.status, e.participants) for e in x.events]


def test_arriving_where_a_relative_clause_says_is_a_visit_there_and_a_busy_agenda_is_no_meeting():
    x = run("Foreign Minister Ana Ortiz of Uruguay is holding an intense round of bilateral meetings in Lima, where "
            "she arrived on Tuesday.\n\n"
            "Ortiz met Foreign Minister Luis Quispe of Peru on Wednesday.", date="2025-05-08")
    visits = [e for e in x.events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].participants == ["Ana Ortiz"] and visits[0].date == "2025-05-06"
    meetings = [e for e in x.events if e.type == "meeting"]
    assert [m.participants for m in meetings] == [["Ana Ortiz", "Luis Quispe"]]


def test_bilateral_talks_with_two_leaders_under_a_long_title_case_headline():
    x = run("Pacific Leaders Meet: Bilateral Talks on Fisheries and Climate at the Regional Forum\n"
            "Prime Minister Tevita Lolo of Tonga engaged in bilateral talks with Prime Minister Sione Rika of Samoa "
            "and Prime Minister Kaleb Nand of Fiji on Tuesday.", date="2025-08-14")
    talks = sorted(tuple(e.participants) for e in x.events if e.type in {"talks", "meeting"})
    assert talks == [("Tevita Lolo", "Kaleb Nand"), ("Tevita Lolo", "Sione Rika")], [(e.type, e.participants) for e in x.events]


def test_a_hard_wrapped_line_of_running_text_is_not_a_heading():
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("The two ministers agreed to deepen cooperation on trade, energy and the\n"
                    "Pacific fisheries agreement signed in Apia last year.")
    assert len(list(doc.sents)) == 1


def test_presenting_credentials_is_a_ceremony_of_the_envoy_and_the_head_of_state():
    x = run("The new Ambassador of Brazil, Maria Souza, presented her letters of credence to President Ana Lima of "
            "Peru at the Government Palace on Monday.", date="2025-03-12")
    ceremonies = [e for e in x.events if e.type == "ceremony"]
    assert [(e.participants, e.date) for e in ceremonies] == [(["Maria Souza", "Ana Lima"], "2025-03-10")]
    assert not run("The minister presented the budget to parliament on Monday.", date="2025-03-12").events


def test_spoke_with_a_counterpart_is_the_call_the_headline_tells_of():
    x = run("Oman and Jordan review ties in phone call\n\n"
            "Oman's Foreign Minister Salim Harthi spoke with his Jordanian counterpart Omar Nsour on Sunday and "
            "reviewed relations between the two countries.", date="2025-02-11")
    calls = [e for e in x.events if e.type == "call"]
    assert [(e.participants, e.date) for e in calls] == [(["Salim Harthi", "Omar Nsour"], "2025-02-09")], \
        [(e.type, e.participants) for e in x.events]


def test_spoke_by_telephone_is_a_call_and_spoke_with_alone_a_meeting():
    x = run("Foreign Minister Salim Harthi of Oman spoke by telephone with Foreign Minister Omar Nsour of Jordan on "
            "Sunday.", date="2025-02-11")
    assert [e.type for e in x.events] == ["call"]
    x = run("Foreign Minister Salim Harthi of Oman spoke with Foreign Minister Omar Nsour of Jordan in Muscat on "
            "Sunday.", date="2025-02-11")
    assert [e.type for e in x.events] == ["meeting"]


def test_a_phone_call_the_parser_hangs_on_the_speaker_s_title_is_still_theirs():
    x = run("Karim Saleh, Secretary General of the Gulf Cooperation Council in a phone call with Omar Nsour "
            "congratulated him on his appointment as Foreign Minister of Jordan.", date="2025-02-11")
    calls = [e for e in x.events if e.type == "call"]
    assert [e.participants for e in calls] == [["Karim Saleh", "Omar Nsour"]], [(e.type, e.participants) for e in x.events]


def test_a_sentence_case_headline_on_the_first_line_and_courtesy_calls_to_two_leaders():
    x = run("Minister Ortiz to discuss trade and energy during her Peru visit\n"
            "Foreign Minister Ana Ortiz of Uruguay will be on a two-day visit to Peru from June 4. During her visit, "
            "Ortiz will pay a courtesy call to President Luis Quispe and Prime Minister Rosa Mendez.", date="2025-06-01")
    visits = [e for e in x.events if e.type == "visit"]
    assert [(v.date, v.status) for v in visits] == [("2025-06-04", "planned")], [(e.type, e.date) for e in x.events]
    calls = sorted(tuple(e.participants) for e in x.events if e.type == "meeting")
    assert calls == [("Ana Ortiz", "Luis Quispe"), ("Ana Ortiz", "Rosa Mendez")]


def test_a_visitor_the_parser_joins_to_a_fronted_invitation_is_still_the_visitor():
    x = run("At the invitation of His Excellency Paul Mbeki, President of the Republic of Namibia, Her Excellency "
            "Mrs. Grace Banda, President of the Republic of Malawi paid a one-day working visit to the Republic of "
            "Namibia on 13 March 2025.", date="2025-03-13")
    visits = [e for e in x.events if e.type == "visit"]
    assert [(v.participants, v.date) for v in visits] == [(["Grace Banda"], "2025-03-13")], \
        [(e.type, e.participants) for e in x.events]


def test_a_verbless_sentence_does_not_hang_the_reader():
    x = run("The Prime Minister's invitation to visit Korea in May, and the talks in Seoul.", date="2025-03-13")
    assert isinstance(x.events, list)


def test_what_the_subject_did_during_a_dinner_puts_them_at_the_dinner():
    x = run("Prime Minister Abel Tesfaye of Ethiopia presented art pieces to President John Okello of Uganda during a "
            "State Dinner at State House Entebbe on Thursday.", date="2025-03-14")
    dinners = [e for e in x.events if e.type == "ceremony"]
    assert [(d.participants, d.date) for d in dinners] == [(["Abel Tesfaye", "John Okello"], "2025-03-13")], \
        [(e.type, e.participants) for e in x.events]
