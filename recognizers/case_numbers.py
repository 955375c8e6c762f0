"""Case numbers and land-register numbers given in lists (strict policy only).

The always-on reference rule (:mod:`recognizers.reference`) reads one number after a label
("application no. 36110/97"). Judgments and case files also list them: "applications nos.
30562/04 and 30566/04", "(nos. 265/07)", "file nr 12/2019, 13/2019", and identify a property by
its register numbers: "plots nos. 260, 268 and 119/5", "parcel no. 14, sheet 33/29". Each
number in such a list is a ``CASE_NUMBER``:

* after ``no.``/``nos.``/``nr``/``number(s)``: numbers with a slash (``36110/97``, ``12/2019``);
* after a property word (plot, parcel, lot, block, sheet, plan, flat, apartment) with or
  without ``no.``: any number (``260``, ``119/5``, ``164.9``, ``121/2/3``).

Items of a list are separated by commas, "and", "or" or "&". :class:`CaseNumberRecognizer` is
registered in ``STRICT_RECOGNIZERS`` and its type is read only by the strict policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.results import SpanRecognizer, text_only

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

CASE_NUMBER = "CASE_NUMBER"

_NUMBER_LABEL = r"(?:nos?|nrs?|numbers?)\.?"
_PROPERTY_LABEL = (
    r"(?:plots?|parcels?|lots?|blocks?|sheets?|plans?|flats?|apartments?)"
    rf"(?:[ \u00a0]+{_NUMBER_LABEL})?"
)
_SLASHED = r"\d{1,6}/\d{2,4}"
_ANY = r"\d+(?:[./]\d+)*"
_SEP = r"(?:[ \u00a0]*,[ \u00a0]*(?:and[ \u00a0]+|or[ \u00a0]+)?|[ \u00a0]+(?:and|or|&)[ \u00a0]+)"
_LISTS = (
    (re.compile(rf"(?i:\b{_NUMBER_LABEL})[ \u00a0]*(?P<list>{_SLASHED}(?![\w/])(?:{_SEP}{_SLASHED}"
                r"(?![\w/]))*)"), re.compile(_SLASHED)),
    (re.compile(rf"(?i:\b{_PROPERTY_LABEL})[ \u00a0]*(?P<list>{_ANY}(?![\w/])(?:{_SEP}{_ANY}"
                r"(?![\w/]))*)"), re.compile(_ANY)),
)


def find_case_numbers(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each listed case or register number, in text order."""
    spans: set[tuple[int, int]] = set()
    for listed, item in _LISTS:
        for m in listed.finditer(text):
            start = m.start("list")
            spans.update((start + i.start(), start + i.end()) for i in item.finditer(m.group("list")))
    return sorted(spans)


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "case_number.v1": lambda: SpanRecognizer(
        "CaseNumberRecognizer", CASE_NUMBER, text_only(find_case_numbers), 0.85,
        "a case or register number", rule="case_number",
    ),
}
