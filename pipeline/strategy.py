"""Replacement strategies: who decides the text that replaces a detected value.

The planner (``plan.py``) asks a strategy for the replacement of each person and each other
entity. Label mode (``LabelStrategy``) gives "Client A", "Client B"… and typed placeholders;
keyed strategies backed by the key store live in ``pipeline.keyed``.
"""

from __future__ import annotations

import re
from typing import Protocol

from recognizers.entities import PLACEHOLDERS


class Strategy(Protocol):
    """Decides replacement text. Implementations must be deterministic for equal inputs."""

    def person(self, person_key: str) -> str:
        """Replacement for a person, given its canonical key (e.g. ``"margaret smith"``)."""
        ...

    def entity(self, entity: str, value: str) -> str:
        """Replacement for any other entity, given its type and the original value."""
        ...


def label_suffix(n: int) -> str:
    """Return the n-th label suffix (0 → A, 25 → Z, 26 → AA, 27 → AB, …)."""
    if n < 0:
        raise ValueError("label index must be non-negative")
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def normalise_value(entity: str, value: str) -> str:
    """Canonical form of a value for matching: case-folded, separators removed for identifiers."""
    folded = " ".join(value.split()).casefold()
    if entity in PLACEHOLDERS and entity not in {"ADDRESS", "EMAIL_ADDRESS", "URL"}:
        return re.sub(r"[\s\-./()]", "", folded)
    return folded


class LabelStrategy:
    """People become "<word> A", "<word> B"… in order of first appearance; others placeholders.

    One instance is shared by every document of a run, so labels agree across documents.
    """

    def __init__(self, word: str = "Client") -> None:
        self._word = word
        self._labels: dict[str, str] = {}

    def person(self, person_key: str) -> str:
        label = self._labels.get(person_key)
        if label is None:
            label = f"{self._word} {label_suffix(len(self._labels))}"
            self._labels[person_key] = label
        return label

    def entity(self, entity: str, value: str) -> str:
        return PLACEHOLDERS.get(entity, f"[{entity.replace('_', ' ')}]")
