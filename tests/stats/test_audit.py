"""The interval audit: known bounds, and a brute-force check that no hidden cell is recoverable.

The brute force works only from what is published: it derives each cell's possible counts from
its token and reason by scanning the profile's display rule (not from the code under test), then
searches (exhaustively, with pruning) for non-negative integer tables consistent with them
and the margins, value by value for every cell.
"""

from __future__ import annotations

import random

import pytest

from pipeline.stats.audit import AuditFailure, Circulation, Interval, intervals
from pipeline.stats.profiles import BUILTIN, HIDDEN, Profile, Status
from pipeline.stats.suppress import Protected, protect
from pipeline.stats.tabulate import TOTAL, Table, tabulate


def _table(grid: list[list[int]], special: bool = False) -> Table:
    rows = [f"r{i}" for i in range(len(grid))]
    cols = [f"c{j}" for j in range(len(grid[0]))]
    records = [(r, c) for r, line in zip(rows, grid, strict=True)
               for c, n in zip(cols, line, strict=True) for _ in range(n)]
    return tabulate(records, ["row", "col"], [rows, cols], [False, special])


def _one_way(counts: list[int]) -> Table:
    cats = [f"c{j}" for j in range(len(counts))]
    records = [(c,) for c, n in zip(cats, counts, strict=True) for _ in range(n)]
    return tabulate(records, ["col"], [cats], [False])


# --- known answers ---------------------------------------------------------------------------
def test_two_by_two_all_hidden_gives_frechet_bounds():
    t = _table([[3, 5], [4, 6]])
    know = {k: (0, None) for k in t.keys() if TOTAL not in k}
    know |= {k: (t.counts[k], t.counts[k]) for k in t.keys() if TOTAL in k}
    got = intervals(t, know, [("r0", "c0")])[("r0", "c0")]
    # row 8, column 7, total 18: max(0, 8 + 7 - 18) = 0 … min(8, 7) = 7
    assert got == Interval(0, 7)


def test_single_hidden_cell_in_a_row_is_recovered():
    t = _table([[3, 20], [12, 30]])
    know = {k: (t.counts[k], t.counts[k]) for k in t.keys()}
    know[("r0", "c0")] = (1, 9)
    assert intervals(t, know, [("r0", "c0")])[("r0", "c0")] == Interval(3, 3)


def test_rounded_margins_bound_hidden_cell():
    t = _one_way([3, 12])   # published: [c], 10, total 15
    know = {("c0",): (1, 9), ("c1",): (10, 12), (TOTAL,): (13, 17)}
    assert intervals(t, know, [("c0",)])[("c0",)] == Interval(1, 7)


def test_unbounded_interval_reported_as_none():
    t = _one_way([3, 12])
    know = {("c0",): (1, 9), ("c1",): (10, None), (TOTAL,): (10, None)}
    assert intervals(t, know, [("c1",)])[("c1",)].hi is None


def test_inconsistent_knowledge_is_an_error():
    t = _one_way([3, 12])
    with pytest.raises(ValueError):
        Circulation(t, {("c0",): (1, 2), ("c1",): (1, 2), (TOTAL,): (50, 50)})


def test_interval_values():
    assert Interval(1, 1).values == 1 and not Interval(1, 1).at_least(2)
    assert Interval(1, 2).at_least(2) and Interval(0, None).at_least(99)


# --- brute force -----------------------------------------------------------------------------
def _public(profile: Profile, x: int, special: bool) -> tuple[str, str]:
    d = profile.display(x, special)
    return d.token, d.reason


def _possible(profile: Profile, protected: Protected, key: tuple[str, ...], cap: int) -> set[int]:
    """Counts from 0..cap that an attacker cannot rule out for one cell, from its token alone."""
    shown = protected.cells[key]
    special = protected.table.is_special(key)
    if shown.status == Status.SECONDARY:
        # Documented policy: secondary cells are non-zero counts the rule would publish.
        return {x for x in range(1, cap + 1)
                if profile.display(x, special).status not in HIDDEN}
    return {x for x in range(cap + 1)
            if _public(profile, x, special) == (shown.token, shown.reason)}


def _feasible(t: Table, sets: dict[tuple[str, ...], set[int]]) -> bool:
    """Whether some non-negative integer table fits every cell's possible counts (pruned DFS)."""
    if len(t.dims) == 1:
        grid = [[(c,) for c in t.categories[0]]]
        row_keys, col_keys = [(TOTAL,)], None
    else:
        grid = [[(r, c) for c in t.categories[1]] for r in t.categories[0]]
        row_keys, col_keys = [(r, TOTAL) for r in t.categories[0]], \
            [(TOTAL, c) for c in t.categories[1]]
    grand = (TOTAL,) * len(t.dims)
    if not all(sets.values()):
        return False
    order = [(i, j) for i in range(len(grid)) for j in range(len(grid[0]))]
    low = {k: min(sets[k]) for k in sets}
    high = {k: max(sets[k]) for k in sets}
    rows, cols, total = [0] * len(grid), [0] * len(grid[0]), [0]

    def fits(partial: int, rest: list[tuple[str, ...]], target: tuple[str, ...]) -> bool:
        if not rest:
            return partial in sets[target]
        return (partial + sum(low[k] for k in rest) <= high[target]
                and partial + sum(high[k] for k in rest) >= low[target])

    def search(n: int) -> bool:
        if n == len(order):
            return True
        i, j = order[n]
        for v in sorted(sets[grid[i][j]]):
            rows[i] += v
            cols[j] += v
            total[0] += v
            good = (fits(rows[i], grid[i][j + 1:], row_keys[i])
                    and (col_keys is None
                         or fits(cols[j], [grid[r][j] for r in range(i + 1, len(grid))],
                                 col_keys[j]))
                    and fits(total[0], [grid[a][b] for a, b in order[n + 1:]], grand)
                    and search(n + 1))
            rows[i] -= v
            cols[j] -= v
            total[0] -= v
            if good:
                return True
        return False

    return search(0)


def _sets(protected: Protected, profile: Profile) -> dict[tuple[str, ...], set[int]]:
    grand = (TOTAL,) * len(protected.table.dims)
    cap = max(_possible(profile, protected, grand, 400))
    return {k: _possible(profile, protected, k, cap) for k in protected.table.keys()}


def _min_max(t: Table, sets: dict[tuple[str, ...], set[int]],
             key: tuple[str, ...], lo: int, hi: int) -> bool:
    """Whether brute force agrees that ``key`` ranges exactly over lo..hi (both reached)."""
    def fits(values: set[int]) -> bool:
        return _feasible(t, sets | {key: values})

    return (fits({lo}) and fits({hi}) and not fits({v for v in sets[key] if v < lo})
            and not fits({v for v in sets[key] if v > hi}))


def _random_tables(seed: int, count: int, largest: int = 9) -> list[Table]:
    """Seeded random one-way tables (2–4 categories) and two-way tables (2×2 … 3×3)."""
    rng = random.Random(seed)
    pool = [0, 0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 14]
    shapes = [s for s in [(1, 2), (1, 3), (1, 4), (2, 2), (2, 3), (3, 2), (3, 3)]
              if s[0] * s[1] <= largest]
    out = []
    for _ in range(count):
        shape = rng.choice(shapes)
        if shape[0] == 1:
            out.append(_one_way([rng.choice(pool) for _ in range(shape[1])]))
        else:
            grid = [[rng.choice(pool) for _ in range(shape[1])] for _ in range(shape[0])]
            out.append(_table(grid, special=rng.random() < 0.3))
    return out


_EXACT_5 = Profile("exact-5", "test: 1–4 suppressed, unrounded", threshold=5, special_threshold=5)


def _check_unrecoverable(t: Table, protected: Protected, profile: Profile) -> None:
    sets = _sets(protected, profile)
    assert _feasible(t, {k: {t.counts[k]} for k in t.keys()}), "true table must fit"
    assert all(t.counts[k] in sets[k] for k in t.keys()), "true counts must be possible"
    for key, shown in protected.cells.items():
        if shown.status == Status.EXACT:
            continue
        iv = protected.intervals[key]
        assert iv.hi is not None
        if shown.status in HIDDEN:
            assert iv.lo < iv.hi, f"{profile.name}: hidden cell {key} recoverable"
        # Brute force finds exactly the audit's interval: smallest and largest possible count.
        assert _min_max(t, sets, key, iv.lo, iv.hi), (profile.name, key, iv)


@pytest.mark.parametrize("profile", [*BUILTIN.values(), _EXACT_5], ids=lambda p: p.name)
def test_brute_force_no_hidden_cell_is_recoverable(profile):
    protected_tables = 0
    for t in _random_tables(seed=sum(map(ord, profile.name)), count=30):
        try:
            protected = protect(t, profile)
        except AuditFailure:
            continue  # legitimate when only hiding a total would help (see test_suppress)
        protected_tables += 1
        _check_unrecoverable(t, protected, profile)
    assert protected_tables >= 15


@pytest.mark.parametrize("profile", [BUILTIN["tre-10"], _EXACT_5], ids=lambda p: p.name)
def test_brute_force_with_totals_suppressible(profile):
    checked = 0
    for t in _random_tables(seed=99, count=30, largest=6):  # 3×3: too slow to enumerate
        try:
            protected = protect(t, profile, suppress_totals=True)
        except AuditFailure:
            continue
        grand = (TOTAL,) * len(t.dims)
        if protected.cells[grand].status == Status.SECONDARY:
            continue  # unbounded: too many completions to enumerate
        checked += 1
        _check_unrecoverable(t, protected, profile)
    assert checked >= 20
