"""Primary and secondary suppression: which cells are hidden, and when protection is impossible."""

from __future__ import annotations

import pytest

from pipeline.stats.audit import AuditFailure
from pipeline.stats.profiles import BUILTIN, Status
from pipeline.stats.suppress import knowledge, primary, protect
from pipeline.stats.tabulate import TOTAL, Table, tabulate


def _table(grid: list[list[int]]) -> Table:
    rows = [f"r{i}" for i in range(len(grid))]
    cols = [f"c{j}" for j in range(len(grid[0]))]
    records = [(r, c) for r, line in zip(rows, grid, strict=True)
               for c, n in zip(cols, line, strict=True) for _ in range(n)]
    return tabulate(records, ["row", "col"], [rows, cols], [False, False])


def _statuses(grid: list[list[int]], profile: str, **kw: object) -> dict[tuple[str, ...], Status]:
    protected = protect(_table(grid), BUILTIN[profile], **kw)
    return {k: d.status for k, d in protected.cells.items()}


def test_primary_marks_small_cells_and_small_margins():
    t = _table([[3, 20], [12, 30]])
    cells = primary(t, BUILTIN["ons-10-5"])
    assert cells[("r0", "c0")].token == "[c]" and cells[("r0", "c0")].reason == "primary"
    assert cells[("r0", "c1")].token == "20" and cells[("r0", "c1")].reason == "rounded"
    assert cells[("r0", TOTAL)].token == "25"


def test_single_hidden_cell_in_unrounded_row_gets_a_partner():
    s = _statuses([[2, 20, 15], [12, 30, 11]], "gss-min")
    assert s[("r0", "c0")] == Status.PRIMARY
    secondary = [k for k, v in s.items() if v == Status.SECONDARY]
    assert any(k[0] == "r0" for k in secondary), "row r0 needs a second hidden cell"
    assert any(k[1] == "c0" for k in secondary), "column c0 needs a second hidden cell"


def test_secondary_picks_smallest_first():
    t = tabulate([("a",)] * 2 + [("b",)] * 40 + [("c",)] * 11, ["eth"], [["a", "b", "c"]],
                 [False])
    s = {k: d.status for k, d in protect(t, BUILTIN["gss-min"]).cells.items()}
    assert s[("a",)] == Status.PRIMARY
    assert s[("c",)] == Status.SECONDARY and s[("b",)] == Status.EXACT


def test_totals_never_secondary_by_default():
    s = _statuses([[3, 20, 15], [12, 30, 11], [0, 25, 2]], "gss-min")
    assert not any(TOTAL in k and v == Status.SECONDARY for k, v in s.items())


def test_true_zeros_never_secondary():
    s = _statuses([[3, 0, 15], [0, 30, 11]], "gss-min")
    assert s[("r0", "c1")] == Status.EXACT and s[("r1", "c0")] == Status.EXACT


def test_rounding_alone_can_protect_ons_table():
    s = _statuses([[3, 20, 15], [12, 30, 11]], "ons-10-5")
    assert Status.SECONDARY not in s.values()


def test_unprotectable_cell_fails_with_clear_message():
    # Row r0 is (2, 0): its total is the hidden cell, and the other row and the grand total are
    # published exactly, so only hiding a total could help.
    with pytest.raises(AuditFailure, match=r"row=r0.*suppress_totals"):
        protect(_table([[2, 0], [0, 40]]), BUILTIN["gss-min"])


def test_suppress_totals_allows_protection():
    protected = protect(_table([[2, 0], [0, 40]]), BUILTIN["gss-min"], suppress_totals=True)
    hidden = [k for k, d in protected.cells.items() if d.status == Status.SECONDARY]
    assert any(TOTAL in k for k in hidden)
    assert all(protected.intervals[k].at_least(2) for k, d in protected.cells.items()
               if d.status in (Status.PRIMARY, Status.SECONDARY))


def test_min_values_raises_the_bar():
    grid = [[3, 20, 15], [12, 30, 11]]
    loose = protect(_table(grid), BUILTIN["gss-min"])
    strict = protect(_table(grid), BUILTIN["gss-min"], min_values=6)
    assert strict.count(Status.SECONDARY) >= loose.count(Status.SECONDARY)
    hidden = [k for k, d in strict.cells.items() if d.status in (Status.PRIMARY,)]
    assert all(strict.intervals[k].at_least(6) for k in hidden)


def test_min_values_below_two_rejected():
    with pytest.raises(ValueError):
        protect(_table([[3, 20]]), BUILTIN["gss-min"], min_values=1)


def test_knowledge_of_each_status():
    t = _table([[3, 12], [0, 30]])
    profile = BUILTIN["ons-10-5"]
    known = knowledge(t, profile, primary(t, profile))
    assert known[("r0", "c0")] == (1, 9)         # [c] primary under the 10-5 rule
    assert known[("r0", "c1")] == (10, 12)       # 10, rounded, and at least 10
    assert known[("r1", "c0")] == (0, 0)         # a true zero
    assert known[("r1", "c1")] == (28, 32)


def test_low_marker_cells_are_protected_like_hidden_cells():
    protected = protect(_table([[3, 20], [12, 30]]), BUILTIN["ofqual"])
    assert protected.cells[("r0", "c0")].token == "[low]"
    assert protected.intervals[("r0", "c0")].at_least(2)
