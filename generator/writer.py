"""The only module that touches the output directory.

* Paths stay inside the output root: no absolute paths, no `..`, no symlinks.
* A run is all or nothing. Every new file is first staged beside its target (a temp file in
  the same directory, fsynced) and every file to be replaced is kept as a backup (a hard link,
  or a copy where links are not possible); only once all are staged are they renamed into
  place. Any failure (a full disk, a file size limit, an immutable file, something in the way)
  undoes what was renamed, removes what was staged and the directories the run made, and
  raises WriteError naming the path: the output is left as it was.
* Each file is replaced atomically (rename), and only when its bytes change.
* A manifest lists the files errgen owns; it deletes only those, and refuses to
  overwrite a file it does not own. The manifest is replaced before the files
  (listing old and new) and after them (listing new), so a run killed at any
  point leaves each file wholly old or wholly new and nothing unowned, and the
  next run repairs the rest (temp files left by a killed run included).
* Check mode compares and reports; it writes nothing.
* `write` plans and applies in one, staging each file as it is rendered, so that a big output is
  never held whole in memory; it is all or nothing alike.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath
from stat import S_ISDIR
from typing import TypeVar

MANIFEST = ".errgen-manifest.json"
_T = TypeVar("_T")


class WriteError(Exception):
    """The output cannot be written safely; nothing was changed."""


def display(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 become \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "a directory is in the way"
    if isinstance(exc, NotADirectoryError):
        return "a file is in the way where a directory must be"
    return exc.strerror or str(exc) or type(exc).__name__


def _cannot_write(path: str | bytes | os.PathLike[str] | os.PathLike[bytes], reason: str) -> WriteError:
    return WriteError(f"cannot write {display(path)}: {reason}")


class Plan:
    """What a run would change under the output root. A plain class, not a dataclass: every run imports
    this module, and dataclasses (with inspect) would be a tenth of a run that has nothing to do."""

    __slots__ = ("changed", "current", "files", "leftovers", "owned", "produced", "root", "staged", "stale")

    def __init__(self, root: Path, files: dict[str, bytes], owned: set[str], leftovers: list[str]) -> None:
        self.root = root
        self.files = files  # the bytes of each changed file (but those `write` staged), and the manifest's
        self.changed: list[str] = []  # new or different
        self.stale: list[str] = []  # owned, no longer produced
        self.owned = owned  # what the manifest on disk lists
        self.leftovers = leftovers  # temp files of an interrupted run
        self.current: dict[str, bytes | None] = {}  # on disk, of changed and stale paths
        self.produced: set[str] = set()  # every path the run produces, manifest included
        # Changed files `write` staged as they came, (temp file, backup or None): their bytes are not in `files`.
        self.staged: dict[str, tuple[Path, Path | None]] = {}

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
            raise WriteError(f"refusing to write through a symlink: {display(current)}")


def _read(path: Path) -> bytes | None:
    """A file's bytes, or None where there is none (nor a directory to hold one)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot_write(path, _reason(exc)) from None


def _read_manifest(root: Path) -> tuple[set[str], bytes | None]:
    manifest = root / MANIFEST
    try:
        raw = manifest.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return set(), None
    except OSError as exc:
        raise _cannot_write(manifest, f"unreadable manifest ({_reason(exc)}); delete it to start over") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        paths = data.get("files") if isinstance(data, dict) else None
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise ValueError("no list of files")
    except ValueError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _cannot_write(manifest, f"unreadable manifest ({reason}); delete it to start over") from None
    for path in paths:
        _check_path(path)
    return set(paths), raw


def _manifest_text(paths: Iterable[str]) -> bytes:
    body = {"generator": "errgen", "note": "Files errgen owns in this directory.", "files": sorted(paths)}
    return (json.dumps(body, indent=2) + "\n").encode("utf-8")


TEMP_SUFFIX = ".errgen-tmp"


def leftover_temps(root: Path) -> list[str]:
    """Temp files of a run that was killed before it could rename or remove them."""
    if not root.is_dir():
        return []
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob(f".*{TEMP_SUFFIX}") if p.is_file() and not p.is_symlink()
    )


def _is_stale_file(path: Path) -> bool:
    """Whether an owned path that is no longer produced has a file to delete."""
    try:
        if S_ISDIR(path.lstat().st_mode):
            raise _cannot_write(path, "the manifest lists a file, but a directory is there")
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def plan(
    root: Path,
    rendered: dict[str, str] | Iterable[tuple[str, str]],
    targets: Iterable[str] | Callable[[str], bool],
    *,
    consume: bool = False,
) -> Plan:
    """Compare what the chosen targets render with what is on disk. `targets` says which paths
    the run owns: target names (each owning its folder), or a predicate (render.claims). The plan
    keeps the bytes of the changed files alone. `rendered` is {path: text}, or (path, text) pairs
    compared as they come (render.render_each: one target's texts held at a time); with `consume`,
    each text leaves the dict once encoded, so a big output is never held twice."""
    if isinstance(rendered, dict):
        rendered = _taken(rendered) if consume else list(rendered.items())
    try:
        return _compared(root, rendered, _claimer(targets), None)
    except OSError as exc:  # anything unforeseen while reading: name the path, never a traceback
        raise _cannot_write(exc.filename if exc.filename is not None else root, _reason(exc)) from None


def _taken(rendered: dict[str, str]) -> Iterator[tuple[str, str]]:
    for path in list(rendered):
        yield path, rendered.pop(path)


def _claimer(targets: Iterable[str] | Callable[[str], bool]) -> Callable[[str], bool]:
    """Whether a run owns a path: `targets` as plan and write take it."""
    if callable(targets):
        return targets
    prefixes = tuple(f"{t}/" for t in targets)

    def claimed(path: str) -> bool:
        return path.startswith(prefixes)

    return claimed


def _check_root(root: Path) -> None:
    """The output root is a directory, or can be made one."""
    ancestor = root
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        in_the_way = "it is a file" if ancestor == root else "a file is in the way"
        raise _cannot_write(root, f"{in_the_way} where a directory must be")


def _find_stale(result: Plan, claimed: Callable[[str], bool]) -> None:
    result.stale = sorted(p for p in result.owned if claimed(p) and p not in result.produced)
    for path in result.stale:
        _no_symlinks(result.root, path)
        result.current[path] = _read(result.root / path) if _is_stale_file(result.root / path) else None


def _lines(data: bytes | None) -> list[str]:
    """Lines as patch(1) sees them: split at LF only, not at CR or U+2028, each keeping it (the last may lack one)."""
    parts = (data or b"").decode("utf-8", "replace").split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _file_diff(old: bytes | None, new: bytes | None, fromfile: str, tofile: str) -> list[str]:
    from . import linediff  # only check mode and --stat show changes

    lines = linediff.unified_diff(_lines(old), _lines(new), fromfile, tofile)
    # Nothing differs line by line when both sides are empty; a created or deleted empty file is still a change.
    return lines or [f"--- {fromfile}\n", f"+++ {tofile}\n"]


def _changes(result: Plan) -> Iterator[tuple[str, bytes | None, bytes | None]]:
    """(path, bytes on disk, bytes the run writes) of every file a run changes; None is no file."""
    for path in result.changed:
        yield path, result.current.get(path), result.files[path]
    for path in result.stale:
        yield path, result.current.get(path), None


def diff(result: Plan) -> str:
    """A unified diff from what is on disk to what the run would write."""
    chunks: list[str] = []
    for path, old, new in _changes(result):
        chunks += _file_diff(
            old, new, f"a/{path}" if old is not None else "/dev/null", f"b/{path}" if new is not None else "/dev/null"
        )
    for path in result.leftovers:
        chunks.append(f"Only in {display(result.root)}: {path} (left by an interrupted run)\n")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in chunks)


def stat(result: Plan) -> str:
    """A summary of the diff like git's --stat: `path | +added -deleted` per file, then the totals."""
    from . import linediff

    rows = []
    for path, old, new in _changes(result):
        added, deleted = linediff.counts(_lines(old), _lines(new))
        state = " (new)" if old is None else " (deleted)" if new is None else ""
        rows.append((path, added, deleted, state))
    width = max((len(path) for path, *_ in rows), default=0)
    lines = [f" {path:<{width}} | +{added} -{deleted}{state}\n" for path, added, deleted, state in rows]
    lines += [f" {path} (left by an interrupted run)\n" for path in result.leftovers]
    added = sum(row[1] for row in rows)
    deleted = sum(row[2] for row in rows)
    count = len(rows) + len(result.leftovers)
    lines.append(
        f" {_count(count, 'file')} changed, {_count(added, 'insertion')}(+), {_count(deleted, 'deletion')}(-)\n"
    )
    return "".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def locked(root: Path, *, shared: bool = False) -> Iterator[None]:
    """Serialise runs on the same output root (a lock on the directory itself).

    Writers take it exclusively and create the root (removed again if the run fails and leaves
    it empty); readers (check mode) share it, and take none when the root does not exist, so they
    never create anything.
    """
    created: list[Path] = []
    fd = None
    try:
        _check_root(root)
        exists = root.exists()
        if exists or not shared:
            created = [] if shared else _make_dirs(root)
            fd = os.open(root, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
    except OSError as exc:
        if fd is not None:
            os.close(fd)
        _remove_empty(created)
        raise _cannot_write(root, _reason(exc)) from None
    try:
        yield
    except BaseException:
        _remove_empty(created)
        raise
    finally:
        if fd is not None:
            os.close(fd)


def _make_dirs(directory: Path) -> list[Path]:
    """Create a directory and its missing parents; return the ones created, outermost first."""
    missing: list[Path] = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    if not directory.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(directory))
    created: list[Path] = []
    try:
        for path in reversed(missing):
            try:
                path.mkdir()
            except FileExistsError:  # another run made it meanwhile: it is not this run's to remove
                if not path.is_dir():
                    raise
                continue
            created.append(path)
    except BaseException:
        _remove_empty(created)
        raise
    return created


def _remove_empty(directories: list[Path]) -> None:
    """Remove directories a run created, innermost first, where they are still empty."""
    for directory in reversed(directories):
        with suppress(OSError):
            directory.rmdir()


def _temp_name(target: Path) -> Path:
    """An unused name for a temp file beside target (a leftover of a killed run is found by it)."""
    return target.parent / f".{target.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"


def _new_temp(target: Path) -> tuple[int, Path]:
    """A new temp file beside target, open for writing, readable by its owner alone (as mkstemp's)."""
    while True:
        temp = _temp_name(target)
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600), temp
        except FileExistsError:
            continue


def _stage(target: Path, data: bytes, mode: int) -> Path:
    """A fsynced temp file beside target holding data, ready to be renamed over it."""
    fd, temp = _new_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def _back_up(target: Path, data: bytes) -> Path:
    """A second name for target's current file, to put back if the run fails: a hard link where
    the file system allows one (the very same file), else a copy with its mode and mtime."""
    while True:
        backup = _temp_name(target)
        try:
            os.link(target, backup)  # target is no symlink (plan checked)
            return backup
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                raise
            break  # no hard links here (or the file is immutable: then renaming over it fails too)
    info = target.stat()
    fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(backup, info.st_mode & 0o7777)
        os.utime(backup, ns=(info.st_atime_ns, info.st_mtime_ns))
    except BaseException:
        backup.unlink(missing_ok=True)
        raise
    return backup


class _Run:
    """One apply: what it staged, renamed and created, so that a failure can undo all of it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.at = root  # the path being written, named if it fails
        self.temps: list[Path] = []  # every temp file this run made (staged files and backups)
        self.created: list[Path] = []  # directories this run made, outermost first
        self.undo: list[tuple[Path, Path | None]] = []  # (path renamed, its backup to put back or None)
        self.times: dict[Path, tuple[int, int]] = {}  # each directory this run changes, as it was

    def touching(self, directory: Path) -> None:
        """Note the times of the directory a temp file or a new directory is about to go in."""
        while not directory.is_dir() and directory != directory.parent:
            directory = directory.parent
        if directory not in self.times:
            info = directory.stat()
            self.times[directory] = (info.st_atime_ns, info.st_mtime_ns)

    def stage(self, target: Path, data: bytes, mode: int, old: bytes | None) -> tuple[Path, Path | None]:
        """Stage data for target (and back up the file it replaces, if any)."""
        self.at = target
        self.touching(target.parent)
        if not target.parent.is_dir():
            self.created += _make_dirs(target.parent)
            self.touching(target.parent)
        temp = _stage(target, data, mode)
        self.temps.append(temp)
        if old is None:
            return temp, None
        backup = _back_up(target, old)
        self.temps.append(backup)
        return temp, backup

    def replace(self, source: Path, target: Path, backup: Path | None) -> None:
        self.at = target
        os.replace(source, target)
        self.undo.append((target, backup))

    def roll_back(self) -> None:
        """Put back every file renamed so far, newest first. The manifest listing old and new
        files was renamed first, so it is put back last: if anything cannot be put back, it stays
        and nothing is left unowned."""
        for target, backup in reversed(self.undo):
            try:
                if backup is None:
                    target.unlink()
                else:
                    os.replace(backup, target)
            except BaseException:  # a failure or a second Ctrl-C: what is in place stays
                return

    def clean(self) -> None:
        for temp in self.temps:
            with suppress(OSError):  # else found and removed as a leftover by the next run
                temp.unlink(missing_ok=True)

    def restore_times(self) -> None:
        """Give the directories a failed run touched their times back: the output is as it was,
        to the directories' modification times."""
        for directory, (accessed, modified) in self.times.items():
            with suppress(OSError):  # a directory this run made, and removed
                os.utime(directory, ns=(accessed, modified))


def apply(result: Plan) -> None:
    """Carry out a plan made under the same lock: all of it, or (raising WriteError) none of it."""
    if result.up_to_date:
        return
    _all_or_nothing(_Run(result.root), lambda run: _apply(result, run))
    _tidy(result)


def write(root: Path, produced: Iterable[tuple[str, str]], targets: Iterable[str] | Callable[[str], bool]) -> Plan:
    """`plan` and `apply` in one, under a writer's lock, holding one file's bytes at a time: each
    (path, text) of `produced` is compared with the disk as it comes and, where it differs, staged
    beside its target at once. All or nothing as apply: whatever `produced` raises (a target that
    cannot render) removes what was staged, and the output is left as it was. The plan returned
    holds no file's bytes but the manifest's, so it cannot be shown as a diff."""
    claimed = _claimer(targets)

    def run_it(run: _Run) -> Plan:
        result = _compared(root, produced, claimed, run.stage)
        if not result.up_to_date:
            _apply(result, run)
        return result

    result = _all_or_nothing(_Run(root), run_it)
    _tidy(result)
    return result


_Stage = Callable[[Path, bytes, int, bytes | None], tuple[Path, Path | None]]


def _compared(
    root: Path, produced: Iterable[tuple[str, str]], claimed: Callable[[str], bool], stage: _Stage | None
) -> Plan:
    """What a run changes, each file compared with the disk as it comes; a changed file's bytes are
    kept in the plan, or (with `stage`, as `write` runs) staged at once and let go."""
    _check_root(root)
    owned, manifest_bytes = _read_manifest(root)
    result = Plan(root=root, files={}, owned=owned, leftovers=leftover_temps(root))
    mode = 0o666 & ~_umask()
    for path, text in produced:
        _check_path(path)
        if path == MANIFEST or not claimed(path):
            raise WriteError(f"rendered path {path!r} is outside its target's directory")
        if path in result.produced:
            raise WriteError(f"rendered path {path!r} comes twice")
        result.produced.add(path)
        _no_symlinks(root, path)
        data = text.encode("utf-8")
        current = _read(root / path)
        if current == data:
            continue
        if current is not None and path not in owned:
            raise WriteError(f"{display(root / path)} exists and errgen did not write it; move it away and run again")
        result.changed.append(path)
        if stage is None:
            result.files[path], result.current[path] = data, current
        else:
            result.staged[path] = stage(root / path, data, mode, current)
    # Files of targets not rendered this run stay owned and untouched.
    keep = {p for p in owned if not claimed(p)}
    manifest = result.files[MANIFEST] = _manifest_text(keep | result.produced)
    result.produced.add(MANIFEST)
    if manifest != manifest_bytes:
        result.changed.append(MANIFEST)
        result.current[MANIFEST] = manifest_bytes
    result.changed.sort()
    _find_stale(result, claimed)
    return result


def _all_or_nothing(run: _Run, body: Callable[[_Run], _T]) -> _T:
    """Run body; if it fails, undo what it renamed and remove what it staged and made."""
    try:
        done = body(run)
    except BaseException as exc:
        try:
            run.roll_back()
        finally:
            run.clean()
            _remove_empty(run.created)
            run.restore_times()
        if isinstance(exc, OSError):
            raise _cannot_write(run.at, _reason(exc)) from None
        raise
    run.clean()
    return done


def _tidy(result: Plan) -> None:
    """Remove directories left empty by stale files and leftovers (where that fails, they stay)."""
    for path in [*result.stale, *result.leftovers]:
        parent = (result.root / path).parent
        while parent != result.root and parent.is_dir() and not any(parent.iterdir()):
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent


def _apply(result: Plan, run: _Run) -> None:
    root = result.root
    mode = 0o666 & ~_umask()
    manifest = root / MANIFEST
    on_disk = result.current.get(MANIFEST) if MANIFEST in result.changed else result.files[MANIFEST]
    claim = _manifest_text(result.owned | result.produced - {MANIFEST})
    final = result.files[MANIFEST]

    # 1. Stage every new file beside its target (those `write` staged are), and keep the files it replaces.
    staged = []
    for path in result.changed:
        if path != MANIFEST:
            done = result.staged.get(path) or run.stage(root / path, result.files[path], mode, result.current[path])
            staged.append((root / path, *done))
    first = run.stage(manifest, claim, mode, on_disk) if claim != on_disk else None
    last = run.stage(manifest, final, mode, None)[0] if final != claim else None

    # 2. Claim everything this run may create, so that a crash leaves nothing unowned; ...
    if first is not None:
        run.replace(first[0], manifest, first[1])
    for target, temp, backup in staged:
        run.replace(temp, target, backup)
    # ... set the stale files aside (as temp files, removed once all is done) ...
    for path in result.stale:
        if result.current[path] is not None:
            run.at = root / path
            run.touching(run.at.parent)
            aside = _temp_name(run.at)
            run.temps.append(aside)
            os.replace(run.at, aside)
            run.undo.append((run.at, aside))
    # ... and list only what is there now.
    if last is not None:
        run.at = manifest
        os.replace(last, manifest)
    run.undo.clear()  # all done: nothing to put back from here on
    run.temps += [root / path for path in result.leftovers]  # removed with this run's own


def write_new(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write one file whole or not at all (`errgen import`'s spec): staged beside it, fsynced,
    then linked into place, which fails if a file appeared there meanwhile, or (replace) renamed
    over it. Missing parent directories are made, and removed again if the write fails."""
    created: list[Path] = []
    temp: Path | None = None
    try:
        created = _make_dirs(path.parent)
        temp = _stage(path, data, 0o666 & ~_umask())
        if replace:
            os.replace(temp, path)
            temp = None
            return
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: claim the name, then rename over what we own
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.replace(temp, path)
            temp = None
    except OSError as exc:
        _remove_empty(created)
        reason = "it exists (--force replaces it)" if isinstance(exc, FileExistsError) else _reason(exc)
        raise _cannot_write(path, reason) from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
