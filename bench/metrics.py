"""Accuracy metrics for the synthetic corpus (pure functions, no I/O).

* recall per gold entity type: a gold span counts as found when every word character in it is
  inside some replaced span (titles such as "Mrs" and a possessive "s" are forgiven);
* precision per predicted entity type: a replaced span is correct when it overlaps a gold span
  of any type, plus a token-level precision comparable with TAB's;
* leak rate: sensitive strings (name words, street names, whole identifiers) that occur in an
  output file more often than they occur outside gold spans in the input;
* over-redaction: protected domain phrases that occur fewer times in the output than in the
  input;
* label consistency: one label per gold person, one person per label (within a case).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bench import gold
from bench.gold import GoldDoc
from bench.names import ALL_TITLES

_WORD = re.compile(r"\w+")
#: Tokens never required to be hidden: titles and the "s" of a possessive.
FORGIVEN = frozenset(t.lower() for t in ALL_TITLES) | {"miss", "s"}
_STREET = re.compile(r"\b\d+[A-Z]?\s+([A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)*)")


@dataclass(frozen=True, slots=True, order=True)
class SysSpan:
    """A span the system replaced, with its entity type and (for people) its label."""

    start: int
    end: int
    entity: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Count:
    """``hits`` out of ``total``."""

    hits: int
    total: int

    @property
    def ratio(self) -> float:
        """hits / total (1.0 when there is nothing to count)."""
        return self.hits / self.total if self.total else 1.0

    def __add__(self, other: Count) -> Count:
        return Count(self.hits + other.hits, self.total + other.total)


def masked_offsets(spans: Iterable[SysSpan | tuple[int, int]]) -> set[int]:
    """Every character offset inside at least one span."""
    out: set[int] = set()
    for span in spans:
        start, end = (span.start, span.end) if isinstance(span, SysSpan) else span
        out.update(range(start, end))
    return out


def is_covered(text: str, start: int, end: int, masked: set[int]) -> bool:
    """Whether every non-forgiven word character of ``text[start:end]`` is masked."""
    for m in _WORD.finditer(text, start, end):
        if m.group().lower() in FORGIVEN:
            continue
        if any(i not in masked for i in range(m.start(), m.end())):
            return False
    return True


def recall_by_entity(docs: Sequence[GoldDoc],
                     preds: Mapping[str, Sequence[SysSpan]]) -> dict[str, Count]:
    """Share of gold spans of each type that are fully covered, plus ``"ALL"``."""
    counts: dict[str, Count] = defaultdict(lambda: Count(0, 0))
    for doc in docs:
        masked = masked_offsets(preds.get(doc.doc_id, ()))
        for span in doc.spans:
            hit = Count(int(is_covered(doc.text, span.start, span.end, masked)), 1)
            counts[span.entity] += hit
            counts["ALL"] += hit
    return dict(counts)


def missed_spans(doc: GoldDoc, preds: Sequence[SysSpan]) -> list[gold.GoldSpan]:
    """Gold spans of ``doc`` that are not fully covered."""
    masked = masked_offsets(preds)
    return [s for s in doc.spans if not is_covered(doc.text, s.start, s.end, masked)]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def precision_by_entity(docs: Sequence[GoldDoc],
                        preds: Mapping[str, Sequence[SysSpan]]) -> dict[str, Count]:
    """Share of replaced spans of each predicted type that overlap a gold span, plus ``"ALL"``."""
    counts: dict[str, Count] = defaultdict(lambda: Count(0, 0))
    for doc in docs:
        for p in preds.get(doc.doc_id, ()):
            ok = any(_overlaps(p.start, p.end, g.start, g.end) for g in doc.spans)
            counts[p.entity] += Count(int(ok), 1)
            counts["ALL"] += Count(int(ok), 1)
    return dict(counts)


def token_precision(docs: Sequence[GoldDoc], preds: Mapping[str, Sequence[SysSpan]]) -> Count:
    """Share of masked word tokens (titles excluded) that lie inside a gold span."""
    total = Count(0, 0)
    for doc in docs:
        inside = masked_offsets((s.start, s.end) for s in doc.spans)
        for p in preds.get(doc.doc_id, ()):
            for m in _WORD.finditer(doc.text, p.start, p.end):
                if m.group().lower() in FORGIVEN:
                    continue
                total += Count(int(all(i in inside for i in range(m.start(), m.end()))), 1)
    return total


# --- leak rate ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Probe:
    """A sensitive string whose presence in an output file is a leak."""

    entity: str
    value: str


def _name_tokens(name: str) -> list[str]:
    out = []
    for token in re.split(r"[\s,]+", name):
        token = token.removesuffix("'s")
        if len(token) >= 2 and not token.endswith(".") and token.lower() not in FORGIVEN:
            out.append(token)
    return out


def probes(doc: GoldDoc) -> list[Probe]:
    """The sensitive strings of ``doc``: name words, street names and whole identifiers."""
    found: set[Probe] = set()
    for span in doc.spans:
        value = doc.span_text(span)
        if span.entity == gold.PERSON:
            found.update(Probe(gold.PERSON, t) for t in _name_tokens(value))
        elif span.entity == gold.ADDRESS:
            m = _STREET.search(value)
            found.add(Probe(gold.ADDRESS, m.group(1) if m else value))
        else:
            found.add(Probe(span.entity, value))
    for name in doc.hidden:
        found.update(Probe(gold.PERSON, t) for t in _name_tokens(name))
    return sorted(found)


def _pattern(value: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in value.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def count_occurrences(text: str, value: str) -> int:
    """Occurrences of ``value`` in ``text`` as whole words (any whitespace between words)."""
    return sum(1 for _ in _pattern(value).finditer(text))


def _blank_gold(doc: GoldDoc) -> str:
    chars = list(doc.text)
    for span in doc.spans:
        chars[span.start : span.end] = "\x00" * (span.end - span.start)
    return "".join(chars)


def leaks(doc: GoldDoc, output: str) -> list[Probe]:
    """Probes found in ``output`` more often than they occur outside gold spans in the input."""
    outside = _blank_gold(doc)
    return [p for p in probes(doc)
            if count_occurrences(output, p.value) > count_occurrences(outside, p.value)]


def leak_rate(docs: Sequence[GoldDoc], outputs: Mapping[str, str]) -> dict[str, Count]:
    """Leaked probes / probes, per entity type, plus ``"ALL"`` and ``"DOCS"`` (docs with a leak)."""
    counts: dict[str, Count] = defaultdict(lambda: Count(0, 0))
    for doc in docs:
        if doc.doc_id not in outputs:
            continue
        leaked = set(leaks(doc, outputs[doc.doc_id]))
        for probe in probes(doc):
            hit = Count(int(probe in leaked), 1)
            counts[probe.entity] += hit
            counts["ALL"] += hit
        counts["DOCS"] += Count(int(bool(leaked)), 1)
    return dict(counts)


# --- over-redaction -----------------------------------------------------------------------


def phrases_lost(doc: GoldDoc, output: str) -> list[str]:
    """Protected phrase occurrences of ``doc`` missing from ``output`` (one entry per loss)."""
    lost: list[str] = []
    for phrase in sorted(set(doc.phrases)):
        missing = count_occurrences(doc.text, phrase) - count_occurrences(output, phrase)
        lost.extend([phrase] * max(0, missing))
    return lost


def over_redaction(docs: Sequence[GoldDoc], outputs: Mapping[str, str]) -> Count:
    """Lost phrase occurrences / phrase occurrences written."""
    total = Count(0, 0)
    for doc in docs:
        if doc.doc_id in outputs:
            written = sum(count_occurrences(doc.text, p) for p in set(doc.phrases))
            total += Count(len(phrases_lost(doc, outputs[doc.doc_id])), written)
    return total


# --- label consistency --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Consistency:
    """Label consistency over gold people who had at least one mention replaced."""

    persons: int
    split: int
    merged: int
    consistent: int

    @property
    def ratio(self) -> float:
        """Share of people with exactly one label that no other person shares."""
        return self.consistent / self.persons if self.persons else 1.0


def mention_labels(doc: GoldDoc, preds: Sequence[SysSpan]) -> list[tuple[str, str]]:
    """``(gold person id, label)`` for each PERSON mention that got a labelled replacement."""
    out = []
    for span in doc.spans:
        if span.entity != gold.PERSON:
            continue
        labels = sorted({p.label for p in preds
                         if p.label and _overlaps(p.start, p.end, span.start, span.end)})
        if labels:
            out.append((span.person, " + ".join(labels)))
    return out


def label_consistency(docs: Sequence[GoldDoc],
                      preds: Mapping[str, Sequence[SysSpan]]) -> Consistency:
    """One label per gold person and one person per label, labels scoped by case."""
    labels_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    persons_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc in docs:
        for person, label in mention_labels(doc, preds.get(doc.doc_id, ())):
            labels_of[(doc.scope, person)].add(label)
            persons_of[(doc.scope, label)].add(person)
    split = merged = consistent = 0
    for (scope, _person), labels in labels_of.items():
        is_split = len(labels) > 1
        is_merged = any(len(persons_of[(scope, lab)]) > 1 for lab in labels)
        split += is_split
        merged += is_merged
        consistent += not (is_split or is_merged)
    return Consistency(len(labels_of), split, merged, consistent)
