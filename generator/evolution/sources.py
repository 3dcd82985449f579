"""The two specs a diff compares: each validated into a Catalog, with the loader's positions.

A spec at a git ref is read with `git show REF:./PATH` from the spec's own directory, so no
checkout is needed and the work tree is not touched. The last release is the tag named by the
spec's `catalog.release_tag` pattern ("v{version}") with the highest version among the tags
reachable from HEAD.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..diagnostics import Diagnostic, Position, SpecError
from ..limits import MAX_BYTES
from ..loader import Document, Pointer, load_yaml
from ..model import Catalog
from ..validate import load_catalog
from ..writer import display
from .semver import Version, parse_version

VERSION_FIELD = "{version}"


class SourceError(Exception):
    """A spec cannot be read at all (a missing file, an unknown git ref): a usage error."""


@dataclass(frozen=True)
class Spec:
    """A validated spec and where it came from."""

    label: str  # as shown in reports: spec/errors.yaml, or v1.0.0:spec/errors.yaml
    catalog: Catalog
    doc: Document

    def position(self, pointer: Pointer) -> Position:
        """The position of the value at pointer, or of its closest parent in this spec."""
        return self.doc.position(pointer)

    @property
    def raw(self) -> dict[str, Any]:
        return cast(dict[str, Any], self.doc.value)

    @property
    def release_tag(self) -> str | None:
        """The git tag pattern of releases, `catalog.release_tag` ("v{version}"), if named."""
        value = self.raw.get("catalog", {}).get("release_tag")
        return value if isinstance(value, str) else None


def parse(data: bytes, label: str) -> Spec:
    """Validate a spec (SpecError lists every problem) and keep its positions."""
    if len(data) > MAX_BYTES:
        raise SpecError([Diagnostic(Position(1, 1), f"file is more than {MAX_BYTES} bytes")])
    catalog = load_catalog(data)
    return Spec(label, catalog, load_yaml(data))


def read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"cannot read the spec {display(path)}: {exc.strerror or exc}") from None


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise SourceError("git is not installed; --against needs it") from None
    except OSError as exc:
        raise SourceError(f"cannot run git in {display(cwd)}: {exc.strerror or exc}") from None


def _directory(path: str) -> Path:
    directory = Path(path).parent
    if not directory.is_dir():
        raise SourceError(f"no directory {display(directory)} for the spec {display(path)}")
    return directory


def read_at_ref(ref: str, path: str) -> bytes:
    """The spec at `path` as it is at a git ref, read from git's objects (nothing is checked out)."""
    if ref.startswith("-") or not ref:
        raise SourceError(f"{ref!r} is not a git ref")
    name = Path(path).name
    proc = _git(["show", f"{ref}:./{name}"], _directory(path))
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
        raise SourceError(f"cannot read {display(path)} at {ref}: {reason[-1] if reason else 'git show failed'}")
    return proc.stdout


def tag_version(pattern: str, tag: str) -> Version | None:
    """The version a tag names under a release_tag pattern (v{version}, v1.2.0 -> 1.2.0)."""
    before, _, after = pattern.partition(VERSION_FIELD)
    found = re.fullmatch(re.escape(before) + "(.+)" + re.escape(after), tag)
    return parse_version(found.group(1)) if found else None


class NoRelease(Exception):
    """There is no release to compare with (yet): nothing to do, not an error."""


def last_release(pattern: str, path: str) -> str:
    """The tag of the highest release reachable from HEAD whose name fits the pattern."""
    glob = pattern.replace(VERSION_FIELD, "*")
    proc = _git(["tag", "--list", glob, "--merged", "HEAD"], _directory(path))
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
        if any("not a git repository" in line for line in reason):
            raise NoRelease(f"{display(path)} is not in a git repository")
        raise SourceError(f"cannot list the release tags: {reason[-1] if reason else 'git tag failed'}")
    found: list[tuple[Version, str]] = []
    for tag in os.fsdecode(proc.stdout).split():
        version = tag_version(pattern, tag)
        if version is not None:
            found.append((version, tag))
    if not found:
        raise NoRelease(f"no tag reachable from HEAD fits {pattern!r} yet")
    return max(found, key=lambda item: item[0].precedence)[1]
