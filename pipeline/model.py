"""Core value types that flow through the pipeline: read → detect → plan → write → report.

Everything here is immutable and free of I/O. Fields that hold document text are excluded
from ``repr`` so that a stray log line or traceback cannot print personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Text placed between segments when a document's segments are joined for detection.
#: Two newlines end a sentence for spaCy, so no entity is detected across two segments.
SEGMENT_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Segment:
    """One contiguous piece of a document's text and where it lives in the source file.

    Attributes:
        index: position of the segment in the reader's walk of the file (0, 1, 2…).
        part: the container the text came from, e.g. ``"word/document.xml"``, ``"page"``, ``"text"``.
        where: a human-readable location for reports, e.g. ``"paragraph 12"`` or ``"page 2"``.
            It must never contain document text.
        offset: where the segment starts in :attr:`Document.text`.
        text: the segment's text.
    """

    index: int
    part: str
    where: str
    offset: int
    text: str = field(repr=False)

    @property
    def end(self) -> int:
        """End offset (exclusive) of the segment in :attr:`Document.text`."""
        return self.offset + len(self.text)


@dataclass(frozen=True, slots=True)
class Document:
    """A file's text as an ordered tuple of segments, plus the joined text used for detection."""

    path: Path
    format: str
    segments: tuple[Segment, ...]
    text: str = field(repr=False)

    @classmethod
    def from_parts(
        cls, path: Path, format: str, parts: Iterable[tuple[str, str, str]]
    ) -> Document:
        """Build a document from ``(part, where, text)`` triples, joining them with the separator."""
        segments: list[Segment] = []
        offset = 0
        for index, (part, where, text) in enumerate(parts):
            if index:
                offset += len(SEGMENT_SEPARATOR)
            segments.append(Segment(index, part, where, offset, text))
            offset += len(text)
        joined = SEGMENT_SEPARATOR.join(s.text for s in segments)
        return cls(path, format, tuple(segments), joined)

    def segment_at(self, position: int) -> Segment | None:
        """Return the segment containing character ``position`` of :attr:`text`, if any."""
        lo, hi = 0, len(self.segments) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            seg = self.segments[mid]
            if position < seg.offset:
                hi = mid - 1
            elif position >= seg.end:
                lo = mid + 1
            else:
                return seg
        return None


@dataclass(frozen=True, slots=True, order=True)
class Detection:
    """A span of :attr:`Document.text` that a recognizer believes is personal data.

    It holds offsets only, never the text itself: slice the document where the value is needed.
    """

    start: int
    end: int
    entity: str
    score: float = 1.0
    recognizer: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid detection span {self.start}..{self.end}")

    def overlaps(self, other: Detection) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.end - self.start


@dataclass(frozen=True, slots=True, order=True)
class Replacement:
    """Replace ``text[start:end]`` (entity type ``entity``) with ``new_text``.

    ``key`` identifies the thing replaced without revealing it: a person's label or a
    placeholder. It is what reports count and list.
    """

    start: int
    end: int
    entity: str
    new_text: str
    key: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid replacement span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """A replacement in the coordinates of one segment: ``segment.text[start:end] → new_text``."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True, slots=True)
class ReplacementPlan:
    """Sorted, non-overlapping replacements for one document."""

    replacements: tuple[Replacement, ...]

    def __post_init__(self) -> None:
        previous_end = -1
        for rep in self.replacements:
            if rep.start < previous_end:
                raise ValueError("replacement plan has overlapping or unsorted spans")
            previous_end = rep.end

    def apply(self, text: str) -> str:
        """Return ``text`` with every replacement applied; all other characters are kept."""
        out: list[str] = []
        cursor = 0
        for rep in self.replacements:
            out.append(text[cursor : rep.start])
            out.append(rep.new_text)
            cursor = rep.end
        out.append(text[cursor:])
        return "".join(out)

    def edits_by_segment(self, document: Document) -> dict[int, tuple[Edit, ...]]:
        """Translate the plan into per-segment edits (segment index → edits in local offsets).

        A replacement that crosses a segment boundary is split: its new text goes into the
        first segment and the covered text of the following segments is removed.
        """
        result: dict[int, list[Edit]] = {}
        for rep in self.replacements:
            first = True
            for seg in _segments_overlapping(document.segments, rep.start, rep.end):
                start = max(rep.start, seg.offset) - seg.offset
                end = min(rep.end, seg.end) - seg.offset
                if start >= end:
                    continue
                result.setdefault(seg.index, []).append(
                    Edit(start, end, rep.new_text if first else "")
                )
                first = False
        return {index: tuple(edits) for index, edits in result.items()}


def _segments_overlapping(
    segments: Sequence[Segment], start: int, end: int
) -> Iterator[Segment]:
    for seg in segments:
        if seg.offset >= end:
            break
        if seg.end > start:
            yield seg


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping segment edits to a segment's text."""
    out: list[str] = []
    cursor = 0
    for edit in sorted(edits):
        if edit.start < cursor:
            raise ValueError("overlapping edits")
        out.append(text[cursor : edit.start])
        out.append(edit.new_text)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


EditMap = Mapping[int, Sequence[Edit]]
