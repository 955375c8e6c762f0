"""Residual re-scan: the last line of defence after an output is written.

The output is re-opened with an independent plain reader (:mod:`pipeline.formats.plain`) and
searched for every original value that was replaced. Matching is case-insensitive and
whitespace-tolerant (any run of spaces or line breaks, or none, between words; curly and
straight apostrophes and all dashes alike), and separator-tolerant for numbers: a value with
three or more digits, at least half of its letters and digits being digits, matches with any
one to three non-alphanumeric characters, or none, between its characters ("943 476 5919"
matches "943-476-5919" and "9434765919"). A match must not continue a word on either side.

Originals shorter than 3 characters or without letters or digits are ignored. Views decoded
from arbitrary bytes (images, fonts, streams) are searched for values of at least
:data:`MIN_BINARY_ALNUM` letters and digits in their ASCII form (shorter ones would match
random bytes) and for every value in their UTF-16 forms, except in embedded font programs, whose
UTF-16 licence text is ordinary English ("The Font Software may be modified").

Only locations are returned, never values; a location that itself contains a value is
replaced by a neutral one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pipeline.formats.pdf import quiet_pypdf
from pipeline.formats.plain import CACHED_PART_SIZES, VIEWS

#: Values with fewer letters and digits are not searched for in ASCII views of raw bytes.
MIN_BINARY_ALNUM = 6
_APOSTROPHES = "'\u2019\u2018`\u02bc"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_NUMBER_SEPARATOR = r"[^0-9A-Za-z]{0,3}"


def _word(word: str) -> str:
    out = []
    for ch in word:
        if ch in _APOSTROPHES:
            out.append(f"[{_APOSTROPHES}]")
        elif ch in _DASHES:
            out.append(f"[{_DASHES}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def value_pattern(value: str, *, ascii_boundaries: bool = False) -> str | None:
    """The regular expression (to be compiled with IGNORECASE) that finds ``value``, or None
    for values too short or without letters and digits.

    With ``ascii_boundaries`` only ASCII letters and digits count as continuing a word (for
    text decoded from arbitrary bytes, where any neighbouring character may be a "letter").
    """
    value = value.strip()
    alnum = [ch for ch in value if ch.isalnum()]
    if len(value) < 3 or not alnum:
        return None
    digits = sum(ch.isdigit() for ch in alnum)
    if digits >= 3 and digits * 2 >= len(alnum):
        body = _NUMBER_SEPARATOR.join(re.escape(ch) for ch in alnum)
        return rf"(?<![0-9A-Za-z]){body}(?![0-9A-Za-z])"
    body = r"\s*".join(_word(word) for word in value.split())
    if ascii_boundaries:
        return rf"(?<![0-9A-Za-z]){body}(?![0-9A-Za-z])"
    return rf"(?<!\w){body}(?!\w)"


_NOT_ALNUM = re.compile(r"[\W_]+")
_ASCII_NOT_ALNUM = dict.fromkeys(i for i in range(128) if not chr(i).isalnum())


def _squash(text: str) -> str:
    """Case- and separator-blind form: every value the patterns find squashes to a substring
    of the squashed text, so it serves both as a fast pre-filter and to tell matches apart."""
    folded = text.casefold()
    # Fast path (a large part in ~1 ms instead of ~20): drop ASCII separators; when nothing
    # but letters and digits is left, that is the answer.
    quick = folded.translate(_ASCII_NOT_ALNUM)
    return quick if quick.isalnum() or not quick else _NOT_ALNUM.sub("", folded)


@lru_cache(maxsize=8192)
def _pattern(value: str, kind: str) -> re.Pattern[str] | None:
    """The compiled pattern for one value in one kind of view (cached: names recur)."""
    text = value_pattern(value)
    if text is None:
        return None
    if kind == "text":
        return re.compile(text, re.IGNORECASE)
    if kind == "ascii" and sum(ch.isalnum() for ch in value) < MIN_BINARY_ALNUM:
        return None
    return re.compile(value_pattern(value, ascii_boundaries=True) or text, re.IGNORECASE)


@lru_cache(maxsize=8)
def _squash_cached(text: str) -> str:
    """:func:`_squash` of a large part's literal form, which repeats in files made from one
    template (the same string object comes back from the reader's cache, so hashing is cheap)."""
    return _squash(text)


class Matcher:
    """Finds any of a set of original values in text (see the module docstring).

    Each view is first reduced to its letters and digits; only values whose reduced form
    occurs in it are then searched with their exact pattern.
    """

    def __init__(self, originals: Iterable[str]) -> None:
        values = {v.strip() for v in originals if v and v.strip()}
        self._values = tuple(
            (value, squashed)
            for value in sorted(values)
            if (squashed := _squash(value)) and value_pattern(value) is not None
        )

    def _candidates(self, text: str, kind: str) -> list[re.Pattern[str]]:
        squashed = _squash(text)
        found = []
        for value, key in self._values:
            if key in squashed and (pattern := _pattern(value, kind)) is not None:
                found.append(pattern)
        return found

    def might_hold(self, text: str) -> bool:
        """Whether ``text`` could contain a value (its squashed form holds a value's)."""
        low, high = CACHED_PART_SIZES
        squashed = _squash_cached(text) if low <= len(text) < high else _squash(text)
        return any(key in squashed for _value, key in self._values)

    def found(self, text: str, kind: str = "text") -> bool:
        """Whether any value occurs in ``text`` (a view of that kind, see
        :data:`pipeline.formats.plain.View`)."""
        return any(p.search(text) for p in self._candidates(text, kind))

    def matches(self, text: str) -> list[str]:
        """The substrings of ``text`` where a value occurs (text view)."""
        return [m.group() for p in self._candidates(text, "text") for m in p.finditer(text)]

    def __bool__(self) -> bool:
        return bool(self._values)


def find_residuals(
    path: Path,
    format_name: str,
    originals: Iterable[str],
    *,
    expected: str | None = None,
) -> list[str]:
    """Return the locations in the output ``path`` where an original value survives.

    Args:
        path: the written output.
        format_name: the output's format ("text", "docx" or "pdf").
        originals: the values that were replaced.
        expected: the anonymised text the writer was asked to produce (segments joined). If
            given, originals that occur in it are not searched for: the plan kept them on
            purpose (e.g. "may" the verb beside "May" the name), and searching would
            only find the kept occurrences.

    Returns:
        Locations (parts, pages, objects) in file order without repeats; empty when clean.
        An output that cannot be re-read gives one location saying so.
    """
    values = [v for v in originals if v and v.strip()]
    if expected is not None and values:
        kept = {_squash(m) for m in Matcher(values).matches(expected)}
        values = [v for v in values if _squash(v) not in kept]
    matcher = Matcher(values)
    if not matcher:
        return []
    reader = VIEWS[format_name]
    locations: list[str] = []
    try:
        with quiet_pypdf():
            for location, text, kind in reader(path, matcher.might_hold):
                if location not in locations and matcher.found(text, kind):
                    locations.append(location)
    except Exception as exc:  # the output is ours: anything unreadable is a failure
        return [f"whole file (cannot be re-read: {type(exc).__name__})"]
    return [
        f"location {number}" if matcher.found(location) else location
        for number, location in enumerate(locations, start=1)
    ]

