"""``anonymise run``: anonymise files and folders into an output folder."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack
from pathlib import Path

from tqdm import tqdm

from pipeline import exitcodes
from pipeline.batch import Job, Outcome, Run, plan_jobs, run_batch
from pipeline.config import POLICIES, Settings, load_settings
from pipeline.errors import UsageError
from pipeline.formats import ReadOptions, supported_suffixes
from pipeline.report import FileReport, Status, assemble, now, write_json_atomic
from pipeline.strategy import LabelStrategy, Strategy

NAME = "run"
HELP = "anonymise files and folders (.docx, .pdf, .txt, .md) into an output folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``anonymise run``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="files or folders to anonymise (folders are searched recursively)")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="output folder; mirrors the inputs' layout (must not be inside an input)")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="write a JSON report (counts and labels, never original values)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML)")
    parser.add_argument("--policy", choices=POLICIES,
                        help="'default' keeps ordinary dates, places and organisations; "
                             "'strict' replaces them too")
    parser.add_argument("--label", metavar="WORD", help='label word for people (default "Client")')
    parser.add_argument("--drop-unsupported", action="store_true",
                        help="drop parts that cannot be read (embedded objects, macros, charts…) "
                             "instead of refusing the file; the report lists what was dropped")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="processes for reading and detection (default: number of cores)")
    parser.add_argument("--generalise", action="store_true",
                        help="apply the safe suggestions of risk flags (exact ages to bands, "
                             "birth years to decades); otherwise flags are only reported")
    parser.add_argument("--mode", choices=("label", "pseudonym"), default="label",
                        help="'label' (default): Client A/B… and [TYPE] placeholders; "
                             "'pseudonym': keyed pseudonyms such as PERSON-7K2QF9XM3A "
                             "(needs --keystore)")
    parser.add_argument("--keystore", type=Path, metavar="STORE",
                        help="encrypted key store (see 'anonymise keys init'); with label mode it "
                             "keeps labels stable across runs. Passphrase from "
                             "ANONYMISE_PASSPHRASE or a prompt")


def _strategy(args: argparse.Namespace, settings: Settings, stack: ExitStack) -> Strategy:
    if args.keystore is None:
        if args.mode == "pseudonym":
            raise UsageError("--mode pseudonym needs --keystore STORE (see 'anonymise keys init')")
        return LabelStrategy(settings.label_word)
    from pipeline.keyed import PseudonymStrategy, StoredLabelStrategy, open_for_run

    store = stack.enter_context(open_for_run(args.keystore, args.paths, args.out,
                                             env=os.environ, interactive=sys.stdin.isatty()))
    if args.mode == "pseudonym":
        return PseudonymStrategy(store)
    return StoredLabelStrategy(store, settings.label_word)


def _skipped(job: Job) -> FileReport:
    return FileReport(input=str(job.relative), output=None, format=job.source.suffix.lstrip("."),
                      status=Status.SKIPPED, reason="unsupported file type", code="skipped")


def _announce(outcome: Outcome) -> None:
    r = outcome.report
    if r.status in (Status.REFUSED, Status.FAILED):
        tqdm.write(f"anonymise: {r.status.value} {r.input}: {r.reason}", file=sys.stderr)


def main(args: argparse.Namespace) -> int:
    """Run the batch and return the exit code."""
    settings = load_settings(args.config).with_overrides(policy=args.policy, label_word=args.label)
    jobs, skipped = plan_jobs(args.paths, args.out)
    if not jobs and not skipped:
        print(f"anonymise: no supported files found ({', '.join(supported_suffixes())})",
              file=sys.stderr)
        return exitcodes.USAGE
    started = now()
    files: list[FileReport] = [_skipped(job) for job in skipped]
    with ExitStack() as stack:
        strategy = _strategy(args, settings, stack)
        options = ReadOptions(drop_unsupported=args.drop_unsupported)
        if args.workers < 1:
            raise UsageError("--workers must be at least 1")
        run = Run(None, strategy, settings, options, args.generalise, args.workers)
        with tqdm(total=len(jobs), unit="file", file=sys.stderr, disable=None,
                  desc="anonymising", leave=False) as bar:
            for outcome in run_batch(run, jobs, args.out, _announce):
                files.append(outcome.report)
                bar.update()
        produced = getattr(strategy, "produced", lambda: [])()
    summary = {"policy": settings.policy, "model": settings.model, "mode": args.mode,
               "label_word": settings.label_word, "keystore": args.keystore is not None}
    report = assemble(files, summary, started, pseudonyms=produced)
    if args.report:
        write_json_atomic(report.to_dict(), args.report)
    print(f"anonymise: {report.summary()}", file=sys.stderr)
    return exitcodes.OK if report.complete else exitcodes.INCOMPLETE
