"""A re-run that would change nothing, proved without loading or rendering anything.

What `generate` writes is a function of its inputs: the spec's bytes, the chosen targets, the
templates (built-in and overlaid), the files a target brings in from beside the spec, and errgen
itself (its version and every file it ships: code, templates, runtimes, schema; and the files of
installed targets). After each run that leaves an output directory exactly as rendered, errgen
records in its cache (generator.cache) the digest of those inputs and of the files it wrote.
A later run whose inputs have the same digest, into a directory whose files still have theirs,
has nothing to do. Anything else (no record, a cache turned off, any file edited by hand, a
changelog beside the spec changed) takes the full path, which then reports what it finds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__
from . import cache as disk_cache
from .plugins import entry_points
from .resources import files_under, shipped_files
from .writer import leftover_temps

_RECORD_FORMAT = 1
_sources: list[Path] | None = None  # files brought in from beside the spec during a render


def read_source(path: Path, limit: int) -> bytes:
    """Read (at most limit + 1 bytes of) a file a target brings in from beside the spec, and
    note it: it is an input of the run."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if _sources is not None:
        _sources.append(path)
    return data


@contextlib.contextmanager
def noting_sources() -> Iterator[list[Path]]:
    """Every file read_source reads while this is open."""
    global _sources
    _sources = []
    try:
        yield _sources
    finally:
        _sources = None


def _hash_files(digest: hashlib._Hash, paths: Iterable[Path], base: Path | None = None) -> None:
    """Each file's name (from base, when given) and the digest of its bytes; OSError if one is gone."""
    for path in paths:
        digest.update(os.fsencode(path.relative_to(base) if base else path) + b"\0")  # paths are bytes
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def _files_digest(paths: Iterable[Path], base: Path | None = None) -> str | None:
    """The digest of these files, or None when one cannot be read."""
    digest = hashlib.sha256()
    try:
        _hash_files(digest, sorted(paths), base)
    except OSError:
        return None
    return digest.hexdigest()


def inputs(spec: bytes, targets: Iterable[str], overlay: Path | None, limit: int) -> str:
    """The digest of everything a generate run depends on, apart from files read beside the spec."""
    digest = hashlib.sha256(json.dumps([__version__, list(targets), limit]).encode())
    _hash_files(digest, shipped_files())
    _hash_files(digest, sorted(_plugin_files()))
    if overlay is not None:
        _hash_files(digest, files_under(overlay), overlay)
    digest.update(hashlib.sha256(spec).digest())
    return digest.hexdigest()


def _plugin_files() -> list[Path]:
    """The files of the installed targets' code. With none installed (the entry points are read
    from errgen's cache), no target is loaded: a run with nothing to do imports no renderer."""
    if not entry_points():
        return []
    from .targets import BUILTIN, available

    builtin = {target.name for target in BUILTIN}
    modules = [sys.modules.get(type(t).__module__) for t in available().values() if t.name not in builtin]
    return [Path(module.__file__) for module in modules if module is not None and module.__file__]


def _entry(root: Path) -> Path | None:
    folder = disk_cache.folder()
    if folder is None:
        return None
    key = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]
    return folder / "runs" / f"{key}.json"


def remember(root: Path, inputs_digest: str, written: Iterable[str], sources: Iterable[Path]) -> None:
    """Record a run that left root exactly as rendered: `written` are the paths it owns there."""
    entry = _entry(root)
    paths = sorted(written)
    read = sorted(str(p.resolve()) for p in sources)
    files = _files_digest([root / p for p in paths], root)
    source_digest = _files_digest(map(Path, read))
    if entry is None or files is None or source_digest is None:
        return
    record = {
        "format": _RECORD_FORMAT,
        "inputs": inputs_digest,
        "paths": paths,
        "files": files,
        "sources": read,
        "source_digest": source_digest,
    }
    disk_cache.store(entry, json.dumps(record).encode())


def unchanged(root: Path, inputs_digest: str) -> bool:
    """Whether the last recorded run had these inputs and root still holds exactly what it wrote."""
    entry = _entry(root)
    if entry is None:
        return False
    try:
        record = json.loads(entry.read_bytes())
    except (OSError, ValueError):
        return False
    if not isinstance(record, dict) or record.get("format") != _RECORD_FORMAT:
        return False
    if record.get("inputs") != inputs_digest:
        return False
    paths, sources = record.get("paths"), record.get("sources")
    if not isinstance(paths, list) or not isinstance(sources, list):
        return False
    if any(not isinstance(p, str) for p in [*paths, *sources]):
        return False
    if _files_digest(map(Path, sources)) != record.get("source_digest"):
        return False
    return _files_digest([root / p for p in paths], root) == record.get("files") and not leftover_temps(root)
