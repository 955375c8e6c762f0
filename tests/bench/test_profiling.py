"""Grouping and summarising of cProfile output."""

from __future__ import annotations

import cProfile
import re
from pathlib import Path

import pytest

from bench.profiling import group_of, summarise


@pytest.mark.parametrize("filename, func, group", [
    ("/x/site-packages/spacy/language.py", "pipe", "spaCy / thinc (NER, tagger, tokenizer)"),
    ("/work/main/pipeline/residual.py", "found", "our pipeline core"),
    ("/work/main/pipeline/formats/docx.py", "_scrub", "our readers/writers"),
    ("/work/main/recognizers/address.py", "analyze", "our recognizers"),
    ("/usr/lib/python3.11/re/_compiler.py", "_compile", "regex compiling (re.compile)"),
    ("~", "<method 'search' of 're.Pattern' objects>", "regex matching (C, any caller)"),
    ("~", "<method 'append' of 'list' objects>", "other (stdlib, builtins)"),
])
def test_group_of_maps_functions_to_packages(filename: str, func: str, group: str) -> None:
    assert group_of(filename, func) == group


def test_summarise_reads_a_profile(tmp_path: Path) -> None:
    def work() -> None:
        for i in range(300):
            re.compile(f"a{i}[bc]+").search("xx abc a12bcc")

    profiler = cProfile.Profile()
    profiler.runcall(work)
    path = tmp_path / "p.out"
    profiler.dump_stats(str(path))
    summary = summarise(path)
    groups = dict(summary.groups)
    assert "regex compiling (re.compile)" in groups
    assert abs(sum(groups.values()) - 1.0) < 1e-6
    assert summary.top_own and summary.total_s > 0
    assert summary.top_ours == []  # nothing from pipeline/ or recognizers/ ran
