"""The Python package's wheel and sdist, built by the backend its pyproject.toml names (PEP 517),
in a fresh interpreter whose working directory is the staged package."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

# Runs the PEP 517 hooks: argv = backend ("module" or "module:object"), output directory, and
# the backend-path entries.
_HOOKS = """
import importlib, sys
module, _, attribute = sys.argv[1].partition(":")
sys.path[:0] = sys.argv[3:]
try:
    backend = importlib.import_module(module)
except ImportError as exc:
    print(exc, file=sys.stderr)
    sys.exit(3)
for name in filter(None, attribute.split(".")):
    backend = getattr(backend, name)
print("errgen-built:" + backend.build_wheel(sys.argv[2]))
print("errgen-built:" + backend.build_sdist(sys.argv[2]))
"""


class BuildError(Exception):
    pass


def build(source: Path, output: Path, epoch: int) -> dict[str, bytes]:
    """The wheel and the sdist, by file name."""
    try:
        system = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
        backend = str(system["build-backend"])
        paths = [str(source / p) for p in system.get("backend-path", [])]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise BuildError(f"pyproject.toml names no build backend: {exc}") from None
    output.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
    }
    proc = subprocess.run(
        [sys.executable, "-c", _HOOKS, backend, str(output), *paths],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode == 3:
        requires = " ".join(repr(r) for r in system.get("requires", []))
        raise BuildError(
            f"its build backend {backend} is not installed ({proc.stderr.strip()}): pip install {requires}"
        )
    if proc.returncode != 0:
        raise BuildError(f"{backend} failed: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
    names = [
        line.removeprefix("errgen-built:") for line in proc.stdout.splitlines() if line.startswith("errgen-built:")
    ]
    return {name: (output / name).read_bytes() for name in names}
