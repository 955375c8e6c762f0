"""``anonymise check``: a read-only yes/no for assessors before material is posted.

Reads every supported file (every part the reader knows), runs detection and prints, per file,
what was found and where (part, paragraph or page) and of which type. Values are shown only
with ``--show``. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from pipeline import exitcodes
from pipeline.batch import plan_jobs
from pipeline.config import POLICIES, load_settings
from pipeline.detect import Detector
from pipeline.errors import InputError
from pipeline.formats import format_for
from pipeline.model import Document
from pipeline.resolve import resolve

NAME = "check"
HELP = "report personal data found in files without changing anything (exit 1 if any found)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``anonymise check``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    parser.add_argument("--show", action="store_true",
                        help="also print the values found (they are personal data: take care)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML)")
    parser.add_argument("--policy", choices=POLICIES, help="detection policy")


def findings(document: Document, spans: list[tuple[int, int, str]]) -> list[tuple[str, str, int, int]]:
    """Return ``(where, entity, start, end)`` for each span, located in its segment."""
    located = []
    for start, end, entity in spans:
        segment = document.segment_at(start)
        where = f"{segment.part} {segment.where}" if segment else "text"
        located.append((where, entity, start, end))
    return located


def main(args: argparse.Namespace) -> int:
    """Check every file; 0 when nothing is found, 1 when personal data is found."""
    settings = load_settings(args.config).with_overrides(policy=args.policy)
    # plan_jobs is given a throwaway output path: check writes nothing.
    jobs, skipped = plan_jobs(args.paths, Path("/nonexistent/anonymise-check"))
    detector = Detector.load(settings)
    found_any = unreadable = False
    for job in jobs:
        try:
            document = format_for(job.source).read(job.source)
        except InputError as exc:
            unreadable = True
            print(f"{job.relative}: unreadable: {exc}")
            continue
        analysis = detector.analyse(document.text)
        resolved = resolve(document.text, analysis.detections, settings)
        spans = [(m.start, m.end, "PERSON") for m in resolved.people]
        spans += [(d.start, d.end, d.entity) for d in resolved.others]
        located = findings(document, sorted(spans))
        if not located:
            print(f"{job.relative}: clean")
            continue
        found_any = True
        counts = Counter(entity for _, entity, _, _ in located)
        summary = ", ".join(f"{n} {entity}" for entity, n in sorted(counts.items()))
        print(f"{job.relative}: personal data found ({summary})")
        for where, entity, start, end in located:
            value = f": {document.text[start:end]!r}" if args.show else ""
            print(f"  {where}: {entity}{value}")
    for job in skipped:
        print(f"{job.relative}: skipped (unsupported file type)", file=sys.stderr)
    if unreadable:
        return exitcodes.INCOMPLETE
    return exitcodes.FINDINGS if found_any else exitcodes.OK
