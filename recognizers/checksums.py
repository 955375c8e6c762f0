"""Check-digit and range rules for UK identifiers, as pure functions of a string.

Every function accepts the identifier with or without spaces and hyphens and returns a bool;
none raises on malformed input. The recognizers use these to turn a format match into a
confident detection, and to reject the numbers that merely look right.
"""

from __future__ import annotations

import datetime

from stdnum.gb import upn as _stdnum_upn
from stdnum.gb import utr as _stdnum_utr

_SEPARATORS = str.maketrans("", "", " -")

#: Weights 10, 9, …, 1 for the ten digits of an NHS-family number or a ULN.
_WEIGHTS_10 = tuple(range(10, 0, -1))

#: First-three-digit ranges of Northern Ireland Health and Care numbers.
_HC_FIRST, _HC_LAST = 320, 399


def compact(value: str) -> str:
    """Return ``value`` without spaces and hyphens."""
    return value.translate(_SEPARATORS)


def _ten_digits(value: str) -> str | None:
    digits = compact(value)
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def _weighted_sum(digits: str) -> int:
    return sum(w * int(d) for w, d in zip(_WEIGHTS_10, digits, strict=True))


def nhs_mod11(value: str) -> bool:
    """Whether ``value`` is ten digits passing the NHS modulus-11 check.

    The check digit is ``11 - (Σ d_i·(11-i) mod 11)`` over the first nine digits, 11 meaning 0
    and 10 meaning "no valid number". Numbers made of one repeated digit pass the sum but are
    placeholders that are never issued, so they are rejected: ``0000000000``, ``1111111111``
    and ``9999999999`` (also the ILR "ULN unknown" default).
    """
    digits = _ten_digits(value)
    if digits is None or len(set(digits)) == 1:
        return False
    return _weighted_sum(digits) % 11 == 0


def chi_date(value: str) -> bool:
    """Whether the first six digits of ``value`` are a real DDMMYY date (any century)."""
    digits = compact(value)
    if len(digits) < 6 or not digits[:6].isascii() or not digits[:6].isdigit():
        return False
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    # The century is unknown; 20YY is a leap year whenever 19YY or 20YY is, so test that one.
    try:
        datetime.date(2000 + year, month, day)
    except ValueError:
        return False
    return True


def chi(value: str) -> bool:
    """Whether ``value`` is a Scottish CHI number: DDMMYY date of birth + 4 digits, mod 11."""
    return nhs_mod11(value) and chi_date(value)


def hc(value: str) -> bool:
    """Whether ``value`` is a Northern Ireland H&C number: mod 11 and first digits 320–399."""
    return nhs_mod11(value) and _HC_FIRST <= int(compact(value)[:3]) <= _HC_LAST


def uln(value: str) -> bool:
    """Whether ``value`` is a Unique Learner Number.

    Ten digits, first digit not 0, and ``Σ w·d`` with weights 10..1 congruent to 10 mod 11.
    ``9999999999`` (the ILR "unknown" default) is rejected explicitly.
    """
    digits = _ten_digits(value)
    if digits is None or digits[0] == "0" or digits == "9999999999":
        return False
    return _weighted_sum(digits) % 11 == 10


def upn(value: str) -> bool:
    """Whether ``value`` is an English Unique Pupil Number (full or temporary).

    Uses ``stdnum.gb.upn``: a check letter, a known local-authority code, eleven more
    characters (the last may be a letter for a temporary UPN) and the mod-23 check.
    """
    return bool(_stdnum_upn.is_valid(compact(value)))


def utr(value: str) -> bool:
    """Whether ``value`` is a valid HMRC Unique Taxpayer Reference.

    Accepts ten digits, optionally followed by ``K`` (the Self Assessment payment reference);
    the first digit is the check character computed by ``stdnum.gb.utr``.
    """
    number = compact(value).upper()
    if number.endswith("K"):
        number = number[:-1]
    if len(number) != 10 or not number.isascii() or not number.isdigit():
        return False
    return bool(_stdnum_utr.is_valid(number))
