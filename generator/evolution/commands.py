"""`errgen diff` and `errgen changelog`: which two specs, then the report or the section.

Exit codes: 0 fine; 1 a breaking change without --allow-breaking, a version the changes do not
allow, an invalid spec, or a changelog that cannot be written; 2 a usage error (a spec that
cannot be read, an unknown git ref, a bad --date).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diagnostics import SpecError
from ..reporting import report
from ..writer import display
from . import changelog
from .diff import compare
from .report import EXIT_FAILED, EXIT_OK, result, text, to_json
from .sources import NoRelease, SourceError, Spec, last_release, parse, read_at_ref, read_file

EXIT_USAGE = 2


class _Usage(Exception):
    pass


class _Nothing(Exception):
    """No release to compare with: not an error for `make check`."""


class _Invalid(Exception):
    def __init__(self, label: str, error: SpecError) -> None:
        self.label, self.error = label, error


def _load(data: bytes, label: str) -> Spec:
    try:
        return parse(data, label)
    except SpecError as exc:
        raise _Invalid(label, exc) from None


def _specs(args: argparse.Namespace) -> tuple[Spec, Spec]:
    chosen = sum((bool(args.specs), args.against is not None, args.last_release))
    if chosen != 1 or (args.specs and len(args.specs) != 2):
        raise _Usage("give two specs (OLD NEW), or --against REF, or --last-release")
    if args.specs:
        old_path, new_path = args.specs
        return _load(read_file(old_path), display(old_path)), _load(read_file(new_path), display(new_path))
    new = _load(read_file(args.spec), display(args.spec))
    ref = args.against
    if args.last_release:
        pattern = new.release_tag
        if pattern is None:
            raise _Nothing(f"{display(args.spec)} names no release (catalog.release_tag); nothing to compare")
        try:
            ref = last_release(pattern, args.spec)
        except NoRelease as exc:
            raise _Nothing(f"{exc}; nothing to compare") from None
    assert ref is not None
    return _load(read_at_ref(ref, args.spec), f"{ref}:{display(args.spec)}"), new


def _prepared(args: argparse.Namespace) -> tuple[Spec, Spec] | int:
    try:
        return _specs(args)
    except _Usage as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except _Nothing as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_OK
    except SourceError as exc:
        print(f"errgen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except _Invalid as exc:
        for line in report(exc.error.diagnostics, exc.label, "text"):
            print(line, file=sys.stderr)
        print(f"errgen: {exc.label}: {len(exc.error.diagnostics)} problem(s); nothing was compared", file=sys.stderr)
        return EXIT_FAILED


def diff(args: argparse.Namespace) -> int:
    specs = _prepared(args)
    if isinstance(specs, int):
        return specs
    old, new = specs
    outcome = result(old, new, compare(old, new), args.allow_breaking)
    if args.format == "json":
        sys.stdout.write(to_json(outcome))
        return outcome.exit_code
    lines, notes = text(outcome)
    for line in lines:
        print(line)
    sys.stdout.flush()
    for note in notes:
        print(note, file=sys.stderr)
    return outcome.exit_code


def changelog_command(args: argparse.Namespace) -> int:
    specs = _prepared(args)
    if isinstance(specs, int):
        return specs
    old, new = specs
    version = args.version or new.catalog.version
    if version != new.catalog.version:
        print(
            f"errgen: {new.label} is version {new.catalog.version}, not {version}: set catalog.version first",
            file=sys.stderr,
        )
        return EXIT_FAILED
    section = changelog.section(version, args.date, compare(old, new), args.docs_page)
    if args.output is None:
        sys.stdout.write(section)
        return EXIT_OK
    path = Path(args.output)
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(changelog.insert(existing, section, version), encoding="utf-8")
    except changelog.ChangelogError as exc:
        print(f"errgen: {display(args.output)}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8"
        print(f"errgen: cannot update {display(args.output)}: {reason or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"errgen: added the {version} section to {display(args.output)}", file=sys.stderr)
    return EXIT_OK
