"""Tests for the sort code / account number recognizer."""

from __future__ import annotations

import pytest

from recognizers import bank
from recognizers.entities import BANK_ACCOUNT


@pytest.fixture(scope="module")
def recognizer() -> bank.UkBankAccountRecognizer:
    return bank.RECOGNIZERS["uk_bank_account.v1"]()


def _found(recognizer: bank.UkBankAccountRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[BANK_ACCOUNT], nlp_artifacts=None)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)
            if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sort code 20-00-00 account 12345678", ["20-00-00", "12345678"]),
        ("20-00-00 / 12345678", ["20-00-00", "12345678"]),
        ("Paid to 20 00 00 12345678", ["20 00 00", "12345678"]),
        ("40-11-62, a/c no. 87654321", ["40-11-62", "87654321"]),
        ("Sort code: 20-00-00", ["20-00-00"]),
        ("sort code 200000", ["200000"]),
        ("Account number: 12345678", ["12345678"]),
        ("Bank: account 12345678, sort code 20-00-00",
         ["12345678", "20-00-00"]),
    ],
)
def test_bank_details_found(
    recognizer: bank.UkBankAccountRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12-03-64",  # a date, not a sort code
        "Born 12-03-64 in Leeds",
        "20-00-00",  # no bank word, no account number
        "200000 people",
        "12345678 learners",  # eight digits alone
        "on 12-03-64 we met at 12345678 Road",  # too far apart / not glued
        "Account 1234567890",  # ten digits
        "sort code 20-00-0",
        "Unit 204, Level 2, 87%, 14:30, 2023-24",
    ],
)
def test_bank_rejects_dates_and_bare_numbers(
    recognizer: bank.UkBankAccountRecognizer, text: str
) -> None:
    assert _found(recognizer, text) == []


def test_bank_pair_scores_above_single_cue(recognizer: bank.UkBankAccountRecognizer) -> None:
    pair = recognizer.analyze("20-00-00 / 12345678", entities=[BANK_ACCOUNT])
    [single] = recognizer.analyze("sort code 20-00-00", entities=[BANK_ACCOUNT])
    assert min(r.score for r in pair) > single.score


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please pay sort code 20-00-00 account 12345678 by Friday.", ["20-00-00", "12345678"]),
        ("She was born 12-03-64 and has 12345678 points.", []),
    ],
)
def test_bank_in_analyzer(analyzer, find, text: str, expected: list[str]) -> None:
    assert find(analyzer, text, BANK_ACCOUNT) == expected
