"""`errgen package` (make package): the release artifacts of the packages in out/, for consumers
to pin, written under dist/ (never into out/) and named with the catalog's version:

    dist/python/NAME-VERSION-py3-none-any.whl, NAME-VERSION.tar.gz   (the build backend pyproject names)
    dist/typescript/NAME-VERSION.tgz                                 (npm pack)
    dist/go/ESCAPED/MODULE/@v/vVERSION.{zip,mod,info} and list      (a GOPROXY directory)

Reproducible: each package is staged from exactly the files errgen generated (out/ must be up to
date), with fixed modes and times, and built with SOURCE_DATE_EPOCH (from the environment, or
1980-01-01, the earliest time a zip holds), so every run gives the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..writer import MANIFEST, locked, plan

if TYPE_CHECKING:
    from ..model import Catalog

PACKAGED = ("python", "typescript", "go")
DEFAULT_EPOCH = 315532800  # 1980-01-01T00:00:00Z

__all__ = ["PACKAGED", "PackageError", "epoch", "package"]


class PackageError(Exception):
    """A package cannot be built; nothing of it was written."""


def epoch() -> int:
    """SOURCE_DATE_EPOCH, as reproducible builds define it, or the fixed default."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return DEFAULT_EPOCH
    if not value.isdigit():
        raise PackageError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {value!r}")
    return max(int(value), DEFAULT_EPOCH)


class Built(NamedTuple):  # not a dataclass: every run of the CLI imports this module
    target: str
    paths: tuple[Path, ...]


def _stage(out: Path, target: str, paths: Iterable[str], into: Path, when: int) -> Path:
    """A copy of a target's generated files, with modes 644/755 and one mtime, so that nothing
    of this checkout (umask, checkout times, stray files) reaches the artifacts."""
    import shutil  # here: every run of the CLI imports this module, few of them package

    stage = into / target
    for path in sorted(paths):
        relative = path.removeprefix(f"{target}/")
        source, copy = out / path, stage / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        os.chmod(copy, 0o644)
    for directory in sorted({p for p in stage.rglob("*")} | {stage}, reverse=True):
        if directory.is_dir():
            os.chmod(directory, 0o755)
        os.utime(directory, (when, when))
    return stage


def _write(dist: Path, files: dict[str, bytes]) -> tuple[Path, ...]:
    written = []
    for name, data in sorted(files.items()):
        target = dist / name
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.tmp")
        temp.write_bytes(data)
        os.replace(temp, target)
        written.append(target)
    return tuple(written)


def _go_list(directory: Path) -> bytes:
    """The @v/list of a GOPROXY directory: every version it holds, one a line."""
    versions = sorted(p.name.removesuffix(".zip") for p in directory.glob("v*.zip"))
    return "".join(f"{v}\n" for v in versions).encode()


def package(catalog: Catalog, out: Path, dist: Path, targets: Iterable[str] = PACKAGED) -> list[Built]:
    """Build each target's artifacts from out/ into dist/; PackageError when out/ is stale or
    a build fails."""
    # The builders (zip, tar, gzip) and the renderer load here: every errgen run imports this
    # package for PACKAGED, a run with nothing to do too.
    from ..render import claims, render_each
    from ..targets import go
    from . import gozip, npm, python
    from .gozip import ModuleError
    from .npm import NpmError
    from .python import BuildError

    targets = tuple(targets)
    if dist.resolve().is_relative_to(out.resolve()):
        raise PackageError(f"the artifacts cannot go into {out}/: choose a directory outside it")
    when = epoch()
    version = catalog.version
    built = []
    import tempfile  # as shutil in _stage

    with tempfile.TemporaryDirectory(prefix="errgen-package-") as temp:
        work = Path(temp)
        stages = {}
        with locked(out, shared=True):  # no generate run changes out/ while it is read
            compared = plan(out, render_each(catalog, targets), claims(targets))
            if not compared.up_to_date:
                raise PackageError(f"{out}/ is not what the spec generates; run `errgen generate` first")
            for target in targets:
                paths = [p for p in compared.produced if p.startswith(f"{target}/") and p != MANIFEST]
                stages[target] = _stage(out, target, paths, work / "stage", when)
        for target, stage in stages.items():
            try:
                if target == "python":
                    files = python.build(stage, work / "python", when)
                elif target == "typescript":
                    files = npm.pack(stage, work / "npm", when)
                else:
                    files = gozip.proxy_files(go.module_path(catalog), f"v{version}", stage, when)
            except (BuildError, NpmError, ModuleError) as exc:
                raise PackageError(f"the {target} package: {exc}") from None
            paths_written = _write(dist / target, files)
            if target == "go":
                at = paths_written[0].parent
                paths_written += _write(at, {"list": _go_list(at)})
            built.append(Built(target, paths_written))
    return built
