"""Dates in running text, resolved against the publication date.

Candidate spans are found with patterns built from ``data/date_words.json``;
absolute expressions ("15 March 2022", "Oct. 16") are parsed by dateparser
(cached: it is slow), relative ones ("on Monday", "later this year", "early
next month") by calendar arithmetic. A value is an ISO string whose length is
its precision: what the text says, no more ("in March 2025" -> "2025-03").

Direction matters for words that do not name a year: an article dated
Wednesday 2021-06-23 that reports a meeting "on Monday" means 2021-06-21, but
"will meet on Monday" means 2021-06-28. Callers say which with ``planned``;
``planned=None`` lets the sentence decide (will/would/scheduled/next ...).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from briefing.extract.datafiles import Checker, load_data


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'
    end_value: str | None
    text: str


# ---------------------------------------------------------------- data

def _validate_words(data: Any, check: Checker) -> None:
    for key in ("months", "weekdays"):
        table = check.mapping(key, data.get(key))
        if len(table) != (12 if key == "months" else 7):
            check.fail(key, f"must name all {12 if key == 'months' else 7} of them")
        for name, spellings in table.items():
            check.str_list(f"{key}.{name}", spellings)
    numbers = check.mapping("number_words", data.get("number_words"))
    for word, n in numbers.items():
        if not isinstance(n, int) or n < 0:
            check.fail(f"number_words.{word}", "must be a non-negative whole number")
    check.str_list("planned_cues", data.get("planned_cues"), allow_empty=False)
    for word, step in check.mapping("relative_days", data.get("relative_days", {})).items():
        if step not in (-1, 1):
            check.fail(f"relative_days.{word}", "must be -1 (before) or 1 (after)")
    for word, months in check.mapping("seasons", data.get("seasons", {})).items():
        if not (isinstance(months, list) and len(months) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in months)):
            check.fail(f"seasons.{word}", "must be [first month, last month], each 1-12")


@cache
def _words() -> dict:
    return load_data("date_words.json", _validate_words)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, (name, others) in enumerate(_words()["months"].items(), start=1):
        for form in [name, *others]:
            for variant in (form, form.upper()):
                table[variant] = i
    return table


@cache
def _weekday_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, (name, others) in enumerate(_words()["weekdays"].items()):
        for form in [name, *others]:
            for variant in (form, form.upper(), form.lower()):
                table[variant] = i
    return table


def _month_no(word: str) -> int:
    return _month_table()[word.strip()]


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _words()["number_words"].get(word)


def relative_day_word(word: str) -> int | None:
    """ "previous" -> -1, "later" -> 1: the direction of a day told against another (date_words.json)."""
    step = _words().get("relative_days", {}).get(word.lower())
    return step if isinstance(step, int) else None


def number_word(word: str) -> int | None:
    """ "three" -> 3, "12" -> 12 (the spelled numbers of date_words.json), else None."""
    return _number(word)


# ---------------------------------------------------------------- patterns

@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern
    anchor: re.Pattern  # something every match contains; the rule only runs near one (the rules are slow)


@cache
def _rules() -> list[_Rule]:
    months = _alternation(list(_month_table()))
    full_days = [d for d in _weekday_table() if len(d) > 3 and d[0].isupper() and not d.isupper()]
    weekdays = _alternation([*full_days, *(d.upper() for d in full_days)])
    short_days = _alternation(list(_weekday_table()))
    numbers = _alternation(list(_words()["number_words"]))
    seasons = _alternation([w for s in _words().get("seasons", {}) for w in (s, s.capitalize())])
    M = rf"(?:{months})(?![A-Za-z])"
    WD = rf"(?:(?:{weekdays})|(?:{short_days}),)"
    D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    Y = r"(?:1[89]\d\d|20\d\d)(?!\d)"
    DASH = r"\s*(?:–|—|-|to|until|till|and|through)\s*"
    REL = r"(?i:this|last|next|the\s+coming|the\s+previous|the\s+past|the)"
    parts = r"(?i:\s+(?:morning|afternoon|evening|night))?"
    RELY = r"\s+(?P<ry>(?i:this|last|next))\s+(?i:year)(?![\w'’])"
    B = r"(?<![\w$€£¥/.-])"
    E = r"(?![\w/])"
    table = [
        # ranges with days: "17–20 March 2025", "from 17 to 20 March", "1 and 2 February 2023"
        ("dmy_range", rf"{B}(?P<d1>{D}){DASH}(?P<d2>{D})\s+(?:of\s+)?(?P<m>{M}),?(?:\s+(?P<y>{Y}))?"),
        # "30 March – 2 April 2025"
        ("dmy_cross", rf"{B}(?P<d1>{D})\s+(?P<m1>{M}){DASH}(?P<d2>{D})\s+(?P<m2>{M}),?(?:\s+(?P<y>{Y}))?"),
        # "October 31 to November 5", "Oct. 30 - Nov. 2, 2025" (no "and": "on March 31 and April 2" are two days)
        ("mdy_cross", rf"{B}(?P<m1>{M})\s+(?P<d1>{D})\s*(?:–|—|-|to|until|till|through)\s*(?P<m2>{M})\s+(?P<d2>{D})"
                      rf",?(?:\s+(?P<y>{Y}))?"),
        # "March 17–20, 2025"
        ("mdy_range", rf"{B}(?P<m>{M})\s+(?P<d1>{D}){DASH}(?P<d2>{D}),?(?:\s+(?P<y>{Y}))?"),
        # "Tuesday 15 March 2022", "9 Sep 2024", "17 March"
        # "5 May last year", "March 8 this year": the year told against today's
        ("dmy", rf"{B}\b(?:{WD},?\s+(?:the\s+)?)?(?P<d>{D})\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>{Y})|{RELY})?{parts}"),
        # "October 16, 2024", "Oct. 16", "Monday, March 17"
        ("mdy", rf"{B}\b(?:{WD},?\s+)?(?P<m>{M})\s+(?P<d>{D})(?:,?\s+(?P<y>{Y})|{RELY})?{parts}"),
        ("iso", rf"{B}(?P<y>{Y})-(?P<mo>[01]\d)-(?P<d>[0-3]\d){E}"),
        ("numeric", rf"{B}(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{Y}){E}"),
        # "the first eight months of this year", "the first nine months of 2024"
        ("first_months", rf"\b(?i:the\s+)?(?i:first)\s+(?P<n>{numbers}|\d{{1,2}})\s+(?i:months)\s+of\s+"
                         rf"(?:(?P<y>{Y})|(?P<rel>{REL})\s+(?i:year))"),
        # "the first quarter of 2025", "the second half of this year"
        ("part_of_year", rf"\b(?i:the\s+)?(?P<ord>(?i:first|second|third|fourth|last))\s+(?P<unit>(?i:quarter|half))"
                         rf"\s+of\s+(?:(?P<y>{Y})|(?P<rel>{REL})\s+(?i:year))"),
        # "from this year to 2027", "from 2025 to 2027", "between 2021 and 2023"
        ("year_span", rf"\b(?i:from|between)\s+(?:(?P<y1>{Y})|(?P<rel1>{REL})\s+(?i:year))\s+(?:to|until|till|through|and)"
                      rf"\s+(?:(?P<y2>{Y})|(?P<rel2>{REL})\s+(?i:year))"),
        # "2025–2027", "2024–25", "2025 to 2027"
        ("year_range", rf"{B}(?P<y1>{Y})\s*(?:–|—|-|to|until|through)\s*(?P<y2>{Y}|\d\d){E}"),
        # "early next month", "later this year", "before the end of the year", "last week"
        ("relative", rf"\b(?P<mod>(?i:(?:before|by|until|at|towards?)\s+the\s+(?:end|close)\s+of|(?:at|by)\s+the\s+"
                     rf"(?:start|beginning)\s+of|the\s+(?:end|start|beginning)\s+of|(?:later|earlier|early|late|mid|"
                     rf"end)(?:\s+|-)(?:in\s+)?)\s*)?"
                     rf"\b(?P<rel>{REL})\s+(?P<unit>(?i:year|month|week))(?![\w'’])"),
        # "September last year", "June this year"
        ("month_rel", rf"\b(?:(?i:early|late|mid|end)(?:\s+|-))?(?P<m>{M})\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+"
                      rf"(?i:year)"),
        # "this March", "last October", "next February": the month named against today's
        ("rel_month", rf"\b(?P<rel>(?i:this|last|next|coming|past))\s+(?P<m>{M})(?![\w-]|,?\s+(?:[0-3]?\d\b|{Y}))"),
        # "in March 2025", "mid-2024" handled below
        ("month_year", rf"{B}(?:(?i:early|late|mid|end)(?:\s+|-)(?:of\s+)?)?(?P<m>{M}),?\s+(?:of\s+)?(?P<y>{Y})"),
        ("today", r"\b(?P<w>(?i:(?:earlier|later)\s+(?:today|in\s+the\s+day)|today|tonight|this\s+(?:morning|afternoon|"
                  r"evening)|last\s+(?:night|evening)|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
                  r"the\s+day\s+after\s+tomorrow))(?![\w'’])"),
        # "on Monday", "last Friday", "next Tuesday", "Friday morning"
        ("weekday", rf"\b(?:(?P<rel>(?i:this|last|next|coming|past))\s+)?(?P<wd>{weekdays}){parts}"
                    rf"(?!,?\s+(?:the\s+)?(?:[0-3]?\d|{M}))"),
        # "N days ago", "two weeks ago"
        ("ago", rf"\b(?P<n>\d{{1,2}}|{numbers}|a|an)\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)"),
        # told against the date just mentioned: "in May 2015 ... that June", "in 2023, 5% more than the previous year",
        # "on Thursday, three days after"
        ("that_month", rf"\b(?i:that|the\s+same)\s+(?P<m>{M})"),
        ("that_year", r"\b(?i:(?P<same>that|the\s+same)|the\s+(?P<dir>following|previous|preceding|next))\s+(?i:year)"
                      r"(?![\w'’])"),
        ("days_after", rf"\b(?P<n>\d{{1,2}}|{numbers})\s+(?P<unit>(?i:days?|weeks?))\s+(?P<dir>(?i:after|before|later|"
                       rf"earlier))\b"),
        # "in the autumn", "next spring", "this summer", "autumn 2025" (not "the fall of the city")
        ("season", rf"\b(?:(?P<rel>(?i:this|last|next|coming|past))\s+|(?i:in|during|by|until|over|for)\s+(?i:the\s+)?"
                   rf"(?:(?i:early|late|mid)(?:\s+|-))?|(?=\w+\s+(?:of\s+)?{Y}))(?P<s>{seasons})(?:,?\s+(?:of\s+)?(?P<y>{Y}))?"
                   rf"(?![\w-])(?!\s+of\s+(?!{Y}))"),
        # "in February", "slated for October", "since June", "early next month" is above
        ("month_alone", rf"\b(?:(?i:in|on|since|until|till|by|from|during|for|of|before|after|early|late|mid|end)(?:\s+|-)"
                        rf"(?:(?i:early|late|mid)(?:\s+|-))?)(?P<m>{M})"
                        rf"(?![\w-]|\.?,?\s+(?:[0-3]?\d|{Y})|\s+(?:of\s+)?(?i:this|last|next)\s+(?i:year))"),
        ("mid_year", rf"{B}(?:(?P<mod>(?i:early|late|mid|end))(?:\s+|-)(?:of\s+)?)?(?P<y>{Y}){E}(?![.\-–]\d)"),
    ]
    month_anchor = rf"(?:{months})"
    anchors = {
        "iso": r"\d{4}-\d", "numeric": r"\d[/.]\d", "first_months": r"(?i:months)",
        "part_of_year": r"(?i:quarter|half)", "year_span": r"(?i:from|between)", "year_range": r"\d{4}",
        "relative": r"(?i:year|month|week)", "weekday": rf"(?:{weekdays})",
        "today": r"(?i:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|the\s+day)", "ago": r"(?i:ago)",
        "that_year": r"(?i:year)", "days_after": r"(?i:days?|weeks?)",
        "mid_year": r"\d{4}",
        "season": rf"(?i:{'|'.join(_words().get('seasons', {})) or 'spring'})",
    }
    return [_Rule(name, re.compile(rx), re.compile(anchors.get(name, month_anchor))) for name, rx in table]


@dataclass(frozen=True)
class _Anchor:
    pattern: re.Pattern  # as the rules give it
    lowered: re.Pattern | None  # a case-blind anchor as a plain pattern over lower-cased text (scans faster)


@cache
def _anchors() -> dict[str, _Anchor]:
    """The rules' distinct anchors, by pattern. Searched one by one, each with its own fast scan (one
    pattern of them all measured six times slower); ``(?i:...)`` ones on the lower-cased text, because
    a case-blind alternation is tried at every character."""
    out: dict[str, _Anchor] = {}
    for rule in _rules():
        rx = rule.anchor.pattern
        if rx in out:
            continue
        whole = re.fullmatch(r"\(\?i:([a-z|\\s+?]+)\)", rx)
        out[rx] = _Anchor(rule.anchor, re.compile(whole.group(1)) if whole else None)
    return out


_REACH = 64  # how far a date expression reaches on either side of its anchor word


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each anchor (by pattern), the stretches of ``text`` within reach of one; empty when none is found."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would shift
        lowered = None
    out: dict[str, list[tuple[int, int]]] = {}
    for rx, anchor in _anchors().items():
        if anchor.lowered is not None and lowered is not None:
            matches = anchor.lowered.finditer(lowered)
        else:
            matches = anchor.pattern.finditer(text)
        spans: list[tuple[int, int]] = []
        for m in matches:
            a, b = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        if spans:
            out[rx] = spans
    return out


# ---------------------------------------------------------------- resolving

def _pub(pub_date: str | None) -> date | None:
    if not pub_date:
        return None
    try:
        parts = [int(p) for p in pub_date[:10].split("-")]
        while len(parts) < 3:
            parts.append(1)
        return date(*parts)
    except (ValueError, TypeError):
        return None


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _ym(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


@lru_cache(maxsize=4096)
def _dateparser(expr: str, base: str | None, prefer: str) -> str | None:
    """dateparser on one absolute expression; cached because it costs milliseconds a call."""
    import dateparser  # imported late: it takes a while and only this needs it

    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "DATE_ORDER": "DMY",
                                "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]  # no base: do not let "today" fill the gaps
    try:
        parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def _day(day: str, month: str, year: str | None, pub: date | None, planned: bool) -> str | None:
    """One calendar day. Without a year: the occurrence nearest publication, leaning to the past for what
    happened and to the future for what is planned (a release of 3 March saying "on 20 March" means this
    March whatever the tense; one of 27 June saying "on 9 June" means this June)."""
    d = int(re.match(r"\d+", day).group())
    m = _month_no(month)
    if not 1 <= d <= 31:
        return None
    if year:
        try:
            return date(int(year), m, d).isoformat()
        except ValueError:
            return None
    if pub is None:
        return None
    candidates = set()
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.add(date(y, m, d).isoformat())
        except ValueError:  # 29 February, 31 April
            pass

    def cost(iso: str) -> float:
        days = (date.fromisoformat(iso) - pub).days
        wrong_way = days < 0 if planned else days > 0
        return abs(days) * (3 if wrong_way else 1)

    return min(candidates, key=cost) if candidates else None


def _weekday(wd: int, rel: str | None, pub: date, planned: bool) -> date:
    rel = (rel or "").lower()
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=ahead or 7)
    return pub + timedelta(days=ahead) if planned else pub - timedelta(days=back)


def _relative_year(rel: str, pub: date) -> int:
    rel = " ".join(rel.lower().split())
    if rel in ("last", "the previous", "the past"):
        return pub.year - 1
    if rel in ("next", "the coming"):
        return pub.year + 1
    return pub.year


def _month_nearest(m: int, pub: date, planned: bool) -> str:
    """A month named without a year: this year's if that fits the direction, else the neighbouring year's."""
    if planned:
        year = pub.year if m >= pub.month else pub.year + 1
    else:
        year = pub.year if m <= pub.month else pub.year - 1
    return f"{year:04d}-{m:02d}"


def _month_against(rel: str, m: int, pub: date) -> str:
    """ "this March": the publication year's; "last March": the latest March before this month; "next
    March", "coming March": the first after it."""
    year = pub.year
    if rel in ("last", "past") and m >= pub.month:
        year -= 1
    elif rel in ("next", "coming") and m <= pub.month:
        year += 1
    return f"{year:04d}-{m:02d}"


Resolved = tuple[str, str | None] | None


def _season_year(g: dict[str, str | None], pub: date | None, planned: bool) -> Resolved:
    """The year a season falls in: its own ("autumn 2025"), or told against the story's day: "next spring" the
    first to begin after it, "last winter" the latest begun before it, "in the autumn" this year's (for a plan
    once this year's is over, next year's)."""
    if g["y"]:
        return g["y"], None
    if pub is None:
        return None
    first, last = _words()["seasons"][(g["s"] or "").lower()]
    rel = (g["rel"] or "").lower()
    if rel in ("next", "coming"):
        year = pub.year if first > pub.month else pub.year + 1
    elif rel in ("last", "past"):
        year = pub.year if first < pub.month else pub.year - 1
    elif planned:
        year = pub.year + 1 if last >= first and pub.month > last else pub.year
    else:
        year = pub.year - 1 if first > pub.month else pub.year
    return str(year), None


def _resolve(rule: str, g: dict[str, str | None], pub: date | None, planned: bool) -> Resolved:
    if rule in ("dmy", "mdy"):
        year = g["y"] or (str(_relative_year(g["ry"], pub)) if g.get("ry") and pub is not None else None)
        value = _day(g["d"], g["m"], year, pub, planned)
        return (value, None) if value else None
    if rule == "dmy_range" or rule == "mdy_range":
        end = _day(g["d2"], g["m"], g["y"], pub, planned)
        if not end:
            return None
        start = _day(g["d1"], g["m"], end[:4], pub, planned)
        return (start, end) if start and start <= end else None
    if rule in ("dmy_cross", "mdy_cross"):
        end = _day(g["d2"], g["m2"], g["y"], pub, planned)
        if not end:
            return None
        start = _day(g["d1"], g["m1"], end[:4], pub, planned)
        if start and start > end:
            start = _day(g["d1"], g["m1"], str(int(end[:4]) - 1), pub, planned)
        return (start, end) if start else None
    if rule == "iso":
        try:
            return date(int(g["y"]), int(g["mo"]), int(g["d"])).isoformat(), None
        except ValueError:
            return None
    if rule == "numeric":
        a, b = int(g["a"]), int(g["b"])
        day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless that cannot be
        try:
            return date(int(g["y"]), month, day).isoformat(), None
        except ValueError:
            return None
    if rule == "month_year":
        return f"{int(g['y']):04d}-{_month_no(g['m']):02d}", None
    if rule == "mid_year":
        return g["y"], None
    if rule == "season":
        return _season_year(g, pub, planned)
    if rule == "year_range":
        y1, y2 = g["y1"], g["y2"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        return (y1, y2) if y1 < y2 else None
    if rule == "year_span":
        if pub is None and (g["rel1"] or g["rel2"]):
            return None
        y1 = g["y1"] or str(_relative_year(g["rel1"], pub))
        y2 = g["y2"] or str(_relative_year(g["rel2"], pub))
        return (y1, y2) if y1 < y2 else ((y1, None) if y1 == y2 else None)
    if rule == "first_months":
        if not g["y"] and pub is None:
            return None
        n = _number(g["n"])
        year = int(g["y"]) if g["y"] else _relative_year(g["rel"], pub)
        if not n or n > 12:
            return None
        return f"{year:04d}-01", f"{year:04d}-{n:02d}"
    if rule == "part_of_year":
        if not g["y"] and pub is None:
            return None
        year = int(g["y"]) if g["y"] else _relative_year(g["rel"], pub)
        size = 3 if g["unit"].lower() == "quarter" else 6
        index = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(g["ord"].lower(), 12 // size - 1)
        if index * size >= 12:
            return None
        return f"{year:04d}-{index * size + 1:02d}", f"{year:04d}-{index * size + size:02d}"
    if pub is None:
        return None
    if rule == "relative":
        rel = " ".join(g["rel"].lower().split())
        unit = g["unit"].lower()
        if (rel == "the" and not g["mod"]) or rel == "the previous":
            return None  # "the year" alone says nothing; "the previous year" is relative to another date
        step = -1 if rel in ("last", "the previous", "the past") else 1 if rel in ("next", "the coming") else 0
        if unit == "year":
            return str(pub.year + step), None
        if unit == "month":
            return _ym(_add_months(pub, step)), None
        return _ym(pub + timedelta(weeks=step)), None
    if rule == "month_rel":
        return f"{_relative_year(g['rel'], pub):04d}-{_month_no(g['m']):02d}", None
    if rule == "rel_month":
        return _month_against(g["rel"].lower(), _month_no(g["m"]), pub), None
    if rule == "today":
        w = " ".join(g["w"].lower().split())
        if w.endswith("in the day"):
            return None  # "earlier in the day": the day the story tells, not necessarily today's
        shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
                 "last night": -1, "last evening": -1}.get(w, 0)
        return (pub + timedelta(days=shift)).isoformat(), None
    if rule == "weekday":
        wd = _weekday_table()[g["wd"]]
        return _weekday(wd, g["rel"], pub, planned).isoformat(), None
    if rule == "ago":
        n = 1 if g["n"].lower() in ("a", "an") else _number(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat(), None
        if unit == "week":
            return _ym(pub - timedelta(weeks=n)), None
        if unit == "month":
            return _ym(_add_months(pub, -n)), None
        return str(pub.year - n), None
    if rule == "month_alone":
        return _month_nearest(_month_no(g["m"]), pub, planned), None
    return None


# ---------------------------------------------------------------- planned or held

@cache
def _planned_cue() -> re.Pattern:
    cues = _alternation(_words()["planned_cues"])
    return re.compile(rf"(?i)(?<![\w'])(?:{cues})(?![\w])")


_SENTENCE_START = re.compile(r"[.!?;]\s*(?=[A-Z\"“])|\n\s*\n")
# a past verb after the cue means the date belongs to something done: "would bring the agreement signed in July"
_PAST_AFTER_CUE = re.compile(r"(?i)(?<!\bbe )(?<!\bbeen )\b(?:signed|held|adopted|launched|established|concluded|"
                             r"ratified|agreed|announced|took|began|opened|met|made|came|elected|appointed|"
                             r"created|set up|completed|reached|visited|hosted)\b")
_FUTURE_AFTER = re.compile(r"(?i)^[^.;!?]{0,80}?\b(?:will|shall|is to|are to|is due|are due|is scheduled|"
                           r"are scheduled|is expected|are expected)\b")
_SENTENCE_OPENER = re.compile(r"(?i)^\s*(?:on|in|by|from|during|at|early|later)?\s*$")


def looks_planned(text: str, start: int, end: int | None = None) -> bool:
    """Whether the sentence around ``text[start:end]`` speaks of something still to come."""
    window_start = max(0, start - 200)
    before = text[window_start:start]
    cut = None
    for m in _SENTENCE_START.finditer(before):
        cut = m.end()
    if cut is not None:
        before = before[cut:]
    cues = list(_planned_cue().finditer(before))
    if cues:
        return not _PAST_AFTER_CUE.search(before[cues[-1].end():])
    if (cut is not None or window_start == 0) and _SENTENCE_OPENER.match(before):
        # "On 20 March the President will travel to Darwin": the verb comes after the date
        return bool(_FUTURE_AFTER.search(text[end if end is not None else start:]))
    return False


# ---------------------------------------------------------------- public API

def find_dates(text: str, pub_date: str | None, *, planned: bool | None = False) -> list[DateMention]:
    """Every date expression in ``text`` that can be resolved, in text order, non-overlapping.

    ``planned``: True/False for the direction of weekday and yearless dates;
    None decides per mention from the words before it in its sentence.
    """
    return list(_find_dates(text, pub_date, planned))


@lru_cache(maxsize=1024)
def _find_dates(text: str, pub_date: str | None, planned: bool | None) -> tuple[DateMention, ...]:
    # Cached: the event, agreement and validity readers each ask about the same sentences.
    windows = _windows(text)  # a dozen rules share the month names as their anchor: each is scanned once
    if not windows:
        return ()  # most sentences: no word any date rule starts from
    pub = _pub(pub_date)
    found: list[tuple[int, int, int, str, dict]] = []
    for order, rule in enumerate(_rules()):
        for a, b in windows.get(rule.anchor.pattern, ()):
            for m in rule.regex.finditer(text, a, b):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), order, rule.name, m))
    found.sort()
    out: list[DateMention] = []
    taken_until = -1
    for start, neg_len, _order, name, m in found:
        end = start - neg_len
        if start < taken_until:
            continue
        is_planned = looks_planned(text, start, end) if planned is None else planned
        if name in _ANAPHORIC:
            resolved = _resolve_anaphoric(name, m.groupdict(), out[-1] if out else None, start)
        else:
            resolved = _resolve(name, m.groupdict(), pub, is_planned)
        if not resolved:
            continue
        value, end_value = resolved
        s, e = _trim(text, start, end)
        out.append(DateMention(s, e, value, end_value, text[s:e]))
        taken_until = end
    return tuple(out)


_ANAPHORIC = {"that_month", "that_year", "days_after"}


def _resolve_anaphoric(rule: str, g: dict[str, str | None], previous: DateMention | None, start: int) -> Resolved:
    """Dates told against the one mentioned just before in the same text; nothing without one."""
    if previous is None or start - previous.end > 300:
        return None  # too far back to be what "that year" points at
    base = previous.end_value or previous.value if rule != "days_after" else previous.value
    year = int(base[:4])
    if rule == "that_month":
        return f"{year:04d}-{_month_no(g['m']):02d}", None
    if rule == "that_year":
        step = 0 if g["same"] else (1 if g["dir"].lower() in ("following", "next") else -1)
        return str(year + step), None
    # "three days after": only right after a day ("on Thursday, three days after ...")
    if len(previous.value) != 10 or start - previous.end > 4:
        return None
    n = _number(g["n"])
    if n is None:
        return None
    days = n * (7 if g["unit"].lower().startswith("week") else 1)
    sign = 1 if g["dir"].lower() in ("after", "later") else -1
    # "three days after the leaders met" is told from the later date: the event is the earlier one
    shifted = date.fromisoformat(previous.value) - timedelta(days=sign * days)
    return shifted.isoformat(), None


_LEADING = re.compile(r"(?i)^(?:from|between|on|in|during|for|of|at)\s+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading preposition the pattern needed as context ("in February" -> "February")."""
    m = _LEADING.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def resolve_date(expr: str, pub_date: str | None, *, planned: bool = False) -> str | None:
    """The value of the first date in ``expr`` ("last month" -> "2021-05"), or None.

    Expressions none of the patterns know fall back to dateparser (cached), as a day."""
    mentions = find_dates(expr, pub_date, planned=planned)
    if mentions:
        return mentions[0].value
    if not re.search(r"\d", expr) or len(expr) > 40:
        return None  # dateparser reads too much into bare words
    pub = _pub(pub_date)
    return _dateparser(expr.strip(), pub.isoformat() if pub else None, "future" if planned else "past")


_FROM_CUE = re.compile(r"(?i)(?:\bfrom|\bsince|\bstarting|\bbeginning|\beffective|\bentered\s+into\s+force|"
                       r"\bcame\s+into\s+force|\btakes?\s+effect|\btook\s+effect|\bin\s+force\s+since|\bcommencing)"
                       r"(?:\s+(?:on|in|from))?\s*$")
_TO_CUE = re.compile(r"(?i)(?:\buntil|\btill|\bthrough|\bthru|\bto|\bexpir(?:es|ing|y)|\blapses?|\bends?|"
                     r"\bvalid\s+until|\bruns?\s+(?:until|to|through)|\buntil\s+the\s+end\s+of)(?:\s+(?:on|in))?\s*,?\s*$")
_FOR_YEARS = re.compile(r"(?i)\bfor\s+(?:a\s+(?:further|period\s+of)|another|an\s+(?:initial|additional)|a)?\s*"
                        r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
                        r"twenty-five|thirty|fifty)[\s-]+years?\b")
_YEAR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "fifty": 50}


def find_validity(text: str, pub_date: str | None) -> tuple[str | None, str | None]:
    """(valid_from, valid_to) stated in a sentence about an agreement, e.g.
    "from this year to 2023" -> ("2021", "2023"), "for a further five years, until 2029" -> ("2024", "2029"),
    "covering 2025–2027" -> ("2025", "2027"), "entered into force on 30 August 2019" -> ("2019-08-30", None)."""
    valid_from: str | None = None
    valid_to: str | None = None
    for mention in find_dates(text, pub_date, planned=True):
        before = text[max(0, mention.start - 40):mention.start]
        if mention.end_value and (valid_from is None and valid_to is None):
            if re.search(r"(?i)(?:signed|held|met|visit)\w*\s+(?:on|in)?\s*$", before):
                continue  # the dates of an event, not a term
            valid_from, valid_to = mention.value, mention.end_value
        elif valid_to is None and _TO_CUE.search(before):
            valid_to = mention.end_value or mention.value
        elif valid_from is None and _FROM_CUE.search(before):
            valid_from = mention.value
    term = _FOR_YEARS.search(text)
    if term:
        n = term.group("n").lower()
        years = int(n) if n.isdigit() else _YEAR_WORDS.get(n)
        pub = _pub(pub_date)
        if years:
            if valid_from is None and valid_to is None and pub is not None:
                valid_from = str(pub.year)
            if valid_to is None and valid_from:
                valid_to = str(int(valid_from[:4]) + years)
            elif valid_from is None and valid_to and re.search(r"(?i)further|another|renew|extend", text):
                valid_from = str(int(valid_to[:4]) - years)
    return valid_from, valid_to
