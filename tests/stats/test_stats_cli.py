"""``anonymise stats`` end to end through ``pipeline.cli.main``, exit codes included."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

from pipeline import exitcodes
from pipeline.cli import main

SITES = ["Northgate Centre", "Riverside Campus", "Hillview Centre"]
ETHNIC = ["White: English, Welsh, Scottish, Northern Irish or British", "White: Irish",
          "Asian, Asian British or Asian Welsh: Pakistani", "White: Roma"]


def _records(tmp_path: Path, rows: list[list[str]] | None = None) -> Path:
    if rows is None:
        rng = random.Random(5)
        rows = [[rng.choice(SITES), rng.choices(ETHNIC, weights=[40, 3, 5, 1])[0],
                 rng.choice(["Female", "Male"]), str(rng.randint(16, 70))] for _ in range(150)]
        rows[0][1] = "Whte British"
    path = tmp_path / "learners.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["site", "ethnicity", "sex", "age"], *rows])
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.slow
def test_cli_end_to_end(tmp_path, capsys):
    src = _records(tmp_path)
    out, report = tmp_path / "out" / "table.csv", tmp_path / "report.json"
    code = main(["stats", str(src), "--by", "site,ethnicity", "--out", str(out),
                 "--report", str(report), "--qi", "site,sex,age"])
    assert code == exitcodes.OK
    rows = _read(out)
    assert list(rows[0]) == ["site", "ethnicity", "count", "reason"]
    assert rows[-1]["site"] == "Total" and rows[-1]["ethnicity"] == "Total"
    assert rows[-1]["count"] == "150" and rows[-1]["reason"] == "rounded"
    for row in rows:
        assert row["count"] == "[c]" or int(row["count"]) % 5 == 0
        assert row["reason"] in {"primary", "secondary", "rounded", ""}
    assert any(r["ethnicity"] == "Not recognised" for r in rows)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["audit"]["status"] == "pass" and data["k_anonymity"]["records"] == 150
    err = capsys.readouterr().err
    assert "unrecognised spelling" in err and "motivated intruder" in err
    assert "anonymous" not in err.casefold()


@pytest.mark.slow
def test_cli_profile_and_config(tmp_path):
    src = _records(tmp_path)
    cfg = tmp_path / "a.toml"
    cfg.write_text('[stats]\nprofile = "dfe-fe"\n[stats.profiles.dfe-fe]\nrounding_base = 20\n',
                   encoding="utf-8")
    out = tmp_path / "t.csv"
    assert main(["stats", str(src), "--by", "ethnicity", "--out", str(out),
                 "--config", str(cfg)]) == exitcodes.OK
    counts = [r["count"] for r in _read(out)]
    assert all(c in ("[low]", "0") or int(c) % 20 == 0 for c in counts)
    assert main(["stats", str(src), "--by", "ethnicity", "--out", str(out),
                 "--profile", "tre-10"]) in (exitcodes.OK, exitcodes.INCOMPLETE)


@pytest.mark.slow
def test_cli_failed_audit_exit_code_and_no_table(tmp_path, capsys):
    rows = [["A", "White: Irish", "F", "20"]] * 2 + [["B", "White: Roma", "M", "30"]] * 40
    src = _records(tmp_path, [list(r) for r in rows])
    out, report = tmp_path / "t.csv", tmp_path / "r.json"
    code = main(["stats", str(src), "--by", "site,ethnicity", "--profile", "gss-min",
                 "--out", str(out), "--report", str(report)])
    assert code == exitcodes.INCOMPLETE == 3
    assert not out.exists()
    assert json.loads(report.read_text(encoding="utf-8"))["audit"]["status"] == "fail"
    assert "audit FAILED" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize(
    "args, fragment",
    [(["--by", "nope"], "column(s) nope"), (["--by", "site,ethnicity,sex"], "one or two"),
     (["--by", "site", "--profile", "nope"], "unknown stats profile"),
     (["--by", "site", "--qi", "site,zzz"], "zzz")],
)
def test_cli_usage_errors(tmp_path, capsys, args, fragment):
    src = _records(tmp_path)
    code = main(["stats", str(src), "--out", str(tmp_path / "t.csv"), *args])
    assert code == exitcodes.USAGE
    assert fragment in capsys.readouterr().err
    assert not (tmp_path / "t.csv").exists()


@pytest.mark.slow
def test_cli_missing_required_options_is_usage(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["stats", str(_records(tmp_path)), "--out", str(tmp_path / "t.csv")])
    assert exc.value.code == exitcodes.USAGE


@pytest.mark.slow
def test_cli_out_must_not_overwrite_records(tmp_path):
    src = _records(tmp_path)
    assert main(["stats", str(src), "--by", "site", "--out", str(src)]) == exitcodes.USAGE


@pytest.mark.slow
def test_cli_bad_records_is_fatal(tmp_path):
    src = tmp_path / "r.csv"
    src.write_text("site,ethnicity\nA\n", encoding="utf-8")
    assert main(["stats", str(src), "--by", "site", "--out",
                 str(tmp_path / "t.csv")]) == exitcodes.FATAL


@pytest.mark.slow
def test_cli_sample_file_runs(tmp_path):
    sample = Path(__file__).resolve().parents[2] / "samples" / "stats" / "learners.csv"
    assert main(["stats", str(sample), "--by", "site,ethnicity", "--out",
                 str(tmp_path / "t.csv"), "--qi", "site,sex,age"]) == exitcodes.OK
