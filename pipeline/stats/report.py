"""The ``anonymise stats`` report: JSON for governance records and a short stderr summary.

The report holds the rule applied, published tokens, audit intervals of hidden cells, code-list
findings, group-disclosure flags and k-anonymity figures — never the true count of a hidden cell
and never the values of an equivalence class. It does not claim that the output is free of
risk: it states the rule applied and that the ICO motivated-intruder test still applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline import __version__
from pipeline.stats.kanon import KAnonymity, Suggestion
from pipeline.stats.profiles import HIDDEN, Profile, Status
from pipeline.stats.records import UNRECOGNISED, ColumnCheck, Records
from pipeline.stats.suppress import Protected
from pipeline.stats.tabulate import GroupFlag

AUDIT_METHOD = (
    "exact interval audit: each cell's range of possible true counts given the published "
    "values, the reason column, the rule's thresholds and the margins, computed as bounds of "
    "a flow circulation (integral, so equal to the integer bounds)"
)
CHECKLIST = (
    "Is the data special category (ethnicity, religion, health or disability, sexual "
    "orientation)?",
    "How small is the population at risk (site, cohort, year)?",
    "Could staff, peers, family or local people recognise someone from these figures?",
    "Are there earlier, later or linked tables (other years, other breakdowns) that could be "
    "differenced against this one?",
    "Is the release public, or to known recipients under an agreement?",
    "Who reviewed and signed off the release, and for what purpose (justify the purpose; "
    "minimum necessary)?",
)


def table_notes(profile: Profile, secondary: int) -> list[str]:
    """Plain-English notes to publish with the table."""
    p, notes = profile, []
    if p.threshold or p.special_threshold:
        zeros = ", including zeros," if p.zero_policy == "disclosive" else ""
        text = f"Counts below {p.threshold}{zeros} are shown as {p.suppressed_marker}"
        if p.special_threshold > p.threshold:
            text += (f" (below {p.special_threshold} for ethnicity, religion, disability, sexual "
                     "orientation and other special-category characteristics)")
        notes.append(text + ".")
    if p.low_below:
        notes.append(f"Counts of 1 to {p.low_below - 1} are shown as {p.low_marker}.")
    if p.rounding_base > 1:
        notes.append(f"Other counts are rounded to the nearest {p.rounding_base} (halves up), so "
                     "totals may not equal the sum of their parts.")
    if secondary:
        notes.append(f"Some further cells are also shown as {p.suppressed_marker} so the hidden "
                     "values cannot be worked out from the totals.")
    return notes


def _method_notes(profile: Profile) -> list[str]:
    notes = [
        "Counts are built from the records; margins ('Total') are counted from the records "
        "too, and rounded independently from their true values under the same rule, so rows "
        "need not add up. The audit treats every rounded value as the range of true counts "
        "that round to it, so rounding cannot be combined with the margins to undo suppression.",
        "True zeros are never hidden as secondary cells; margins are hidden only by the "
        "threshold rule unless suppress_totals is set.",
        "The audit assumes an attacker knows every published value, the reason column and the "
        "rule; it does not model knowledge of the order in which secondary cells were chosen, "
        "nor differencing against other tables or releases.",
        "Only counts are published. If you add percentages, compute them from published counts"
        + (f" and suppress any based on fewer than {profile.percent_min_denominator} people"
           if profile.percent_min_denominator else "") + ".",
    ]
    return notes


def footer(profile: Profile) -> str:
    """The closing caution, in every report and summary."""
    return (f"These checks apply the {profile.name} rule. They reduce, but cannot rule out, the "
            "risk that someone who knows the people involved could identify them. Apply the "
            "ICO 'motivated intruder' test before publishing, and consider who will receive "
            "the output.")


@dataclass(frozen=True)
class StatsRun:
    """Everything one ``anonymise stats`` run produced, for the report."""

    records: Records
    profile: Profile
    by: tuple[str, ...]
    output: str | None
    checks: tuple[ColumnCheck, ...]
    protected: Protected | None = None
    failure: str = ""
    groups: tuple[GroupFlag, ...] = ()
    kanon: KAnonymity | None = None
    suggestions: tuple[Suggestion, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    def _audit(self) -> dict[str, Any]:
        audit: dict[str, Any] = {"method": AUDIT_METHOD, "status": "fail" if self.failure
                                 else "pass", "message": self.failure}
        p = self.protected
        if p is None:
            return audit
        hidden = []
        for key, shown in p.cells.items():
            if shown.status in HIDDEN:
                iv = p.intervals[key]
                hidden.append({"cell": p.table.label(key), "count": shown.token,
                               "reason": shown.reason, "interval": [iv.lo, iv.hi],
                               "possible_values": iv.values})
        narrowest = min((h["possible_values"] for h in hidden if h["possible_values"]),
                        default=None)
        audit.update(min_values=p.min_values, hidden_cells=hidden,
                     narrowest_interval_values=narrowest)
        return audit

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready report."""
        p = self.protected
        counts = ({s.value: p.count(s) for s in Status} if p else {})
        return {
            "tool": "anonymise", "command": "stats", "version": __version__,
            "input": {"file": self.records.source, "sha256": self.records.sha256,
                      "records": len(self.records.rows)},
            "rule": self.profile.summary,
            "profile": self.profile.settings(),
            "settings": self.settings,
            "table": {"by": list(self.by), "output": self.output,
                      "cells": len(p.cells) if p else 0, "by_status": counts,
                      "notes": table_notes(self.profile, counts.get("secondary", 0))},
            "audit": self._audit(),
            "columns": {c.column: c.to_dict() for c in self.checks},
            "group_disclosure": [g.to_dict() for g in self.groups],
            "k_anonymity": (None if self.kanon is None else
                            {**self.kanon.to_dict(),
                             "suggestions": [s.to_dict() for s in self.suggestions]}),
            "method_notes": _method_notes(self.profile),
            "motivated_intruder_checklist": list(CHECKLIST),
            "caution": footer(self.profile),
        }

    def summary(self) -> list[str]:
        """Lines for stderr."""
        lines = [f"{len(self.records.rows)} records; rule {self.profile.name}: "
                 f"{self.profile.summary}"]
        p = self.protected
        if p is not None:
            hidden = p.count(Status.PRIMARY) + p.count(Status.SECONDARY)
            lines.append(
                f"table by {' × '.join(self.by)}: {len(p.cells)} cells; {hidden} shown as "
                f"{self.profile.suppressed_marker} ({p.count(Status.PRIMARY)} primary, "
                f"{p.count(Status.SECONDARY)} secondary), {p.count(Status.LOW)} as "
                f"{self.profile.low_marker}; audit passed (every hidden cell has at least "
                f"{p.min_values} possible values)")
        if self.failure:
            lines.append(f"audit FAILED, no table written: {self.failure}")
        for c in self.checks:
            if c.unrecognised:
                n = sum(k for _, k in c.unrecognised)
                lines.append(f"column {c.column}: {len(c.unrecognised)} unrecognised spelling(s) "
                             f"in {n} record(s), counted as '{UNRECOGNISED}' (see report)")
        if self.groups:
            seen = sum(1 for g in self.groups if g.visible)
            lines.append(f"group disclosure: {len(self.groups)} row(s)/column(s) where everyone "
                         f"shares one category, {seen} visible in the table (see report)")
        if self.kanon is not None:
            k = self.kanon
            lines.append(f"k-anonymity on {', '.join(k.qi)}: smallest class {k.k}, "
                         f"{k.unique} unique record(s), {k.at_risk} record(s) in classes "
                         f"smaller than {k.target}")
        lines.append(footer(self.profile))
        return lines

