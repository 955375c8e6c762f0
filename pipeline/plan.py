"""Decide the replacement for every finding of a document (pure, given a strategy)."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.model import Document, Replacement, ReplacementPlan
from pipeline.people import Person
from pipeline.resolve import Resolved
from pipeline.strategy import Strategy
from recognizers.entities import PERSON


def make_plan(
    document: Document,
    resolved: Resolved,
    strategy: Strategy,
    person_key: Callable[[Person], str],
) -> ReplacementPlan:
    """Build the replacement plan for ``document``.

    People are asked for in order of first appearance, so labels follow the text.

    Args:
        document: the document being anonymised.
        resolved: its non-overlapping findings.
        strategy: decides replacement text (labels, placeholders or pseudonyms).
        person_key: maps a person of this document to its run-wide key.
    """
    replacements: list[Replacement] = []
    for mention in resolved.people:
        new_text = strategy.person(person_key(mention.person))
        replacements.append(Replacement(mention.start, mention.end, PERSON, new_text, new_text))
    for d in resolved.others:
        new_text = strategy.entity(d.entity, document.text[d.start : d.end])
        replacements.append(Replacement(d.start, d.end, d.entity, new_text, new_text))
    return ReplacementPlan(tuple(sorted(replacements)))
