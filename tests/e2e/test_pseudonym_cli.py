"""``anonymise run --mode pseudonym --keystore`` end to end, with reveal and the audit log."""

from __future__ import annotations

import json
import re

import pytest

from pipeline import exitcodes
from pipeline.cli import main

TEXT = ("Margaret O'Neill (NHS 943 476 5919) lives at 41 Kingsley Avenue, Acton, London W3 6QH. "
        "Mrs O'Neill's son Daniel O'Neill rang on 020 7946 0123.\n")


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("ANONYMISE_PASSPHRASE", "a long synthetic test passphrase 7")
    path = tmp_path / "keys" / "store.db"
    path.parent.mkdir()
    assert main(["keys", "init", str(path)]) == exitcodes.OK
    return path


def _run(tmp_path, store, out_name: str, *extra: str) -> tuple[str, dict]:
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    (inputs / "note.txt").write_text(TEXT)
    out = tmp_path / out_name
    report = tmp_path / f"{out_name}.json"
    code = main(["run", str(inputs), "--out", str(out), "--keystore", str(store),
                 "--report", str(report), *extra])
    assert code == exitcodes.OK
    return (out / "note.txt").read_text(), json.loads(report.read_text())


@pytest.mark.slow
def test_pseudonyms_are_stable_typed_and_revealable(tmp_path, store, capsys):
    first, report = _run(tmp_path, store, "out1", "--mode", "pseudonym")
    second, _ = _run(tmp_path, store, "out2", "--mode", "pseudonym")
    assert first == second  # deterministic across runs with the same store
    people = re.findall(r"PERSON-[0-9A-Z]{10}", first)
    assert len(set(people)) == 2  # Margaret (all aliases) and Daniel
    assert re.search(r"NHS-[0-9A-Z]{10}", first) and "943" not in first
    assert "O'Neill" not in first and "Margaret" not in first
    assert set(report["pseudonyms"]) >= set(people)
    assert "Margaret" not in json.dumps(report)
    capsys.readouterr()
    nhs = re.search(r"NHS-[0-9A-Z]{10}", first).group()
    assert main(["keys", "reveal", str(store), nhs, "--reason", "test"]) == exitcodes.OK
    assert capsys.readouterr().out.strip() == "943 476 5919"
    assert main(["keys", "audit", str(store)]) == exitcodes.OK
    assert nhs in capsys.readouterr().out


@pytest.mark.slow
def test_labels_persist_across_runs_with_a_store(tmp_path, store):
    first, _ = _run(tmp_path, store, "out1")
    second, _ = _run(tmp_path, store, "out2")
    assert first == second and first.startswith("Client A")


def test_store_inside_the_output_folder_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ANONYMISE_PASSPHRASE", "a long synthetic test passphrase 7")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("hello")
    code = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--mode",
                 "pseudonym", "--keystore", str(tmp_path / "out" / "store.db")])
    assert code == exitcodes.USAGE
    assert "store" in capsys.readouterr().err.lower()
