"""Pure rendering: a Catalog in, {relative path: text} out. Nothing here touches disk."""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Catalog
from generator.targets import TARGETS, Files

TARGET_NAMES: tuple[str, ...] = tuple(TARGETS)


def render(catalog: Catalog, targets: Iterable[str] = TARGET_NAMES) -> Files:
    """Every file of the chosen targets, keyed by its path under the output root."""
    files: Files = {}
    for target in targets:
        for path, text in TARGETS[target](catalog).items():
            files[f"{target}/{path}"] = text
    return dict(sorted(files.items()))
