"""Placeholder for the `anonymise check` command (being written)."""

from __future__ import annotations

import argparse

NAME = "check"
HELP = "(not yet available)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments yet."""


def main(args: argparse.Namespace) -> int:
    """Not yet implemented."""
    print("anonymise check: not yet available")
    return 4
