"""How sources' values combine into an item's: all at once, or one source at a time in any order."""

from __future__ import annotations

import random

import pytest

from briefing.library import kinds

NAMES = ["Alice Smith", "alice smith", "Bob Jones", "Đinh Lan", "Dinh Lan", "Carol King", ""]
COUNTRIES = ["FR", "fr", "KE", "JP", "DE", ""]
DATES = [None, "2021", "2021-06", "2021-06-21", "2021-06-22", "2022-01", "2020-12-31"]


def _contribution(kind: str, rng: random.Random) -> dict:
    pick = rng.choice
    some = lambda pool: [pick(pool) for _ in range(rng.randrange(0, 4))]  # noqa: E731
    data = {"countries": some(COUNTRIES), "summary": pick(["", None, "talks", "a visit"])}
    if kind == "event":
        data |= {"type": pick(["meeting", "talks", None]), "date": pick(DATES), "location": pick([None, "", "Oslo"]),
                 "participants": some(NAMES), "participant_ids": some([1, 2, 3, 4])}
    elif kind == "agreement":
        data |= {"title": pick(["", "Fisheries Agreement", "MoU on fisheries"]), "date": pick(DATES),
                 "parties": some(COUNTRIES), "topics": some(["trade", "Trade", "fisheries"]), "history": some(DATES[1:])}
    elif kind == "figure":
        data |= {"value": pick([None, 0.0, 12.0]), "unit": pick(["percent", "USD", None]), "what": pick(["", "trade"])}
    else:
        data |= {"name": pick(["trade", "Trade", ""])}
    return data


def _reference(kind: str, contributions: list[tuple[str | None, dict]]) -> dict:
    """The rule written plainly (each field from the oldest source that has it, lists in order of first
    mention, an event's most precise agreeing date, the latest source's date as "seen")."""
    datas = [dict(d) for _, d in contributions]
    out = dict(datas[0])
    for other in datas[1:]:
        for key, value in other.items():
            if out.get(key) in (None, "", []) and value not in (None, "", []):
                out[key] = value
    for name in ("participants", "parties", "topics", "history", "countries"):
        if any(name in d for d in datas):
            seen: dict[str, str] = {}
            for d in datas:
                for v in d.get(name) or []:
                    key = kinds.fold(v) if name == "participants" else v.casefold()
                    if v and key not in seen:
                        seen[key] = v
            out[name] = list(seen.values())
    if kind == "event":
        out["participant_ids"] = sorted({i for d in datas for i in d.get("participant_ids") or []})
        for d in datas[1:]:
            if d.get("date") and out.get("date") and kinds.dates_agree(d["date"], out["date"]) \
                    and len(d["date"]) > len(out["date"]):
                out["date"] = d["date"]
    dates = [d for d, _ in contributions if d]
    out["seen"] = max(dates) if dates else None
    return out


@pytest.mark.parametrize("kind", ["event", "agreement", "figure", "topic"])
@pytest.mark.parametrize("seed", range(40))
def test_one_source_at_a_time_in_any_order_combines_as_all_at_once(kind, seed):
    rng = random.Random(seed)
    contributions = [(rng.choice(DATES), sid, _contribution(kind, rng)) for sid in range(1, rng.randrange(2, 14))]
    in_order = sorted(contributions, key=lambda c: (c[0] or "", c[1]))
    expected = kinds.combine(kind, [(date, data) for date, _, data in in_order])
    assert expected == _reference(kind, [(date, data) for date, _, data in in_order])
    combination = kinds.Combination(kind)
    for date, sid, data in rng.sample(contributions, len(contributions)):  # arriving in any order
        combination.add((date or "", sid), date, data)
    assert combination.values() == expected


def test_the_earliest_source_gives_a_field_and_lists_keep_their_first_spelling():
    combination = kinds.Combination("agreement")
    combination.add(("2024-05-01", 3), "2024-05-01", {"title": "MoU", "parties": ["ke", "FR"], "date": None})
    combination.add(("2023-01-01", 9), "2023-01-01", {"title": "Memorandum on Fisheries", "parties": ["KE"], "date": ""})
    values = combination.values()
    assert values["title"] == "Memorandum on Fisheries"  # 2023's source came in later but is older
    assert values["parties"] == ["KE", "FR"] and values["seen"] == "2024-05-01"


def test_people_are_not_combined_one_at_a_time():
    with pytest.raises(ValueError):
        kinds.Combination("person")


# --- a person's title and country across sources: the user, then the actor dictionary, then agreement ---------


def _person(title: str | None, country: str | None, name: str = "Ana Ruiz Quispe") -> dict:
    return {"name": name, "aliases": [], "title": title, "country": country}


def test_one_later_source_alone_does_not_overturn_a_title_or_country() -> None:
    out = kinds.combine("person", [("2030-01-05", _person("Foreign Minister", "PE")),
                                   ("2030-02-01", _person("Prime Minister", "VN"))])
    assert (out["title"], out["country"]) == ("Foreign Minister", "PE")
    assert out["disputed"] == ["title", "country"]  # shown, not silently taken
    assert [t["title"] for t in out["titles"]] == ["Foreign Minister", "Prime Minister"]  # history kept whole


def test_two_later_sources_that_agree_carry_a_new_title() -> None:
    out = kinds.combine("person", [("2030-01-05", _person("Foreign Minister", "PE")),
                                   ("2030-03-01", _person("Prime Minister", "PE")),
                                   ("2030-04-01", _person("Prime Minister", "PE"))])
    assert out["title"] == "Prime Minister" and "disputed" not in out


def test_an_earlier_title_confirmed_again_resets_the_challenge() -> None:
    out = kinds.combine("person", [("2030-01-05", _person("Foreign Minister", "PE")),
                                   ("2030-02-01", _person("Prime Minister", "PE")),
                                   ("2030-03-01", _person("Foreign Minister", "PE")),
                                   ("2030-04-01", _person("Prime Minister", "PE"))])
    assert out["title"] == "Foreign Minister"


def test_the_actor_dictionary_decides_over_the_sources() -> None:
    # two sources took Vietnam from the sentence; the dictionary knows Singapore's foreign minister
    out = kinds.combine("person", [("2021-06-23", _person("Minister", "VN", "Vivian Balakrishnan")),
                                   ("2021-06-24", _person("Foreign Minister", "VN", "Vivian Balakrishnan"))])
    assert out["country"] == "SG"
    assert out["title"] == "Foreign Minister"  # the sources' own words for the office, where they fit it
    out = kinds.combine("person", [("2019-03-01", _person("Prince", "SA", "Faisal bin Farhan"))])
    assert out["title"] == "Prince"  # not yet in office that day: the sources' title stands
    out = kinds.combine("person", [("2021-03-01", _person("Prince", None, "Faisal bin Farhan"))])
    assert (out["title"], out["country"]) == ("Foreign Minister", "SA")


def test_the_users_correction_stays_through_later_imports() -> None:
    edits = {"title": "Deputy Prime Minister", "country": "PE"}
    first = kinds.combine("person", [("2030-01-05", _person("Foreign Minister", "CL"))])
    later = kinds.combine("person", [("2030-01-05", _person("Foreign Minister", "CL")),
                                     ("2030-02-01", _person("Prime Minister", "BO")),
                                     ("2030-03-01", _person("Prime Minister", "BO"))])
    for machine in (first, later):
        shown = kinds.effective("person", machine, edits)
        assert (shown["title"], shown["country"]) == ("Deputy Prime Minister", "PE")
