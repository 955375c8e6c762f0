"""UK postcodes: full postcodes with the Royal Mail position rules, and outward codes in context.

Matching is case-sensitive on purpose (Presidio's default flags are IGNORECASE): an upper-case
full postcode is strong evidence on its own, a lower-case one (``ta23 0dz``) counts only with a
context word nearby ("postcode", "address", "lives"…). An outward code on its own ("TA23") is
reported only with a context word, and never for codes that read as education levels, school
years or vitamins (``L1``–``L3``, ``E1``–``E3``, ``S1``–``S6``, ``B12``…) or as a road ("the M25").

:func:`find_postcodes` is the pure core; :class:`UkPostcodeRecognizer` wraps it for Presidio and
the address recognizer uses it to anchor addresses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers.entities import POSTCODE
from recognizers.results import make_result

#: Outward code: area + district, with the position rules (no Q/V/X first, no I/J/Z second,
#: restricted third letter in A9A and fourth letter in AA9A).
OUTWARD = r"[A-PR-UWYZ](?:[A-HK-Y]\d[ABEHMNPRVWXY]|\d[A-HJKPSTUW]|[A-HK-Y]\d{1,2}|\d{1,2})"
#: Inward code: sector digit + unit letters (never C, I, K, M, O or V).
INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
_FULL = rf"(?<![\w-])(?:GIR[ \u00a0]?0AA|{OUTWARD}[ \u00a0]{{0,2}}{INWARD})(?![\w-])"
FULL_POSTCODE = re.compile(_FULL)
FULL_POSTCODE_ANY_CASE = re.compile(_FULL, re.IGNORECASE)
OUTWARD_ONLY = re.compile(rf"(?<![\w/.-]){OUTWARD}(?![\w/-]|\.\d)")

#: Single words that make a postcode or outward code more likely (matched as word prefixes).
CONTEXT_WORDS: tuple[str, ...] = (
    "postcode", "post code", "postal", "address", "addr", "lives", "living", "lived", "live",
    "resides", "resident", "residing", "moved", "moving", "located", "area", "home", "house",
    "flat", "district",
)
#: Outward codes that usually mean something else in care and education documents.
NOT_OUTCODES: frozenset[str] = frozenset(
    [f"L{n}" for n in range(1, 4)]  # Level 1-3
    + [f"E{n}" for n in range(1, 4)]  # Entry 1-3
    + [f"S{n}" for n in range(1, 7)]  # Scottish secondary years
    + [f"P{n}" for n in range(1, 8)]  # Scottish primary years
    + [f"Y{n}" for n in range(1, 14)]  # school years
    + [f"KS{n}" for n in range(1, 6)]  # key stages
    + ["B12", "B6", "D3", "E10", "M1", "M4", "M5", "M6", "M25", "M62", "A1", "A2", "A3"]
)

_CONTEXT = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in CONTEXT_WORDS)
    + r")(?:e?s)?(?![a-z])",
    re.IGNORECASE,
)
_ROAD_BEFORE = re.compile(r"(?:\bthe|\bon|\boff|\bvia|\bjunction\s+\d+\s+of)\s+$", re.IGNORECASE)

SCORE_UPPER = 0.75
SCORE_UPPER_CONTEXT = 0.95
SCORE_LOWER_CONTEXT = 0.7
SCORE_OUTWARD_CONTEXT = 0.6


@dataclass(frozen=True, slots=True)
class PostcodeMatch:
    """One postcode found in a text."""

    start: int
    end: int
    score: float
    outward_only: bool


def has_context(text: str, start: int, end: int, before: int = 60, after: int = 25) -> bool:
    """Whether a context word occurs shortly before (same paragraph) or just after a span."""
    left = text[max(0, start - before) : start]
    paragraph_break = max(left.rfind("\n\n"), left.rfind("\r\n\r\n"))
    if paragraph_break >= 0:
        left = left[paragraph_break:]
    right = text[end : end + after].split("\n", 1)[0]
    return bool(_CONTEXT.search(left) or _CONTEXT.search(right))


def _full_postcodes(text: str) -> list[PostcodeMatch]:
    found: list[PostcodeMatch] = []
    for m in FULL_POSTCODE_ANY_CASE.finditer(text):
        context = has_context(text, m.start(), m.end())
        if FULL_POSTCODE.fullmatch(m.group()):
            score = SCORE_UPPER_CONTEXT if context else SCORE_UPPER
        elif context:
            score = SCORE_LOWER_CONTEXT
        else:
            continue
        found.append(PostcodeMatch(m.start(), m.end(), score, outward_only=False))
    return found


def _outward_codes(
    text: str, taken: Iterable[PostcodeMatch], excluded: frozenset[str]
) -> list[PostcodeMatch]:
    covered = bytearray(len(text))
    for p in taken:
        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    found: list[PostcodeMatch] = []
    for m in OUTWARD_ONLY.finditer(text):
        if m.group() in excluded or 1 in covered[m.start() : m.end()]:
            continue
        if _ROAD_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if has_context(text, m.start(), m.end(), before=40, after=0):
            found.append(PostcodeMatch(m.start(), m.end(), SCORE_OUTWARD_CONTEXT, True))
    return found


def find_postcodes(
    text: str, outward: bool = True, excluded: frozenset[str] = NOT_OUTCODES
) -> list[PostcodeMatch]:
    """Find UK postcodes in ``text``, sorted by position.

    Args:
        text: any text.
        outward: also report outward codes on their own (only ever with a context word).
        excluded: outward codes never reported on their own (education levels, roads…).

    Returns:
        Full postcodes (upper case always, other case only with context) and, if asked,
        context-backed outward codes.
    """
    full = _full_postcodes(text)
    extra = _outward_codes(text, full, excluded) if outward else []
    return sorted(full + extra, key=lambda p: (p.start, p.end))


class UkPostcodeRecognizer(EntityRecognizer):
    """Presidio recognizer for UK postcodes (see the module docstring for the rules)."""

    def __init__(
        self,
        name: str = "uk_postcode.v1",
        outward: bool = True,
        excluded: frozenset[str] = NOT_OUTCODES,
    ) -> None:
        self._outward = outward
        self._excluded = excluded
        super().__init__(supported_entities=[POSTCODE], name=name, version="1")

    def load(self) -> None:
        """Nothing to load: the recognizer is pure regex."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Return one result per postcode (or context-backed outward code) in ``text``."""
        if entities and POSTCODE not in entities:
            return []
        results = []
        for match in find_postcodes(text, outward=self._outward, excluded=self._excluded):
            kind = "outward code with context" if match.outward_only else "full postcode"
            results.append(make_result(
                self, POSTCODE, (match.start, match.end), match.score,
                rule=kind, explanation=f"UK postcode rule: {kind}",
            ))
        return results


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_postcode.v1": UkPostcodeRecognizer,
}
