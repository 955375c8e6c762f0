"""Telephone numbers, UK first.

Two sources, merged without overlaps:

1. ``phonenumbers.PhoneNumberMatcher`` with region GB at ``VALID`` leniency: every number
   libphonenumber knows is in service — ``020 7946 0958``, ``(020) 7946 0958``,
   ``+44 (0)20 7946 0958``, ``0044 20 7946 0958``, ``0800…``, and foreign numbers written
   with ``+``. Only GB is used as the default region: with Presidio's eight regions, NHS numbers
   and ULNs come out as US or Indian phone numbers.
2. A fallback pattern for UK-shaped numbers that libphonenumber calls invalid: Ofcom's drama
   ranges (``07700 900xxx``, ``01632 960xxx``, ``0115 496 0xxx``…), which is what Faker and
   careful authors use, and new ranges the metadata has not caught up with. It needs a leading
   ``0``/``+44``/``0044``, exactly ten digits after it, and usual UK grouping, so it cannot
   match NHS numbers, ULNs, dates, times, sort codes or counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import phonenumbers
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from recognizers.entities import PHONE
from recognizers.results import make_result

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

_VALID_SCORE = 0.85
_FALLBACK_SCORE = 0.6
_CUED_SCORE = 1.0
_CUE = re.compile(
    r"\b(?:phone|telephone|tel|mob|mobile|cell|call|ring|text|contact|landline|fax|number)\b",
    re.IGNORECASE,
)
_CUE_WINDOW = 30

#: A group separator: space, dash, or a line break (numbers wrap in PDFs and narrow columns).
_S = r"(?:[ -]|[ ]?\r?\n)?"
#: National significant numbers (after the trunk 0 or +44) as UK authors group them.
_NSN = (
    rf"(?:\d{{2}}{_S}\d{{4}}{_S}\d{{4}}"  # 20 7946 0958
    rf"|\d{{3}}{_S}\d{{3}}{_S}\d{{4}}"  # 113 496 0123, 800 123 4567
    rf"|\d{{4}}{_S}\d{{6}}"  # 7700 900123, 1632 960983
    rf"|\d{{4}}{_S}\d{{3}}{_S}\d{{3}})"  # 7700 900 123
)
_NSN_IN_BRACKETS = rf"(?:\(0\d{{2,4}}\){_S}\d{{3,4}}{_S}\d{{3,4}})"
_FALLBACK = re.compile(
    r"(?<![\w+/.-])(?<!\d[ ])"
    rf"(?:(?:\+|00)44{_S}(?:\(0\){_S})?{_NSN}|0{_NSN}|{_NSN_IN_BRACKETS})"
    r"(?![\w/-]|[ ]\d|[.,:]\d)"
)

_DECIMAL = re.compile(r"\d+[.,]\d+")
_TRUNK = re.compile(r"^(?:(?:\+|00)44\s?(?:\(0\)\s?)?|\(?0)")


def _fallback_plausible(value: str) -> bool:
    """Whether a fallback match has ten national digits starting like a UK number range."""
    national = [ch for ch in _TRUNK.sub("", value) if ch.isdigit()]
    return len(national) == 10 and national[0] in "123578"


class UkPhoneRecognizer(LocalRecognizer):
    """Finds telephone numbers: libphonenumber-valid ones plus UK-shaped drama ranges."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[PHONE],
            name="UkPhoneRecognizer",
            supported_language="en",
            version="1",
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Find phone numbers in ``text``."""
        spans: list[tuple[int, int, float, str]] = []
        for match in phonenumbers.PhoneNumberMatcher(text, "GB", phonenumbers.Leniency.VALID):
            if _DECIMAL.fullmatch(match.raw_string):
                continue  # "0.1234567890" parses as a number with dot separators
            spans.append((match.start, match.end, _VALID_SCORE, "with libphonenumber"))
        for match in _FALLBACK.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _, _ in spans):
                continue
            if _fallback_plausible(match.group()):
                spans.append((start, end, _FALLBACK_SCORE, "with the UK number pattern"))
        results = []
        for start, end, base, how in sorted(spans):
            cued = _CUE.search(text, max(0, start - _CUE_WINDOW), start) is not None
            score = _CUED_SCORE if cued else base
            results.append(make_result(
                self, PHONE, (start, end), score, explanation=f"Detected by `{self.name}` {how}",
            ))
        return results


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_phone.v1": UkPhoneRecognizer,
}
