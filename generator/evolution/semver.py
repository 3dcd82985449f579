"""The version a set of changes requires, by Semantic Versioning 2.0.0.

From 1.0.0 on: a breaking change needs a new major version, an additive or deprecating one a new
minor version, a cosmetic one a new patch version. Below 1.0.0 the usual 0.x convention (Cargo's,
npm's caret ranges) applies: the minor number acts as the major one, so a breaking change needs
0.(x+1).0 and anything else 0.x.(y+1); 1.0.0 is always enough.

Any version at least the required one passes (skipping numbers is allowed); a version lower than
the previous one never does. A pre-release counts as the version it leads to (2.0.0-rc.1 meets
"needs 2.0.0"), and from a pre-release any higher version passes, so that release candidates can
evolve. Build metadata (+build.5) is ignored, as semver says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Level = Literal["major", "minor", "patch"]
LEVELS: tuple[Level, ...] = ("major", "minor", "patch")

_VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?")


@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        return text + "-" + ".".join(self.prerelease) if self.prerelease else text

    @property
    def release(self) -> tuple[int, int, int]:
        return (self.major, self.minor, self.patch)

    @property
    def precedence(self) -> tuple[tuple[int, int, int], int, tuple[tuple[int, int, str], ...]]:
        """A sort key in semver's precedence: a pre-release sorts before its release, its
        identifiers numerically when numeric and before alphanumeric ones."""
        ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease)
        return (self.release, 0 if self.prerelease else 1, ids)


def parse_version(text: str) -> Version | None:
    found = _VERSION.fullmatch(text)
    if found is None:
        return None
    pre = tuple(found.group(4).split(".")) if found.group(4) else ()
    return Version(int(found.group(1)), int(found.group(2)), int(found.group(3)), pre)


def effective(level: Level, version: Version) -> Level:
    """The level a change's level amounts to at this version: below 1.0.0 one level less."""
    if version.major > 0:
        return level
    return "minor" if level == "major" else "patch"


def required(old: Version, level: Level) -> Version:
    """The lowest version after `old` that a change of `level` allows."""
    major, minor, patch = old.release
    level = effective(level, old)
    if level == "major":
        return Version(major + 1, 0, 0)
    if level == "minor":
        return Version(major, minor + 1, 0)
    return Version(major, minor, patch + 1)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    old: Version
    new: Version
    level: Level | None  # what the changes need (None: no change at all)
    minimum: Version | None  # the lowest version that passes
    message: str


_WHY = {
    "major": "breaking changes need a new major version",
    "minor": "additive and deprecating changes need at least a new minor version",
    "patch": "cosmetic changes need at least a new patch version",
}
_WHY_0X = {
    "minor": "breaking changes need a new minor version below 1.0.0",
    "patch": "changes need at least a new patch version below 1.0.0",
}


def check(old: Version, new: Version, level: Level | None) -> Verdict:
    """Whether `new` is a version the changes allow after `old`, and a message that names the
    version to use when it is not."""
    if new.precedence < old.precedence:
        minimum = required(old, level) if level else old
        return Verdict(False, old, new, level, minimum, f"version {new} is lower than {old}; use {minimum}")
    if level is None:
        return Verdict(True, old, new, None, None, f"no change; version {new} is fine")
    if new.precedence == old.precedence:
        minimum = required(old, level)
        why = _why(level, old)
        return Verdict(False, old, new, level, minimum, f"version {new} is unchanged, but {why}: use {minimum}")
    if old.prerelease:  # release candidates may change freely until their release
        return Verdict(True, old, new, level, None, f"version {new} follows the pre-release {old}")
    minimum = required(old, level)
    if new.release < minimum.release:
        why = _why(level, old)
        return Verdict(False, old, new, level, minimum, f"version {new} is too low: {why}: use {minimum}")
    return Verdict(True, old, new, level, minimum, f"version {new} fits the changes (at least {minimum})")


def _why(level: Level, old: Version) -> str:
    return _WHY_0X[effective(level, old)] if old.major == 0 else _WHY[level]
