"""National Insurance numbers (replaces Presidio's ``UkNinoRecognizer``).

Format ``AA 99 99 99 A``: two prefix letters, six digits, suffix A–D, written plain, spaced
(``AB 12 34 56 C``, ``AB 123456 C``) or with hyphens. HMRC prefix rules (NIM39110): the first
letter is not D, F, I, Q, U or V; the second is not D, F, I, O, Q, U or V; and BG, GB, KN, NK,
NT, TN and ZZ are never issued (Faker's ``ZZ…`` values are deliberately invalid).

Presidio matches case-insensitively with no prefix rules and its context list holds phrases
that never boost. Here matching is upper-case only, unless a National Insurance word (``nino``,
``ni``, ``insurance``) is just before the number, which also allows a missing suffix letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from recognizers.entities import NINO
from recognizers.results import rescored

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

_SEP = r"[ -]?"
#: Prefix, digits and an optional suffix. Case and the suffix are checked in :meth:`analyze`.
_NINO = (
    r"(?<![\w-])"
    r"(?!(?:BG|GB|KN|NK|NT|TN|ZZ))"
    rf"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}"
    rf"(?:{_SEP}[A-D])?"
    r"(?![\w-])"
)
_CUE = re.compile(r"\b(?:nino|ni|n\.i\.?|insurance)\b", re.IGNORECASE)
_CUE_WINDOW = 30

_SCORE = 0.85
_CUED_SCORE = 1.0


class UkNationalInsuranceRecognizer(PatternRecognizer):
    """Finds National Insurance numbers with HMRC's prefix rules."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=NINO,
            name="UkNationalInsuranceRecognizer",
            patterns=[Pattern("uk_nino", _NINO, _SCORE)],
            # Case-insensitive here; upper case is enforced below when no cue is present.
            global_regex_flags=re.MULTILINE | re.IGNORECASE,
            version="1",
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Find NINOs: upper case with a suffix, or any case/no suffix after an NI word."""
        def score_of(result: RecognizerResult) -> float | None:
            value = text[result.start : result.end]
            before = text[max(0, result.start - _CUE_WINDOW) : result.start]
            if _CUE.search(before) is not None:
                return _CUED_SCORE
            if not value.isupper() or not value[-1].isalpha():
                return None
            return float(result.score)

        return rescored(super().analyze(text, entities, nlp_artifacts, regex_flags), score_of)


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_nino.v1": UkNationalInsuranceRecognizer,
}
