"""Pure rendering: a Catalog in, {relative path: text} out. Nothing here touches disk."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Catalog
from .targets import TARGETS, Files

TARGET_NAMES: tuple[str, ...] = tuple(TARGETS)


class RenderError(Exception):
    """The spec is valid, but a target cannot express something in it."""


def render(catalog: Catalog, targets: Iterable[str] = TARGET_NAMES) -> Files:
    """Every file of the chosen targets, keyed by its path under the output root."""
    files: Files = {}
    for target in targets:
        try:
            rendered = TARGETS[target](catalog)
        except ValueError as exc:  # raised by an escaping function that cannot write a value
            raise RenderError(f"the {target} target cannot express the spec: {exc}") from None
        for path, text in rendered.items():
            files[f"{target}/{path}"] = text
    return dict(sorted(files.items()))
