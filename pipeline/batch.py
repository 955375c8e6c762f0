"""The batch loop: the one place that walks inputs, calls each stage and writes outputs.

Per-file problems (refused or failed files) are recorded and the batch goes on. Outputs are
written to a temporary file beside the target and renamed into place only when complete, so a
crash never leaves a half-written "clean" file. Inputs are never written to.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import os
import re
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from pipeline.assess import Assessment, assess
from pipeline.config import Settings
from pipeline.detect import Analysis, Detector
from pipeline.errors import AnonymiseError, InputError, OutputError, ResidualDataError, UsageError
from pipeline.formats import STRICT, ReadOptions, ReadResult, format_for, supported_suffixes
from pipeline.model import Document, Edit, ReplacementPlan
from pipeline.people import PeopleBook
from pipeline.portfolio import learn_names, plan_one
from pipeline.report import FileReport, Status
from pipeline.residual import find_residuals
from pipeline.resolve import Resolved
from pipeline.risks import prepare as prepare_risks
from pipeline.strategy import Strategy

T = TypeVar("T")

log = logging.getLogger(__name__)

#: Documents read and analysed together (spaCy batches) in one task.
CHUNK = 8
#: Documents of one folder planned together (see :mod:`pipeline.portfolio`); larger folders
#: are planned in consecutive groups of this size, which bounds memory.
GROUP = 64
#: Writes under way per worker before the batch waits for the oldest.
MAX_WRITES = 8


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

    ``detector`` may be None: it is then loaded when first needed, in this process (and shared
    with forked workers) or, where processes are spawned, in each worker.
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


def _write_verified(task: WriteTask, options: ReadOptions, generalise: bool) -> Assessment:
    """Assess, write to a temporary file, re-scan it for every replaced value, then rename it
    into place.

    Raises:
        ResidualDataError: an original value survived somewhere in the written file; the
            temporary file is deleted and nothing is renamed.
    """
    document, target = task.document, task.target
    assessment = assess(document, task.edits, generalise)
    fmt = format_for(task.job.source)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".anonymise-", suffix=target.suffix)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        fmt.write(task.job.source, document, assessment.edits, tmp, options)
        survived = find_residuals(tmp, fmt.name, task.originals, expected=assessment.text)
        if survived:
            raise ResidualDataError(
                "an original value survived in the output (" + ", ".join(survived[:5])
                + "); output deleted"
            )
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return assessment


#: What the analysis stage returns per job: the read file and its analysis, or why it failed.
Analysed = tuple[Job, ReadResult | None, Analysis | None, tuple[Status, str, str] | None]


@dataclass(frozen=True, slots=True)
class WriteTask:
    """Everything a worker needs to write one planned document."""

    job: Job
    document: Document
    edits: dict[int, tuple[Edit, ...]]
    originals: frozenset[str]
    target: Path


@dataclass(frozen=True, slots=True)
class Written:
    """What writing one document gave: its risk flags, or why it failed."""

    flags: tuple[dict[str, Any], ...] = ()
    failure: tuple[Status, str, str] | None = None


def _classify(exc: Exception) -> tuple[Status, str, str]:
    if isinstance(exc, InputError):
        return Status.REFUSED, str(exc), exc.code
    if isinstance(exc, OutputError):
        return Status.FAILED, str(exc), exc.code
    # A library's or our own bug: report the type, never the message (it may quote content).
    return Status.FAILED, f"internal error ({type(exc).__name__})", "internal"


def _per_file(exc: Exception) -> tuple[Status, str, str]:
    """Classify a failure that concerns one file; re-raise one that stops the batch."""
    if isinstance(exc, AnonymiseError) and not isinstance(exc, InputError | OutputError):
        raise exc
    return _classify(exc)


class Worker:
    """The per-process half of a batch: reads and analyses documents, writes planned ones.

    Runs in each worker process, or in the main process when there is one worker. Never raises
    for a problem with one file; errors that stop the batch (set-up) propagate.
    """

    def __init__(self, settings: Settings, options: ReadOptions, generalise: bool,
                 detector: Detector | None = None) -> None:
        self._settings, self._options, self._generalise = settings, options, generalise
        self._detector = detector

    def analyse(self, chunk: Sequence[Job]) -> list[Analysed]:
        """Read and analyse a chunk of jobs (spaCy batches the texts), in order."""
        if self._detector is None:
            self._detector = Detector.load(self._settings)
        results: dict[Path, Analysed] = {}
        readable: list[tuple[Job, ReadResult]] = []
        for job in chunk:
            try:
                readable.append((job, format_for(job.source).load(job.source, self._options)))
            except Exception as exc:
                results[job.source] = (job, None, None, _per_file(exc))
        analyses = self._detector.analyse_many(read.document.text for _, read in readable)
        for (job, read), analysis in zip(readable, analyses, strict=True):
            results[job.source] = (job, read, analysis, None)
        return [results[job.source] for job in chunk]

    def write(self, task: WriteTask) -> Written:
        """Assess, write and verify one planned document."""
        try:
            return Written(_write_verified(task, self._options, self._generalise).flags)
        except Exception as exc:
            return Written(failure=_per_file(exc))


_WORKER: Worker | None = None


def _init_worker(settings: Settings, options: ReadOptions, generalise: bool,
                 detector: Detector | None) -> None:
    global _WORKER
    _WORKER = Worker(settings, options, generalise, detector or Detector.load(settings))
    prepare_risks()


def _analyse_in_worker(chunk: Sequence[Job]) -> list[Analysed]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.analyse(chunk)


def _write_in_worker(task: WriteTask) -> Written:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.write(task)


class _Result(Protocol[T]):
    def ready(self) -> bool: ...
    def get(self) -> T: ...


class _Inline(Generic[T]):
    """A task run in this process when it is first asked about (one worker)."""

    def __init__(self, call: Callable[[], T]) -> None:
        self._call: Callable[[], T] | None = call
        self._value: T | None = None

    def ready(self) -> bool:
        self.get()
        return True

    def get(self) -> T:
        if self._call is not None:
            self._value, self._call = self._call(), None
        return self._value  # type: ignore[return-value]


class _Executor:
    """Runs analysis and write tasks in a pool of worker processes, or inline."""

    def __init__(self, run: Run, jobs: int) -> None:
        self._stack = contextlib.ExitStack()
        self._pool: Any = None
        self._inline: Worker | None = None
        if run.workers > 1 and jobs > 1:
            # Forked workers share the detector loaded here (loaded once, its pages shared);
            # spawned ones (not on POSIX) load their own.
            fork = os.name == "posix"
            detector = (run.detector or Detector.load(run.settings)) if fork else None
            context = multiprocessing.get_context("fork" if fork else "spawn")
            self._pool = self._stack.enter_context(context.Pool(
                min(run.workers, jobs), _init_worker,
                (run.settings, run.options, run.generalise, detector),
            ))
        else:
            self._inline = Worker(run.settings, run.options, run.generalise, run.detector)

    def analyse(self, chunk: list[Job]) -> _Result[list[Analysed]]:
        if self._pool is not None:
            return self._pool.apply_async(_analyse_in_worker, (chunk,))  # type: ignore[no-any-return]
        worker = self._inline
        assert worker is not None
        return _Inline(lambda: worker.analyse(chunk))

    def write(self, task: WriteTask) -> _Result[Written]:
        if self._pool is not None:
            return self._pool.apply_async(_write_in_worker, (task,))  # type: ignore[no-any-return]
        worker = self._inline
        assert worker is not None
        return _Inline(lambda: worker.write(task))

    def __enter__(self) -> _Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def _scope(job: Job) -> str:
    return job.relative.parent.as_posix()


def _groups(jobs: Sequence[Job]) -> list[list[Job]]:
    """Consecutive jobs of one folder, at most :data:`GROUP` per group."""
    groups: list[list[Job]] = []
    for job in jobs:
        if groups and _scope(groups[-1][0]) == _scope(job) and len(groups[-1]) < GROUP:
            groups[-1].append(job)
        else:
            groups.append([job])
    return groups


def _chunks(groups: Sequence[list[Job]], workers: int) -> Iterator[list[Job]]:
    """Analysis tasks, in input order. The documents of the first group go one per task, so
    the workers share it and the first output comes quickly; after that, whole groups are
    packed into tasks of about :data:`CHUNK` documents (a larger group is split)."""
    first = groups[0] if groups else []
    if workers > 1:
        yield from ([job] for job in first)
    elif first:
        yield list(first)
    chunk: list[Job] = []
    for group in groups[1:]:
        for job in group:
            chunk.append(job)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if len(chunk) >= CHUNK // 2:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Slot:
    """One job's place in the output order: a finished outcome, or a write under way."""

    def __init__(self, outcome: Outcome, written: _Result[Written] | None = None) -> None:
        self.outcome, self.written = outcome, written

    def ready(self) -> bool:
        return self.written is None or self.written.ready()

    def result(self, out_dir: Path) -> Outcome:
        if self.written is None:
            return self.outcome
        written = self.written.get()
        job = self.outcome.job
        if written.failure is not None:
            return _failure(job, out_dir, *written.failure)
        report = dataclasses.replace(self.outcome.report, risks=written.flags)
        return dataclasses.replace(self.outcome, report=report)


def _failure(job: Job, out_dir: Path, status: Status, reason: str, code: str) -> Outcome:
    # A stale output from an earlier run must not pass for a clean copy of this input.
    (out_dir / job.relative).unlink(missing_ok=True)
    report = FileReport(input=str(job.relative), output=None, format=job.source.suffix.lstrip("."),
                        status=status, reason=reason, code=code)
    return Outcome(job, None, None, None, report)


def _plan_group(run: Run, group: Sequence[Analysed], out_dir: Path,
                executor: _Executor) -> Iterator[_Slot]:
    """Plan the analysed documents of one group (see :mod:`pipeline.portfolio`) and start
    writing each; yields their slots in order."""
    scope = _scope(group[0][0])
    readable = [(read.document, analysis) for _, read, analysis, _ in group
                if read is not None and analysis is not None]
    if len(readable) > 1:
        learn_names(readable, scope, run.settings, run.people)
    for job, read, analysis, failure in group:
        if failure is not None or read is None or analysis is None:
            assert failure is not None
            yield _Slot(_failure(job, out_dir, *failure))
            continue
        document = read.document
        try:
            planned = plan_one(document, analysis, scope, run.settings, run.strategy, run.people)
        except Exception as exc:
            yield _Slot(_failure(job, out_dir, *_per_file(exc)))
            continue
        plan = planned.plan
        relative = safe_relative(job.relative, plan, document)
        task = WriteTask(job, document, plan.edits_by_segment(document),
                         frozenset(document.text[r.start : r.end] for r in plan.replacements),
                         out_dir / relative)
        counts = Counter(rep.entity for rep in plan.replacements)
        labels = sorted({r.new_text for r in plan.replacements if r.entity == "PERSON"})
        report = FileReport(
            input=str(relative), output=str(relative), format=document.format,
            status=Status.ANONYMISED, counts=dict(sorted(counts.items())), labels=tuple(labels),
            dropped=read.dropped,
        )
        yield _Slot(Outcome(job, document, plan, planned.resolved, report), executor.write(task))


def run_batch(
    run: Run,
    jobs: Sequence[Job],
    out_dir: Path,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> Iterator[Outcome]:
    """Anonymise every job, yielding an :class:`Outcome` per file in input order.

    Reading, detection, risk assessment, writing and verification run in ``run.workers``
    processes; planning (labels must agree across documents) runs here, a folder at a time.
    Work in flight is bounded, so memory does not grow with the batch.
    """
    groups = _groups(jobs)
    sizes = iter(len(group) for group in groups)
    chunks = _chunks(groups, run.workers)
    slots: deque[_Slot] = deque()
    with _Executor(run, len(jobs)) as executor:
        ahead = max(2, run.workers + 1)
        analysing = deque(executor.analyse(chunk) for chunk in islice(chunks, ahead))
        group: list[Analysed] = []
        wanted = next(sizes, 0)
        while analysing:
            for item in analysing.popleft().get():
                group.append(item)
                if len(group) == wanted:
                    slots.extend(_plan_group(run, group, out_dir, executor))
                    group, wanted = [], next(sizes, 0)
            # Writes were queued before more analysis, so outputs follow soon after input.
            analysing.extend(executor.analyse(chunk) for chunk in islice(chunks, 1))
            while slots and (slots[0].ready() or len(slots) > MAX_WRITES * run.workers):
                outcome = slots.popleft().result(out_dir)
                on_done(outcome)
                yield outcome
        while slots:
            outcome = slots.popleft().result(out_dir)
            on_done(outcome)
            yield outcome
