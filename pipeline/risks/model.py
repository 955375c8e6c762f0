"""The value type for one re-identification risk found in anonymised text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

HIGH = "high"
MEDIUM = "medium"
LOW = "low"

#: Severities from most to least serious.
SEVERITIES: tuple[str, ...] = (HIGH, MEDIUM, LOW)

UNIQUENESS = "uniqueness"
SPECIAL_CATEGORY = "special_category"
RARE_ATTRIBUTE = "rare_attribute"
AGE = "age"
BIRTH_YEAR = "birth_year"
SMALL_COUNT = "small_count"
ROLE = "role"
PLACE = "place"

#: Every flag kind, in priority order: when cues overlap, the merged flag takes the first kind.
KINDS: tuple[str, ...] = (
    UNIQUENESS,
    SPECIAL_CATEGORY,
    RARE_ATTRIBUTE,
    AGE,
    BIRTH_YEAR,
    SMALL_COUNT,
    ROLE,
    PLACE,
)


@dataclass(frozen=True, slots=True)
class RiskFlag:
    """A phrase in the anonymised text that could help someone re-identify a person.

    Attributes:
        kind: what was found, one of :data:`KINDS`.
        severity: ``"high"``, ``"medium"`` or ``"low"`` (rules in :mod:`pipeline.risks.detect`).
        start: offset of the first flagged character in the text that was scanned.
        end: offset just after the last flagged character.
        quote: the flagged words, exactly ``text[start:end]``. Kept out of ``repr``.
        reason: why this is a risk, in plain English. Never contains document text.
        suggestion: what the author could do instead, in plain English.
        category: finer grouping for attributes, e.g. ``"ethnicity"`` or ``"disability"``;
            empty when the kind says it all.
        replacement: a safe rewrite of ``quote`` (e.g. an age band) that
            :func:`pipeline.risks.generalise.generalise` may apply, or ``None``.
    """

    kind: str
    severity: str
    start: int
    end: int
    quote: str = field(repr=False)
    reason: str
    suggestion: str
    category: str = ""
    replacement: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown risk kind {self.kind!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown risk severity {self.severity!r}")
        if not 0 <= self.start < self.end or len(self.quote) != self.end - self.start:
            raise ValueError(f"invalid risk span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        """The flag as JSON-ready data for the report (the caller adds the file)."""
        return {
            "kind": self.kind,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "reason": self.reason,
            "suggestion": self.suggestion,
            "replacement": self.replacement,
        }
