"""People: the name alone, the title, the country, every form the text uses; not bylines or analysts."""

from __future__ import annotations

from tests.core._extract_helpers import person, run

GULF = (
    "ABU DHABI – His Highness Sheikh Hamdan bin Rashid Al Falasi, Minister of Foreign Affairs of the United Arab "
    "Emirates, received Omani Foreign Minister Badr Albusaidi in Abu Dhabi on Monday for talks on regional security.\n\n"
    "Sheikh Hamdan and Mr Albusaidi signed a memorandum of understanding on maritime cooperation.\n\n"
    "(Reporting by Sara Haddad; Editing by Tom Price)\n"
)


def test_gulf_honorifics_titles_countries_and_aliases():
    x = run(GULF)
    hamdan = person(x, "Hamdan bin Rashid Al Falasi")
    assert hamdan.title == "Minister of Foreign Affairs"
    assert hamdan.country == "AE"
    assert "Sheikh Hamdan" in hamdan.aliases
    badr = person(x, "Badr Albusaidi")
    assert badr.title == "Foreign Minister" and badr.country == "OM"
    assert "Mr Albusaidi" in badr.aliases


def test_credit_lines_are_not_people():
    names = {p.name for p in run(GULF).people}
    assert not names & {"Sara Haddad", "Tom Price"}


def test_asean_datuk_seri_and_counterpart():
    x = run("Prime Minister Datuk Seri Anwar Ibrahim met his Thai counterpart Srettha Thavisin in Putrajaya on "
            "Tuesday. Anwar and Srettha agreed to reopen the border crossing at night.")
    anwar = person(x, "Anwar Ibrahim")
    assert anwar.title == "Prime Minister"
    assert "Anwar" in anwar.aliases or "Prime Minister Datuk Seri Anwar Ibrahim" in anwar.aliases
    srettha = person(x, "Srettha Thavisin")
    assert srettha.country == "TH"
    assert srettha.title == "Prime Minister"  # a counterpart holds the same office


def test_african_hon_and_he_with_titles_after_a_comma():
    x = run("NAIROBI – The Cabinet Secretary for Foreign Affairs of Kenya, Hon. Amina Wekesa, EGH, and the Minister "
            "of Foreign Affairs of the Republic of Ghana, H.E. Dr. Kofi Mensah, on Tuesday co-chaired the Joint "
            "Commission in Nairobi.")
    amina = person(x, "Amina Wekesa")
    assert amina.country == "KE" and "Cabinet Secretary" in amina.title
    kofi = person(x, "Kofi Mensah")
    assert kofi.country == "GH" and kofi.title.startswith("Minister of Foreign Affairs")
    assert "EGH" not in amina.name and "Dr" not in kofi.name


def test_quoted_analyst_is_not_a_participant():
    x = run("Foreign Minister Maria Costa met her Chilean counterpart Pablo Reyes in Lisbon on Monday. "
            '"It is a modest step," said Joana Pires, a senior analyst at a Lisbon think tank.')
    names = {p.name for p in x.people}
    assert "Joana Pires" not in names
    assert {"Maria Costa", "Pablo Reyes"} <= names


def test_short_forms_join_the_full_name():
    x = run("President Nguyen Van An received Prime Minister Lena Holm of Sweden in Hanoi on Monday. "
            "Mr An said the visit opened a new chapter. Holm thanked An for the welcome.")
    an = person(x, "Nguyen Van An")
    assert {"Mr An", "An"} & set(an.aliases)
    holm = person(x, "Lena Holm")
    assert holm.country == "SE"
    assert len([p for p in x.people if "Holm" in p.name]) == 1
