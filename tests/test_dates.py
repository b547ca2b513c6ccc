"""Tests for finding and resolving date expressions (wirecoder.dates)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecoder.dates import DateMention, find_dates, resolve
from wirecoder.records import DateValue

FRI_2018_11_16 = date(2018, 11, 16)
THU_2018_11_15 = date(2018, 11, 15)
THU_2024_08_22 = date(2024, 8, 22)
JAN_2024 = date(2024, 1, 10)

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def day(d: date) -> DateValue:
    return DateValue(d)


def week(first: date) -> DateValue:
    return DateValue(first, "week", first + timedelta(days=6))


def month(year: int, number: int, last: int) -> DateValue:
    return DateValue(date(year, number, 1), "month", date(year, number, last))


def year(number: int) -> DateValue:
    return DateValue(date(number, 1, 1), "year", date(number, 12, 31))


def found(text: str, reference: date, *, future: bool = False) -> list[tuple[str, str, DateValue | None]]:
    """(matched text, kind, resolved value) for every mention, checking spans on the way."""
    mentions = find_dates(text)
    for mention in mentions:
        start, end = mention.span
        assert text[start:end] == mention.text
    return [(m.text, m.kind, resolve(m, reference, future=future)) for m in mentions]


# --- the cases named in the brief ------------------------------------------------------------------------

BRIEF_CASES = [
    (
        "On Thursday, ministers met in Brussels.",
        FRI_2018_11_16,
        False,
        [("On Thursday", "weekday", day(THU_2018_11_15))],
    ),
    (
        "Putin hosted Modi in the Kremlin Wednesday.",
        THU_2024_08_22,
        False,
        [("Wednesday", "weekday", day(date(2024, 8, 21)))],
    ),
    (
        "The council held last week's 23rd regular meeting in Beijing.",
        THU_2018_11_15,
        False,
        [("last week's", "relative", week(date(2018, 11, 5)))],
    ),
    ("It was Putin's 2022 invasion of Ukraine.", THU_2024_08_22, False, [("2022", "year", year(2022))]),
    (
        "Bilateral trade reached $240 billion in 2023, the ministry said.",
        THU_2024_08_22,
        False,
        [("in 2023", "year", year(2023))],
    ),
    ("Exports surged by more than 60%.", THU_2024_08_22, False, []),
    (
        "The two leaders will meet on Monday.",
        THU_2024_08_22,
        True,
        [("on Monday", "weekday", day(date(2024, 8, 26)))],
    ),
    (
        "The deal was signed Nov. 15, 2018.",
        THU_2024_08_22,
        False,
        [("Nov. 15, 2018", "absolute", day(THU_2018_11_15))],
    ),
    ("Protests began in March.", JAN_2024, False, [("in March", "month", month(2023, 3, 31))]),
    ("Talks will resume in March.", JAN_2024, True, [("in March", "month", month(2024, 3, 31))]),
]


@pytest.mark.parametrize(("text", "reference", "future", "expected"), BRIEF_CASES)
def test_brief_cases(
    text: str, reference: date, future: bool, expected: list[tuple[str, str, DateValue | None]]
) -> None:
    assert found(text, reference, future=future) == expected


def test_last_week_span_and_no_ordinal() -> None:
    text = "The council held last week's 23rd regular meeting."
    mentions = find_dates(text)
    assert [m.span for m in mentions] == [(17, 28)]
    assert all("23" not in m.text for m in mentions)


# --- each kind of expression ------------------------------------------------------------------------------

ABSOLUTE_CASES = [
    ("It began on November 15, 2018.", "on November 15, 2018", THU_2018_11_15),
    ("It began 15 November 2018 in Paris.", "15 November 2018", THU_2018_11_15),
    ("It began 15 Nov 2018 in Paris.", "15 Nov 2018", THU_2018_11_15),
    ("The file is dated 2018-11-15.", "2018-11-15", THU_2018_11_15),
    ("Elections were held on 3 March.", "on 3 March", date(2024, 3, 3)),
    ("Elections were held March 3.", "March 3", date(2024, 3, 3)),
    ("The treaty took effect on Sept. 1, 2001.", "on Sept. 1, 2001", date(2001, 9, 1)),
    ("They met on the 4th of July 2019.", "4th of July 2019", date(2019, 7, 4)),
    ("The vote was on Tuesday, May 7.", "on Tuesday, May 7", date(2024, 5, 7)),
    ("The summit opened Friday, 15 March 2024.", "Friday, 15 March 2024", date(2024, 3, 15)),
    ("The ceasefire held until Aug 31.", "Aug 31", date(2023, 8, 31)),
]


@pytest.mark.parametrize(("text", "matched", "expected"), ABSOLUTE_CASES)
def test_absolute_dates(text: str, matched: str, expected: date) -> None:
    # Reference: 2024-06-20. "Aug 31" without a year is more than two months ahead, so a past event
    # is put in the previous year; "May 7" and "March 3" stay in the reference year.
    assert found(text, date(2024, 6, 20)) == [(matched, "absolute", day(expected))]


@pytest.mark.parametrize(
    ("reference", "future", "expected"),
    [
        (date(2018, 11, 16), False, date(2018, 11, 15)),  # two days back
        (date(2019, 1, 5), False, date(2018, 11, 15)),  # a past event in the previous year
        (date(2018, 10, 1), False, date(2018, 11, 15)),  # only six weeks ahead: kept in the year
        (date(2018, 8, 1), False, date(2017, 11, 15)),  # too far ahead for a past event
        (date(2018, 12, 1), True, date(2018, 11, 15)),  # recent enough for a future-tense clause
        (date(2019, 1, 20), True, date(2019, 11, 15)),  # a future event two months gone: next year's
    ],
)
def test_day_without_year(reference: date, future: bool, expected: date) -> None:
    (mention,) = find_dates("Voting is set for November 15th.")
    assert mention.text == "November 15th"
    assert resolve(mention, reference, future=future) == day(expected)


def test_weekday_in_full_date_picks_the_year() -> None:
    # 2018-11-15 was a Thursday; the reference year (2019) would give a Friday.
    (mention,) = find_dates("It was announced on Thursday, Nov. 15.")
    assert mention.kind == "absolute"
    assert resolve(mention, date(2019, 1, 20)) == day(THU_2018_11_15)


def test_impossible_dates() -> None:
    assert find_dates("due Feb. 30, 2019 or 2019-02-30") == []
    (leap,) = find_dates("on Feb. 29")
    assert resolve(leap, date(2024, 3, 10)) == day(date(2024, 2, 29))
    assert resolve(leap, date(2023, 3, 10)) is None


MONTH_CASES = [
    ("It happened in March 2019.", "in March 2019", month(2019, 3, 31)),
    ("Since March 2019, prices rose.", "March 2019", month(2019, 3, 31)),
    ("The accord of Nov. 2018 collapsed.", "Nov. 2018", month(2018, 11, 30)),
    ("It began in early May.", "in early May", month(2024, 5, 31)),
    ("Fighting resumed in mid-June.", "in mid-June", month(2024, 6, 30)),
    ("Fighting resumed in late October.", "in late October", month(2023, 10, 31)),
    ("Both sides agreed last month.", "last month", month(2024, 5, 31)),
    ("Earlier this month, they met.", "Earlier this month", month(2024, 6, 30)),
    ("A vote is expected later this month.", "later this month", month(2024, 6, 30)),
    ("Talks resume next month.", "next month", month(2024, 7, 31)),
    ("He visited last March.", "last March", month(2024, 3, 31)),
    ("He visited last June.", "last June", month(2023, 6, 30)),
    ("He will visit next June.", "next June", month(2025, 6, 30)),
    ("January's election was tense.", "January's", month(2024, 1, 31)),
]


@pytest.mark.parametrize(("text", "matched", "expected"), MONTH_CASES)
def test_months(text: str, matched: str, expected: DateValue) -> None:
    assert found(text, date(2024, 6, 20)) == [(matched, "month", expected)]


def test_month_range() -> None:
    got = found("Prices rose from January to March.", date(2024, 6, 20))
    assert [(text, value) for text, _, value in got] == [
        ("January", month(2024, 1, 31)),
        ("March", month(2024, 3, 31)),
    ]


YEAR_CASES = [
    ("Putin's 2022 invasion", ["2022"]),
    ("the 2014 annexation of Crimea", ["2014"]),
    ("Russia’s 2014 annexation", ["2014"]),
    ("a 2019 report by the agency", ["2019"]),
    ("sanctions in place since 2014", ["2014"]),
    ("net zero by 2050", ["2050"]),
    ("in the spring of 2021", ["2021"]),
    ("results for fiscal 2023", ["2023"]),
    ("during 2020 the economy shrank", ["2020"]),
    ("In 2022, people voted.", ["In 2022"]),
    ("growth in early 2021 and mid-2022", ["in early 2021", "mid-2022"]),
    ("from 2019 to 2022", ["2019", "2022"]),
    ("2023's record harvest", ["2023's"]),
    # Not years: counts, money, times, parts of longer numbers, bare numbers, ranges, decades.
    ("2022 people attended", []),
    ("the 2000 troops deployed", []),
    ("2,000 troops and 12022 rifles", []),
    ("$2022 and 2022% and 20.22", []),
    ("at 20:22 and 10:31 GMT", []),
    ("UN Security Council Resolution 2334", []),
    ("a 2019-2020 season in the 2020s", []),
    ("by 2000 votes", []),
    ("The index closed at 2015 points.", []),
]


@pytest.mark.parametrize(("text", "matched"), YEAR_CASES)
def test_years(text: str, matched: list[str]) -> None:
    mentions = find_dates(text)
    assert [m.text for m in mentions] == matched
    assert all(m.kind == "year" for m in mentions)
    for mention in mentions:
        value = resolve(mention, THU_2024_08_22)
        assert value is not None
        assert value.precision == "year"
        assert str(value.day.year) in mention.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last year", year(2023)),
        ("this year's", year(2024)),
        ("earlier this year", year(2024)),
        ("next year", year(2025)),
    ],
)
def test_relative_years(text: str, expected: DateValue) -> None:
    assert found(f"Output fell {text}.", THU_2024_08_22) == [(text, "year", expected)]


WEEKDAY_CASES = [
    # Reference Thursday 2024-08-22.
    ("They met on Thursday.", "on Thursday", False, date(2024, 8, 22)),  # same weekday: today
    ("They met Wednesday.", "Wednesday", False, date(2024, 8, 21)),
    ("They met Friday.", "Friday", False, date(2024, 8, 16)),
    ("Thursday's talks ended.", "Thursday's", False, date(2024, 8, 22)),
    ("Thursday’s talks ended.", "Thursday’s", False, date(2024, 8, 22)),
    ("Shelling resumed late Wednesday.", "late Wednesday", False, date(2024, 8, 21)),
    ("Shelling resumed on Tuesday night.", "on Tuesday night", False, date(2024, 8, 20)),
    ("Shelling resumed on sunday.", "on sunday", False, date(2024, 8, 18)),
    ("They will meet on Monday.", "on Monday", True, date(2024, 8, 26)),
    ("They will meet on Thursday.", "on Thursday", True, date(2024, 8, 22)),
    ("They meet next Monday.", "next Monday", False, date(2024, 8, 26)),
    ("They met next Thursday.", "next Thursday", False, date(2024, 8, 29)),
    ("They met last Monday.", "last Monday", False, date(2024, 8, 12)),
    ("They met last Friday.", "last Friday", True, date(2024, 8, 16)),
]


@pytest.mark.parametrize(("text", "matched", "future", "expected"), WEEKDAY_CASES)
def test_weekdays(text: str, matched: str, future: bool, expected: date) -> None:
    assert found(text, THU_2024_08_22, future=future) == [(matched, "weekday", day(expected))]


RELATIVE_CASES = [
    # Reference Thursday 2024-08-22; the week of the reference runs 2024-08-19..25.
    ("today", day(date(2024, 8, 22))),
    ("yesterday", day(date(2024, 8, 21))),
    ("yesterday morning", day(date(2024, 8, 21))),
    ("tomorrow's", day(date(2024, 8, 23))),
    ("last night", day(date(2024, 8, 21))),
    ("the day before yesterday", day(date(2024, 8, 20))),
    ("two days ago", day(date(2024, 8, 20))),
    ("10 days ago", day(date(2024, 8, 12))),
    ("last week", week(date(2024, 8, 12))),
    ("last week’s", week(date(2024, 8, 12))),
    ("this week", week(date(2024, 8, 19))),
    ("earlier this week", week(date(2024, 8, 19))),
    ("next week", week(date(2024, 8, 26))),
    ("three weeks ago", week(date(2024, 7, 29))),
    ("a week ago", week(date(2024, 8, 12))),
    ("last weekend", DateValue(date(2024, 8, 17), "week", date(2024, 8, 18))),
    ("this weekend", DateValue(date(2024, 8, 24), "week", date(2024, 8, 25))),
    ("a month ago", month(2024, 7, 31)),
    ("a couple of months ago", month(2024, 6, 30)),
    ("a year ago", year(2023)),
]


@pytest.mark.parametrize(("phrase", "expected"), RELATIVE_CASES)
def test_relative(phrase: str, expected: DateValue) -> None:
    assert found(f"The ministry said {phrase} it would act.", THU_2024_08_22) == [(phrase, "relative", expected)]


def test_relative_month_crosses_year() -> None:
    (mention,) = find_dates("Output fell last month.")
    assert resolve(mention, date(2024, 1, 15)) == month(2023, 12, 31)


NOT_DATES = [
    "He may visit Beijing.",
    "May I add something?",
    "Theresa May's cabinet met.",
    "Thousands joined a march on the capital.",
    "They march at dawn.",
    "The Sunday Times reported it.",
    "Shoppers queued on Black Friday.",
    "The agency reported 10:31 GMT as the time.",
    "Exports surged by more than 60% to 2,000 tonnes.",
    "The 23rd regular meeting opened.",
    "China launched a Long March 5 rocket.",
    "USA Today and Russia Today carried it.",
    "Prices fell over the last year.",
    "They meet on the last Thursday of the month.",
    "He joined the August assembly.",
    "They open on Mondays.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_several_mentions_left_to_right() -> None:
    text = "On Wednesday, Xi recalled the 2014 annexation; talks planned for Nov. 15 were moved to next week."
    got = find_dates(text)
    assert [(m.text, m.kind) for m in got] == [
        ("On Wednesday", "weekday"),
        ("2014", "year"),
        ("Nov. 15", "absolute"),
        ("next week", "relative"),
    ]
    assert [m.span[0] for m in got] == sorted(m.span[0] for m in got)


def test_longest_match_wins() -> None:
    # "in March" and "March 3, 2019" overlap: the full date is kept.
    (mention,) = find_dates("They signed in March 3, 2019 papers.")
    assert (mention.text, mention.kind) == ("March 3, 2019", "absolute")


# --- properties -------------------------------------------------------------------------------------------

references = st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31))


@given(reference=references, weekday=st.integers(min_value=0, max_value=6))
def test_weekday_resolution_property(reference: date, weekday: int) -> None:
    (mention,) = find_dates(f"They met on {WEEKDAY_NAMES[weekday]}.")
    past = resolve(mention, reference)
    future = resolve(mention, reference, future=True)
    assert past is not None
    assert future is not None
    assert past.day.weekday() == weekday == future.day.weekday()
    assert 0 <= (reference - past.day).days <= 6
    assert 0 <= (future.day - reference).days <= 6
    assert past.precision == future.precision == "day"


@given(reference=references, weekday=st.integers(min_value=0, max_value=6))
def test_last_and_next_weekday_property(reference: date, weekday: int) -> None:
    last, nxt = find_dates(f"Not last {WEEKDAY_NAMES[weekday]} but next {WEEKDAY_NAMES[weekday]}.")
    last_value, next_value = resolve(last, reference), resolve(nxt, reference)
    assert last_value is not None
    assert next_value is not None
    assert 1 <= (reference - last_value.day).days <= 13
    assert 1 <= (next_value.day - reference).days <= 7


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.:$%-’'sthndMayMarchOnlastweekJanuary")), max_size=60))
def test_find_dates_is_well_formed(text: str) -> None:
    mentions = find_dates(text)
    for mention in mentions:
        assert isinstance(mention, DateMention)
        assert text[mention.span[0] : mention.span[1]] == mention.text
        resolve(mention, date(2024, 2, 29))
        resolve(mention, date(2024, 2, 29), future=True)
    for left, right in pairwise(mentions):
        assert left.span[1] <= right.span[0]
