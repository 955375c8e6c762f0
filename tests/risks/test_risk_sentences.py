"""The annotated sentence set: every quasi-identifier class flagged, neutral sentences not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.risks import KINDS, RiskFlag, find_risks

CORPUS = json.loads(Path(__file__).with_name("risk_sentences.json").read_text(encoding="utf-8"))
POSITIVES = CORPUS["positives"]
NEGATIVES = CORPUS["negatives"]


def _score(text: str, expected: list[dict[str, str]], flags: tuple[RiskFlag, ...]):
    """(true positives, false positives, missed expectations, severity mismatches)."""
    used: set[int] = set()
    missed, wrong_severity = [], []
    for want in expected:
        start = text.index(want["quote"])
        end = start + len(want["quote"])
        hit = next(
            (i for i, f in enumerate(flags)
             if i not in used and f.kind == want["kind"] and f.start < end and start < f.end),
            None,
        )
        if hit is None:
            missed.append(want)
            continue
        used.add(hit)
        if "severity" in want and flags[hit].severity != want["severity"]:
            wrong_severity.append((want, flags[hit].severity))
    extra = [f for i, f in enumerate(flags) if i not in used]
    return len(used), extra, missed, wrong_severity


@pytest.mark.parametrize("case", POSITIVES, ids=[c["text"][:48] for c in POSITIVES])
def test_find_risks_flags_annotated_sentence(case):
    _, extra, missed, wrong_severity = _score(case["text"], case["flags"], find_risks(case["text"]))
    assert not missed, f"missed {missed}"
    assert not extra, f"unexpected {[(f.kind, f.quote) for f in extra]}"
    assert not wrong_severity


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:48] for t in NEGATIVES])
def test_find_risks_ignores_neutral_sentence(text):
    assert [(f.kind, f.quote) for f in find_risks(text)] == []


def test_find_risks_precision_and_recall_on_annotated_set():
    tp = fp = fn = 0
    for case in [*POSITIVES, *({"text": t, "flags": []} for t in NEGATIVES)]:
        hits, extra, missed, _ = _score(case["text"], case["flags"], find_risks(case["text"]))
        tp, fp, fn = tp + hits, fp + len(extra), fn + len(missed)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"annotated set: tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95


def test_annotated_set_covers_every_kind_and_severity():
    kinds = {f["kind"] for case in POSITIVES for f in case["flags"]}
    severities = {f["severity"] for case in POSITIVES for f in case["flags"]}
    assert kinds == set(KINDS)
    assert severities == {"high", "medium", "low"}


@pytest.mark.parametrize(
    "category",
    ["ethnicity", "religion or belief", "sexual orientation", "gender identity", "disability",
     "health", "pregnancy or maternity", "immigration status", "care experience"],
)
def test_annotated_set_covers_attribute_category(category):
    found = {f.category for case in POSITIVES for f in find_risks(case["text"])}
    assert category in found
