"""Tests for the reference-number recognizer."""

from __future__ import annotations

import pytest

from recognizers import reference
from recognizers.entities import REFERENCE


@pytest.fixture(scope="module")
def recognizer() -> reference.ReferenceNumberRecognizer:
    return reference.RECOGNIZERS["uk_reference.v1"]()


def _found(recognizer: reference.ReferenceNumberRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[REFERENCE], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Case ref: CN-2024-0173", ["CN-2024-0173"]),
        ("application no. 36110/97", ["36110/97"]),
        ("certificate number 601/1234/5", ["601/1234/5"]),
        ("our ref ABC/123", ["ABC/123"]),
        ("Reference number: 123456", ["123456"]),
        ("Claim #A12-99", ["A12-99"]),
        ("File no: 2024/0173", ["2024/0173"]),
        ("referral ID SR12345 received", ["SR12345"]),
        ("ref: 1234", ["1234"]),
        ("Your ref CN/24/117, our ref HB-7781", ["CN/24/117", "HB-7781"]),
        ("ID: SR12345", ["SR12345"]),  # "id" alone, reference-shaped token
    ],
)
def test_reference_found_after_label(
    recognizer: reference.ReferenceNumberRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Unit 204",
        "Level 2 Certificate in Understanding Autism",
        "Mental Capacity Act 2005",
        "Equality Act 2010",
        "at 14:30 on Monday, or 2pm",
        "87% of 42 sessions",
        "in 2024",
        "File no: 2024",  # a plain year
        "case 2023-24",  # academic year
        "referral 2023/24",
        "application dated 12/03/2024",
        "application 12/03/2024",  # a date, not a reference
        "Qualification number 601/1234/5",  # Ofqual QN: not personal, kept
        "QN 601/1234/5",
        "number 42",
        "Room no. 12B",  # too short for a number-only label
        "phone number 07700 900123",  # phones have their own recognizer
        "NHS number 9434765919",  # so do NHS numbers
        "in case 12 people come",
        "ref ABC",  # no digit
    ],
)
def test_reference_rejects_vocabulary_and_non_references(
    recognizer: reference.ReferenceNumberRecognizer, text: str
) -> None:
    assert _found(recognizer, text) == []


@pytest.mark.parametrize(
    ("token", "before", "expected"),
    [
        ("CN-2024-0173", "Case ref: ", 0.85),
        ("AB12", "number ", 0.6),
        ("601/1234/5", "Certificate no. ", 0.85),
        ("601/1234/5", "Reference ", None),
        ("12", "Case ", None),
        ("2005", "Act ", None),
    ],
)
def test_score_reference(token: str, before: str, expected: float | None) -> None:
    assert reference.score_reference(token, before) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Case ref: CN-2024-0173 was closed on 3 May 2024.", ["CN-2024-0173"]),
        ("She passed Unit 204 of the Level 2 Certificate (601/1234/5) at 87%.", []),
    ],
)
def test_reference_in_analyzer(analyzer, find, text: str, expected: list[str]) -> None:
    assert find(analyzer, text, REFERENCE) == expected


_IDENTIFIER_ENTITIES = (
    "UK_NHS", "UK_CHI", "UK_HC", "UK_NINO", "UK_ULN", "UK_UPN", "UK_UTR", "UK_PASSPORT",
    "UK_DRIVING_LICENCE", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "UK_BANK_ACCOUNT",
    REFERENCE,
)


@pytest.mark.slow
def test_care_vocabulary_survives_identifier_recognizers(analyzer) -> None:
    text = (
        "Level 2 Certificate in Understanding Autism, Unit 204 (601/1234/5). "
        "Under the Mental Capacity Act 2005 and the Equality Act 2010, sessions run on "
        "Monday and Wednesday at 14:30 or 2pm. Attendance was 87% across 42 sessions in "
        "2023-24; the next review is on 3 May 2024, section 3.1.12, Level 3 from Sept 2025."
    )
    results = analyzer.analyze(text=text, language="en")
    assert [(r.entity_type, text[r.start : r.end]) for r in results
            if r.entity_type in _IDENTIFIER_ENTITIES] == []
