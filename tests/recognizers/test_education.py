"""Tests for the ULN and UPN recognizers."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from recognizers import education
from recognizers.entities import ULN, UPN


@pytest.fixture(scope="module")
def uln() -> EntityRecognizer:
    return education.RECOGNIZERS["uk_uln.v1"]()


@pytest.fixture(scope="module")
def upn() -> EntityRecognizer:
    return education.RECOGNIZERS["uk_upn.v1"]()


def _found(recognizer: EntityRecognizer, text: str, entity: str) -> list[str]:
    results = recognizer.analyze(text, entities=[entity], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ULN: 9276308686", ["9276308686"]),
        ("Learner 1234567899 enrolled", ["1234567899"]),
        ("6319693745", ["6319693745"]),
        ("ULNs 9276308686, 6319693745.", ["9276308686", "6319693745"]),
    ],
)
def test_uln_found(uln: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert _found(uln, text, ULN) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ULN 9276308687",  # wrong check digit
        "ULN 9999999999",  # ILR default for "not known"
        "ULN 0276308686",  # cannot start with 0
        "9434765919",  # a valid NHS number never passes the ULN check
        "92763086861",  # part of a longer number
        "927 630 8686",  # ULNs are not written in groups
        "07700 900123",
        "Level 2, Unit 204, 42 sessions, 87%, 14:30",
    ],
)
def test_uln_rejects_traps(uln: EntityRecognizer, text: str) -> None:
    assert _found(uln, text, ULN) == []


def test_uln_scores_higher_after_learner_word(uln: EntityRecognizer) -> None:
    [plain] = uln.analyze("9276308686", entities=[ULN])
    [cued] = uln.analyze("Unique learner number 9276308686", entities=[ULN])
    assert 0.5 <= plain.score < cued.score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UPN B801200005001", ["B801200005001"]),
        ("Pupil P207000016049 moved school", ["P207000016049"]),
        ("temporary UPN M80120000500A", ["M80120000500A"]),
    ],
)
def test_upn_found(upn: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert _found(upn, text, UPN) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A801200005001",  # wrong check letter
        "Q207000016049",  # Arbor's mistaken worked example
        "U999123456789",  # unknown local-authority code
        "b801200005001",  # lower case
        "I801200005001",  # I is never a check letter
        "B80120000500",  # too short
        "XB801200005001",
    ],
)
def test_upn_rejects_traps(upn: EntityRecognizer, text: str) -> None:
    assert _found(upn, text, UPN) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("The learner's ULN is 9276308686.", ULN, ["9276308686"]),
        ("ULN 9999999999 means the number is not known.", ULN, []),
        ("Her UPN is B801200005001.", UPN, ["B801200005001"]),
        ("Level 2 Certificate in Understanding Autism (Unit 204)", ULN, []),
    ],
)
def test_education_numbers_in_analyzer(analyzer, find, text, entity, expected) -> None:
    assert find(analyzer, text, entity) == expected
