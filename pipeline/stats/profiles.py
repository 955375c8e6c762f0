"""Disclosure-control rule profiles and the display function each one defines.

A profile decides, for one true count, what is published: a rounded number, a GSS marker for a
suppressed cell (``[c]``) or a marker for a small but non-zero count (``[low]``). Sources are in
``/work/shared/research/disclosure-control.md`` §2; the settings below restate them.

Rounding is "nearest multiple of the base, halves up" (HESA standard rounding methodology:
3 → 5, 22 → 20, 2 → 0, 2.5 → 5). Margins are rounded independently from their true, unrounded
totals, as ONS, HESA and Ofqual do, so rows need not add up; the audit models every rounded value
as the interval of true counts that round to it, so rounding cannot be used to undo suppression.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from enum import Enum
from fractions import Fraction
from typing import Any

from pipeline.errors import ConfigError

ZERO_POLICIES = ("keep", "disclosive")


class Status(str, Enum):
    """How one cell is published."""

    EXACT = "exact"          # the true number is shown
    ROUNDED = "rounded"      # a rounded number is shown
    PRIMARY = "primary"      # hidden by the threshold rule ([c])
    LOW = "low"              # shown as the low marker ([low]): small but not zero
    SECONDARY = "secondary"  # hidden so that primary cells cannot be worked out ([c])


HIDDEN = frozenset({Status.PRIMARY, Status.LOW, Status.SECONDARY})


@dataclass(frozen=True)
class Display:
    """What is published for one cell: the ``count`` token and the ``reason`` column."""

    token: str
    reason: str
    status: Status


def round_half_up(value: int | float | str | Fraction, base: int) -> int:
    """Round to the nearest multiple of ``base``; halves go up (HESA: 2.5 → 5, 2 → 0)."""
    if base < 1:
        raise ValueError("rounding base must be at least 1")
    exact = value if isinstance(value, Fraction) else Fraction(str(value))
    return math.floor(exact / base + Fraction(1, 2)) * base


@dataclass(frozen=True)
class Profile:
    """One disclosure-control rule.

    Attributes:
        name: Profile name (``--profile``).
        summary: The rule in plain English, echoed into reports.
        threshold: Counts from 1 to ``threshold - 1`` are suppressed as ``[c]`` (0: no rule).
        special_threshold: The same for cells of special-category columns (ethnicity, religion,
            sexual orientation, disability); never lower than ``threshold``.
        rounding_base: Published counts are rounded to a multiple of this (1: not rounded).
        zero_policy: "keep" shows true zeros as 0; "disclosive" treats 0 as a small count.
        low_below: Counts from 1 to ``low_below - 1`` not already suppressed are shown as
            ``low_marker`` (0: no low marker).
        k: Target class size for the k-anonymity check of ``--qi``.
        percent_min_denominator: Percentages on fewer people are suppressed (informational:
            this command publishes counts only).
        suppressed_marker: Marker for hidden cells.
        low_marker: Marker for small non-zero counts.
    """

    name: str
    summary: str
    threshold: int = 0
    special_threshold: int = 0
    rounding_base: int = 1
    zero_policy: str = "keep"
    low_below: int = 0
    k: int = 5
    percent_min_denominator: float | None = None
    suppressed_marker: str = "[c]"
    low_marker: str = "[low]"

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ConfigError(f"profile {self.name}: " + "; ".join(problems))

    def threshold_for(self, special: bool) -> int:
        """The suppression threshold for a cell (special-category cells may be stricter)."""
        return self.special_threshold if special else self.threshold

    def display(self, count: int, special: bool = False) -> Display:
        """What this rule publishes for a true count (before secondary suppression)."""
        if count < 0:
            raise ValueError("counts cannot be negative")
        if count == 0 and self.zero_policy == "disclosive" and self.threshold_for(special) > 0:
            return Display(self.suppressed_marker, "primary", Status.PRIMARY)
        if 0 < count < self.threshold_for(special):
            return Display(self.suppressed_marker, "primary", Status.PRIMARY)
        if 0 < count < self.low_below:
            return Display(self.low_marker, "primary", Status.LOW)
        if count == 0 and self.display(1, special).token != "0":
            return Display("0", "", Status.EXACT)  # only a true zero is shown as 0
        if self.rounding_base > 1:
            return Display(str(round_half_up(count, self.rounding_base)), "rounded",
                           Status.ROUNDED)
        return Display(str(count), "", Status.EXACT)

    def settings(self) -> dict[str, Any]:
        """JSON-ready settings, for reports."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _problems(p: Profile) -> list[str]:
    problems: list[str] = []
    for name in ("threshold", "special_threshold", "rounding_base", "low_below", "k"):
        value = getattr(p, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{name} must be a whole number ≥ 0")
    if not problems:
        if p.rounding_base < 1:
            problems.append("rounding_base must be at least 1")
        if p.special_threshold < p.threshold:
            problems.append("special_threshold must not be lower than threshold")
    if p.zero_policy not in ZERO_POLICIES:
        problems.append(f"zero_policy must be one of {', '.join(ZERO_POLICIES)}")
    for name in ("suppressed_marker", "low_marker"):
        if not isinstance(getattr(p, name), str) or not getattr(p, name).strip():
            problems.append(f"{name} must be a non-empty string")
    pm = p.percent_min_denominator
    if pm is not None and (not isinstance(pm, int | float) or isinstance(pm, bool) or pm < 0):
        problems.append("percent_min_denominator must be a number ≥ 0")
    return problems


BUILTIN: dict[str, Profile] = {p.name: p for p in (
    Profile("ons-10-5", "ONS 10-5 rule: counts of 1 to 9 are suppressed ([c]); all other counts "
            "are rounded to the nearest 5; true zeros are shown as 0.",
            threshold=10, special_threshold=10, rounding_base=5, k=10),
    Profile("nhs", "NHS England sub-national rule (HES/ECDS): 0 stays 0, counts of 1 to 7 are "
            "suppressed ([c]), all other counts are rounded to the nearest 5.",
            threshold=8, special_threshold=8, rounding_base=5, k=8),
    Profile("hesa", "HESA standard rounding: all counts are rounded to the nearest 5, counts "
            "below 2.5 become 0 and halves round up; percentages on fewer than 22.5 people "
            "are suppressed.", rounding_base=5, k=5, percent_min_denominator=22.5),
    Profile("ofqual", "Ofqual rounding policy: counts are rounded to the nearest 5; counts of 1 "
            "to 4 are shown as [low] (fewer than 5); true zeros are shown as 0.",
            rounding_base=5, low_below=5, k=5),
    Profile("dfe-fe", "DfE further education releases: volumes are rounded to the nearest 10; "
            "counts of 1 to 4 are shown as [low]; true zeros are shown as 0.",
            rounding_base=10, low_below=5, k=5),
    Profile("tre-10", "Trusted research environment output checking: counts below 10, "
            "including zeros, are suppressed ([c]); other counts are shown unrounded.",
            threshold=10, special_threshold=10, zero_policy="disclosive", k=10),
    Profile("gss-min", "GSS minimum for administrative data: counts of 1 or 2 are suppressed "
            "([c]), and counts of 1 to 4 for special-category characteristics; other counts "
            "are shown unrounded.", threshold=3, special_threshold=5, k=5),
)}
DEFAULT_PROFILE = "ons-10-5"
_SETTABLE = {f.name for f in fields(Profile)} - {"name"}


def resolve_profile(name: str, overrides: dict[str, dict[str, Any]] | None = None) -> Profile:
    """The named profile with any ``[stats.profiles.NAME]`` overrides from config applied.

    A config table may also define a new profile: ``base = "ons-10-5"`` names the profile it
    starts from (default ``ons-10-5``).

    Raises:
        ConfigError: unknown profile name, unknown setting or invalid value.
    """
    table = dict((overrides or {}).get(name, {}))
    base_name = table.pop("base", name if name in BUILTIN else DEFAULT_PROFILE)
    if name not in BUILTIN and name not in (overrides or {}):
        known = ", ".join(sorted(set(BUILTIN) | set(overrides or {})))
        raise ConfigError(f"unknown stats profile '{name}' (known: {known})")
    if base_name not in BUILTIN:
        raise ConfigError(f"[stats.profiles.{name}] base must be a built-in profile")
    unknown = sorted(set(table) - _SETTABLE)
    if unknown:
        raise ConfigError(f"[stats.profiles.{name}] unknown setting(s): {', '.join(unknown)}")
    changes: dict[str, Any] = dict(table)
    if isinstance(table.get("threshold"), int) and "special_threshold" not in table:
        # Keep the base profile's margin between the two thresholds.
        base = BUILTIN[base_name]
        changes["special_threshold"] = max(table["threshold"],
                                           base.special_threshold - base.threshold
                                           + table["threshold"])
    if "summary" not in table and (table or name != base_name):
        changes["summary"] = f"{BUILTIN[base_name].summary} (customised in config: " + (
            ", ".join(f"{k} = {v}" for k, v in sorted(table.items())) or "copy") + ")"
    try:
        return replace(BUILTIN[base_name], name=name, **changes)
    except TypeError as exc:
        raise ConfigError(f"[stats.profiles.{name}]: {exc}") from None
