"""Every target errgen knows: the built-in ones, then those other packages register under the
entry-point group `errgen.targets` (each entry point names a Target object)."""

from __future__ import annotations

import importlib
import re
from functools import cache

from ..plugins import ENTRY_POINT_GROUP, TargetError, entry_points
from . import docs, go, html, python, typescript
from .base import Files, Problem, SimpleTarget, Target

__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "Files", "Problem", "SimpleTarget", "Target", "TargetError", "available"]

BUILTIN: tuple[Target, ...] = (python.TARGET, typescript.TARGET, go.TARGET, docs.TARGET, html.TARGET)


@cache
def available() -> dict[str, Target]:
    """Targets by name, built-in ones first, then installed ones in name order."""
    targets: dict[str, Target] = {target.name: target for target in BUILTIN}
    for name, value in sorted(entry_points()):
        try:
            target = _load(value)
        except Exception as exc:  # a broken plugin must not take errgen down with a traceback
            raise TargetError(f"cannot load target {name!r} ({value}): {exc}") from None
        if not isinstance(target, Target):
            raise TargetError(f"target {name!r} ({value}) is not an errgen Target")
        if target.name in targets:
            raise TargetError(f"target {target.name!r} ({value}) is already provided by another package")
        targets[target.name] = target
    return targets


# An entry point's value, as importlib.metadata reads it: module, then optional :object.path and [extras].
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?")


def _load(value: str) -> object:
    match = _VALUE.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not module:object")
    found: object = importlib.import_module(match["module"])
    attributes = match["attr"]
    for part in attributes.split(".") if attributes else []:
        found = getattr(found, part)
    return found
