"""Finders for places, job titles and points in time: the context that turns a detail into
a risk ("… at the Ludlow centre", "the vicar …", "… in the spring").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from pipeline.risks.cue import TIME, Cue
from pipeline.risks.lexicon import (
    GENERIC_NAME_WORDS,
    ROLE,
    ROLE_QUALIFIERS,
    SITE_NOUNS,
    SMALL_PLACE,
    STREET_NOUNS,
)
from pipeline.risks.lexicon import TIME as TIME_PATTERN
from pipeline.risks.model import PLACE
from pipeline.risks.model import ROLE as ROLE_KIND
from pipeline.risks.scan import Entry

_NAME = r"(?:(?:St\.?|Saint)[ \t]+)?(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:['’]s)?"
_SITE = re.compile(
    rf"(?:\b(?:the|our|their|its)[ \t]+)?(?P<name>{_NAME}(?:[- \t]{_NAME}){{0,2}})"
    rf"[ \t]+(?i:{SITE_NOUNS})(?![\w-])"
)
_STREET = re.compile(rf"\b(?P<name>{_NAME}(?:[ \t]{_NAME})?)[ \t]+{STREET_NOUNS}\b")
_SMALL_PLACE = re.compile(rf"\b{SMALL_PLACE}")
_ROLE = re.compile(
    rf"\b(?i:the|our|their|its|this)[ \t]+(?:(?:[A-Z][a-z]+|[a-z]+)['’]s[ \t]+)?"
    rf"(?:(?i:{ROLE_QUALIFIERS})[ \t]+)?(?i:{ROLE})(?![\w-])"
    r"(?![ \t]+(?:post|role|position|vacancy|vacancies|job|title|duties|responsibilities|salary|"
    r"interviews?|recruitment)\b)"
)
_TIME = re.compile(rf"\b(?:{TIME_PATTERN})")
_SITE_WORDS = " ".join(re.findall(r"[a-z]+", SITE_NOUNS.lower()))
_STREET_WORDS = " ".join(re.findall(r"[a-z]+", STREET_NOUNS.lower()))
_LEADING_DETERMINER = re.compile(r"(?:The|Our|Their|Its)[ \t]+")


def _entry(tag: str, regex: re.Pattern[str], anchors: str = "", back: int = 0) -> Entry:
    return Entry(tag, regex.pattern, regex.flags, frozenset(anchors.split()), back)


#: Patterns for :class:`pipeline.risks.scan.Scanner`, by family.
SCAN_FAMILIES: dict[str, list[Entry]] = {
    "places": [
        _entry("site", _SITE, _SITE_WORDS, 7),
        _entry("street", _STREET, _STREET_WORDS, 5),
        _entry("small place", _SMALL_PLACE),
    ],
    "roles": [_entry("role", _ROLE)],
    "times": [_entry("time", _TIME)],
}


def _name_is_specific(name: str) -> bool:
    words = re.split(r"[- \t]+", name)
    return any(w.lower() not in GENERIC_NAME_WORDS for w in words)


def find_places(found: Mapping[str, list[re.Match[str]]]) -> Iterator[Cue]:
    """Named sites ("the Ludlow centre"), streets ("Mill Lane") and small places ("the village")."""
    for m in found.get("site", ()):
        name = m.group("name")
        leading = _LEADING_DETERMINER.match(name)
        if _name_is_specific(name[leading.end() :] if leading else name):
            yield Cue(m.start(), m.end(), PLACE, "named site")
    for m in found.get("street", ()):
        if _name_is_specific(m.group("name")):
            yield Cue(m.start(), m.end(), PLACE, "named site")
    for m in found.get("small place", ()):
        yield Cue(m.start(), m.end(), PLACE, "small place")


def find_roles(found: Mapping[str, list[re.Match[str]]]) -> Iterator[Cue]:
    """Job titles usually held by one person: "the headteacher", "the vicar"."""
    for m in found.get("role", ()):
        yield Cue(m.start(), m.end(), ROLE_KIND)


def find_times(found: Mapping[str, list[re.Match[str]]]) -> Iterator[Cue]:
    """Points in time ("in the spring", "last Tuesday", "in 2019"): context only."""
    for m in found.get("time", ()):
        yield Cue(m.start(), m.end(), TIME)
