"""Plan the documents of one folder together, so a person gets one label in all of them.

A reflective account may call someone "Mr Young" while the witness testimony beside it gives
"Ellis Young". Planned one document at a time, the first would get its own label because the
full name had not been met yet. :func:`plan_group` therefore resolves the documents of a group
twice: the first pass only learns the full names in the whole group; the second resolves each
document knowing them, then plans it. Labels still follow the order of the documents.

Pure apart from the :class:`~pipeline.people.PeopleBook` and the strategy it is given (both
run-level memory); no I/O.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.config import Settings
from pipeline.detect import Analysis
from pipeline.model import Document, ReplacementPlan
from pipeline.people import PeopleBook
from pipeline.plan import make_plan
from pipeline.resolve import Resolved, resolve
from pipeline.strategy import Strategy


@dataclass(frozen=True, slots=True)
class Planned:
    """One document's findings and plan."""

    resolved: Resolved
    plan: ReplacementPlan


def learn_names(documents: Sequence[tuple[Document, Analysis]], scope: str, settings: Settings,
                book: PeopleBook) -> None:
    """First pass: enter the full names found in ``documents`` into ``book`` under ``scope``.

    A document whose resolution fails is skipped here; :func:`plan_one` will fail it.
    """
    for document, analysis in documents:
        try:
            resolved = resolve(document.text, analysis.detections, settings,
                               book.known(scope))
        except Exception:  # noqa: BLE001 - reported when the document itself is planned
            continue
        for mention in resolved.people:
            if len(mention.person.tokens) >= 2:
                book.key_for(mention.person, scope)


def plan_one(document: Document, analysis: Analysis, scope: str, settings: Settings,
             strategy: Strategy, book: PeopleBook) -> Planned:
    """Second pass: resolve one document with every name known in its scope, then plan it."""
    resolved = resolve(document.text, analysis.detections, settings,
                       book.known(scope))
    # Keyed strategies commit a document's new mappings in one transaction.
    with getattr(strategy, "batch", contextlib.nullcontext)():
        plan = make_plan(document, resolved, strategy, lambda p: book.key_for(p, scope))
    return Planned(resolved, plan)
