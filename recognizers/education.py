"""Unique Learner Numbers (ULN) and Unique Pupil Numbers (UPN).

* ULN: ten digits, first digit not 0, ``Σ w·d`` (weights 10..1) ≡ 10 (mod 11). A ULN can never
  pass the NHS check, so the two recognizers do not compete. ``9999999999`` is the ILR
  "unknown" default and is rejected. About one random ten-digit number in eleven passes the
  check, so an unlabelled pass scores 0.7 and a pass next to ``ULN``/``learner`` scores 1.0.
* UPN: a check letter, eleven digits and a final digit or letter (temporary UPN), validated
  with ``stdnum.gb.upn`` (local-authority code and mod-23 check letter). Upper case only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from recognizers import checksums
from recognizers.entities import ULN, UPN
from recognizers.results import rescored

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

_ULN = r"(?<![\w-])(?<!\d[ -])[1-9]\d{9}(?![\w-]|[ -]\d)"
_UPN = r"(?<![\w-])[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z](?![\w-])"
_ULN_CUE = re.compile(r"\b(?:uln|learner|unique|lrs|ilr)\b", re.IGNORECASE)
_CUE_WINDOW = 40

_ULN_SCORE = 0.7
_ULN_CUED_SCORE = 1.0
_UPN_SCORE = 1.0


class UlnRecognizer(PatternRecognizer):
    """Finds Unique Learner Numbers by their check digit."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=ULN,
            name="UlnRecognizer",
            patterns=[Pattern("uk_uln", _ULN, _ULN_SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Whether the digits pass the ULN check."""
        return checksums.uln(pattern_text)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find valid ULNs; score 1.0 after a learner word, 0.7 otherwise."""
        def score_of(result: RecognizerResult) -> float:
            before = text[max(0, result.start - _CUE_WINDOW) : result.start]
            return _ULN_CUED_SCORE if _ULN_CUE.search(before) else _ULN_SCORE

        return rescored(super().analyze(text, entities, nlp_artifacts, regex_flags), score_of)


class UpnRecognizer(PatternRecognizer):
    """Finds Unique Pupil Numbers (full and temporary) validated by ``stdnum.gb.upn``."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=UPN,
            name="UpnRecognizer",
            patterns=[Pattern("uk_upn", _UPN, _UPN_SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Whether the value is upper case and passes the local-authority and check rules."""
        return pattern_text.isupper() and checksums.upn(pattern_text)


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_uln.v1": UlnRecognizer,
    "uk_upn.v1": UpnRecognizer,
}
