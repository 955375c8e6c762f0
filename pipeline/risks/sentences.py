"""A small, fast sentence splitter: good enough to decide which cues share a sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_BOUNDARY = re.compile(
    r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]*[A-Z0-9])"
    r"|\n[ \t]*\n"
    r"|[:;][ \t]*\n"
    r"|\n(?=[ \t]*(?:[-*•▪◦]|\d{1,2}[.)])[ \t])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no e.g i.e etc approx prof rev cllr b vs fig p pp nr est tel".split()
)


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (always including 0), in increasing order."""
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        if m.group()[0] == ".":
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if word and word.group(1).lower().strip(".") in _ABBREVIATIONS:
                continue
        if m.end() > starts[-1]:
            starts.append(m.end())
    return starts


def sentence_index(starts: Sequence[int], position: int) -> int:
    """Index of the sentence containing ``position``."""
    return bisect.bisect_right(starts, position) - 1
