"""CPU time per document of each stage of the pipeline, measured in this process.

The end-to-end run shows how fast the whole is; this shows where a worker's time goes. Each
stage of :mod:`pipeline.batch` is run over the same documents in order and timed with
``time.process_time`` (CPU, not wall time, so other load on the machine matters less): read,
spaCy's entity recogniser alone, the whole detection (spaCy, then Presidio with our
recognizers), planning (both passes, see :mod:`pipeline.portfolio`), risk assessment, writing
and the residual re-scan.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

STAGES = ("read", "spaCy NER", "detect (spaCy + Presidio)", "plan", "assess", "write",
          "re-scan")


@dataclass(frozen=True)
class StageTimes:
    """Mean CPU milliseconds per document, by file suffix and stage."""

    docs: dict[str, int]
    ms: dict[str, dict[str, float]]


def measure(files: Sequence[Path]) -> StageTimes:
    """Time every stage on ``files`` (a list of .txt/.docx inputs from one corpus)."""
    from pipeline.assess import assess
    from pipeline.config import Settings
    from pipeline.detect import Detector
    from pipeline.formats import STRICT, format_for
    from pipeline.people import PeopleBook
    from pipeline.portfolio import learn_names, plan_one
    from pipeline.residual import find_residuals
    from pipeline.strategy import LabelStrategy

    settings = Settings()
    detector = Detector.load(settings)
    nlp = detector._analyzer.nlp_engine.nlp["en"]  # noqa: SLF001 - the benchmark looks inside
    strategy, book = LabelStrategy(settings.label_word), PeopleBook()
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)

    def timed(suffix: str, stage: str, call: Callable[..., T], *args: Any) -> T:
        start = time.process_time()
        value = call(*args)
        totals[suffix][stage] += time.process_time() - start
        return value

    def rescan(target: Path, format_name: str, originals: set[str], expected: str) -> Any:
        return find_residuals(target, format_name, originals, expected=expected)

    def plan(document: Any, analysis: Any, scope: str) -> Any:
        learn_names([(document, analysis)], scope, settings, book)
        return plan_one(document, analysis, scope, settings, strategy, book).plan

    with tempfile.TemporaryDirectory() as scratch:
        for number, path in enumerate(files):
            suffix = path.suffix.lstrip(".")
            counts[suffix] += 1
            fmt = format_for(path)
            document = timed(suffix, "read", fmt.load, path, STRICT).document
            timed(suffix, "spaCy NER", nlp, document.text)
            analysis = timed(suffix, "detect (spaCy + Presidio)", detector.analyse, document.text)
            replacement_plan = timed(suffix, "plan", plan, document, analysis, path.parent.name)
            assessment = timed(suffix, "assess", assess, document,
                               replacement_plan.edits_by_segment(document), False)
            target = Path(scratch) / f"{number}{path.suffix}"
            timed(suffix, "write", fmt.write, path, document, assessment.edits, target, STRICT)
            originals = {document.text[r.start : r.end] for r in replacement_plan.replacements}
            timed(suffix, "re-scan", rescan, target, fmt.name, originals, assessment.text)
    return StageTimes(
        dict(counts),
        {suffix: {stage: 1000 * stages[stage] / counts[suffix] for stage in STAGES}
         for suffix, stages in totals.items()},
    )
