"""Primary and secondary suppression, driven by the exact interval audit.

1. Primary: every cell (margins included) gets what the profile's rule publishes for its true
   count — a rounded number, ``[c]`` or ``[low]``.
2. Secondary: while some protected cell (hidden, or a rounded number) can be pinned down — its
   audit interval holds fewer than ``min_values`` whole numbers, or a rounded cell's holds one —
   hide one more cell that shares a sum with it: the smallest non-zero inner cell first; totals
   only when ``suppress_totals`` is set. True zeros are never hidden as secondary cells (they
   stay 0), so a secondary ``[c]`` always means "a count the rule would have published".
3. Audit: the final state is audited from scratch; if a cell still collapses, ``AuditFailure``.

What the attacker is assumed to know (see ``knowledge``): every published token, the ``reason``
column, the profile and its thresholds, and that margins are sums. Not modelled: the order in
which secondary cells were chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pipeline.stats.audit import AuditFailure, Circulation, Interval
from pipeline.stats.profiles import HIDDEN, Display, Profile, Status
from pipeline.stats.tabulate import Key, Table, constraints


@dataclass(frozen=True)
class Protected:
    """A table after suppression and rounding, with its audit.

    Attributes:
        table: The true counts (never written out for hidden cells).
        cells: What is published for every key.
        intervals: Audit interval for every cell whose true count is not published exactly.
        min_values: The audit's requirement for hidden cells.
    """

    table: Table
    cells: Mapping[Key, Display]
    intervals: Mapping[Key, Interval]
    min_values: int

    def count(self, status: Status) -> int:
        """Number of cells with the given status."""
        return sum(1 for d in self.cells.values() if d.status == status)


def _component(profile: Profile, special: bool, count: int,
               same: tuple[str, str]) -> tuple[int, int]:
    """The run of counts around ``count`` published as ``same`` (token, reason); bounded scan."""
    span = 3 * max(profile.rounding_base, profile.special_threshold, profile.low_below, 1) + 3
    def public(n: int) -> tuple[str, str]:
        shown = profile.display(n, special)
        return shown.token, shown.reason

    lo = count
    while lo > 0 and lo > count - span and public(lo - 1) == same:
        lo -= 1
    hi = count
    while hi < count + span and public(hi + 1) == same:
        hi += 1
    return lo, hi


def knowledge(table: Table, profile: Profile,
              cells: Mapping[Key, Display]) -> dict[Key, tuple[int, int | None]]:
    """For every key, the (low, high) true counts an attacker cannot rule out.

    Each range is the connected run of counts around the true one that the rule would publish
    the same way; taking the run (not every matching count) can only understate the attacker's
    doubt, so the audit errs on the safe side.
    """
    known: dict[Key, tuple[int, int | None]] = {}
    for key, shown in cells.items():
        count, special = table.counts[key], table.is_special(key)
        if shown.status == Status.SECONDARY:
            # A secondary cell is a non-zero count the rule would have published as a number.
            lo = max(1, profile.threshold_for(special), profile.low_below)
            known[key] = (lo, None)
        elif shown.status == Status.EXACT:
            known[key] = (count, count)
        else:
            known[key] = _component(profile, special, count, (shown.token, shown.reason))
    return known


def primary(table: Table, profile: Profile) -> dict[Key, Display]:
    """Apply the profile's rule to every cell and margin."""
    return {k: profile.display(table.counts[k], table.is_special(k)) for k in table.keys()}


def _enough(shown: Display, interval: Interval, min_values: int) -> bool:
    if shown.status in HIDDEN:
        return interval.at_least(min_values)
    # A rounded number may be pinned down only when it is a true zero.
    return interval.at_least(2) or interval.hi == 0


def _failures(circ: Circulation, cells: Mapping[Key, Display], min_values: int,
              seen: dict[Key, Interval]) -> Iterator[Key]:
    """Yield protected cells not yet in ``seen`` whose interval is too narrow.

    Cells that pass are added to ``seen``. Hiding more cells can only widen intervals, except
    in rare rounding cases, which the final from-scratch pass in ``protect`` catches.
    """
    for key, shown in cells.items():
        if shown.status == Status.EXACT or key in seen:
            continue
        interval = circ.interval(key)
        if _enough(shown, interval, min_values):
            seen[key] = interval
        else:
            yield key


def _candidates(table: Table, cells: Mapping[Key, Display], failing: Key,
                suppress_totals: bool) -> list[Key]:
    related = {failing}
    for parent, parts in constraints(table):
        if failing == parent or failing in parts:
            related.update((parent, *parts))
    ok = [k for k in related
          if cells[k].status in (Status.EXACT, Status.ROUNDED) and table.counts[k] > 0
          and (suppress_totals or not table.is_total(k))]
    order = {k: i for i, k in enumerate(table.keys())}
    return sorted(ok, key=lambda k: (table.is_total(k), table.counts[k], order[k]))


def _describe(table: Table, key: Key) -> str:
    return ", ".join(f"{d}={v}" for d, v in zip(table.dims, key, strict=True))


def protect(table: Table, profile: Profile, *, min_values: int = 2,
            suppress_totals: bool = False) -> Protected:
    """Apply the rule, add secondary suppression until the audit passes, and audit.

    Raises:
        AuditFailure: some cell can still be worked out and no cell is left to hide.
    """
    if min_values < 2:
        raise ValueError("min_values must be at least 2")
    cells = primary(table, profile)
    seen: dict[Key, Interval] = {}
    fresh = True  # whether every interval in ``seen`` was computed on the current cells
    while True:
        circ = Circulation(table, knowledge(table, profile, cells))
        stuck: Key | None = None
        for failing in _failures(circ, cells, min_values, seen):
            options = _candidates(table, cells, failing, suppress_totals)
            if options:
                cells[options[0]] = Display(profile.suppressed_marker, "secondary",
                                            Status.SECONDARY)
                fresh = False
                break
            stuck = stuck or failing
        else:
            if stuck is not None:
                raise AuditFailure(
                    f"cell ({_describe(table, stuck)}) could be worked out from the published "
                    "table and no further cell can be hidden; merge small categories, or set "
                    "suppress_totals = true in [stats]")
            if fresh:
                break
            seen.clear()  # audit the final state from scratch
            fresh = True
    return Protected(table, cells, dict(seen), min_values)
