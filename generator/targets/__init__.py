"""One module per target language: each turns a Catalog into {path: text} under its own directory."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Catalog
from . import docs, go, python, typescript

Files = dict[str, str]

TARGETS: dict[str, Callable[[Catalog], Files]] = {
    "python": python.render,
    "typescript": typescript.render,
    "go": go.render,
    "docs": docs.render,
}
