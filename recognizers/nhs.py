"""NHS numbers (England and Wales), CHI numbers (Scotland) and H&C numbers (Northern Ireland).

All three are ten digits with the same modulus-11 check, so one recognizer finds them and
labels each by its range:

* first six digits a real DDMMYY date → ``UK_CHI`` (CHI numbers start with the date of birth);
* first three digits 320–399 → ``UK_HC``;
* otherwise → ``UK_NHS``.

Presidio's ``NhsRecognizer`` scores every mod-11 pass 1.0 and calls all of them NHS numbers,
including ``0000000000`` and ``9999999999``. This one rejects repeated-digit placeholders, scores
numbers outside the published ranges lower unless a health word is near, and steps back (0.6)
when the number is labelled as another identifier (UTR, passport, account…) so that the
recognizer for that label wins the overlap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from recognizers import checksums
from recognizers.entities import CHI, HC, NHS
from recognizers.results import rescored

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

#: Ten digits as 3-3-4 (same separator twice), plain, or 6-4 as CHI numbers are often written.
#: Not part of a longer run of digit groups.
_NUMBER = (
    r"(?<![\w-])(?<!\d[ -])"
    r"(?:\d{3}([ -]?)\d{3}\1\d{4}|\d{6}[ -]\d{4})"
    r"(?![\w-]|[ -]\d)"
)
#: Words that make a ten-digit number a health number.
_HEALTH_CUE = re.compile(
    r"\b(?:nhs|chi|h\s?&\s?c|health|patient|hospital|gp|medical|clinical)\b", re.IGNORECASE
)
#: Labels of other ten-digit identifiers: a number right after one of these is not NHS-first.
_OTHER_CUE = re.compile(
    r"\b(?:utr|uln|learner|taxpayer|tax|hmrc|passport|account|phone|tel|mobile)\b", re.IGNORECASE
)
_CUE_WINDOW = 40

_ALLOCATED_NHS = ((400, 499), (600, 799), (999, 999))  # E&W ranges and the 999 test range
_ALLOCATED_SCORE = 1.0
_OTHER_LABEL_SCORE = 0.6  # still reported, but loses to the recognizer the label names
_UNALLOCATED_SCORE = 0.7  # passes the check but lies outside the published ranges


def classify(number: str) -> str | None:
    """Return the entity type of a ten-digit health number, or None if it fails the check."""
    if not checksums.nhs_mod11(number):
        return None
    if checksums.chi(number):
        return CHI
    if checksums.hc(number):
        return HC
    return NHS


def _allocated(number: str, entity: str) -> bool:
    if entity != NHS:
        return True
    prefix = int(checksums.compact(number)[:3])
    return any(low <= prefix <= high for low, high in _ALLOCATED_NHS)


class UkHealthNumberRecognizer(PatternRecognizer):
    """Finds NHS, CHI and H&C numbers and labels each by range."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=NHS,
            name="UkHealthNumberRecognizer",
            patterns=[Pattern("uk_health_number", _NUMBER, _ALLOCATED_SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )
        self.supported_entities = [NHS, CHI, HC]

    def validate_result(self, pattern_text: str) -> bool:
        """Whether the matched digits pass the modulus-11 check."""
        return checksums.nhs_mod11(pattern_text)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find health numbers, label each by range and score it by range and nearby words."""
        def score_of(result: RecognizerResult) -> float | None:
            number = text[result.start : result.end]
            entity = classify(number)
            if entity is None or (entities and entity not in entities):
                return None
            result.entity_type = entity
            before = text[max(0, result.start - _CUE_WINDOW) : result.start]
            if _HEALTH_CUE.search(before) is not None:
                return _ALLOCATED_SCORE
            if _OTHER_CUE.search(before):
                return _OTHER_LABEL_SCORE
            return _ALLOCATED_SCORE if _allocated(number, entity) else _UNALLOCATED_SCORE

        return rescored(super().analyze(text, entities, nlp_artifacts, regex_flags), score_of)


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_nhs.v1": UkHealthNumberRecognizer,
}
