"""errgen's cache on disk: compiled forms of what it ships (the schema validator, the templates),
so that a run does not compile them again. Only ever a speed-up: a cache that cannot be read or
written is ignored, and every entry is keyed by the digest of what it was compiled from.

The folder: $ERRGEN_CACHE_DIR, else $XDG_CACHE_HOME/errgen, else ~/.cache/errgen;
ERRGEN_CACHE_DIR set to the empty string turns the cache off.
"""

from __future__ import annotations

import json
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

_TAG = sys.implementation.cache_tag  # marshal's format is the interpreter's own


def folder() -> Path | None:
    chosen = os.environ.get("ERRGEN_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "errgen"


def remembered(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """A JSON value from the cache when an entry for `key` is there, else compute() (stored)."""
    where = folder()
    entry = where / f"{name}-{key}.json" if where is not None else None
    if entry is not None:
        try:
            return json.loads(entry.read_bytes())
        except (OSError, ValueError):
            pass
    value = compute()
    if entry is not None:
        store(entry, json.dumps(value).encode())
    return value


def compiled(name: str, key: str, source: Callable[[], str]) -> CodeType:
    """The code object of the Python source `source()` returns, from the cache when an entry
    for `key` (a digest of everything the source depends on) is there."""
    where = folder()
    entry = where / f"{name}-{key}.{_TAG}.marshal" if where is not None else None
    if entry is not None:
        try:
            code = marshal.loads(entry.read_bytes())
            if isinstance(code, CodeType):
                return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
    code = compile(source(), f"<errgen {name}>", "exec")
    if entry is not None:
        store(entry, marshal.dumps(code))
    return code


def store(entry: Path, data: bytes) -> None:
    """Write one entry whole or not at all (two runs at once each write their own temp file)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp = entry.with_name(f".{entry.name}.{os.getpid()}")
        temp.write_bytes(data)
        os.replace(temp, entry)
    except OSError:
        pass
