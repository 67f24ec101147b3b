"""Dates as an officer reads them: absolute in every common style, relative to the publication date."""

from __future__ import annotations

import json

import pytest

from briefing.extract import dates as dates_mod
from briefing.extract.datafiles import DataFileError, load_checked
from briefing.extract.dates import find_dates, find_validity, resolve_date

WEDNESDAY = "2021-06-23"


def values(text: str, pub: str | None, planned: bool | None = False) -> list[tuple[str, str | None]]:
    return [(m.value, m.end_value) for m in find_dates(text, pub, planned=planned)]


@pytest.mark.parametrize("text", [
    "15 March 2022", "March 15, 2022", "15/03/2022", "2022-03-15", "Tuesday 15 March 2022",
    "Tuesday, March 15, 2022", "15th of March 2022", "15 Mar 2022", "MARCH 15, 2022",
])
def test_absolute_styles_give_the_same_day(text):
    assert values(f"The talks were held on {text} in Hanoi.", WEDNESDAY) == [("2022-03-15", None)]


def test_day_month_order_follows_the_numbers():
    assert resolve_date("03/15/2022", None) == "2022-03-15"  # 15 cannot be a month
    assert resolve_date("04/05/2022", None) == "2022-05-04"  # day first otherwise


def test_weekday_goes_back_for_what_happened_and_forward_for_what_is_planned():
    assert resolve_date("on Monday", WEDNESDAY) == "2021-06-21"
    assert resolve_date("on Monday", WEDNESDAY, planned=True) == "2021-06-28"
    assert resolve_date("on Wednesday", WEDNESDAY) == WEDNESDAY
    assert resolve_date("last Wednesday", WEDNESDAY) == "2021-06-16"
    assert resolve_date("next Monday", WEDNESDAY) == "2021-06-28"


def test_planned_none_reads_the_sentence():
    text = "The ministers met on Monday. They will meet again on Friday."
    assert values(text, WEDNESDAY, planned=None) == [("2021-06-21", None), ("2021-06-25", None)]


@pytest.mark.parametrize(("expr", "pub", "planned", "expected"), [
    ("last month", WEDNESDAY, False, "2021-05"),
    ("next month", "2024-03-14", True, "2024-04"),
    ("early next month", "2024-06-27", True, "2024-07"),
    ("later this year", "2025-01-11", True, "2025"),
    ("last year", "2025-01-11", False, "2024"),
    ("next year", "2025-01-11", True, "2026"),
    ("before the end of the year", "2024-03-14", True, "2024"),
    ("this afternoon", "2024-03-14", False, "2024-03-14"),
    ("today", "2024-03-14", False, "2024-03-14"),
    ("earlier today", "2024-10-16", False, "2024-10-16"),
    ("earlier in the day", "2024-10-16", False, None),  # the day the story tells: dated by the events' reader
    ("Friday morning", "2024-10-11", False, "2024-10-11"),
    ("in March 2025", "2024-10-16", True, "2025-03"),
    ("slated for October", "2023-08-28", True, "2023-10"),
    ("signed in Manila in July", "2024-10-11", False, "2024-07"),
    ("in February", "2024-01-10", False, "2023-02"),
    ("in February", "2024-01-10", True, "2024-02"),
    ("in September last year", "2024-10-11", False, "2023-09"),
    ("Oct. 16", "2024-10-20", False, "2024-10-16"),
    ("on 9 June", "2024-06-27", False, "2024-06-09"),
    ("next week", "2024-10-16", True, "2024-10"),
    ("two days ago", "2024-10-16", False, "2024-10-14"),
    ("this March", "2023-04-13", False, "2023-03"),
    ("last October", "2023-04-13", False, "2022-10"),
    ("last March", "2023-04-13", False, "2023-03"),
    ("last April", "2023-04-13", False, "2022-04"),
    ("next March", "2023-04-13", True, "2024-03"),
    ("the coming June", "2023-04-13", True, "2023-06"),
])
def test_relative_and_partial_expressions(expr, pub, planned, expected):
    assert resolve_date(expr, pub, planned=planned) == expected


def test_ranges():
    assert values("will visit from 17 to 20 March", "2025-03-03", True) == [("2025-03-17", "2025-03-20")]
    assert values("a visit on 17–20 March 2025", None) == [("2025-03-17", "2025-03-20")]
    assert values("held on 1 and 2 February 2023", None) == [("2023-02-01", "2023-02-02")]
    assert values("the first eight months of this year", "2023-08-28") == [("2023-01", "2023-08")]
    assert values("in the first quarter of 2025", None) == [("2025-01", "2025-03")]
    assert values("an action plan covering 2025–2027", None) == [("2025", "2027")]
    assert values("in 2024–25", None) == [("2024", "2025")]
    assert values("from this year to 2023", WEDNESDAY) == [("2021", "2023")]


def test_mentions_carry_their_offsets_and_text():
    text = "Mr Son met him in Hanoi on Monday, 21 June 2021, the ministry said."
    (m,) = find_dates(text, WEDNESDAY)
    assert text[m.start:m.end] == m.text == "Monday, 21 June 2021"


def test_not_dates():
    text = ("The 12th High-Level Meeting approved 3.6 billion USD. Chile beat Peru 2-1. "
            "Call +61 2 6277 7700. The May 4th movement. Theresa May spoke. It will march on.")
    assert [m.text for m in find_dates(text, WEDNESDAY)] == ["May 4th"]


def test_without_a_publication_date_relative_words_are_left_alone():
    assert find_dates("They met on Monday and will meet again next year.", None) == []
    assert resolve_date("17 March", None) is None
    assert resolve_date("17 March 2025", None) == "2025-03-17"


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("signed the renewed agreement from this year to 2023", WEDNESDAY, ("2021", "2023")),
    ("renewed the memorandum for a further five years, until 2029", "2024-09-09", ("2024", "2029")),
    ("a joint action plan covering 2025–2027", "2025-03-05", ("2025", "2027")),
    ("renew the CMP Action Plan for 2025 to 2027", "2024-10-16", ("2025", "2027")),
    ("The treaty entered into force on 30 August 2019.", "2025-03-03", ("2019-08-30", None)),
    ("It runs for 30 years and lapses in December 2026.", "2024-06-27", (None, "2026-12")),
    ("The two leaders signed the treaty in New Delhi on 12 December 1996.", "2024-06-27", (None, None)),
])
def test_validity(text, pub, expected):
    assert find_validity(text, pub) == expected


def test_bad_date_words_file_names_file_and_entry(tmp_path):
    data = {"months": {"January": "Jan"}, "weekdays": {}, "number_words": {}, "planned_cues": ["will"]}
    path = tmp_path / "date_words.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"date_words\.json.*months"):
        load_checked(path, dates_mod._validate_words)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"date_words\.json: not valid JSON"):
        load_checked(path, dates_mod._validate_words)


def test_unusual_forms_fall_back_to_dateparser():
    assert resolve_date("3rd June 2022", None) == "2022-06-03"
    assert resolve_date("2022.06.03", None) == "2022-06-03"
    assert resolve_date("the agreement", WEDNESDAY) is None


def test_a_weekday_before_a_name_that_starts_like_a_month():
    text = "Meeting Prime Minister Xanana Gusmão on Wednesday, Marcos reaffirmed his support."
    assert values(text, "2024-10-11") == [("2024-10-09", None)]


def test_dates_told_against_the_one_just_mentioned():
    assert values("an amendment in May 2015, and Modi travelled to Dhaka that June", "2024-06-27") == [
        ("2015-05", None), ("2015-06", None)]
    assert values("trade reached €22.7 billion in 2023, 5% more than in the previous year", "2024-03-14") == [
        ("2023", None), ("2022", None)]
    assert values("a meeting on Thursday, three days after the leaders elevated relations", "2024-10-11") == [
        ("2024-10-10", None), ("2024-10-07", None)]
    assert values("The previous year was hard.", "2024-03-14") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The envoys met YESTERDAY.", [("2021-06-22", None)]),
    ("They met Last Week in Geneva.", [("2021-06", None)]),  # weeks resolve to the month
    ("In The FIRST QUARTER of 2021 trade grew.", [("2021-01", "2021-03")]),
    # "İ" lower-cases to two characters: the offsets must still point into the text as written
    ("İstanbul talks were held yesterday, 22 DAYS AGO the deal was signed.", [("2021-06-22", None),
                                                                              ("2021-06-01", None)]),
])
def test_case_blind_words_found_in_any_case_and_beside_letters_that_change_length(text, expected):
    found = find_dates(text, WEDNESDAY)
    assert [(m.value, m.end_value) for m in found] == expected
    assert all(text[m.start:m.end] == m.text for m in found)


def test_the_cached_answer_cannot_be_changed_by_a_caller():
    first = find_dates("They met on Monday.", WEDNESDAY)
    first.clear()
    assert values("They met on Monday.", WEDNESDAY) == [("2021-06-21", None)]


def test_an_abbreviated_month_with_its_full_stop_keeps_its_day_inside_a_sentence():
    assert values("signed a deal during a summit on Jan. 5 to end the dispute", "2021-01-25") == [("2021-01-05", None)]
    assert values("The talks opened on Oct. 16 in Doha.", "2024-10-20") == [("2024-10-16", None)]
    assert values("They will meet in Sept.", "2024-08-20", True) == [("2024-09", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("his working visit to Ouagadougou on March 8 this year", [("2025-03-08", "March 8 this year")]),
    ("the talks held on 5 May last year", [("2024-05-05", "5 May last year")]),
    ("the summit on 4 November next year", [("2026-11-04", "4 November next year")]),
])
def test_a_day_with_a_relative_year_is_one_date_of_that_year(text, expected):
    found = dates_mod.find_dates(text, "2025-04-03")
    assert [(m.value, text[m.start:m.end]) for m in found] == expected
