"""``anonymise run`` end to end on the bundled samples and on files that must be refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from formats.builders import drawing_pdf, encrypted_pdf

from pipeline import exitcodes
from pipeline.cli import main
from pipeline.residual import find_residuals

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

#: Synthetic personal data planted in the samples (see samples/build_samples.py).
PLANTED = [
    "Margaret", "O'Neill", "Daniel", "Bethany Marsh", "Tom Whitfield", "0161 496 0732",
    "999 274 1635", "Eleanor Pryce", "Sophie Lang", "Rebecca Llewellyn", "Kwame", "Mensah",
    "Arthur Pennington", "Pennington", "Grace Obi", "Siddiqui", "ASC-2026-04817", "Joy Adebayo",
    "Callum Reid", "May Hollis", "07700 900236", "07700 900582",
]


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    code = main(["run", str(SAMPLES), "--out", str(out), "--report", str(out / "report.json")])
    return code, out, json.loads((out / "report.json").read_text())


@pytest.mark.slow
def test_samples_are_anonymised_with_exit_0(sample_run):
    code, out, report = sample_run
    assert code == exitcodes.OK
    done = {f["input"] for f in report["files"] if f["status"] == "anonymised"}
    assert {"handover.txt", "cases/case-note.pdf", "portfolio/reflective-account.docx",
            "portfolio/witness-testimony.docx"} <= done
    for rel in done:
        assert (out / rel).is_file()


@pytest.mark.slow
@pytest.mark.parametrize("rel", ["handover.txt", "cases/case-note.pdf",
                                 "portfolio/reflective-account.docx",
                                 "portfolio/witness-testimony.docx"])
def test_no_planted_value_survives_in_any_output(sample_run, rel):
    _, out, _ = sample_run
    fmt = {".txt": "text", ".pdf": "pdf", ".docx": "docx"}[Path(rel).suffix]
    assert find_residuals(out / rel, fmt, PLANTED) == []


@pytest.mark.slow
def test_report_and_file_names_hold_no_original_value(sample_run, capsys):
    _, out, report = sample_run
    dumped = json.dumps(report).casefold()
    names = " ".join(str(p.relative_to(out)) for p in out.rglob("*")).casefold()
    for value in PLANTED:
        assert value.casefold() not in dumped
        assert value.casefold() not in names


@pytest.mark.slow
def test_one_person_one_label_across_a_portfolio(sample_run):
    _, out, report = sample_run
    files = {f["input"]: f for f in report["files"]}
    account = files["portfolio/reflective-account.docx"]["labels"]
    witness = files["portfolio/witness-testimony.docx"]["labels"]
    # The learner and the assessor appear in both documents with the same labels.
    assert len(set(account) & set(witness)) >= 2
    text = (out / "handover.txt").read_text()
    assert "Client" in text and "Mrs Client" not in text and "Dr Client" not in text


@pytest.mark.slow
def test_unreadable_files_are_refused_and_the_batch_goes_on(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLES / "handover.txt", inputs / "handover.txt")
    drawing_pdf(inputs / "scan.pdf")
    encrypted_pdf(inputs / "locked.pdf")
    (inputs / "broken.docx").write_bytes(b"PK\x03\x04 Margaret O'Neill lives here")
    out = tmp_path / "out"
    code = main(["run", str(inputs), "--out", str(out), "--report", str(tmp_path / "r.json")])
    assert code == exitcodes.INCOMPLETE
    report = json.loads((tmp_path / "r.json").read_text())
    status = {f["input"]: f["status"] for f in report["files"]}
    assert status == {"handover.txt": "anonymised", "scan.pdf": "refused",
                      "locked.pdf": "refused", "broken.docx": "refused"}
    assert sorted(p.name for p in out.iterdir()) == ["handover.txt"]
    err = capsys.readouterr().err
    refused_lines = [line for line in err.splitlines() if " refused " in line]
    assert len(refused_lines) == 3
    assert "Margaret" not in err and "O'Neill" not in err


@pytest.mark.slow
def test_stale_output_of_a_refused_file_is_removed(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    drawing_pdf(inputs / "scan.pdf")
    out = tmp_path / "out"
    out.mkdir()
    (out / "scan.pdf").write_bytes(b"old output")
    assert main(["run", str(inputs), "--out", str(out)]) == exitcodes.INCOMPLETE
    assert not (out / "scan.pdf").exists()


@pytest.mark.parametrize("out_rel", [".", "sub"])
def test_out_inside_an_input_folder_is_a_usage_error(tmp_path, out_rel, capsys):
    (tmp_path / "a.txt").write_text("hello")
    code = main(["run", str(tmp_path), "--out", str(tmp_path / out_rel)])
    assert code == exitcodes.USAGE
    assert "must not be an input folder" in capsys.readouterr().err
    assert (tmp_path / "a.txt").read_text() == "hello"


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == exitcodes.USAGE


def test_pseudonym_mode_needs_a_keystore(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("hello")
    code = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--mode", "pseudonym"])
    assert code == exitcodes.USAGE


@pytest.mark.slow
def test_file_names_are_scrubbed_of_names_found_inside(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "margaret-oneill-notes.txt").write_text(
        "Margaret O'Neill was seen today. Mrs O'Neill is well.\n")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out)]) == exitcodes.OK
    names = [p.name for p in out.iterdir()]
    assert len(names) == 1 and "margaret" not in names[0].casefold()
    assert "oneill" not in names[0].casefold() and names[0].endswith("-notes.txt")


@pytest.mark.slow
def test_a_value_left_by_a_broken_writer_fails_the_file(tmp_path, monkeypatch, capsys):
    import dataclasses

    from pipeline.formats import formats_by_suffix

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Margaret O'Neill rang 020 7946 0123 today.\n")
    (inputs / "b.txt").write_text("Nothing to see.\n")

    text_format = formats_by_suffix()[".txt"]
    real_write = text_format.write

    def leaky_write(source, document, edits, target, *args, **kwargs):
        real_write(source, document, edits, target, *args, **kwargs)
        target.write_bytes(target.read_bytes() + b"\nMargaret O'Neill\n")

    monkeypatch.setitem(formats_by_suffix(), ".txt", dataclasses.replace(text_format, write=leaky_write))
    out = tmp_path / "out"
    code = main(["run", str(inputs), "--out", str(out), "--report", str(tmp_path / "r.json")])
    assert code == exitcodes.INCOMPLETE
    report = json.loads((tmp_path / "r.json").read_text())
    status = {f["input"]: (f["status"], f["code"]) for f in report["files"]}
    assert status["a.txt"] == ("failed", "residual-data")
    assert not (out / "a.txt").exists()
    assert not [p for p in out.rglob(".anonymise-*")]
    assert "Margaret" not in json.dumps(report) and "Margaret" not in capsys.readouterr().err


@pytest.mark.slow
def test_worker_processes_keep_order_and_labels(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(40):
        (inputs / f"note{i:02d}.txt").write_text(
            f"Margaret O'Neill was visited by Support Worker {i}. Mrs O'Neill was well.\n")
    (inputs / "note07.txt").write_bytes(b"\xff\xfe\x00bad")  # NUL bytes: refused
    out = tmp_path / "out"
    code = main(["run", str(inputs), "--out", str(out), "--workers", "2",
                 "--report", str(tmp_path / "r.json")])
    assert code == exitcodes.INCOMPLETE
    report = json.loads((tmp_path / "r.json").read_text())
    assert [f["input"] for f in report["files"]] == [f"note{i:02d}.txt" for i in range(40)]
    assert report["files"][7]["status"] == "refused"
    texts = {(out / f"note{i:02d}.txt").read_text() for i in range(40) if i != 7}
    assert all(t.startswith("Client A was visited") and "Client A was well" in t for t in texts)


def test_out_that_would_overwrite_an_input_file_is_refused(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Margaret O'Neill rang.\n")
    assert main(["run", str(note), "--out", str(tmp_path)]) == exitcodes.USAGE
    assert "overwrite an input" in capsys.readouterr().err
    assert note.read_text() == "Margaret O'Neill rang.\n"
