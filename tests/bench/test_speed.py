"""The CLI measurement harness, run on a stand-in command (no model, no pipeline)."""

from __future__ import annotations

import sys
from pathlib import Path

from bench import speed

# Stands in for `anonymise run IN --out OUT`: writes one output, then holds ~60 MB.
_FAKE = """
import pathlib, sys, time
out = pathlib.Path(sys.argv[sys.argv.index("--out") + 1])
time.sleep(0.2)
(out / "one.txt").write_text("done")
(out / ".partial.txt").write_text("ignored: hidden temporary file")
block = bytearray(60_000_000)
for i in range(0, len(block), 4096):
    block[i] = 1
time.sleep(0.6)
sys.exit(3)
"""


def test_run_cli_measures_outputs_memory_and_exit_code(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    run = speed.run_cli(inputs, tmp_path / "out", docs=4, words=400,
                        prefix=[sys.executable, "-c", _FAKE])
    assert run.returncode == 3
    assert run.outputs == 1
    assert run.first_output is not None and run.first_output < run.seconds
    assert run.max_process_rss_mb > 60
    assert run.peak_rss_mb >= run.max_process_rss_mb
    assert run.words_per_s == 400 / run.seconds


def test_cli_run_rates_handle_missing_first_output() -> None:
    run = speed.CliRun(docs=10, words=1000, seconds=2.0, first_output=None, peak_tree_rss_mb=1,
                       peak_tree_pss_mb=1, max_process_rss_mb=2, returncode=0, outputs=10)
    assert run.docs_per_s == 5.0
    assert run.steady_words_per_s == 0.0
    steady = speed.CliRun(10, 1000, 2.0, 1.0, 1, 1, 2, 0, 10)
    assert steady.steady_words_per_s == 900.0  # 9 of 10 documents in the last second
