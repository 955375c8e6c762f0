"""Tests for the date-of-birth recognizer and the strict-policy any-date recognizer."""

from __future__ import annotations

import pytest

from recognizers import dates
from recognizers.entities import DATE_OF_BIRTH


@pytest.fixture(scope="module")
def dob() -> dates.DateOfBirthRecognizer:
    return dates.RECOGNIZERS["uk_date_of_birth.v1"]()


@pytest.fixture(scope="module")
def any_date() -> dates.AnyDateRecognizer:
    return dates.DATE_RECOGNIZERS["any_date.v1"]()


def _found(recognizer, text: str, entity: str) -> list[str]:
    results = recognizer.analyze(text, entities=[entity], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date of birth: 12/03/1964", ["12/03/1964"]),
        ("DOB 12.3.64", ["12.3.64"]),
        ("d.o.b. 12-03-1964", ["12-03-1964"]),
        ("D.O.B: 1964-03-12", ["1964-03-12"]),
        ("She was born on 2nd March 1964.", ["2nd March 1964"]),
        ("born on the 2nd of March 1964", ["2nd of March 1964"]),
        ("Born March 2, 1964 in Leeds", ["March 2, 1964"]),
        ("born in Leeds on 12 Mar 1964", ["12 Mar 1964"]),
        ("Birthday: 2nd March", ["2nd March"]),
        ("born in March 1964", ["March 1964"]),
        ("Jane Roe, b. 2 March 1964", ["2 March 1964"]),
        ("(b. 12/03/1964)", ["12/03/1964"]),
        ("12/03/1964 (DOB)", ["12/03/1964"]),
        ("On Monday 12th March 1964 she was born", ["12th March 1964"]),
        ("Date of birth\n\n29/02/1964", ["29/02/1964"]),  # cells of a table
        ("born 12/03/1964, started college 01/09/2010", ["12/03/1964"]),
        ("DOB 12/03/1964. Review on 3 May 2024.", ["12/03/1964"]),
    ],
)
def test_dob_found_after_birth_cue(
    dob: dates.DateOfBirthRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(dob, text, DATE_OF_BIRTH) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The session on 3 May 2024 went well.",
        "Reviewed 12/03/2024 and 14.05.2024",
        "Sam was born in Leeds and started college on 3 May 2024",  # cue too far back
        "She was born in Leeds. The session on 3 May 2024 was short.",  # other sentence
        "b. 3 May 2024 review meeting",  # list item, not "Name, b."
        "Date of birth: 31/02/1964",  # no such day
        "DOB 12/13/1964",  # no month 13
        "DOB 14:30",
        "Date of birth unknown; 87% attendance, 42 sessions",
        "Mental Capacity Act 2005",
        "born 1964",  # a year alone is not a date of birth
    ],
)
def test_dob_rejects_ordinary_dates_and_non_dates(
    dob: dates.DateOfBirthRecognizer, text: str
) -> None:
    assert _found(dob, text, DATE_OF_BIRTH) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The session on 3 May 2024 went well.", ["3 May 2024"]),
        ("Reviewed 12/03/2024 and 14.05.2024", ["12/03/2024", "14.05.2024"]),
        ("On 2024-05-03, then May 3rd and the 3rd of May", ["2024-05-03", "May 3rd", "3rd of May"]),
        ("Starting September 2024", ["September 2024"]),
        ("12-03-64", ["12-03-64"]),
    ],
)
def test_any_date_finds_calendar_dates(
    any_date: dates.AnyDateRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(any_date, text, dates.DATE_TIME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Monday and Tuesday at 14:30, or 2pm",
        "87% over 42 sessions",
        "Level 2 Certificate, Unit 204",
        "Mental Capacity Act 2005 and Equality Act 2010",
        "section 3.1.12",  # dotted numbering with a two-digit "year"
        "you may 3 times",  # lower-case "may" is not a month
        "12/03",  # day and month only, numeric
        "31/02/2024",
        "2023-2024 academic year",
    ],
)
def test_any_date_rejects_non_dates(any_date: dates.AnyDateRecognizer, text: str) -> None:
    assert _found(any_date, text, dates.DATE_TIME) == []


def test_any_date_is_only_in_the_date_table() -> None:
    assert set(dates.RECOGNIZERS) == {"uk_date_of_birth.v1"}
    assert set(dates.DATE_RECOGNIZERS) == {"any_date.v1"}


def test_dob_outscores_any_date(dob, any_date) -> None:
    text = "DOB 12/03/1964"
    [birth] = dob.analyze(text, entities=[DATE_OF_BIRTH])
    [plain] = any_date.analyze(text, entities=[dates.DATE_TIME])
    assert birth.score > plain.score


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Client A (DOB 12/03/1964) attended the session on 3 May 2024.", ["12/03/1964"]),
        ("The session on 3 May 2024 covered the Mental Capacity Act 2005.", []),
        ("She was born on 2nd March 1964 and joined on 4 June 2019.", ["2nd March 1964"]),
    ],
)
def test_dob_in_analyzer(analyzer, find, text: str, expected: list[str]) -> None:
    assert find(analyzer, text, DATE_OF_BIRTH) == expected
    assert find(analyzer, text, dates.DATE_TIME) == []  # strict-only recognizer not loaded
