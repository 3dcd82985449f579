"""`errgen import`: an upstream catalog (a table, a vendor page as text or Markdown) as a spec.

readers (table.py, text.py, markdown.py) -> Source -> plan.py (every decision, noted) -> Plan ->
spec.py (the YAML, loaded back and compared) -> the validator, whose problems are shown where
the input holds what caused them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

FORMATS = ("auto", "table", "json", "yaml", "csv", "text", "markdown")

if TYPE_CHECKING:
    from .pipeline import ImportFailed, Options, Result, convert, detect

_CONVERT = ("ImportFailed", "Options", "Result", "convert", "detect")


def __getattr__(name: str) -> object:
    """The importer proper, loaded when first used: every errgen command parses its arguments
    with FORMATS, and only `errgen import` needs the readers."""
    if name in _CONVERT:
        from . import pipeline as module

        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "ImportFailed", "Options", "Result", "convert", "detect"]
