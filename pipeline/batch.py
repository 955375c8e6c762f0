"""The batch loop: the one place that walks inputs, calls each stage and writes outputs.

Per-file problems (refused or failed files) are recorded and the batch goes on. Outputs are
written to a temporary file beside the target and renamed into place only when complete, so a
crash never leaves a half-written "clean" file. Inputs are never written to.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from pipeline.assess import Assessment, assess
from pipeline.config import Settings
from pipeline.detect import Analysis, Detector
from pipeline.errors import AnonymiseError, InputError, OutputError, ResidualDataError, UsageError
from pipeline.formats import STRICT, ReadOptions, ReadResult, format_for, supported_suffixes
from pipeline.model import Document, ReplacementPlan
from pipeline.people import PeopleBook
from pipeline.plan import make_plan
from pipeline.report import FileReport, Status
from pipeline.residual import find_residuals
from pipeline.resolve import Resolved, resolve
from pipeline.risks import prepare as prepare_risks
from pipeline.strategy import Strategy

log = logging.getLogger(__name__)

#: Documents read and analysed together (spaCy batches); bounds memory on big runs.
CHUNK = 16


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and where its output goes (both relative to their roots)."""

    source: Path
    relative: Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one document: its plan and findings, for reports and benchmarks."""

    job: Job
    document: Document | None
    plan: ReplacementPlan | None
    resolved: Resolved | None
    report: FileReport


@dataclass
class Run:
    """Everything a batch needs, loaded once.

    With ``workers`` > 1 each worker process loads its own detector and ``detector`` may be
    None; otherwise it is loaded here when first needed.
    """

    detector: Detector | None
    strategy: Strategy
    settings: Settings
    options: ReadOptions = STRICT
    generalise: bool = False
    workers: int = 1
    people: PeopleBook = field(default_factory=PeopleBook)


def _is_candidate(path: Path) -> bool:
    name = path.name
    return not (name.startswith(".") or name.startswith("~$"))


def plan_jobs(inputs: Sequence[Path], out_dir: Path) -> tuple[list[Job], list[Job]]:
    """Expand input paths into jobs; return ``(supported, skipped)``.

    A single folder maps to ``out_dir`` directly; with several inputs each keeps its own name.

    Raises:
        UsageError: an input is missing, the output folder is (inside) an input folder, or two
            inputs would write the same output.
    """
    out = out_dir.resolve()
    jobs: list[Job] = []
    skipped: list[Job] = []
    suffixes = set(supported_suffixes())
    for raw in inputs:
        path = raw.resolve()
        if not path.exists():
            raise UsageError(f"input not found: {raw}")
        if path.is_dir():
            if out == path or path in out.parents:
                raise UsageError("--out must not be an input folder or inside one")
            prefix = Path() if len(inputs) == 1 else Path(path.name)
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if out in file.parents or not _is_candidate(file):
                    continue
                job = Job(file, prefix / file.relative_to(path))
                (jobs if file.suffix.lower() in suffixes else skipped).append(job)
        else:
            jobs.append(Job(path, Path(path.name)))
    targets = [job.relative for job in jobs]
    if len(set(targets)) != len(targets):
        raise UsageError("two inputs would write the same output file; pass their parent folder")
    sources = {job.source for job in jobs}
    if any((out / job.relative).resolve() in sources for job in jobs):
        raise UsageError("--out would overwrite an input file; choose another output folder")
    return jobs, skipped


def _chunks(items: Sequence[Job], size: int) -> Iterator[list[Job]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def safe_relative(relative: Path, plan: ReplacementPlan | None, document: Document | None) -> Path:
    """Return ``relative`` with any replaced value found in it swapped for its replacement.

    File and folder names can carry a name ("margaret-oneill.docx"); outputs and reports use
    this form so that no original value reaches a file name.
    """
    if plan is None or document is None:
        return relative
    pairs: dict[str, str] = {}
    for rep in plan.replacements:
        value = document.text[rep.start : rep.end]
        slug = re.sub(r"[^\w]+", "-", rep.new_text.strip("[]")).strip("-").lower()
        for piece in [value, *value.split()]:
            piece = piece.strip(" ,.'’")
            if len(piece) >= 3:
                pairs.setdefault(piece.casefold(), slug)
    parts = []
    for part in relative.parts:
        squashed = _squash(part)
        # Only values that occur in the name (ignoring separators) need the exact rewrite.
        for value in sorted((v for v in pairs if _squash(v) in squashed), key=len, reverse=True):
            words = [w for w in re.split(r"[\s_.\-]+", value) if w]
            # Apostrophes are often dropped in file names: "O'Neill" → "oneill".
            pattern = r"[\s_.\-]*".join(re.escape(w).replace("'", "'?").replace("’", "’?")
                                         for w in words)
            part = re.sub(rf"(?<![^\W_]){pattern}(?![^\W_])", pairs[value], part, flags=re.I)
        parts.append(part)
    return Path(*parts)


def _squash(text: str) -> str:
    return re.sub(r"[\s_.\-'’]+", "", text.casefold())


def _write_verified(run: Run, job: Job, document: Document, plan: ReplacementPlan,
                    assessment: Assessment, target: Path) -> None:
    """Write to a temporary file, re-scan it for every replaced value, then rename into place.

    Raises:
        ResidualDataError: an original value survived somewhere in the written file; the
            temporary file is deleted and nothing is renamed.
    """
    fmt = format_for(job.source)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".anonymise-", suffix=target.suffix)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        fmt.write(job.source, document, assessment.edits, tmp, run.options)
        originals = {document.text[r.start : r.end] for r in plan.replacements}
        survived = find_residuals(tmp, fmt.name, originals, expected=assessment.text)
        if survived:
            raise ResidualDataError(
                "an original value survived in the output (" + ", ".join(survived[:5])
                + "); output deleted"
            )
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _finish(run: Run, job: Job, read: ReadResult, analysis: Analysis, out_dir: Path) -> Outcome:
    """Resolve, plan, assess, write and verify one analysed document (in the main process,
    which knows the people of earlier documents)."""
    document = read.document
    scope = job.relative.parent.as_posix()
    resolved = resolve(document.text, analysis.detections, analysis.tokens, run.settings,
                       run.people.known(scope))
    # Keyed strategies commit a document's new mappings in one transaction.
    with getattr(run.strategy, "batch", contextlib.nullcontext)():
        plan = make_plan(document, resolved, run.strategy, lambda p: run.people.key_for(p, scope))
    relative = safe_relative(job.relative, plan, document)
    target = out_dir / relative
    assessment = assess(document, plan.edits_by_segment(document), run.generalise)
    _write_verified(run, job, document, plan, assessment, target)
    counts = Counter(rep.entity for rep in plan.replacements)
    labels = sorted({r.new_text for r in plan.replacements if r.entity == "PERSON"})
    report = FileReport(
        input=str(relative), output=str(relative), format=document.format,
        status=Status.ANONYMISED, counts=dict(sorted(counts.items())), labels=tuple(labels),
        dropped=read.dropped, risks=assessment.flags,
    )
    return Outcome(job, document, plan, resolved, report)


#: What the analysis stage returns per job: the read file and its analysis, or why it failed.
Analysed = tuple[Job, ReadResult | None, Analysis | None, tuple[Status, str, str] | None]


def _classify(exc: Exception) -> tuple[Status, str, str]:
    if isinstance(exc, InputError):
        return Status.REFUSED, str(exc), exc.code
    if isinstance(exc, OutputError):
        return Status.FAILED, str(exc), exc.code
    # A library's or our own bug: report the type, never the message (it may quote content).
    return Status.FAILED, f"internal error ({type(exc).__name__})", "internal"


def analyse_chunk(
    detector: Detector, settings: Settings, options: ReadOptions, chunk: Sequence[Job]
) -> list[Analysed]:
    """Read and analyse a chunk of jobs (spaCy batches the texts); never raises per file."""
    results: list[Analysed] = []
    readable: list[tuple[Job, ReadResult]] = []
    for job in chunk:
        try:
            readable.append((job, format_for(job.source).load(job.source, options)))
        except AnonymiseError as exc:
            if not isinstance(exc, InputError):
                raise
            results.append((job, None, None, _classify(exc)))
        except Exception as exc:
            results.append((job, None, None, _classify(exc)))
    analyses = detector.analyse_many(read.document.text for _, read in readable)
    for (job, read), analysis in zip(readable, analyses, strict=True):
        results.append((job, read, analysis, None))
    order = {job.source: i for i, job in enumerate(chunk)}
    return sorted(results, key=lambda r: order[r[0].source])


_WORKER: tuple[Detector, Settings, ReadOptions] | None = None


def _init_worker(settings: Settings, options: ReadOptions) -> None:
    global _WORKER
    _WORKER = (Detector.load(settings), settings, options)


def _analyse_in_worker(chunk: Sequence[Job]) -> list[Analysed]:
    assert _WORKER is not None, "worker not initialised"
    return analyse_chunk(*_WORKER, chunk)


def _analysed(run: Run, jobs: Sequence[Job]) -> Iterator[Analysed]:
    """Analyse every job in order, in worker processes when ``run.workers`` > 1."""
    chunks = list(_chunks(jobs, CHUNK))
    if run.workers <= 1 or len(chunks) <= 1:
        detector = run.detector or Detector.load(run.settings)
        for chunk in chunks:
            yield from analyse_chunk(detector, run.settings, run.options, chunk)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(min(run.workers, len(chunks)), _init_worker,
                      (run.settings, run.options)) as pool:
        results_iter = pool.imap(_analyse_in_worker, chunks)
        prepare_risks()  # builds its index here while the workers load their models
        for results in results_iter:
            yield from results


def _failure(job: Job, out_dir: Path, status: Status, reason: str, code: str) -> Outcome:
    # A stale output from an earlier run must not pass for a clean copy of this input.
    (out_dir / job.relative).unlink(missing_ok=True)
    report = FileReport(input=str(job.relative), output=None, format=job.source.suffix.lstrip("."),
                        status=status, reason=reason, code=code)
    return Outcome(job, None, None, None, report)


def run_batch(
    run: Run,
    jobs: Sequence[Job],
    out_dir: Path,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> Iterator[Outcome]:
    """Anonymise every job, yielding an :class:`Outcome` per file in input order.

    Reading and detection may run in worker processes; planning (labels must agree across
    documents), writing and verification run here, one document at a time.
    """
    for job, read, analysis, failure in _analysed(run, jobs):
        if failure is None and read is not None and analysis is not None:
            try:
                outcome = _finish(run, job, read, analysis, out_dir)
            except AnonymiseError as exc:
                if not isinstance(exc, InputError | OutputError):
                    raise
                outcome = _failure(job, out_dir, *_classify(exc))
            except Exception as exc:
                outcome = _failure(job, out_dir, *_classify(exc))
        else:
            assert failure is not None
            outcome = _failure(job, out_dir, *failure)
        on_done(outcome)
        yield outcome
