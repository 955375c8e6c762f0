"""Tests for the strict-policy age recognizer."""

from __future__ import annotations

import pytest

from recognizers import ages


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in ages.find_ages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The resident, aged 87, lives alone.", ["87"]),
        ("aged 22 years at the time", ["22 years"]),
        ("aged twenty-two", ["twenty-two"]),
        ("a 63 years old man", ["63 years old"]),
        ("a ten-year-old boy", ["ten-year-old"]),
        ("she was eighteen years of age", ["eighteen years of age"]),
        ("he left school at the age of 16", ["age of 16"]),
        ("at the age of 6 months", ["age of 6 months"]),
    ],
)
def test_finds_ages(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["sentenced to three years in prison", "the Age of Enlightenment", "ten years ago", "Year 9"],
)
def test_ignores_durations_and_other_uses(text: str) -> None:
    assert _found(text) == []


def test_age_recognizer_is_strict_only() -> None:
    assert set(ages.STRICT_RECOGNIZERS) == {"age.v1"}
    assert not hasattr(ages, "RECOGNIZERS")
