"""Every target errgen knows: the built-in ones, then those other packages register under the
entry-point group `errgen.targets` (each entry point names a Target object)."""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points

from . import docs, go, python, typescript
from .base import Files, Problem, SimpleTarget, Target

__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "Files", "Problem", "SimpleTarget", "Target", "TargetError", "available"]

ENTRY_POINT_GROUP = "errgen.targets"
BUILTIN: tuple[Target, ...] = (python.TARGET, typescript.TARGET, go.TARGET, docs.TARGET)


class TargetError(Exception):
    """An installed target cannot be loaded or clashes with another one."""


@cache
def available() -> dict[str, Target]:
    """Targets by name, built-in ones first, then installed ones in name order."""
    targets: dict[str, Target] = {target.name: target for target in BUILTIN}
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            target = point.load()
        except Exception as exc:  # a broken plugin must not take errgen down with a traceback
            raise TargetError(f"cannot load target {point.name!r} ({point.value}): {exc}") from None
        if not isinstance(target, Target):
            raise TargetError(f"target {point.name!r} ({point.value}) is not an errgen Target")
        if target.name in targets:
            raise TargetError(f"target {target.name!r} ({point.value}) is already provided by another package")
        targets[target.name] = target
    return targets
