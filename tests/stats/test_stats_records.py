"""Reading records CSV files and checking values against code lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError, UsageError
from pipeline.stats.codelists import CODELISTS
from pipeline.stats.records import (
    UNRECOGNISED,
    category_order,
    check_column,
    pick_columns,
    read_records,
    resolve_codelist,
)


def _write(tmp_path: Path, text: str, name: str = "r.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_read_records(tmp_path):
    r = read_records(_write(tmp_path, "\ufeffsite, sex\nA , F\n\nB,M\n"))
    assert r.columns == ("site", "sex") and r.rows == (("A", "F"), ("B", "M"))
    assert r.source == "r.csv" and len(r.sha256) == 64


def test_read_windows_1252(tmp_path):
    r = read_records(_write(tmp_path, "site\nCaf\u00e9\n", encoding="cp1252"))
    assert r.rows == (("Caf\u00e9",),)


@pytest.mark.parametrize(
    "text, fragment",
    [("", "no header"), ("a,b\n", "no records"), ("a,a\n1,2\n", "repeated"),
     ("a,b\n1,2\n3\n", "line 3 has 1 fields")],
)
def test_bad_files(tmp_path, text, fragment):
    with pytest.raises(InputError, match=fragment):
        read_records(_write(tmp_path, text))


def test_missing_file_is_usage_error(tmp_path):
    with pytest.raises(UsageError, match="not found"):
        read_records(tmp_path / "nope.csv")


def test_xlsx_refused_with_advice(tmp_path):
    with pytest.raises(UsageError, match="save the sheet as CSV"):
        read_records(_write(tmp_path, "x", name="r.xlsx"))


def test_pick_columns(tmp_path):
    r = read_records(_write(tmp_path, "site,sex\nA,F\n"))
    assert pick_columns(r, ["sex"], "--by") == [1]
    with pytest.raises(UsageError, match="Site.*columns: site, sex"):
        pick_columns(r, ["Site"], "--by")
    with pytest.raises(UsageError, match="twice"):
        pick_columns(r, ["site", "site"], "--by")


def test_unrecognised_spellings_grouped_and_reported():
    values, check = check_column(["White British", "Whte British", "Other", "Whte British", ""],
                                 "ethnicity", CODELISTS["ethnicity"])
    assert values.count(UNRECOGNISED) == 3 and values[-1] == "Not known"
    assert check.unrecognised == (("Whte British", 2), ("Other", 1))
    assert check.blank == 1 and check.special


def test_unrecognised_fail_policy():
    with pytest.raises(InputError, match="1 spelling"):
        check_column(["Whte"], "ethnicity", CODELISTS["ethnicity"], unrecognised="fail")


def test_long_spelling_cut_in_report():
    _, check = check_column(["x" * 100], "ethnicity", CODELISTS["ethnicity"])
    assert len(check.unrecognised[0][0]) == 41


def test_ages_banded_and_counted():
    values, check = check_column(["17", "16-24", "70"], "age", CODELISTS["age"])
    assert values == ["16 to 24", "16 to 24", "65 and over"] and check.banded == 2


def test_free_column_total_reserved():
    with pytest.raises(InputError, match="reserved"):
        check_column(["A", "total"], "site", None)


def test_free_column_blank_is_not_known():
    values, check = check_column(["A", ""], "site", None, special=True)
    assert values == ["A", "Not known"] and check.special and check.codelist is None


def test_category_order_follows_codelist():
    values = ["Male", UNRECOGNISED, "Female", "Not known"]
    assert category_order(values, CODELISTS["sex"]) == ["Female", "Male", "Not known",
                                                        UNRECOGNISED]
    assert category_order(["b", "A", "Not known"], None) == ["A", "b", "Not known"]


def test_resolve_codelist_config_wins():
    assert resolve_codelist("Centre", {"Centre": "ethnicity"}).name == "ethnicity"
    assert resolve_codelist("Ethnicity", {"Ethnicity": "none"}) is None
    assert resolve_codelist("Ethnicity", {}).name == "ethnicity"
