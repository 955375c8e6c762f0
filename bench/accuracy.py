"""Accuracy runs on the synthetic corpus: span metrics via the string API, leaks via files.

Span metrics (recall, precision, label consistency) need exact offsets, so they come from
each system's string interface on the canonical texts. Leak rate and over-redaction are also
measured on the files the ``anonymise run`` CLI wrote (.txt, .docx, .pdf, metadata included).
Vanilla Presidio has no file reader or writer, so its leak rate is measured on its output text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import metrics
from bench.gold import GoldDoc
from bench.metrics import Consistency, Count, SysSpan
from bench.outputs import find_output, read_output_text
from bench.systems import System, SystemOutput


@dataclass(frozen=True)
class SpanAccuracy:
    """Span-level accuracy of one system on the corpus (its output texts, not files)."""

    system: str
    recall: dict[str, Count]
    precision: dict[str, Count]
    token_precision: Count
    leak: dict[str, Count]
    over_redaction: Count
    consistency: Consistency


@dataclass(frozen=True)
class FileAccuracy:
    """Leak rate and over-redaction measured on output files, overall and per format."""

    leak: dict[str, Count]
    leak_by_format: dict[str, Count]
    over_redaction: Count
    missing_outputs: int


def run_system(system: System, docs: Sequence[GoldDoc]) -> list[SystemOutput]:
    """Run ``system`` on the canonical texts of ``docs`` (labels scoped by case)."""
    return system.run([d.text for d in docs], [d.scope for d in docs])


def span_accuracy(name: str, docs: Sequence[GoldDoc],
                  outs: Sequence[SystemOutput]) -> SpanAccuracy:
    """All span metrics for one system's outputs."""
    preds: dict[str, Sequence[SysSpan]] = {d.doc_id: o.spans for d, o in zip(docs, outs,
                                                                              strict=True)}
    texts = {d.doc_id: o.text for d, o in zip(docs, outs, strict=True)}
    return SpanAccuracy(
        name,
        metrics.recall_by_entity(docs, preds),
        metrics.precision_by_entity(docs, preds),
        metrics.token_precision(docs, preds),
        metrics.leak_rate(docs, texts),
        metrics.over_redaction(docs, texts),
        metrics.label_consistency(docs, preds),
    )


def file_accuracy(docs: Sequence[GoldDoc], out_dir: Path) -> FileAccuracy:
    """Leak rate and over-redaction of the files the CLI wrote into ``out_dir``."""
    texts: dict[str, str] = {}
    missing = 0
    for doc in docs:
        path = find_output(out_dir, doc.relative)
        if path is None:
            missing += 1
            continue
        texts[doc.doc_id] = read_output_text(path)
    by_format: dict[str, Count] = defaultdict(lambda: Count(0, 0))
    for fmt in sorted({d.format for d in docs}):
        subset = [d for d in docs if d.format == fmt]
        by_format[fmt] = metrics.leak_rate(subset, texts).get("ALL", Count(0, 0))
    return FileAccuracy(metrics.leak_rate(docs, texts), dict(by_format),
                        metrics.over_redaction(docs, texts), missing)


def misses_report(docs: Sequence[GoldDoc], outs: Sequence[SystemOutput]) -> str:
    """Plain-text list of missed gold spans and lost phrases, with context, for debugging.

    The corpus is invented, so printing its values is safe; the file stays in bench/work/.
    """
    lines = []
    for doc, out in zip(docs, outs, strict=True):
        for span in metrics.missed_spans(doc, out.spans):
            before = doc.text[max(0, span.start - 40) : span.start].replace("\n", " ")
            after = doc.text[span.end : span.end + 30].replace("\n", " ")
            lines.append(f"MISS {span.entity:14} {doc.doc_id} {doc.format:4} "
                         f"…{before}[[{doc.span_text(span)}]]{after}…")
        for phrase in metrics.phrases_lost(doc, out.text):
            lines.append(f"LOST {'PHRASE':14} {doc.doc_id} {doc.format:4} {phrase}")
        for probe in metrics.leaks(doc, out.text):
            lines.append(f"LEAK {probe.entity:14} {doc.doc_id} {doc.format:4} {probe.value}")
    return "\n".join(lines) + "\n"


def false_positives(docs: Sequence[GoldDoc], outs: Sequence[SystemOutput]) -> str:
    """Plain-text list of replaced spans that overlap no gold span (for debugging)."""
    lines = []
    for doc, out in zip(docs, outs, strict=True):
        for p in out.spans:
            if not any(p.start < g.end and g.start < p.end for g in doc.spans):
                lines.append(f"FP {p.entity:14} {doc.doc_id} [[{doc.text[p.start:p.end]}]]")
    return "\n".join(lines) + "\n"


def label_report(docs: Sequence[GoldDoc], outs: Sequence[SystemOutput]) -> str:
    """Plain-text list of people with several labels or sharing a label (for debugging)."""
    forms: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for doc, out in zip(docs, outs, strict=True):
        for span in doc.spans:
            if span.entity != "PERSON":
                continue
            labels = sorted({p.label for p in out.spans
                             if p.label and p.start < span.end and span.start < p.end})
            if labels:
                forms[(doc.scope, span.person)].add((doc.span_text(span), " + ".join(labels)))
    by_label: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (scope, person), pairs in forms.items():
        for _form, label in pairs:
            by_label[(scope, label)].add(person)
    lines = []
    for (scope, person), pairs in sorted(forms.items()):
        labels = {label for _f, label in pairs}
        shared = sorted(lab for lab in labels if len(by_label[(scope, lab)]) > 1)
        if len(labels) > 1 or shared:
            detail = "; ".join(f"{form} -> {label}" for form, label in sorted(pairs))
            lines.append(f"{person}{' SHARED ' + ','.join(shared) if shared else ''}: {detail}")
    return "\n".join(lines) + "\n"
