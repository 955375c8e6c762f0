"""Tests for the strict-policy recognizer of sums of money."""

from __future__ import annotations

import pytest

from recognizers import money


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in money.find_money(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court awarded EUR 4,000 in damages.", ["EUR 4,000"]),
        ("a fine of 80 DEM was paid", ["80 DEM"]),
        ("She earns £250 a week.", ["£250"]),
        ("a grant of € 1,400.50", ["€ 1,400.50"]),
        ("the house sold for $3m", ["$3m"]),
        ("rent of 120,000 euros a year", ["120,000 euros"]),
        ("a fine of 1,500 Austrian schillings", ["1,500 Austrian schillings"]),
        ("he was paid 781 New Turkish liras", ["781 New Turkish liras"]),
        ("damages of 100,000 euros (EUR) were sought", ["100,000 euros (EUR)"]),
        ("costs of PLN 200 [approx. EUR 50] were", ["PLN 200 [approx. EUR 50]"]),
        ("a claim for approximately 6,000 euros (EUR).", ["approximately 6,000 euros (EUR)"]),
        ("five hundred pounds was stolen", ["five hundred pounds"]),
        ("2 million euros", ["2 million euros"]),
        ("150,000 pounds sterling (GBP)", ["150,000 pounds sterling (GBP)"]),
        ("141 Deutsche Mark", ["141 Deutsche Mark"]),
        ("a claim of EUR 4.684,40", ["EUR 4.684,40"]),
    ],
)
def test_finds_sums_of_money(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["She scored 45 marks out of 60.", "Level 3 Diploma in Adult Care", "Room 12, 3 staff on shift",
     "There were 30 ALL CAPS words", "EUR alone is a currency code"],
)
def test_ignores_numbers_without_a_currency(text: str) -> None:
    assert _found(text) == []


def test_recognizer_reports_money_under_its_strict_only_type() -> None:
    recognizer = money.STRICT_RECOGNIZERS["money.v1"]()
    [result] = recognizer.analyze("a fine of EUR 500", entities=[money.MONEY])
    assert (result.entity_type, result.start, result.end) == ("MONEY", 10, 17)
    assert not hasattr(money, "RECOGNIZERS")
