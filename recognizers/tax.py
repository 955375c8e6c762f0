"""Tax and travel identifiers: UTR, UK passport number, DVLA driving licence number.

* UTR: ten digits (often ``12345 67890``), optionally followed by ``K`` (the Self Assessment
  payment reference), validated by ``stdnum.gb.utr``. Random ten-digit numbers pass about one
  time in eleven, so a UTR is only reported after a tax word (utr, tax, taxpayer, hmrc,
  self-assessment).
* Passport: nine digits — the current UK format; Presidio's ``UkPassportRecognizer`` looks for
  two letters and seven digits instead. No public check digit, so only after ``passport`` or
  ``HMPO``.
* Driving licence (Great Britain): 16 characters — surname (5, padded with 9), decade digit,
  month (+50 for women), day, year digit, two initials (padded with 9), a digit and two check
  letters. The layout is distinctive enough to report without a cue (0.85); with ``licence``,
  ``license``, ``driving`` or ``DVLA`` nearby it scores 1.0.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from recognizers import checksums
from recognizers.entities import DRIVING_LICENCE, PASSPORT, UTR

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

_NOT_AFTER = r"(?<![\w-])(?<!\d[ -])"
_NOT_BEFORE = r"(?![\w-]|[ -]\d)"
_UTR = rf"{_NOT_AFTER}\d{{5}} ?\d{{5}}K?{_NOT_BEFORE}"
_PASSPORT = rf"{_NOT_AFTER}\d{{9}}{_NOT_BEFORE}"
_LICENCE = (
    r"(?<![\w-])[A-Z][A-Z9]{4}\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d"
    r"[A-Z][A-Z9]\d[A-Z]{2}(?![\w-])"
)
_CUE_WINDOW = 40


def _cued(cue: re.Pattern[str], text: str, start: int) -> bool:
    return cue.search(text, max(0, start - _CUE_WINDOW), start) is not None


class _CuedRecognizer(PatternRecognizer):
    """A pattern recognizer whose matches count only after (or boosted by) a cue word."""

    CUE: re.Pattern[str]
    REQUIRED = True  # without a cue: dropped (True) or kept at the pattern's score (False)
    CUED_SCORE = 1.0

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find matches, keeping or boosting only those with a cue word just before them."""
        found = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            if _cued(self.CUE, text, result.start):
                result.score = self.CUED_SCORE
                if result.analysis_explanation is not None:
                    result.analysis_explanation.score = self.CUED_SCORE
            elif self.REQUIRED:
                continue
            found.append(result)
        return found


class UtrRecognizer(_CuedRecognizer):
    """Finds Unique Taxpayer References after a tax word."""

    CUE = re.compile(
        r"\b(?:utr|tax|taxpayer|hmrc|self[ -]assessment|sa\d{3})\b", re.IGNORECASE
    )
    CUED_SCORE = 0.95

    def __init__(self) -> None:
        super().__init__(
            supported_entity=UTR,
            name="UtrRecognizer",
            patterns=[Pattern("uk_utr", _UTR, self.CUED_SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Whether the digits pass HMRC's UTR check."""
        return checksums.utr(pattern_text)


class UkPassportRecognizer(_CuedRecognizer):
    """Finds nine-digit UK passport numbers after ``passport`` or ``HMPO``."""

    CUE = re.compile(r"\b(?:passports?|hmpo)\b", re.IGNORECASE)
    CUED_SCORE = 0.9

    def __init__(self) -> None:
        super().__init__(
            supported_entity=PASSPORT,
            name="UkPassportNumberRecognizer",
            patterns=[Pattern("uk_passport", _PASSPORT, self.CUED_SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )


def _licence_fields_ok(value: str) -> bool:
    """Whether the surname padding and the encoded month/day of a licence number make sense."""
    if not value.isupper():
        return False
    surname = value[:5]
    if surname.rstrip("9") != surname.rstrip("9").replace("9", ""):
        return False  # a 9 may only pad the end of the surname
    month = int(value[6:8]) % 50
    day = int(value[8:10])
    try:
        datetime.date(2000, month, day)  # a leap year, so 29 February is allowed
    except ValueError:
        return False
    return True


class UkDrivingLicenceRecognizer(_CuedRecognizer):
    """Finds DVLA driving licence numbers; the layout alone scores 0.85."""

    CUE = re.compile(r"\b(?:licen[cs]e|driving|driver'?s|dvla)\b", re.IGNORECASE)
    REQUIRED = False

    def __init__(self) -> None:
        super().__init__(
            supported_entity=DRIVING_LICENCE,
            name="UkDrivingLicenceNumberRecognizer",
            patterns=[Pattern("uk_driving_licence", _LICENCE, 0.85)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """Whether the value breaks the surname-padding or birth-date rules."""
        return not _licence_fields_ok(pattern_text)


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_utr.v1": UtrRecognizer,
    "uk_passport.v1": UkPassportRecognizer,
    "uk_driving_licence.v1": UkDrivingLicenceRecognizer,
}
