"""After planning: flag re-identification risks in the anonymised text, and optionally apply
the safe generalisations (exact ages to bands) on top of the anonymisation edits. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.model import Document, Edit, EditMap, apply_edits
from pipeline.risks import RiskFlag, find_risks, generalise


@dataclass(frozen=True)
class Assessment:
    """Risk flags of one anonymised document and the edits the writer should apply."""

    flags: tuple[dict[str, Any], ...]
    edits: dict[int, tuple[Edit, ...]]
    text: str


def compose(original: str, first: Sequence[Edit], then: Sequence[Edit]) -> tuple[Edit, ...]:
    """Express ``then`` (edits of the text produced by ``first``) as edits of ``original``.

    An edit of ``then`` that touches text inserted by ``first`` is dropped: generalisations
    never rewrite a label or placeholder.
    """
    mapped: list[Edit] = list(first)
    placed: list[tuple[int, int, int]] = []  # (start in output, end in output, shift after)
    shift = 0
    for edit in sorted(first):
        out_start = edit.start + shift
        shift += len(edit.new_text) - (edit.end - edit.start)
        placed.append((out_start, out_start + len(edit.new_text), shift))
    for later in sorted(then):
        if any(later.start < end and start < later.end for start, end, _ in placed):
            continue
        before = [s for start, end, s in placed if end <= later.start]
        offset = before[-1] if before else 0
        mapped.append(Edit(later.start - offset, later.end - offset, later.new_text))
    result = tuple(sorted(mapped))
    apply_edits(original, result)  # raises if anything overlaps
    return result


def assess(document: Document, edits: EditMap, generalise_ages: bool = False) -> Assessment:
    """Flag risks segment by segment; with ``generalise_ages`` fold the rewrites into the edits."""
    flags: list[dict[str, Any]] = []
    final: dict[int, tuple[Edit, ...]] = {}
    texts: list[str] = []
    for segment in document.segments:
        planned = tuple(edits.get(segment.index, ()))
        anonymised = apply_edits(segment.text, planned)
        found: tuple[RiskFlag, ...] = find_risks(anonymised)
        if generalise_ages and found:
            _, rewrites = generalise(anonymised, found)
            planned = compose(segment.text, planned, rewrites)
            anonymised = apply_edits(segment.text, planned)
            found = find_risks(anonymised)
        if planned:
            final[segment.index] = planned
        texts.append(anonymised)
        flags += [dict(f.to_dict(), where=f"{segment.part} {segment.where}") for f in found]
    return Assessment(tuple(flags), final, "\n\n".join(texts))


def flag_counts(flags: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Number of flags per severity."""
    counts: dict[str, int] = {}
    for flag in flags:
        counts[flag["severity"]] = counts.get(flag["severity"], 0) + 1
    return counts
