"""Command-line entry point: parses arguments, sets up logging and maps errors to exit codes.

This module and the command modules are the only places that read ``sys.argv`` or print.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from pipeline import __version__, exitcodes
from pipeline.commands import COMMAND_MODULES
from pipeline.errors import AnonymiseError, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse with our usage exit code and a one-line error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(exitcodes.USAGE, f"anonymise: error: {message}\n")


def _commands() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    """Build the top-level parser with one sub-parser per command module."""
    parser = _Parser(
        prog="anonymise",
        description=(
            "Make documents about real people safe to share: detect names, addresses and UK "
            "identifiers in .docx, .pdf, .txt and .md files and replace them with consistent "
            "labels (Client A, Client B…) or keyed pseudonyms."
        ),
        epilog=(
            "exit codes: 0 success; 1 personal data found (check); 2 usage error; "
            "3 some files refused or failed (stats: audit failed); 4 fatal error"
        ),
    )
    parser.add_argument("--version", action="version", version=f"anonymise {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log progress details (never document text)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in _commands():
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_main=module.main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="anonymise: %(message)s",
        stream=sys.stderr,
    )
    try:
        code: int = args._main(args)
        return code
    except UsageError as exc:
        print(f"anonymise: error: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    except AnonymiseError as exc:
        print(f"anonymise: error: {exc}", file=sys.stderr)
        return exitcodes.FATAL
    except KeyboardInterrupt:
        print("anonymise: interrupted", file=sys.stderr)
        return 130
