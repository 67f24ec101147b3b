"""Event dates: the event's own clause wins over the publication date and the dateline; an undated happening
takes the day of the story told around it; a visit's date is its first day."""

from __future__ import annotations

from tests.core._extract_helpers import run


def of_type(x, *types):
    return [e for e in x.events if e.type in types]


def test_a_dateline_is_the_filing_day_not_the_event_day():
    x = run("LUSAKA, 16 MAY (ZANIS) - President Ana Soares of Angola and President Kofi Mensah of Ghana held a "
            "30-minute phone conversation on Wednesday.", date="2025-05-16")
    call = of_type(x, "call")[0]
    assert call.date == "2025-05-14" and set(call.participants) == {"Ana Soares", "Kofi Mensah"}


def test_an_undated_happening_takes_the_day_of_the_story_not_the_publication_date():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana held talks in Accra yesterday. "
            "The two leaders later witnessed the signing of four memoranda of understanding.", date="2025-05-16")
    signing = of_type(x, "signing")[0]
    assert signing.date == "2025-05-15"


def test_an_undated_visit_began_no_later_than_its_first_meeting():
    x = run("President Ana Soares of Angola, who is on a three-day state visit to Ghana, met President Kofi Mensah "
            "of Ghana on Tuesday. On Wednesday she addressed the Parliament of Ghana.", date="2025-05-16")
    visit = of_type(x, "visit")[0]
    assert visit.participants == ["Ana Soares"] and visit.date == "2025-05-13"


def test_a_visit_concluded_today_began_as_many_days_before_as_it_lasted():
    x = run("Foreign Minister Lena Varga of Hungary concluded her three-day official visit to Chile today.",
            date="2025-08-18")
    assert [(e.type, e.date) for e in x.events] == [("visit", "2025-08-16")]


def test_the_second_day_of_a_visit_dates_the_visit_from_the_day_before():
    x = run("Prime Minister Lena Varga of Hungary met President Tomas Rojas of Chile on Thursday, on the second day "
            "of Varga's visit to Chile.", date="2025-08-18")
    assert of_type(x, "visit")[0].date == "2025-08-13"
    assert of_type(x, "meeting")[0].date == "2025-08-14"


def test_a_programme_for_the_years_it_covers_is_not_dated_by_them():
    x = run("Foreign Minister Lena Varga of Hungary and Foreign Minister Tomas Rojas of Chile met in Santiago on "
            "Monday. Varga and Rojas signed the cultural exchange programme for the years 2025-2027.",
            date="2025-02-12")
    signing = of_type(x, "signing")[0]
    assert signing.date == "2025-02-10"


def test_a_present_tense_trip_with_a_day_is_a_plan_dated_forwards():
    x = run("Prime Minister Lena Varga of Hungary met President Tomas Rojas of Chile in Santiago on Thursday. "
            "Varga continues to Lima on Friday, where she will meet President Rosa Diaz of Peru.", date="2025-03-27")
    trips = [e for e in of_type(x, "visit") if e.location == "Lima"]
    assert [(e.status, e.date) for e in trips] == [("planned", "2025-03-28")]
    assert [e.date for e in of_type(x, "meeting") if "Rosa Diaz" in e.participants] == ["2025-03-28"]


def test_a_happening_timed_by_an_earlier_one_takes_its_day():
    x = run("Foreign Minister Ana Soares of Angola held talks today in Accra with Foreign Minister Kofi Mensah of "
            "Ghana. Soares arrived in Accra yesterday evening with a delegation of officials. At the end of the "
            "talks, the two ministers signed a memorandum on fisheries.", date="2025-05-16")
    signing = of_type(x, "signing")[0]
    assert signing.date == "2025-05-16"


def test_a_backstory_of_other_people_does_not_date_what_follows():
    x = run("President Ana Soares of Angola yesterday hosted President Kofi Mensah of Ghana at the State House. "
            "The summit was preceded on Monday by a ministerial session co-chaired by Foreign Minister Rui Costa "
            "of Angola and Foreign Minister Ama Owusu of Ghana. "
            "In the evening, President Soares hosted a state banquet in honour of President Mensah.",
            date="2025-05-16")
    banquet = of_type(x, "ceremony")[0]
    assert banquet.date == "2025-05-15"


def test_an_arrival_told_after_the_visit_dates_the_visit():
    x = run("Prime Minister Ana Soares of Angola and Prime Minister Kofi Mensah of Ghana met in Accra on Thursday, "
            "on the first day of Soares's visit to Ghana. Soares arrived on Wednesday evening.", date="2025-05-16")
    visit = of_type(x, "visit")[0]
    assert visit.participants == ["Ana Soares"] and visit.date == "2025-05-14"


def test_an_ongoing_visit_began_with_the_first_thing_the_visitor_did_on_it():
    x = run("President Ana Soares of Angola, who is on a two-day state visit to Ghana, addressed the Parliament of "
            "Ghana today. On Thursday, shortly after landing, Soares laid a wreath at the Independence Arch.",
            date="2025-05-16")
    visit = of_type(x, "visit")[0]
    assert visit.date == "2025-05-15"


def test_a_leg_of_a_tour_keeps_its_own_day():
    x = run("President Ana Soares of Angola met President Kofi Mensah of Ghana in Accra on Saturday. "
            "Soares flew on to Lome on Sunday.", date="2025-05-19")
    legs = [e for e in of_type(x, "visit") if e.location and "Lome" in e.location]
    assert [e.date for e in legs] == ["2025-05-18"]


def test_an_undated_plan_is_part_of_the_programme_day_told_before_it():
    x = run("President Ana Soares of Angola is scheduled to arrive in Accra on Wednesday morning. "
            "In the evening, President Kofi Mensah of Ghana will host Soares for a state dinner.", date="2025-05-19")
    dinner = of_type(x, "ceremony")[0]
    assert (dinner.status, dinner.date) == ("planned", "2025-05-21")


def test_a_plan_in_the_opening_lines_does_not_date_what_was_held():
    x = run("President Ana Soares of Angola has arrived in Ghana for a visit that will include talks on trade. "
            "Soares is scheduled to address the Parliament of Ghana on Wednesday morning.", date="2025-05-19")
    visit = [e for e in of_type(x, "visit") if e.status == "held"][0]
    assert visit.date == "2025-05-19"


def test_a_meeting_in_a_when_clause_of_a_plan_is_planned():
    x = run("President Ana Soares of Angola will sign the accord when she meets President Kofi Mensah of Ghana.",
            date="2025-05-19")
    meeting = of_type(x, "meeting")[0]
    assert meeting.status == "planned"
    x = run("President Ana Soares of Angola signed the accord when she met President Kofi Mensah of Ghana on Monday.",
            date="2025-05-19")
    assert of_type(x, "meeting")[0].status == "held"


def test_an_after_clause_is_backstory_and_dates_nothing_after_it():
    x = run("Prime Minister Imran Aziz of Pakistan arrived in Riyadh earlier today on an official visit, after "
            "taking part in the regional summit held in Doha on Monday. Crown Prince Khalid Al Rashid of Saudi "
            "Arabia later hosted a state banquet in honour of Prime Minister Aziz.", date="2025-09-17")
    banquet = of_type(x, "ceremony")[0]
    assert banquet.date == "2025-09-17"


def test_last_night_is_the_day_before_publication():
    x = run("President Ana Soares of Angola last night hosted President Kofi Mensah of Ghana at a working dinner.",
            date="2025-05-16")
    assert [e.date for e in x.events] == ["2025-05-15"]


def test_a_sitting_that_concluded_is_of_those_who_co_chaired_it():
    x = run("The 9th session of the Angola-Ghana Joint Commission concluded in Accra on Friday, co-chaired by "
            "Foreign Minister Ana Soares of Angola and Foreign Minister Kofi Mensah of Ghana.", date="2025-05-17")
    assert [sorted(e.participants) for e in of_type(x, "conference")] == [["Ana Soares", "Kofi Mensah"]]


def test_a_month_named_against_this_year_dates_an_earlier_meeting():
    x = run("Foreign Minister Lena Varga of Hungary held talks with Foreign Minister Tomas Ruiz of Chile in "
            "Santiago on Thursday. Varga had first met Ruiz in Geneva last October.", date="2025-04-11")
    dates = sorted(e.date for e in of_type(x, "meeting", "talks"))
    assert dates == ["2024-10", "2025-04-10"]


def test_since_tells_when_a_gap_began_not_when_anything_happened():
    x = run("Foreign Minister Lena Varga of Hungary and Foreign Minister Tomas Ruiz of Chile held their first "
            "talks since October in Santiago after attending a regional forum.", date="2025-04-11")
    assert x.events and all(e.date != "2024-10" for e in x.events)


def test_the_previous_day_and_a_day_earlier_count_back_from_the_story_day():
    lede = "Foreign Minister Sara Lind of Norway met her Uruguayan counterpart Pablo Ferreira in Montevideo on Wednesday.\n\n"
    x = run(lede + "Lind had met President Marta Ortiz the previous day at the Executive Tower.", date="2025-03-13")
    meeting = [e for e in of_type(x, "meeting") if "Marta Ortiz" in e.participants][0]
    assert meeting.date == "2025-03-11"
    x = run(lede + "The two ministers had spoken by telephone a day earlier.", date="2025-03-13")
    call = of_type(x, "call")[0]
    assert call.date == "2025-03-11" and set(call.participants) == {"Sara Lind", "Pablo Ferreira"}


def test_days_later_counts_forward_and_a_longer_phrase_is_no_shift():
    lede = "Foreign Minister Sara Lind of Norway met her Uruguayan counterpart Pablo Ferreira in Montevideo on Monday.\n\n"
    x = run(lede + "Two days later, Lind held talks with President Marta Ortiz.", date="2025-03-13")
    assert [e.date for e in x.events if "Marta Ortiz" in e.participants] == ["2025-03-12"]
    x = run(lede + "Lind met President Marta Ortiz two days after the opening of the trade fair.", date="2025-03-13")
    assert [e.date for e in x.events if "Marta Ortiz" in e.participants] == ["2025-03-10"]


def test_a_range_across_two_months_written_month_first_dates_a_plan_from_its_first_day():
    x = run("Prime Minister Lena Holm of Denmark will pay an official visit to Chile from October 30 to November 2, "
            "the foreign ministry announced on Monday.", date="2025-10-20")
    visit = of_type(x, "visit")[0]
    assert (visit.status, visit.date, visit.date_end) == ("planned", "2025-10-30", "2025-11-02")


def test_a_visit_made_to_hold_talks_keeps_its_dates_and_the_talks_share_them():
    x = run("Foreign Minister Lena Holm of Denmark will pay an official visit to Chile from 5 to 6 May to hold "
            "talks with Chilean Foreign Minister Pablo Rojas, the ministry said.", date="2025-04-28")
    assert [(e.type, e.date) for e in x.events if e.type in {"visit", "talks"}] == [
        ("visit", "2025-05-05"), ("talks", "2025-05-05")]


def test_countries_that_will_hold_a_session_of_their_commission_plan_a_sitting():
    x = run("Peru and Bolivia will hold the ninth session of their Joint Commission in Lima from 4 to 6 May.",
            date="2025-03-13")
    assert [(e.type, e.status, e.date, e.date_end) for e in x.events] == [
        ("conference", "planned", "2025-05-04", "2025-05-06")]


def test_an_undated_meeting_after_a_backstory_takes_the_storys_day_not_the_backstorys():
    x = run("New York, September 26 : Foreign Minister Yvan Gil of Venezuela held a meeting with his Russian "
            "counterpart Sergey Lavrov on the sidelines of the UN General Assembly in New York. It was their second "
            "meeting within a month. Gil and Lavrov held a meeting on the sidelines of the BRICS ministerial "
            "meeting in Nizhny Novgorod on September 9. Gil also held a meeting with the Brazilian minister and "
            "discussed energy cooperation.", date="2024-09-26")
    [alone] = [e for e in x.events if e.participants == ["Yvan Gil"]]
    assert alone.date == "2024-09-26"
    with_lavrov = sorted(e.date for e in x.events if "Sergey Lavrov" in e.participants)
    assert with_lavrov == ["2024-09-09", "2024-09-26"]  # the story's meeting and the earlier one stay two


def test_a_visit_told_by_the_departure_that_ended_it_began_as_many_days_before():
    x = run("President Ram Nath Kovind of India departed Jamaica on Wednesday (May 18), following an extensive "
            "four-day State visit.", date="2022-05-19")
    assert [(e.type, e.participants, e.date) for e in x.events] == [("visit", ["Ram Nath Kovind"], "2022-05-15")]


def test_a_meeting_of_the_story_is_not_merged_into_the_pairs_meeting_months_before():
    x = run("La Paz, Tuesday 9 April 2024\n\nPresident Arce receives Peruvian counterpart Dina Boluarte in the Casa "
            "Grande\n\nThe President of the Plurinational State of Bolivia, Luis Arce Catacora, received this Tuesday "
            "in the Casa Grande del Pueblo his Peruvian counterpart, Dina Boluarte Zegarra, who arrived in La Paz in "
            "the morning for a working visit of one day.\n\nIt is recalled that the two leaders met for the last "
            "time in November 2023, in Lima.", date="2024-04-09")
    dates = sorted(e.date for e in x.events if e.type in {"meeting", "talks"})
    assert dates == ["2023-11", "2024-04-09"]


def test_the_day_of_the_statement_reporting_a_visit_is_not_the_visits():
    x = run("Turkey's foreign minister Hakan Fidan will pay an official visit to Pakistan, according to an official "
            "statement on Monday. According to the statement, Fidan's visit will take place on Jan. 13-14.",
            date="2025-01-06")
    assert [(e.type, e.status, e.date) for e in x.events] == [("visit", "planned", "2025-01-13")]


def test_what_a_visit_told_before_comes_before_is_no_second_visit():
    x = run("Foreign Minister Bui Thanh Son of Vietnam will be in Laos for an official two-day visit from February "
            "12 to 13. His visit comes just a few weeks before the regional summit.", date="2025-02-10")
    assert [(e.type, e.status) for e in x.events] == [("visit", "planned")]


def test_a_scheduled_luncheon_told_in_the_past_was_held_an_upcoming_visit_announced_is_planned():
    x = run("President Prabowo Subianto of Indonesia landed in Kuala Lumpur on Thursday. He later headed to the "
            "cultural centre, greeted by Prime Minister Anwar Ibrahim of Malaysia for both leaders' scheduled "
            "luncheon. The spokesman announced the upcoming visit of Anwar to Jakarta.", date="2025-01-10")
    statuses = {e.type: e.status for e in x.events if e.type in {"ceremony", "visit"} and "Anwar Ibrahim" in e.participants}
    assert statuses == {"ceremony": "held", "visit": "planned"}


def test_a_visit_is_dated_by_its_own_clause_before_a_where_clause_told_after_it():
    x = run("Foreign Minister Retno Marsudi of Indonesia paid a working visit to Canberra on 3-4 February, where she "
            "attended the Indonesia-Australia ministerial meeting.", date="2025-05-14")
    assert [(e.type, e.date) for e in x.events if e.type == "visit"] == [("visit", "2025-02-03")]


def test_earlier_in_the_day_is_the_day_the_story_tells_not_the_publication_day():
    x = run("Foreign Minister Sugiono of Indonesia and Foreign Minister Mohamad Hasan of Malaysia co-chaired the "
            "Joint Commission in Kuala Lumpur on Friday. Earlier in the day, Sugiono paid a courtesy call on Prime "
            "Minister Anwar Ibrahim of Malaysia.", date="2025-05-18")
    [call] = [e for e in x.events if "Anwar Ibrahim" in e.participants]
    assert call.date == "2025-05-16"


def test_a_wreath_to_be_laid_is_a_planned_ceremony():
    x = run("Prime Minister Paetongtarn Shinawatra of Thailand will pay a courtesy call on Senate President Hun Sen "
            "of Cambodia on 12 March and lay a wreath at the Independence Monument.", date="2025-03-05")
    assert [(e.type, e.status, e.participants) for e in x.events if e.type == "ceremony"] == [
        ("ceremony", "planned", ["Paetongtarn Shinawatra"])]


def test_meetings_planned_on_a_trip_take_the_trips_time():
    x = run("Foreign Minister Winston Peters of New Zealand will travel to the Cook Islands and Tonga next week, his "
            "office announced on Friday. In Rarotonga, Peters will meet Prime Minister Mark Brown of the Cook "
            "Islands.", date="2025-06-20")
    assert [(e.type, e.date) for e in x.events if e.status == "planned"] == [("visit", "2025-06"), ("meeting", "2025-06")]


def test_a_summit_a_trip_goes_to_is_its_own_event_and_the_trip_begins_with_it():
    x = run("President Cyril Ramaphosa of South Africa will visit Egypt from August 27 to 28, before travelling to "
            "China for the SCO summit in Tianjin on August 31 and September 1, the presidency said on Friday.",
            date="2025-08-22")
    got = sorted((e.type, e.date) for e in x.events)
    assert ("conference", "2025-08-31") in got and ("visit", "2025-08-31") in got and ("visit", "2025-08-27") in got


def test_an_arrival_told_in_the_past_keeps_its_day_and_the_summit_it_came_for_keeps_its_own():
    x = run("Prime Minister Christopher Luxon of New Zealand arrived in Kuala Lumpur on Saturday to attend the "
            "ASEAN summit from October 26 to 28.", date="2025-10-25")
    [visit] = [e for e in x.events if e.type == "visit"]
    [summit] = [e for e in x.events if e.type == "conference"]
    assert (visit.status, visit.date) == ("held", "2025-10-25")
    assert (summit.status, summit.date) == ("planned", "2025-10-26")


def test_a_caption_of_a_picture_from_another_year_tells_no_event():
    x = run("Saudi Crown Prince Mohammed bin Salman receives a call from Prime Minister Keir Starmer\n\n"
            "A handout picture provided by the Royal Court shows Crown Prince Mohammed bin Salman chairing the Gulf "
            "summit in Riyadh on December 3, 2024. (AFP)\n\n"
            "President Emmanuel Macron of France signs the guest book at the Élysée Palace on May 15, 2023.\n\n"
            "Crown Prince Mohammed bin Salman received a phone call on Friday from Prime Minister Keir Starmer of "
            "the United Kingdom.", date="2025-06-14")
    assert [(e.type, e.date) for e in x.events] == [("call", "2025-06-13")]


def test_a_trip_told_as_backstory_is_not_the_trip_under_way():
    x = run("Foreign Minister Penny Wong of Australia is visiting the Pacific this week. She will meet Prime "
            "Minister Sitiveni Rabuka of Fiji in Suva. Wong last visited the Pacific in August 2024.",
            date="2025-05-20")
    dates = sorted(e.date or "" for e in x.events if e.type == "visit")
    assert "2024-08" in dates and any(d.startswith("2025-05") for d in dates)


def test_a_deadline_is_not_the_day_a_document_was_signed():
    x = run("Foreign Minister Maris Sangiampongsa of Thailand visited Vientiane on Thursday and met Foreign Minister "
            "Thongsavanh Phomvihane of Laos. On this occasion, the two ministers signed a protocol on the completion of the "
            "border road by the end of the year.", date="2025-07-11")
    [signing] = [e for e in x.events if e.type == "signing"]
    assert signing.date == "2025-07-10"


def test_the_hon_minister_of_a_release_is_the_minister_it_names_first():
    x = run("Hon. Dr. Arzu Rana Deuba, Minister for Foreign Affairs of Nepal, concluded her official visit to India "
            "today. On 17 August, the Hon. Minister held talks with her Indian counterpart, Dr. S. Jaishankar, "
            "External Affairs Minister of India. This morning, the Hon. Minister met Shri Piyush Goyal, Minister of "
            "Commerce and Industry of India.", date="2025-08-18")
    pairs = [set(e.participants) for e in x.events if e.type in {"meeting", "talks"}]
    assert {"Arzu Rana Deuba", "Piyush Goyal"} in pairs


def test_the_results_of_a_past_visit_are_not_a_plan_and_a_caption_s_full_date_is_no_plan():
    x = run("Foreign Minister Wang Yi of China met Secretary of State Antony Blinken of the United States in Beijing "
            "on Wednesday. Wang urged the two sides to implement the results of President Xi Jinping's state visit "
            "to the United States in November.\n\nForeign Minister Wang Yi (R) meets with Foreign Minister Penny "
            "Wong of Australia in Vientiane, Laos, on July 26, 2024.", date="2024-07-26")
    [state_visit] = [e for e in x.events if e.type == "visit" and e.participants == ["Xi Jinping"]]
    assert (state_visit.status, state_visit.date) == ("held", "2023-11")
    wong = [e for e in x.events if "Penny Wong" in e.participants]
    assert [(e.status, e.date) for e in wong] == [("held", "2024-07-26")]


def test_the_meetings_a_past_trip_included_take_its_day_and_another_thing_s_day_is_not_the_event_s():
    x = run("President Xi Jinping of China made a visit to Myanmar on January 17-18, 2020. President Xi Jinping's "
            "visit included meetings with President Win Myint of Myanmar and State Counsellor Aung San Suu Kyi. "
            "Ahead of the November 3 election in the United States, Secretary of State Mike Pompeo of the United "
            "States held talks with External Affairs Minister S Jaishankar of India in New Delhi.",
            date="2020-02-10")
    assert {e.date for e in x.events if e.type == "meeting"} == {"2020-01-17"}
    [talks] = [e for e in x.events if e.type == "talks"]
    assert talks.date != "2020-11-03"


def test_an_unbracketed_agency_name_ends_a_dateline_whose_day_is_the_filing_day():
    from briefing.extract.events.timing import dateline

    text = "Lomé, June 14, GNA - President John Dramani Mahama and his host agreed to reopen the border posts."
    start = text.index("June")
    assert dateline(text, start, start + len("June 14"))
    text = "Lomé, June 14, the two presidents agreed to reopen the border posts."
    assert not dateline(text, start, start + len("June 14"))


def test_a_related_story_line_followed_by_a_blank_line_tells_no_event():
    x = run("President Abdelmadjid Tebboune met Prime Minister Giorgia Meloni in Rome on Wednesday.\n\nREAD ALSO: "
            "Algiers hosts an Algerian-Italian business forum on agri-food\n\nThe two leaders also discussed trade.",
            date="2025-07-24")
    assert [e.type for e in x.events] == ["meeting"]


def test_an_infinitive_relative_on_the_summits_of_phrase_gives_the_summit_its_day():
    x = run('President Shavkat Mirziyoyev met Prime Minister Sanae Takaichi on Thursday. He is scheduled to attend '
            'the first summit of the "Central Asia plus Japan" dialogue, to be chaired by Takaichi in Tokyo on '
            'Saturday, along with the leaders of Kazakhstan.', date="2025-12-19")
    summits = [e for e in x.events if e.type == "conference"]
    assert [(e.status, e.date) for e in summits] == [("planned", "2025-12-20")]
