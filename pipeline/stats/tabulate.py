"""Count tables built from record-level data: cells, margins and the sums that link them.

A table over one or two ``--by`` columns holds every combination of their categories plus margin
cells, where a column's value is ``Total``. A key is a tuple with one value per column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

TOTAL = "Total"
Key = tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """True counts for every cell and margin of a one- or two-way table.

    Attributes:
        dims: The ``--by`` column names.
        categories: Category labels per column, in output order (without ``Total``).
        counts: True count for every key, margins included.
        special: Per column, whether it holds a special-category characteristic.
    """

    dims: tuple[str, ...]
    categories: tuple[tuple[str, ...], ...]
    counts: Mapping[Key, int]
    special: tuple[bool, ...]

    def keys(self) -> list[Key]:
        """All keys in output order: inner cells and row margins, then the bottom margin."""
        axes = [(*cats, TOTAL) for cats in self.categories]
        return list(product(*axes))

    def is_total(self, key: Key) -> bool:
        """Whether the key is a margin (any column is ``Total``)."""
        return TOTAL in key

    def is_special(self, key: Key) -> bool:
        """Whether the cell counts people by a special-category characteristic."""
        return any(s and v != TOTAL for s, v in zip(self.special, key, strict=True))

    def label(self, key: Key) -> dict[str, str]:
        """The key as {column: value}, for reports."""
        return dict(zip(self.dims, key, strict=True))


def tabulate(rows: Iterable[Sequence[str]], dims: Sequence[str],
             categories: Sequence[Sequence[str]], special: Sequence[bool]) -> Table:
    """Count records into a table with all margins.

    Args:
        rows: One tuple of category values per record, in ``dims`` order.
        dims: Column names (one or two).
        categories: Output order of the categories of each column; every value in ``rows``
            must be listed.
        special: Per column, whether it is special category.

    Raises:
        ValueError: a value is not among the listed categories, or the shape is wrong.
    """
    if not 1 <= len(dims) <= 2 or len(categories) != len(dims) or len(special) != len(dims):
        raise ValueError("a table has one or two columns")
    inner: Counter[Key] = Counter(tuple(r) for r in rows)
    allowed = [set(c) for c in categories]
    for key in inner:
        if any(v not in ok for v, ok in zip(key, allowed, strict=True)):
            raise ValueError("a record value is missing from the category list")
    counts: dict[Key, int] = {}
    for key in product(*[(*c, TOTAL) for c in categories]):
        counts[key] = sum(
            n for k, n in inner.items()
            if all(want in (TOTAL, have) for want, have in zip(key, k, strict=True))
        )
    return Table(tuple(dims), tuple(tuple(c) for c in categories), counts, tuple(special))


def constraints(table: Table) -> list[tuple[Key, tuple[Key, ...]]]:
    """Every published additive relation: (margin key, the keys that sum to it)."""
    out: list[tuple[Key, tuple[Key, ...]]] = []
    for key in table.keys():
        for axis, value in enumerate(key):
            if value == TOTAL:
                parts = tuple(key[:axis] + (c,) + key[axis + 1:]
                              for c in table.categories[axis])
                out.append((key, parts))
    return out


@dataclass(frozen=True)
class GroupFlag:
    """A row or column where everyone falls into one category of the other column.

    ``visible`` says whether the published table shows it (every other cell in the line is a
    published exact 0); when False the protection hides it, but it is still worth a review.
    """

    group: dict[str, str]
    shared: dict[str, str]
    visible: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (labels only, never counts)."""
        return {"group": self.group, "all_in": self.shared, "visible_in_table": self.visible,
                "reason": "every person in this group has the same category, so publishing "
                          "the group discloses that characteristic for each of them"}


def group_disclosures(table: Table,
                      shown_as_zero: Callable[[Key], bool] | None = None) -> list[GroupFlag]:
    """Rows/columns (or a one-way table) whose people all share one category.

    Args:
        table: True counts.
        shown_as_zero: Whether a cell is published as an exact 0 (for ``visible``).
    """
    zero = shown_as_zero or (lambda key: False)
    flags: list[GroupFlag] = []
    if len(table.dims) == 1:
        present = [c for c in table.categories[0] if table.counts[(c,)] > 0]
        if len(present) == 1:
            visible = all(zero((c,)) for c in table.categories[0] if c != present[0])
            flags.append(GroupFlag({table.dims[0]: TOTAL}, {table.dims[0]: present[0]}, visible))
        return flags
    for axis in (0, 1):
        other = 1 - axis
        for value in table.categories[axis]:
            def key(o: str, value: str = value, axis: int = axis) -> Key:
                return (value, o) if axis == 0 else (o, value)
            present = [o for o in table.categories[other] if table.counts[key(o)] > 0]
            if len(present) == 1 and len(table.categories[other]) > 1:
                visible = all(zero(key(o)) for o in table.categories[other] if o != present[0])
                flags.append(GroupFlag({table.dims[axis]: value},
                                       {table.dims[other]: present[0]}, visible))
    return flags
