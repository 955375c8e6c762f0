"""The stats report: wording, structure, and no hidden counts or class values."""

from __future__ import annotations

import json

from pipeline.stats.build import build
from pipeline.stats.config import StatsConfig
from pipeline.stats.profiles import BUILTIN
from pipeline.stats.records import Records
from pipeline.stats.report import footer, table_notes

ROWS = ((("Northgate", "White: Irish"),) * 3 + (("Northgate", "White British"),) * 40
        + (("Riverside", "Roma"),) * 2 + (("Riverside", "White British"),) * 25
        + (("Riverside", "Whte British"),))


def _records(rows=ROWS) -> Records:
    return Records("r.csv", "0" * 64, ("site", "ethnicity"), tuple(rows))


def test_report_never_claims_anonymity_and_names_the_rule():
    built = build(_records(), ["site", "ethnicity"], BUILTIN["ons-10-5"], StatsConfig(),
                  qi=["site", "ethnicity"])
    text = json.dumps(built.run.to_dict()) + "\n".join(built.run.summary())
    assert "anonymous" not in text.casefold() and "anonymised" not in text.casefold()
    assert "motivated intruder" in text and "ONS 10-5 rule" in text


def test_report_structure():
    built = build(_records(), ["site", "ethnicity"], BUILTIN["ons-10-5"], StatsConfig(),
                  qi=["site", "ethnicity"], output="t.csv")
    r = built.run.to_dict()
    assert r["audit"]["status"] == "pass" and r["table"]["output"] == "t.csv"
    assert r["profile"]["threshold"] == 10 and r["input"]["records"] == len(ROWS)
    assert r["columns"]["ethnicity"]["unrecognised"] == [{"spelling": "Whte British",
                                                         "records": 1}]
    assert r["k_anonymity"]["smallest_class"] == 1 and r["k_anonymity"]["suggestions"]
    for cell in r["audit"]["hidden_cells"]:
        assert set(cell) == {"cell", "count", "reason", "interval", "possible_values"}
        assert cell["count"] == "[c]" and cell["possible_values"] >= 2


def test_report_holds_no_true_count_of_hidden_cells():
    # Northgate/Irish = 3 is hidden; its interval is reported, but "3" appears nowhere as a count.
    built = build(_records(), ["site", "ethnicity"], BUILTIN["ons-10-5"], StatsConfig())
    r = built.run.to_dict()
    irish = [c for c in r["audit"]["hidden_cells"]
             if c["cell"] == {"site": "Northgate", "ethnicity": "White: Irish"}]
    assert irish and irish[0]["interval"][0] < 3 < irish[0]["interval"][1]


def test_group_disclosure_in_report():
    built = build(_records(), ["site", "ethnicity"], BUILTIN["ons-10-5"], StatsConfig())
    groups = built.run.to_dict()["group_disclosure"]
    assert {"group": {"ethnicity": "White: Irish"}, "all_in": {"site": "Northgate"}} in [
        {k: g[k] for k in ("group", "all_in")} for g in groups]


def test_failed_audit_reports_cell_without_value():
    rows = (("A", "x"),) * 2 + (("B", "y"),) * 40
    built = build(_records(rows), ["site", "ethnicity"], BUILTIN["gss-min"],
                  StatsConfig(columns={"ethnicity": "none"}))
    r = built.run.to_dict()
    assert built.rows is None and r["audit"]["status"] == "fail"
    assert "hidden_cells" not in r["audit"] and r["table"]["output"] is None
    assert any("FAILED" in line for line in built.run.summary())


def test_table_notes_per_profile():
    assert table_notes(BUILTIN["ons-10-5"], 0) == [
        "Counts below 10 are shown as [c].",
        "Other counts are rounded to the nearest 5 (halves up), so totals may not equal the "
        "sum of their parts."]
    assert any("[low]" in n for n in table_notes(BUILTIN["dfe-fe"], 0))
    assert any("including zeros" in n for n in table_notes(BUILTIN["tre-10"], 2))
    assert any("worked out from the totals" in n for n in table_notes(BUILTIN["tre-10"], 2))
    assert any("special-category" in n for n in table_notes(BUILTIN["gss-min"], 0))


def test_footer_mentions_profile():
    assert "hesa" in footer(BUILTIN["hesa"]) and "ICO" in footer(BUILTIN["hesa"])
