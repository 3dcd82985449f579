"""`errgen import`, end to end: the reader for a file, the plan, the spec written and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, Position, SpecError
from ..model import Catalog
from ..validate import load_catalog
from . import markdown, table, text
from .plan import Options, Plan, plan
from .planned import PlannedEntry, PlannedSet
from .source import ImportFailed, Note, Source
from .spec import Written, written

_BY_SUFFIX = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
    ".tsv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}


@dataclass
class Result:
    spec: Written
    plan: Plan
    format: str
    catalog: Catalog

    @property
    def notes(self) -> list[Note]:
        """Every decision, the catalog-wide ones first, then in the input's order."""
        return sorted(self.plan.notes, key=lambda n: (n.at is not None, n.at or Position(0, 0)))


def detect(path: Path, data: bytes, fmt: str) -> str:
    """The reader for a file: the one asked for, else by its suffix, else by its first character
    (`[` or `{`: JSON), else text. `table` is JSON, YAML or CSV by suffix (CSV when unknown)."""
    by_suffix = _BY_SUFFIX.get(path.suffix.lower())
    if fmt == "table":
        if by_suffix in ("json", "yaml", "csv"):
            return by_suffix
        return "json" if data.lstrip()[:1] in (b"[", b"{") else "csv"
    if fmt != "auto":
        return fmt
    if by_suffix is not None:
        return by_suffix
    return "json" if data.lstrip()[:1] in (b"[", b"{") else "text"


def read(data: bytes, fmt: str) -> Source:
    if fmt in ("json", "yaml"):
        return table.read_document(data, fmt)
    if fmt == "csv":
        return table.read_csv(data)
    if fmt == "markdown":
        return markdown.read(data)
    return text.read(data)


def convert(path: Path, data: bytes, fmt: str = "auto", options: Options | None = None) -> Result:
    """The spec `data` (the file at `path`) makes, validated; ImportFailed with every problem
    otherwise, each where the input holds what caused it."""
    chosen = detect(path, data, fmt)
    planned = plan(read(data, chosen), path, options or Options())
    while True:
        spec = written(planned, chosen)
        try:
            catalog = load_catalog(spec.text.encode("utf-8"))
        except SpecError as exc:
            if not _choose_classes(planned, spec, exc.diagnostics):
                raise ImportFailed([_in_input(spec, d) for d in exc.diagnostics]) from None
            continue
        return Result(spec, planned, chosen, catalog)


_CLASS = re.compile(r"`class: (?P<name>[A-Z][A-Za-z0-9]*)`")


def _choose_classes(planned: Plan, spec: Written, diagnostics: list[Diagnostic]) -> bool:
    """Take the class a target suggests where the one a name makes is taken (TIMEOUT makes
    TimeoutError, a Python builtin): the name stays, the class is chosen. Whether any was."""
    chosen = False
    for diagnostic in diagnostics:
        suggested = _CLASS.search(diagnostic.message)
        subject = spec.subject(diagnostic.position.line)
        if diagnostic.rule != "class-name" or suggested is None or subject is None or isinstance(subject, PlannedSet):
            continue
        if subject.class_given is None:
            subject.class_given = suggested.group("name")
            what = subject.code if isinstance(subject, PlannedEntry) else subject.name
            planned.notes.append(
                Note(
                    subject.at,
                    "class",
                    f"{what}: class {subject.class_given} ({diagnostic.message.split(': ', 1)[-1]})",
                )
            )
            chosen = True
    return chosen


def _in_input(spec: Written, diagnostic: Diagnostic) -> Diagnostic:
    """A problem of the spec the import made, shown at the input's entry it was written from."""
    subject = spec.subject(diagnostic.position.line)
    line = diagnostic.position.line
    at = subject.at if subject is not None else Position(1, 1)
    return Diagnostic(at, f"{diagnostic.message} (in the spec it makes, line {line})", diagnostic.rule)


__all__ = ["ImportFailed", "Options", "Result", "convert", "detect"]
