"""Targets and the results page, from hand-made results (no model, no pipeline)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bench.accuracy import FileAccuracy, SpanAccuracy
from bench.baselines import Throughput
from bench.metrics import Consistency, Count
from bench.report import render
from bench.speed import CliRun
from bench.tab import TabScores
from bench.targets import Results, evaluate


def _results(words_per_s: float, leaked: int) -> Results:
    run = CliRun(docs=400, words=170_000, seconds=170_000 / words_per_s, first_output=2.5,
                 peak_tree_rss_mb=600, peak_tree_pss_mb=500, max_process_rss_mb=550,
                 returncode=0, outputs=400)
    ours = SpanAccuracy("anonymise (default)", {"PERSON": Count(99, 100),
                                                "ADDRESS": Count(90, 100)},
                        {"ALL": Count(9, 10)}, Count(90, 100), {"ALL": Count(0, 10)},
                        Count(0, 5), Consistency(10, 0, 0, 10))
    files = FileAccuracy({"UK_NHS": Count(leaked, 10), "ALL": Count(leaked, 50)},
                         {"txt": Count(0, 20)}, Count(0, 5), 0)
    scores = TabScores(0.97, 0.85, 0.9, 0.8, 40, 400, {"CODE": 1.0})
    presidio = TabScores(0.4, 0.8, 0.8, 0.5, 40, 400, {"CODE": 0.1})
    return Results(
        "full", corpus={"docs": 1, "formats": "1 .txt", "words": 10, "cases": 1, "persons": 1,
                        "spans": 1, "phrases": 1, "seed": 1},
        ours=ours, files=files,
        tab={"dev": {"anonymise (strict)": scores, "Presidio (vanilla)": presidio}},
        speed_corpus={"docs": 400, "formats": "200 .txt, 200 .docx", "words": 170_000},
        e2e=run,
        baselines=[Throughput("Presidio AnalyzerEngine loop", 400, 170_000, 42.5),
                   Throughput("spaCy nlp.pipe (shipped components), n_process=2", 400,
                              170_000, 17.0),
                   Throughput("spaCy nlp.pipe (NER only), n_process=2", 400, 170_000, 10.0)],
        memory=[(5000, CliRun(5000, 450_000, 80, 2, 700, 600, 650, 0, 5000))],
    )


def test_evaluate_marks_met_and_not_met_with_gaps() -> None:
    targets = {t.name: t for t in evaluate(_results(words_per_s=12_000, leaked=0))}
    assert targets["Throughput vs Presidio AnalyzerEngine loop"].met is True  # 12k vs 4k
    ner = targets["Throughput vs bare spaCy NER (NER only), 2 processes"]
    assert ner.met is False and ner.measured == "0.71×"  # 12k vs 17k
    shipped = targets["Throughput vs spaCy's full pipeline, 2 processes (for comparison)"]
    assert shipped.met is True and shipped.measured == "1.20×"
    assert targets["Recall, names (synthetic)"].met is True
    address = targets["Recall, addresses (synthetic)"]
    assert address.met is False and address.gap == "short by 0.08"
    assert targets["TAB dev, strict: ER_qi"].met is False
    assert targets["TAB dev, strict: token precision"].met is True  # 0.80 > 0.72
    assert targets["Peak RSS at 5,000 documents"].met is True
    assert targets["Leak rate, structured identifiers (output files)"].met is True


@pytest.mark.parametrize("words_per_s, leaked, name, met", [
    (8_000, 0, "Throughput vs Presidio AnalyzerEngine loop", False),
    (12_000, 2, "Leak rate, structured identifiers (output files)", False),
])
def test_evaluate_failures(words_per_s: float, leaked: int, name: str, met: bool) -> None:
    targets = {t.name: t for t in evaluate(_results(words_per_s, leaked))}
    assert targets[name].met is met
    assert targets[name].gap


def test_evaluate_unmeasured_targets_are_not_run() -> None:
    targets = evaluate(Results("smoke"))
    assert all(t.met is None for t in targets if t.measured == "not run")
    assert any(t.measured == "not run" for t in targets)


def test_render_has_every_section_and_the_machine() -> None:
    page = render(_results(12_000, 0), datetime(2026, 11, 21, tzinfo=UTC), 600)
    for heading in ("# Benchmark results", "## Targets (issue 6)",
                    "## Accuracy on the synthetic corpus", "## TAB", "## Speed", "## Memory"):
        assert heading in page
    assert "cores" in page and "2026-11-21" in page
    assert "| Presidio AnalyzerEngine loop | 9.4 | 4,000 | 42.5 | 3.00 |" in page
    assert "**not met**" in page and "**met**" in page


def test_speed_budget_shows_cpu_allowed_per_document(monkeypatch) -> None:
    import dataclasses

    from bench.report import _speed_budget
    from bench.stages import STAGES, StageTimes

    monkeypatch.setattr("bench.report.os.cpu_count", lambda: 2)
    stages = StageTimes({"txt": 1}, {"txt": dict.fromkeys(STAGES, 10.0)
                                     | {"spaCy NER": 50.0, "detect (spaCy + Presidio)": 60.0}})
    r = dataclasses.replace(_results(words_per_s=12_000, leaked=0), stages=stages)
    page = "\n".join(_speed_budget(r))
    # 3 x 4,000 words/s: 170,000 words in 14.2 s, less 2.5 s of start-up, on 2 cores, 400 docs.
    assert "| ≥ 3× Presidio's loop | 12,000 | 58 | 50 |" in page
    # detection (50 + 10 for Presidio) plus the five other stages at 10 ms each
    assert "take 110 ms of CPU on average, of which 50 ms (45%)" in page


def test_targets_section_says_why_for_each_missed_kind() -> None:
    page = render(_results(words_per_s=8_000, leaked=0), datetime(2026, 11, 21, tzinfo=UTC), 60)
    assert "Why the targets not met are not met:" in page
    assert "- Throughput: spaCy's entity recogniser alone" in page
    met = render(_results(words_per_s=20_000, leaked=0), datetime(2026, 11, 21, tzinfo=UTC), 60)
    assert "- Throughput:" not in met
