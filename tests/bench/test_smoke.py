"""The smoke benchmark runs end to end and writes a results page with every table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_smoke_bench_writes_results_with_expected_tables(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--work", str(tmp_path / "work"),
         "--corpus", str(tmp_path / "corpus"), "--results", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=170, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    page = results.read_text(encoding="utf-8")
    for heading in ("# Benchmark results (smoke run)", "## Targets (issue 6)",
                    "## Accuracy on the synthetic corpus", "### Recall per entity type",
                    "### Leak rate", "### Over-redaction and label consistency", "## Speed",
                    "### CPU per document and stage", "## Memory"):
        assert heading in page, heading
    assert "| anonymise run (end to end, start-up included) |" in page
    assert "| Presidio AnalyzerEngine loop |" in page
    assert "| re-scan |" in page and "| total (detection counted once) |" in page
    assert "Presidio (vanilla)" in page
    if (ROOT.parent / "shared" / "data" / "tab" / "tab_dev_subset.json").exists():
        assert "## TAB" in page and "| anonymise (strict) |" in page
    # the corpus was generated with gold annotations next to the rendered files
    assert (tmp_path / "corpus" / "accuracy" / "manifest.json").exists()
    assert list((tmp_path / "corpus" / "accuracy" / "docs").rglob("*.pdf"))
