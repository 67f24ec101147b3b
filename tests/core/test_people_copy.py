"""People as agency copy and government releases write them (issue 10): given names that are also titles,
title words after the head, agency names and datelines before a title, styles between title and name. Every
sentence here is ours."""

from __future__ import annotations

from types import SimpleNamespace

from briefing.extract.nlp import get_nlp
from briefing.extract.people import find_people
from briefing.extract.runner import _make_doc
from tests.core._extract_helpers import source


def run(text: str, date: str | None = "2024-06-12") -> SimpleNamespace:
    """The people component's records for a text, whether or not the text holds an event."""
    nlp = get_nlp()
    with nlp.select_pipes(disable=["bb_assemble"]):
        doc = nlp(_make_doc(nlp, source(text, date), text))
    return SimpleNamespace(people=find_people(doc))


def names(x: SimpleNamespace) -> list[str]:
    return [p.name for p in x.people]


def person(x: SimpleNamespace, name: str):
    found = [p for p in x.people if p.name == name]
    assert found, f"no person {name!r} in {names(x)}"
    return found[0]


def test_designate_and_elect_after_the_head_belong_to_the_title():
    x = run("In Windhoek, the new High Commissioner Designate of Australia to Namibia, Ms Helen Carver, called "
            "on the Foreign Minister on Tuesday.")
    assert "Designate" not in names(x)
    p = person(x, "Helen Carver")
    assert p.title == "High Commissioner Designate"
    assert p.country == "AU"
    x = run("The Ambassador-Designate of Kuwait to Chile, Faisal Omar Al Rashid, joined the talks. "
            "President-elect Ana Ferreira of Uruguay met Ambassador Designate Lars Holm of Norway.")
    assert person(x, "Faisal Omar Al Rashid").title == "Ambassador-Designate"
    assert person(x, "Ana Ferreira").title == "President-elect"
    assert person(x, "Lars Holm").title == "Ambassador Designate"
    assert not any("Designate" in n or "elect" in n for n in names(x))


def test_a_given_name_that_is_also_a_title_stays_in_the_name():
    x = run("Qatar's Minister of State for Foreign Affairs HE Sultan bin Khalid Al Attiyah held talks on Monday "
            "with the Ambassador of Ecuador.")
    p = person(x, "Sultan bin Khalid Al Attiyah")
    assert p.title == "Minister of State for Foreign Affairs"
    x = run("The Uzbek minister spoke by phone with his Afghan counterpart, Amir Khan Rahimi, on Sunday.")
    assert "Amir Khan Rahimi" in names(x)
    assert "Khan Rahimi" not in names(x)


def test_a_ruler_title_before_a_name_with_bin_is_still_the_title():
    x = run("Emir Tamim bin Hamad Al Thani received Sultan Haitham bin Tarik in Doha on Monday.")
    assert person(x, "Tamim bin Hamad Al Thani").title == "Emir"
    assert person(x, "Haitham bin Tarik").title == "Sultan"


def test_an_agency_name_after_the_dateline_is_no_part_of_the_title():
    x = run("TASHKENT. UZDAILY Foreign Minister Dilnoza Karimova held talks today with her Kyrgyz counterpart "
            "Aibek Sydykov.")
    assert person(x, "Dilnoza Karimova").title == "Foreign Minister"
    assert "UZDAILY" not in (person(x, "Aibek Sydykov").title or "")


def test_portfolio_words_stay_out_of_the_name():
    x = run("Minister of State for Military Production Hassan Omar Fathy held talks with a Serbian delegation "
            "in Cairo. Minister of Irrigation Salma Idris Bakheet received the Dutch envoy.")
    assert person(x, "Hassan Omar Fathy").title == "Minister of State for Military Production"
    assert person(x, "Salma Idris Bakheet").title == "Minister of Irrigation"


def test_a_title_before_the_next_name_in_a_list_is_that_name_s():
    x = run("Present at the talks were Prime Minister Lina Havili, Foreign Minister Sione Vea and Trade Minister "
            "Mele Taufa.")
    assert person(x, "Lina Havili").title == "Prime Minister"
    assert person(x, "Sione Vea").title == "Foreign Minister"
    assert person(x, "Mele Taufa").title == "Trade Minister"


def test_a_hyphened_word_before_the_head_is_part_of_the_title():
    x = run("The Non-Resident High Commissioner of Grenada, Ms Joan Baptiste, called on the Minister in Suva.")
    assert person(x, "Joan Baptiste").title == "Non-Resident High Commissioner"


def test_styles_between_the_office_and_the_name_are_cut_and_the_office_kept():
    x = run("Governor General Her Excellency Dame Marian Cato on Thursday received the credentials of the "
            "Ambassador of Brazil.")
    assert person(x, "Marian Cato").title == "Governor General"
    x = run("The Governor-General, His Excellency the Most Hon. Sir Everton Reid, received the new envoys at "
            "the official residence.")
    assert person(x, "Everton Reid").title == "Governor-General"


def test_an_office_and_a_palace_are_not_persons():
    x = run("The Opposition Leader, Ruel Barton, met the visiting Chilean delegation. The Leader of the "
            "Opposition, Kezia Morant, also attended.")
    assert person(x, "Ruel Barton").title == "Opposition Leader"
    assert person(x, "Kezia Morant").title == "Leader of the Opposition"
    assert not any("Leader" in n for n in names(x))
    x = run("The President received the Ambassador of Chile at Rashtrapati Bhavan on Monday, and the Sultan "
            "hosted the visiting minister at Istana Nurul Iman.")
    assert not any("Bhavan" in n or "Istana" in n for n in names(x))


def test_a_counterpart_shares_the_office_the_two_met_in():
    x = run("Deputy Prime Minister and Foreign Minister Aibek Dzhumaliev met his Georgian counterpart Nino "
            "Beridze in Tbilisi on Friday.")
    assert person(x, "Aibek Dzhumaliev").title == "Deputy Prime Minister and Foreign Minister"
    assert person(x, "Nino Beridze").title == "Foreign Minister"


def test_a_modifier_before_the_head_after_the_name_and_church_styles():
    x = run("The Thai side was led by Somsak Wongsa, Deputy Permanent Secretary, Ministry of Foreign Affairs.")
    assert (person(x, "Somsak Wongsa").title or "").startswith("Deputy Permanent Secretary")
    x = run("Cardinal Pietro Zanetti met the Foreign Minister of Paraguay in Asuncion on Monday.")
    assert "Pietro Zanetti" in names(x)


def test_a_father_s_name_that_is_a_style_stays_in_the_name():
    x = run("The talks were attended by Dr. Rashid Omar bin Sultan Al Hameli, Ambassador of the UAE to Peru.")
    assert "Rashid Omar bin Sultan Al Hameli" in names(x)


def test_a_title_right_after_a_styled_name_and_postnominals_before_it():
    x = run("Hon. Joseph Okello Minister of State for Foreign Affairs received the Tunisian Ambassador on Monday.")
    assert person(x, "Joseph Okello").title == "Minister of State for Foreign Affairs"
    x = run("Her Excellency, the Most Honourable Dame Beverley Knowles, ON, GCMG, Governor General of the "
            "Bahamas, received the envoy of Malawi.")
    assert person(x, "Beverley Knowles").title == "Governor General"


def test_a_counterpart_written_in_capitals_is_no_person():
    x = run("Tuvalu Prime Minister Hon. Enele Tafua held talks with his Nauru Counterpart, Mr Lionel Adeang, "
            "in Yaren on Monday.")
    assert not any("Counterpart" in n for n in names(x))
    assert person(x, "Lionel Adeang").title == "Prime Minister"


def test_military_ranks_are_styles_and_a_portfolio_before_a_lowercase_head_is_in_the_title():
    x = run("Thai Deputy Defence Minister Lieut. Gen. Somchai Prasert hosted a reception for the Cuban envoy.")
    assert "Somchai Prasert" in names(x)
    assert not any(n.startswith("Lieut") for n in names(x))
    x = run("Malawian Foreign Affairs minister Nancy Tembo was received by the President of Botswana.")
    assert person(x, "Nancy Tembo").title == "Foreign Affairs minister"


def test_each_listed_counterpart_shares_the_office_and_a_nuncio_is_an_office():
    x = run("Ecuador's Foreign Minister Gabriela Sommerfeld met with her counterparts Penny Wong of Australia and "
            "Winston Peters of New Zealand.")
    assert person(x, "Penny Wong").title == "Foreign Minister"
    assert person(x, "Winston Peters").title == "Foreign Minister"
    x = run("The minister also met Apostolic Nuncio to Chile Monsignor Kurt Lehner on Tuesday.")
    assert "Apostolic Nuncio" not in names(x)
    assert person(x, "Kurt Lehner").title == "Apostolic Nuncio"


def test_a_portfolio_in_brackets_after_each_name_gives_each_his_own_title():
    x = run("The lunch was attended by Chilean Ministers Ana Lya Uriarte (Foreign Affairs), Mario Marcel "
            "(Finance) and Diego Pardow (Energy).")
    assert person(x, "Mario Marcel").title == "Minister of Finance"
    assert person(x, "Diego Pardow").title == "Minister of Energy"
    assert person(x, "Diego Pardow").country == "CL"


def test_a_ruler_s_title_right_after_an_office_is_a_given_name():
    x = run("Kuwaiti Ambassador Sultan Al Rashidi met the Minister of State for Foreign Affairs Sultan Al Habsi "
            "in Muscat on Monday.")
    assert person(x, "Sultan Al Rashidi").title == "Ambassador"
    assert person(x, "Sultan Al Habsi").title == "Minister of State for Foreign Affairs"
    x = run("Deputy Amir Sheikh Abdullah bin Hamad Al Thani received the Ambassador of Chile.")
    assert person(x, "Abdullah bin Hamad Al Thani").title == "Deputy Amir"


def test_a_country_with_a_style_in_its_name_and_a_styled_place_are_no_people():
    x = run("The President recalled Sri Lanka's deep Buddhist links with Thailand. The minister will pay homage at "
            "the Sri Dalada Maligawa in Kandy.", date="2025-10-16")
    assert [p.name for p in x.people] == []
