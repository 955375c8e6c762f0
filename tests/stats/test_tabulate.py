"""Tabulation: counts and margins from records, sums, group disclosure."""

from __future__ import annotations

import pytest

from pipeline.stats.tabulate import TOTAL, constraints, group_disclosures, tabulate

ROWS = [("A", "x"), ("A", "x"), ("A", "y"), ("B", "y"), ("B", "y"), ("B", "y")]


def test_counts_and_margins():
    t = tabulate(ROWS, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, True])
    assert t.counts[("A", "x")] == 2 and t.counts[("B", "x")] == 0
    assert t.counts[("A", TOTAL)] == 3 and t.counts[(TOTAL, "y")] == 4
    assert t.counts[(TOTAL, TOTAL)] == 6


def test_output_order_puts_margins_last():
    t = tabulate(ROWS, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, False])
    assert t.keys() == [("A", "x"), ("A", "y"), ("A", TOTAL), ("B", "x"), ("B", "y"),
                        ("B", TOTAL), (TOTAL, "x"), (TOTAL, "y"), (TOTAL, TOTAL)]


def test_special_applies_only_when_special_column_is_not_total():
    t = tabulate(ROWS, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, True])
    assert t.is_special(("A", "x")) and t.is_special((TOTAL, "x"))
    assert not t.is_special(("A", TOTAL))


def test_one_way_table():
    t = tabulate([("x",), ("y",), ("y",)], ["eth"], [["x", "y", "z"]], [False])
    assert t.counts == {("x",): 1, ("y",): 2, ("z",): 0, (TOTAL,): 3}


def test_constraints_cover_every_margin():
    t = tabulate(ROWS, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, False])
    sums = constraints(t)
    assert (("A", TOTAL), (("A", "x"), ("A", "y"))) in sums
    for parent, parts in sums:
        assert t.counts[parent] == sum(t.counts[p] for p in parts)
    assert len(sums) == 2 + 2 + 2  # row margins, column margins, grand total both ways


@pytest.mark.parametrize("dims", [[], ["a", "b", "c"]])
def test_only_one_or_two_columns(dims):
    with pytest.raises(ValueError):
        tabulate([], dims, [[]] * len(dims), [False] * len(dims))


def test_unlisted_value_rejected():
    with pytest.raises(ValueError):
        tabulate([("q",)], ["eth"], [["x"]], [False])


def test_group_disclosure_flags_row_where_all_share_one_category():
    t = tabulate(ROWS, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, True])
    flags = group_disclosures(t)
    assert [(f.group, f.shared) for f in flags] == [
        ({"site": "B"}, {"eth": "y"}), ({"eth": "x"}, {"site": "A"})]
    assert "visible_in_table" in flags[0].to_dict()


def test_group_disclosure_visibility():
    t = tabulate(ROWS, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, True])
    flags = group_disclosures(t, lambda key: key == ("B", "x"))
    assert flags[0].visible and flags[1].visible


def test_mixed_rows_raise_no_group_flag():
    rows = [("A", "x"), ("A", "y"), ("B", "x"), ("B", "y")]
    t = tabulate(rows, ["site", "eth"], [["A", "B"], ["x", "y"]], [False, True])
    assert group_disclosures(t) == []


def test_one_way_group_disclosure():
    t = tabulate([("x",)] * 5, ["eth"], [["x", "y"]], [False])
    assert len(group_disclosures(t)) == 1
