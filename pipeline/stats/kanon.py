"""k-anonymity of record-level data on chosen quasi-identifier columns.

Records sharing the same values on every quasi-identifier form an equivalence class. Measures
(after ARX's prosecutor model): the smallest class size (k), the number of unique records
(class size 1), records at risk (in classes smaller than the target k), the highest risk
(1 / smallest class) and the average risk (classes / records). Suggestions re-measure the data
after one built-in generalisation (19 → 5 ethnic groups, exact ages → bands, disability type →
yes/no…), after all of them, and after dropping each column.

Reports hold these figures only, never the values of any class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class KAnonymity:
    """Risk figures for records on a set of quasi-identifiers."""

    qi: tuple[str, ...]
    records: int
    classes: int
    k: int
    unique: int
    at_risk: int
    target: int

    @property
    def highest_risk(self) -> float:
        """Prosecutor risk of the most exposed record (1 / smallest class)."""
        return 1 / self.k if self.k else 0.0

    @property
    def average_risk(self) -> float:
        """Expected share of records re-identified by a prosecutor (classes / records)."""
        return self.classes / self.records if self.records else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "qi": list(self.qi), "records": self.records, "classes": self.classes,
            "smallest_class": self.k, "unique_records": self.unique,
            "records_at_risk": self.at_risk, "target_k": self.target,
            "highest_risk": round(self.highest_risk, 4),
            "average_risk": round(self.average_risk, 4),
        }


def measure(rows: Sequence[Sequence[str]], qi: Sequence[str], target: int) -> KAnonymity:
    """k-anonymity figures for ``rows`` (one tuple of QI values per record).

    Args:
        rows: QI values per record, in ``qi`` order.
        qi: The quasi-identifier column names.
        target: Classes smaller than this put their records "at risk".
    """
    sizes = Counter(tuple(r) for r in rows)
    return KAnonymity(
        qi=tuple(qi), records=len(rows), classes=len(sizes),
        k=min(sizes.values(), default=0),
        unique=sum(1 for n in sizes.values() if n == 1),
        at_risk=sum(n for n in sizes.values() if n < target), target=target,
    )


@dataclass(frozen=True)
class Suggestion:
    """One possible change to the quasi-identifiers and its effect."""

    change: str
    result: KAnonymity

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        r = self.result
        return {"change": self.change, "smallest_class": r.k, "unique_records": r.unique,
                "records_at_risk": r.at_risk}


Generaliser = tuple[str, Callable[[str], str]]


def suggest(rows: Sequence[Sequence[str]], qi: Sequence[str], target: int,
            generalisers: dict[str, Generaliser]) -> list[Suggestion]:
    """Re-measure after each built-in generalisation, all of them, and dropping each column.

    Args:
        rows: QI values per record, in ``qi`` order.
        qi: Column names.
        target: Target class size.
        generalisers: Column → (description, value mapping) for columns with a hierarchy.
    """
    out: list[Suggestion] = []

    def apply(columns: dict[int, Callable[[str], str]]) -> list[tuple[str, ...]]:
        return [tuple(columns[i](v) if i in columns else v for i, v in enumerate(r))
                for r in rows]

    usable = {qi.index(c): g for c, g in generalisers.items() if c in qi}
    for index, (text, fn) in sorted(usable.items()):
        out.append(Suggestion(f"{qi[index]}: {text}", measure(apply({index: fn}), qi, target)))
    if len(usable) > 1:
        every = {i: fn for i, (_, fn) in usable.items()}
        out.append(Suggestion("all of the generalisations above",
                              measure(apply(every), qi, target)))
    if len(qi) > 1:
        for index, column in enumerate(qi):
            kept = [c for c in qi if c != column]
            dropped = [tuple(v for i, v in enumerate(r) if i != index) for r in rows]
            out.append(Suggestion(f"drop {column} (no built-in generalisation)"
                                  if column not in generalisers else f"drop {column}",
                                  measure(dropped, kept, target)))
    return out
