"""The npm package's tarball, made by `npm pack` from the staged package (npm writes every entry
with one fixed time and mode, in a fixed order, so the same files give the same bytes)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path


class NpmError(Exception):
    pass


def pack(source: Path, output: Path, epoch: int) -> dict[str, bytes]:
    """The tarball, by file name (NAME-VERSION.tgz, a scope's @ and / as npm writes them)."""
    npm = shutil.which("npm")
    if npm is None:
        raise NpmError("npm is not installed; the tarball needs npm pack")
    output.mkdir(parents=True, exist_ok=True)
    cache = output / "cache"  # nothing of the user's npm cache or config is read or written
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
        "npm_config_cache": str(cache),
        "npm_config_userconfig": os.devnull,
        "npm_config_update_notifier": "false",
        "npm_config_fund": "false",
        "npm_config_audit": "false",
        "npm_config_loglevel": "error",
    }
    proc = subprocess.run(
        [npm, "pack", "--json", "--ignore-scripts", "--pack-destination", str(output)],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        raise NpmError(f"npm pack failed: {proc.stderr.strip() or proc.returncode}")
    try:
        name = json.loads(proc.stdout)[0]["filename"]
    except (ValueError, LookupError, TypeError):
        raise NpmError(f"npm pack said something unexpected: {proc.stdout[:200]!r}") from None
    name = str(name).replace("@", "").replace("/", "-")  # @scope/name-1.0.0.tgz -> scope-name-1.0.0.tgz
    return {name: (output / name).read_bytes()}
