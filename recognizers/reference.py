"""Case, claim, application and other reference numbers, recognised by the label before them.

A reference is a token with at least one digit (``CN-2024-0173``, ``36110/97``, ``ABC/123``,
``SR123456``) that comes straight after a label:

* a reference word — ``ref``, ``reference``, ``case``, ``certificate``, ``application``,
  ``file``, ``claim``, ``complaint``, ``incident``, ``referral``, ``crime``, ``policy``,
  ``membership`` — optionally followed by ``ref``/``no.``/``number``/``id`` (score 0.85);
  a plain number of four or more digits counts too, unless it looks like a year;
* only ``no.``/``number``/``id`` (score 0.6): then the token must mix digits with letters,
  ``/`` or ``-`` and be four characters or longer, since "number 42" or "phone number 07700…"
  are not references (phone and NHS numbers have their own recognizers).

Never a reference: dates, year ranges (``2023-24``), percentages, times, and Ofqual
qualification numbers (``601/1234/5``) — a qualification is not personal, so a QN is kept unless
it follows ``certificate``, where it identifies one person's award.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from recognizers.entities import REFERENCE
from recognizers.results import rescored

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

_TOKEN = (
    r"(?<![\w/.:-])(?=[A-Za-z0-9/-]*\d)"
    r"[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*(?![\w/%-]|[.:,]\w)"
)
_TAIL = r"(?:\s+(?:ref(?:erence)?|no|number|num|nr|id)\b\.?)?\s*[:#-]?\s*(?:no\.?\s*)?\Z"
_LABEL_CUE = re.compile(
    r"\b(?P<word>ref|reference|case|certificate|cert|application|file|claim|complaint|incident"
    rf"|referral|crime|policy|membership)\b\.?{_TAIL}",
    re.IGNORECASE,
)
_NUMBER_CUE = re.compile(r"\b(?:no|number|num|nr|id)\b\.?\s*[:#-]?\s*\Z", re.IGNORECASE)
_CUE_WINDOW = 40

_DATE = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}[/-](?:(?:19|20)?\d{2})")
_QUALIFICATION = re.compile(r"\d{3}/\d{4}/[\dX]")

_LABEL_SCORE = 0.85
_NUMBER_SCORE = 0.6


def _mixed(token: str) -> bool:
    """Whether a token mixes digits with letters or separators (a reference-like shape)."""
    return len(token) >= 4 and (not token.isdigit())


def score_reference(token: str, before: str) -> float | None:
    """Score ``token`` as a reference given the text ``before`` it, or None if it is not one."""
    if _DATE.fullmatch(token) or _YEAR.fullmatch(token) or _YEAR_RANGE.fullmatch(token):
        return None
    label = _LABEL_CUE.search(before)
    if _QUALIFICATION.fullmatch(token):
        certificate = label is not None and label.group("word").lower() in {"certificate", "cert"}
        return _LABEL_SCORE if certificate else None
    if label is not None and (_mixed(token) or (token.isdigit() and len(token) >= 4)):
        return _LABEL_SCORE
    if _NUMBER_CUE.search(before) and _mixed(token):
        return _NUMBER_SCORE
    return None


class ReferenceNumberRecognizer(PatternRecognizer):
    """Finds reference numbers that follow a reference label."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=REFERENCE,
            name="ReferenceNumberRecognizer",
            patterns=[Pattern("reference_token", _TOKEN, _LABEL_SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find reference numbers in ``text``."""
        def score_of(result: RecognizerResult) -> float | None:
            before = text[max(0, result.start - _CUE_WINDOW) : result.start]
            return score_reference(text[result.start : result.end], before)

        return rescored(super().analyze(text, entities, nlp_artifacts, regex_flags), score_of)


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_reference.v1": ReferenceNumberRecognizer,
}
