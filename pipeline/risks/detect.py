"""Find small-number re-identification risks in anonymised text.

Removing names is not enough: "the only Deaf learner at the Ludlow centre" or "aged 102"
still single a person out. :func:`find_risks` looks for quasi-identifiers with regexes and
word lists (no NLP model, so it is fast) and returns one :class:`RiskFlag` per phrase.

What is looked for (each is a *cue*):

* uniqueness wording next to a person: "the only … learner", "our sole carer", "one of two
  residents", "the first Roma learner to …", "the last remaining resident", "the oldest
  resident", "only one learner";
* exact ages and dates of birth: "aged 102", "a 19-year-old", "who is 87", "Client A (87)",
  "her 100th birthday", "centenarian", "born in 1941";
* special-category and other sensitive attributes (:mod:`pipeline.risks.attributes`), each
  marked rare or common;
* named sites and small places: "the Ludlow centre", "our Whitby site", "Mill Lane",
  "the village";
* job titles held by one person: "the headteacher", "the vicar";
* small counts of people (2–9): "two learners", "three residents";
* points in time ("in the spring", "last Tuesday", "in 2019"): context only, never flagged.

Placeholders left by anonymisation ("Client A", "[ADDRESS]", "PERSON-7K2QF9") are never
flagged. Cues that overlap are merged into one flag, named after the most important kind.

Severity is decided per sentence, from all the cues in it; every flag in the sentence gets it:

* **high** when
  (H1) a *singling* cue — uniqueness wording, a rare attribute, an age of 95 or more or a full
  date of birth — meets a place, a role or a time;
  (H2) uniqueness wording meets any sensitive attribute or an extreme age ("the only Deaf
  learner", "one of two Muslim residents"); or
  (H3) a role meets a place ("the vicar of the village church");
* **medium** when there is a singling cue on its own, or two or more different kinds of cue
  (an exact age and a place; a small count and a common health condition; an exact age and a
  time — but a time with only a place or a role says nothing about a person and stays low);
* **low** otherwise: one ordinary quasi-identifier (a named site, a role, an age, a small count,
  a common attribute).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from pipeline.model import SEGMENT_SEPARATOR
from pipeline.risks import ages, context, cues
from pipeline.risks.cue import TIME, Cue
from pipeline.risks.explain import reason, suggestion
from pipeline.risks.model import (
    AGE,
    HIGH,
    KINDS,
    LOW,
    MEDIUM,
    PLACE,
    RARE_ATTRIBUTE,
    ROLE,
    SPECIAL_CATEGORY,
    UNIQUENESS,
    RiskFlag,
)
from pipeline.risks.scan import Scanner
from pipeline.risks.sentences import sentence_index, sentence_starts

_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9 &/'-]*\]|\b[A-Z]+-[A-Z0-9]{4,}\b")
_CONTEXT = frozenset({PLACE, ROLE, TIME})
_PERSONAL = frozenset(KINDS) - {PLACE, ROLE}
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}
@cache
def _scanner() -> Scanner:
    """Build the pattern index once, on first use (compiling it takes about a second)."""
    return Scanner(cues.SCAN_FAMILIES | ages.SCAN_FAMILIES | context.SCAN_FAMILIES)


def find_risks(text: str) -> tuple[RiskFlag, ...]:
    """Every re-identification risk in ``text``, in order of position.

    Args:
        text: anonymised text (a whole document or one part of it).

    Returns:
        Flags whose offsets index ``text``; ``quote`` is ``text[start:end]``.
    """
    if not text.strip():
        return ()
    found = _scanner().scan(text)
    attributes = cues.find_attributes(text, found)
    kept = _clean(
        text,
        [
            *attributes,
            *cues.find_uniqueness(text, found, attributes),
            *cues.find_small_counts(text, found, attributes),
            *ages.find_ages(text, found),
            *ages.find_birth_dates(found),
            *context.find_places(found),
            *context.find_roles(found),
            *context.find_times(found),
        ],
    )
    starts = sentence_starts(text)
    by_sentence: dict[int, list[Cue]] = {}
    for cue in kept:
        by_sentence.setdefault(sentence_index(starts, cue.start), []).append(cue)
    flags: list[RiskFlag] = []
    for sentence_cues in by_sentence.values():
        flags.extend(_flags_for_sentence(text, sentence_cues))
    return tuple(sorted(flags, key=lambda f: (f.start, f.end)))


def _clean(text: str, cues: Iterable[Cue]) -> list[Cue]:
    """Drop cues in placeholders or across segments, cues inside a longer one of the same kind,
    and times inside other cues."""
    placeholders = bytearray(len(text))
    for m in _PLACEHOLDER.finditer(text):
        placeholders[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    kept = []
    reach: dict[str, int] = {}  # per kind, the furthest end of the cues kept so far
    for cue in sorted(set(cues), key=lambda c: (c.start, -c.end)):
        if cue.end <= reach.get(cue.kind, -1):
            continue  # inside a longer cue of the same kind ("Roma" in "Gypsy, Roma and …")
        span = text[cue.start : cue.end]
        if SEGMENT_SEPARATOR in span or not span.strip():
            continue
        if placeholders.find(1, cue.start, cue.end) != -1:
            continue
        reach[cue.kind] = max(cue.end, reach.get(cue.kind, -1))
        kept.append(cue)
    covered = bytearray(len(text))
    for cue in kept:
        if cue.kind != TIME:
            covered[cue.start : cue.end] = b"\x01" * (cue.end - cue.start)
    return [c for c in kept if c.kind != TIME or covered.find(1, c.start, c.end) == -1]


def sentence_severity(cues: Sequence[Cue]) -> str:
    """Severity of a sentence from its cues (rules H1–H3 in the module docstring)."""
    kinds = frozenset().union(*(c.kinds for c in cues))
    singling = any(c.singling for c in cues)
    sensitive = any(
        c.kind in (SPECIAL_CATEGORY, RARE_ATTRIBUTE) or (c.kind == AGE and c.singling) for c in cues
    )
    if (singling and kinds & _CONTEXT) or (UNIQUENESS in kinds and sensitive):
        return HIGH
    if ROLE in kinds and PLACE in kinds:
        return HIGH
    if not kinds & _PERSONAL:
        kinds -= {TIME}  # "the Ludlow centre … on Tuesday" says nothing about a person
    if singling or len(kinds) >= 2:
        return MEDIUM
    return LOW


def _groups(cues: Sequence[Cue]) -> list[list[Cue]]:
    """Overlapping flaggable cues, merged; each group sorted with its main cue first."""
    groups: list[list[Cue]] = []
    end = -1
    for cue in sorted(c for c in cues if c.kind != TIME):
        if groups and cue.start < end:
            groups[-1].append(cue)
            end = max(end, cue.end)
        else:
            groups.append([cue])
            end = cue.end
    return [sorted(g, key=lambda c: (_PRIORITY[c.kind], not c.singling, c.start)) for g in groups]


def _flags_for_sentence(text: str, cues: Sequence[Cue]) -> list[RiskFlag]:
    severity = sentence_severity(cues)
    flags = []
    for group in _groups(cues):
        primary = group[0]
        start = min(c.start for c in group)
        end = max(c.end for c in group)
        others = [c for c in cues if c not in group]
        flags.append(
            RiskFlag(
                kind=primary.kind,
                severity=severity,
                start=start,
                end=end,
                quote=text[start:end],
                reason=reason(group, others, severity),
                suggestion=suggestion(primary),
                category=primary.category,
                replacement=primary.replacement if len(group) == 1 else None,
            )
        )
    return flags


def prepare() -> None:
    """Build the pattern index now (e.g. while worker processes load their models)."""
    _scanner()
