"""Tests for the UK phone number recognizer (Ofcom drama ranges only)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import phone
from recognizers.entities import PHONE


@pytest.fixture(scope="module")
def recognizer() -> phone.UkPhoneRecognizer:
    return phone.RECOGNIZERS["uk_phone.v1"]()


def _found(recognizer: phone.UkPhoneRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[PHONE], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # valid for libphonenumber
        ("Call 020 7946 0958 after lunch", ["020 7946 0958"]),
        ("(020) 7946 0123", ["(020) 7946 0123"]),
        ("+44 (0)20 7946 0958", ["+44 (0)20 7946 0958"]),
        ("+44 20 7946 0958", ["+44 20 7946 0958"]),
        ("0044 20 7946 0958", ["0044 20 7946 0958"]),
        ("0161 496 0000", ["0161 496 0000"]),
        ("0113 496 0123 or 0114 496 0999", ["0113 496 0123", "0114 496 0999"]),
        ("028 9018 0123", ["028 9018 0123"]),
        ("029 2018 0456", ["029 2018 0456"]),
        ("03069 990123", ["03069 990123"]),
        ("08081 570123", ["08081 570123"]),
        ("02079460958", ["02079460958"]),
        # libphonenumber calls these invalid: the UK-shaped fallback catches them
        ("Mobile: 07700 900123", ["07700 900123"]),
        ("07700900999", ["07700900999"]),
        ("07700 900 456", ["07700 900 456"]),
        ("+44 7700 900123", ["+44 7700 900123"]),
        ("+44 (0)7700 900123", ["+44 (0)7700 900123"]),
        ("01632 960983", ["01632 960983"]),
        ("(01632) 960001", ["(01632) 960001"]),
        ("0115 496 0123", ["0115 496 0123"]),
        ("01632-960983.", ["01632-960983"]),
    ],
)
def test_phone_found(recognizer: phone.UkPhoneRecognizer, text: str, expected: list[str]) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 943 476 5919",
        "9434765919",
        "ULN 9276308686",
        "CHI 010101 1237",
        "Born 12/03/1964, reviewed 03-05-2024",
        "The session on 3 May 2024 at 14:30",
        "Starts 2pm, ends 16:45",
        "87% attendance over 42 sessions",
        "sort code 20-00-00 account 12345678",
        "Unit 204, Level 2, 2023-2024",
        "Mental Capacity Act 2005 and Equality Act 2010",
        "Case ref: CN-2024-0173",
        "application no. 36110/97",
        "£1,250.00 paid on 12.03.2024",
        "p = 0.1234567890",
        "12345678901",  # eleven digits not starting with 0
        "06123 456789",  # 06 is not a UK number range
        "01234 567890 1",  # part of a longer digit run
        "999 and 111 are emergency numbers",
    ],
)
def test_phone_rejects_non_phone_numbers(recognizer: phone.UkPhoneRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[1-9][0-9]{9}", fullmatch=True),
    st.sampled_from(["plain", "3-3-4", "dashed"]),
)
def test_phone_never_fires_on_ten_digit_identifiers(digits: str, layout: str) -> None:
    # NHS numbers, ULNs and UTRs are ten digits with no leading 0.
    text = {
        "plain": digits,
        "3-3-4": f"{digits[:3]} {digits[3:6]} {digits[6:]}",
        "dashed": f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
    }[layout]
    assert _found(phone.UkPhoneRecognizer(), f"Number {text} noted") == []


def test_phone_valid_scores_above_fallback(recognizer: phone.UkPhoneRecognizer) -> None:
    valid, fallback = recognizer.analyze("020 7946 0958 / 07700 900123", entities=[PHONE])
    assert valid.score > fallback.score >= 0.5


def test_phone_cue_word_raises_score(recognizer: phone.UkPhoneRecognizer) -> None:
    [plain] = recognizer.analyze("07700 900123", entities=[PHONE])
    [cued] = recognizer.analyze("Tel: 07700 900123", entities=[PHONE])
    assert cued.score > plain.score


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mum's mobile is 07700 900123 and the office is 020 7946 0958.",
         ["07700 900123", "020 7946 0958"]),
        ("NHS number 943 476 5919, ULN 9276308686, seen at 14:30 on 12/03/2024.", []),
    ],
)
def test_phone_in_analyzer(analyzer, find, text: str, expected: list[str]) -> None:
    assert find(analyzer, text, PHONE) == expected


def test_phone_number_wrapped_across_a_line_is_found():
    from recognizers.phone import UkPhoneRecognizer

    text = "His niece can be reached on 07700\n900582. She visits on Sundays."
    found = [text[r.start : r.end] for r in UkPhoneRecognizer().analyze(text, ["PHONE_NUMBER"])]
    assert found == ["07700\n900582"]


@pytest.mark.parametrize("number", ["+44\n(0)7700 900433", "(0161) 496\n0816"])
def test_international_and_bracketed_numbers_wrapped_across_lines(number):
    from recognizers.phone import UkPhoneRecognizer

    text = f"Please ring {number} after ten."
    found = [text[r.start : r.end] for r in UkPhoneRecognizer().analyze(text, ["PHONE_NUMBER"])]
    assert found == [number]
