"""Dates of birth (always) and every calendar date (strict policy only).

Care and education records are full of dates that say nothing about who a person is — session
dates, review dates, "Mental Capacity Act 2005". A date of birth, on the other hand, is one of
the strongest quasi-identifiers. So :class:`DateOfBirthRecognizer` reports a date only when a
birth cue comes just before it (``born``, ``DOB``, ``d.o.b.``, ``date of birth``, ``birthday``,
``Name, b. 2 March 1964``) with at most four words in between and no other date in the way, or
just after it on the same line (``12/03/1964 (DOB)``, ``12 March 1964 she was born``).

:class:`AnyDateRecognizer` reports every calendar date as ``DATE_TIME``; it is registered in
``DATE_RECOGNIZERS``: the strict policy turns it on, and so does ``keep_dates = false``.

Formats: ``12/03/1964``, ``12.3.64``, ``12-03-1964``, ``1964-03-12``, ``2nd March 1964``,
``2nd of March 1964``, ``12 Mar 1964``, ``March 2, 1964``, and the partial ``2 March``,
``March 2nd``, ``March 1964`` (capitalised month). Day/month combinations are checked against
the calendar. Numeric dates are read day first, as in the UK.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from recognizers.entities import DATE_OF_BIRTH
from recognizers.results import make_result

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

DATE_TIME = "DATE_TIME"

_MONTH_NAME = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_DAY_TH = rf"{_DAY}(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<y>(?:1[89]|20)\d{2})"
_START = r"(?<![\w/.:-])(?<!\d[ ,])"
_END = r"(?![\w/-]|[.:]\d)"

_MONTH_NUM = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR_NUM = r"(?P<y>\d{4}|\d{2})"


@dataclass(frozen=True, slots=True)
class _Format:
    """One way of writing a date: ``full`` when it has a day, a month and a year."""

    name: str
    pattern: str
    ignore_case: bool
    full: bool


_FORMATS = (
    _Format("numeric", rf"{_START}{_DAY}(?P<sep>[/.-]){_MONTH_NUM}(?P=sep){_YEAR_NUM}{_END}",
            False, True),
    _Format("iso", rf"{_START}{_YEAR4}(?P<sep>[/-]){_MONTH_NUM}(?P=sep){_DAY}{_END}", False, True),
    _Format("day_month_year",
            rf"{_START}{_DAY_TH}(?:\s+of)?[\s-]+{_MONTH_NAME},?[\s-]+{_YEAR4}{_END}", True, True),
    _Format("month_day_year", rf"{_START}{_MONTH_NAME}\s+{_DAY_TH},?\s+{_YEAR4}{_END}", True, True),
    # Partial dates need a capitalised month: "you may 3 times" is not a date.
    _Format("day_month", rf"{_START}{_DAY_TH}(?:\s+of)?\s+{_MONTH_NAME}(?!\w)", False, False),
    _Format("month_day", rf"{_START}{_MONTH_NAME}\s+{_DAY_TH}{_END}", False, False),
    _Format("month_year", rf"{_START}{_MONTH_NAME}\s+{_YEAR4}{_END}", False, False),
)
_COMPILED = tuple(
    (f.name, re.compile(f.pattern, re.IGNORECASE if f.ignore_case else 0), f.full)
    for f in _FORMATS
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One calendar date found in a text."""

    start: int
    end: int
    form: str
    full: bool
    weak: bool = False


def _calendar_ok(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    if groups.get("mon"):
        month = _MONTHS.index(groups["mon"][:3].lower()) + 1
    else:
        month = int(groups["m"])
    day = int(groups["d"]) if groups.get("d") else 1
    try:
        datetime.date(2000, month, day)  # 2000 is a leap year: 29 February allowed
    except ValueError:
        return False
    return True


def _weak(match: re.Match[str]) -> bool:
    """Dotted numbers with a two-digit year ("3.1.12") are usually section numbers."""
    return match.groupdict().get("sep") == "." and len(match.group("y")) == 2


def find_dates(text: str) -> list[DateMatch]:
    """Return the calendar dates in ``text`` in text order; the longest wins an overlap.

    Dotted dates with a two-digit year are returned with ``weak`` set: they count as dates of
    birth after a cue, but are not reported as plain dates.
    """
    candidates = [
        DateMatch(m.start(), m.end(), name, full, _weak(m))
        for name, pattern, full in _COMPILED
        for m in pattern.finditer(text)
        if _calendar_ok(m)
    ]
    kept: list[DateMatch] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


_CUE_BEFORE = re.compile(
    r"(?<![\w.])(?:born|dob|d\.\s?o\.\s?b\.?|birth|birthday|birthdate|date\s+of\s+birth)(?!\w)"
    r"|(?P<b>(?:\w,?[ \t]+|\()b\.)",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"[ \t]*[(\[,]?[ \t]*(?:[^\W\d_]+[ \t]+){0,3}?"
    r"(?:dob|d\.\s?o\.\s?b|date\s+of\s+birth|birth\s?date|born)(?![\w-])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;]\s+[A-Z]")
_WORD = re.compile(r"[^\W_]+")
_LOOKBACK = 80
_MAX_WORDS_BETWEEN = 4


def birth_cued(text: str, date: DateMatch, previous_end: int) -> bool:
    """Whether a birth cue belongs to ``date`` (see the module docstring)."""
    window_start = max(0, date.start - _LOOKBACK, previous_end)
    cues = list(_CUE_BEFORE.finditer(text, window_start, date.start))
    if cues:
        gap = text[cues[-1].end() : date.start]
        words = len(_WORD.findall(gap))
        allowed = 0 if cues[-1].group("b") else _MAX_WORDS_BETWEEN
        if words <= allowed and not _SENTENCE_END.search(gap):
            return True
    return _CUE_AFTER.match(text, date.end, min(len(text), date.end + 40)) is not None


def _result(
    recognizer: LocalRecognizer, entity: str, date: DateMatch, score: float
) -> RecognizerResult:
    return make_result(
        recognizer, entity, (date.start, date.end), score,
        rule=date.form, explanation=f"Detected by `{recognizer.name}` as a {date.form} date",
    )


class DateOfBirthRecognizer(LocalRecognizer):
    """Finds dates that a birth cue marks as a date of birth."""

    SCORE = 0.95

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[DATE_OF_BIRTH], name="DateOfBirthRecognizer", version="1"
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Find dates of birth in ``text``."""
        results = []
        previous_end = 0
        for date in find_dates(text):
            if birth_cued(text, date, previous_end):
                results.append(_result(self, DATE_OF_BIRTH, date, self.SCORE))
            previous_end = date.end
        return results


class AnyDateRecognizer(LocalRecognizer):
    """Finds every calendar date as ``DATE_TIME`` (strict policy)."""

    SCORE = 0.85
    PARTIAL_SCORE = 0.7

    def __init__(self) -> None:
        super().__init__(supported_entities=[DATE_TIME], name="AnyDateRecognizer", version="1")

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Find calendar dates in ``text``."""
        return [
            _result(self, DATE_TIME, d, self.SCORE if d.full else self.PARTIAL_SCORE)
            for d in find_dates(text)
            if not d.weak
        ]


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_date_of_birth.v1": DateOfBirthRecognizer,
}

#: Every calendar date: on under the strict policy, and under the default one when
#: ``keep_dates = false``.
DATE_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "any_date.v1": AnyDateRecognizer,
}
