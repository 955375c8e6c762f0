"""Tests for the UK postcode recognizer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers import postcode
from recognizers.entities import POSTCODE


@pytest.fixture(scope="module")
def recognizer() -> postcode.UkPostcodeRecognizer:
    return postcode.RECOGNIZERS["uk_postcode.v1"]()


def _found(recognizer: postcode.UkPostcodeRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[POSTCODE], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TA23 0DZ", ["TA23 0DZ"]),
        ("Watchet, Somerset TA23 0DZ.", ["TA23 0DZ"]),
        ("GIR 0AA", ["GIR 0AA"]),
        ("EC1A 1BB and W1A 1AA", ["EC1A 1BB", "W1A 1AA"]),
        ("SW1A 1AA", ["SW1A 1AA"]),
        ("M1 1AE", ["M1 1AE"]),
        ("B33 8TH", ["B33 8TH"]),
        ("CR2 6XH", ["CR2 6XH"]),
        ("DN55 1PT", ["DN55 1PT"]),
        ("LS62AB", ["LS62AB"]),
        ("(LS6 2AB)", ["LS6 2AB"]),
        # lower case only with a context word
        ("She lives at 4 mill lane, watchet, ta23 0dz", ["ta23 0dz"]),
        ("postcode: sw1a 1aa", ["sw1a 1aa"]),
        # outward code on its own only with a context word
        ("Postcode area TA23", ["TA23"]),
        ("She lives in TA23 now.", ["TA23"]),
        ("Her address is in LS6.", ["LS6"]),
    ],
)
def test_postcode_found(
    recognizer: postcode.UkPostcodeRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sw1a 1aa",  # lower case without context
        "QQ1 1AA",  # Q never first
        "VA1 1AA",  # V never first
        "AJ1 1AA",  # J never second
        "W1L 1AA",  # L not allowed third in A9A
        "EC1I 1BB",  # I not allowed fourth in AA9A
        "AB1 1CI",  # C and I never in the inward code
        "TA23 0DK",  # K never in the inward code
        "Level 2",
        "Unit 204",
        "AB 12 34 56 C",  # National Insurance number
        "AB123456C",
        "TA23",  # outward code without context
        "She lives near the M25.",  # a road, even with a context word
        "Address: completed L2 and L3 last year",  # education levels
        "Lives with her mum; working at E3 in maths",  # Entry 3
        "She moved up to S4 at her new school.",  # Scottish secondary year
        "Her home visit covered vitamin B12.",
        "TA23 0DZ1",  # glued to more characters
        "XTA23 0DZ",
    ],
)
def test_postcode_not_found(recognizer: postcode.UkPostcodeRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        ("TA23 0DZ", 0.6, 0.9),
        ("Postcode TA23 0DZ", 0.9, 1.0),
        ("address: ta23 0dz", 0.6, 0.8),
        ("lives in TA23", 0.5, 0.7),
    ],
)
def test_postcode_scores(
    recognizer: postcode.UkPostcodeRecognizer, text: str, minimum: float, maximum: float
) -> None:
    (result,) = recognizer.analyze(text, entities=[POSTCODE], nlp_artifacts=None)
    assert minimum <= result.score <= maximum


def test_postcode_lower_case_without_context_is_not_reported(
    recognizer: postcode.UkPostcodeRecognizer,
) -> None:
    assert recognizer.analyze("ta23 0dz", entities=[POSTCODE], nlp_artifacts=None) == []


def test_postcode_outward_codes_can_be_switched_off() -> None:
    assert postcode.find_postcodes("She lives in TA23.", outward=False) == []
    assert postcode.find_postcodes("She lives in TA23.")[0].outward_only


def test_postcode_education_outcodes_can_be_allowed() -> None:
    text = "She lives in L2."
    assert postcode.find_postcodes(text) == []
    (found,) = postcode.find_postcodes(text, excluded=frozenset())
    assert text[found.start : found.end] == "L2"


def test_postcode_other_entities_are_ignored(recognizer: postcode.UkPostcodeRecognizer) -> None:
    assert recognizer.analyze("TA23 0DZ", entities=["PERSON"], nlp_artifacts=None) == []


def test_postcode_results_name_the_recognizer(recognizer: postcode.UkPostcodeRecognizer) -> None:
    (result,) = recognizer.analyze("TA23 0DZ", entities=[POSTCODE], nlp_artifacts=None)
    assert result.entity_type == POSTCODE
    assert result.recognition_metadata["recognizer_name"] == "uk_postcode.v1"


@pytest.mark.slow
def test_postcode_through_the_analyzer(
    analyzer: object, find: Callable[[object, str, str], list[str]]
) -> None:
    text = "Level 2 learner, moved to TA23 0DZ; the M25 was busy."
    assert find(analyzer, text, POSTCODE) == ["TA23 0DZ"]
