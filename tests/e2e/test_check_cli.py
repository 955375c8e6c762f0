"""``anonymise check``: finds personal data in originals, none in outputs, writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import exitcodes
from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@pytest.mark.slow
def test_check_finds_data_in_originals_and_none_in_outputs(tmp_path, capsys):
    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES / "portfolio", inputs / "portfolio")
    shutil.copy(SAMPLES / "handover.txt", inputs / "handover.txt")
    before = {p: p.read_bytes() for p in inputs.rglob("*") if p.is_file()}

    assert main(["check", str(inputs)]) == exitcodes.FINDINGS
    found = capsys.readouterr().out
    assert "personal data found" in found and "PERSON" in found
    assert "footer" in found  # locations name the part
    assert "Margaret" not in found and "Pennington" not in found  # no values without --show
    assert {p: p.read_bytes() for p in inputs.rglob("*") if p.is_file()} == before

    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out)]) == exitcodes.OK
    capsys.readouterr()
    code = main(["check", str(out)])
    report = capsys.readouterr().out
    assert code == exitcodes.OK, report
    assert report.count(": clean") == 3


@pytest.mark.slow
def test_check_show_prints_values(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Please call Margaret O'Neill on 020 7946 0123.\n")
    assert main(["check", str(tmp_path), "--show"]) == exitcodes.FINDINGS
    out = capsys.readouterr().out
    assert "'Margaret O'Neill'" in out or "\"Margaret O'Neill\"" in out
    assert "PHONE_NUMBER" in out


@pytest.mark.slow
def test_check_reports_unreadable_files_with_nonzero_exit(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text("Nothing personal here.\n")
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    assert main(["check", str(tmp_path)]) == exitcodes.INCOMPLETE
    out = capsys.readouterr().out
    assert "bad.docx: unreadable" in out and "ok.txt: clean" in out


def test_check_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == exitcodes.USAGE
