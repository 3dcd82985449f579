"""The `errgen` command. Exit codes: 0 ok, 1 invalid spec or stale output, 2 usage error."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .diagnostics import SpecError
from .model import Catalog
from .render import TARGET_NAMES, RenderError, render
from .validate import load_catalog
from .writer import MANIFEST, WriteError, apply, diff, locked, plan

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="errgen",
        description="Render an API error catalog (spec/errors.yaml) into packages for every target.",
    )
    parser.add_argument("--version", action="version", version=f"errgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def spec_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--spec", default="spec/errors.yaml", help="the catalog (default: %(default)s)")

    generate = commands.add_parser("generate", help="write every target's files into the output directory")
    spec_option(generate)
    generate.add_argument("--out", default="out", help="output directory (default: %(default)s)")
    generate.add_argument(
        "--target",
        action="append",
        choices=TARGET_NAMES,
        help="only this target (repeatable; default: all of them)",
    )
    generate.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and show a diff if the output is not up to date",
    )
    validate = commands.add_parser("validate", help="check the spec and report every problem")
    spec_option(validate)
    return parser


def _load(spec: str) -> Catalog | int:
    try:
        data = Path(spec).read_bytes()
    except OSError as exc:
        print(f"errgen: cannot read the spec: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return load_catalog(data)
    except SpecError as exc:
        for line in exc.format(spec):
            print(line, file=sys.stderr)
        print(f"errgen: {len(exc.diagnostics)} problem(s); nothing was written", file=sys.stderr)
        return EXIT_FAILED


def _fix_command(args: argparse.Namespace) -> str:
    words = ["errgen", "generate"]
    if args.spec != "spec/errors.yaml":
        words += ["--spec", args.spec]
    if args.out != "out":
        words += ["--out", args.out]
    for target in args.target or ():
        words += ["--target", target]
    return shlex.join(words)


def _generate(args: argparse.Namespace) -> int:
    catalog = _load(args.spec)
    if isinstance(catalog, int):
        return catalog
    targets = tuple(args.target or TARGET_NAMES)
    root = Path(args.out)
    try:
        with locked(root, shared=args.check):
            result = plan(root, render(catalog, targets), targets)
            if args.check:
                if result.up_to_date:
                    return EXIT_OK
                sys.stdout.write(diff(result))
                print(
                    f"errgen: {args.out}/ is out of date with {args.spec}; run: {_fix_command(args)}", file=sys.stderr
                )
                return EXIT_FAILED
            apply(result)
    except (WriteError, RenderError) as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    changed = len([p for p in result.changed if p != MANIFEST]) + len(result.stale)
    print(f"errgen: {args.out}/ {'updated, ' + str(changed) + ' file(s) changed' if changed else 'already up to date'}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "validate":
        catalog = _load(args.spec)
        if isinstance(catalog, int):
            return catalog
        print(f"errgen: {args.spec} is valid: {len(catalog.errors)} code(s) in {len(catalog.categories)} category(ies)")
        return EXIT_OK
    return _generate(args)
