"""The `errgen` command. Exit codes: 0 ok, 1 invalid spec, stale output or failed write, 2 usage
error (130 when interrupted).

Bad input gets a one-line `errgen: ...` message, never a traceback, and the output directory
stays exactly as it was.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import shlex
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING

from . import __version__, release, rerun
from .diagnostics import Diagnostic, Position, SpecError
from .evolution import arguments as evolution
from .importer import FORMATS as IMPORT_FORMATS
from .limits import MAX_BYTES
from .plugins import TargetError
from .reporting import FORMATS, report
from .writer import MANIFEST, Plan, WriteError, apply, diff, display, locked, plan, stat, write, write_new

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import Catalog

    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]

# What only some runs need (the YAML loader, the validator, the targets and jinja2) is imported
# where it is used: a generate run with nothing to do (the usual run of a build) loads none of it.

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C
IMPORT_LIMIT = 16 * 1024 * 1024  # an upstream page or table errgen import reads


def _path(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text


EXIT_CODES = "exit codes: 0 ok, 1 failed (invalid spec, stale output, write error), 2 usage error"


DIFF_EXIT_CODES = (
    "exit codes: 0 ok, 1 failed (a breaking change without --allow-breaking, a version the changes do not "
    "allow, an invalid spec), 2 usage error (a spec that cannot be read, an unknown git ref)"
)


def _command(
    commands: _Commands,
    name: str,
    summary: str,
    examples: str,
    exit_codes: str = EXIT_CODES,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=f"examples:\n{examples}\n\n{exit_codes}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _target(name: str) -> str:
    from .targets import available

    known = available()
    if name not in known:
        raise argparse.ArgumentTypeError(f"unknown target {name!r}; available: {', '.join(known)}")
    return name


def _spec_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--spec", default="spec/errors.yaml", type=_path, help="the catalog (default: %(default)s)")
    command.add_argument(
        "--max-spec-size",
        type=_size,
        default=MAX_BYTES,
        metavar="SIZE",
        help="refuse a spec larger than this, read no further (bytes, or with K or M; default: 32M)",
    )


def _format_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="how problems are reported: text (file:line:col: message, on stderr), json (one object "
        "per line on stdout: file, line, column, rule, message) or github (workflow annotations)",
    )


def _generate_arguments(commands: _Commands) -> None:
    generate = _command(
        commands,
        "generate",
        "write every target's files into the output directory",
        "  errgen generate                       # spec/errors.yaml -> out/\n"
        "  errgen generate --check --stat        # in CI: fail when out/ is stale\n"
        "  errgen generate --target python --templates my-templates/",
    )
    _spec_option(generate)
    generate.add_argument("--out", default="out", type=_path, help="output directory (default: %(default)s)")
    generate.add_argument(
        "--target",
        action="append",
        type=_target,
        metavar="NAME",
        help="only this target (repeatable; default: the built-in ones and any installed one the spec's "
        "targets block names; `errgen targets` lists them)",
    )
    generate.add_argument(
        "--templates",
        type=_path,
        metavar="DIR",
        help="templates that replace the built-in ones of the same path (python/__init__.py.jinja); "
        "every other template stays built in",
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
    _format_option(generate)
    # The command the stale-output message tells the user to run, for wrappers (make check).
    generate.add_argument("--fix-command", help=argparse.SUPPRESS)


def _validate_arguments(commands: _Commands) -> None:
    validate = _command(
        commands,
        "validate",
        "check the spec and report every problem",
        "  errgen validate\n  errgen validate --spec api/errors.yaml --format github",
    )
    _spec_option(validate)
    _format_option(validate)


def _explain_arguments(commands: _Commands) -> None:
    explain = _command(
        commands,
        "explain",
        "show what the catalog says about one code: name, category, variants, description and marks",
        "  errgen explain -1121\n  errgen explain BAD_SYMBOL\n"
        "  errgen explain -1015 'Too many new orders; current limit is 100 orders per 10 SECOND.'",
    )
    explain.add_argument("code", metavar="CODE", help="a code (-1121; 1121 finds -1121) or a name (BAD_SYMBOL)")
    explain.add_argument("message", metavar="MESSAGE", nargs="?", help="a message to match to its variant")
    _spec_option(explain)


def _export_arguments(commands: _Commands) -> None:
    export = _command(
        commands,
        "export",
        "write the validated catalog as JSON for other tools (its schema: spec/export.schema.json)",
        "  errgen export --format json > catalog.json\n  errgen export --format json --output site/catalog.json",
    )
    _spec_option(export)
    export.add_argument("--format", choices=("json",), default="json", help="the only format: json")
    export.add_argument("--output", type=_path, metavar="FILE", help="write here instead of to stdout")


def _targets_arguments(commands: _Commands) -> None:
    _command(commands, "targets", "list the targets errgen can generate, built in or installed", "  errgen targets")


def _diff_arguments(commands: _Commands) -> None:
    diff = _command(
        commands,
        "diff",
        "classify every change between two versions of the spec and check the version bump",
        "  errgen diff old/errors.yaml spec/errors.yaml\n"
        "  errgen diff --against v1.2.0                 # the spec at a git tag, branch or commit\n"
        "  errgen diff --last-release --format json     # the tag catalog.release_tag names",
        DIFF_EXIT_CODES,
    )
    evolution.add_sources(diff)
    diff.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (one line per change) or json (one document)"
    )
    diff.add_argument(
        "--allow-breaking", action="store_true", help="breaking changes do not fail the run (the version still must)"
    )


def _changelog_arguments(commands: _Commands) -> None:
    changelog = _command(
        commands,
        "changelog",
        "write the changes between two versions of the spec as a Markdown section for a changelog",
        "  errgen changelog --against v1.2.0 --date 2025-06-01\n"
        "  errgen changelog old.yaml spec/errors.yaml --version 1.3.0 --date 2025-06-01 --output spec/CHANGELOG.md",
        "exit codes: 0 ok, 1 failed (an invalid spec, a --version that is not NEW's, a changelog that cannot be "
        "written), 2 usage error (a spec that cannot be read, an unknown git ref, a bad --date)",
    )
    evolution.add_sources(changelog)
    changelog.add_argument(
        "--date", required=True, type=evolution.date_type, help="the release date, YYYY-MM-DD (never the clock's)"
    )
    changelog.add_argument("--version", help="the release (default: NEW's catalog.version, which it must be)")
    changelog.add_argument(
        "--docs-page",
        default="README.md",
        metavar="URL",
        help="the reference page the code links point to, relative to the changelog (default: %(default)s, "
        "as in out/docs/; out/docs/README.md for a changelog at the repository root)",
    )
    changelog.add_argument(
        "--output", type=_path, metavar="FILE", help="add the section to this file, before its latest one"
    )


def _package_arguments(commands: _Commands) -> None:
    package = _command(
        commands,
        "package",
        "build the release artifacts of the packages in the output directory, named with the catalog version",
        "  errgen package                        # out/ -> dist/python, dist/typescript, dist/go\n"
        "  SOURCE_DATE_EPOCH=1700000000 errgen package --dist release/ --target go",
        "exit codes: 0 ok, 1 failed (invalid spec, out/ not up to date, a build or write that fails), 2 usage error",
    )
    _spec_option(package)
    package.add_argument("--out", default="out", type=_path, help="the generated packages (default: %(default)s)")
    package.add_argument(
        "--dist", default="dist", type=_path, help="where the artifacts go, outside --out (default: %(default)s)"
    )
    package.add_argument(
        "--target",
        action="append",
        choices=release.PACKAGED,
        metavar="NAME",
        help=f"only this package (repeatable; default: {', '.join(release.PACKAGED)})",
    )


def _init_arguments(commands: _Commands) -> None:
    init = _command(
        commands,
        "init",
        "start a catalog project: a starter spec, Makefile, .gitignore, CI workflow and pre-commit config",
        "  errgen init\n  errgen init my-api-errors",
    )
    init.add_argument("directory", metavar="DIR", nargs="?", default=".", help="where (default: here)")


def _import_command_arguments(commands: _Commands) -> None:
    adopt = _command(
        commands,
        "import",
        "write a spec from an upstream catalog: a table (JSON, YAML, CSV) or a vendor page (text, Markdown)",
        "  errgen import errors.csv --out spec/errors.yaml\n"
        "  errgen import error-codes.txt --name binance-options --report import-report.txt\n"
        "  errgen import errors.md --format markdown --out spec/errors.yaml --force",
    )
    adopt.add_argument("file", metavar="FILE", type=_path, help="the upstream catalog")
    adopt.add_argument("--out", default="spec/errors.yaml", type=_path, help="the spec to write (default: %(default)s)")
    adopt.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        default="auto",
        help="how FILE is written: table (json, yaml or csv by its suffix), json, yaml, csv, text (a vendor "
        "page as text) or markdown; auto (the default) goes by the suffix, and reads text when unknown",
    )
    adopt.add_argument("--name", help="the catalog's kebab-case name (default: from FILE's name)")
    adopt.add_argument("--title", help="the catalog's title (default: the page's title, or FILE's name)")
    adopt.add_argument(
        "--code-type",
        choices=("auto", "integer", "string"),
        default="auto",
        help="integer or text codes (default: integers when every code is one)",
    )
    adopt.add_argument(
        "--report", type=_path, metavar="FILE", help="write the report of every decision here (default: stderr)"
    )
    adopt.add_argument("--force", action="store_true", help="replace --out when it exists")


_ARGUMENTS: dict[str, Callable[[_Commands], None]] = {
    "generate": _generate_arguments,
    "validate": _validate_arguments,
    "explain": _explain_arguments,
    "export": _export_arguments,
    "targets": _targets_arguments,
    "diff": _diff_arguments,
    "changelog": _changelog_arguments,
    "package": _package_arguments,
    "init": _init_arguments,
    "import": _import_command_arguments,
}


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: of every command, or of `only` (a run builds just its own command's:
    argparse formats each option as it is added, a tenth of a run with nothing to do for them all)."""
    parser = argparse.ArgumentParser(
        prog="errgen",
        description="Render an API error catalog (spec/errors.yaml) into packages for every target.",
        epilog=f"Run `errgen COMMAND --help` for each command's options and examples.\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"errgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for name, add in _ARGUMENTS.items():
        if only is None or only == name:
            add(commands)
    return parser


def _size(text: str) -> int:
    """A size in bytes: 2097152, 2048K or 2M."""
    scale = {"K": 1024, "M": 1024 * 1024}.get(text[-1:].upper(), 1)
    digits = text[:-1] if scale > 1 else text
    if not digits.isascii() or not digits.isdigit() or int(digits) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size: give bytes, or a number with K or M")
    return int(digits) * scale


def _read_spec(spec: str, limit: int) -> bytes | int:
    """The spec's bytes (at most limit + 1 of them), or the exit code when it cannot be read."""
    try:
        with open(spec, "rb") as handle:
            data = handle.read(limit + 1)  # a device (/dev/zero) or a huge file is not read to its end
    except OSError as exc:
        print(f"errgen: cannot read the spec {display(spec)}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return data


def _size_beyond(spec: str, limit: int) -> str:
    """The size of a spec larger than the limit: exact for a file, else only that it is larger."""
    try:
        info = os.stat(spec)
    except OSError:
        info = None
    if info is not None and S_ISREG(info.st_mode) and info.st_size > limit:
        return f"{info.st_size} bytes"
    return f"more than {limit} bytes"


def _unchanged(root: Path, inputs: str) -> bool:
    """Whether the last run into root had these inputs and left root as it still is."""
    try:
        with locked(root, shared=True):
            return rerun.unchanged(root, inputs)
    except (WriteError, OSError):
        return False  # the full path says what is wrong with root


def _load(spec: str, fmt: str = "text", limit: int = MAX_BYTES, data: bytes | None = None) -> Catalog | int:
    if data is None:
        read = _read_spec(spec, limit)
        if isinstance(read, int):
            return read
        data = read
    try:
        if len(data) > limit:
            hint = " (raise it with --max-spec-size)"
            message = f"file is {_size_beyond(spec, limit)}; the limit is {limit} bytes{hint}"
            raise SpecError([Diagnostic(Position(1, 1), message)])
        from .validate import load_catalog

        return load_catalog(data, limit)
    except SpecError as exc:
        stream = sys.stderr if fmt == "text" else sys.stdout  # tools read the structured formats
        for line in report(exc.diagnostics, display(spec), fmt):
            print(line, file=stream)
        stream.flush()
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
    overlay = Path(args.templates) if args.templates is not None else None
    if overlay is not None and not overlay.is_dir():
        print(f"errgen: --templates {display(args.templates)} is not a directory", file=sys.stderr)
        return EXIT_USAGE
    data = _read_spec(args.spec, args.max_spec_size)
    if isinstance(data, int):
        return data
    root = Path(args.out)
    out = display(args.out)
    chosen = tuple(dict.fromkeys(args.target or ()))
    inputs = rerun.inputs(data, chosen, overlay, args.max_spec_size)
    if len(data) <= args.max_spec_size and _unchanged(root, inputs):
        if not args.check:
            print(f"errgen: {out}/ already up to date")
        return EXIT_OK
    if len(data) >= BIG_SPEC:
        _map_big_blocks()
    catalog = _load(args.spec, args.format, args.max_spec_size, data)
    if isinstance(catalog, int):
        return catalog
    import jinja2

    from .render import RenderError, claims, default_targets, render_each
    from .templating import use_templates

    del data  # a big spec's bytes, not needed again: the catalog and what it renders are all that is held
    use_templates(overlay)  # each run its own: an earlier run in this process may have overlaid others
    targets = chosen or default_targets(catalog)
    spec_dir = Path(args.spec).parent
    try:
        if not args.check and not args.stat:  # each file staged as it is rendered, never all held at once
            with locked(root):
                with rerun.noting_sources() as sources:
                    result = write(root, render_each(catalog, targets, spec_dir), claims(targets))
                rerun.remember(root, inputs, result.produced, sources)
            return _generated(out, result, "")
        with locked(root, shared=args.check), rerun.noting_sources() as sources:
            result = plan(root, render_each(catalog, targets, spec_dir), claims(targets))  # changed files' bytes kept
            if args.check:
                if result.up_to_date:
                    rerun.remember(root, inputs, result.produced, sources)
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
            rerun.remember(root, inputs, result.produced, sources)
    except (WriteError, RenderError) as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except jinja2.TemplateError as exc:  # a template of --templates that does not render
        where = f" ({exc.filename}:{exc.lineno})" if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        print(f"errgen: a template cannot be rendered{where}: {exc.message or exc}", file=sys.stderr)
        return EXIT_FAILED
    return _generated(out, result, summary)


def _generated(out: str, result: Plan, summary: str) -> int:
    """What a generate run that wrote its plan prints: the --stat summary, if asked for, and a count."""
    sys.stdout.write(summary)
    changed = len([p for p in result.changed if p != MANIFEST]) + len(result.stale)
    print(f"errgen: {out}/ {'updated, ' + str(changed) + ' file(s) changed' if changed else 'already up to date'}")
    return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parser(given[0] if given and given[0] in _ARGUMENTS else None).parse_args(given)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return _COMMANDS[args.command](args)
    except TargetError as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _validate(args: argparse.Namespace) -> int:
    catalog = _load(args.spec, args.format, args.max_spec_size)
    if isinstance(catalog, int):
        return catalog
    print(
        f"errgen: {display(args.spec)} is valid: "
        f"{len(catalog.errors)} code(s) in {len(catalog.categories)} category(ies)"
    )
    return EXIT_OK


# Each command imports what only it needs when it runs: every run pays for the imports at the
# top, and `generate` is the one that runs on every build.


def _explain(args: argparse.Namespace) -> int:
    from .explain import UnknownCode, explain, find

    catalog = _load(args.spec, limit=args.max_spec_size)
    if isinstance(catalog, int):
        return catalog
    try:
        error = find(catalog, args.code)
    except UnknownCode as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    sys.stdout.write(explain(error))
    if args.message is not None:
        matched = error.match(args.message)
        if matched is None:
            print(f"\nThe message fits none of the variants of {error.code} {error.name}.")
        else:
            values = ", ".join(map(repr, matched[1])) or "none"
            print(f"\nThe message is variant {matched[0]}; its values: {values}.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .export import to_json

    catalog = _load(args.spec, limit=args.max_spec_size)
    if isinstance(catalog, int):
        return catalog
    text = to_json(catalog)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"errgen: cannot write {display(args.output)}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"errgen: wrote {display(args.output)}", file=sys.stderr)
    return EXIT_OK


def _package(args: argparse.Namespace) -> int:
    catalog = _load(args.spec, limit=args.max_spec_size)
    if isinstance(catalog, int):
        return catalog
    targets = tuple(dict.fromkeys(args.target)) if args.target else release.PACKAGED
    try:
        built = release.package(catalog, Path(args.out), Path(args.dist), targets)
    except (release.PackageError, WriteError) as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"errgen: cannot write the artifacts: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    for artifact in built:
        for path in artifact.paths:
            print(f"errgen: wrote {display(str(path))}")
    return EXIT_OK


def _targets(_args: argparse.Namespace) -> int:
    from .render import TARGET_NAMES
    from .targets import available

    known = available()
    width = max(map(len, known))
    for name, target in known.items():
        origin = "" if name in TARGET_NAMES else " (installed)"
        print(f"{name:{width}}  {target.summary}{origin}")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .scaffold import init

    directory = Path(args.directory)
    try:
        result = init(directory)
    except OSError as exc:
        print(f"errgen: cannot write in {display(args.directory)}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    for path in result.written:
        print(f"errgen: wrote {display(str(directory / path))}")
    for path in result.kept:
        print(f"errgen: kept {display(str(directory / path))} as it is (it exists)")
    print("errgen: next: errgen validate, then errgen generate (or make generate)")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from .importer import ImportFailed, Options, convert

    source = display(args.file)
    try:
        with open(args.file, "rb") as handle:
            data = handle.read(IMPORT_LIMIT + 1)
    except OSError as exc:
        print(f"errgen: cannot read {source}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if len(data) > IMPORT_LIMIT:
        print(f"{source}:1:1: file is more than {IMPORT_LIMIT} bytes; the limit is {IMPORT_LIMIT}", file=sys.stderr)
        return EXIT_FAILED
    out = Path(args.out)
    if not args.force and (out.exists() or out.is_symlink()):
        print(f"errgen: {display(args.out)} exists; nothing was written (--force replaces it)", file=sys.stderr)
        return EXIT_FAILED
    options = Options(name=args.name, title=args.title, code_type=args.code_type)
    try:
        result = convert(Path(args.file), data, args.format, options)
    except ImportFailed as exc:
        for line in exc.format(source):
            print(line, file=sys.stderr)
        print(f"errgen: {len(exc.diagnostics)} problem(s); nothing was written", file=sys.stderr)
        return EXIT_FAILED
    report_lines = [note.format(source) for note in result.notes]
    try:
        if args.report is not None:
            Path(args.report).write_text("".join(f"{line}\n" for line in report_lines), encoding="utf-8")
        else:
            for line in report_lines:
                print(line, file=sys.stderr)
        write_new(out, result.spec.text.encode("utf-8"), replace=args.force)
    except WriteError as exc:
        print(f"errgen: {exc}; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"errgen: cannot write {display(exc.filename or args.out)}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    entries, decisions = len(result.plan.entries), len(result.notes)
    print(
        f"errgen: wrote {display(args.out)}: {entries} code(s) from {source} ({result.format}), {decisions} decision(s)"
    )
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from .evolution import commands

    return commands.diff(args)


def _changelog(args: argparse.Namespace) -> int:
    from .evolution import commands

    return commands.changelog_command(args)


_COMMANDS = {
    "diff": _diff,
    "changelog": _changelog,
    "generate": _generate,
    "validate": _validate,
    "explain": _explain,
    "export": _export,
    "package": _package,
    "targets": _targets,
    "init": _init,
    "import": _import,
}


BIG_SPEC = 4 * 1024 * 1024  # a spec of 25,000 codes or so, whose files' texts are megabytes each
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
_MMAP_THRESHOLD = 128 * 1024  # glibc's default, which setting it keeps from moving


def _map_big_blocks() -> None:
    """Have glibc's malloc give each big block (a file's text: 1 to 20 MB at 100,000 codes) a
    mapping of its own, returned to the system when the text is let go. By default, freeing the
    first such block raises the threshold past its size, and the next files' texts come from the
    heap, where the model's objects around them keep it from shrinking: 20 MB more at the peak of
    a 100,000-code run. Elsewhere than glibc, nothing is done."""
    try:
        libc = os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (ValueError, OSError):
        return
    if libc.startswith("glibc"):
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A run without the cycle collector: a run builds one big graph of objects (the spec's data,
    the model, the texts) and drops it at exit, and the collector's full passes over it cost a
    sixth of a 100,000-code generate (26 s of CPU against 22 s without) while finding next to
    nothing (a 10,000-code run leaves under a thousand unreachable objects)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever a path or a message holds, printing it must not fail (after files were written).
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        with _no_cycle_collection():
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
