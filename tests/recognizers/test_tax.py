"""Tests for the UTR, passport and driving licence recognizers."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from recognizers import tax
from recognizers.entities import DRIVING_LICENCE, PASSPORT, UTR


def _found(name: str, text: str, entity: str) -> list[str]:
    recognizer: EntityRecognizer = tax.RECOGNIZERS[name]()
    results = recognizer.analyze(text, entities=[entity], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UTR: 32824 97350", ["32824 97350"]),
        ("Self-assessment reference 3282497350K", ["3282497350K"]),
        ("HMRC wrote about 1123456789 last week", ["1123456789"]),
        ("Unique Taxpayer Reference 9987654321", ["9987654321"]),
        ("tax ref 7555000111", ["7555000111"]),
    ],
)
def test_utr_found_after_tax_word(text: str, expected: list[str]) -> None:
    assert _found("uk_utr.v1", text, UTR) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3282497350",  # valid, but no tax word
        "Reference 3282497350",
        "UTR 1282497350",  # check digit wrong
        "UTR 3282497351",
        "UTR 328249735",  # nine digits
        "UTR 32824973501",
        "HMRC guidance, Unit 204, Level 2, 2023-24",
    ],
)
def test_utr_rejects_traps(text: str) -> None:
    assert _found("uk_utr.v1", text, UTR) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Passport number: 123456789", ["123456789"]),
        ("passport no. 987654321 (HMPO)", ["987654321"]),
        ("HMPO reference 555000111", ["555000111"]),
    ],
)
def test_passport_found_after_passport_word(text: str, expected: list[str]) -> None:
    assert _found("uk_passport.v1", text, PASSPORT) == expected


@pytest.mark.parametrize(
    "text",
    [
        "123456789",  # nine digits alone mean nothing
        "Order 123456789 shipped",
        "passport 1234567890",  # ten digits
        "passport 12345678",
        "Passport photo taken, AB1234567",  # Presidio's (wrong) pattern
    ],
)
def test_passport_rejects_traps(text: str) -> None:
    assert _found("uk_passport.v1", text, PASSPORT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MORGA753116SM9IJ", ["MORGA753116SM9IJ"]),
        ("Driving licence: JONES610151J99AB 02", ["JONES610151J99AB"]),
        ("LEE99803313AB9CD", ["LEE99803313AB9CD"]),
        ("SMITH752293JJ9AA", ["SMITH752293JJ9AA"]),  # 29 February (month 52 = F)
    ],
)
def test_driving_licence_found(text: str, expected: list[str]) -> None:
    assert _found("uk_driving_licence.v1", text, DRIVING_LICENCE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MO9GA753116SM9IJ",  # 9 inside the surname
        "MORGA752316SM9IJ",  # 31 February
        "MORGA713116SM9IJ",  # month 13
        "morga753116sm9ij",  # lower case
        "MORGA753116SM9IJX",
        "Level 2 Certificate in Understanding Autism",
    ],
)
def test_driving_licence_rejects_traps(text: str) -> None:
    assert _found("uk_driving_licence.v1", text, DRIVING_LICENCE) == []


def test_driving_licence_scores_higher_with_cue() -> None:
    recognizer = tax.RECOGNIZERS["uk_driving_licence.v1"]()
    [plain] = recognizer.analyze("MORGA753116SM9IJ", entities=[DRIVING_LICENCE])
    [cued] = recognizer.analyze("DVLA licence MORGA753116SM9IJ", entities=[DRIVING_LICENCE])
    assert 0.5 <= plain.score < cued.score


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("His UTR is 32824 97350.", UTR, ["32824 97350"]),
        ("Call 3282497350 about the boiler.", UTR, []),
        ("Her passport number is 123456789.", PASSPORT, ["123456789"]),
        ("The invoice total was 123456789 pence.", PASSPORT, []),
    ],
)
def test_tax_identifiers_in_analyzer(analyzer, find, text, entity, expected) -> None:
    assert find(analyzer, text, entity) == expected
