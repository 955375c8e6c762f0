"""The strict policy's clean-up of detections (pure; the default policy never calls it).

Strict replaces organisations, places and dates as well as people, the way a publisher of case
law would. :func:`strict_cleanup` makes those spans fit what identifies:

* names that only the strict policy's recognizers read (``STRICT_PERSON``) become ``PERSON``;
* a leading article, a trailing possessive and an unclosed bracket are left out ("the
  [ORGANIZATION]'s");
* names of public bodies, laws and boilerplate (:func:`pipeline.public_names.is_public_name`)
  are kept, and so is anything detected inside one ("Appeal" in "the Court of Appeal"), and so
  are the dates on which laws came into force (:func:`pipeline.public_names.is_entry_into_force`);
* a public body followed by "of" or "in" and a detected place is local, so it is replaced with
  the place ("the District Court in Leeds");
* the name of a body that is replaced takes in a name in brackets straight after it, which is
  usually the same body in its own language or an acronym ("the Lyon Labour Court (conseil de
  prud'hommes)"); a definition in brackets ("(“the Court”)", "(hereinafter …)") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.model import Detection
from pipeline.public_names import is_entry_into_force, is_public_name
from recognizers.entities import PERSON
from recognizers.titled_names import STRICT_PERSON

#: Entity types whose spans lose a leading article and a trailing possessive.
_TRIMMED = frozenset({"DATE_TIME", "LOCATION", "ORGANIZATION", "NRP"})
#: Entity types that may be the name of a public body, law or boilerplate.
_NAMES = frozenset({"LOCATION", "ORGANIZATION", "NRP", PERSON})
#: Entity types whose name may continue in brackets.
_BODIES = frozenset({"LOCATION", "ORGANIZATION"})

_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\Z")
_UNCLOSED = re.compile(r"\s*\([^)]*\Z")
_PLACE_LINK = re.compile(r"[ \t]+(?:of|in|at)[ \t]+(?:the[ \t]+)?")
#: A bracketed name: no digits, and not a definition ("(“the Council”)", "(hereinafter …)").
_BRACKETED = re.compile(r"[ \t]?\((?![\"“‘']|the\b|hereinafter\b|see\b)[^()\d\n]{2,80}\)",
                        re.IGNORECASE)
_MAX_BRACKETED_WORDS = 8


def _trimmed(text: str, d: Detection) -> Detection | None:
    """``d`` without a leading article or trailing possessive (None when nothing is left)."""
    if d.entity not in _TRIMMED:
        return d
    start, end = d.start, d.end
    article = _ARTICLE.match(text, start, end)
    if article:
        start = article.end()
    for tail in (_UNCLOSED, _POSSESSIVE):
        found = tail.search(text, start, end)
        if found:
            end = found.start()
    if end <= start:
        return None
    if (start, end) == (d.start, d.end):
        return d
    return Detection(start, end, d.entity, d.score, d.recognizer)


def _place_after(text: str, d: Detection, places: Sequence[Detection]) -> Detection | None:
    """A detected place that follows ``d`` after "of", "in" or "at", if any."""
    link = _PLACE_LINK.match(text, d.end)
    if link is None:
        return None
    return next((p for p in places if p.start == link.end()), None)


def _with_bracket(text: str, d: Detection) -> Detection:
    """``d`` extended over a bracketed name right after it."""
    bracket = _BRACKETED.match(text, d.end)
    if bracket is None or len(bracket.group().split()) > _MAX_BRACKETED_WORDS:
        return d
    return Detection(d.start, bracket.end(), d.entity, d.score, d.recognizer)


def _as_person(d: Detection) -> Detection:
    if d.entity != STRICT_PERSON:
        return d
    return Detection(d.start, d.end, PERSON, d.score, d.recognizer)


def strict_cleanup(text: str, detections: Sequence[Detection]) -> list[Detection]:
    """Apply the strict policy's clean-up (see the module docstring) to ``detections``."""
    trimmed = [t for t in (_trimmed(text, _as_person(d)) for d in detections) if t is not None]
    places = [d for d in trimmed if d.entity == "LOCATION"]
    public: list[tuple[int, int]] = []
    kept: list[Detection] = []
    for d in trimmed:
        if d.entity == "DATE_TIME" and is_entry_into_force(text, d.start, d.end):
            continue
        if d.entity in _NAMES and is_public_name(text[d.start : d.end]):
            place = _place_after(text, d, places)
            if place is None:
                public.append((d.start, d.end))
                continue
            d = Detection(d.start, place.end, d.entity, d.score, d.recognizer)
        kept.append(_with_bracket(text, d) if d.entity in _BODIES else d)
    return [d for d in kept if not any(s <= d.start and d.end <= e for s, e in public)]
