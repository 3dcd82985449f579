"""`errgen init`: the files a new catalog project starts with. Existing files are never overwritten."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .resources import schema_text
from .templating import render_template

# Path in the new project -> template under templates/init/ (None: the schema, copied as it is).
_FILES: dict[str, str | None] = {
    "spec/errors.yaml": "init/errors.yaml.jinja",
    "spec/errors.schema.json": None,  # so that editors check the spec as it is typed
    "Makefile": "init/Makefile.jinja",
    ".gitignore": "init/gitignore.jinja",
    ".github/workflows/errgen.yml": "init/ci.yml.jinja",
    ".pre-commit-config.yaml": "init/pre-commit-config.yaml.jinja",
}


@dataclass
class Scaffold:
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already there: left as they are


def catalog_name(directory: Path) -> str:
    """A kebab-case catalog name from the project folder's name (My API -> my-api)."""
    words = re.findall(r"[a-z0-9]+", directory.resolve().name.lower())
    name = "-".join(words).lstrip("0123456789-") or "my-api"
    return name[:64].rstrip("-")


def files(directory: Path) -> dict[str, str]:
    name = catalog_name(directory)
    title = " ".join(word.capitalize() for word in name.split("-")).replace("Api", "API")
    context = {"name": name, "title": title, "version": __version__}
    return {
        path: render_template(template, **context) if template else schema_text() for path, template in _FILES.items()
    }


def init(directory: Path) -> Scaffold:
    """Write the starter files into `directory` (created if needed), keeping any that exist."""
    result = Scaffold()
    for path, text in files(directory).items():
        target = directory / path
        if target.exists():
            result.kept.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        result.written.append(path)
    return result
