"""The actor dictionary: every entry well formed, every UN member state covered since 2015, well-known
holders right, and lookups that find a person however the name is written."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from briefing.extract import actors
from briefing.extract.datafiles import DataFileError
from briefing.extract.rules import rules

UN_MEMBERS = """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN
CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN
ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA
MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB
SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW""".split()  # noqa: SIM905 (193 codes read best as a block)

# Where an office had no holder for over a year, or rotates too fast to list: the gap is the fact.
KNOWN_GAPS = {
    ("SM", "hos"): "two Captains Regent, elected every six months",
    ("LB", "hos"): "the presidency stood vacant 2014-2016 and 2022-2025",
    ("HT", "hos"): "no president between Moïse's killing (2021) and the Transitional Presidential Council (2024)",
    ("HT", "fm"): "caretaker ministers, dates unsure",
    ("LY", "hog"): "rival governments in 2016-2021",
    ("KG", "fm"): "dates unsure",
    ("NP", "fm"): "the prime minister held the ministry between appointments",
    ("GN", "fm"): "dates unsure",
    ("SN", "fm"): "dates unsure",
    ("SC", "fm"): "the president held the ministry",
    ("MU", "hos"): "acting presidents 2018-2019",
    ("MG", "fm"): "dates unsure",
    ("SD", "hog"): "no prime minister in 2019 and after Hamdok",
    ("CU", "hog"): "the president was head of government until the office was restored in 2019",
    ("BG", "fm"): "caretaker ministers",
    ("AF", "hos"): "the Taliban took power in August 2021",
    ("AL", "fm"): "acting ministers",
    ("KP", "hog"): "dates unsure",
    ("AF", "hog"): "the Taliban took power in August 2021",
    ("MR", "fm"): "the 2015 holders are not in the dictionary",
}
START, END = date(2015, 1, 1), date(2025, 1, 1)


@pytest.fixture(scope="module")
def entries() -> list[actors.Actor]:
    codes = set(rules("countries.json")["countries"])
    return [a for path in actors.packaged_files() for a in actors.read_file(path, codes)]


def _day(text: str | None, *, low: bool) -> date:
    if text is None:
        return END
    parts = [int(x) for x in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1) if low else date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return date(parts[0], 1, 1) if low else date(parts[0], 12, 31)


def test_every_entry_is_well_formed(entries: list[actors.Actor]) -> None:
    # read_file checks codes, offices, roles, ISO dates and their order; here: nothing is lost or doubled
    assert len(entries) > 1500
    lines = sum(1 for p in actors.packaged_files() for line in p.read_text().splitlines() if line.strip())
    assert len(entries) == lines
    keys = [(a.name, a.country, a.office, a.start) for a in entries]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("role", ["hos", "hog", "fm"])
def test_every_un_member_has_holders_since_2015(entries: list[actors.Actor], role: str) -> None:
    assert len(UN_MEMBERS) == 193
    problems = []
    for code in UN_MEMBERS:
        spans = sorted((_day(a.start, low=True), _day(a.end, low=False)) for a in entries
                       if role in a.roles and (a.country == code or code in a.also))
        if (code, role) in KNOWN_GAPS:
            continue
        if not spans:
            problems.append(f"{code}: no {role}")
            continue
        reach = START
        for start, end in spans:
            if start - reach > timedelta(days=366):
                problems.append(f"{code} {role}: nobody from {reach} to {start}")
            reach = max(reach, end)
        if reach < END:
            problems.append(f"{code} {role}: nobody after {reach}")
    assert problems == []


@pytest.mark.parametrize(("name", "on", "country", "office"), [
    ("Shinzo Abe", "2016-05-01", "JP", "Prime Minister"),
    ("Narendra Modi", "2023-09-09", "IN", "Prime Minister"),
    ("S. Jaishankar", "2023-09-09", "IN", "Minister of External Affairs"),
    ("Angela Merkel", "2019-01-01", "DE", "Chancellor"),
    ("Sergey Lavrov", "2020-01-01", "RU", "Foreign Minister"),
    ("Antony Blinken", "2022-06-01", "US", "Secretary of State"),
    ("Xi Jinping", "2024-01-01", "CN", "President"),
    ("Penny Wong", "2023-01-01", "AU", "Minister for Foreign Affairs"),
    ("Cyril Ramaphosa", "2020-01-01", "ZA", "President"),
    ("Emmanuel Macron", "2018-01-01", "FR", "President"),
    ("Lula da Silva", "2024-01-01", "BR", "President"),
    ("Abiy Ahmed", "2020-01-01", "ET", "Prime Minister"),
    ("Vivian Balakrishnan", "2021-06-21", "SG", "Minister for Foreign Affairs"),
    ("Bui Thanh Son", "2021-06-21", "VN", "Foreign Minister"),
    ("Mohammed bin Salman", "2023-01-01", "SA", "Prime Minister"),
    ("Keir Starmer", "2025-01-01", "GB", "Prime Minister"),
    ("Jacinda Ardern", "2019-03-15", "NZ", "Prime Minister"),
    ("Abdulmalik Al-Mekhlafi", "2016-04-21", "YE", "Foreign Minister"),  # led Yemen's side at the 2016 Kuwait talks
    ("Siaosi Sovaleni", "2023-05-01", "TO", "Prime Minister"),
    ("Demeke Mekonnen", "2022-06-01", "ET", "Foreign Minister"),
    ("Sok Chenda Sophea", "2024-03-01", "KH", "Foreign Minister"),  # Hun Manet's government, August 2023
    ("Serdar Berdimuhamedov", "2024-01-01", "TM", "President"),  # the spelling English news mostly uses
])
def test_well_known_holders(name: str, on: str, country: str, office: str) -> None:
    found = actors.index().find([name], on)
    assert found is not None and found.in_office(on)
    assert (found.country, found.office) == (country, office)


def test_an_office_held_twice_is_found_for_each_date() -> None:
    index = actors.index()
    assert index.find(["Wang Yi"], "2023-03-01") is None or not index.find(["Wang Yi"], "2023-03-01").in_office("2023-03-01")
    assert index.find(["Wang Yi"], "2024-03-01").office == "Foreign Minister"
    assert index.find(["Boris Johnson"], "2017-01-01").office == "Foreign Secretary"
    assert index.find(["Boris Johnson"], "2020-01-01").office == "Prime Minister"


def test_names_match_whatever_order_accents_and_letters() -> None:
    index = actors.index()
    assert index.find(["ABE Shinzo"], "2016-05-01").name == "Shinzo Abe"
    assert index.find(["Milo Djukanovic"], "2019-01-01").country == "ME"
    assert index.find(["Jonas Gahr Store"], "2022-01-01").country == "NO"
    assert index.find(["Recep Tayyip Erdogan"], "2020-01-01").country == "TR"
    assert index.find(["Pham Minh Chinh"], "2023-01-01").country == "VN"


def test_a_surname_alone_needs_one_holder_in_office_that_day() -> None:
    index = actors.index()
    found = index.find(["Lee"], "2023-01-01", "Prime Minister")
    assert (found.name, found.country) == ("Lee Hsien Loong", "SG")
    assert index.find(["Kim"], "2023-01-01") is None  # several Kims hold office
    assert index.find(["Lee"], "1990-01-01") is None  # a bare word out of office is nobody in particular


def test_out_of_office_still_gives_the_country() -> None:
    found = actors.index().find(["Theresa May"], "2022-01-01")
    assert found.country == "GB" and not found.in_office("2022-01-01")


def test_a_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    good = {"name": "Ana Ruiz", "country": "PE", "office": "Foreign Minister", "from": "2030-01-01", "to": None}
    for bad, why in [({"country": "XX"}, "ISO"), ({"office": "Grand Vizier"}, "office"),
                     ({"from": "1 May 2030"}, "ISO date"), ({"to": "2029-01-01"}, "before it starts")]:
        path.write_text(json.dumps(good) + "\n" + json.dumps({**good, **bad}) + "\n", encoding="utf-8")
        with pytest.raises(DataFileError, match=rf"mine.jsonl line 2: .*{why}"):
            actors.read_file(path, set(rules("countries.json")["countries"]) - {"XX"})


def test_the_users_file_extends_the_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    entry = {"name": "Ana Ruiz Quispe", "aliases": ["Ana Ruiz"], "country": "PE", "office": "Foreign Minister",
             "from": "2030-01-01", "to": None}
    (tmp_path / actors.USER_FILE_NAME).write_text(json.dumps(entry) + "\n", encoding="utf-8")
    index = actors.ActorIndex(actors.load_actors())
    found = index.find(["Ana Ruiz"], "2030-06-01")
    assert (found.country, found.office) == ("PE", "Foreign Minister")
    assert index.find(["Shinzo Abe"], "2016-05-01") is not None  # the packaged entries stay


def test_a_first_name_alone_does_not_stand_for_a_known_namesake_when_the_full_name_is_written() -> None:
    index = actors.index()
    assert index.find(["Khalid bin Saeed Al Mansoori", "Khalid", "Sheikh Khalid"], "2024-11-20") is None
    assert index.find(["Faisal bin Farhan bin Abdullah", "Faisal"], "2024-01-01").country == "SA"


def test_a_broken_user_file_leaves_the_packaged_dictionary_working(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    (tmp_path / actors.USER_FILE_NAME).write_text('{"name": "Ana Ruiz", "country": "Peru"}\n', encoding="utf-8")
    index = actors.ActorIndex(actors.load_actors())
    assert index.find(["Shinzo Abe"], "2016-05-01").country == "JP"
    assert index.find(["Ana Ruiz"], "2030-06-01") is None


@pytest.mark.parametrize(("written", "on", "name"), [
    ("Mohammad bin Salman", "2023-01-01", "Mohammed bin Salman"),
    ("Sergei Lavrov", "2020-01-01", "Sergey Lavrov"),
    ("Mohammed Ali Al-Hakim", "2020-01-01", "Mohamed Ali Alhakim"),
])
def test_a_name_spelt_another_way_is_the_same_person(written: str, on: str, name: str) -> None:
    found = actors.index().find([written], on)
    assert found is not None and found.name == name
