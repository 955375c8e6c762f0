"""Tests for the strict-policy percentage recognizer."""

from __future__ import annotations

import pytest

from recognizers import percentages


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in percentages.find_percentages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("assessed at a 40% incapacity", ["40%"]),
        ("a rate of 18.5 % was applied", ["18.5 %"]),
        ("she holds 15 per cent of the shares", ["15 per cent"]),
        ("between 50 to 79% disabled", ["50 to 79%"]),
        ("rated 50% and 79% in turn", ["50% and 79%"]),
        ("a 20-30% reduction", ["20-30%"]),
    ],
)
def test_finds_percentages(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["version 1.5 of the form", "Unit 204", "page 40"])
def test_ignores_numbers_without_a_percent_sign(text: str) -> None:
    assert _found(text) == []


def test_percentage_recognizer_is_strict_only() -> None:
    assert set(percentages.STRICT_RECOGNIZERS) == {"percentage.v1"}
    assert not hasattr(percentages, "RECOGNIZERS")
