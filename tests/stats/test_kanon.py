"""k-anonymity figures on a small known table, and generalisation suggestions."""

from __future__ import annotations

from pipeline.stats.codelists import CODELISTS
from pipeline.stats.kanon import measure, suggest

QI = ["site", "sex", "age"]
# Classes: (N,F,34)×3, (N,M,22)×2, (S,F,34)×1, (S,F,35)×1, (S,M,70)×1 → 8 records, 5 classes.
ROWS = ([("N", "Female", "34")] * 3 + [("N", "Male", "22")] * 2
        + [("S", "Female", "34"), ("S", "Female", "35"), ("S", "Male", "70")])


def test_measure_known_table():
    k = measure(ROWS, QI, target=3)
    assert (k.records, k.classes, k.k, k.unique, k.at_risk) == (8, 5, 1, 3, 5)
    assert k.highest_risk == 1.0 and k.average_risk == 5 / 8


def test_measure_all_large_classes():
    k = measure([("a",)] * 5 + [("b",)] * 6, ["x"], target=5)
    assert (k.k, k.unique, k.at_risk) == (5, 0, 0)
    assert k.to_dict()["smallest_class"] == 5


def test_measure_empty():
    assert measure([], ["x"], target=5).k == 0


def test_suggest_age_banding_and_drops():
    age = CODELISTS["age"]
    out = {s.change: s.result for s in
           suggest(ROWS, QI, 3, {"age": (age.generalisation, age.generalise)})}
    banded = out["age: exact ages → Census 2021 age bands"]
    # 34 and 35 both become "25 to 34"/"35 to 49": (S,F,34) and (S,F,35) stay apart.
    assert banded.unique == 3
    assert out["drop age"].k == 1 and out["drop age"].unique == 1
    assert "drop site (no built-in generalisation)" in out


def test_suggest_ethnic_groups_merge_classes():
    eth = CODELISTS["ethnicity"]
    rows = [("White: Irish",), ("White: Roma",), ("White: Irish",)]
    out = suggest(rows, ["ethnicity"], 2, {"ethnicity": (eth.generalisation, eth.generalise)})
    assert out[0].result.k == 3 and out[0].result.unique == 0
    assert measure(rows, ["ethnicity"], 2).unique == 1


def test_suggestion_dict_has_no_values():
    out = suggest(ROWS, QI, 3, {})
    assert set(out[0].to_dict()) == {"change", "smallest_class", "unique_records",
                                     "records_at_risk"}
