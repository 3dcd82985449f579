"""The only module that touches the output directory.

* Paths stay inside the output root: no absolute paths, no `..`, no symlinks.
* Each file is replaced atomically (temp file + rename), and only when its bytes change.
* A manifest lists the files errgen owns; it deletes only those, and refuses to
  overwrite a file it does not own. The manifest is written before the files
  (listing old and new) and after them (listing new), so a run killed at any
  point leaves nothing unowned and the next run repairs the rest.
* Check mode compares and reports (a diff in near-linear time, see linediff); it writes nothing.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator import linediff

MANIFEST = ".errgen-manifest.json"


class WriteError(Exception):
    """The output cannot be written safely; nothing was changed."""


@dataclass
class Plan:
    """What a run would change under the output root."""

    root: Path
    files: dict[str, bytes]  # everything the run produces, manifest included
    changed: list[str] = field(default_factory=list)  # new or different
    stale: list[str] = field(default_factory=list)  # owned, no longer produced
    owned: set[str] = field(default_factory=set)  # what the manifest on disk lists
    leftovers: list[str] = field(default_factory=list)  # temp files of an interrupted run

    @property
    def up_to_date(self) -> bool:
        return not self.changed and not self.stale and not self.leftovers


def _check_path(path: str) -> None:
    pure = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or pure.is_absolute()
        or any(part in ("", ".", "..") for part in path.split("/"))
    ):
        raise WriteError(f"refusing to write outside the output root: {path!r}")


def _no_symlinks(root: Path, path: str) -> None:
    current = root
    for part in path.split("/"):
        current = current / part
        if current.is_symlink():
            raise WriteError(f"refusing to write through a symlink: {current}")


def _read_manifest(root: Path) -> set[str]:
    manifest = root / MANIFEST
    if not manifest.exists():
        return set()
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        paths = data["files"]
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise ValueError("files must be a list of paths")
    except (ValueError, KeyError, TypeError) as exc:
        raise WriteError(f"{manifest}: unreadable manifest ({exc}); delete it to start over") from None
    for path in paths:
        _check_path(path)
    return set(paths)


def _manifest_text(paths: Iterable[str]) -> bytes:
    body = {"generator": "errgen", "note": "Files errgen owns in this directory.", "files": sorted(paths)}
    return (json.dumps(body, indent=2) + "\n").encode("utf-8")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except (IsADirectoryError, NotADirectoryError):
        raise WriteError(f"{path} cannot be written: something that is not a file is in the way") from None


TEMP_SUFFIX = ".errgen-tmp"


def _leftover_temps(root: Path) -> list[str]:
    """Temp files of a run that was killed before it could rename or remove them."""
    if not root.is_dir():
        return []
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob(f".*{TEMP_SUFFIX}") if p.is_file() and not p.is_symlink()
    )


def plan(root: Path, rendered: dict[str, str], targets: Iterable[str]) -> Plan:
    """Compare what the chosen targets render with what is on disk."""
    prefixes = tuple(f"{t}/" for t in targets)
    owned = _read_manifest(root)
    for path in rendered:
        _check_path(path)
        if path == MANIFEST or not path.startswith(prefixes):
            raise WriteError(f"rendered path {path!r} is outside its target's directory")
        _no_symlinks(root, path)
    # Files of targets not rendered this run stay owned and untouched.
    keep = {p for p in owned if not p.startswith(prefixes)}
    files = {path: text.encode("utf-8") for path, text in rendered.items()}
    files[MANIFEST] = _manifest_text(keep | set(rendered))
    if root.exists() and not root.is_dir():
        raise WriteError(f"{root} is not a directory")
    result = Plan(root=root, files=files, owned=owned, leftovers=_leftover_temps(root))
    for path, data in sorted(files.items()):
        current = _read(root / path)
        if current == data:
            continue
        if current is not None and path not in owned and path != MANIFEST:
            raise WriteError(f"{root / path} exists and errgen did not write it; move it away and run again")
        result.changed.append(path)
    result.stale = sorted(p for p in owned if p.startswith(prefixes) and p not in rendered)
    for path in result.stale:
        _no_symlinks(root, path)
    return result


def _lines(data: bytes | None) -> list[str]:
    """Lines as patch(1) sees them: split at LF only, not at CR or U+2028, each keeping it (the last may lack one)."""
    parts = (data or b"").decode("utf-8", "replace").split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _file_diff(old: bytes | None, new: bytes | None, fromfile: str, tofile: str) -> list[str]:
    lines = linediff.unified_diff(_lines(old), _lines(new), fromfile, tofile)
    # Nothing differs line by line when both sides are empty; a created or deleted empty file is still a change.
    return lines or [f"--- {fromfile}\n", f"+++ {tofile}\n"]


def diff(result: Plan) -> str:
    """A unified diff from what is on disk to what the run would write."""
    chunks: list[str] = []
    for path in result.changed:
        old = _read(result.root / path)
        chunks += _file_diff(old, result.files[path], f"a/{path}" if old is not None else "/dev/null", f"b/{path}")
    for path in result.stale:
        chunks += _file_diff(_read(result.root / path), None, f"a/{path}", "/dev/null")
    for path in result.leftovers:
        chunks.append(f"Only in {result.root}: {path} (left by an interrupted run)\n")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in chunks)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic_write(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@contextmanager
def locked(root: Path, *, shared: bool = False) -> Iterator[None]:
    """Serialise runs on the same output root (a lock on the directory itself).

    Writers take it exclusively and create the root; readers (check mode) share it,
    and take none when the root does not exist, so they never create anything.
    """
    if root.exists() and not root.is_dir():
        raise WriteError(f"{root} is not a directory")
    if shared and not root.exists():
        yield
        return
    if not shared:
        root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def apply(result: Plan) -> None:
    """Carry out a plan made under the same lock."""
    root = result.root
    mode = 0o666 & ~_umask()
    manifest = root / MANIFEST
    if result.up_to_date:
        return

    def write(path: Path, data: bytes) -> None:
        if _read(path) != data:
            _atomic_write(path, data, mode)

    # First claim everything this run may create, so a crash leaves nothing unowned.
    write(manifest, _manifest_text(result.owned | set(result.files) - {MANIFEST}))
    for path in result.changed:
        if path != MANIFEST:
            write(root / path, result.files[path])
    for path in [*result.stale, *result.leftovers]:
        (root / path).unlink(missing_ok=True)
        parent = (root / path).parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    write(manifest, result.files[MANIFEST])
