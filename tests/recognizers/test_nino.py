"""Tests for the National Insurance number recognizer."""

from __future__ import annotations

import pytest

from recognizers import nino
from recognizers.entities import NINO


@pytest.fixture(scope="module")
def recognizer() -> nino.UkNationalInsuranceRecognizer:
    return nino.RECOGNIZERS["uk_nino.v1"]()


def _found(recognizer: nino.UkNationalInsuranceRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[NINO], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AB 12 34 56 C", ["AB 12 34 56 C"]),
        ("Her number is AB123456C.", ["AB123456C"]),
        ("AB-12-34-56-C", ["AB-12-34-56-C"]),
        ("AB 123456 C", ["AB 123456 C"]),
        ("JG 10 33 58 D", ["JG 10 33 58 D"]),
        ("CE 65 43 21 A and HP 98 76 54 B", ["CE 65 43 21 A", "HP 98 76 54 B"]),
        # lower case and a missing suffix only after an NI word
        ("NI number: ab 12 34 56 c", ["ab 12 34 56 c"]),
        ("nino ab123456c", ["ab123456c"]),
        ("National Insurance AB123456", ["AB123456"]),
    ],
)
def test_nino_found(
    recognizer: nino.UkNationalInsuranceRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ab123456c",  # lower case without a cue
        "AB123456",  # no suffix without a cue
        "QQ 12 34 56 A",  # Q never a first letter
        "DA123456A",  # D never a first letter
        "AO123456A",  # O never a second letter
        "AD123456A",  # D never a second letter
        "BG123456A",  # BG never issued
        "GB123456A",
        "NK123456A",
        "TN123456A",
        "ZZ 08 37 78 A",
        "ZZ 083778 T",  # Faker en_GB ssn(): deliberately invalid
        "AB123456E",  # suffix beyond D
        "AB1234567C",  # seven digits
        "XAB123456C",  # inside a longer token
        "AB123456CD",
        "11 a1 11 11",  # temporary reference number
        "Level 2 Unit 204 at 14:30, 87% attendance",
    ],
)
def test_nino_rejects_traps(recognizer: nino.UkNationalInsuranceRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


def test_nino_scores_higher_with_cue(recognizer: nino.UkNationalInsuranceRecognizer) -> None:
    [plain] = recognizer.analyze("AB123456C", entities=[NINO])
    [cued] = recognizer.analyze("NINO: AB123456C", entities=[NINO])
    assert plain.score >= 0.5
    assert cued.score > plain.score


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her NI number: ab 12 34 56 c was confirmed.", ["ab 12 34 56 c"]),
        ("National Insurance number AB-12-34-56-C on file.", ["AB-12-34-56-C"]),
        ("Reference ab123456c was typed in lower case.", []),
    ],
)
def test_nino_in_analyzer(analyzer, find, text: str, expected: list[str]) -> None:
    assert find(analyzer, text, NINO) == expected
