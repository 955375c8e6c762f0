"""UK bank details: sort codes and account numbers.

A sort code (``20-00-00``) looks exactly like a short date (``12-03-64``) and an account number
is any eight digits, so neither is reported on its own shape. Reported as
``UK_BANK_ACCOUNT``:

* a sort code followed closely by an account number (``20-00-00 / 12345678``,
  ``sort code 20-00-00 account 12345678``, ``20-00-00, a/c no. 12345678``): both parts;
* a sort code after ``sort code``/``sortcode``/``bank``/``branch`` (a plain ``200000`` only
  straight after ``sort code``);
* an account number after ``account``/``acc``/``a/c``/``acct``/``bank``.

The Pay.UK modulus tables are a data file that changes, so account numbers are not validated.
GB IBANs are left to Presidio's ``IbanRecognizer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from recognizers.entities import BANK_ACCOUNT
from recognizers.results import rescored

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

_START = r"(?<![\w/.:-])(?<!\d[ ])"
_END = r"(?![\w/-]|[.:,]\d)"
_SORT_CODE = rf"{_START}\d{{2}}(?P<s>[- ])\d{{2}}(?P=s)\d{{2}}{_END}"
_SORT_CODE_PLAIN = rf"{_START}\d{{6}}{_END}"
_ACCOUNT = r"(?<![\w/.:-])\d{8}(?![\w/-]|[.:,]\d|[ -]\d)"

_SORT_CUE = re.compile(r"\b(?:sort\s*code|sortcode|bank|branch|s/c)\b", re.IGNORECASE)
_SORT_CUE_STRICT = re.compile(r"\bsort\s*code\b[\s:.#-]*\Z", re.IGNORECASE)
_ACCOUNT_CUE = re.compile(r"(?<![\w/])(?:account|acc|acct|a/c|bank)(?![\w/])", re.IGNORECASE)
_PAIR_GAP = re.compile(
    r"[\s,;:/|()-]*(?:(?:and\s+)?(?:account|acc|acct|a/c)\.?"
    r"(?:\s*(?:no|number|num|#)\.?)?[\s:#-]*)?",
    re.IGNORECASE,
)
_ACCOUNT_AFTER = re.compile(r"\d{8}(?!\d)")
_SORT_BEFORE = re.compile(r"\d{2}([- ])\d{2}\1\d{2}")
_CUE_WINDOW = 30
_PAIR_WINDOW = 30

_PAIR_SCORE = 0.9
_CUED_SCORE = 0.85


def _pair_follows(text: str, end: int) -> bool:
    """Whether an account number follows a sort code ending at ``end``, with only glue between."""
    gap = _PAIR_GAP.match(text, end, min(len(text), end + _PAIR_WINDOW))
    return gap is not None and _ACCOUNT_AFTER.match(text, gap.end()) is not None


def _pair_precedes(text: str, start: int) -> bool:
    """Whether a sort code and glue come right before an account number starting at ``start``."""
    window_start = max(0, start - _PAIR_WINDOW - 8)
    for code in _SORT_BEFORE.finditer(text, window_start, start):
        gap = _PAIR_GAP.match(text, code.end(), start)
        if gap is not None and gap.end() == start:
            return True
    return False


def _cued(cue: re.Pattern[str], text: str, start: int) -> bool:
    return cue.search(text, max(0, start - _CUE_WINDOW), start) is not None


class UkBankAccountRecognizer(PatternRecognizer):
    """Finds sort codes and account numbers that come as a pair or after a bank word."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=BANK_ACCOUNT,
            name="UkBankAccountRecognizer",
            patterns=[
                Pattern("sort_code", _SORT_CODE, _CUED_SCORE),
                Pattern("sort_code_plain", _SORT_CODE_PLAIN, _CUED_SCORE),
                Pattern("account_number", _ACCOUNT, _CUED_SCORE),
            ],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def _score(self, text: str, result: RecognizerResult) -> float | None:
        kind = result.analysis_explanation.pattern_name if result.analysis_explanation else ""
        start, end = result.start, result.end
        if kind == "sort_code":
            if _pair_follows(text, end):
                return _PAIR_SCORE
            return _CUED_SCORE if _cued(_SORT_CUE, text, start) else None
        if kind == "sort_code_plain":
            before = text[max(0, start - _CUE_WINDOW) : start]
            return _CUED_SCORE if _SORT_CUE_STRICT.search(before) else None
        if _pair_precedes(text, start):
            return _PAIR_SCORE
        return _CUED_SCORE if _cued(_ACCOUNT_CUE, text, start) else None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find sort codes and account numbers that are paired or cued."""
        return rescored(super().analyze(text, entities, nlp_artifacts, regex_flags),
                        lambda result: self._score(text, result))


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_bank_account.v1": UkBankAccountRecognizer,
}
