"""`errgen import`: an upstream catalog (a table, a vendor page as text or Markdown) as a spec.

readers (table.py, text.py, markdown.py) -> Source -> plan.py (every decision, noted) -> Plan ->
spec.py (the YAML, loaded back and compared) -> the validator, whose problems are shown where
the input holds what caused them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import markdown, table, text
from .plan import Options, Plan, plan
from .source import ImportFailed, Note, Source
from .spec import Written, written

FORMATS = ("auto", "table", "json", "yaml", "csv", "text", "markdown")
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

    @property
    def notes(self) -> list[Note]:
        return self.plan.notes


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
    """The spec `data` (the file at `path`) makes; ImportFailed with every problem otherwise."""
    chosen = detect(path, data, fmt)
    planned = plan(read(data, chosen), path, options or Options())
    return Result(written(planned, chosen), planned, chosen)


__all__ = ["FORMATS", "ImportFailed", "Options", "Result", "convert", "detect"]
