"""Sittings of standing bodies (joint commissions, consultations): told by the noun with a verb of taking
place, raised or not ("is expected to be held"), who led each side, and a season as its time."""

from __future__ import annotations

from briefing.extract.dates import find_dates
from tests.core._extract_helpers import run


def sittings(x):
    return [e for e in x.events if e.type == "conference"]


def test_a_session_expected_to_be_held_next_year_is_planned_for_that_year():
    x = run("Ghana and Côte d'Ivoire reviewed their trade ties in Accra on Monday. The 4th Session of the "
            "Joint Permanent Commission is expected to be held next year in Abidjan.", date="2025-03-12")
    planned = [e for e in sittings(x) if e.status == "planned"]
    assert [(e.date, e.evidence[0].text.startswith("The 4th Session")) for e in planned] == [("2026", True)]


def test_a_session_that_commenced_on_a_weekday_took_place_that_day():
    x = run("The 8th session of the Joint Commission between Chile and Bolivia commenced in Santiago on Tuesday, "
            "with officials reviewing trade, transport and water.", date="2025-05-08")
    assert [(e.status, e.date) for e in sittings(x)] == [("held", "2025-05-06")]


def test_the_heads_of_both_sides_told_after_a_session_are_its_participants():
    x = run("The 3rd session of the Chile-Bolivia Joint Commission was held in Santiago on 4 May 2025. The "
            "Chilean delegation was headed by Foreign Minister Alberto van Klaveren; the Bolivian side was led by "
            "Foreign Minister Celinda Sosa.", date="2025-05-06")
    [session] = sittings(x)
    assert session.date == "2025-05-04"
    assert set(session.participants) == {"Alberto van Klaveren", "Celinda Sosa"}


def test_delegates_listed_as_attending_do_not_widen_a_sitting_of_two_leaders():
    x = run("President Ana Soares of Angola and President Kofi Mensah of Ghana held official talks in Accra on "
            "Monday. The talks were attended, from the Ghanaian side, by Foreign Minister Samuel Okudzeto "
            "Ablakwa.", date="2025-03-12")
    talks = [e for e in x.events if e.type == "talks"]
    assert [set(e.participants) for e in talks] == [{"Ana Soares", "Kofi Mensah"}]


def test_a_delegation_led_to_a_capital_is_still_a_visit_not_a_sitting():
    x = run("The Joint Commission met in Lima on Monday. Foreign Minister Celinda Sosa led a delegation to Lima "
            "on Tuesday.", date="2025-03-12")
    assert all("Celinda Sosa" not in e.participants for e in sittings(x))


def test_a_summit_expected_in_the_autumn_is_dated_by_the_year_the_autumn_falls_in():
    x = run("The next trilateral summit of Chile, Peru and Ecuador is expected to take place in Quito in the "
            "autumn, a government spokesman said.", date="2025-06-09")
    assert [(e.status, e.date) for e in sittings(x)] == [("planned", "2025")]


def test_seasons_are_told_against_the_story_day():
    def year(text, planned, pub="2025-06-09"):
        return [m.value for m in find_dates(text, pub, planned=planned)]
    assert year("They will meet again next spring.", True) == ["2026"]
    assert year("The leaders met last winter in Oslo.", False) == ["2024"]
    assert year("The visit is planned for the spring.", True, pub="2025-11-20") == ["2026"]
    assert year("Talks held in autumn 2023 stalled.", False) == ["2023"]
    assert year("after the fall of the government", False) == []


def test_the_part_of_talks_scheduled_for_a_day_dates_the_talks():
    x = run("The official part of the talks between President Aleksandr Lukashenko of Belarus and President "
            "Emmerson Mnangagwa of Zimbabwe is scheduled for 31 January.", date="2023-01-30")
    assert [(e.type, e.status, e.date) for e in x.events] == [("talks", "planned", "2023-01-31")]


def test_talks_the_two_heads_of_state_will_hold_on_a_visit_are_planned():
    x = run("President Hassan Sheikh Mohamud of Somalia arrived in Asmara on Saturday for a two-day working "
            "visit at the invitation of President Isaias Afwerki of Eritrea. Information Minister Yemane "
            "Gebremeskel of Eritrea said the two Heads of State will discuss regional security.", date="2025-10-04")
    plans = [e for e in x.events if e.status == "planned" and e.type in {"meeting", "talks"}]
    assert [set(e.participants) for e in plans] == [{"Hassan Sheikh Mohamud", "Isaias Afwerki"}]


def test_a_signing_at_the_end_of_a_session_over_days_is_on_its_last_day():
    x = run("The 5th Session of the Chile-Bolivia Joint Commission was held in Santiago from 4 to 6 May 2025, "
            "co-chaired by Foreign Minister Alberto van Klaveren of Chile and Foreign Minister Celinda Sosa of "
            "Bolivia. At the end of the session, the two Ministers signed the Agreed Minutes.", date="2025-05-06")
    [signing] = [e for e in x.events if e.type == "signing"]
    assert signing.date == "2025-05-06"


def test_an_afghani_counterpart_is_of_afghanistan():
    x = run("Foreign Minister Faisal bin Farhan of Saudi Arabia held a meeting with his Afghani counterpart, "
            "Mohammad Hanif Atmar, in Riyadh on Thursday.", date="2021-01-21")
    assert any(p.name == "Mohammad Hanif Atmar" and p.country == "AF" for p in x.people)


def test_those_named_with_the_participation_of_a_ceremony_take_part_in_it():
    x = run("A ceremony marking the opening of the bridge will be held in Kazungula on Sunday with the "
            "participation of President Duma Boko of Botswana and President Hakainde Hichilema of Zambia.",
            date="2025-05-07")
    [ceremony] = [e for e in x.events if e.type == "ceremony"]
    assert (ceremony.status, ceremony.date) == ("planned", "2025-05-11")
    assert set(ceremony.participants) == {"Duma Boko", "Hakainde Hichilema"}


def test_an_inauguration_attended_is_a_ceremony_one_mentioned_is_not():
    x = run("President Cyril Ramaphosa of South Africa attended the inauguration of President Netumbo "
            "Nandi-Ndaitwah of Namibia in Windhoek on Friday. Since his inauguration in January, President "
            "Daniel Chapo of Mozambique has met Ramaphosa twice.", date="2025-03-22")
    ceremonies = [e for e in x.events if e.type == "ceremony"]
    assert [(e.date, "Cyril Ramaphosa" in e.participants) for e in ceremonies] == [("2025-03-21", True)]


def test_intergovernmental_consultations_are_a_sitting_of_the_two_governments():
    x = run("Chancellor Friedrich Merz of Germany and Prime Minister Giorgia Meloni of Italy agreed in Rome on "
            "Saturday to hold intergovernmental consultations in Germany next year.", date="2025-05-17")
    assert [(e.type, e.status, e.date) for e in x.events if e.status == "planned"] == [("conference", "planned", "2026")]


def test_a_council_to_be_held_under_the_co_chairmanship_of_two_leaders_is_theirs():
    x = run("The two sides agreed that the 3rd High-Level Cooperation Council will be held in Madrid next year, "
            "under the co-chairmanship of Prime Minister Pedro Sánchez of Spain and President Gabriel Boric of "
            "Chile.", date="2025-04-10")
    [council] = [e for e in x.events if e.type == "conference"]
    assert (council.status, council.date) == ("planned", "2026")
    assert set(council.participants) == {"Pedro Sánchez", "Gabriel Boric"}


def test_a_deal_concluded_with_a_regional_council_is_no_sitting():
    x = run("Trade Minister Douglas Alexander of the United Kingdom said in Muscat on Monday that London wants to "
            "conclude a free trade agreement with the Gulf Cooperation Council this year.", date="2025-05-13")
    assert [e for e in x.events if e.type == "conference"] == []


def test_the_two_countries_that_will_sign_agreements_are_the_two_sides_of_the_story():
    x = run("President Duma Boko of Botswana will be welcomed by President Cyril Ramaphosa of South Africa at the "
            "Union Buildings on Thursday. The two countries are anticipated to sign agreements on energy.",
            date="2025-06-10")
    signings = [e for e in x.events if e.type == "signing"]
    assert [(e.status, set(e.participants)) for e in signings] == [("planned", {"Duma Boko", "Cyril Ramaphosa"})]


def test_a_session_told_without_names_and_then_its_co_chairs_is_one_sitting():
    x = run("The 6th Session of the Chile-Bolivia Joint Commission was held in Santiago from 14 to 16 May 2025. The "
            "ministerial segment, which took place today at the Ministry of Foreign Affairs, was co-chaired by "
            "Foreign Minister Alberto van Klaveren of Chile and Foreign Minister Celinda Sosa of Bolivia.",
            date="2025-05-16")
    sittings = [e for e in x.events if e.type == "conference"]
    assert [(e.date, set(e.participants)) for e in sittings] == [("2025-05-14", {"Alberto van Klaveren", "Celinda Sosa"})]


def test_a_nameless_sitting_long_before_the_story_stays_its_own():
    x = run("The 5th Session of the Joint Commission was held in La Paz on 3 March 2023. The ministerial session, "
            "co-chaired by Foreign Minister Alberto van Klaveren of Chile and Foreign Minister Celinda Sosa of "
            "Bolivia, took place in Santiago today.", date="2025-05-16")
    assert sorted(e.date for e in x.events if e.type == "conference") == ["2023-03-03", "2025-05-16"]


def test_a_co_chair_welcoming_the_other_at_their_sitting_is_that_sitting():
    x = run("The 6th Session of the Chile-Bolivia Joint Commission was held in Santiago from 14 to 16 May 2025. The "
            "ministerial segment, which took place today at the Ministry of Foreign Affairs, was co-chaired by "
            "Foreign Minister Alberto van Klaveren of Chile and Foreign Minister Celinda Sosa of Bolivia. In his "
            "opening remarks, Minister van Klaveren welcomed his Bolivian counterpart.", date="2025-05-16")
    assert [(e.type, set(e.participants)) for e in x.events] == [
        ("conference", {"Alberto van Klaveren", "Celinda Sosa"})]


def test_co_chairs_each_with_a_title_after_their_name_are_both_read():
    x = run("The 5th Meeting of the Joint Commission of Thailand and Vietnam was co-chaired by Maris "
            "Sangiampongsa, Minister of Foreign Affairs of Thailand and Bui Thanh Son, Minister of Foreign Affairs "
            "of Vietnam, in Hanoi on Tuesday.", date="2025-04-09")
    [sitting] = [e for e in x.events if e.type == "conference"]
    assert {"Maris Sangiampongsa", "Bui Thanh Son"} <= set(sitting.participants)


def test_a_sitting_named_in_the_headline_and_dated_in_the_lede_is_one_item():
    x = run("3rd Session of the Ghana-Togo Permanent Joint Commission held in Lomé\n\n"
            "The 3rd Session of the Ghana-Togo Permanent Joint Commission for Cooperation was held on 14 May 2025 "
            "in Lomé. The session was co-chaired by Foreign Minister Samuel Okudzeto Ablakwa of Ghana and Foreign "
            "Minister Robert Dussey of Togo.", date="2025-05-16")
    sittings = [e for e in x.events if e.type == "conference"]
    assert len(sittings) == 1 and sittings[0].date == "2025-05-14"


def test_envoys_accredited_told_first_by_number_then_by_name_are_one_ceremony():
    x = run("President Hakainde Hichilema of Zambia on Thursday accredited three new ambassadors at State House in "
            "Lusaka. The President received the credentials of the new ambassadors of Ghana, Kwame Asante, Brazil, "
            "Ana Ribeiro, and Japan, Kenji Sato. On Wednesday, President Hichilema also accredited the ambassadors "
            "of Egypt, Omar Farid, and Kenya, Grace Wanjiru.", date="2025-05-16")
    ceremonies = sorted((e.date, frozenset(e.participants)) for e in x.events if e.type == "ceremony")
    assert ceremonies == [
        ("2025-05-14", frozenset({"Hakainde Hichilema", "Omar Farid", "Grace Wanjiru"})),
        ("2025-05-15", frozenset({"Hakainde Hichilema", "Kwame Asante", "Ana Ribeiro", "Kenji Sato"})),
    ]
    assert not any(e.type == "ceremony" for e in run("The newly accredited Ambassador of Chile, Ana Ruiz, called on "
                                                     "Foreign Minister Bui Thanh Son of Vietnam on Monday.",
                                                     date="2025-05-16").events)


def test_a_binational_cabinet_headline_and_the_governments_holding_it_are_one_sitting_with_both_presiding():
    x = run("1st Peru-Chile Binational Cabinet kicks off in Lima\n\n"
            "The Governments of Peru and Chile on Friday hold the 1st Peru-Chile Binational Cabinet. The activity "
            "began with an opening ceremony presided over by Peruvian Head of State Dina Boluarte and Chilean "
            "counterpart Gabriel Boric at the Government Palace.", date="2024-11-29")
    assert len([e for e in x.events if e.type == "conference"]) == 1
    [ceremony] = [e for e in x.events if e.type == "ceremony"]
    assert set(ceremony.participants) == {"Dina Boluarte", "Gabriel Boric"}
