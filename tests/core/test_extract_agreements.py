"""Agreements: short titles, kind and status, dates and validity, proposals, lists and history."""

from __future__ import annotations

from tests.core._extract_helpers import run

SEED_LIKE = (
    "Foreign Minister Ravi Menon of Singapore met his Indonesian counterpart Sari Dewi in Jakarta on Monday.\n\n"
    "Dr Menon and Ms Dewi signed the renewed agreement on the Young Leaders Exchange Programme from this year to "
    "2026, the ministry said.\n\n"
    "The agreement builds on those that were signed in 2012, 2015 and 2018.\n\n"
    "The ministers agreed to expand cooperation to new areas and to set up a working group on digital trade.\n\n"
    "Ms Dewi asked Singapore to invest in the new capital city.\n"
)


def test_renewed_agreement_with_validity_and_history():
    x = run(SEED_LIKE, date="2024-06-12")
    renewed = [a for a in x.agreements if "Young Leaders Exchange Programme" in a.title][0]
    assert renewed.status == "renewed"
    assert (renewed.valid_from, renewed.valid_to) == ("2024", "2026")
    assert renewed.history == ["2012", "2015", "2018"]
    assert len(renewed.title.split()) <= 12
    assert not any(a.title.startswith("Those") for a in x.agreements)


def test_agreed_to_x_and_to_y_are_two_items_with_their_kinds():
    x = run(SEED_LIKE, date="2024-06-12")
    commitment = [a for a in x.agreements if a.title.lower().startswith("expand cooperation")]
    group = [a for a in x.agreements if "working group on digital trade" in a.title]
    assert commitment and commitment[0].kind == "commitment" and commitment[0].status == "agreed"
    assert group and group[0].kind == "working-group"


def test_proposal_names_who_asked_whom():
    x = run(SEED_LIKE, date="2024-06-12")
    proposal = [a for a in x.agreements if a.kind == "proposal"][0]
    assert proposal.status == "proposed"
    assert (proposal.proposer, proposal.addressee) == ("ID", "SG")
    assert proposal.title.startswith("Invest in the new capital")


def test_dash_list_of_instruments_one_item_each():
    x = run("At the close of the session, the two Ministers witnessed the signing of the following instruments:\n\n"
            "- Memorandum of Understanding on Cooperation in Fisheries;\n"
            "- Agreement on the Mutual Recognition of Driving Licences;\n"
            "- Memorandum of Understanding on Youth and Sports.\n\n"
            "Minister Ana Lima of Portugal and Minister Kwame Boateng of Ghana welcomed the results.", date="2024-02-01")
    titles = [a.title for a in x.agreements]
    assert "Memorandum of Understanding on Cooperation in Fisheries" in titles
    assert "Agreement on the Mutual Recognition of Driving Licences" in titles
    assert "Memorandum of Understanding on Youth and Sports" in titles
    kinds = {a.title: a.kind for a in x.agreements}
    assert kinds["Agreement on the Mutual Recognition of Driving Licences"] == "agreement"
    assert all(a.status == "signed" for a in x.agreements if a.title in titles[:3])


def test_named_treaty_in_force_and_planned_signature():
    x = run("The two countries signed the Maritime Boundary Treaty in New York on 6 March 2018. Prime Minister Tom "
            "Reid of Australia and President Ana Soares of Timor-Leste are expected to sign a new Defence Cooperation "
            "Agreement.", date="2025-03-03")
    kinds = {a.title: (a.kind, a.status) for a in x.agreements}
    assert kinds["Maritime Boundary Treaty"] == ("treaty", "signed")
    assert kinds["Defence Cooperation Agreement"] == ("agreement", "planned")
    treaty = [a for a in x.agreements if a.title == "Maritime Boundary Treaty"][0]
    assert treaty.date == "2018-03-06"


def test_titles_are_short_and_evidence_is_a_sentence():
    x = run(SEED_LIKE, date="2024-06-12")
    for a in x.agreements:
        assert len(a.title.split()) <= 16
        assert all(len(ev.text) <= 800 for ev in a.evidence)


def test_agreement_topics_are_the_areas_not_the_verbs_around_them():
    # Read with the parse: "promote" and "explore" are what the ministers will do, not what about.
    x = run("Prime Minister Ana Lopes of Portugal met Chilean President Rafael Soto in Lisbon on Monday.\n\n"
            "The two leaders agreed to promote cooperation in other key areas, including finance, banking and "
            "tourism, and to explore cooperation in innovation and the digital economy.\n", date="2024-06-12")
    topics = {t for a in x.agreements for t in a.topics}
    assert {"finance", "banking", "tourism", "digital economy"} <= topics
    assert not topics & {"promote", "explore", "including finance"}
