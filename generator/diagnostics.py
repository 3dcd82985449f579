"""Errors about the spec, each tied to a place in the file it came from."""

from __future__ import annotations

from typing import NamedTuple

# Named tuples, not dataclasses: immutable and ordered as these must be, and every run reads this
# module, where importing dataclasses (and inspect with it) would cost a run with nothing to do a tenth.


class Position(NamedTuple):
    """1-based line and column in the spec file."""

    line: int
    column: int


class Diagnostic(NamedTuple):
    position: Position
    message: str
    rule: str = "yaml"  # which rule found it (for tools): yaml, schema.<keyword>, or a semantic rule's name

    def format(self, path: str) -> str:
        return f"{path}:{self.position.line}:{self.position.column}: {self.message}"


class SpecError(Exception):
    """The spec is invalid; carries every problem found, sorted by position."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(set(diagnostics))
        super().__init__(f"{len(self.diagnostics)} problem(s) in the spec")

    def format(self, path: str) -> list[str]:
        return [d.format(path) for d in self.diagnostics]
