"""Shared test helpers: running errgen, comparing directory trees."""

from __future__ import annotations

import difflib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "errors.yaml"
OUT = ROOT / "out"


def errgen(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator` as a user would, in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def tree(root: Path) -> dict[str, bytes]:
    """Every regular file under root (hidden ones included), by POSIX path relative to root."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def listing(root: Path) -> dict[str, tuple[str, int, int, int, bytes | None]]:
    """Every entry under root (dirs, files, symlinks) with kind, inode, mtime, mode and bytes:
    equal listings prove that nothing was written, not even the same bytes again."""
    out: dict[str, tuple[str, int, int, int, bytes | None]] = {}
    if not root.exists():
        return out
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        kind = "link" if p.is_symlink() else "dir" if p.is_dir() else "file"
        data = p.read_bytes() if kind == "file" else None
        out[p.relative_to(root).as_posix()] = (kind, st.st_ino, st.st_mtime_ns, st.st_mode, data)
    return out


def tree_diff(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """A readable account of how two trees differ ('' when identical)."""
    lines: list[str] = []
    for path in sorted(expected.keys() | actual.keys()):
        if path not in actual:
            lines.append(f"missing: {path}\n")
        elif path not in expected:
            lines.append(f"unexpected: {path}\n")
        elif expected[path] != actual[path]:
            lines += difflib.unified_diff(
                expected[path].decode("utf-8", "replace").splitlines(keepends=True),
                actual[path].decode("utf-8", "replace").splitlines(keepends=True),
                f"expected/{path}",
                f"actual/{path}",
            )
    return "".join(lines)


def python_runtime() -> ModuleType:
    """The hand-written Python runtime (generator/runtime/python/_runtime.py), imported from its file."""
    name = "errgen_python_runtime"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "generator" / "runtime" / "python" / "_runtime.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def entries(root: Path) -> dict[str, tuple[str, int, int, int, bytes | None]]:
    """listing() without the mtimes of directories: a failed run that made a temp file in a
    directory and removed it again changes its mtime, and nothing else."""
    return {
        path: (kind, ino, 0 if kind == "dir" else mtime, mode, data)
        for path, (kind, ino, mtime, mode, data) in listing(root).items()
    }
