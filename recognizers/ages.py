"""A person's age (strict policy only).

An exact age is a quasi-identifier: with a place and a year it often picks out one person. The
default policy keeps ages (the risk report flags them instead), so :class:`AgeRecognizer` is
registered in ``STRICT_RECOGNIZERS``.

Forms, with the number in figures or words: ``aged 22`` (the span is ``22``), ``aged 6 months``,
``63 years old``, ``a ten-year-old``, ``eighteen years of age`` and ``at the age of 22`` (the span
is ``age of 22``, so that "at the [AGE]" still reads).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.money import SPELLED_NUMBER
from recognizers.results import SpanRecognizer, text_only

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

AGE = "AGE"

_N = rf"(?:\d{{1,3}}(?:[.,]5)?|(?i:{SPELLED_NUMBER})(?:[ -]and[ -]a[ -]half)?)"
_UNIT = r"(?i:years?|months?|weeks?|days?)"
_SP = r"[ \u00a0]"
_AGES = (
    re.compile(rf"(?i:\baged){_SP}+(?P<age>{_N}(?:{_SP}+{_UNIT}(?:{_SP}+old)?)?)(?![\w-])"),
    re.compile(rf"(?<![\w-])(?P<age>{_N}[ \u00a0-]+{_UNIT}[ \u00a0-]+old)(?![\w])"),
    re.compile(rf"(?<![\w-])(?P<age>{_N}{_SP}+{_UNIT}{_SP}+of{_SP}+age)(?!\w)"),
    re.compile(rf"(?i:\b(?P<age>age{_SP}+of{_SP}+{_N}(?:{_SP}+{_UNIT})?))(?![\w-])"),
)


def find_ages(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every age in ``text``, in text order (no overlaps)."""
    spans = sorted({(m.start("age"), m.end("age")) for p in _AGES for m in p.finditer(text)},
                   key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "age.v1": lambda: SpanRecognizer(
        "AgeRecognizer", AGE, text_only(find_ages), 0.8,
        "an age", rule="age",
    ),
}
