"""The command-line arguments of `errgen diff` and `errgen changelog`, apart from the commands
themselves: every errgen run builds its argument parser, and only these two commands need the
comparison code."""

from __future__ import annotations

import argparse


def add_sources(command: argparse.ArgumentParser) -> None:
    """OLD NEW, or --against REF / --last-release with --spec as NEW."""
    command.add_argument("specs", metavar="OLD NEW", nargs="*", help="two spec files (or use --against)")
    command.add_argument(
        "--against",
        metavar="REF",
        help="compare the spec as it is at this git ref (a tag, branch or commit) with --spec",
    )
    command.add_argument(
        "--last-release",
        action="store_true",
        help="compare with the highest release tag reachable from HEAD that the spec's catalog.release_tag names "
        "(nothing to do when it names none, or no such tag exists yet)",
    )
    command.add_argument(
        "--spec", default="spec/errors.yaml", help="NEW with --against or --last-release (default: %(default)s)"
    )


def date_type(text: str) -> str:
    """--date: a calendar date, YYYY-MM-DD, as the user gives it (the clock is never read)."""
    try:
        if len(text) == 10:
            from datetime import date  # here: every run of the CLI imports this module

            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD")
