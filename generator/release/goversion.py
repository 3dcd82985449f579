"""What a Go module path must say for a version: Go's semantic import versioning.

From v2 on, a module's path ends in its major version (`example.com/errors/v2`); below v2 it must
not (golang.org/x/mod/module.CheckPathMajor). A `gopkg.in/name.vN` path carries it its own way.
"""

from __future__ import annotations

import re

_MAJOR_SUFFIX = re.compile(r"/v([1-9][0-9]*)")


def path_major(module: str) -> int | None:
    """The major version a module path names (`.../v2` -> 2), or None when it names none."""
    found = _MAJOR_SUFFIX.search(module, max(0, module.rfind("/")))
    if found is None or found.end() != len(module) or found.group(1) == "1":
        return None
    return int(found.group(1))


def suffix_problem(module: str, major: int) -> str | None:
    """Why a module at this path cannot be published at a version of this major, or None."""
    if module.startswith("gopkg.in/"):
        return None
    named = path_major(module)
    if major >= 2 and named != major:
        base = module[: module.rfind("/")] if named is not None else module
        return (
            f"Go needs the module path of a v{major} module to end in /v{major}: "
            f"set targets.go.module to {base}/v{major} (it is {module})"
        )
    if major < 2 and named is not None:
        base = module[: module.rfind("/")]
        return f"Go allows a /v{named} module path only from v{named}.0.0 on: set targets.go.module to {base}"
    return None
