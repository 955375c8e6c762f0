"""Tests for the strict-policy recognizer of listed case and register numbers."""

from __future__ import annotations

import pytest

from recognizers import case_numbers


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in case_numbers.find_case_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two applications (nos. 12345/06 and 23456/07) against", ["12345/06", "23456/07"]),
        ("an application (no. 12345/06) lodged", ["12345/06"]),
        ("file nr 12/2019, 13/2019 and 14/2019", ["12/2019", "13/2019", "14/2019"]),
        ("the plots nos. 260, 268, 119/5, 164.9 and 121/2/3 were", ["260", "268", "119/5", "164.9",
                                                                    "121/2/3"]),
        ("a plot of land (plot no. 142, sheet 33/29)", ["142", "33/29"]),
        ("Flat 3, Example Court", ["3"]),
    ],
)
def test_finds_listed_numbers(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Protocol No. 11 to the Convention", "under Law no. 1234", "seen on 12/03/2019", "no. 7 bus"],
)
def test_ignores_law_numbers_dates_and_plain_numbers(text: str) -> None:
    assert _found(text) == []


def test_case_number_recognizer_is_strict_only() -> None:
    assert set(case_numbers.STRICT_RECOGNIZERS) == {"case_number.v1"}
    assert not hasattr(case_numbers, "RECOGNIZERS")
