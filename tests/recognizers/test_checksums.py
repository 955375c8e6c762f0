"""Unit tests for the pure check-digit functions in recognizers.checksums."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers import checksums


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("943 476 5919", True),  # NHS Digital's worked example
        ("9434765919", True),
        ("943-476-5919", True),
        ("999 000 0018", True),  # test range
        ("9991408916", True),
        ("943 476 5918", False),  # wrong check digit
        ("987 654 4321", False),  # NHS's own example fails the check
        ("0000000000", False),  # passes the sum, but a placeholder
        ("9999999999", False),  # passes the sum, ILR "ULN unknown" default
        ("1111111111", False),  # repeated digit
        ("943476591", False),  # nine digits
        ("94347659190", False),  # eleven digits
        ("94347659a9", False),
        ("", False),
        ("٩٤٣٤٧٦٥٩١٩", False),  # Arabic-Indic digits are not ASCII digits
    ],
)
def test_nhs_mod11_accepts_valid_and_rejects_traps(value: str, expected: bool) -> None:
    assert checksums.nhs_mod11(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0101011237", True),
        ("010101 1237", True),
        ("1203641230", True),
        ("2902645678", True),  # 29 Feb 1964 (leap year)
        ("3112990013", True),
        ("3201201234", False),  # day 32
        ("3102641237", False),  # 31 February, though mod 11 passes
        ("2902635672", False),  # 29 Feb 1963, though mod 11 passes
        ("0101011238", False),  # good date, bad check digit
        ("9434765919", False),  # NHS number, not a date
    ],
)
def test_chi_needs_check_digit_and_real_date(value: str, expected: bool) -> None:
    assert checksums.chi(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3200000015", True), ("320 000 0015", True), ("3456781237", True), ("3999999993", True),
     ("3200000016", False), ("9434765919", False), ("0101011237", False)],
)
def test_hc_needs_range_320_to_399_and_check_digit(value: str, expected: bool) -> None:
    assert checksums.hc(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9276308686", True),
        ("1234567899", True),
        ("6319693745", True),
        ("9276308687", False),  # wrong check digit
        ("9999999999", False),  # ILR default for "ULN unknown"
        ("0276308686", False),  # leading zero
        ("9434765919", False),  # a valid NHS number is never a valid ULN
        ("927630868", False),
    ],
)
def test_uln_check(value: str, expected: bool) -> None:
    assert checksums.uln(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("B801200005001", True),
        ("P207000016049", True),  # Arbor's worked example, corrected
        ("M80120000500A", True),  # temporary UPN ends in a letter
        ("A801200005001", False),  # wrong check letter
        ("Q207000016049", False),  # Arbor's published (wrong) answer
        ("U999123456789", False),  # right check letter, unknown local-authority code
        ("B80120000500", False),
    ],
)
def test_upn_check(value: str, expected: bool) -> None:
    assert checksums.upn(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3282497350", True),
        ("32824 97350", True),
        ("3282497350K", True),  # Self Assessment payment reference
        ("1123456789", True),
        ("1282497350", False),  # wrong check digit
        ("3282497351", False),
        ("328249735", False),
        ("3282497350X", False),
    ],
)
def test_utr_check(value: str, expected: bool) -> None:
    assert checksums.utr(value) is expected


@given(st.text(max_size=20))
def test_checks_never_raise_on_arbitrary_text(value: str) -> None:
    for check in (checksums.nhs_mod11, checksums.chi, checksums.hc, checksums.uln,
                  checksums.upn, checksums.utr):
        assert check(value) in (True, False)


@given(st.from_regex(r"[1-9][0-9]{9}", fullmatch=True))
def test_uln_and_nhs_checks_never_both_pass(value: str) -> None:
    assert not (checksums.uln(value) and checksums.nhs_mod11(value))
