"""Every target errgen knows: the built-in ones, then those other packages register under the
entry-point group `errgen.targets` (each entry point names a Target object)."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
from functools import cache
from typing import Any

from .. import cache as disk_cache
from . import docs, go, html, python, typescript
from .base import Files, Problem, SimpleTarget, Target

__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "Files", "Problem", "SimpleTarget", "Target", "TargetError", "available"]

ENTRY_POINT_GROUP = "errgen.targets"
BUILTIN: tuple[Target, ...] = (python.TARGET, typescript.TARGET, go.TARGET, docs.TARGET, html.TARGET)


class TargetError(Exception):
    """An installed target cannot be loaded or clashes with another one."""


@cache
def available() -> dict[str, Target]:
    """Targets by name, built-in ones first, then installed ones in name order."""
    targets: dict[str, Target] = {target.name: target for target in BUILTIN}
    for name, value in sorted(_entry_points()):
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


def _entry_points() -> list[tuple[str, str]]:
    """(name, "module:object") of every entry point in the group. importlib.metadata reads every
    installed distribution (and costs more to import than a small catalog costs to generate), so
    its answer is kept in errgen's cache for as long as no folder on sys.path changes: installing
    or removing a package changes its folder."""
    stamp = [(entry, _distributions_changed(entry)) for entry in sys.path]
    key = hashlib.sha256(json.dumps([ENTRY_POINT_GROUP, sys.prefix, stamp]).encode()).hexdigest()[:32]

    def scan() -> list[list[str]]:
        from importlib.metadata import entry_points

        return [[point.name, point.value] for point in entry_points(group=ENTRY_POINT_GROUP)]

    found: Any = disk_cache.remembered("entry-points", key, scan)
    return [(str(name), str(value)) for name, value in found]


def _distributions_changed(folder: str) -> int | None:
    """When the distributions in a folder on sys.path last changed (its mtime), or None when it
    holds none (the working directory, where every run writes, holds none)."""
    try:
        with os.scandir(folder or ".") as entries:
            if not any(e.name.endswith((".dist-info", ".egg-info")) for e in entries):
                return None
        return os.stat(folder or ".").st_mtime_ns
    except OSError:
        return None


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
