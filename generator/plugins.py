"""The targets other packages install: the entry points of the group `errgen.targets`, read
without loading any target, so that a run with nothing to do can tell there are none."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any

from . import cache as disk_cache

ENTRY_POINT_GROUP = "errgen.targets"


class TargetError(Exception):
    """An installed target cannot be loaded or clashes with another one."""


def entry_points() -> list[tuple[str, str]]:
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
