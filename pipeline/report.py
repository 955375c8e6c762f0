"""Run reports: per-file outcomes, totals, the JSON report and the one-line summary.

Reports hold relative paths (already scrubbed of replaced values), statuses, reasons, counts
per entity type and the labels or pseudonyms produced — never an original value.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any


class Status(str, Enum):
    """What happened to one input file."""

    ANONYMISED = "anonymised"
    REFUSED = "refused"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class FileReport:
    """The outcome for one input file."""

    input: str
    output: str | None
    format: str
    status: Status
    reason: str = ""
    code: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    labels: tuple[str, ...] = ()
    risks: tuple[dict[str, Any], ...] = ()
    dropped: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "input": self.input,
            "output": self.output,
            "format": self.format,
            "status": self.status.value,
            "reason": self.reason,
            "code": self.code,
            "counts": self.counts,
            "labels": list(self.labels),
            "risks": list(self.risks),
            "dropped": list(self.dropped),
        }


@dataclass(frozen=True)
class BatchReport:
    """All file outcomes of a run plus the settings that produced them."""

    files: tuple[FileReport, ...]
    settings: dict[str, Any]
    started: datetime
    finished: datetime
    pseudonyms: tuple[str, ...] = ()

    @property
    def by_status(self) -> Counter[str]:
        """Number of files per status."""
        return Counter(f.status.value for f in self.files)

    @property
    def replacements(self) -> Counter[str]:
        """Number of replacements per entity type over all files."""
        total: Counter[str] = Counter()
        for f in self.files:
            total.update(f.counts)
        return total

    @property
    def complete(self) -> bool:
        """Whether no file was refused or failed (skipped files do not count)."""
        return not any(f.status in (Status.REFUSED, Status.FAILED) for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        from pipeline import __version__

        risks = [dict(r, file=f.input) for f in self.files for r in f.risks]
        return {
            "tool": "anonymise",
            "version": __version__,
            "started": self.started.isoformat(timespec="seconds"),
            "finished": self.finished.isoformat(timespec="seconds"),
            "settings": self.settings,
            "totals": {
                "files": len(self.files),
                **{s.value: self.by_status.get(s.value, 0) for s in Status},
                "replacements": sum(self.replacements.values()),
                "by_entity": dict(sorted(self.replacements.items())),
                "risks": len(risks),
            },
            "files": [f.to_dict() for f in self.files],
            "pseudonyms": list(self.pseudonyms),
            "risks": risks,
        }

    def summary(self) -> str:
        """One line for stderr."""
        s = self.by_status
        people = len({label for f in self.files for label in f.labels})
        risks = sum(len(f.risks) for f in self.files)
        high = sum(1 for f in self.files for r in f.risks if r.get("severity") == "high")
        return (
            f"{len(self.files)} files: {s.get('anonymised', 0)} anonymised, "
            f"{s.get('refused', 0)} refused, {s.get('failed', 0)} failed, "
            f"{s.get('skipped', 0)} skipped; {sum(self.replacements.values())} replacements, "
            f"{people} people; {risks} risk flags ({high} high)"
        )


def now() -> datetime:
    """Current time in UTC (one place to fake it in tests)."""
    return datetime.now(UTC)


def write_json_atomic(data: Any, path: Path) -> None:
    """Write JSON to ``path`` via a temporary file and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".anonymise-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def assemble(
    files: Sequence[FileReport],
    settings: dict[str, Any],
    started: datetime,
    pseudonyms: Sequence[str] = (),
) -> BatchReport:
    """Build the batch report at the end of a run (pseudonyms: tokens produced, never originals)."""
    return BatchReport(tuple(files), settings, started, now(), tuple(sorted(set(pseudonyms))))
