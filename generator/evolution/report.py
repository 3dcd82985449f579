"""A diff's result as people read it (one line per change) and as tools read it (one JSON document).

Text: `FILE:LINE:COL: KIND: SUBJECT: MESSAGE [RULE]`, at the place in NEW, the changes in NEW's
order; what is gone points where it was in NEW's list and says where it was in OLD. Then the
summary, the version verdict and whether breaking changes stop the run, on stderr as `errgen:`
lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..release.goversion import suffix_problem
from ..targets import go
from .diff import Change, counts, needs
from .semver import Verdict, Version, check, parse_version
from .sources import Spec

EXIT_OK, EXIT_FAILED = 0, 1


@dataclass(frozen=True)
class Result:
    old: Spec
    new: Spec
    changes: tuple[Change, ...]
    verdict: Verdict
    go_problem: str | None  # the Go module path the new version needs, when it is not the spec's
    allow_breaking: bool

    @property
    def breaking(self) -> int:
        return sum(c.kind == "breaking" for c in self.changes)

    @property
    def exit_code(self) -> int:
        stopped = self.breaking and not self.allow_breaking
        return EXIT_FAILED if stopped or not self.verdict.ok or self.go_problem else EXIT_OK


def _version(spec: Spec) -> Version:
    version = parse_version(spec.catalog.version)
    assert version is not None, "the schema admits only semantic versions"
    return version


def result(old: Spec, new: Spec, changes: Sequence[Change], allow_breaking: bool) -> Result:
    new_version = _version(new)
    verdict = check(_version(old), new_version, needs(changes))
    go_problem = suffix_problem(go.module_path(new.catalog), new_version.major)
    return Result(old, new, tuple(changes), verdict, go_problem, allow_breaking)


def _where(spec: Spec, change: Change, old: bool = False) -> str:
    pointer = change.old_pointer if old else change.pointer
    assert pointer is not None
    position = spec.position(pointer)
    return f"{spec.label}:{position.line}:{position.column}"


def text(outcome: Result) -> tuple[list[str], list[str]]:
    """The change lines (stdout) and the `errgen:` summary lines (stderr)."""
    lines = []
    for change in outcome.changes:
        message = change.message
        if change.gone and change.old_pointer is not None:
            message += f" (it was at {_where(outcome.old, change, old=True)})"
        lines.append(f"{_where(outcome.new, change)}: {change.kind}: {change.subject}: {message} [{change.rule}]")
    summary = ", ".join(f"{n} {kind}" for kind, n in counts(outcome.changes))
    old, new = outcome.old, outcome.new
    notes = [
        f"errgen: {old.label} ({old.catalog.version}) -> {new.label} ({new.catalog.version}): "
        + (f"{summary} change(s)" if outcome.changes else "no change"),
        f"errgen: {outcome.verdict.message}",
    ]
    if outcome.go_problem:
        notes.append(f"errgen: {outcome.go_problem}")
    if outcome.breaking:
        if outcome.allow_breaking:
            notes.append(f"errgen: {outcome.breaking} breaking change(s) allowed (--allow-breaking)")
        elif outcome.verdict.level == "major" and outcome.verdict.ok:
            notes.append(
                f"errgen: {outcome.breaking} breaking change(s); if they are meant, run again with --allow-breaking"
            )
        else:
            notes.append(
                f"errgen: {outcome.breaking} breaking change(s); if they are meant, give the catalog a new major "
                "version and run again with --allow-breaking"
            )
    return lines, notes


def _position(spec: Spec, change: Change, old: bool = False) -> dict[str, Any]:
    pointer = change.old_pointer if old else change.pointer
    assert pointer is not None
    position = spec.position(pointer)
    return {"file": spec.label, "line": position.line, "column": position.column}


def document(outcome: Result) -> dict[str, Any]:
    """The JSON document of `diff --format json` (keys in a fixed order)."""
    verdict = outcome.verdict
    changes = []
    for change in outcome.changes:
        subject = change.subject
        changes.append(
            {
                "kind": change.kind,
                "rule": change.rule,
                "needs": change.needs,
                "code": subject.code,
                "name": subject.name if not subject.category else None,
                "category": subject.name if subject.category else None,
                "variant": change.variant,
                "message": change.message,
                **_position(outcome.new, change),
                "old": _position(outcome.old, change, old=True) if change.old_pointer is not None else None,
            }
        )
    return {
        "old": {"spec": outcome.old.label, "version": outcome.old.catalog.version},
        "new": {"spec": outcome.new.label, "version": outcome.new.catalog.version},
        "counts": dict(counts(outcome.changes)),
        "changes": changes,
        "version": {
            "ok": verdict.ok,
            "needs": verdict.level,
            "minimum": str(verdict.minimum) if verdict.minimum else None,
            "message": verdict.message,
            "go_module": outcome.go_problem,
        },
        "breaking_allowed": outcome.allow_breaking,
        "exit_code": outcome.exit_code,
    }


def to_json(outcome: Result) -> str:
    return json.dumps(document(outcome), ensure_ascii=False, indent=2) + "\n"
