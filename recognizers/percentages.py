"""Percentages (strict policy only).

A disability rate, a share of an estate or an interest in a company ("a 40% incapacity", "15 per
cent of the shares") can single a person out, so a publisher of case law replaces it. Care and
education documents use percentages for ordinary statistics ("attendance 95%"), so
:class:`PercentageRecognizer` is registered in ``STRICT_RECOGNIZERS`` and the default policy keeps
them.

Forms: ``40%``, ``18.5 %``, ``81,7%``, ``15 per cent``, ``15 percent`` and ranges whose last
number carries the sign (``50 to 79%``, ``50% and 79%``, ``20-30%``), which are one span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.results import SpanRecognizer, text_only

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

PERCENTAGE = "PERCENTAGE"

_NUMBER = r"\d{1,3}(?:[.,]\d+)?"
_SIGN = r"(?:[ \u00a0]?%|[ \u00a0]per[ \u00a0]?cent(?!\w))"
_PERCENT = re.compile(
    rf"(?<![\w.,]){_NUMBER}(?:{_SIGN}?(?:[ \u00a0]?[-–][ \u00a0]?|[ \u00a0](?:to|and)[ \u00a0])"
    rf"{_NUMBER})?{_SIGN}"
)


def find_percentages(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every percentage (or range of them) in ``text``."""
    return [(m.start(), m.end()) for m in _PERCENT.finditer(text)]


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "percentage.v1": lambda: SpanRecognizer(
        "PercentageRecognizer", PERCENTAGE, text_only(find_percentages), 0.8,
        "a percentage", rule="percentage",
    ),
}
