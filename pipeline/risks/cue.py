"""Internal value type: one quasi-identifier found in the text, before severity is decided."""

from __future__ import annotations

from dataclasses import dataclass, field

#: A point in time. It raises the severity of other cues but is never flagged on its own.
TIME = "time"


@dataclass(frozen=True, slots=True, order=True)
class Cue:
    """A span of text that is one quasi-identifier.

    Attributes:
        start: first character of the span.
        end: character just after the span.
        kind: a flag kind from :mod:`pipeline.risks.model`, or :data:`TIME`.
        category: finer grouping (``"ethnicity"``, ``"named site"``, ``"date of birth"``…).
        singling: whether this cue alone can single a person out (uniqueness wording, a rare
            attribute, an extreme age or a full date of birth).
        also: further kinds the cue counts as (a uniqueness cue on a staff noun is a role too).
        replacement: a safe rewrite of the span, if there is one.
    """

    start: int
    end: int
    kind: str
    category: str = ""
    singling: bool = False
    also: frozenset[str] = field(default=frozenset(), compare=False)
    replacement: str | None = field(default=None, compare=False)

    @property
    def kinds(self) -> frozenset[str]:
        """The cue's kind plus everything it also counts as."""
        return self.also | {self.kind}


def words_before(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` whitespace-separated tokens before ``position`` (punctuation kept)."""
    start = max(0, position - 80)
    tokens = text[start:position].split()
    if start and len(tokens) > count:
        tokens = tokens[1:]  # the first token may be cut in half
    return tokens[-count:]


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` a capital first letter when ``template`` has one."""
    if template[:1].isupper() and replacement:
        return replacement[0].upper() + replacement[1:]
    return replacement
