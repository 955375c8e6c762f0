"""TAB (Text Anonymization Benchmark): loader and the benchmark's privacy/utility metrics.

The rules follow the TAB README (../shared/data/tab/README.md) and the benchmark's evaluation
script, written afresh here:

* an entity needs masking when its first mention is DIRECT or QUASI, or when its mentions
  disagree; it is direct when its first mention is DIRECT;
* a mention is masked when every character is inside a replaced span, forgiving punctuation,
  white space and a short list of function words and titles;
* ER_di / ER_qi: share of direct / quasi entities all of whose mentions that need masking are
  masked (micro-averaged);
* token recall: share of ``\\w+`` tokens in the mentions of entities that need masking which are
  masked (each token judged with the same forgiving rule);
* token precision (uniform weights): share of ``\\w+`` tokens inside replaced spans that lie
  fully inside a gold mention that needs masking (averaged over annotators).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

Spans = Sequence[tuple[int, int]]

#: Function words and titles whose characters need not be masked.
_SKIP_WORDS = ("mr", "mrs", "ms", "and", "or", "from", "until", "to", "about", "after", "as",
               "at", "before", "between", "by", "during", "for", "in", "into", "of", "on",
               "over", "since", "with", "the", "a", "an", "no", "nr", "’s", "'s")
_SKIP_CHARS = ",.-;:/&()[]–'\" ’“”"
_SKIP = re.compile("|".join([rf"\b{re.escape(w)}\b" for w in _SKIP_WORDS]
                            + [re.escape(c) for c in _SKIP_CHARS]), re.IGNORECASE)
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class TabEntity:
    """One annotated entity: its mentions and which of them need masking."""

    entity_id: str
    annotator: str
    entity_type: str
    mentions: tuple[tuple[int, int], ...]
    mention_masking: tuple[bool, ...]
    need_masking: bool
    is_direct: bool


@dataclass(frozen=True)
class TabDoc:
    """One TAB document with the entities of all its annotators."""

    doc_id: str
    text: str
    entities: tuple[TabEntity, ...]

    @property
    def annotators(self) -> frozenset[str]:
        """Names of the annotators of this document."""
        return frozenset(e.annotator for e in self.entities)


def _int(value: object) -> int:
    if not isinstance(value, int):
        raise ValueError("TAB offsets must be integers")
    return value


def _entities(annotator: str, mentions: list[dict[str, object]]) -> list[TabEntity]:
    grouped: dict[str, list[dict[str, object]]] = {}
    for m in mentions:
        grouped.setdefault(str(m["entity_id"]), []).append(m)
    out = []
    for entity_id, ms in grouped.items():
        flags = tuple(m["identifier_type"] in ("DIRECT", "QUASI") for m in ms)
        first = ms[0]["identifier_type"]
        out.append(TabEntity(
            entity_id, annotator, str(ms[0]["entity_type"]),
            tuple((_int(m["start_offset"]), _int(m["end_offset"])) for m in ms),
            flags,
            need_masking=first in ("DIRECT", "QUASI") or len(set(flags)) > 1,
            is_direct=first == "DIRECT",
        ))
    return out


def load(path: Path) -> list[TabDoc]:
    """Load a TAB JSON file (a list of documents)."""
    docs = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        entities: list[TabEntity] = []
        for annotator, ann in raw["annotations"].items():
            entities.extend(_entities(annotator, ann["entity_mentions"]))
        docs.append(TabDoc(raw["doc_id"], raw["text"], tuple(entities)))
    return docs


def masked_set(spans: Spans) -> set[int]:
    """Character offsets covered by ``spans``."""
    return {i for start, end in spans for i in range(start, end)}


def is_mention_masked(text: str, start: int, end: int, masked: set[int]) -> bool:
    """TAB's rule: every character masked, except forgiven punctuation and function words."""
    uncovered = {i for i in range(start, end) if i not in masked}
    if uncovered:
        for m in _SKIP.finditer(text[start:end].lower()):
            uncovered.difference_update(range(start + m.start(), start + m.end()))
    return not uncovered


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


@dataclass(frozen=True)
class TabScores:
    """The TAB metrics for one system on a set of documents (with raw counts)."""

    er_di: float
    er_qi: float
    token_recall: float
    token_precision: float
    direct_entities: int
    quasi_entities: int
    recall_by_type: dict[str, float]


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def score(docs: Sequence[TabDoc], masks: Mapping[str, Spans]) -> TabScores:
    """Score the replaced spans ``masks`` (doc id → spans) against the gold documents."""
    direct = [0, 0]
    quasi = [0, 0]
    tok = [0, 0]
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    prec = [0.0, 0.0]
    for doc in docs:
        spans = masks.get(doc.doc_id, ())
        masked = masked_set(spans)
        for ent in (e for e in doc.entities if e.need_masking):
            protected = all(is_mention_masked(doc.text, s, e, masked) or not need
                            for (s, e), need in zip(ent.mentions, ent.mention_masking, strict=True))
            bucket = direct if ent.is_direct else quasi
            bucket[0] += protected
            bucket[1] += 1
            for s, e in ent.mentions:
                for ts, te in _tokens(doc.text, s, e):
                    hit = is_mention_masked(doc.text, ts, te, masked)
                    tok[0] += hit
                    tok[1] += 1
                    by_type[ent.entity_type][0] += hit
                    by_type[ent.entity_type][1] += 1
        gold_spans = [(a, s, e) for ent in doc.entities if ent.need_masking
                      for (s, e), need in zip(ent.mentions, ent.mention_masking, strict=True)
                      if need for a in [ent.annotator]]
        n_annotators = len(doc.annotators)
        for start, end in spans:
            for ts, te in _tokens(doc.text, start, end):
                covering = {a for a, s, e in gold_spans if s <= ts and te <= e}
                prec[0] += len(covering)
                prec[1] += n_annotators
    return TabScores(
        er_di=_ratio(*direct), er_qi=_ratio(*quasi), token_recall=_ratio(*tok),
        token_precision=_ratio(*prec), direct_entities=direct[1], quasi_entities=quasi[1],
        recall_by_type={t: _ratio(h, n) for t, (h, n) in sorted(by_type.items())},
    )


def missed_mentions(doc: TabDoc, spans: Spans) -> list[tuple[str, str, int, int]]:
    """``(entity type, DIRECT/QUASI, start, end)`` of mentions needing masking left unmasked."""
    masked = masked_set(spans)
    out = []
    for ent in doc.entities:
        for (s, e), need in zip(ent.mentions, ent.mention_masking, strict=True):
            if ent.need_masking and need and not is_mention_masked(doc.text, s, e, masked):
                out.append((ent.entity_type, "DIRECT" if ent.is_direct else "QUASI", s, e))
    return out
