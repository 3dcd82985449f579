"""The files errgen ships beside its code: the templates, the spec's JSON Schema and the runtimes.

In the checkout the first two are the top-level folders `templates/` and `spec/` (the layout users
know); the build maps them into the installed package (`errgen/templates`, `errgen/schema`, see
pyproject.toml), where they are found through the package, wherever and however it is installed.
The runtimes live inside the package itself (`generator/runtime/`, installed as `errgen/runtime/`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

# The package's own folder: pip installs a package as files, so its data is found beside its code
# (importlib.resources would also read zipped packages, at the cost of importing zipfile and more
# on every run).
_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE_DIR.parent


def _installed(folder: str) -> Path | None:
    found = _PACKAGE_DIR / folder
    return found if found.is_dir() else None


def template_loader() -> jinja2.BaseLoader:
    """The built-in templates: package data when installed, templates/ in the checkout."""
    import jinja2  # here: a run with nothing to do reads the templates' bytes, never jinja2

    return jinja2.FileSystemLoader(_installed("templates") or _CHECKOUT / "templates")


def schema_text(name: str = "errors.schema.json") -> str:
    """A JSON Schema errgen ships: the spec's (spec/errors.schema.json in the checkout) or the export's."""
    folder = _installed("schema") or _CHECKOUT / "spec"
    return folder.joinpath(name).read_text(encoding="utf-8")


def runtime_file(language: str, name: str) -> str:
    """A hand-written runtime file (generator/runtime/<language>/<name>), copied verbatim into
    every generated package of that language."""
    return (_PACKAGE_DIR / "runtime" / language / name).read_text(encoding="utf-8")


def files_under(folder: Path) -> list[Path]:
    """Every file below a folder, in a fixed order (bytecode caches left out)."""
    found = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        found += [Path(directory, name) for name in sorted(names)]
    return found


def shipped_files() -> list[Path]:
    """Every file errgen ships (its code, the templates, the schemas, the runtimes), in a fixed
    order: what a generated tree depends on, besides its spec."""
    found = files_under(_PACKAGE_DIR)
    if _installed("templates") is None:  # the checkout: templates/ and spec/ sit beside the package
        found += files_under(_CHECKOUT / "templates")
    if _installed("schema") is None:
        found += [_CHECKOUT / "spec" / name for name in ("errors.schema.json", "export.schema.json")]
    return found
