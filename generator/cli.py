"""The `errgen` command. Exit codes: 0 ok, 1 invalid spec, stale output or failed write, 2 usage
error (130 when interrupted).

Bad input gets a one-line `errgen: ...` message, never a traceback, and the output directory
stays exactly as it was.
"""

from __future__ import annotations

import argparse
import io
import os
import shlex
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from stat import S_ISREG

from . import __version__
from .diagnostics import Diagnostic, Position, SpecError
from .loader import MAX_BYTES
from .model import Catalog
from .render import TARGET_NAMES, RenderError, render
from .validate import load_catalog
from .writer import MANIFEST, WriteError, apply, diff, display, locked, plan, stat

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C


def _path(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="errgen",
        description="Render an API error catalog (spec/errors.yaml) into packages for every target.",
    )
    parser.add_argument("--version", action="version", version=f"errgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def spec_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--spec", default="spec/errors.yaml", type=_path, help="the catalog (default: %(default)s)"
        )

    generate = commands.add_parser("generate", help="write every target's files into the output directory")
    spec_option(generate)
    generate.add_argument("--out", default="out", type=_path, help="output directory (default: %(default)s)")
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
    generate.add_argument(
        "--stat",
        action="store_true",
        help="show a summary per file (lines added and deleted) instead of the diff, or of what was written",
    )
    # The command the stale-output message tells the user to run, for wrappers (make check).
    generate.add_argument("--fix-command", help=argparse.SUPPRESS)
    validate = commands.add_parser("validate", help="check the spec and report every problem")
    spec_option(validate)
    return parser


def _load(spec: str) -> Catalog | int:
    try:
        with open(spec, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # a device (/dev/zero) or a huge file is not read to its end
            info = os.fstat(handle.fileno())
    except OSError as exc:
        print(f"errgen: cannot read the spec {display(spec)}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if len(data) > MAX_BYTES:
            known = S_ISREG(info.st_mode) and info.st_size > MAX_BYTES
            size = f"{info.st_size} bytes" if known else f"more than {MAX_BYTES} bytes"
            raise SpecError([Diagnostic(Position(1, 1), f"file is {size}; the limit is {MAX_BYTES} bytes")])
        return load_catalog(data)
    except SpecError as exc:
        for line in exc.format(display(spec)):
            print(line, file=sys.stderr)
        print(f"errgen: {len(exc.diagnostics)} problem(s); nothing was written", file=sys.stderr)
        return EXIT_FAILED


def _fix_command(args: argparse.Namespace) -> str:
    if args.fix_command:
        return str(args.fix_command)
    words = ["errgen", "generate"]
    if args.spec != "spec/errors.yaml":
        words += ["--spec", args.spec]
    if args.out != "out":
        words += ["--out", args.out]
    for target in args.target or ():
        words += ["--target", target]
    return display(shlex.join(words))


def _generate(args: argparse.Namespace) -> int:
    catalog = _load(args.spec)
    if isinstance(catalog, int):
        return catalog
    targets = tuple(args.target or TARGET_NAMES)
    root = Path(args.out)
    out = display(args.out)
    try:
        rendered = render(catalog, targets)  # before anything touches the disk
        with locked(root, shared=args.check):
            result = plan(root, rendered, targets)
            if args.check:
                if result.up_to_date:
                    return EXIT_OK
                sys.stdout.write(stat(result) if args.stat else diff(result))
                sys.stdout.flush()
                print(
                    f"errgen: {out}/ is out of date with {display(args.spec)}; run: {_fix_command(args)}",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            summary = stat(result) if args.stat and not result.up_to_date else ""
            apply(result)
    except (WriteError, RenderError) as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    sys.stdout.write(summary)
    changed = len([p for p in result.changed if p != MANIFEST]) + len(result.stale)
    print(f"errgen: {out}/ {'updated, ' + str(changed) + ' file(s) changed' if changed else 'already up to date'}")
    return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "validate":
        catalog = _load(args.spec)
        if isinstance(catalog, int):
            return catalog
        print(
            f"errgen: {display(args.spec)} is valid: "
            f"{len(catalog.errors)} code(s) in {len(catalog.categories)} category(ies)"
        )
        return EXIT_OK
    return _generate(args)


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever a path or a message holds, printing it must not fail (after files were written).
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("errgen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of the diff went away (`errgen generate --check | head`)
        with suppress(OSError, ValueError):  # so that the flush at exit does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:  # a bug: still one line, never a traceback
        message = str(exc).splitlines()[0] if str(exc) else ""
        print(f"errgen: internal error: {type(exc).__name__}: {message} (please report it)", file=sys.stderr)
        return EXIT_FAILED
