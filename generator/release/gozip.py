"""A Go module as a module proxy serves it: `@v/VERSION.zip`, `.mod`, `.info` and `list`, in the
layout of a GOPROXY directory (so `GOPROXY=file:///path/to/dist/go` serves it as it is).

The zip holds what golang.org/x/mod/zip's CreateFromDir takes from the module's directory, under
`MODULE@VERSION/`, in its walk order (each directory's names sorted, directories entered where
they sort): every regular file, except those in VCS directories (.git, .hg, .svn, .bzr), in
`vendor/` directories below the root, and in subdirectories that are modules of their own (hold
a go.mod); with its checks: valid file paths, no two that differ only in case, the size limits.
The go command verifies a module by the hash of its files' contents (go.sum's h1:), not by the
zip's bytes, so entries are deflated by zlib; each has the same fixed time and no extra field,
so the same files always give the same bytes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from ..release.goversion import suffix_problem

MAX_ZIP_FILE = 500 << 20  # all files together
MAX_GO_MOD = 16 << 20
MAX_LICENSE = 16 << 20
_VCS = frozenset({".bzr", ".git", ".hg", ".svn"})
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold

# module.CheckFilePath: each element of letters (any script), digits and this ASCII punctuation,
# not ending in a dot, and neither a name Windows reserves (CON, NUL, COM1 ...) before its first
# dot nor a short name's "~digits" tail.
_PUNCTUATION = frozenset("!#$%&()+,-.=@[]^_{}~ ")
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])")
_SHORT_NAME = re.compile(r"[^~]*~[0-9]+")


class ModuleError(Exception):
    """The directory cannot be published as a Go module at this version."""


def escape(path: str) -> str:
    """module.EscapePath: a capital letter becomes "!" and its lower case (proxies are served
    from case-insensitive file systems too)."""
    return "".join("!" + c.lower() if "A" <= c <= "Z" else c for c in path)


def _check_file_path(name: str) -> None:
    for element in name.split("/"):
        short = element.split(".")[0]
        bad = (
            element in ("", ".", "..")
            or element.endswith(".")
            or not all(c in _PUNCTUATION or c.isalnum() if c.isascii() else c.isalpha() for c in element)
            or _RESERVED.fullmatch(short) is not None
            or _SHORT_NAME.fullmatch(short) is not None
        )
        if bad:
            raise ModuleError(f"{name!r} is not a file name a Go module may hold")


def files(root: Path) -> list[tuple[str, Path]]:
    """The files x/mod/zip would put into the module zip, as (slash path, file), in its order."""
    found: list[tuple[str, Path]] = []

    def walk(directory: Path, prefix: str) -> None:
        for entry in sorted(directory.iterdir(), key=lambda p: p.name):
            name = prefix + entry.name
            if entry.is_symlink():
                continue
            if entry.is_dir():
                submodule = (entry / "go.mod").is_file()
                vendored = entry.name == "vendor" and prefix != ""
                if entry.name not in _VCS and not submodule and not vendored:
                    walk(entry, name + "/")
            elif entry.is_file():
                found.append((name, entry))

    walk(root, "")
    return found


def zip_bytes(module: str, version: str, root: Path) -> bytes:
    listed = files(root)
    if ("go.mod", root / "go.mod") not in listed:
        raise ModuleError(f"{root} has no go.mod")
    folded: dict[str, str] = {}
    total = 0
    for name, path in listed:
        _check_file_path(name)
        first = folded.setdefault(name.casefold(), name)
        if first != name:
            raise ModuleError(f"{name!r} and {first!r} differ only in case")
        size = path.stat().st_size
        total += size
        limit = MAX_GO_MOD if name == "go.mod" else MAX_LICENSE if name == "LICENSE" else None
        if (limit is not None and size > limit) or total > MAX_ZIP_FILE:
            raise ModuleError(f"{name} makes the module larger than a module zip may be")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, path in listed:
            info = zipfile.ZipInfo(f"{module}@{version}/{name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # as Go writes it: no Unix mode
            info.external_attr = 0
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def proxy_files(module: str, version: str, root: Path, epoch: int) -> dict[str, bytes]:
    """The files of one version in a GOPROXY directory, by path under it."""
    if "+" in version:
        raise ModuleError(f"a Go module version has no build metadata: {version} is not one")
    major = int(version.lstrip("v").split(".")[0])
    problem = suffix_problem(module, major)
    if problem:
        raise ModuleError(problem)
    time = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    at = f"{escape(module)}/@v/{escape(version)}"
    return {
        f"{at}.info": (json.dumps({"Version": version, "Time": time}, separators=(",", ":")) + "\n").encode(),
        f"{at}.mod": (root / "go.mod").read_bytes(),
        f"{at}.zip": zip_bytes(module, version, root),
    }
