"""``anonymise stats``: equality-monitoring tables with statistical disclosure control.

Exit codes: 0 the table was written and its audit passed; 2 usage or configuration error
(nothing written); 3 the audit failed — some hidden cell could be worked out and no further cell
could be hidden — so no table was written (the report, if asked for, says which cell);
4 the records file could not be used (e.g. ragged rows, a category named ``Total``).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from pathlib import Path

from pipeline import exitcodes
from pipeline.errors import OutputError, UsageError
from pipeline.report import write_json_atomic
from pipeline.stats.build import build
from pipeline.stats.config import load_stats_config
from pipeline.stats.profiles import BUILTIN, DEFAULT_PROFILE
from pipeline.stats.records import read_records

NAME = "stats"
HELP = ("count records into an equality-monitoring table with small-number suppression, "
        "rounding and a recoverability audit")
_EPILOG = (
    f"profiles: {', '.join(BUILTIN)} (default {DEFAULT_PROFILE}; more in [stats.profiles.NAME] "
    "of --config). exit codes: 0 table written, audit passed; 2 usage error; 3 audit failed, no "
    "table written; 4 records file unusable. The output is not certified free of risk: apply "
    "the ICO motivated-intruder test before publishing."
)


def _columns(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",")]
    if not all(names):
        raise argparse.ArgumentTypeError("give column names separated by commas")
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``anonymise stats``."""
    parser.epilog = _EPILOG
    parser.add_argument("records", type=Path, metavar="RECORDS",
                        help="record-level CSV file, one row per person, with a header row")
    parser.add_argument("--by", required=True, type=_columns, metavar="COL[,COL]",
                        help="one or two columns to count by (e.g. site,ethnicity)")
    parser.add_argument("--profile", metavar="NAME",
                        help=f"disclosure-control rule (default {DEFAULT_PROFILE})")
    parser.add_argument("--out", required=True, type=Path, metavar="TABLE.csv",
                        help="output table (CSV, long format, margins as 'Total')")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="write a JSON report (rule, audit intervals, code-list findings)")
    parser.add_argument("--qi", type=_columns, default=[], metavar="COL,COL…",
                        help="quasi-identifier columns for a k-anonymity check of the records")
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="settings file (TOML) with a [stats] table")


def _write_csv_atomic(rows: list[list[str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".anonymise-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {type(exc).__name__}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(args: argparse.Namespace) -> int:
    """Build, protect and audit the table; write it and the report."""
    config = load_stats_config(args.config)
    profile = config.resolve(args.profile)
    if args.out.resolve() == args.records.resolve():
        raise UsageError("--out must not be the records file")
    if args.report is not None and args.report.resolve() in (args.out.resolve(),
                                                             args.records.resolve()):
        raise UsageError("--report must be a different file from RECORDS and --out")
    records = read_records(args.records)
    built = build(records, args.by, profile, config, qi=args.qi, output=str(args.out))
    if built.rows is not None:
        _write_csv_atomic(built.rows, args.out)
    if args.report is not None:
        write_json_atomic(built.run.to_dict(), args.report)
    for line in built.run.summary():
        print(f"anonymise stats: {line}", file=sys.stderr)
    return exitcodes.OK if built.rows is not None else exitcodes.INCOMPLETE
