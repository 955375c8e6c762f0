"""Placeholder for the `anonymise stats` command (being written)."""

from __future__ import annotations

import argparse

NAME = "stats"
HELP = "(not yet available)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments yet."""


def main(args: argparse.Namespace) -> int:
    """Not yet implemented."""
    print("anonymise stats: not yet available")
    return 4
