"""Gold annotations of the synthetic corpus, and their JSON form (the corpus manifest)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: Gold entity types, using the pipeline's names (recognizers/entities.py).
PERSON = "PERSON"
ADDRESS = "ADDRESS"
POSTCODE = "UK_POSTCODE"
PHONE = "PHONE_NUMBER"
EMAIL = "EMAIL_ADDRESS"
NHS = "UK_NHS"
NINO = "UK_NINO"
ULN = "UK_ULN"
UPN = "UK_UPN"
DOB = "DATE_OF_BIRTH"

#: Identifiers with a fixed format; the target for these is a leak rate of exactly 0.
STRUCTURED = (POSTCODE, PHONE, EMAIL, NHS, NINO, ULN, UPN, DOB)
GOLD_TYPES = (PERSON, ADDRESS, *STRUCTURED)


@dataclass(frozen=True, slots=True, order=True)
class GoldSpan:
    """``text[start:end]`` is a sensitive value of type ``entity`` (``person``: gold person id).

    For PERSON the span may start with a title ("Mrs Okafor"); titles and the possessive
    "'s" are never part of what must be hidden.
    """

    start: int
    end: int
    entity: str
    person: str = ""


@dataclass(frozen=True)
class GoldDoc:
    """One generated document: its canonical text, gold spans and protected phrases.

    Attributes:
        doc_id: unique id, also the file stem.
        scope: the case (portfolio) the document belongs to; labels must agree within it.
        kind: document type (reflective, witness, casenote, handover, safeguarding).
        format: file format it is rendered as (txt, docx, pdf).
        text: the canonical text (the body of the file).
        spans: gold sensitive spans, sorted.
        phrases: domain phrases written into the text (with repeats).
        hidden: sensitive values placed outside the body (header, footer, metadata).
    """

    doc_id: str
    scope: str
    kind: str
    format: str
    text: str = field(repr=False)
    spans: tuple[GoldSpan, ...] = field(repr=False)
    phrases: tuple[str, ...] = field(default=(), repr=False)
    hidden: tuple[str, ...] = field(default=(), repr=False)

    @property
    def relative(self) -> Path:
        """Path of the rendered file relative to the corpus folder."""
        return Path(self.scope) / f"{self.doc_id}.{self.format}"

    def span_text(self, span: GoldSpan) -> str:
        """The gold value of ``span``."""
        return self.text[span.start : span.end]

    @property
    def words(self) -> int:
        """Whitespace-separated words in the body."""
        return len(self.text.split())


def _doc_to_dict(doc: GoldDoc) -> dict[str, Any]:
    data = asdict(doc)
    data["spans"] = [[s.start, s.end, s.entity, s.person] for s in doc.spans]
    return data


def _doc_from_dict(data: dict[str, Any]) -> GoldDoc:
    spans = tuple(GoldSpan(int(a), int(b), str(e), str(p)) for a, b, e, p in data["spans"])
    return GoldDoc(data["doc_id"], data["scope"], data["kind"], data["format"], data["text"],
                   spans, tuple(data["phrases"]), tuple(data["hidden"]))


def write_manifest(docs: Iterable[GoldDoc], path: Path, params: dict[str, Any]) -> None:
    """Write the gold manifest (parameters + every document) as JSON."""
    payload = {"params": params, "documents": [_doc_to_dict(d) for d in docs]}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def read_manifest(path: Path) -> tuple[dict[str, Any], list[GoldDoc]]:
    """Read a manifest written by :func:`write_manifest`."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    return payload["params"], [_doc_from_dict(d) for d in payload["documents"]]
