"""Tests for the NHS / CHI / H&C number recognizer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import nhs
from recognizers.entities import CHI, HC, NHS


@pytest.fixture(scope="module")
def recognizer() -> nhs.UkHealthNumberRecognizer:
    return nhs.RECOGNIZERS["uk_nhs.v1"]()


def _found(recognizer: nhs.UkHealthNumberRecognizer, text: str) -> list[tuple[str, str]]:
    results = recognizer.analyze(text, entities=[NHS, CHI, HC], nlp_artifacts=None)
    return [(text[r.start : r.end], r.entity_type) for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS number: 943 476 5919", [("943 476 5919", NHS)]),
        ("NHS no 9434765919.", [("9434765919", NHS)]),
        ("943-476-5919", [("943-476-5919", NHS)]),
        ("Test patient 999 000 0018 seen today", [("999 000 0018", NHS)]),
        ("9991408916 and 9995968533", [("9991408916", NHS), ("9995968533", NHS)]),
        ("CHI 010101 1237", [("010101 1237", CHI)]),
        ("CHI: 1203641230", [("1203641230", CHI)]),
        ("H&C 320 000 0015", [("320 000 0015", HC)]),
        ("3456781237", [("3456781237", HC)]),
        # Passes mod 11 but 31 February is no date: not CHI, so an NHS-format number.
        ("3102641237", [("3102641237", NHS)]),
    ],
)
def test_health_number_found_and_labelled_by_range(
    recognizer: nhs.UkHealthNumberRecognizer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",  # check digit wrong
        "987 654 4321",  # NHS's own example, fails the check
        "0000000000",
        "9999999999",  # ULN "unknown" default passes mod 11
        "000 000 0000",
        "1111111111",
        "ULN 9276308686",  # valid ULN, never a valid NHS number
        "943 476-5919",  # mixed separators
        "1943 476 5919",  # part of a longer number
        "943 476 59190",
        "943 476 5919 2",
        "020 7946 0958",  # phone number
        "0161 496 0000",
        "12/03/1964",
        "Unit 204, Level 2, 87% of 42 sessions at 14:30",
    ],
)
def test_health_number_rejects_traps(recognizer: nhs.UkHealthNumberRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


def test_health_number_steps_back_when_labelled_as_another_identifier(
    recognizer: nhs.UkHealthNumberRecognizer,
) -> None:
    # 3282497350 passes both the NHS and the UTR check; after "UTR" the UTR recognizer must win.
    [labelled] = recognizer.analyze("UTR 3282497350", entities=[], nlp_artifacts=None)
    [plain] = recognizer.analyze("NHS 3282497350", entities=[], nlp_artifacts=None)
    assert 0.5 <= labelled.score < plain.score


def test_health_number_entities_filter(recognizer: nhs.UkHealthNumberRecognizer) -> None:
    text = "NHS 943 476 5919, CHI 0101011237"
    only_chi = recognizer.analyze(text, entities=[CHI], nlp_artifacts=None)
    assert [text[r.start : r.end] for r in only_chi] == ["0101011237"]


def _with_check_digit(first_nine: str) -> str | None:
    remainder = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else first_nine + str(check)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"999[0-9]{6}", fullmatch=True))
def test_every_valid_test_range_number_is_found(first_nine: str) -> None:
    number = _with_check_digit(first_nine)
    recognizer = nhs.UkHealthNumberRecognizer()
    if number is None or len(set(number)) == 1:
        assert number is None or _found(recognizer, number) == []
        return
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    assert _found(recognizer, f"NHS {spaced}") == [(spaced, NHS)]
    wrong = number[:9] + str((int(number[9]) + 1) % 10)
    assert _found(recognizer, f"NHS {wrong}") == []


@pytest.mark.parametrize(
    ("number", "entity"),
    [("9434765919", NHS), ("0101011237", CHI), ("3200000015", HC), ("9434765918", None)],
)
def test_classify(number: str, entity: str | None) -> None:
    assert nhs.classify(number) == entity


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("Her NHS number is 943 476 5919 and she attends weekly.", NHS, ["943 476 5919"]),
        ("Patient CHI 010101 1237 transferred from Glasgow.", CHI, ["010101 1237"]),
        ("Record 9999999999 is the default value.", NHS, []),
        ("Record 0000000000 is a placeholder.", NHS, []),
        ("Level 2 Certificate in Understanding Autism, Unit 204, 42 sessions", NHS, []),
    ],
)
def test_health_number_in_analyzer(analyzer, find, text: str, entity: str, expected) -> None:
    assert find(analyzer, text, entity) == expected
